import GongkaiCore

/// Every sentence the desk shows a resident or a clerk, in one place.
enum DeskMessages {
    static let textMissing = "请写上您的意见（10～1000 字）。"
    static func textTooShort(_ n: Int) -> String { "内容太短（\(n) 个字），请至少写 10 个字，说清楚是哪件事、有什么意见。" }
    static func textTooLong(_ n: Int) -> String { "内容太长（\(n) 个字），最多 1000 个字。请精简后再提交，或到村（居）委会当面反映。" }
    static let phoneMissing = "请留下手机或电话号码，方便回访。号码不会公开。"
    static let phoneBad = "电话号码不对。请写 11 位手机号（如 138 0013 8000）或带区号的固定电话（如 0531-8765 4321）。"
    static let nameTooLong = "姓名最多 20 个字（也可以不填）。"
    static let noticeMissing = "没有说明是对哪篇公告提出异议。请从公告页面上的表格提交。"
    static func noticeUnknown(_ id: String) -> String { "找不到公告“\(id)”。请从公告页面上的表格提交。" }
    static let communityMissing = "没有说明是给哪个村（社区）的建议。请从村（社区）页面上的表格提交。"
    static func communityUnknown(_ slug: String) -> String { "找不到村（社区）“\(slug)”。请从村（社区）页面上的表格提交。" }
    static func windowNotOpen(_ from: String) -> String { "这篇公告的公示期还没有开始（\(from)开始），现在还不能提出异议。" }
    static func windowClosed(_ to: String) -> String {
        "这篇公告的异议期已在 \(to) 结束，网上不再受理异议。如有意见，可以到村（居）委会当面反映，或通过“我有建议”提交。"
    }
    static let noWindow = "这篇公告没有公示期，不受理网上异议。如有意见，可以通过村（社区）页面的“我有建议”提交。"
    static let withdrawn = "这篇公告已经撤回，不再受理异议。"
    static let tooLarge = "提交的内容太大（超过 16 KB）。请精简后再提交。"
    static let honeypot = "提交没有成功。请刷新页面后重新填写（“网址”一栏请留空）。"
    static let foreignOrigin = "只能从本镇村（居）务公开网站上的表格提交。"
    static let tooManyClient = "提交太频繁了，请过一段时间再试。急事请直接打电话给村（居）委会。"
    static let tooManyPhone = "这个电话号码今天已经提交了 3 次，请明天再提交。急事请直接打电话给村（居）委会。"
    static let openObjection = "您对这篇公告的异议正在办理中，答复前不能再提交一次。可以凭查询码查看办理情况。"
    static let unknownCode = "没有这个查询码。请核对后重新输入（查询码由字母和数字组成，如 K7QM-3XPA）。"
    static let ratingNotAnswered = "还没有答复，答复公开后才能评价。"
    static let ratingClosed = "评价期已过（答复公开后 7 天内可以评价）。"
    static let ratingDone = "已经评价过了，每件只能评价一次。"
    static let ratingBad = "请选择：满意、基本满意 或 不满意。"
    static let badToken = "令牌不对或已作废。请在服务器上运行 gongkai desk token 重新领取。"
    static let timeout = "提交用时太长，连接已断开。请检查网络后重新提交。"
    static let unavailable = "系统暂时不能受理，请稍后再试，或直接打电话给村（居）委会。"
    static let notFound = "没有这个页面。"
    static let badForm = "提交的格式不对。请从网站上的表格提交。"

    static func stateLabel(_ state: CaseState) -> String {
        switch state {
        case .received: return "已收到，等待办理"
        case .handling: return "正在办理"
        case .answered: return "已答复"
        case .overdue: return "已超过答复期限，还没有答复"
        }
    }

    static func overdueAdvice(town: String?) -> String {
        let t = town.map { $0 + "人民政府（街道办事处）" } ?? "乡镇人民政府（街道办事处）"
        return "村（居）委会没有在期限内答复。您可以直接向\(t)反映，乡镇应当在 20 日内处理；请带上这个查询码。"
    }
}
