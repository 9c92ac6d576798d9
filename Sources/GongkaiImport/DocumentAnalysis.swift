import GongkaiCore
import GongkaiWord

/// Reads the shape of a clerk's document: the head (版头, 文号, title), the
/// 落款 at the end, and which paragraphs are headings.
struct DocumentAnalysis {
    let items: [BodyItem]
    private(set) var hasText = false
    private(set) var title: String?
    private(set) var titleSource: ImportedNotice.Source?
    private(set) var number: String?
    private(set) var masthead: String?
    private(set) var skipped: Set<Int> = []
    private(set) var issuer: String?
    private(set) var signatureDate: CalendarDate?
    /// The paragraphs of the 落款 (never headings).
    private(set) var signatureIDs: Set<Int> = []
    private(set) var headDate: CalendarDate?
    private(set) var headings = HeadingPlan()
    /// The text after the title (for the category when the title says nothing).
    private(set) var leadText = ""
    /// All body text, paragraphs and cells, one per line.
    private(set) var allText = ""
    /// The size of most of the body text, in points.
    private(set) var bodySize: Double

    init(document: WordDocument, items: [BodyItem]) {
        self.items = items
        bodySize = Self.dominantSize(items) ?? document.defaultFontSize
        var texts: [String] = []
        for item in items {
            switch item.kind {
            case .paragraph(let p):
                texts.append(p.displayText)
                for box in p.textBoxes { texts += box.blocks.map(Self.text) }
            case .table(let t): texts += TableWriter.grid(t).map { $0.joined(separator: " ") }
            }
        }
        allText = texts.joined(separator: "\n")
        hasText = !allText.allSatisfy(\.isWhitespace) || !document.images.isEmpty
        readHead()
        readSignature()
        planHeadings()
        leadText = String(items.filter { !skipped.contains($0.id) }.compactMap { $0.paragraph?.displayText }
            .joined(separator: "\n").prefix(400))
    }

    static func text(_ block: WordBlock) -> String {
        switch block {
        case .paragraph(let p): return p.displayText
        case .table(let t): return TableWriter.grid(t).map { $0.joined(separator: " ") }.joined(separator: "\n")
        }
    }

    /// The run size that most characters of the body have.
    static func dominantSize(_ items: [BodyItem]) -> Double? {
        var counts: [Double: Int] = [:]
        for item in items {
            guard let p = item.paragraph else { continue }
            for run in p.runs {
                if let size = run.size { counts[size, default: 0] += run.text.count }
            }
        }
        return counts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key
    }

    /// The 1-based ordinal of a top-level paragraph as `WordLocation` counts
    /// (paragraphs with text, an image or a text box).
    func ordinal(of id: Int) -> Int {
        var n = 0
        for item in items {
            guard let p = item.paragraph else { continue }
            if !p.displayText.allSatisfy(\.isWhitespace) || p.content.contains(where: {
                if case .image = $0 { return true }
                if case .textBox = $0 { return true }
                return false
            }) {
                n += 1
            }
            if item.id == id { return max(1, n) }
        }
        return max(1, n)
    }

    // MARK: The head

    func isTitleLike(_ p: WordParagraph) -> Bool {
        let text = ChineseText.clean(p.displayText.replacingOccurrences(of: "\n", with: " "))
        guard !text.isEmpty, text.count <= 80, !text.hasSuffix("。"), !text.hasSuffix("："), !text.hasSuffix(":") else { return false }
        let style = (p.style?.name ?? "").lowercased()
        if style == "title" || style == "标题" || style == "subtitle" || style == "副标题" { return true }
        if p.outlineLevel == 0 || style == "heading 1" || style == "标题 1" { return true }
        let sizes = p.runs.filter { !$0.text.allSatisfy(ChineseText.isSpace) }.compactMap(\.size)
        let largest = sizes.max() ?? bodySize
        let bold = p.runs.filter { !$0.text.allSatisfy(ChineseText.isSpace) }.allSatisfy(\.bold) && !p.runs.isEmpty
        if p.alignment == .center && (bold || largest >= bodySize + 2) { return true }
        return largest >= bodySize + 4
    }

