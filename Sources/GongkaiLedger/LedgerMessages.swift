/// Every sentence a clerk (or a 村务监督委员会 member running `gongkai
/// verify`) reads about the integrity ledger, in one place.
enum LedgerMessages {
    // GK162 silent edit
    static func silentEdit(_ id: String, _ time: String) -> String {
        "公告 \(id) 在 \(time) 已记入完整性账本，之后内容被改动，但没有新增修订记录。已发布的公告不能悄悄修改。"
    }
    static func silentEditFix(_ today: String) -> String {
        "请在前置信息里加一条修订记录，例如：修订: [{date: \(today), what: 改了什么, why: 为什么改}]，网站会在公告页上公开它；或者恢复原文，另发一篇更正公告（更正: 原公告编号）。"
    }

    static func filesChanged(_ id: String, _ names: [String], _ time: String) -> String {
        let which = names.isEmpty ? "附件或表格文件" : names.map { "“\($0)”" }.joined(separator: "、")
        return "公告 \(id) 在 \(time) 已记入完整性账本，之后它的\(which)被换掉或改动了，但没有新增修订记录。已发布公告的附件也不能悄悄更换。"
    }

    static func filesChangedFix(_ today: String) -> String {
        "请换回原来的文件；或者在前置信息里加一条修订记录写明换了什么，例如：修订: [{date: \(today), what: 更换附件, why: 原附件有误}]，网站会在公告页上公开它。"
    }

    // GK308 a published answer changed silently (docs/desk.md)
    static func silentReplyEdit(_ number: String, _ time: String) -> String {
        "第 \(number) 号答复在 \(time) 已发布并记入完整性账本，之后内容被改动，但没有新增修订记录。已发布的答复不能悄悄修改。"
    }
    static func silentReplyEditFix(_ today: String) -> String {
        "请在前置信息里加一条修订记录，例如：修订: [{日期: \(today), 内容: 改了什么, 原因: 为什么改}]，网站会在答复页上公开它；或者恢复原文。"
    }

    // GK163 a recorded notice is gone
    static func vanished(_ id: String) -> String {
        "已发布的公告 \(id) 不见了（文件被删除、改名，或改成了草稿）。已记入完整性账本的公告不能悄悄消失。"
    }
    static let vanishedFix = "请恢复这个文件（文件名不能改）；如要撤下这篇公告，在它的前置信息里写 撤回: {date: 撤回日期, reason: 撤回原因}，网站会保留一页撤回说明，不再显示原文。"

    // GK164 unreadable ledger line
    static let unreadableLine = "完整性账本的这一行无法读取（不是一条完整的账本记录）。"
    static let unreadableLineFix = "账本由 gongkai 自动追加，请不要手工修改；请用版本管理（git）恢复 content/ledger.jsonl 的原样。"

    // GK165 broken chain
    static func brokenChain(_ seq: Int?, _ what: String) -> String {
        "完整性账本的链条断了：\(seq.map { "第 \($0) 条记录" } ?? "这条记录")\(what)。账本可能被改动过。"
    }
    static func sequence(_ expected: Int) -> String { "的序号应为 \(expected)" }
    static let link = "的 prev 与上一条记录的 hash 不符"
    static let hash = "的 hash 与它的内容不符"
    static let brokenChainFix = "账本只能由 gongkai 追加，不能修改或删除已有记录；请用版本管理（git）恢复 content/ledger.jsonl，并查明是谁改动了它。"

    // GK166 ledger not written
    static func notWritten(_ detail: String) -> String { "网站已生成，但完整性账本没能写入（\(detail)）。" }
    static let changedMeanwhile = "生成期间账本被另一个 gongkai 改动了"
    static let notWrittenFix = "请检查 content/ 文件夹是否可写、磁盘是否已满，然后重新运行 gongkai build；在那之前本次的新版本还没有记入账本。"

