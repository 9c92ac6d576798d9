/// How often a category must be published (公开频次).
public enum Cadence: String, Sendable, Hashable, CaseIterable {
    case monthly
    case quarterly
    case halfYearly = "half-yearly"
    case yearly
    /// 随时公开: when something happens; no calendar obligation.
    case onEvent = "on-event"

    /// Also accepted in site.yml: 每月、每季度、每半年、每年、随时.
    public static func parse(_ text: String) -> Cadence? {
        switch text {
        case "monthly", "每月", "月": return .monthly
        case "quarterly", "每季度", "季度", "季": return .quarterly
        case "half-yearly", "halfyearly", "每半年", "半年": return .halfYearly
        case "yearly", "annual", "每年", "年": return .yearly
        case "on-event", "event", "随时", "不定期": return .onEvent
        default: return nil
        }
    }

    /// 每月 …: as the overview says it.
    public var label: String {
        switch self {
        case .monthly: return "每月"
        case .quarterly: return "每季度"
        case .halfYearly: return "每半年"
        case .yearly: return "每年"
        case .onEvent: return "随时"
        }
    }

    /// Months in one period; nil for on-event.
    public var months: Int? {
        switch self {
        case .monthly: return 1
        case .quarterly: return 3
        case .halfYearly: return 6
        case .yearly: return 12
        case .onEvent: return nil
        }
    }
}

/// What kind of matter a category discloses; presets give rules per type, so
/// a site whose category slugs differ from the example's still gets them.
public enum CategoryType: String, Sendable, Hashable, CaseIterable {
    case finance, major, welfare, subsidy, project, land, expropriation, asset, party, general, notice

    public var label: String {
        switch self {
        case .finance: return "财务"
        case .major: return "重大事项（四议两公开）"
        case .welfare: return "低保与社会救助"
        case .subsidy: return "惠农补贴"
        case .project: return "工程项目"
        case .land: return "宅基地与土地"
        case .expropriation: return "征地补偿"
        case .asset: return "集体资产资源"
        case .party: return "党务"
        case .general: return "一般村（居）务"
        case .notice: return "通知公告"
        }
    }

    /// The example's slugs and names, for categories that do not say `type:`.
    public static func guess(slug: String, name: String) -> CategoryType? {
        let bySlug: [String: CategoryType] = [
            "caiwu": .finance, "juece": .major, "siyi": .major, "zhongda": .major,
            "dibao": .welfare, "jiuzhu": .welfare, "huinong": .subsidy, "butie": .subsidy,
            "gongcheng": .project, "xiangmu": .project, "zhaijidi": .land, "tudi": .land,
            "zhengdi": .expropriation, "zichan": .asset, "ziyuan": .asset, "dangwu": .party,
            "juwu": .general, "cunwu": .general, "tongzhi": .notice, "gonggao": .notice,
        ]
        if let t = bySlug[slug] { return t }
        let byWord: [(String, CategoryType)] = [
            ("征地", .expropriation), ("征收", .expropriation), ("财务", .finance), ("四议两公开", .major),
            ("重大", .major), ("决策", .major), ("低保", .welfare), ("救助", .welfare), ("补贴", .subsidy),
            ("惠农", .subsidy), ("工程", .project), ("项目", .project), ("宅基地", .land), ("土地", .land),
            ("资产", .asset), ("资源", .asset), ("党务", .party), ("通知", .notice), ("居务", .general),
            ("村务", .general),
        ]
        return byWord.first { name.contains($0.0) }?.1
    }
}

/// A category's disclosure rules. Every field is optional so layers (preset
/// → category → community) can be merged: a later non-nil value wins.
public struct DisclosureRules: Sendable, Hashable {
    public var cadence: Cadence?
    /// Days after a period ends by which its disclosure is due (公布期限).
    public var dueDays: Int?
    /// Minimum 公示期 in days (the first day not counted).
    public var minDisplayDays: Int?
    /// A notice must carry a 公示期.
    public var periodRequired: Bool?
    /// 审核 by the 村务监督委员会 before publication.
    public var reviewRequired: Bool?
    /// 文号 expected (a warning when missing).
    public var numberRequired: Bool?
    /// Days from the start of the 公示期 in which villagers may object; nil:
    /// until the 公示期 ends.
    public var objectionDays: Int?
    /// A 四议两公开 record (`process:`) must be present.
    public var processRequired: Bool?
    /// Days to answer an objection to a notice of this category (the desk;
    /// site.yml `answers.objection_days` otherwise).
    public var answerDays: Int?

