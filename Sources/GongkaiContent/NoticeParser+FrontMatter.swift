import GongkaiCore

/// What a notice's front matter says, each key checked. Nil where the key
/// is missing or wrong (its diagnostic says which).
struct FrontMatterValues {
    var title: String?
    var date: NoticeDate?
    var category: Category?
    var period: DisplayPeriod?
    var reviewed: Review?
    var process: [ProcessStep] = []
    var covers: MonthSpan?
    var tags: [String] = []
    var draft = false
    var supersedes: NoticeID?
    var revisions: [Revision] = []
    var withdrawal: Withdrawal?
    var attachments: [Attachment] = []
    /// Attachments of a type that is not published (GK122).
    var refusedAttachments: [String] = []

    var attachmentFiles: Set<String> { Set(attachments.map(\.file)) }
}

/// Checks a notice's front matter key by key (docs/content-format.md),
/// collecting the diagnostics in the order the keys are checked.
struct FrontMatterCheck {
    let parser: NoticeParser
    let id: NoticeID
    let yaml: YAMLSource
    /// Each key's name and value nodes, whichever spelling the clerk used.
    private(set) var keys: [FrontMatterKey: (keyNode: YAMLNode, value: YAMLNode)] = [:]
    var diagnostics: [Diagnostic] = []

    private var site: Site { parser.site }
    private var community: Community? { parser.community }

