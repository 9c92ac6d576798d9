import Foundation
import GongkaiCore
import GongkaiTables
import GongkaiMarkdown

/// One notice file → `Notice`, in the steps of `parse`: decode the text,
/// split off the front matter, compose its YAML, resolve its keys, check each
/// key, render the body, run the privacy guard. Pure: runs in parallel.
/// One per community: its notices share the site, the community and the guard.
final class NoticeParser: Sendable {
    let site: Site
    let community: Community?
    /// Attachment scans by content: each file is read once per run (and once
    /// per content across runs when the build keeps them).
    let scans: any AttachmentScanMemo
    /// The privacy guard with the allow-list of this notice's community, made
    /// once for all its notices.
    let privacy: PrivacyGuard

    init(site: Site, community: Community?, scans: any AttachmentScanMemo = AttachmentScans()) {
        self.site = site
        self.community = community
        self.scans = scans
        privacy = PrivacyGuard.forNotice(site: site, community: community)
    }

    func parse(_ source: NoticeSource) -> (Notice?, [Diagnostic]) {
        let split: FrontMatterSplit
        switch Self.frontMatter(of: source.file) {
        case .success(let s): split = s
        case .failure(let problem): return (nil, [problem])
        }
        let yaml = YAMLSource(file: source.file.path, text: split.yaml, lineOffset: split.yamlFirstLine - 1)
        let (root, syntax) = yaml.compose()
        guard syntax.isEmpty else { return (nil, syntax) }
        guard let pairs = root?.pairs else {
            return (nil, [Diagnostic(file: source.file.path, line: 1, column: 1, code: "GK002",
                                     message: Messages.frontMatterNotMapping, fix: Messages.noFrontMatterFix)])
        }
        var check = FrontMatterCheck(parser: self, id: source.id, yaml: yaml, pairs: pairs)
        let values = check.run(source)
        let body = renderBody(split.body, bodyFirstLine: split.bodyFirstLine, source: source,
                              attachments: values.attachmentFiles)
        check.diagnostics += body.diagnostics
        check.diagnostics += Self.dropRenderedDuplicates(
            privacyProblems(source, yaml: yaml, root: root, split: split, renderedText: body.rendered.text,
                            attachments: values.withdrawal == nil ? values.attachmentFiles : []),
            reportedAt: body.diagnostics)
        guard let title = values.title, let date = values.date, let category = values.category else {
            return (nil, check.diagnostics)
        }
        // Checked only for a notice that is made (their problems come last).
        let summary = check.string(.summary)
            ?? NoticeSummary.make(body.rendered.firstParagraph.isEmpty ? body.rendered.text : body.rendered.firstParagraph)
        let number = check.string(.number)
        let issuer = check.string(.issuer)
        let notice = Self.notice(source, values, title: title, date: date, category: category, summary: summary,
                                 number: number, issuer: issuer, body: body, positions: check.positions)
        return (notice, check.diagnostics)
    }

    /// The file's text split into front matter and body (GK003 for a file
    /// that is not UTF-8, GK002 for front matter that is missing or not closed).
    static func frontMatter(of file: SourceFile) -> Result<FrontMatterSplit, Diagnostic> {
        TextDecoding.decode(file, what: Messages.noticeFile).flatMap { FrontMatterSplit.split($0, file: file.path) }
    }

    /// The notice made of its checked values and rendered body.
    private static func notice(_ source: NoticeSource, _ values: FrontMatterValues, title: String, date: NoticeDate,
                               category: Category, summary: String, number: String?, issuer: String?,
                               body: NoticeParser.RenderedBody, positions: [String: SourcePosition]) -> Notice {
        var notice = Notice(
            id: source.id, sourcePath: source.file.path, title: title, date: date, categorySlug: category.slug,
            period: values.period, number: number, issuer: issuer, reviewed: values.reviewed, tags: values.tags,
            summary: summary, attachments: values.attachments, supersedes: values.supersedes, draft: values.draft,
            body: NoticeBody(html: body.rendered.html, text: body.rendered.text,
                             headings: body.rendered.headings.map { .init(level: $0.level, text: $0.text, anchor: $0.anchor) }))
        notice.positions = positions
        notice.process = values.process
        notice.covers = values.covers
        notice.refusedAttachments = values.refusedAttachments
        notice.tableFiles = body.tableFiles
        notice.revisions = values.revisions
        if let withdrawal = values.withdrawal {
            // The original text is not published any more: not on the page,
            // not in feeds, not in the search index (docs/content-format.md).
            notice.withdrawal = withdrawal
            notice.body = NoticeBody(html: "", text: "")
            notice.summary = Messages.withdrawnSummary(withdrawal.date.chinese, withdrawal.reason)
        }
        return notice
    }

