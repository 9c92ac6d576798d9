import Foundation
import GongkaiContent
import GongkaiCore

/// `gongkai verify`: re-hashes a built site against the integrity ledger
/// (docs/ledger.md). Checks the chain of the published `ledger.json` (and of
/// `content/ledger.jsonl` when the site folder is at hand, which must agree
/// with it), that every recorded notice's `notice.txt` hashes to a recorded
/// version, and that its page carries that version and shows that text.
///
/// Owns: those checks. Must not: write anything or print.
public struct LedgerVerifier: Sendable {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var entries = 0
        public var notices = 0
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// The built site (public/).
    public let output: String
    /// The site folder, for content/ledger.jsonl; nil to check only the output.
    public let siteRoot: String?

    public init(output: String, siteRoot: String?) {
        self.output = output
        self.siteRoot = siteRoot
    }

    struct Published: Decodable {
        var entries: [LedgerEntry]
    }

    public func run() -> Report {
        var report = Report()
        let shown = output.hasSuffix("/") ? String(output.dropLast()) : output
        let out = LocalFileSystem(root: output)
        guard let bytes = try? out.read("ledger.json"),
              let published = try? JSONDecoder().decode(Published.self, from: Data(bytes)) else {
            report.diagnostics.append(Diagnostic(file: shown + "/ledger.json", code: "GK168",
                                                 message: LedgerMessages.missingFile("网站的账本 ledger.json"),
                                                 fix: LedgerMessages.missingLedgerFix))
            return report
        }
        let entries = published.entries
        report.entries = entries.count
        report.diagnostics += Ledger.check(entries).map { LedgerStage.diagnostic($0, file: shown + "/ledger.json") }

        if let siteRoot, let recorded = try? LocalFileSystem(root: siteRoot).read(Ledger.path) {
            let (ledger, problems) = Ledger.parse(jsonLines: recorded)
            report.diagnostics += problems.map { LedgerStage.diagnostic($0, file: Ledger.path) }
            for (i, entry) in entries.enumerated() where i >= ledger.entries.count || ledger.entries[i] != entry {
                report.diagnostics.append(Diagnostic(file: shown + "/ledger.json", line: i + 1, column: 1, code: "GK168",
                                                     message: LedgerMessages.publishedDiffers(entry.seq),
                                                     fix: LedgerMessages.publishedDiffersFix))
                break
            }
        }

        let byID = Dictionary(grouping: entries, by: \.id)
        report.notices = byID.count
        // A body with ```table blocks reads .csv/.xlsx files beside the
        // notice, which notice.txt does not carry: those bodies are compared
        // with the site folder's notices, parsed once, when that is at hand.
        let ids = byID.keys.sorted()
        let needsSite = ids.contains { id in
            (try? out.read(id + "/notice.txt")).map(Self.hasTableBlock) ?? false
        }
        let sourceBodies = needsSite ? siteRoot.map(Self.bodies) ?? [:] : [:]
        let problems = ids.parallelMap { id in check(id, byID[id]!, out: out, shown: shown, sourceBodies: sourceBodies) }
        report.diagnostics += problems.flatMap { $0 }
        return report
    }

    static func hasTableBlock(_ text: [UInt8]) -> Bool {
        String(decoding: text, as: UTF8.self).split(separator: "\n").contains { line in
            let t = line.drop { $0 == " " }
            return t.hasPrefix("```table") || t.hasPrefix("~~~table")
        }
    }

    /// id → (version of its source, body HTML) for every notice of the site folder.
    static func bodies(siteRoot: String) -> [String: (version: String, html: String)] {
        let sources = SiteLoader(fs: LocalFileSystem(root: siteRoot)).load()
        guard let content = ContentParser.parse(sources).content else { return [:] }
        var bytes: [String: [UInt8]] = [:]
        for c in sources.communities { for n in c.notices { bytes[n.file.path] = n.file.bytes } }
        var result: [String: (version: String, html: String)] = [:]
        for notice in content.notices {
            let text = NoticeText.canonical(bytes[notice.sourcePath] ?? [], withdrawn: notice.withdrawal != nil)
            result[notice.id.value] = (SHA256.hex(text), notice.body.html)
        }
        return result
    }

    private func check(_ id: String, _ versions: [LedgerEntry], out: LocalFileSystem, shown: String,
                       sourceBodies: [String: (version: String, html: String)]) -> [Diagnostic] {
        let textPath = id + "/notice.txt", pagePath = id + "/index.html"
        func problem(_ path: String, _ code: String, _ message: String, _ fix: String,
                     _ severity: Diagnostic.Severity = .error) -> Diagnostic {
            Diagnostic(file: shown + "/" + path, code: code, severity: severity, message: message, fix: fix)
        }
        guard let text = try? out.read(textPath) else {
            return [problem(textPath, "GK168", LedgerMessages.missingFile("公告 \(id) 的原文 notice.txt"), LedgerMessages.missingPageFix)]
        }
        guard let pageBytes = try? out.read(pagePath) else {
            return [problem(pagePath, "GK168", LedgerMessages.missingFile("公告 \(id) 的页面"), LedgerMessages.missingPageFix)]
        }
        var result: [Diagnostic] = []
        let version = SHA256.hex(text)
        if !versions.contains(where: { $0.version == version }) {
            result.append(problem(textPath, "GK167", LedgerMessages.noRecordedVersion(id), LedgerMessages.mismatchFix))
        } else if versions.last?.version != version {
            result.append(problem(textPath, "GK169", LedgerMessages.olderVersion(id), LedgerMessages.olderVersionFix, .warning))
        }
        let page = String(decoding: pageBytes, as: UTF8.self)
        if Self.attribute("data-gongkai-version", in: page) != version {
            result.append(problem(pagePath, "GK167", LedgerMessages.pageVersionMismatch(id), LedgerMessages.mismatchFix))
        }
        var expected = NoticeBodyRendering.html(canonicalText: text)
        if Self.hasTableBlock(text) {
            guard let source = sourceBodies[id], source.version == version else {
                result.append(problem(pagePath, "GK169", LedgerMessages.tableBodyUnchecked(id), LedgerMessages.tableBodyUncheckedFix,
                                      .warning))
                return result
            }
            expected = source.html
        }
        if expected == nil || Self.body(of: page) != expected {
            result.append(problem(pagePath, "GK167", LedgerMessages.pageBodyMismatch(id), LedgerMessages.mismatchFix))
        }
        return result
    }

    /// The value of the first `name="…"` attribute in the page.
    static func attribute(_ name: String, in page: String) -> String? {
        guard let start = page.range(of: name + "=\"") else { return nil }
        guard let end = page[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(page[start.upperBound..<end])
    }

    /// What lies between the body markers the renderer puts on notice pages.
    static func body(of page: String) -> String? {
        guard let start = page.range(of: "<!--gongkai:body-->"),
              let end = page.range(of: "<!--/gongkai:body-->", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.upperBound..<end.lowerBound])
    }
}
