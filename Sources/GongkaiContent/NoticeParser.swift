import Foundation
import GongkaiCore
import GongkaiTables
import GongkaiMarkdown

/// One notice file → `Notice`: front matter (English keys or their Chinese
/// aliases), then the Markdown body through cmark. Pure: runs in parallel.
struct NoticeParser: Sendable {
    let site: Site
    let community: Community?
    /// Attachment scans by content: each file is read once per run (and once
    /// per content across runs when the build keeps them).
    var scans: any AttachmentScanMemo = AttachmentScans()

    func parse(_ source: NoticeSource) -> (Notice?, [Diagnostic]) {
        var refused: [String] = []
        let path = source.file.path
        let text: String
        switch TextDecoding.decode(source.file, what: "公告文件") {
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
        var values: [FrontMatterKey: (keyNode: YAMLNode, value: YAMLNode)] = [:]
        let allNames = FrontMatterKey.allCases.flatMap { [$0.rawValue, $0.alias] }
        for (name, keyNode, value) in pairs {
            guard let key = FrontMatterKey.byName[name] else {
                let suggestion = Suggest.nearest(name, in: allNames)
                d.append(yaml.diagnostic(keyNode, "GK110", Messages.unknownKey(name, suggestion),
                                         fix: Messages.unknownKeyFix(suggestion), severity: .warning))
                continue
            }
            if values[key] != nil {
                d.append(yaml.diagnostic(keyNode, "GK106", Messages.bothSpellings(key), fix: Messages.bothSpellingsFix(key)))
                continue
            }
            values[key] = (keyNode, value)
        }
        for key in FrontMatterKey.required where values[key] == nil {
            d.append(Diagnostic(file: path, line: 1, column: 1, code: "GK101",
                                message: Messages.missingKey(key), fix: Messages.missingKeyFix(key)))
        }

        func string(_ key: FrontMatterKey) -> String? {
            guard let (_, node) = values[key] else { return nil }
            guard let s = node.text else {
                d.append(yaml.diagnostic(node, "GK109", Messages.wrongType(key, "一段文字"),
                                         fix: "请在冒号后面直接写文字，不要写成列表或多项。"))
                return nil
            }
            if s.isEmpty {
                d.append(yaml.diagnostic(values[key]!.keyNode, "GK109", "\(key.both)：" + Messages.emptyValue,
                                         fix: Messages.emptyValueFix))
                return nil
            }
            return s
        }
        func date(_ node: YAMLNode, label: String) -> CalendarDate? {
            let (day, problem) = Self.calendarDate(node, label: label, yaml: yaml)
            if let problem { d.append(problem) }
            return day
        }

        let title = string(.title)
        var noticeDate: NoticeDate?
        if let (_, node) = values[.date] {
            if let s = node.text, let parsed = NoticeDate.parse(s) {
                noticeDate = parsed
            } else {
                d.append(yaml.diagnostic(node, "GK103", Messages.invalidDate("日期", node.text ?? ""),
                                         fix: Messages.invalidDateFix(node.text ?? "")))
            }
        }
        var category: Category?
        if let value = string(.category) {
            category = site.category(named: value)
            if category == nil {
                let names = site.categories.map(\.name)
                let suggestion = Suggest.nearest(value, in: names + site.categories.map(\.slug))
                    .flatMap { s in site.category(named: s)?.name }
                d.append(yaml.diagnostic(values[.category]!.value, "GK102", Messages.unknownCategory(value),
                                         fix: Messages.unknownCategoryFix(suggestion, names.joined(separator: "、"))))
            }
        }
        if let (_, node) = values[.community], let value = node.text, value != source.id.community,
           value != community?.name {
            d.append(yaml.diagnostic(node, "GK108", Messages.communityMismatch(value, source.id.community),
                                     fix: Messages.communityMismatchFix(source.id.community)))
        }

        let rules = category.map { site.rules(for: $0, in: community) }
            ?? DisclosureRules(minDisplayDays: site.minDisplayDays)
        let minimum = rules.minDisplayDays ?? site.minDisplayDays
        /// `10月13日`, or `2025年1月2日` when the year differs from `from`'s.
        func endLabel(_ day: CalendarDate, from: CalendarDate) -> String {
            day.year == from.year ? day.chineseMonthDay : day.chinese
        }

        var period: DisplayPeriod?
        if let (_, node) = values[.period] {
            let (parsedPeriod, periodProblems) = parsePeriod(node, yaml: yaml)
            period = parsedPeriod
            d += periodProblems
            if let p = period {
                let text = DisplayPeriodText(from: p.from.chineseMonthDay, to: p.to.chineseMonthDay, days: p.days)
                let earliest = p.from.adding(days: minimum)
                if p.to < p.from {
                    d.append(yaml.diagnostic(node, "GK105", Messages.periodReversed(text),
                                             fix: Messages.periodReversedFix(endLabel(earliest, from: p.from))))
                } else if p.days < minimum {
                    d.append(yaml.diagnostic(node, "GK104", Messages.periodTooShort(minimum, text),
                                             fix: Messages.periodTooShortFix(endLabel(earliest, from: p.from))))
                }
                if let nd = noticeDate, p.from < nd.day {
                    d.append(yaml.diagnostic(node, "GK105", Messages.periodBeforeNotice(p.from.chinese, nd.day.chinese),
                                             fix: Messages.periodBeforeNoticeFix(nd.day.chinese,
                                                                                 endLabel(nd.day.adding(days: minimum), from: nd.day))))
                }
            }
        } else if rules.periodRequired == true, let category, let nd = noticeDate {
            let at = values[.date]?.keyNode
            d.append(yaml.diagnostic(at, "GK140", Messages.periodMissing(category.name),
                                     fix: Messages.periodMissingFix(nd.day.iso, nd.day.adding(days: minimum).iso)))
        }

        var reviewed: Review?
        if let (_, node) = values[.reviewed] {
            if let who = node.text, !who.isEmpty {
                reviewed = Review(by: who, date: nil)
            } else if let fields = node.pairs {
                var by: String?, day: CalendarDate?
                for f in fields {
                    switch f.key {
                    case "by", "审核人", "审核单位", "单位": by = f.value.text
                    case "date", "日期": day = date(f.value, label: "审核日期")
                    default:
                        d.append(yaml.diagnostic(f.keyNode, "GK110", Messages.unknownKey(f.key, Suggest.nearest(f.key, in: ["by", "date"])),
                                                 fix: "审核 只认 by（审核单位）和 date（日期）。", severity: .warning))
                    }
                }
                if let by, !by.isEmpty { reviewed = Review(by: by, date: day) } else {
                    d.append(yaml.diagnostic(node, "GK109", Messages.wrongType(.reviewed, "{by: 审核单位, date: 日期}"),
                                             fix: "例如：审核: {by: 马庄村村务监督委员会, date: 2024-10-07}。"))
                }
            } else {
                d.append(yaml.diagnostic(node, "GK109", Messages.wrongType(.reviewed, "{by: 审核单位, date: 日期}"),
                                         fix: "例如：审核: {by: 马庄村村务监督委员会, date: 2024-10-07}。"))
            }
        }

        let who = community?.supervisionName ?? "村务监督委员会"
        if rules.reviewRequired == true, values[.reviewed] == nil, let category {
            d.append(yaml.diagnostic(values[.category]?.keyNode, "GK141", Messages.reviewMissing(category.name, who),
                                     fix: Messages.reviewMissingFix(who, noticeDate.map { $0.day.adding(days: -1).iso } ?? "审核日期")))
        }
        if let r = reviewed, let day = r.date, let nd = noticeDate, day > nd.day {
            d.append(yaml.diagnostic(values[.reviewed]?.value, "GK147", Messages.reviewAfterNotice(day.chinese, nd.day.chinese),
                                     fix: Messages.reviewAfterNoticeFix))
        }
        if rules.numberRequired == true, values[.number] == nil, let category {
            d.append(yaml.diagnostic(values[.category]?.keyNode, "GK142", Messages.numberMissing(category.name),
                                     fix: Messages.numberMissingFix(community?.name ?? "本村", noticeDate?.day.year ?? 2026),
                                     severity: .warning))
        }
        let process = parseProcess(values[.process]?.value, noticeDate: noticeDate?.day, yaml: yaml, diagnostics: &d)
        if rules.processRequired == true, let category {
            if values[.process] == nil {
                d.append(yaml.diagnostic(values[.category]?.keyNode, "GK143", Messages.processMissing(category.name),
                                         fix: Messages.processFix))
            } else if let node = values[.process]?.value, node.sequence != nil {
                let present = Set(process.map(\.stage))
                let missing = ProcessStage.deliberation.filter { !present.contains($0) }
                if !missing.isEmpty {
                    d.append(yaml.diagnostic(node, "GK143", Messages.processIncomplete(missing.map(\.name).joined(separator: "、")),
                                             fix: Messages.processFix))
                }
            }
        }
        var covers: MonthSpan?
        if let value = string(.covers) {
            covers = MonthSpan.parse(value)
            if covers == nil {
                d.append(yaml.diagnostic(values[.covers]!.value, "GK148", Messages.badCovers(value), fix: Messages.badCoversFix))
            }
        }

        var tags: [String] = []
        if let (_, node) = values[.tags] {
            if let list = node.sequence {
                tags = list.compactMap(\.text).filter { !$0.isEmpty }
            } else if let s = node.text {
                tags = s.split(whereSeparator: { ",，、".contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            }
        }

        var draft = false
        if let (_, node) = values[.draft] {
            switch node.text?.lowercased() {
            case "true", "yes", "是", "y": draft = true
            case "false", "no", "否", "n", "": draft = false
            default:
                d.append(yaml.diagnostic(node, "GK109", Messages.wrongType(.draft, "true 或 false"),
                                         fix: "草稿请写 草稿: true，发布时删掉这一行。"))
            }
        }

        var supersedes: NoticeID?
        if let value = string(.supersedes) {
            let trimmed = value.hasSuffix(".md") ? String(value.dropLast(3)) : value
            supersedes = NoticeID(trimmed)
            if supersedes == nil {
                d.append(yaml.diagnostic(values[.supersedes]!.value, "GK113", Messages.unknownSupersedes(value),
                                         fix: Messages.unknownSupersedesFix(nil)))
            }
        }

        let (revisions, withdrawal) = parseRecords(values[.revisions]?.value, values[.withdrawn]?.value,
                                                   noticeDay: noticeDate?.day, yaml: yaml, diagnostics: &d)

        let attachments = parseAttachments(values[.attachments]?.value, source: source, yaml: yaml, diagnostics: &d,
                                           refused: &refused)

        if let nd = noticeDate, String(nd.day.year) != source.id.year {
            d.append(yaml.diagnostic(values[.date]!.value, "GK112", Messages.yearMismatch(source.id.year, nd.day.year),
                                     fix: Messages.yearMismatchFix, severity: .warning))
        }

        let attachmentFiles = Set(attachments.map(\.file))
        let (rendered, tableProblems, tableFiles) = renderBody(split.body, bodyFirstLine: split.bodyFirstLine, source: source,
                                                               attachments: attachmentFiles)
        d += tableProblems
        d += Self.dropRenderedDuplicates(
            privacyProblems(source, yaml: yaml, root: root, split: split, renderedText: rendered.text,
                            attachments: withdrawal == nil ? attachmentFiles : []),
            reportedAt: tableProblems)
        guard let title, let noticeDate, let category else { return (nil, d) }
        var positions: [String: SourcePosition] = [:]
        for (key, entry) in values {
            let mark = entry.value.mark
            positions[key.rawValue] = SourcePosition(line: mark.line + yaml.lineOffset, column: mark.column)
        }
        let summary = string(.summary) ?? NoticeSummary.make(rendered.firstParagraph.isEmpty ? rendered.text : rendered.firstParagraph)
        let notice = Notice(
            id: source.id, sourcePath: path, title: title, date: noticeDate, categorySlug: category.slug,
            period: period, number: string(.number), issuer: string(.issuer), reviewed: reviewed, tags: tags,
            summary: summary, attachments: attachments, supersedes: supersedes, draft: draft,
            body: NoticeBody(html: rendered.html, text: rendered.text,
                             headings: rendered.headings.map { .init(level: $0.level, text: $0.text, anchor: $0.anchor) }))
        var located = notice
        located.positions = positions
        located.process = process
        located.covers = covers
        located.refusedAttachments = refused
        located.tableFiles = tableFiles
        located.revisions = revisions
        if let withdrawal {
            // The original text is not published any more: not on the page,
            // not in feeds, not in the search index (docs/content-format.md).
            located.withdrawal = withdrawal
            located.body = NoticeBody(html: "", text: "")
            located.summary = "本公告已于\(withdrawal.date.chinese)撤回。原因：\(withdrawal.reason)"
        }
        return (located, d)
    }

    /// docs/design.md §8: everything of the notice that gets published (every
    /// front-matter value, the body, the file name in the URL).
    private func privacyProblems(_ source: NoticeSource, yaml: YAMLSource, root: YAMLNode?, split: FrontMatterSplit,
                                 renderedText: String, attachments values: Set<String>?) -> [Diagnostic] {
        let privacy = PrivacyGuard.forNotice(site: site, community: community)
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

    static func calendarDate(_ node: YAMLNode, label: String, yaml: YAMLSource) -> (CalendarDate?, Diagnostic?) {
        guard let s = node.text, let day = CalendarDate.parse(s) else {
            return (nil, yaml.diagnostic(node, "GK103", Messages.invalidDate(label, node.text ?? ""),
                                         fix: Messages.invalidDateFix(node.text ?? "")))
        }
        return (day, nil)
    }

    private func parsePeriod(_ node: YAMLNode, yaml: YAMLSource) -> (DisplayPeriod?, [Diagnostic]) {
        var d: [Diagnostic] = []
        func date(_ node: YAMLNode, _ label: String) -> CalendarDate? {
            let (day, problem) = Self.calendarDate(node, label: label, yaml: yaml)
            if let problem { d.append(problem) }
            return day
        }
        if let fields = node.pairs {
            var from: YAMLNode?, to: YAMLNode?
            for f in fields {
                switch f.key {
                case "from", "起", "开始", "自": from = f.value
                case "to", "止", "结束", "至": to = f.value
                default: break
                }
            }
            guard let from, let to else {
                return (nil, [yaml.diagnostic(node, "GK105", Messages.periodShape, fix: Messages.periodShapeFix)])
            }
            let a = date(from, "公示期开始日期"), b = date(to, "公示期结束日期")
            guard let a, let b else { return (nil, d) }
            return (DisplayPeriod(from: a, to: b), d)
        }
        if let s = node.text {
            for separator in ["至", "~", "～", "到", " - "] where s.contains(separator) {
                let parts = s.components(separatedBy: separator)
                if parts.count == 2, let a = CalendarDate.parse(parts[0]), let b = CalendarDate.parse(parts[1]) {
                    return (DisplayPeriod(from: a, to: b), [])
                }
            }
        }
        return (nil, [yaml.diagnostic(node, "GK105", Messages.periodShape, fix: Messages.periodShapeFix)])
    }

    /// `process:` (四议两公开 / 程序): a list of `{stage, date, outcome}` (or
    /// 环节、日期、结果), in the order the stages happened.
    private func parseProcess(_ node: YAMLNode?, noticeDate: CalendarDate?, yaml: YAMLSource,
                              diagnostics d: inout [Diagnostic]) -> [ProcessStep] {
        guard let node else { return [] }
        guard let list = node.sequence else {
            d.append(yaml.diagnostic(node, "GK144", Messages.processBadShape, fix: Messages.processFix))
            return []
        }
        var steps: [ProcessStep] = []
        for entry in list {
            guard let fields = entry.pairs else {
                d.append(yaml.diagnostic(entry, "GK144", Messages.processBadShape, fix: Messages.processFix))
                continue
            }
            var stageNode: YAMLNode?, dateNode: YAMLNode?, outcome: String?
            for f in fields {
                switch f.key {
                case "stage", "环节", "步骤": stageNode = f.value
                case "date", "日期": dateNode = f.value
                case "outcome", "结果", "表决", "result": outcome = f.value.text
                default:
                    d.append(yaml.diagnostic(f.keyNode, "GK110", Messages.unknownKey(f.key, Suggest.nearest(f.key, in: ["stage", "date", "outcome", "环节", "日期", "结果"])),
                                             fix: "四议两公开的每一项只认 环节（stage）、日期（date）、结果（outcome）。", severity: .warning))
                }
            }
            guard let stageNode, let dateNode else {
                d.append(yaml.diagnostic(entry, "GK144", Messages.processBadShape, fix: Messages.processFix))
                continue
            }
            guard let stage = stageNode.text.flatMap(ProcessStage.parse) else {
                d.append(yaml.diagnostic(stageNode, "GK144", Messages.processBadStage(stageNode.text ?? ""), fix: Messages.processBadStageFix))
                continue
            }
            let (day, problem) = Self.calendarDate(dateNode, label: "\(stage.name)日期", yaml: yaml)
            if let problem { d.append(problem) }
            guard let day else { continue }
            if let last = steps.last, stage <= last.stage || day < last.date {
                d.append(yaml.diagnostic(stageNode, "GK145", Messages.processOutOfOrder(stage.name, last.stage.name),
                                         fix: Messages.processOutOfOrderFix))
            }
            if let noticeDate, day > noticeDate {
                d.append(yaml.diagnostic(dateNode, "GK146", Messages.processAfterNotice(stage.name, day.chinese, noticeDate.chinese),
                                         fix: Messages.processAfterNoticeFix))
            }
            steps.append(ProcessStep(stage: stage, date: day, outcome: outcome.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return steps
    }

    /// `revisions:` ({date, what, why} each) and `withdrawn:` ({date, reason}).
    private func parseRecords(_ revisionsNode: YAMLNode?, _ withdrawnNode: YAMLNode?, noticeDay: CalendarDate?,
                              yaml: YAMLSource, diagnostics d: inout [Diagnostic]) -> ([Revision], Withdrawal?) {
        var revisions: [Revision] = []
        if let node = revisionsNode {
            if let list = node.sequence {
                for entry in list {
                    guard let fields = entry.pairs else {
                        d.append(yaml.diagnostic(entry, "GK160", Messages.revisionsShape, fix: Messages.revisionsShapeFix))
                        continue
                    }
                    var day: CalendarDate?, what: String?, why: String?, dateNode: YAMLNode?
                    var complete = true
                    for f in fields {
                        switch f.key {
                        case "date", "日期":
                            dateNode = f.value
                            let (parsed, problem) = Self.calendarDate(f.value, label: "修订日期", yaml: yaml)
                            day = parsed
                            if let problem { d.append(problem); complete = false }
                        case "what", "内容", "修改", "修改内容": what = f.value.text
                        case "why", "原因", "理由": why = f.value.text
                        default:
                            d.append(yaml.diagnostic(f.keyNode, "GK110", Messages.unknownKey(f.key, Suggest.nearest(f.key, in: ["date", "what", "why"])),
                                                     fix: "修订 的每一项只认 date（日期）、what（修改内容）和 why（原因）。", severity: .warning))
                        }
                    }
                    for (label, value) in [("日期（date）", dateNode?.text), ("修改内容（what）", what), ("原因（why）", why)]
                    where value?.trimmingWhitespace().isEmpty ?? true {
                        d.append(yaml.diagnostic(entry, "GK160", Messages.revisionMissing(label), fix: Messages.revisionMissingFix))
                        complete = false
                    }
                    if let day, let noticeDay, day < noticeDay, let dateNode {
                        d.append(yaml.diagnostic(dateNode, "GK160", Messages.revisionBeforeNotice(day.chinese, noticeDay.chinese),
                                                 fix: Messages.revisionBeforeNoticeFix))
                    }
                    if complete, let day, let what, let why { revisions.append(Revision(date: day, what: what, why: why)) }
                }
            } else {
                d.append(yaml.diagnostic(node, "GK160", Messages.revisionsShape, fix: Messages.revisionsShapeFix))
            }
        }
        var withdrawal: Withdrawal?
        if let node = withdrawnNode {
            var day: CalendarDate?, reason: String?, dateNode: YAMLNode?
            for f in node.pairs ?? [] {
                switch f.key {
                case "date", "日期":
                    dateNode = f.value
                    let (parsed, problem) = Self.calendarDate(f.value, label: "撤回日期", yaml: yaml)
                    day = parsed
                    if let problem { d.append(problem) }
                case "reason", "原因", "理由": reason = f.value.text?.trimmingWhitespace()
                default:
                    d.append(yaml.diagnostic(f.keyNode, "GK110", Messages.unknownKey(f.key, Suggest.nearest(f.key, in: ["date", "reason"])),
                                             fix: "撤回 只认 date（日期）和 reason（原因）。", severity: .warning))
                }
            }
            if node.pairs == nil || dateNode == nil || (reason ?? "").isEmpty {
                d.append(yaml.diagnostic(node, "GK161", Messages.withdrawnShape, fix: Messages.withdrawnShapeFix))
            } else if let day, let reason {
                if let noticeDay, day < noticeDay, let dateNode {
                    d.append(yaml.diagnostic(dateNode, "GK161", Messages.withdrawnBeforeNotice(day.chinese, noticeDay.chinese),
                                             fix: Messages.withdrawnBeforeNoticeFix))
                } else {
                    withdrawal = Withdrawal(date: day, reason: reason)
                }
            }
        }
        return (revisions, withdrawal)
    }

    private func parseAttachments(_ node: YAMLNode?, source: NoticeSource, yaml: YAMLSource,
                                  diagnostics d: inout [Diagnostic], refused: inout [String]) -> [Attachment] {
        guard let node else { return [] }
        guard let list = node.sequence else {
            d.append(yaml.diagnostic(node, "GK109", Messages.wrongType(.attachments, "一个列表（每项 - file: 文件名, title: 说明）"),
                                     fix: "例如：附件: [{file: 收支明细.pdf, title: 10月收支明细}]。"))
            return []
        }
        var result: [Attachment] = []
        for entry in list {
            var fileNode: YAMLNode? = entry, title: String?, inlineNode: YAMLNode?
            if let fields = entry.pairs {
                fileNode = nil
                for f in fields {
                    switch f.key {
                    case "file", "文件": fileNode = f.value
                    case "title", "名称", "标题", "说明": title = f.value.text
                    case "inline", "显示", "嵌入": inlineNode = f.value
                    default: break
                    }
                }
            }
            guard let fileNode, let file = fileNode.text, !file.isEmpty else {
                d.append(yaml.diagnostic(entry, "GK109", Messages.wrongType(.attachments, "每项写明 file（文件名）"),
                                         fix: "例如：- {file: 收支明细.pdf, title: 10月收支明细}"))
                continue
            }
            if file.contains("/") || file.contains("\\") || file == ".." || file == "." {
                d.append(yaml.diagnostic(fileNode, "GK121", Messages.attachmentOutside(file), fix: Messages.attachmentOutsideFix))
                continue
            }
            let size: Int
            switch source.siblings[file] {
            case .file(let n):
                size = n
            case .symlink:
                d.append(yaml.diagnostic(fileNode, "GK121", Messages.attachmentOutside(file), fix: Messages.attachmentOutsideFix))
                continue
            default:
                d.append(yaml.diagnostic(fileNode, "GK120", Messages.missingAttachment(file), fix: Messages.missingAttachmentFix))
                continue
            }
            var attachment = Attachment(file: file, title: title ?? file, size: size)
            let ext = attachment.fileExtension
            guard AttachmentRules.allowedExtensions.contains(ext) else {
                d.append(yaml.diagnostic(fileNode, "GK122", Messages.attachmentType(file, ext), fix: Messages.attachmentTypeFix))
                refused.append(file)
                continue
            }
            if size > AttachmentRules.largeFile {
                d.append(yaml.diagnostic(fileNode, "GK123", Messages.attachmentTooLarge(file, size),
                                         fix: Messages.attachmentTooLargeFix, severity: .warning))
            }
            // Images are shown in the page unless `inline: false`.
            var inline = AttachmentRules.isImage(ext)
            if let inlineNode {
                switch inlineNode.text?.lowercased() {
                case "true", "yes", "是", "y": inline = true
                case "false", "no", "否", "n": inline = false
                default:
                    d.append(yaml.diagnostic(inlineNode, "GK109", Messages.wrongType(.attachments, "inline: true 或 false"),
                                             fix: "例如：- {file: 现场照片.jpg, title: 施工现场, inline: false}"))
                }
                if inline && !AttachmentRules.isImage(ext) {
                    d.append(yaml.diagnostic(inlineNode, "GK124", Messages.inlineNotImage(file),
                                             fix: Messages.inlineNotImageFix, severity: .warning))
                    inline = false
                }
            }
            if inline && size > AttachmentRules.largeInlineImage && size <= AttachmentRules.largeFile {
                d.append(yaml.diagnostic(fileNode, "GK125", Messages.inlineImageLarge(file, size),
                                         fix: Messages.inlineImageLargeFix, severity: .warning))
            }
            attachment.inline = inline
            attachment.imageSize = inline ? source.imageSizes[file] : nil
            result.append(attachment)
        }
        return result
    }
}