    mutating func readHead() {
        var titleParts: [String] = []
        var firstTitle: WordParagraph?
        var sawTitleStyle = false
        var examined = 0
        var firstText: (id: Int, text: String)?
        for item in items {
            guard let p = item.paragraph else { break }
            let text = ChineseText.clean(p.displayText.replacingOccurrences(of: "\n", with: " "))
            if text.isEmpty { continue }
            examined += 1
            if firstText == nil { firstText = (item.id, text) }
            if number == nil, let n = ChineseText.onlyNumber(text) {
                number = n
                skipped.insert(item.id)
                if !titleParts.isEmpty { break }
                continue
            }
            if titleParts.isEmpty, masthead == nil, text.hasSuffix("文件"), text.count <= 24, !text.hasPrefix("关于"), isTitleLike(p) {
                masthead = text
                skipped.insert(item.id)
                continue
            }
            if titleParts.isEmpty, headDate == nil, let d = ChineseText.onlyDate(text), examined <= 2 {
                headDate = d
                continue
            }
            if isTitleLike(p), titleParts.count == 1, let first = firstTitle, !Self.sameLook(first, p) {
                // Two title lines that look different: a column header above
                // the title (`柳河村村务公开`), or a title split after a short
                // first line (`马庄村` / `宅基地审批结果公示`).
                if Self.isMastheadText(titleParts[0]) {
                    masthead = titleParts[0]
                    titleParts = [text]
                    firstTitle = p
                    skipped.insert(item.id)
                    continue
                }
                let secondStyle = (p.style?.name ?? "").lowercased()
                let secondIsHeading = Self.headingStyleLevel(secondStyle) != nil || Self.ordinal(text) != nil
                if titleParts[0].count <= 8, !sawTitleStyle, !secondIsHeading {
                    titleParts.append(text)
                    skipped.insert(item.id)
                    continue
                }
            }
            if isTitleLike(p), titleParts.count < 3, firstTitle.map({ Self.sameLook($0, p) }) ?? true {
                if firstTitle == nil { firstTitle = p }
                let style = (p.style?.name ?? "").lowercased()
                if style == "title" || style == "标题" || p.outlineLevel == 0 { sawTitleStyle = true }
                titleParts.append(text)
                skipped.insert(item.id)
                continue
            }
            if !titleParts.isEmpty, headDate == nil, let d = ChineseText.onlyDate(text) {
                headDate = d
            }
            break
        }
        if !titleParts.isEmpty {
            title = Self.joinTitle(titleParts)
            titleSource = sawTitleStyle ? .style : .formatting
        } else if let first = firstText, first.text.count <= 50,
                  !first.text.contains(where: { ChineseText.sentenceEnd.contains($0) }),
                  !first.text.hasSuffix("："), !first.text.hasSuffix(":"),
                  items.filter({ $0.paragraph.map { !$0.displayText.allSatisfy(\.isWhitespace) } ?? true }).count > 1 {
            title = first.text
            titleSource = .firstLine
            skipped.insert(first.id)
        }
    }

    /// The name of the paper's column rather than of the notice: `××村民委员会文件`, `××村村务公开`.
    static func isMastheadText(_ text: String) -> Bool {
        guard text.count <= 16, !text.hasPrefix("关于"), !text.contains(where: ChineseText.isDigit) else { return false }
        return ["文件", "村务公开", "居务公开", "党务公开", "公开栏", "公示栏", "务公开"].contains { text.hasSuffix($0) }
    }

    /// A title broken over lines has one look: style, alignment, size, weight.
    static func sameLook(_ a: WordParagraph, _ b: WordParagraph) -> Bool {
        func look(_ p: WordParagraph) -> (String, WordParagraph.Alignment, Double?, Bool) {
            let runs = p.runs.filter { !$0.text.allSatisfy(ChineseText.isSpace) }
            return (p.style?.name ?? "", p.alignment, runs.compactMap(\.size).max(), StyledRuns.isAllBold(p))
        }
        return look(a) == look(b)
    }

