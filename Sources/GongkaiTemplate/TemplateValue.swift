/// What a template reads: a closed set of values, so rendering needs no `Any`
/// and no dynamic casts (swift-mustache passed every value as `Any` and cast
/// it at every tag, a third of a clean build's CPU).
public enum TemplateValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list(any TemplateList)
    case object(any TemplateObject)
    /// A name that is present with no value (JSON `null`): it ends the search
    /// up the context stack, renders as nothing and is false in a section.
    /// A view model's `nil` optional is not this: it is "not here", and the
    /// search goes on in the enclosing contexts, as swift-mustache did.
    case null
}

/// A name in a template, resolved when the templates are compiled: `id` is
/// its place in the key table given to `TemplateLibrary` (view models switch
/// over it), `name` the name as written (for objects that look names up).
public struct TemplateKey: Sendable, Hashable {
    public let id: Int
    public let name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A value with named children (a view model). `nil`: no such name here.
public protocol TemplateObject: TemplateValueConvertible {
    func value(for key: TemplateKey) -> TemplateValue?
}

extension TemplateObject {
    public var templateValue: TemplateValue { .object(self) }
}

/// A list a section iterates over.
public protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

/// Anything a view model's property can hold.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue { .string(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .int(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .bool(self) }
}

extension TemplateValue: TemplateValueConvertible {
    public var templateValue: TemplateValue { self }
}

extension Array: TemplateList where Element: TemplateValueConvertible {
    public func element(at index: Int) -> TemplateValue { self[index].templateValue }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    public var templateValue: TemplateValue { .list(self) }
}

/// `reversed` of a list, without copying it.
struct ReversedList: TemplateList {
    let base: any TemplateList
    var count: Int { base.count }
    func element(at index: Int) -> TemplateValue { base.element(at: base.count - 1 - index) }
}
