import GongkaiCore
import Yams

/// A YAML text inside a file (site.yml, community.yml, or a notice's front
/// matter starting at some line), composed into nodes that keep their
/// positions, so every diagnostic can point at the clerk's own line and column.
/// The only place that calls Yams.
struct YAMLSource {
    let file: String
    let text: String
    /// File line of the YAML's first line, minus one.
    let lineOffset: Int

    func diagnostic(_ node: YAMLNode?, _ code: String, _ message: String, fix: String = "",
                    severity: Diagnostic.Severity = .error) -> Diagnostic {
        let mark = node?.mark
        return Diagnostic(
            file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1,
            code: code, severity: severity, message: message, fix: fix)
    }

    /// The document's root node, or the syntax problems found.
    func compose() -> (YAMLNode?, [Diagnostic]) {
        if let colon = chineseColonLine() { return (nil, [colon]) }
        if let root = FrontMatterYAML.compose(text) {
            assert(composeWithYams() == (root, []), "FrontMatterYAML differs from Yams on:\n\(text)")
            return (root, [])
        }
        return composeWithYams()
    }

    /// What Yams makes of the text (`compose` without its fast path).
    func composeWithYams() -> (YAMLNode?, [Diagnostic]) {
        do {
            return (try Yams.compose(yaml: text, .basic, .default, .utf8).map(YAMLNode.init), [])
        } catch let error as YamlError {
            return (nil, [syntaxDiagnostic(error)])
        } catch {
            return (nil, [Diagnostic(file: file, line: lineOffset + 1, column: 1, code: "GK001",
                                     message: Messages.yamlGeneric("\(error)"), fix: Messages.yamlFix)])
        }
    }

    /// `标题：通知` (a Chinese colon) is the clerk's most common YAML slip: it
    /// silently makes the whole line one string. Point at the colon instead.
    private func chineseColonLine() -> Diagnostic? {
        // Most front matter has none: look for its bytes (EF BC 9A) first.
        var copy = text
        let hasColon = copy.withUTF8 { b in
            var i = 0
            while i + 2 < b.count {
                if b[i] == 0xEF, b[i + 1] == 0xBC, b[i + 2] == 0x9A { return true }
                i += 1
            }
            return false
        }
        guard hasColon else { return nil }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop(while: { $0 == " " })
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-") || trimmed.hasPrefix("- ") else { continue }
            let body = trimmed.hasPrefix("- ") ? trimmed.dropFirst(2) : trimmed
            guard let colon = body.firstIndex(of: "：") else { continue }
            let before = body[..<colon]
            if before.contains(":") || before.contains("\"") || before.contains("'") || before.isEmpty { continue }
            if before.count > 12 { continue }
            let column = line.distance(from: line.startIndex, to: colon) + 1
            return Diagnostic(file: file, line: lineNumber + lineOffset, column: column, code: "GK001",
                              message: Messages.chineseColon(String(before)), fix: Messages.chineseColonFix)
        }
        return nil
    }

    private func syntaxDiagnostic(_ error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column, code: "GK001",
                              message: Messages.yamlProblem(problem), fix: Messages.yamlFix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                              code: "GK106", message: Messages.duplicateKey(duplicates.joined(separator: "、")),
                              fix: Messages.duplicateKeyFix)
        default:
            return Diagnostic(file: file, line: lineOffset + 1, column: 1, code: "GK001",
                              message: Messages.yamlGeneric("\(error)"), fix: Messages.yamlFix)
        }
    }
}
