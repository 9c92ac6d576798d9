import Mustache

/// A view model behind a reference, so the template engine's casts of each
/// context object retain a pointer instead of copying the whole struct.
final class MustacheBox<Model: MustacheParent>: MustacheParent {
    let model: Model
    init(_ model: Model) { self.model = model }
    func child(named name: String) -> Any? { model.child(named: name) }
}