    /// Resolves the keys (English or Chinese; GK110 for an unknown key,
    /// GK106 for a key written both ways, GK101 for a required key missing).
    init(parser: NoticeParser, id: NoticeID, yaml: YAMLSource, pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]) {
        self.parser = parser
        self.id = id
        self.yaml = yaml
        for (name, keyNode, value) in pairs {
            guard let key = FrontMatterKey.byName[name] else {
                let suggestion = Suggest.nearest(name, in: FrontMatterKey.allNames)
                diagnostics.append(yaml.diagnostic(keyNode, "GK110", Messages.unknownKey(name, suggestion),
                                                   fix: Messages.unknownKeyFix(suggestion), severity: .warning))
                continue
            }
            if keys[key] != nil {
                diagnostics.append(yaml.diagnostic(keyNode, "GK106", Messages.bothSpellings(key), fix: Messages.bothSpellingsFix(key)))
                continue
            }
            keys[key] = (keyNode, value)
        }
        for key in FrontMatterKey.required where keys[key] == nil {
            diagnostics.append(Diagnostic(file: yaml.file, line: 1, column: 1, code: "GK101",
                                          message: Messages.missingKey(key), fix: Messages.missingKeyFix(key)))
        }
    }

    /// Where each key's value starts in the file.
    var positions: [String: SourcePosition] {
        var positions: [String: SourcePosition] = [:]
        for (key, entry) in keys {
            positions[key.rawValue] = SourcePosition(line: entry.value.mark.line + yaml.lineOffset, column: entry.value.mark.column)
        }
        return positions
    }

    /// Every key but `summary`, `number` and `issuer`, which are checked when
    /// the notice is made.
    mutating func run(_ source: NoticeSource) -> FrontMatterValues {
        var v = FrontMatterValues()
        v.title = string(.title)
        v.date = noticeDate()
        v.category = category()
        checkCommunity()
        let rules = v.category.map { site.rules(for: $0, in: community) } ?? DisclosureRules(minDisplayDays: site.minDisplayDays)
        v.period = period(rules: rules, category: v.category, noticeDate: v.date)
        v.reviewed = reviewed()
        checkReview(v.reviewed, rules: rules, category: v.category, noticeDate: v.date)
        checkNumberRequired(rules: rules, category: v.category, noticeDate: v.date)
        v.process = process(rules: rules, category: v.category, noticeDate: v.date)
        v.covers = covers()
        v.tags = tags()
        v.draft = draft()
        v.supersedes = supersedes()
        (v.revisions, v.withdrawal) = parser.parseRecords(keys[.revisions]?.value, keys[.withdrawn]?.value,
                                                          noticeDay: v.date?.day, yaml: yaml, diagnostics: &diagnostics)
        v.attachments = parser.parseAttachments(keys[.attachments]?.value, source: source, yaml: yaml,
                                                diagnostics: &diagnostics, refused: &v.refusedAttachments)
        checkYear(v.date)
        return v
    }

    /// A key whose value is one piece of text (GK109 for a list, a map or nothing).
    mutating func string(_ key: FrontMatterKey) -> String? {
        guard let (keyNode, node) = keys[key] else { return nil }
        guard let s = node.text else {
            diagnostics.append(yaml.diagnostic(node, "GK109", Messages.wrongType(key, Messages.textValue), fix: Messages.textValueFix))
            return nil
        }
        if s.isEmpty {
            diagnostics.append(yaml.diagnostic(keyNode, "GK109", "\(key.both)：" + Messages.emptyValue, fix: Messages.emptyValueFix))
            return nil
        }
        return s
    }

    /// `date` (GK103).
    private mutating func noticeDate() -> NoticeDate? {
        guard let (_, node) = keys[.date] else { return nil }
        if let s = node.text, let parsed = NoticeDate.parse(s) { return parsed }
        diagnostics.append(yaml.diagnostic(node, "GK103", Messages.invalidDate(Messages.noticeDateLabel, node.text ?? ""),
                                           fix: Messages.invalidDateFix(node.text ?? "")))
        return nil
    }

    /// `category`, by name or slug (GK102 with the nearest one).
    private mutating func category() -> Category? {
        guard let value = string(.category) else { return nil }
        if let category = site.category(named: value) { return category }
        let names = site.categories.map(\.name)
        let suggestion = Suggest.nearest(value, in: names + site.categories.map(\.slug))
            .flatMap { s in site.category(named: s)?.name }
        diagnostics.append(yaml.diagnostic(keys[.category]!.value, "GK102", Messages.unknownCategory(value),
                                           fix: Messages.unknownCategoryFix(suggestion, names.joined(separator: "、"))))
        return nil
    }

    /// `community`, if written, names the folder's community (GK108).
    private mutating func checkCommunity() {
        guard let (_, node) = keys[.community], let value = node.text, value != id.community,
              value != community?.name else { return }
        diagnostics.append(yaml.diagnostic(node, "GK108", Messages.communityMismatch(value, id.community),
                                           fix: Messages.communityMismatchFix(id.community)))
    }

    /// `period`: its shape (GK105), its length under the rules (GK104), not
    /// before the notice (GK105); missing where the rules want one (GK140).
    private mutating func period(rules: DisclosureRules, category: Category?, noticeDate: NoticeDate?) -> DisplayPeriod? {
        let minimum = rules.minDisplayDays ?? site.minDisplayDays
        guard let (_, node) = keys[.period] else {
            if rules.periodRequired == true, let category, let nd = noticeDate {
                diagnostics.append(yaml.diagnostic(keys[.date]?.keyNode, "GK140", Messages.periodMissing(category.name),
                                                   fix: Messages.periodMissingFix(nd.day.iso, nd.day.adding(days: minimum).iso)))
            }
            return nil
        }
        let (period, problems) = parser.parsePeriod(node, yaml: yaml)
        diagnostics += problems
        guard let p = period else { return nil }
        let text = DisplayPeriodText(from: p.from.chineseMonthDay, to: p.to.chineseMonthDay, days: p.days)
        let earliest = p.from.adding(days: minimum)
        if p.to < p.from {
            diagnostics.append(yaml.diagnostic(node, "GK105", Messages.periodReversed(text),
                                               fix: Messages.periodReversedFix(Self.endLabel(earliest, from: p.from))))
        } else if p.days < minimum {
            diagnostics.append(yaml.diagnostic(node, "GK104", Messages.periodTooShort(minimum, text),
                                               fix: Messages.periodTooShortFix(Self.endLabel(earliest, from: p.from))))
        }
        if let nd = noticeDate, p.from < nd.day {
            diagnostics.append(yaml.diagnostic(node, "GK105", Messages.periodBeforeNotice(p.from.chinese, nd.day.chinese),
                                               fix: Messages.periodBeforeNoticeFix(nd.day.chinese,
                                                                                   Self.endLabel(nd.day.adding(days: minimum), from: nd.day))))
        }
        return p
    }

    /// `10月13日`, or `2025年1月2日` when the year differs from `from`'s.
    private static func endLabel(_ day: CalendarDate, from: CalendarDate) -> String {
        day.year == from.year ? day.chineseMonthDay : day.chinese
    }

    /// `reviewed`: who (text), or `{by, date}` (GK109, GK110).
    private mutating func reviewed() -> Review? {
        guard let (_, node) = keys[.reviewed] else { return nil }
        if let who = node.text, !who.isEmpty { return Review(by: who, date: nil) }
        if let fields = node.pairs {
            var by: String?, day: CalendarDate?
            for f in fields {
                switch f.key {
                case "by", "审核人", "审核单位", "单位": by = f.value.text
                case "date", "日期":
                    let (parsed, problem) = NoticeParser.calendarDate(f.value, label: Messages.reviewDateLabel, yaml: yaml)
                    if let problem { diagnostics.append(problem) }
                    day = parsed
                default:
                    diagnostics.append(yaml.diagnostic(f.keyNode, "GK110", Messages.unknownKey(f.key, Suggest.nearest(f.key, in: ["by", "date"])),
                                                       fix: Messages.reviewedKeysFix, severity: .warning))
                }
            }
            if let by, !by.isEmpty { return Review(by: by, date: day) }
        }
        diagnostics.append(yaml.diagnostic(node, "GK109", Messages.wrongType(.reviewed, Messages.reviewedShape),
                                           fix: Messages.reviewedShapeFix))
        return nil
    }

    /// A review the rules want (GK141), not dated after the notice (GK147).
    private mutating func checkReview(_ reviewed: Review?, rules: DisclosureRules, category: Category?, noticeDate: NoticeDate?) {
        let who = community?.supervisionName ?? Messages.defaultSupervision
        if rules.reviewRequired == true, keys[.reviewed] == nil, let category {
            diagnostics.append(yaml.diagnostic(keys[.category]?.keyNode, "GK141", Messages.reviewMissing(category.name, who),
                                               fix: Messages.reviewMissingFix(who, noticeDate.map { $0.day.adding(days: -1).iso }
                                                                                  ?? Messages.reviewDatePlaceholder)))
        }
        if let day = reviewed?.date, let nd = noticeDate, day > nd.day {
            diagnostics.append(yaml.diagnostic(keys[.reviewed]?.value, "GK147", Messages.reviewAfterNotice(day.chinese, nd.day.chinese),
                                               fix: Messages.reviewAfterNoticeFix))
        }
    }

    /// A document number the rules want (GK142).
    private mutating func checkNumberRequired(rules: DisclosureRules, category: Category?, noticeDate: NoticeDate?) {
        guard rules.numberRequired == true, keys[.number] == nil, let category else { return }
        diagnostics.append(yaml.diagnostic(keys[.category]?.keyNode, "GK142", Messages.numberMissing(category.name),
                                           fix: Messages.numberMissingFix(community?.name ?? Messages.defaultCommunity,
                                                                          noticeDate?.day.year ?? 2026),
                                           severity: .warning))
    }

    /// `process` (四议两公开; GK144–GK146), complete where the rules want it (GK143).
    private mutating func process(rules: DisclosureRules, category: Category?, noticeDate: NoticeDate?) -> [ProcessStep] {
        let steps = parser.parseProcess(keys[.process]?.value, noticeDate: noticeDate?.day, yaml: yaml, diagnostics: &diagnostics)
        guard rules.processRequired == true, let category else { return steps }
        if keys[.process] == nil {
            diagnostics.append(yaml.diagnostic(keys[.category]?.keyNode, "GK143", Messages.processMissing(category.name),
                                               fix: Messages.processFix))
        } else if let node = keys[.process]?.value, node.sequence != nil {
            let present = Set(steps.map(\.stage))
            let missing = ProcessStage.deliberation.filter { !present.contains($0) }
            if !missing.isEmpty {
                diagnostics.append(yaml.diagnostic(node, "GK143", Messages.processIncomplete(missing.map(\.name).joined(separator: "、")),
                                                   fix: Messages.processFix))
            }
        }
        return steps
    }

    /// `covers`: the months a report is about (GK148).
    private mutating func covers() -> MonthSpan? {
        guard let value = string(.covers) else { return nil }
        if let span = MonthSpan.parse(value) { return span }
        diagnostics.append(yaml.diagnostic(keys[.covers]!.value, "GK148", Messages.badCovers(value), fix: Messages.badCoversFix))
        return nil
    }

    /// `tags`: a list, or text split at `,`, `，` and `、`.
    private func tags() -> [String] {
        guard let (_, node) = keys[.tags] else { return [] }
        if let list = node.sequence { return list.compactMap(\.text).filter { !$0.isEmpty } }
        guard let s = node.text else { return [] }
        return s.split(whereSeparator: { ",，、".contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// `draft`: true or false in any spelling a clerk uses (GK109).
    private mutating func draft() -> Bool {
        guard let (_, node) = keys[.draft] else { return false }
        switch node.text?.lowercased() {
        case "true", "yes", "是", "y": return true
        case "false", "no", "否", "n", "": return false
        default:
            diagnostics.append(yaml.diagnostic(node, "GK109", Messages.wrongType(.draft, Messages.draftShape), fix: Messages.draftFix))
            return false
        }
    }

    /// `supersedes`: the id of the notice this one corrects (GK113).
    private mutating func supersedes() -> NoticeID? {
        guard let value = string(.supersedes) else { return nil }
        if let id = NoticeID(value.hasSuffix(".md") ? String(value.dropLast(3)) : value) { return id }
        diagnostics.append(yaml.diagnostic(keys[.supersedes]!.value, "GK113", Messages.unknownSupersedes(value),
                                           fix: Messages.unknownSupersedesFix(nil)))
        return nil
    }

    /// The notice's year is its folder's (GK112).
    private mutating func checkYear(_ date: NoticeDate?) {
        guard let nd = date, String(nd.day.year) != id.year else { return }
        diagnostics.append(yaml.diagnostic(keys[.date]!.value, "GK112", Messages.yearMismatch(id.year, nd.day.year),
                                           fix: Messages.yearMismatchFix, severity: .warning))
    }
}