    /// Lines of a title broken for the page (`马庄村` / `关于……的公示`) read as one.
    static func joinTitle(_ parts: [String]) -> String {
        var out = ""
        for part in parts {
            if let last = out.last, let first = part.first, last.isASCII && last.isLetter && first.isASCII && first.isLetter {
                out += " "
            }
            out += part
        }
        return out
    }

    // MARK: The 落款

    static let organisationWords = ["委员会", "村委会", "居委会", "支部", "党委", "总支", "小组", "办公室", "合作社", "公司",
                                    "社区", "村", "理事会", "监事会", "工作站", "服务站", "中心", "政府", "街道", "办事处", "会议", "大会",
                                    "两委", "村委", "居委"]

    mutating func readSignature() {
        // The last lines of the top-level paragraphs (a 落款 is often one paragraph with a line break).
        var lines: [(id: Int, text: String)] = []
        scan: for item in items.reversed() {
            let texts: [String]
            switch item.kind {
            case .paragraph(let p):
                texts = [p.displayText]
            case .table(let t):
                // A 落款 is sometimes set in a small table without borders.
                guard lines.count < 2, t.rows.count <= 4, t.columnCount <= 3 else {
                    if lines.count >= 2 { break scan } else { continue scan }
                }
                texts = t.rows.flatMap { $0.cells.map(\.text) }
            }
            let parts = texts.flatMap { $0.split(separator: "\n") }.map { ChineseText.clean(String($0)) }.filter { !$0.isEmpty }
            for part in parts.reversed() { lines.append((item.id, part)) }
            if lines.count >= 10 { break scan }
        }
        // lines is from the end backwards.
        for (i, line) in lines.enumerated() where i < 8 {
            var dateText = line.text
            var sameLineIssuer: String?
            if ChineseText.onlyDate(line.text) == nil, let d = ChineseText.dates(in: line.text).last,
               d.range.upperBound == line.text.endIndex || line.text[d.range.upperBound...].allSatisfy({ "日（）()盖章 ".contains($0) }) {
                let before = ChineseText.clean(String(line.text[..<d.range.lowerBound]))
                if isIssuer(before) {
                    sameLineIssuer = before
                    dateText = String(line.text[d.range])
                }
            }
            guard let date = ChineseText.onlyDate(dateText) else { continue }
            signatureDate = date
            signatureIDs.insert(line.id)
            if let sameLineIssuer {
                issuer = sameLineIssuer
            } else {
                var names: [String] = []
                var j = i + 1
                while j < lines.count, names.count < 2, isIssuer(lines[j].text) {
                    names.insert(Self.stripSeal(lines[j].text), at: 0)
                    signatureIDs.insert(lines[j].id)
                    j += 1
                }
                if !names.isEmpty { issuer = names.joined(separator: "、") }
            }
            return
        }
    }

    func isIssuer(_ text: String) -> Bool {
        let t = Self.stripSeal(text)
        guard !t.isEmpty, t.count <= 30, !t.contains(where: { ChineseText.sentenceEnd.contains($0) || $0 == "：" || $0 == ":" }),
              !t.hasPrefix("特此"), !t.hasPrefix("附件"), !t.contains(where: ChineseText.isDigit) else { return false }
        return Self.organisationWords.contains { t.hasSuffix($0) || t.hasSuffix($0 + "（章）") }
    }

    static func stripSeal(_ text: String) -> String {
        var t = text
        for seal in ["（盖章）", "(盖章)", "（章）", "(章)", "（公章）"] { t = t.replacingOccurrences(of: seal, with: "") }
        return ChineseText.clean(t)
    }

    // MARK: Headings

    enum Ordinal: Equatable {
        /// 一、
        case chinese
        /// （一）
        case parenthesised
        /// 第一章 / 第一部分 / 第一节
        case chapter
    }

