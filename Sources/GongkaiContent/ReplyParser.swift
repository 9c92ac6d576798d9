import GongkaiCore

/// One answer file (`content/<community>/replies/<case number>.md`, written
/// by `gongkai inbox` and completed by the clerk; docs/desk.md) → `Reply`.
///
/// The front matter says what came in (编号, 类型, 公告, 收到, 群众原话) and
/// how it was answered (结果, 答复日期, 理由, 审核); the Markdown body is the
/// answer. A file without 结果 is an open case: checked, counted for the
/// deadlines, not published. Pure: no files, no printing.
struct ReplyParser: Sendable {
    /// The folder of answer files inside a community folder.
    static let folder = "replies"

    /// Canonical key → the spellings accepted (Chinese first: clerks write these).
    static let keys: [(key: String, names: [String])] = [
        ("number", ["编号", "number"]),
        ("kind", ["类型", "kind"]),
        ("notice", ["公告", "notice"]),
        ("received", ["收到", "收到日期", "received"]),
        ("words", ["群众原话", "原话", "内容", "words"]),
        ("outcome", ["结果", "outcome"]),
        ("answered", ["答复日期", "answered"]),
        ("reason", ["理由", "reason"]),
        ("reviewed", ["审核", "reviewed"]),
        ("revisions", ["修订", "revisions"]),
    ]

    let site: Site
    let community: Community
    /// Published notices by id (an objection must name one).
    let notices: [NoticeID: Notice]

    func parse(_ file: SourceFile) -> (Reply?, [Diagnostic]) {
        let path = file.path
        let text: String
        switch TextDecoding.decode(file, what: "答复文件") {
        case .success(let t): text = t
        case .failure(let d): return (nil, [d])
        }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text, file: path) {
        case .success(let s): split = s
        case .failure(let d): return (nil, [d])
        }
        let yaml = YAMLSource(file: path, text: split.yaml, lineOffset: split.yamlFirstLine - 1)
        let (root, syntax) = yaml.compose()
        guard syntax.isEmpty else { return (nil, syntax) }
        guard let pairs = root?.pairs else {
            return (nil, [Diagnostic(file: path, line: 1, column: 1, code: "GK002",
                                     message: Messages.frontMatterNotMapping, fix: Messages.noFrontMatterFix)])
        }
        var d: [Diagnostic] = []
        var values: [String: (keyNode: YAMLNode, value: YAMLNode)] = [:]
        let names = Self.keys.flatMap(\.names)
        for (name, keyNode, value) in pairs {
            guard let key = Self.keys.first(where: { $0.names.contains(name) })?.key else {
                d.append(yaml.diagnostic(keyNode, "GK300", ReplyMessages.unknownKey(name, Suggest.nearest(name, in: names)),
                                         fix: ReplyMessages.unknownKeyFix, severity: .warning))
                continue
            }
            if values[key] != nil {
                d.append(yaml.diagnostic(keyNode, "GK300", ReplyMessages.unknownKey(name, nil), fix: ReplyMessages.unknownKeyFix))
                continue
            }
            values[key] = (keyNode, value)
        }
        func label(_ key: String) -> String { Self.keys.first { $0.key == key }?.names.first ?? key }
        /// The text of a key; nil (and a diagnostic when `required`) when absent or empty.
        func value(_ key: String, required: Bool = false) -> String? {
            guard let node = values[key]?.value else {
                if required {
                    d.append(Diagnostic(file: path, line: 1, column: 1, code: "GK301", message: ReplyMessages.missing(label(key)),
                                        fix: ReplyMessages.missingFix(label(key))))
                }
                return nil
            }
            guard let s = node.text, !s.isEmpty else {
                if required {
                    d.append(yaml.diagnostic(node, "GK301", ReplyMessages.missing(label(key)), fix: ReplyMessages.missingFix(label(key))))
                }
                return nil
            }
            return s
        }
        func day(_ key: String, required: Bool = false) -> CalendarDate? {
            guard let s = value(key, required: required), let node = values[key]?.value else { return nil }
            guard let day = CalendarDate.parse(s) else {
                d.append(yaml.diagnostic(node, "GK103", Messages.invalidDate(label(key), s), fix: Messages.invalidDateFix(s)))
                return nil
            }
            return day
        }

