import GongkaiCore

/// `gongkai check --as-of`: one warning (GK310) per community whose answer
/// files include open cases past their deadline (docs/desk.md).
public enum ReplyOverdue {
    public static func diagnostics(_ content: SiteContent, today: CalendarDate) -> [Diagnostic] {
        let names = Dictionary(content.communities.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        var result: [Diagnostic] = []
        let overdue = content.replies.filter { !$0.isAnswered && $0.deadline < today }
        for (community, list) in Dictionary(grouping: overdue, by: \.community).sorted(by: { $0.key < $1.key }) {
            let items = list.map { "第 \($0.number) 号\($0.kind.label)（\($0.received.chineseMonthDay)收到，应在 \($0.deadline.chinese)前答复）" }
            result.append(Diagnostic(file: list[0].sourcePath, line: 1, column: 1, code: "GK310", severity: .warning,
                                     message: ReplyMessages.overdue(names[community] ?? community, list.count, today.chinese,
                                                                    items.joined(separator: "、")),
                                     fix: ReplyMessages.overdueFix))
        }
        return result
    }
}
