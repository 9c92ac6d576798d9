import GongkaiCore

/// Clerk-facing sentences about answer files (docs/desk.md), in one place.
enum ReplyMessages {
    static func unknownKey(_ key: String, _ suggestion: String?) -> String {
        "答复文件里有不认识的项“\(key)”" + (suggestion.map { "，是不是想写“\($0)”？" } ?? "。")
    }
    static let unknownKeyFix = "答复文件可以写：编号、类型、公告、收到、群众原话、结果、答复日期、理由、审核（见 docs/desk.md）。"
    static func missing(_ key: String) -> String { "答复文件缺少“\(key)”。" }
    static func missingFix(_ key: String) -> String {
        "这一项由 gongkai inbox 写好，请不要删除；不小心删了的，请照 docs/desk.md 的样子补上“\(key): …”。"
    }
    static func numberMismatch(_ written: String, _ file: String) -> String {
        "编号“\(written)”和文件名“\(file).md”不一致。"
    }
    static let numberMismatchFix = "编号就是文件名，请不要改文件名或编号（例如 2026-0012.md 里写 编号: 2026-0012）。"
    static func badKind(_ text: String) -> String { "类型“\(text)”不对，只能是“异议”或“建议”。" }
    static func badOutcome(_ text: String, _ kind: CaseKind) -> String {
        "结果“\(text)”不是\(kind.label)的答复结果。"
    }
    static func badOutcomeFix(_ kind: CaseKind) -> String {
        "请写其中之一：" + ReplyOutcome.outcomes(for: kind).map(\.rawValue).joined(separator: "、") + "。"
    }
    static func reasonMissing(_ outcome: ReplyOutcome) -> String { "结果是“\(outcome.rawValue)”，但没有写理由。" }
    static let reasonMissingFix = "不成立、不采纳时必须向群众说明理由：请加一行“理由: …”，写清依据（如哪条规定、哪次会议的决定）。"
    static let answeredMissing = "写了结果，但没有写答复日期。"
    static func answeredMissingFix(_ today: String) -> String { "请加一行“答复日期: \(today)”（答复群众的那一天）。" }
    static let resultMissing = "写了答复日期，但没有写结果。"
    static func resultMissingFix(_ kind: CaseKind) -> String { badOutcomeFix(kind) }
    static let emptyAnswer = "写了结果，但答复正文是空的。"
    static let emptyAnswerFix = "请在第二个 --- 下面写答复的内容：查了什么、怎么处理、群众还可以找谁。"
    static func answeredBeforeReceived(_ answered: String, _ received: String) -> String {
        "答复日期（\(answered)）早于收到日期（\(received)）。"
    }
    static let answeredBeforeReceivedFix = "请写实际答复的日期。"
    static func noticeMissing(_ id: String) -> String { "异议针对的公告“\(id)”在网站上找不到。" }
    static let noticeMissingFix = "公告项由 gongkai inbox 写好，请不要改；公告改了名的，请写它现在的编号（村文件夹/年份/文件名）。"
    static let noticeForObjectionOnly = "只有异议才写“公告”；建议是给村（社区）的，不针对某篇公告。"
    static func reviewMissing(_ who: String) -> String { "按公开规则，答复发布前要经\(who)审核，但这份答复没有写“审核”。" }
    static func reviewMissingFix(_ who: String) -> String { "审核后请加一行：审核: {by: \(who), date: 审核日期}。" }
    static func duplicate(_ number: String, _ other: String) -> String { "编号 \(number) 的答复文件重复了（另一份：\(other)）。" }
    static let duplicateFix = "一件群众来信只能有一份答复文件，请删掉多余的那份。"
    static func overdue(_ community: String, _ count: Int, _ today: String, _ list: String) -> String {
        "\(community)有 \(count) 件群众异议或建议到 \(today) 已过答复期限还没有答复：\(list)。"
    }
    static let overdueFix = "请尽快答复（在答复文件里写结果、答复日期和答复内容），然后运行 gongkai build；逾期的情况会在公开情况一览里显示。"
}
