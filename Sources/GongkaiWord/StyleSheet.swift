/// Run properties as written at one level (document defaults, a style, a
/// run): nil means "not said here, inherit".
struct RunProperties: Equatable {
    var bold: Bool?
    var italic: Bool?
    var underline: Bool?
    var strike: Bool?
    var hidden: Bool?
    /// Points.
    var size: Double?
    var position: WordRun.VerticalPosition?

    /// `self` over `base`: what `self` says wins.
    func over(_ base: RunProperties) -> RunProperties {
        RunProperties(bold: bold ?? base.bold, italic: italic ?? base.italic, underline: underline ?? base.underline,
                      strike: strike ?? base.strike, hidden: hidden ?? base.hidden, size: size ?? base.size,
                      position: position ?? base.position)
    }

    /// Reads one child of `w:rPr`; false when it is not a run property.
    mutating func read(_ local: Substring, _ attributes: XMLAttributes) -> Bool {
        switch local {
        case "b": bold = Self.toggle(attributes)
        case "i": italic = Self.toggle(attributes)
        case "u":
            let v = attributes[.w, "val"] ?? "single"
            underline = v != "none" && v != "0"
        case "strike", "dstrike": strike = Self.toggle(attributes)
        case "vanish", "specVanish": hidden = Self.toggle(attributes)
        case "sz":
            if let v = attributes[.w, "val"].flatMap(Double.init), v > 0, v < 10000 { size = v / 2 }
        case "vertAlign":
            switch attributes[.w, "val"] {
            case "superscript": position = .superscript
            case "subscript": position = .subscript
            default: position = .baseline
            }
        default: return false
        }
        return true
    }

    /// `<w:b/>` is on; `w:val` of `0`, `false` or `off` turns it off.
    static func toggle(_ attributes: XMLAttributes) -> Bool {
        switch attributes[.w, "val"]?.lowercased() {
        case "0", "false", "off": return false
        default: return true
        }
    }
}

/// Paragraph properties a style or a paragraph states.
struct ParagraphProperties: Equatable {
    var outlineLevel: Int?
    var alignment: String?
    var numberingID: Int?
    var numberingLevel: Int?
    var leftIndent: Int?
    var firstLineIndent: Int?
    /// Hundredths of a character (`w:firstLineChars="200"`: two characters).
    var firstLineChars: Int?

    /// Reads one child of `w:pPr` (or of `w:numPr` / `w:ind`).
    mutating func read(_ local: Substring, _ attributes: XMLAttributes) {
        switch local {
        case "outlineLvl": outlineLevel = attributes[.w, "val"].flatMap(Int.init)
        case "jc": alignment = attributes[.w, "val"]
        case "numId": numberingID = attributes[.w, "val"].flatMap(Int.init)
        case "ilvl": numberingLevel = attributes[.w, "val"].flatMap(Int.init)
        case "ind":
            if let v = (attributes[.w, "left"] ?? attributes[.w, "start"]).flatMap(Self.twips) { leftIndent = v }
            if let v = attributes[.w, "firstLine"].flatMap(Self.twips) { firstLineIndent = v }
            if let v = attributes[.w, "hanging"].flatMap(Self.twips) { firstLineIndent = -v }
            if let v = attributes[.w, "firstLineChars"].flatMap(Self.twips) { firstLineChars = v }
            if let v = attributes[.w, "hangingChars"].flatMap(Self.twips) { firstLineChars = -v }
        default: break
        }
    }

    /// A length as written, kept within ±10⁶ (about 17 m): larger is
    /// nonsense, and the arithmetic on it must not overflow.
    static func twips(_ s: String) -> Int? {
        let limit = 1_000_000
        if let v = Int(s) { return max(-limit, min(limit, v)) }
        guard let d = Double(s), d.isFinite else { return nil }
        return Int(max(Double(-limit), min(Double(limit), d)))
    }
}

struct StyleDefinition {
    var id: String
    var name: String
    var type: String
    var basedOn: String?
    var paragraph = ParagraphProperties()
    var run = RunProperties()
}

/// `word/styles.xml`: the styles by id and the document defaults, with
/// inheritance (`w:basedOn`) resolved on request.
struct StyleSheet {
    var styles: [String: StyleDefinition] = [:]
    var defaultParagraphStyle: String?
    var defaultRun = RunProperties()
    var defaultParagraph = ParagraphProperties()