    /// docs/design.md §8: everything of the notice that gets published (every
    /// front-matter value, the body, the file name in the URL).
    private func privacyProblems(_ source: NoticeSource, yaml: YAMLSource, root: YAMLNode?, split: FrontMatterSplit,
                                 renderedText: String, attachments values: Set<String>?) -> [Diagnostic] {
        let path = source.file.path
        var d = privacy.diagnostics(yaml: yaml, root: root)
        d += privacy.bodyDiagnostics(source: split.body, firstLine: split.bodyFirstLine, rendered: renderedText, file: path)
        d += attachmentProblems(source, privacy: privacy, attachments: values ?? [])
        for finding in privacy.scan(source.id.name) {
            var problem = finding.diagnostic(file: path, line: 0, column: 0)
            problem.message = String(problem.message.dropLast()) + Messages.privacyInFileName + "。"
            d.append(problem)
        }
        return d
    }

    /// Attachments are published as they are: what is in them is published
    /// too, including what their program hides (docs/content-format.md).
    /// Text files are checked line by line; PDF, Word and Excel files through
    /// `AttachmentScanner`, once per content (`scans`); files the guard
    /// cannot read are named (GK175 damaged, GK176 not checked).
    private func attachmentProblems(_ source: NoticeSource, privacy: PrivacyGuard, attachments: Set<String>) -> [Diagnostic] {
        var d: [Diagnostic] = []
        for name in attachments.sorted() {
            let path = source.folder + "/" + name
            let type = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if let bytes = source.textFiles[name] {
                guard let text = TextDecoding.decodeSpreadsheetText(bytes) else { continue }
                d += privacy.diagnostics(in: text, file: path, line: 1)
                continue
            }
            if AttachmentScanner.types.contains(type) {
                let file = type == "xlsx" ? source.dataFiles[name] : source.documents[name]
                guard let file else {
                    // Not loaded: missing (GK120 says so) or too big to read.
                    if case .file(let size) = source.siblings[name], size > 0 {
                        d.append(Self.unchecked(path, name, Messages.uncheckedPartly(0, 0)))
                    }
                    continue
                }
                let key = AttachmentScanKey(digest: file.digest, type: type)
                let scan: AttachmentScan
                if let known = scans.recall(key) {
                    scan = known
                } else {
                    scan = AttachmentScanner.scan(type == "xlsx" ? file.bytes : file.readOnce(), type: type)
                    scans.remember(key, scan)
                }
                d += Self.diagnostics(scan, file: path, name: name, privacy: privacy)
            } else if Self.unreadableTypes.contains(type) {
                d.append(Self.unchecked(path, name, Messages.uncheckedFormat(type)))
            }
        }
        return d
    }

    /// Attachment types whose text the guard cannot read (images are left
    /// out: a photo is rarely a list, and telling every one would bury the rest).
    static let unreadableTypes: Set<String> = ["doc", "wps", "xls", "et", "ppt", "pptx", "dps", "ofd"]

    static func unchecked(_ path: String, _ name: String, _ why: String, fix: String = Messages.attachmentUncheckedFix) -> Diagnostic {
        Diagnostic(file: path, code: "GK176", severity: .warning, message: Messages.attachmentUnchecked(name, why), fix: fix)
    }

    /// A scan as this notice's diagnostics: the allow-list applied, each
    /// number at its place, what could not be read named.
    static func diagnostics(_ scan: AttachmentScan, file: String, name: String, privacy: PrivacyGuard) -> [Diagnostic] {
        var d: [Diagnostic] = []
        for hit in scan.hits where !privacy.allowedDigests.contains(hit.number) {
            let fix = hit.hidden.map { Messages.privacyHiddenFix($0, hit.masked) } ?? Messages.privacyFindingFix(hit.kind, hit.masked)
            d.append(Diagnostic(file: file, line: hit.line, column: hit.column, code: hit.kind.code,
                                message: Messages.privacyInAttachment(hit.kind, place: hit.place, hidden: hit.hidden), fix: fix))
        }
        for problem in scan.problems {
            switch problem {
            case .unreadable(let reason):
                d.append(Diagnostic(file: file, code: "GK175", severity: .warning,
                                    message: Messages.attachmentUnreadable(name, reason), fix: Messages.attachmentUnreadableFix))
            case .encrypted:
                d.append(unchecked(file, name, Messages.uncheckedEncrypted, fix: Messages.attachmentUncheckedEncryptedFix))
            case .noText:
                d.append(unchecked(file, name, Messages.uncheckedNoText))
            case .partly(let read, let pages):
                d.append(unchecked(file, name, Messages.uncheckedPartly(read, pages)))
            }
        }
        return d
    }
}