    // GK167 verify: page does not match
    static func noRecordedVersion(_ id: String) -> String { "公告 \(id) 的原文（notice.txt）与账本记录的任何版本都不符。" }
    static func pageVersionMismatch(_ id: String) -> String { "公告 \(id) 的页面标注的版本与它的原文（notice.txt）不符。" }
    static func pageBodyMismatch(_ id: String) -> String { "公告 \(id) 的页面正文与它的原文（notice.txt）不符，页面可能被手工改过。" }
    static let mismatchFix = "网站上的公告被改动过，或不是用 gongkai 从记录在账本里的原文生成的。请用 gongkai build 重新生成网站，并查明是谁改动了它。"
    static func olderVersion(_ id: String) -> String { "公告 \(id) 显示的是账本里的较早版本，不是最新版本。" }
    static func tableBodyUnchecked(_ id: String) -> String {
        "公告 \(id) 的正文有从 .csv/.xlsx 文件读入的表格，网站上没有这些文件，正文没有核对（原文和账本已核对）。"
    }
    static let tableBodyUncheckedFix = "请在站点文件夹里运行 gongkai verify（或用 --site 指定站点文件夹），并且站点里的这篇公告要和网站上的版本相同。"
    static let olderVersionFix = "网站可能还没有用最新的内容生成：请运行 gongkai build。"
    static func factsMismatch(_ id: String) -> String {
        "公告 \(id) 的 facts.txt（页面上标题、日期、联系人等信息的记录）与账本记录的不符。"
    }
    static func filesMismatch(_ id: String) -> String {
        "公告 \(id) 的 files.sha256（附件和表格文件的 SHA-256 清单）与账本记录的不符。"
    }
    static func attachmentMismatch(_ id: String, _ name: String) -> String {
        "公告 \(id) 的附件“\(name)”与账本记录的不同（SHA-256 不符），附件被换掉或改动过。"
    }
    static func unrecordedFile(_ id: String, _ name: String) -> String {
        "公告 \(id) 的文件夹里多了一个账本里没有记录的文件“\(name)”。"
    }
    static func gzipDiffers(_ path: String) -> String {
        "\(path) 的压缩副本（.gz）与它本身不同，或者解不开：服务器可能把这个副本发给居民的浏览器。"
    }
    static func factAdded(_ id: String, _ label: String, _ shown: String) -> String {
        "公告 \(id) 的页面上写着\(label)“\(shown)”，账本记录的这个版本没有\(label)。"
    }
    static func factDiffers(_ id: String, _ label: String, _ shown: String, _ recorded: String) -> String {
        "公告 \(id) 的页面上的\(label)与账本记录的不同：页面上是“\(shown)”，记录的是“\(recorded)”。"
    }
    static func factNotShown(_ id: String, _ label: String) -> String {
        "公告 \(id) 的页面上没有标出\(label)（账本里有记录），这一项没有核对。"
    }
    static func attachmentTitleDiffers(_ id: String, _ name: String) -> String {
        "公告 \(id) 的页面上附件“\(name)”的名称与账本记录的不同。"
    }
    static func attachmentAdded(_ id: String, _ name: String) -> String {
        "公告 \(id) 的页面上有一个账本里没有记录的附件“\(name)”。"
    }
    static func factsUnmarked(_ id: String) -> String {
        "公告 \(id) 的页面没有标出标题、日期、联系人等信息（data-gongkai-fact），这些没有核对（原文、正文和附件已核对）。"
    }
    static let factsUnmarkedFix = "页面可能由较早版本的 gongkai 或另一个主题生成：请用当前的 gongkai 和默认主题（或标出这些信息的主题）重新生成网站后再核对。"
    static func bodyMarkupDiffers(_ id: String) -> String {
        "公告 \(id) 的页面正文文字和链接与原文相同，但 HTML 写法不同（页面可能由另一版本的 gongkai 或另一个主题生成）。"
    }
    static let bodyMarkupDiffersFix = "如果网站是用当前的 gongkai 生成的，这说明页面被改动过；否则请用当前的 gongkai 重新生成后再核对。"
    static func siteFactsDiffer(_ id: String, _ what: [String]) -> String {
        "站点文件夹里公告 \(id) 的\(what.joined(separator: "、"))与网站上记录的不同（community.yml 或 site.yml 改过，还没有重新生成？）。"
    }
    static let siteFactsDifferFix = "请运行 gongkai build 重新生成网站，变化会记入账本；如果没有人改过站点文件夹，请查明网站是从哪里来的。"
    static func tableFileDiffers(_ id: String, _ name: String) -> String {
        "站点文件夹里公告 \(id) 的表格文件“\(name)”与网站生成时记录的不同。"
    }

    // GK168 verify: something missing
    static func missingFile(_ what: String) -> String { "找不到\(what)。" }
    static let missingLedgerFix = "请先用 gongkai build 生成网站（会生成 ledger.json），或用 --output 指定网站所在的文件夹。"
    static let missingPageFix = "账本里记录过的公告，网站上都必须有它的页面（撤回的公告也有一页撤回说明）。请用 gongkai build 重新生成网站。"
    static func publishedDiffers(_ seq: Int) -> String { "网站上的 ledger.json 第 \(seq) 条记录与 content/ledger.jsonl 不同。" }
    static let publishedDiffersFix = "发布的账本必须与内容文件夹里的账本一致：请用 gongkai build 重新生成网站，并查明哪一份被改动过。"
}
