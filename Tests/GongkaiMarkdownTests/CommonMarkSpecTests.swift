import Foundation
import Testing
@testable import GongkaiMarkdown

/// The wrapper against the 652 examples of the CommonMark 0.30 spec: for every
/// example without a table, gongkai's HTML equals cmark's own in the same
/// (safe) mode, apart from the heading anchors gongkai adds.
struct CommonMarkSpecTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let number: Int
        let section: String
        let markdown: String
        var testDescription: String { "例 \(number)（\(section)）" }
    }

    /// Kept in the repository (Fixtures/README.md: source and licence).
    static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/spec-0.30.txt").path

    static let examples: [Example] = {
        guard let spec = try? String(contentsOfFile: specPath, encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var section = ""
        var inExample = false, inMarkdown = false
        var markdown = ""
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```````````````````````````````` example") {
                inExample = true; inMarkdown = true; markdown = ""
            } else if inExample && line == "````````````````````````````````" {
                inExample = false
                examples.append(Example(number: examples.count + 1, section: section,
                                        markdown: markdown.replacingOccurrences(of: "→", with: "\t")))
            } else if inExample && inMarkdown && line == "." {
                inMarkdown = false
            } else if inExample && inMarkdown {
                markdown += line + "\n"
            } else if !inExample && line.hasPrefix("#") {
                section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            }
        }
        return examples
    }()

    @Test func specHasAll652Examples() {
        #expect(Self.examples.count == 652, "spec not found or changed at \(Self.specPath)")
    }

    @Test(arguments: examples)
    func matchesCmark(_ example: Example) {
        let ours = MarkdownRenderer.render(example.markdown).html
        let withoutAnchors = ours.replacingOccurrences(
            of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        #expect(withoutAnchors == MarkdownRenderer.cmarkReference(example.markdown))
    }
}