        let fileName = String(path.split(separator: "/").last?.dropLast(3) ?? "")
        var number = CaseNumber(fileName)
        if let written = value("number", required: true), written != fileName {
            d.append(yaml.diagnostic(values["number"]?.value, "GK301", ReplyMessages.numberMismatch(written, fileName),
                                     fix: ReplyMessages.numberMismatchFix))
        }
        if number == nil {
            d.append(Diagnostic(file: path, code: "GK301", message: ReplyMessages.numberMismatch(fileName, fileName),
                                fix: ReplyMessages.numberMismatchFix))
            number = nil
        }
        var kind: CaseKind?
        if let k = value("kind", required: true) {
            kind = CaseKind.parse(k)
            if kind == nil {
                d.append(yaml.diagnostic(values["kind"]?.value, "GK302", ReplyMessages.badKind(k), fix: "请写 类型: 异议 或 类型: 建议。"))
            }
        }
        let received = day("received", required: true)
        let words = value("words", required: true) ?? ""
        var notice: Notice?
        if let id = value("notice") {
            if kind == .suggestion {
                d.append(yaml.diagnostic(values["notice"]?.keyNode, "GK305", ReplyMessages.noticeForObjectionOnly,
                                         fix: "请删掉“公告”这一行，或把类型改为“异议”。", severity: .warning))
            } else if let found = NoticeID(id).flatMap({ notices[$0] }), found.id.community == community.slug {
                notice = found
            } else {
                d.append(yaml.diagnostic(values["notice"]?.value, "GK305", ReplyMessages.noticeMissing(id),
                                         fix: ReplyMessages.noticeMissingFix))
            }
        } else if kind == .objection {
            _ = value("notice", required: true)
        }
        var outcome: ReplyOutcome?
        if let o = value("outcome"), let kind {
            outcome = ReplyOutcome.parse(o)
            if outcome?.kind != kind {
                d.append(yaml.diagnostic(values["outcome"]?.value, "GK302", ReplyMessages.badOutcome(o, kind),
                                         fix: ReplyMessages.badOutcomeFix(kind)))
                outcome = nil
            }
        }
        let answered = day("answered")
        let reason = value("reason")
        var reviewed: Review?
        if let node = values["reviewed"]?.value {
            if let who = node.text, !who.isEmpty {
                reviewed = Review(by: who, date: nil)
            } else if let fields = node.pairs {
                let by = fields.first { ["by", "审核人", "审核单位", "单位"].contains($0.key) }?.value.text
                let date = fields.first { ["date", "日期"].contains($0.key) }?.value.text.flatMap(CalendarDate.parse)
                if let by, !by.isEmpty { reviewed = Review(by: by, date: date) }
            }
        }
        var revisions: [Revision] = []
        for entry in values["revisions"]?.value.sequence ?? [] {
            let fields = entry.pairs ?? []
            func field(_ names: [String]) -> String? { fields.first { names.contains($0.key) }?.value.text }
            if let date = field(["日期", "date"]).flatMap(CalendarDate.parse), let what = field(["内容", "what"]),
               let why = field(["原因", "why"]) {
                revisions.append(Revision(date: date, what: what, why: why))
            } else {
                d.append(yaml.diagnostic(entry, "GK160", Messages.revisionsShape,
                                         fix: "例如：修订: [{日期: 2026-12-01, 内容: 补充了办理结果, 原因: 群众询问}]。"))
            }
        }
        let category = notice.flatMap { site.category(slug: $0.categorySlug) }
        let answerBody = NoticeBodyRendering.render(split.body)
        if let outcome, let kind {
            if answered == nil, values["answered"] == nil || values["answered"]?.value.text?.isEmpty == true {
                d.append(yaml.diagnostic(values["outcome"]?.keyNode, "GK304", ReplyMessages.answeredMissing,
                                         fix: ReplyMessages.answeredMissingFix(received?.iso ?? "2026-11-30")))
            }
            if outcome.needsReason, reason == nil {
                d.append(yaml.diagnostic(values["outcome"]?.value, "GK303", ReplyMessages.reasonMissing(outcome),
                                         fix: ReplyMessages.reasonMissingFix))
            }
            if answerBody.text.trimmingWhitespace().isEmpty {
                d.append(Diagnostic(file: path, line: split.bodyFirstLine, column: 1, code: "GK304",
                                    message: ReplyMessages.emptyAnswer, fix: ReplyMessages.emptyAnswerFix))
            }
            let who = community.supervisionName
            if site.answerReviewRequired(kind, category: category, community: community), reviewed == nil {
                d.append(yaml.diagnostic(values["outcome"]?.keyNode, "GK306", ReplyMessages.reviewMissing(who),
                                         fix: ReplyMessages.reviewMissingFix(who)))
            }
        } else if answered != nil, values["outcome"]?.value.text?.isEmpty ?? true, let kind {
            d.append(yaml.diagnostic(values["answered"]?.keyNode, "GK304", ReplyMessages.resultMissing,
                                     fix: ReplyMessages.resultMissingFix(kind)))
        }
        if let answered, let received, answered < received {
            d.append(yaml.diagnostic(values["answered"]?.value, "GK304",
                                     ReplyMessages.answeredBeforeReceived(answered.chinese, received.chinese),
                                     fix: ReplyMessages.answeredBeforeReceivedFix))
        }
        // Personal numbers anywhere in what is published: the words (masked
        // by the desk, but a clerk may paste), the reason, the answer.
        let privacy = PrivacyGuard.forNotice(site: site, community: community)
        d += privacy.diagnostics(yaml: yaml, root: root)
        d += privacy.bodyDiagnostics(source: split.body, firstLine: split.bodyFirstLine, rendered: answerBody.text, file: path)

        guard let number, let kind, let received, !d.contains(where: { $0.severity == .error }) else { return (nil, d) }
        let days = site.answerDays(kind, category: category, community: community)
        let reply = Reply(
            community: community.slug, number: number, kind: kind, notice: notice?.id, received: received,
            deadline: DeskRules.deadline(received: received, days: days), words: words, outcome: outcome,
            answered: outcome == nil ? nil : answered, reason: reason, reviewed: reviewed,
            body: NoticeBody(html: answerBody.html, text: answerBody.text, headings: []), sourcePath: path)
        var withRevisions = reply
        withRevisions.revisions = revisions
        return (withRevisions, d)
    }
}
