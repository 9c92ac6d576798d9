/// `word/numbering.xml`: the list definitions (abstract numberings and the
/// list instances that use them) and the counters that turn a paragraph's
/// `numId`/`ilvl` into the text Word draws (`一、`, `（二）`, `3.`).
struct NumberingDefinitions {
    struct Level {
        var start = 1
        var format = "decimal"
        /// `%1、`, `（%1）`, `%1.%2` …; nil when absent (Word draws nothing).
        var text: String?
        /// The level whose use restarts this one (`w:lvlRestart`, 1-based; 0 = never).
        var restart: Int?
        var legal = false
        var suffix = "tab"
        var font: String?
    }

    struct Abstract {
        var levels: [Int: Level] = [:]
        /// `w:numStyleLink`: the definition lives with the list that a
        /// numbering style points to.
        var styleLink: String?
    }

    struct Instance {
        var abstractID: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    var abstracts: [Int: Abstract] = [:]
    var instances: [Int: Instance] = [:]

    /// The level definition for a list instance, following one style link.
    func level(_ numID: Int, _ ilvl: Int, styles: StyleSheet) -> Level? {
        guard let instance = instances[numID] else { return nil }
        if let override = instance.levelOverrides[ilvl] { return override }
        guard var abstract = abstracts[instance.abstractID] else { return nil }
        if abstract.levels.isEmpty, let link = abstract.styleLink,
           let linked = styles.styles[link]?.paragraph.numberingID, linked != numID,
           let target = instances[linked], let other = abstracts[target.abstractID] {
            abstract = other
        }
        return abstract.levels[ilvl]
    }
}

/// The running counters of one story.
struct NumberingCounters {
    let definitions: NumberingDefinitions
    let styles: StyleSheet
    /// No list counts further (a start value in the file may be anything).
    static let limit = 1_000_000
    /// Counter values by list key and level.
    private var counters: [String: [Int: Int]] = [:]

    init(definitions: NumberingDefinitions, styles: StyleSheet) {
        self.definitions = definitions
        self.styles = styles
    }

    /// Lists sharing an abstract definition continue one numbering unless
    /// an instance restarts it (as Word does).
    private func key(_ numID: Int) -> String {
        guard let instance = definitions.instances[numID] else { return "n\(numID)" }
        if !instance.startOverrides.isEmpty || !instance.levelOverrides.isEmpty { return "n\(numID)" }
        return "a\(instance.abstractID)"
    }