    public init(cadence: Cadence? = nil, dueDays: Int? = nil, minDisplayDays: Int? = nil, periodRequired: Bool? = nil,
                reviewRequired: Bool? = nil, numberRequired: Bool? = nil, objectionDays: Int? = nil,
                processRequired: Bool? = nil, answerDays: Int? = nil) {
        self.cadence = cadence
        self.dueDays = dueDays
        self.minDisplayDays = minDisplayDays
        self.periodRequired = periodRequired
        self.reviewRequired = reviewRequired
        self.numberRequired = numberRequired
        self.objectionDays = objectionDays
        self.processRequired = processRequired
        self.answerDays = answerDays
    }

    /// `self` with every value `other` sets.
    public func overridden(by other: DisclosureRules) -> DisclosureRules {
        DisclosureRules(
            cadence: other.cadence ?? cadence, dueDays: other.dueDays ?? dueDays,
            minDisplayDays: other.minDisplayDays ?? minDisplayDays, periodRequired: other.periodRequired ?? periodRequired,
            reviewRequired: other.reviewRequired ?? reviewRequired, numberRequired: other.numberRequired ?? numberRequired,
            objectionDays: other.objectionDays ?? objectionDays, processRequired: other.processRequired ?? processRequired,
            answerDays: other.answerDays ?? answerDays)
    }

    public var isEmpty: Bool { self == DisclosureRules() }
}

/// A named set of rules per category type that a site selects with one key
/// (`rules: province-5`). Modelled on the law (docs/catalogue.md), not legal
/// advice: a site overrides any value per category.
public struct RulePreset: Sendable, Hashable {
    public var name: String
    public var title: String
    public var byType: [CategoryType: DisclosureRules]

    public func rules(for type: CategoryType) -> DisclosureRules {
        byType[type] ?? byType[.general] ?? DisclosureRules()
    }

    public static func named(_ name: String) -> RulePreset? { all.first { $0.name == name } }

    public static var all: [RulePreset] { [national, province5, province10] }

    /// 村民委员会组织法 第三十条 and national rules for 低保 (7 days) and 征地 (30 days).
    public static let national: RulePreset = make(
        name: "national", title: "全国最低要求（村民委员会组织法）", display: 5, objection: nil, review: false,
        process: false)

    /// Modelled on 山东省村务公开条例: 5-day display, 5-day objection window, review by the 村务监督委员会.
    public static let province5: RulePreset = make(
        name: "province-5", title: "省级规定（公示 5 天，参照山东省村务公开条例）", display: 5, objection: 5, review: true,
        process: true)

    /// Provinces that ask for 10 days of display.
    public static let province10: RulePreset = make(
        name: "province-10", title: "省级规定（公示 10 天）", display: 10, objection: 10, review: true,
        process: true)

    /// No preset asks for a 文号: the laws they follow do not; a site opts in
    /// per category (`number_required: true`).
    private static func make(name: String, title: String, display: Int, objection: Int?, review: Bool,
                             process: Bool) -> RulePreset {
        let number = false
        func r(_ cadence: Cadence, due: Int? = nil, days: Int = display, period: Bool = true, review: Bool = review,
               number: Bool = number, process: Bool = false) -> DisclosureRules {
            DisclosureRules(cadence: cadence, dueDays: due, minDisplayDays: days, periodRequired: period,
                            reviewRequired: review, numberRequired: number, objectionDays: period ? objection : nil,
                            processRequired: process)
        }
        return RulePreset(name: name, title: title, byType: [
            .finance: r(.monthly, due: 15),
            .major: r(.onEvent, process: process),
            .welfare: r(.onEvent, days: max(7, display)),
            .subsidy: r(.onEvent),
            .project: r(.onEvent),
            .land: r(.onEvent),
            .expropriation: r(.onEvent, days: max(30, display)),
            .asset: r(.onEvent),
            .party: r(.onEvent, period: false, review: false, number: false),
            .general: r(.quarterly, due: 15, period: false, review: false, number: false),
            .notice: r(.onEvent, period: false, review: false, number: false),
        ])
    }
}