    static func ordinal(_ text: String) -> Ordinal? {
        let numerals = "一二三四五六七八九十"
        let chars = Array(text)
        var i = 0
        if chars.first == "第" {
            i = 1
            while i < chars.count, numerals.contains(chars[i]) { i += 1 }
            guard i > 1, i < chars.count else { return nil }
            return ["章", "节", "部"].contains(chars[i]) ? .chapter : nil
        }
        if chars.first == "（" || chars.first == "(" {
            i = 1
            while i < chars.count, numerals.contains(chars[i]) { i += 1 }
            return i > 1 && i < chars.count && (chars[i] == "）" || chars[i] == ")") ? .parenthesised : nil
        }
        while i < chars.count, numerals.contains(chars[i]) { i += 1 }
        return i > 0 && i < chars.count && (chars[i] == "、" || chars[i] == "．") ? .chinese : nil
    }

    static func isShortLine(_ text: String) -> Bool {
        text.count <= 32 && !text.contains("\n")
            && !text.dropLast().contains(where: { "。；！？;!?".contains($0) }) && !text.hasSuffix("。") && !text.hasSuffix("；")
    }

    mutating func planHeadings() {
        var candidates: [(id: Int, kind: Int)] = []   // kind: 0 style, 1 chapter, 2 chinese, 3 parenthesised, 4 bold
        var styleLevels: [Int: Int] = [:]
        let paragraphs = items.compactMap { item in item.paragraph.map { (item.id, $0) } }
        for (position, (id, p)) in paragraphs.enumerated() where !skipped.contains(id) && !signatureIDs.contains(id) {
            let text = ChineseText.clean(p.displayText)
            guard !text.isEmpty, !(id == paragraphs.last?.0) else { continue }
            let style = (p.style?.name ?? "").lowercased()
            if let level = p.outlineLevel ?? Self.headingStyleLevel(style), Self.isShortLine(text) || text.count <= 60 {
                styleLevels[id] = level
                candidates.append((id, 0))
                continue
            }
            guard Self.isShortLine(text), p.numbering?.isBullet != true else { continue }
            let next = paragraphs.dropFirst(position + 1).first { !ChineseText.clean($0.1.displayText).isEmpty }
            // Top-level ids are positions in `items`.
            let nextIsTable = id + 1 < items.count && { if case .table = items[id + 1].kind { return true } else { return false } }()
            let bold = StyledRuns.isAllBold(p)
            if let kind = Self.ordinal(text) {
                let nextText = next.map { ChineseText.clean($0.1.displayText) } ?? ""
                let sibling = Self.ordinal(nextText) == kind && Self.isShortLine(nextText)
                if bold || nextIsTable || !sibling {
                    candidates.append((id, kind == .chapter ? 1 : kind == .chinese ? 2 : 3))
                }
                continue
            }
            if bold, text.count <= 24, !text.contains("："), !text.contains(":"), next != nil || nextIsTable,
               !text.contains(where: ChineseText.isDigit) || text.count <= 16, ChineseText.onlyDate(text) == nil {
                candidates.append((id, 4))
            }
        }
        // Levels: the kinds present, in order of rank, from ## down.
        let minStyle = styleLevels.values.min() ?? 0
        let ranks = Set(candidates.map(\.kind).filter { $0 != 0 }).sorted()
        for (id, kind) in candidates {
            let level: Int
            if kind == 0 {
                level = 2 + (styleLevels[id] ?? 0) - minStyle
            } else {
                let base = styleLevels.isEmpty ? 2 : 3
                level = base + (ranks.firstIndex(of: kind) ?? 0)
            }
            headings.levels[id] = min(6, level)
        }
    }

    static func headingStyleLevel(_ style: String) -> Int? {
        for prefix in ["heading ", "标题 ", "heading", "标题"] where style.hasPrefix(prefix) {
            if let n = Int(style.dropFirst(prefix.count)), (1...9).contains(n) { return n - 1 }
        }
        return nil
    }
}

enum StyledRuns {
    static func isAllBold(_ p: WordParagraph) -> Bool {
        let visible = p.runs.filter { !$0.text.allSatisfy(ChineseText.isSpace) }
        return !visible.isEmpty && visible.allSatisfy(\.bold)
    }
}
