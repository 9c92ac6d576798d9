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
/// over it). A plain value (no reference counting): it is passed at every tag.
public struct TemplateKey: @unchecked Sendable {
    public let id: Int
    unowned(unsafe) let table: KeyTable

    /// The name as written (for objects that look names up by name).
    public var name: String { table.names[id] }
}

/// The names behind `TemplateKey.id`, owned by the compiled templates (or by
/// whoever makes keys without templates, such as a test).
public final class KeyTable: Sendable {
    let names: [String]
    let ids: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        ids = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The key for `name`, valid while this table lives.
    public func key(_ name: String) -> TemplateKey? {
        ids[name].map { TemplateKey(id: $0, table: self) }
    }
}

/// The names after the first in a dotted name (`b.c` of `a.b.c`), looked up
/// one inside the other. Valid only during the call it is passed to.
public struct TemplatePath {
    let keys: UnsafeBufferPointer<TemplateKey>

    public var isEmpty: Bool { keys.isEmpty }
    public var first: TemplateKey { keys[0] }
    public var rest: TemplatePath { TemplatePath(keys: UnsafeBufferPointer(rebasing: keys.dropFirst())) }

    /// The value at this path inside `value` (itself when the path is empty).
    public func lookup(in value: TemplateValue) -> TemplateValue? {
        guard !isEmpty else { return value }
        guard case .object(let object) = value else { return nil }
        return object.value(for: first, then: rest) ?? nil
    }
}

/// Anything a view model's property can hold.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
    /// `self.key`, when `self` is an object (nil otherwise): lets a list
    /// answer for its items without boxing each into a `TemplateValue`.
    func child(for key: TemplateKey) -> TemplateValue?
    /// Writes `self.key` as `{{key}}` shows it; false when there is no such
    /// name here (the search goes on up the context stack).
    func write(_ key: TemplateKey, to output: inout TemplateOutput) -> Bool
    /// The same two for a value in memory (a list's item): generic code that
    /// reads `list[i]` copies the whole item first, these read it in place.
    static func child(_ item: UnsafePointer<Self>, for key: TemplateKey) -> TemplateValue?
    static func write(_ item: UnsafePointer<Self>, _ key: TemplateKey, to output: inout TemplateOutput) -> Bool
}

extension TemplateValueConvertible {
    public func child(for key: TemplateKey) -> TemplateValue? { nil }
    public func write(_ key: TemplateKey, to output: inout TemplateOutput) -> Bool { false }
    public static func child(_ item: UnsafePointer<Self>, for key: TemplateKey) -> TemplateValue? {
        item.pointee.child(for: key)
    }
    public static func write(_ item: UnsafePointer<Self>, _ key: TemplateKey, to output: inout TemplateOutput) -> Bool {
        item.pointee.write(key, to: &output)
    }
}

/// A value with named children (a view model). `nil`: no such name here.
public protocol TemplateObject: TemplateValueConvertible {
    func value(for key: TemplateKey) -> TemplateValue?
    /// `key`, then `rest` inside it: nil when `key` is not here (the search
    /// goes on up the context stack), `.some(nil)` when it is but `rest` is
    /// not inside it. View models with nested view models answer this
    /// themselves, so that `{{layout.title}}` does not copy `layout` into a
    /// box first.
    func value(for key: TemplateKey, then rest: TemplatePath) -> TemplateValue??
}

extension TemplateObject {
    public var templateValue: TemplateValue { .object(self) }
    public func child(for key: TemplateKey) -> TemplateValue? { value(for: key) }

    public func write(_ key: TemplateKey, to output: inout TemplateOutput) -> Bool {
        guard let value = value(for: key) else { return false }
        output.write(value)
        return true
    }

    public func value(for key: TemplateKey, then rest: TemplatePath) -> TemplateValue?? {
        guard let child = value(for: key) else { return nil }
        return .some(rest.lookup(in: child))
    }

    /// The value at `path` (`self` when it is empty).
    public func value(for path: TemplatePath) -> TemplateValue? {
        path.isEmpty ? templateValue : value(for: path.first, then: path.rest) ?? nil
    }
}

/// A list a section iterates over.
public protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
    /// `element(at: index).key`, without making the element a `TemplateValue`.
    func child(at index: Int, for key: TemplateKey) -> TemplateValue?
    /// `element(at: index).write(key, to:)`, the same way.
    func write(at index: Int, _ key: TemplateKey, to output: inout TemplateOutput) -> Bool
}

extension TemplateList {
    public func child(at index: Int, for key: TemplateKey) -> TemplateValue? {
        element(at: index).child(for: key)
    }

    public func write(at index: Int, _ key: TemplateKey, to output: inout TemplateOutput) -> Bool {
        element(at: index).write(key, to: &output)
    }
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
    public func child(for key: TemplateKey) -> TemplateValue? {
        guard case .object(let object) = self else { return nil }
        return object.value(for: key)
    }

    public func write(_ key: TemplateKey, to output: inout TemplateOutput) -> Bool {
        guard case .object(let object) = self else { return false }
        return object.write(key, to: &output)
    }
}

// Through the buffer: `self[index]` in this generic code would copy the
// element (a whole view model) for every tag.
extension Array: TemplateList where Element: TemplateValueConvertible {
    public func element(at index: Int) -> TemplateValue {
        withUnsafeBufferPointer { $0[index].templateValue }
    }

    public func child(at index: Int, for key: TemplateKey) -> TemplateValue? {
        withUnsafeBufferPointer { Element.child($0.baseAddress! + index, for: key) }
    }

    public func write(at index: Int, _ key: TemplateKey, to output: inout TemplateOutput) -> Bool {
        withUnsafeBufferPointer { Element.write($0.baseAddress! + index, key, to: &output) }
    }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    public var templateValue: TemplateValue { .list(self) }
}

/// `reversed` of a list, without copying it.
struct ReversedList: TemplateList {
    let base: any TemplateList
    var count: Int { base.count }
    func element(at index: Int) -> TemplateValue { base.element(at: base.count - 1 - index) }
    func child(at index: Int, for key: TemplateKey) -> TemplateValue? { base.child(at: base.count - 1 - index, for: key) }
    func write(at index: Int, _ key: TemplateKey, to output: inout TemplateOutput) -> Bool {
        base.write(at: base.count - 1 - index, key, to: &output)
    }
}
