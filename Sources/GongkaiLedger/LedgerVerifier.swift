import Foundation
import GongkaiContent
import GongkaiCore

/// `gongkai verify`: re-hashes a built site against the integrity ledger
/// (docs/ledger.md). Checks the chain of the published `ledger.json` (and of
/// `content/ledger.jsonl` when the site folder is at hand, which must agree
/// with it); for every recorded notice, that its `notice.txt` hashes to a
/// recorded version, that its `facts.txt` and `files.sha256` are the ones
/// recorded with it (format 2), that every attachment hashes as recorded,
/// and that its page carries that version, shows that body and shows the
/// recorded title, 文号, issuer, dates, 公示期, review, objection contact,
/// attachments and withdrawal; and that every `.gz` copy holds its file.
///
/// Owns: those checks. Must not: write anything or print.
public struct LedgerVerifier: Sendable {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var entries = 0
        public var notices = 0
        /// Attachments whose bytes were checked against the ledger.
        public var attachments = 0
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

        var hasSite = false
        if let siteRoot, let recorded = try? LocalFileSystem(root: siteRoot).read(Ledger.path) {
            hasSite = true
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
        // With the site folder at hand: its notices, parsed once (bodies with
        // ```table blocks read .csv/.xlsx files that public/ does not carry;
        // facts and table files to compare with what was published).
        let site = hasSite ? siteRoot.map(SiteState.init(siteRoot:)) : nil
        let ids = byID.keys.sorted()
        let results = ids.parallelMap { id in check(id, byID[id]!, out: out, shown: shown, site: site) }
        report.diagnostics += results.flatMap(\.diagnostics)
        report.attachments = results.reduce(0) { $0 + $1.attachments }
        report.diagnostics += GzipCopies.check(out, shown: shown)
        return report
    }

    static func hasTableBlock(_ text: [UInt8]) -> Bool {
        String(decoding: text, as: UTF8.self).split(separator: "\n").contains { line in
            let t = line.drop { $0 == " " }
            return t.hasPrefix("```table") || t.hasPrefix("~~~table")
        }
    }

    /// The site folder's notices as the build would publish them now.
    struct SiteState: Sendable {
        struct Notice: Sendable {
            var version: String
            var html: String
            var facts: String
            /// The notice's folder and its table files, relative to the site.
            var folder: String
            var tableFiles: [String]
        }

        var notices: [String: Notice] = [:]
        let root: String

        init(siteRoot: String) {
            root = siteRoot
            let sources = SiteLoader(fs: LocalFileSystem(root: siteRoot)).load()
            // The privacy guard's view of attachments is not needed here.
            guard let content = ContentParser.parse(sources, scans: NoScans()).content else { return }
            var bytes: [String: [UInt8]] = [:]
            for c in sources.communities { for n in c.notices { bytes[n.file.path] = n.file.bytes } }
            let communities = Dictionary(content.communities.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
            for notice in content.notices {
                let text = NoticeText.canonical(bytes[notice.sourcePath] ?? [], withdrawn: notice.withdrawal != nil)
                notices[notice.id.value] = Notice(
                    version: SHA256.hex(text), html: notice.body.html,
                    facts: NoticeFacts(notice, community: communities[notice.id.community], site: content.site).text,
                    folder: notice.sourcePath.split(separator: "/").dropLast().joined(separator: "/"),
                    tableFiles: notice.tableFiles)
            }
        }
    }

    /// Attachment scans are not wanted when verify parses the site: every
    /// attachment "was scanned" and found clean.
    struct NoScans: AttachmentScanMemo {
        func recall(_ key: AttachmentScanKey) -> AttachmentScan? { AttachmentScan() }
        func remember(_ key: AttachmentScanKey, _ scan: AttachmentScan) {}
    }

    struct Checked {
        var diagnostics: [Diagnostic] = []
        var attachments = 0
    }

