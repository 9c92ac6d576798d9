/// The notice front matter keys of docs/design.md §2, each with its Chinese alias.
enum FrontMatterKey: String, CaseIterable, Sendable {
    case title, date, category, period, number, issuer, reviewed, tags, summary
    case attachments, supersedes, draft, community, process, covers, revisions, withdrawn

    var alias: String {
        switch self {
        case .title: return "标题"
        case .date: return "日期"
        case .category: return "类别"
        case .period: return "公示期"
        case .number: return "文号"
        case .issuer: return "发布单位"
        case .reviewed: return "审核"
        case .tags: return "标签"
        case .summary: return "摘要"
        case .attachments: return "附件"
        case .supersedes: return "更正"
        case .draft: return "草稿"
        case .community: return "村居"
        case .process: return "四议两公开"
        case .covers: return "所属期"
        case .revisions: return "修订"
        case .withdrawn: return "撤回"
        }
    }

    /// More Chinese spellings accepted for the same key.
    var otherAliases: [String] { self == .process ? ["程序"] : [] }

    static let required: [FrontMatterKey] = [.title, .date, .category]

    static let byName: [String: FrontMatterKey] = {
        var map: [String: FrontMatterKey] = [:]
        for key in allCases {
            map[key.rawValue] = key
            map[key.alias] = key
            for other in key.otherAliases { map[other] = key }
        }
        return map
    }()

    /// Every English name and its alias, for suggestions (GK110).
    static let allNames = allCases.flatMap { [$0.rawValue, $0.alias] }

    /// `title（标题）` as shown in messages.
    var both: String { "\(rawValue)（\(alias)）" }
}
