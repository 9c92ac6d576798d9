import Foundation
import GongkaiCore
import GongkaiTemplate

/// Test data written as JSON, given to both engines: to ours as
/// `TemplateValue`, to swift-mustache as `[String: Any]` (with `NSNull`, as
/// its own spec tests do).
indirect enum JSON: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSON].self)) }
    }

    static func parse(_ text: String) -> JSON {
        (try? JSONDecoder().decode(JSON.self, from: Data(text.utf8))) ?? .null
    }

    var value: TemplateValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        // No decimals in view models: a number the way Swift prints it.
        case .double(let d): return .string(String(describing: d))
        case .string(let s): return .string(s)
        case .array(let a): return .list(a.map(\.value))
        case .object(let o): return .object(JSONObject(fields: o.mapValues(\.value)))
        }
    }

    var any: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .array(let a): return a.map(\.any)
        case .object(let o): return o.mapValues(\.any)
        }
    }
}

/// A JSON object: looks names up as written.
struct JSONObject: TemplateObject {
    var fields: [String: TemplateValue]
    func value(for key: TemplateKey) -> TemplateValue? { fields[key.name] }
}

/// Renders `template` (named `__test__`) with `partials` through our engine;
/// the output, or the problems.
enum Rendered {
    case success(String)
    case failure([Diagnostic])

    var text: String? { if case .success(let s) = self { s } else { nil } }
    var codes: [String] { if case .failure(let p) = self { p.map(\.code) } else { [] } }
}

func renderOurs(_ template: String, partials: [String: String] = [:], data: TemplateValue) -> Rendered {
    switch renderBytes(template, partials: partials, data: data) {
    case .success(let bytes): return .success(String(decoding: bytes, as: UTF8.self))
    case .failure(let problems): return .failure(problems.list)
    }
}

struct Problems: Error { var list: [Diagnostic] }

/// The same, as the bytes the engine wrote.
func renderBytes(_ template: String, partials: [String: String] = [:], data: TemplateValue) -> Result<[UInt8], Problems> {
    var sources = [TemplateLibrary.Source(name: "__test__", file: "templates/__test__.mustache", text: template)]
    for (name, text) in partials { sources.append(.init(name: name, file: "templates/\(name).mustache", text: text)) }
    let (library, problems) = TemplateLibrary.compile(sources)
    guard let library else { return .failure(Problems(list: problems)) }
    do {
        return .success(try library.render(data, template: "__test__"))
    } catch {
        return .failure(Problems(list: [error]))
    }
}
