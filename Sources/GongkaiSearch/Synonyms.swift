import Foundation

/// The synonym table (templates/synonyms.txt, extended by a site's
/// content/synonyms.txt): one group of equivalent phrases per line, separated
/// by `=`; `#` starts a comment. Applied by the client at query time.
public enum Synonyms {
    public static func parse(_ text: String) -> [[String]] {
        var groups: [[String]] = []
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let phrases = line.split(whereSeparator: { $0 == "=" || $0 == "＝" })
                .map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            if phrases.count >= 2 { groups.append(phrases) }
        }
        return groups
    }
}
