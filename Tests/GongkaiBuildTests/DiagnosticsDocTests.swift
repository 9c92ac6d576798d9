import Foundation
import Testing

/// Every diagnostic code a clerk can see is explained in docs/diagnostics.md,
/// and the document explains no code that gongkai no longer emits: the codes
/// used as string literals (`"GK104"`) anywhere in Sources/ and the codes with
/// a `## GK104 …` heading in the document are the same set.
struct DiagnosticsDocTests {
    static let root = FixtureSite.repositoryRoot

    /// Code → the places (`path:line`) where Sources/ uses it.
    static func codesInSources() throws -> [String: [String]] {
        let sources = root.appendingPathComponent("Sources")
        let literal = try NSRegularExpression(pattern: #""(GK\d{3})""#)
        var found: [String: [String]] = [:]
        let e = try #require(FileManager.default.enumerator(atPath: sources.path))
        while let path = e.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                for m in literal.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    let code = String(line[Range(m.range(at: 1), in: line)!])
                    found[code, default: []].append("Sources/\(path):\(number + 1)")
                }
            }
        }
        return found
    }

    /// Code → how many `## GKnnn` headings docs/diagnostics.md has for it.
    static func codesInDoc() throws -> [String: Int] {
        let doc = try String(contentsOf: root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let heading = try NSRegularExpression(pattern: #"^## (GK\d{3})\b"#, options: .anchorsMatchLines)
        var found: [String: Int] = [:]
        for m in heading.matches(in: doc, range: NSRange(doc.startIndex..., in: doc)) {
            found[String(doc[Range(m.range(at: 1), in: doc)!]), default: 0] += 1
        }
        return found
    }

    @Test func everyCodeInSourcesIsDocumentedAndNothingElse() throws {
        let used = try Self.codesInSources()
        let documented = try Self.codesInDoc()
        #expect(!used.isEmpty, "no \"GKnnn\" code found under Sources/")
        #expect(!documented.isEmpty, "no `## GKnnn` heading found in docs/diagnostics.md")

        let undocumented = Set(used.keys).subtracting(documented.keys).sorted()
        #expect(undocumented.isEmpty, """
            codes used in Sources/ without a `## GKnnn` section in docs/diagnostics.md: \
            \(undocumented.map { "\($0) (\(used[$0]!.joined(separator: ", ")))" }.joined(separator: "; "))
            """)

        let unused = Set(documented.keys).subtracting(used.keys).sorted()
        #expect(unused.isEmpty, """
            codes documented in docs/diagnostics.md that no source file under Sources/ uses: \
            \(unused.joined(separator: ", "))
            """)

        let repeated = documented.filter { $0.value > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "codes with more than one section in docs/diagnostics.md: \(repeated.joined(separator: ", "))")
    }
}
