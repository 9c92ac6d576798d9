import Foundation
import GongkaiCore

/// The category from words in the title (else the first lines of the body):
/// the category's own name, the words of its name, and words that mark each
/// kind of matter (财务 → finance, 低保 → welfare, 宅基地 → land …).
enum CategoryGuess {
    struct Choice {
        var category: Category
        var source: ImportedNotice.Source
        var word: String?
    }

    static let words: [CategoryType: [String]] = [
        .finance: ["财务", "收支", "收入", "支出", "账目", "账务", "资金", "经费", "开支", "结余", "债权", "债务", "票据", "报销"],
        .major: ["四议两公开", "决议", "决定", "议事", "村民代表会议", "党员大会", "重大事项", "一事一议", "表决"],
        .welfare: ["低保", "最低生活保障", "特困", "五保", "临时救助", "医疗救助", "救助", "残疾人", "困难群众", "困难老人", "困难家庭", "慰问金", "供养"],
        .subsidy: ["惠农", "补贴", "地力保护", "种粮", "粮食直补", "农机购置", "良种"],
        .project: ["招标", "中标", "投标", "工程", "项目", "竣工", "验收", "施工", "比选", "询价", "采购", "结算", "硬化"],
        .land: ["宅基地", "建房", "翻建", "农房"],
        .expropriation: ["征地", "征收", "拆迁", "补偿安置"],
        .asset: ["发包", "出租", "租赁", "承包", "鱼塘", "机动地", "集体资产", "资源", "拍卖", "竞价", "三资"],
        .party: ["党费", "党员发展", "发展党员", "党支部", "党组织", "主题党日", "入党", "党务"],
        .general: ["村务", "居务", "物业", "停车", "垃圾分类", "议事会"],
        .notice: ["通知", "停水", "停电", "防汛", "防火", "医保", "缴费", "疫苗", "接种"],
    ]

    static func choose(site: Site, community: Community, forced: Category?, title: String, body: String) -> Choice {
        if let forced { return Choice(category: forced, source: .option, word: nil) }
        let candidates = site.categories.filter { site.applies($0, to: community) }
        let pool = candidates.isEmpty ? site.categories : candidates
        for (text, source) in [(title, ImportedNotice.Source.title), (body, .body)] {
            var best: (score: Int, category: Category, word: String)?
            for category in pool {
                guard let (score, word) = score(category, in: text) else { continue }
                if best == nil || score > best!.score { best = (score, category, word) }
            }
            if let best { return Choice(category: best.category, source: source, word: best.word) }
        }
        let fallback = pool.first { type(of: $0) == .notice } ?? pool.first { type(of: $0) == .general } ?? pool[0]
        return Choice(category: fallback, source: .fallback, word: nil)
    }

    static func type(of category: Category) -> CategoryType? {
        category.type ?? CategoryType.guess(slug: category.slug, name: category.name)
    }

    /// How strongly `text` points at `category`, and the word that did.
    static func score(_ category: Category, in text: String) -> (Int, String)? {
        var best: (Int, String)?
        func consider(_ score: Int, _ word: String) {
            if best == nil || score > best!.0 { best = (score, word) }
        }
        if text.contains(category.name) { consider(100 + category.name.count, category.name) }
        var stem = category.name
        for suffix in ["公开", "公示", "审批", "管理"] where stem.hasSuffix(suffix) && stem.count > suffix.count + 1 {
            stem.removeLast(suffix.count)
        }
        for word in stem.split(whereSeparator: { "与和及、".contains($0) }).map(String.init) where word.count >= 2 {
            if text.contains(word) { consider(40 + word.count, word) }
        }
        if let t = type(of: category) {
            var total = 0
            var strongest = ""
            for word in words[t] ?? [] where text.contains(word) {
                total += word.count * 3
                if word.count > strongest.count { strongest = word }
            }
            if total > 0 { consider(total, strongest) }
        }
        return best
    }
}
