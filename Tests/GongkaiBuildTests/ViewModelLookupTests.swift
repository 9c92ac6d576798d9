import Foundation
import Testing

/// View models are read through generated switches (`TemplateObject`): every
/// stored property must have its lookup, or a template would silently show
/// nothing for it.
struct ViewModelLookupTests {
    @Test func everyStoredPropertyHasALookup() throws {
        let dir = FixtureSite.repositoryRoot.appendingPathComponent("Sources/GongkaiRender")
        let models = try String(contentsOf: dir.appendingPathComponent("ViewModels.swift"), encoding: .utf8)
        let lookups = try String(contentsOf: dir.appendingPathComponent("ViewModels+Template.swift"), encoding: .utf8)
        let structs = try NSRegularExpression(pattern: #"struct (\w+) \{\n(.*?)\n\}"#, options: .dotMatchesLineSeparators)
        let vars = try NSRegularExpression(pattern: #"var (\w+):"#)
        var count = 0
        for m in structs.matches(in: models, range: NSRange(models.startIndex..., in: models)) {
            let name = String(models[Range(m.range(at: 1), in: models)!])
            let body = String(models[Range(m.range(at: 2), in: models)!])
            let header = "extension \(name): TemplateObject {"
            guard let start = lookups.range(of: header) else {
                Issue.record("\(name) has no lookup: run scripts/gen-viewmodel-lookups.py")
                continue
            }
            let lookup = String(lookups[start.upperBound...]).components(separatedBy: "\n}\n").first ?? ""
            for v in vars.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
                let property = String(body[Range(v.range(at: 1), in: body)!])
                #expect(lookup.contains("case .\(property)?: return self.\(property)"), "\(name).\(property) has no lookup")
                #expect(lookups.contains("case `\(property)`"), "\(property) is not a ViewModelKey")
                count += 1
            }
        }
        #expect(count > 100)
    }
}