    private func check(_ id: String, _ versions: [LedgerEntry], out: LocalFileSystem, shown: String,
                       site: SiteState?) -> Checked {
        var result = Checked()
        let folder = id + "/"
        let textPath = folder + "notice.txt", pagePath = folder + "index.html"
        func problem(_ path: String, _ code: String, _ message: String, _ fix: String = LedgerMessages.mismatchFix,
                     _ severity: Diagnostic.Severity = .error) {
            result.diagnostics.append(Diagnostic(file: shown + "/" + path, code: code, severity: severity, message: message, fix: fix))
        }
        guard let text = try? out.read(textPath) else {
            problem(textPath, "GK168", LedgerMessages.missingFile("公告 \(id) 的原文 notice.txt"), LedgerMessages.missingPageFix)
            return result
        }
        guard let pageBytes = try? out.read(pagePath) else {
            problem(pagePath, "GK168", LedgerMessages.missingFile("公告 \(id) 的页面"), LedgerMessages.missingPageFix)
            return result
        }
        let version = SHA256.hex(text)
        // The newest record of this text (later `updated` records keep it).
        let entry = versions.last { $0.version == version }
        if entry == nil {
            problem(textPath, "GK167", LedgerMessages.noRecordedVersion(id))
        } else if versions.last?.version != version {
            problem(textPath, "GK169", LedgerMessages.olderVersion(id), LedgerMessages.olderVersionFix, .warning)
        }
        let page = String(decoding: pageBytes, as: UTF8.self)
        if Self.attribute("data-gongkai-version", in: page) != version {
            problem(pagePath, "GK167", LedgerMessages.pageVersionMismatch(id))
        }
        let source = site?.notices[id]
        let sameSource = source?.version == version

        // Facts and files recorded with this text (format 2).
        var facts: [(key: String, value: String)]?
        var manifest: [(name: String, sha256: String)]?
        if let entry, let recorded = entry.facts {
            if let bytes = try? out.read(folder + "facts.txt") {
                if SHA256.hex(bytes) != recorded {
                    problem(folder + "facts.txt", "GK167", LedgerMessages.factsMismatch(id))
                } else {
                    facts = NoticeFacts.parse(String(decoding: bytes, as: UTF8.self))
                    if let source, sameSource, source.facts != String(decoding: bytes, as: UTF8.self) {
                        problem(folder + "facts.txt", "GK169", LedgerMessages.siteFactsDiffer(id, Self.differences(
                            NoticeFacts.parse(String(decoding: bytes, as: UTF8.self)) ?? [], NoticeFacts.parse(source.facts) ?? [])),
                            LedgerMessages.siteFactsDifferFix, .warning)
                    }
                }
            } else {
                problem(folder + "facts.txt", "GK168", LedgerMessages.missingFile("公告 \(id) 的 facts.txt"), LedgerMessages.missingPageFix)
            }
        }
        if let entry, let recorded = entry.files {
            if let bytes = try? out.read(folder + "files.sha256") {
                if SHA256.hex(bytes) != recorded {
                    problem(folder + "files.sha256", "GK167", LedgerMessages.filesMismatch(id))
                } else {
                    manifest = NoticeFiles.parse(String(decoding: bytes, as: UTF8.self))
                }
            } else if recorded == LedgerStage.noFiles {
                // No files: the list is not published.
                manifest = []
            } else {
                problem(folder + "files.sha256", "GK168", LedgerMessages.missingFile("公告 \(id) 的 files.sha256"),
                        LedgerMessages.missingPageFix)
            }
        }

        // Every attachment, byte for byte; table files when the site is here.
        if let manifest {
            let attachments = Set((facts ?? []).filter { $0.key == "attachment" }.map { String($0.value.prefix { $0 != "\t" }) })
            let present = Set((try? out.list(id)) ?? [])
            for (name, sha) in manifest {
                if present.contains(name), let bytes = try? out.read(folder + name) {
                    // Published (an attachment; a table file is only here if attached too).
                    result.attachments += 1
                    if SHA256.hex(bytes) != sha { problem(folder + name, "GK167", LedgerMessages.attachmentMismatch(id, name)) }
                } else if attachments.contains(name) {
                    problem(folder + name, "GK168", LedgerMessages.missingFile("公告 \(id) 的附件“\(name)”"), LedgerMessages.missingPageFix)
                } else if let site, let source, sameSource {
                    // A table file: in the site folder only.
                    let path = source.folder + "/" + name
                    if (try? LocalFileSystem(root: site.root).read(path)).map { SHA256.hex($0) } != sha {
                        result.diagnostics.append(Diagnostic(file: path, code: "GK169", severity: .warning,
                                                             message: LedgerMessages.tableFileDiffers(id, name),
                                                             fix: LedgerMessages.siteFactsDifferFix))
                    }
                }
            }
            // A file in the notice's folder that no record names.
            let expected = Set(["index.html", "notice.txt", "facts.txt", "files.sha256"]).union(manifest.map(\.name))
            for name in present.sorted() where !expected.contains(name) {
                let base = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
                if expected.contains(base) { continue }
                if out.kind(of: folder + name) == .directory { continue }
                problem(folder + name, "GK167", LedgerMessages.unrecordedFile(id, name))
            }
        }

        // The body: byte for byte; a page of another gongkai or theme may
        // write the same text with other markup, which is a warning only.
        var expected = NoticeBodyRendering.html(canonicalText: text)
        var bodyChecked = true
        if Self.hasTableBlock(text) {
            // The site's table files must be the recorded ones (format 2).
            func tablesMatch(_ site: SiteState, _ source: SiteState.Notice) -> Bool {
                guard let manifest else { return true }
                let files = LocalFileSystem(root: site.root)
                return source.tableFiles.allSatisfy { name in
                    let recorded = manifest.first { $0.name == name }?.sha256
                    return recorded != nil && (try? files.read(source.folder + "/" + name)).map { SHA256.hex($0) } == recorded
                }
            }
            if let site, let source, sameSource, tablesMatch(site, source) {
                expected = source.html
            } else {
                bodyChecked = false
                problem(pagePath, "GK169", LedgerMessages.tableBodyUnchecked(id), LedgerMessages.tableBodyUncheckedFix, .warning)
            }
        }
        if bodyChecked {
            let body = Self.body(of: page)
            if body == nil || expected == nil {
                problem(pagePath, "GK167", LedgerMessages.pageBodyMismatch(id))
            } else if body != expected {
                if PageFacts.text(body![...], links: true) == PageFacts.text(expected![...], links: true) {
                    problem(pagePath, "GK169", LedgerMessages.bodyMarkupDiffers(id), LedgerMessages.bodyMarkupDiffersFix, .warning)
                } else {
                    problem(pagePath, "GK167", LedgerMessages.pageBodyMismatch(id))
                }
            }
        }

        // What the page shows beside the body.
        if let facts {
            let marks = PageFacts(page: page)
            if !marks.marked {
                problem(pagePath, "GK169", LedgerMessages.factsUnmarked(id), LedgerMessages.factsUnmarkedFix, .warning)
            } else {
                for d in Self.compare(facts, marks) {
                    problem(pagePath, d.severity == .error ? "GK167" : "GK169", d.message,
                            d.severity == .error ? LedgerMessages.mismatchFix : LedgerMessages.factsUnmarkedFix, d.severity)
                }
            }
        }
        return result
    }

