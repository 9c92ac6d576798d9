import Foundation
import GongkaiTemplate
import Mustache
import Testing

/// The official Mustache spec (Fixtures/mustache-spec, MIT), every test of
/// the suites kept there. Lambdas are not part of it (not supported).
struct MustacheSpecTests {
    struct Suite: Decodable {
        struct Case: Decodable {
            var name: String
            var data: JSON
            var template: String
            var expected: String
            var partials: [String: String]?
        }
        var tests: [Case]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mustache-spec")

    static func suite(_ name: String) throws -> [Suite.Case] {
        try JSONDecoder().decode(Suite.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).json"))).tests
    }

    /// Where swift-mustache 2.1.1 departs from the spec we follow it, so that
    /// a site's templates keep their bytes: these compare with its output.
    static let likeSwiftMustache: Set<String> = [
        "~inheritance/Intrinsic indentation",
        "~inheritance/Nested block reindentation",
    ]

    /// A partial that does not exist is an error here (GK031), never an
    /// empty string: a page with a missing part must not be published.
    static let unknownPartial: Set<String> = [
        "partials/Failed Lookup",
        "~dynamic-names/Failed Lookup - Partial",
    ]

    @Test(arguments: ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names"])
    func suite(_ name: String) throws {
        let cases = try Self.suite(name)
        #expect(!cases.isEmpty)
        for test in cases {
            let id = "\(name)/\(test.name)"
            let ours = renderOurs(test.template, partials: test.partials ?? [:], data: test.data.value)
            if Self.unknownPartial.contains(id) {
                guard case .failure(let problems) = ours else {
                    Issue.record("\(id): rendered without an error")
                    continue
                }
                #expect(problems.map { $0.code } == ["GK031"], "\(id)")
                continue
            }
            var expected = test.expected
            if Self.likeSwiftMustache.contains(id) {
                expected = try swiftMustache(test.template, partials: test.partials ?? [:], data: test.data.any)
                #expect(expected != test.expected, "\(id): swift-mustache now follows the spec; drop the exception")
            }
            switch ours {
            case .success(let text):
                #expect(text == expected, "\(id)\ntemplate: \(test.template.debugDescription)")
            case .failure(let problems):
                Issue.record("\(id): \(problems.map { $0.rendered })")
            }
        }
    }
}

/// The same with swift-mustache (a test-only dependency).
func swiftMustache(_ template: String, partials: [String: String] = [:], data: Any) throws -> String {
    var templates = ["__test__": try MustacheTemplate(string: template)]
    for (name, text) in partials { templates[name] = try MustacheTemplate(string: text) }
    return MustacheLibrary(templates: templates).render(data, withTemplate: "__test__") ?? ""
}
