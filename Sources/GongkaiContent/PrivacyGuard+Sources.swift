import GongkaiCore

/// Running the guard over the clerk's files: YAML values (with the positions
/// Yams gives) and Markdown source lines, so each hit points at the exact
/// line and column the clerk typed.
extension PrivacyGuard {
    /// Hits not on the allow-list, with the number (for comparisons inside
    /// the module only; it never reaches a message).
    func hits(in text: String) -> [(PrivacyScanner.Hit, PrivacyFinding)] {
        guard Self.mayContainNumber(text) else { return [] }
        return PrivacyScanner.hits(in: text).filter { !allowed.contains($0.number) }
            .map { ($0, Self.finding($0, in: text)) }
    }

    /// Every scalar value of a YAML document (keys are not published), except
    /// under the top-level keys in `skipping`.
    func diagnostics(yaml: YAMLSource, root: YAMLNode?, skipping: Set<String> = []) -> [Diagnostic] {
        guard let root, Self.mayContainNumber(yaml.text) else { return [] }
        var result: [Diagnostic] = []
        var lines: [[Character]]?
        func walk(_ node: YAMLNode) {
            if let text = node.string {
                for finding in scan(text) {
                    lines = lines ?? yaml.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Array.init)
                    let needle = Array(text.dropFirst(finding.offset).prefix(finding.length))
                    let at = Self.locate(needle, in: lines!, from: node.mark)
                    result.append(finding.diagnostic(file: yaml.file, line: at.line + yaml.lineOffset, column: at.column))
                }
            } else if let mapping = node.mapping {
                for pair in mapping { walk(pair.value) }
            } else if let sequence = node.sequence {
                for item in sequence { walk(item) }
            }
        }
        if let pairs = root.pairs {
            for (key, _, value) in pairs where !skipping.contains(key) { walk(value) }
        } else {
            walk(root)
        }
        return result
    }

    /// Where `needle` was typed: the first occurrence at or after the node's
    /// mark (quotes, block scalars and folding move it); the mark itself when
    /// escapes changed the text.
    static func locate(_ needle: [Character], in lines: [[Character]], from mark: YAMLMark) -> (line: Int, column: Int) {
        let startLine = max(mark.line - 1, 0)
        let startColumn = max(mark.column - 1, 0)
        guard !needle.isEmpty else { return (startLine + 1, startColumn + 1) }
        var lineIndex = startLine
        while lineIndex < lines.count, lineIndex < startLine + 500 {
            let line = lines[lineIndex]
            var column = lineIndex == startLine ? startColumn : 0
            while column + needle.count <= line.count {
                if line[column..<(column + needle.count)].elementsEqual(needle) {
                    return (lineIndex + 1, column + 1)
                }
                column += 1
            }
            lineIndex += 1
        }
        return (startLine + 1, startColumn + 1)
    }

    /// The body's Markdown source (exact positions), then its rendered text
    /// for what Markdown split in the source (`1101**01**…`, entities), which
    /// is reported at the body's first line.
    func bodyDiagnostics(source: String, firstLine: Int, rendered: String, file: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var found = Set<String>()
        for (hit, finding) in hits(in: source) {
            found.insert(hit.number)
            result.append(finding.diagnostic(file: file, line: firstLine + finding.line, column: finding.column))
        }
        for (hit, finding) in hits(in: rendered) where !found.contains(hit.number) {
            // Table cells are joined by spaces in the rendered text: only a
            // number written as one run of digits there is new information.
            let scalars = rendered.unicodeScalars
            let start = scalars.index(scalars.startIndex, offsetBy: hit.start)
            let end = scalars.index(start, offsetBy: hit.end - hit.start)
            guard scalars[start..<end].allSatisfy({ PrivacyScanner.digit($0) != nil || PrivacyScanner.isX($0) }) else { continue }
            found.insert(hit.number)
            var d = finding.diagnostic(file: file, line: firstLine, column: 1)
            d.message = String(d.message.dropLast()) + Messages.privacyInRenderedText + "。"
            result.append(d)
        }
        return result
    }
}