    /// A difference between the recorded facts and the page, in words.
    struct Difference {
        var severity: Diagnostic.Severity
        var message: String
    }

    /// Each recorded fact against the element the page marks for it.
    static func compare(_ facts: [(key: String, value: String)], _ page: PageFacts) -> [Difference] {
        var out: [Difference] = []
        let id = facts.first { $0.key == "id" }?.value ?? ""
        func value(_ key: String) -> String? { facts.first { $0.key == key }?.value }
        func check(_ fact: String, _ label: String, expected: String?, shown: (PageFacts.Element) -> String = { $0.text },
                   matches: ((PageFacts.Element) -> Bool)? = nil) {
            let elements = page.all(fact)
            guard let expected else {
                if let e = elements.first {
                    out.append(Difference(severity: .error, message: LedgerMessages.factAdded(id, label, shown(e))))
                }
                return
            }
            guard !elements.isEmpty else {
                out.append(Difference(severity: .warning, message: LedgerMessages.factNotShown(id, label)))
                return
            }
            for e in elements where !(matches?(e) ?? (PageFacts.collapse(shown(e)) == PageFacts.collapse(expected))) {
                out.append(Difference(severity: .error, message: LedgerMessages.factDiffers(id, label, shown(e), expected)))
            }
        }
        /// A `<time>` showing a recorded day: its datetime and its words.
        func day(_ fact: String, _ label: String, _ iso: String?) {
            let day = iso.flatMap(CalendarDate.parse)
            check(fact, label, expected: day?.chinese, shown: { e in e.attributes["datetime"].map { "\(e.text)（\($0)）" } ?? e.text },
                  matches: { e in
                      guard let day, e.attributes["datetime"] == day.iso else { return false }
                      return [day.chinese, day.chineseMonthDay, day.iso].contains(e.text)
                  })
        }
        check("community", "村（社区）", expected: value("community"))
        check("category", "类别", expected: value("category"))
        check("title", "标题", expected: value("title"))
        check("number", "文号", expected: value("number"))
        check("issuer", "发布单位", expected: value("issuer"))
        day("date", "发布日期", value("date"))
        let period = value("period")?.split(separator: "\t").map(String.init)
        day("period-from", "公示期的开始日期", period?.first)
        day("period-to", "公示期的结束日期", period?.last)
        let reviewed = value("reviewed").map { v -> String in
            let parts = v.split(separator: "\t", maxSplits: 1).map(String.init)
            let by = parts.count > 1 ? parts[1] : ""
            return NoticeFacts.reviewText(Review(by: by, date: parts.first.flatMap(CalendarDate.parse)))
        }
        check("reviewed", "审核", expected: reviewed)
        day("objection", "异议截止日期", value("objection"))
        check("supervision", "受理异议的监督委员会", expected: value("supervision"))
        check("contact", "异议联系人", expected: value("contact"))
        check("phone", "异议联系电话", expected: value("phone"))
        check("address", "异议联系地址", expected: value("address"))
        let withdrawn = value("withdrawn")?.split(separator: "\t", maxSplits: 1).map(String.init)
        day("withdrawn", "撤回日期", withdrawn?.first)
        check("reason", "撤回原因", expected: withdrawn.map { $0.count > 1 ? $0[1] : "" })

        // Attachments: the same files under the same titles, none added.
        let recorded = facts.filter { $0.key == "attachment" }.map { fact -> String in
            let parts = fact.value.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts.first ?? "") + "\t" + PageFacts.collapse(parts.count > 1 ? parts[1] : "")
        }
        let shown = page.all("attachment").map { e -> String in
            let target = e.attributes["data-file"] ?? e.attributes["href"] ?? ""
            return (target.removingPercentEncoding ?? target) + "\t" + e.text
        }
        for missing in recorded where !shown.contains(missing) {
            let parts = missing.split(separator: "\t", maxSplits: 1).map(String.init)
            out.append(Difference(severity: shown.contains { $0.hasPrefix(parts[0] + "\t") } ? .error : .warning,
                                  message: shown.contains { $0.hasPrefix(parts[0] + "\t") }
                                      ? LedgerMessages.attachmentTitleDiffers(id, parts[0])
                                      : LedgerMessages.factNotShown(id, "附件“\(parts[0])”")))
        }
        for extra in shown where !recorded.contains(where: { $0.hasPrefix(extra.prefix { $0 != "\t" } + "\t") }) {
            out.append(Difference(severity: .error, message: LedgerMessages.attachmentAdded(id, String(extra.prefix { $0 != "\t" }))))
        }
        return out
    }

    /// The keys whose values differ between two facts files, in words.
    static func differences(_ a: [(key: String, value: String)], _ b: [(key: String, value: String)]) -> [String] {
        let labels = ["community": "村（社区）", "category": "类别", "title": "标题", "number": "文号", "issuer": "发布单位",
                      "date": "发布日期", "period": "公示期", "reviewed": "审核", "objection": "异议截止日期",
                      "supervision": "监督委员会", "contact": "异议联系人", "phone": "异议联系电话", "address": "异议联系地址",
                      "attachment": "附件", "withdrawn": "撤回"]
        var keys: [String] = []
        for key in (a.map(\.key) + b.map(\.key)) where !keys.contains(key) {
            if a.filter({ $0.key == key }).map(\.value) != b.filter({ $0.key == key }).map(\.value) { keys.append(key) }
        }
        return keys.map { labels[$0] ?? $0 }
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