    mutating func next(numID: Int, level ilvl: Int) -> WordNumbering? {
        guard numID > 0, (0...8).contains(ilvl), let level = definitions.level(numID, ilvl, styles: styles) else { return nil }
        let k = key(numID)
        let instance = definitions.instances[numID]
        func startValue(_ l: Int) -> Int {
            instance?.startOverrides[l] ?? definitions.level(numID, l, styles: styles)?.start ?? 1
        }
        var values = counters[k] ?? [:]
        let value = values[ilvl].map { min($0 + 1, Self.limit) } ?? startValue(ilvl)
        values[ilvl] = value
        // Deeper levels start again after this one (unless lvlRestart says otherwise).
        for deeper in (ilvl + 1)...9 {
            let restartAt = definitions.level(numID, deeper, styles: styles)?.restart
            if restartAt == 0 { continue }
            if let r = restartAt, r - 1 < ilvl { continue }
            values[deeper] = nil
        }
        counters[k] = values

        let format = WordNumbering.Format(level.format)
        var text = ""
        if let pattern = level.text {
            let chars = Array(pattern)
            var i = 0
            while i < chars.count {
                if chars[i] == "%", i + 1 < chars.count, let n = chars[i + 1].wholeNumberValue, (1...9).contains(n) {
                    let l = n - 1
                    let v = l == ilvl ? value : (values[l] ?? startValue(l))
                    let levelFormat = l == ilvl ? level.format : (definitions.level(numID, l, styles: styles)?.format ?? "decimal")
                    text += NumberText.render(v, format: level.legal ? "decimal" : levelFormat)
                    i += 2
                } else {
                    text.append(chars[i])
                    i += 1
                }
            }
        }
        if format == .bullet { text = NumberText.bullet(text, font: level.font) }
        let separator: String
        switch level.suffix {
        case "space": separator = " "
        case "nothing": separator = ""
        default: separator = "\t"
        }
        return WordNumbering(list: numID, level: ilvl, text: text, separator: separator,
                             format: format, value: value)
    }
}

/// Numbers in Word's list formats.
enum NumberText {
    static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let legalDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let stems: [String] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    static let branches: [String] = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    static func render(_ n: Int, format: String) -> String {
        switch format {
        case "decimal", "ordinal", "cardinalText", "ordinalText", "decimalHalfWidth": return String(n)
        case "decimalZero": return n < 10 && n >= 0 ? "0\(n)" : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { s -> Character in
                s.value >= 0x30 && s.value <= 0x39 ? Character(Unicode.Scalar(s.value - 0x30 + 0xFF10)!) : Character(s)
            })
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
             "taiwaneseCountingThousand", "koreanCounting":
            return chinese(n, digits: digits, units: ["", "十", "百", "千"])
        case "chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal":
            return chinese(n, digits: legalDigits, units: ["", "拾", "佰", "仟"])
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            return String(String(n).compactMap { $0.wholeNumberValue.map { $0 == 0 ? "〇" : digits[$0] } })
        case "ideographTraditional": return n >= 1 ? stems[(n - 1) % 10] : String(n)
        case "ideographZodiac": return n >= 1 ? branches[(n - 1) % 12] : String(n)
        case "upperLetter", "lowerLetter":
            guard n >= 1, n <= 26 * 20 else { return String(n) }
            let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
            let s = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? s : s.lowercased()
        case "upperRoman", "lowerRoman":
            let s = roman(n)
            return format == "upperRoman" ? s : s.lowercased()
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
            if (1...20).contains(n) { return String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) }
            return String(n)
        case "decimalEnclosedParen":
            if (1...20).contains(n) { return String(Character(Unicode.Scalar(0x2474 + UInt32(n - 1))!)) }
            return "(\(n))"
        case "decimalEnclosedFullstop":
            if (1...20).contains(n) { return String(Character(Unicode.Scalar(0x2488 + UInt32(n - 1))!)) }
            return "\(n)."
        case "none", "bullet": return ""
        default: return String(n)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 1000 → 一千.
    static func chinese(_ n: Int, digits: [Character], units: [String]) -> String {
        guard n > 0, n < 10000 else { return String(n) }
        if n < 20 && n >= 10 && units[1] == "十" { return "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        var result = ""
        var zero = false
        let parts = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        var started = false
        for (i, d) in parts.enumerated() {
            let unit = units[3 - i]
            if d == 0 {
                if started { zero = true }
                continue
            }
            if zero { result.append(digits[0]); zero = false }
            result.append(digits[d])
            result += unit
            started = true
        }
        return result
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var s = ""
        for (value, symbol) in table {
            while rest >= value { s += symbol; rest -= value }
        }
        return s
    }

    /// A bullet as residents' phones can show it: Symbol and Wingdings
    /// bullets are private-use characters in the file.
    static func bullet(_ text: String, font: String?) -> String {
        let scalars = text.unicodeScalars
        if scalars.isEmpty { return "•" }
        if scalars.contains(where: { (0xE000...0xF8FF).contains($0.value) }) {
            return scalars.first.map { SymbolCharacters.visible($0.value, font: font) } ?? "•"
        }
        return text
    }
}

extension WordNumbering.Format {
    init(_ word: String) {
        switch word {
        case "decimal", "decimalZero", "decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth", "ordinal":
            self = .decimal
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
             "taiwaneseCountingThousand", "ideographDigital", "taiwaneseDigital":
            self = .chinese
        case "chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal": self = .chineseLegal
        case "ideographTraditional": self = .heavenlyStem
        case "ideographZodiac": self = .earthlyBranch
        case "upperLetter", "lowerLetter": self = .letter
        case "upperRoman", "lowerRoman": self = .roman
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle",
             "decimalEnclosedParen", "decimalEnclosedFullstop":
            self = .circled
        case "bullet": self = .bullet
        case "none": self = .none
        default: self = .other
        }
    }
}

/// Symbol, Wingdings and Webdings characters (stored in the private-use
/// area) as the Unicode characters they draw, for the few clerks use.
enum SymbolCharacters {
    static func visible(_ value: UInt32, font: String?) -> String {
        let code = value >= 0xF000 && value <= 0xF0FF ? value - 0xF000 : value
        let f = (font ?? "").lowercased()
        if f.contains("wingdings") {
            switch code {
            case 0xA8: return "□"
            case 0xFE: return "☑"
            case 0xFD: return "☒"
            case 0xFC: return "✓"
            case 0xFB: return "✗"
            case 0x6C: return "●"
            case 0x6E: return "■"
            case 0xA7: return "▪"
            case 0x71: return "❑"
            case 0x75: return "◆"
            case 0x76: return "❖"
            case 0xD8: return "➢"
            case 0xA1: return "○"
            case 0x9F: return "•"
            default: return "•"
            }
        }
        switch code {
        case 0xB7: return "•"
        case 0x2D: return "−"
        case 0xB4: return "×"
        case 0xB8: return "÷"
        case 0xB1: return "±"
        case 0xB3: return "≥"
        case 0xA3: return "≤"
        case 0xB9: return "≠"
        case 0xD6: return "√"
        case 0xB0: return "°"
        default: return "•"
        }
    }
}

/// Reads `word/numbering.xml`.
final class NumberingReader: XMLPartReader {
    var definitions = NumberingDefinitions()
    private var abstractID: Int?
    private var abstract = NumberingDefinitions.Abstract()
    private var numID: Int?
    private var instance = NumberingDefinitions.Instance(abstractID: -1)
    private var overrideLevel: Int?
    private var levelIndex: Int?
    private var level = NumberingDefinitions.Level()
    private var inRPr = false
    private var skip = 0

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if skip > 0 { skip += 1; return }
        guard name.namespace == .w else { return }
        let val = attributes[.w, "val"]
        switch name.local {
        case "numPicBullet", "pPr": skip = 1
        case "abstractNum":
            abstractID = attributes[.w, "abstractNumId"].flatMap(Int.init)
            abstract = NumberingDefinitions.Abstract()
        case "numStyleLink": abstract.styleLink = val
        case "num":
            numID = attributes[.w, "numId"].flatMap(Int.init)
            instance = NumberingDefinitions.Instance(abstractID: -1)
        case "abstractNumId": instance.abstractID = val.flatMap(Int.init) ?? -1
        case "lvlOverride": overrideLevel = attributes[.w, "ilvl"].flatMap(Int.init)
        case "startOverride":
            if let l = overrideLevel, let v = val.flatMap(Int.init) {
                instance.startOverrides[l] = max(0, min(NumberingCounters.limit, v))
            }
        case "lvl":
            levelIndex = attributes[.w, "ilvl"].flatMap(Int.init)
            level = NumberingDefinitions.Level()
        case "start": if let v = val.flatMap(Int.init) { level.start = max(0, min(NumberingCounters.limit, v)) }
        case "numFmt": level.format = val ?? "decimal"
        case "lvlText": level.text = val
        case "lvlRestart": level.restart = val.flatMap(Int.init)
        case "isLgl": level.legal = RunProperties.toggle(attributes)
        case "suff": level.suffix = val ?? "tab"
        case "rPr": inRPr = true
        case "rFonts" where inRPr: level.font = attributes[.w, "ascii"] ?? attributes[.w, "hAnsi"] ?? attributes[.w, "eastAsia"]
        default: break
        }
    }

    override func end(_ name: XMLName) {
        if skip > 0 { skip -= 1; return }
        guard name.namespace == .w else { return }
        switch name.local {
        case "rPr": inRPr = false
        case "lvl":
            if let i = levelIndex {
                if let o = overrideLevel, numID != nil { instance.levelOverrides[o] = level }
                else { abstract.levels[i] = level }
            }
            levelIndex = nil
        case "lvlOverride": overrideLevel = nil
        case "abstractNum":
            if let id = abstractID { definitions.abstracts[id] = abstract }
            abstractID = nil
        case "num":
            if let id = numID { definitions.instances[id] = instance }
            numID = nil
        default: break
        }
    }
}
