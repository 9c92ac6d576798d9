import Foundation
@testable import GongkaiContent
import GongkaiCore
import Testing

/// `FrontMatterYAML` must give exactly what Yams gives (nodes, texts, marks)
/// or nothing. Every front matter of the example site and of the test
/// sources, and thousands of generated awkward ones, composed both ways.
struct FrontMatterYAMLTests {
    /// The fast path's answer and Yams' answer for one text; nil when they agree.
    static func disagreement(_ yaml: String) -> String? {
        let source = YAMLSource(file: "t.md", text: yaml, lineOffset: 1)
        let reference = source.composeWithYams()
        guard let fast = FrontMatterYAML.compose(yaml) else { return nil }
        if reference.1.isEmpty, reference.0 == fast { return nil }
        return "fast path: \(fast)\nYams: \(reference)\ntext:\n\(yaml)"
    }

    /// The YAML between the fences of every `---` block in `text`: in
    /// multi-line literals, and in one-line literals (`"---\\ntitle: …\\n---"`).
    static func frontMatters(in text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n") {
            var rest = line[...]
            while let open = rest.range(of: "\"---\\n") {
                let after = rest[open.upperBound...]
                guard let close = after.range(of: "\\n---") else { break }
                result.append(String(after[..<close.lowerBound]).replacingOccurrences(of: "\\n", with: "\n")
                    .replacingOccurrences(of: "\\\"", with: "\"") + "\n")
                rest = after[close.upperBound...]
            }
        }
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed == "---" || trimmed == "\"\"\"" && current != nil {
                if let lines = current {
                    if trimmed == "---" { result.append(lines.joined(separator: "\n") + "\n") }
                    current = nil
                } else if trimmed == "---" {
                    current = []
                }
            } else if current != nil {
                // Inside a Swift multi-line literal: its indentation is not the YAML's.
                current!.append(line.hasPrefix("        ") ? line.dropFirst(8) : line)
            }
        }
        return result
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func files(under folder: String, ending suffixes: [String]) -> [URL] {
        let root = repository.appendingPathComponent(folder)
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walk.compactMap { $0 as? URL }.filter { url in suffixes.contains { url.lastPathComponent.hasSuffix($0) } }
    }

    @Test func exampleSiteAndTestSourcesAgree() throws {
        var texts: [String] = []
        for url in Self.files(under: "content", ending: [".md"]) {
            let text = try String(contentsOf: url, encoding: .utf8)
            if case .success(let split) = FrontMatterSplit.split(text, file: url.path) { texts.append(split.yaml) }
        }
        for url in Self.files(under: "content", ending: [".yml"]) {
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        let exampleCount = texts.count
        for url in Self.files(under: "Tests", ending: [".swift", ".md", ".yml"]) {
            texts += Self.frontMatters(in: try String(contentsOf: url, encoding: .utf8))
        }
        #expect(exampleCount > 50)
        #expect(texts.count > exampleCount + 80)
        var fast = 0
        for text in texts {
            if FrontMatterYAML.compose(text) != nil { fast += 1 }
            #expect(Self.disagreement(text) == nil)
        }
        // Most of them take the fast path (else it would not be tested).
        #expect(fast * 2 > exampleCount)
    }

    /// Lines as bench/synth.py writes them, and every variation of spacing,
    /// quoting and punctuation that is near the fast path's edges.
    @Test func generatedFrontMattersAgree() {
        var generator = PrivacyCorpusTests.Random(state: 7)
        let keys = ["title", "标题", "date", "日期", "category", "类别", "period", "公示期", "tags", "k", "a b", "x:y",
                    "-k", "?k", "title ", "t\"", "#k", "...", "---", "k#", "&a", "*a", "!k", "~", "0", "标\u{3000}题"]
        let values = ["马庄村2024年10月财务收支公开", "2024-11-05", "2024-11-05 10:30", "10:30", "a:b", "a: b", "a:",
                      "a # b", "a#b", "\"q\"", "'q'", "'it''s'", "|", ">", "|\n  x", "a\n  b", "", " ", "  a  ",
                      "通知　", "　通知", "a\u{85}b", "a\u{2028}b", "a\u{FEFF}b", "a\u{A0}b", "a\tb", "\ta", "~", "null",
                      "[a, b]", "[ a ,b ]", "[a,]", "[]", "[a, [b]]", "[a: b]", "[a, b] x", "{from: 2024-01-01, to: 2024-01-07}",
                      "{ from: a , to: b }", "{from:a}", "{from: a,}", "{}", "{a: b, a: c}", "{a: {b: c}}", "{a: b} # c",
                      "{a: 10:30}", "{a, b}", "{起: 2024-06-10, 止: 2024-06-17}", "{a: b", "a, b", "a]", "a}", "a[b",
                      "-1", "- a", "?", "@x", "`x`", "%x", "&a x", "*a", "!!str x", "x!", "x&y", "x*y", "x%y", "x@y",
                      "𠀀𬌗😀", "é", "\u{1}", "a\u{7F}", "a\r\nb", "a\r", "...", "--- x", "a::b", "a:#", "é:b"]
        let separators = [": ", ":  ", ":", " : ", ":\t", ":\n  "]
        let endings = ["\n", "  \n", "\r\n", "", "\n\n", " # c\n", "\n  \n"]
        var checked = 0, fast = 0
        for _ in 0..<20_000 {
            var text = ""
            var used: Set<String> = []
            for _ in 0..<generator.below(7) + 1 {
                var key = keys[generator.below(keys.count)]
                if generator.below(4) > 0 {
                    // Mostly distinct plain keys, as real front matter has.
                    key = ["title", "date", "category", "community", "period", "number", "tags"][generator.below(7)]
                }
                if generator.below(10) > 0, used.contains(key) { continue }
                used.insert(key)
                let value = generator.below(3) == 0 ? values[generator.below(values.count)]
                    : ["罗岗社区关于做好城乡居民医疗保险缴费工作的通知", "2018-06-15", "通知公告", "c0100",
                       "{from: 2018-06-15, to: 2018-06-21}", "[财务, 更正]"][generator.below(6)]
                let separator = generator.below(4) == 0 ? separators[generator.below(separators.count)] : ": "
                let ending = generator.below(5) == 0 ? endings[generator.below(endings.count)] : "\n"
                text += key + separator + value + ending
            }
            if generator.below(20) == 0 { text = "\n" + text }
            checked += 1
            if FrontMatterYAML.compose(text) != nil { fast += 1 }
            #expect(Self.disagreement(text) == nil)
        }
        #expect(fast > checked / 10)
        #expect(fast < checked)
    }

    @Test func marksCountCharactersNotBytes() throws {
        let root = try #require(FrontMatterYAML.compose("标题: 马庄村\n日期: 2024-11-05\n公示期: {起: 2024-06-10, 止: 2024-06-17}\n"))
        let pairs = try #require(root.pairs)
        #expect(pairs.map(\.key) == ["标题", "日期", "公示期"])
        #expect(pairs[2].value.mark == YAMLMark(line: 3, column: 6))
        #expect(pairs[2].value.pairs?[1].value.mark == YAMLMark(line: 3, column: 25))
        #expect(Self.disagreement("标题: 马庄村\n日期: 2024-11-05\n公示期: {起: 2024-06-10, 止: 2024-06-17}\n") == nil)
    }

    @Test func leavesAnythingElseToYams() {
        for text in ["title: \"引号\"\n", "title: a # 注释\n", "title: |\n  块\n", "title: a\n  续\n", "- a\n",
                     "title: a\ntitle: b\n", "title:\n", "&a title: x\n", "title: *a\n", "\ttitle: x\n", ""] {
            #expect(FrontMatterYAML.compose(text) == nil, "\(text)")
        }
    }
}

extension PrivacyCorpusTests.Random {
    mutating func below(_ n: Int) -> Int { int(0...(n - 1)) }
}