    /// The style and the styles it is based on, nearest first (cycles cut).
    func chain(_ id: String?) -> [StyleDefinition] {
        var result: [StyleDefinition] = []
        var seen: Set<String> = []
        var next = id
        while let current = next, !seen.contains(current), let style = styles[current], result.count < 32 {
            seen.insert(current)
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    func name(_ id: String?) -> WordStyleName? {
        guard let id, let style = styles[id] else { return id.map { WordStyleName(id: $0, name: $0) } }
        return WordStyleName(id: id, name: style.name.isEmpty ? id : style.name)
    }

    /// Run properties a paragraph style gives its text (over the defaults).
    func run(paragraphStyle: String?, characterStyle: String?) -> RunProperties {
        var result = defaultRun
        for style in chain(paragraphStyle ?? defaultParagraphStyle).reversed() { result = style.run.over(result) }
        for style in chain(characterStyle).reversed() { result = style.run.over(result) }
        return result
    }

    /// Paragraph properties of a style over the defaults; direct properties go on top.
    func paragraph(_ styleID: String?, direct: ParagraphProperties) -> ParagraphProperties {
        var p = defaultParagraph
        for style in chain(styleID ?? defaultParagraphStyle).reversed() { p = style.paragraph.over(p) }
        return direct.over(p)
    }
}

extension ParagraphProperties {
    func over(_ base: ParagraphProperties) -> ParagraphProperties {
        ParagraphProperties(
            outlineLevel: outlineLevel ?? base.outlineLevel, alignment: alignment ?? base.alignment,
            numberingID: numberingID ?? base.numberingID,
            // A level without an id stays with the inherited list; an id without a level is level 0.
            numberingLevel: numberingLevel ?? (numberingID != nil ? nil : base.numberingLevel),
            leftIndent: leftIndent ?? base.leftIndent,
            firstLineIndent: firstLineChars != nil ? nil : (firstLineIndent ?? base.firstLineIndent),
            firstLineChars: firstLineChars ?? (firstLineIndent != nil ? nil : base.firstLineChars))
    }
}

/// Reads `word/styles.xml`.
final class StylesReader: XMLPartReader {
    var sheet = StyleSheet()
    private var current: StyleDefinition?
    private var currentIsDefault = false
    private var inRunDefaults = false
    private var inParagraphDefaults = false
    private var inPPr = false
    private var inRPr = false
    private var skip = 0

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if skip > 0 { skip += 1; return }
        guard name.namespace == .w else { return }
        switch name.local {
        case "tblStylePr", "rPrChange", "pPrChange", "tblPr", "trPr", "tcPr", "latentStyles":
            skip = 1
        case "rPrDefault": inRunDefaults = true
        case "pPrDefault": inParagraphDefaults = true
        case "style":
            current = StyleDefinition(id: attributes[.w, "styleId"] ?? "", name: "", type: attributes[.w, "type"] ?? "paragraph")
            currentIsDefault = ["1", "true", "on"].contains(attributes[.w, "default"]?.lowercased() ?? "")
        case "name": current?.name = attributes[.w, "val"] ?? ""
        case "basedOn": current?.basedOn = attributes[.w, "val"]
        case "pPr": inPPr = true
        case "rPr": inRPr = true
        default:
            if inRPr {
                if current != nil { _ = current!.run.read(name.local, attributes) }
                else if inRunDefaults { _ = sheet.defaultRun.read(name.local, attributes) }
            } else if inPPr {
                if current != nil { current!.paragraph.read(name.local, attributes) }
                else if inParagraphDefaults { sheet.defaultParagraph.read(name.local, attributes) }
            }
        }
    }

    override func end(_ name: XMLName) {
        if skip > 0 { skip -= 1; return }
        guard name.namespace == .w else { return }
        switch name.local {
        case "rPrDefault": inRunDefaults = false
        case "pPrDefault": inParagraphDefaults = false
        case "pPr": inPPr = false
        case "rPr": inRPr = false
        case "style":
            if let style = current, !style.id.isEmpty {
                sheet.styles[style.id] = style
                if currentIsDefault && style.type == "paragraph" { sheet.defaultParagraphStyle = style.id }
            }
            current = nil
        default: break
        }
    }
}
