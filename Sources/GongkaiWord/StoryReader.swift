import Foundation

/// What is shared while the parts of one document are read: the styles, the
/// list definitions, the images loaded so far and the numbers of notes and
/// comments.
final class ReadContext {
    let package: WordPackage
    let styles: StyleSheet
    let numbering: NumberingDefinitions
    var images: [WordImage] = []
    private var imageByPath: [String: Int] = [:]
    /// Comment id → index in `WordDocument.comments`.
    var commentIndex: [String: Int] = [:]
    /// Note id → the number Word prints, in order of first reference.
    var footnoteNumbers: [String: Int] = [:]
    var endnoteNumbers: [String: Int] = [:]
    /// Header and footer parts the sections use, in order of first use.
    var headerParts: [String] = []
    var footerParts: [String] = []

    init(package: WordPackage, styles: StyleSheet, numbering: NumberingDefinitions) {
        self.package = package
        self.styles = styles
        self.numbering = numbering
    }

    /// The image a relationship points to; nil when it is missing or unreadable.
    func image(_ relationship: WordPackage.Relationship) -> Int? {
        if let i = imageByPath[relationship.target] { return i }
        guard let data = try? package.part(relationship.target) else { return nil }
        let name = relationship.target.split(separator: "/").last.map(String.init) ?? relationship.target
        images.append(WordImage(name: name, path: relationship.target, bytes: [UInt8](data)))
        imageByPath[relationship.target] = images.count - 1
        return images.count - 1
    }

    func noteNumber(footnote: Bool, id: String) -> Int {
        if footnote {
            if let n = footnoteNumbers[id] { return n }
            footnoteNumbers[id] = footnoteNumbers.count + 1
            return footnoteNumbers.count
        }
        if let n = endnoteNumbers[id] { return n }
        endnoteNumbers[id] = endnoteNumbers.count + 1
        return endnoteNumbers.count
    }
}

/// Something noted while reading, located at a paragraph once the story's
/// tree is complete (see `StoryResult.resolve`).
enum PendingNote {
    case revision(WordRevision.Kind, author: String, date: String, text: String)
    case field(instruction: String, result: String)
    case omission(WordOmission.Kind, detail: String)
    case hidden(String)
    case commentAnchor(Int)
}

/// One story read: its blocks and what was noted, by paragraph serial.
struct StoryResult {
    var blocks: [WordBlock] = []
    var notes: [(serial: Int, note: PendingNote)] = []
    var serials = 0
    var dropped: Set<Int> = []

    /// The notes with their locations in `story`.
    func resolve(_ story: WordLocation.Story) -> [(WordLocation, PendingNote)] {
        guard !notes.isEmpty else { return [] }
        let locations = LocationWalker.paragraphLocations(blocks, story: story)
        let kept = (0..<serials).filter { !dropped.contains($0) }
        return notes.map { serial, note in
            guard !locations.isEmpty else { return (WordLocation(story: story), note) }
            // The first kept paragraph at or after the serial.
            var lo = 0, hi = kept.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if kept[mid] < serial { lo = mid + 1 } else { hi = mid }
            }
            let index = min(lo, locations.count - 1, max(0, kept.count - 1))
            return (locations[max(0, index)], note)
        }
    }
}

/// A SAX reader for the parts that hold text as WordprocessingML blocks:
/// the document body, headers, footers, and (one story per element)
/// footnotes, endnotes and comments.
///
/// Accepted text only: `w:ins`/`w:moveTo` are read as text, `w:del` and
/// `w:moveFrom` are noted with their text and left out, formatting changes
/// keep the new formatting, a deleted table row is left out. Of a
/// markup-compatibility choice (`mc:AlternateContent`) the first `mc:Choice`
/// is read and the fallback skipped (Word and WPS write a text box twice).
final class StoryReader: XMLPartReader {
    /// The element that starts a story in a notes or comments part.
    enum Wrapper: String {
        case footnote, endnote, comment
    }

    struct WrappedStory {
        var id: String
        var type: String
        var author: String
        var date: String
        var result: StoryResult
    }

    let context: ReadContext
    let relationships: [String: WordPackage.Relationship]
    let wrapper: Wrapper?
    var story = StoryResult()
    var wrapped: [WrappedStory] = []
    var sections: [WordSection] = []

    /// Deeper tables are read as their paragraphs; deeper text boxes are left out.
    static let tableDepthLimit = 6
    static let containerDepthLimit = 24
    /// A table's grid is read up to this many columns (a real one has tens).
    static let columnLimit = 256

    private enum Property { case paragraph, paragraphMark, run, table, row, cell, section, grid }

    private struct ParagraphState {
        var serial: Int
        var direct = ParagraphProperties()
        var styleID: String?
        var markDeleted = false
        var content: [WordInline] = []
        var endsSection = false
        var inRun = false
        var runDirect = RunProperties()
        var runStyle: String?
        var links: [String?] = []
    }

    private struct CellState {
        var span = 1
        var verticalMerge = WordTable.Cell.VerticalMerge.none
        var continuesLeft = false
    }

    private struct RowState {
        var cells: [WordTable.Cell] = []
        var isHeader = false
        var before = 0
        var deleted = false
        var cursor = 0
        var firstSerial: Int
        var cell: CellState?
    }

    private struct TableState {
        var rows: [WordTable.Row] = []
        var widths: [Int] = []
        var style: String?
        var row: RowState?
    }

    private struct FieldState {
        var instruction = ""
        var inResult = false
        var result = ""
        var serial: Int
    }

    private struct DrawingState {
        var isObject = false
        var description = ""
        var blips: [(id: String, external: Bool)] = []
        var chart = false
        var program: String?
    }

    private struct Deletion {
        var kind: WordRevision.Kind
        var author: String
        var date: String
        var text = ""
        var serial: Int
    }

    private var skip = 0
    private var alternates: [Bool] = []
    private var containers: [[WordBlock]] = [[]]
    private var paragraphs: [ParagraphState] = []
    private var tables: [TableState?] = []
    private var properties: [(kind: Property, root: Bool)] = []
    private var fields: [FieldState] = []
    private var drawings: [DrawingState] = []
    private var deletion: Deletion?
    private var deletionDepth = 0
    private var collecting: Substring?
    private var buffer = ""
    private var section = WordSection()
    private var current: WrappedStory?

    init(context: ReadContext, relationships: [String: WordPackage.Relationship], wrapper: Wrapper?) {
        self.context = context
        self.relationships = relationships
        self.wrapper = wrapper
    }

    private var serial: Int { paragraphs.last?.serial ?? story.serials }

    private func note(_ n: PendingNote, at serial: Int? = nil) {
        story.notes.append((serial ?? self.serial, n))
    }

    // MARK: Elements

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if skip > 0 { skip += 1; return }
        switch name.namespace {
        case .w: startW(name.local, attributes)
        case .mc:
            switch name.local {
            case "AlternateContent": alternates.append(false)
            case "Choice":
                if alternates.last == true { skip = 1 } else if !alternates.isEmpty { alternates[alternates.count - 1] = true }
            case "Fallback":
                if alternates.last == true { skip = 1 }
            default: break
            }
        case .m:
            if name.local == "t" { startCollecting("mt") }
        case .wp:
            if name.local == "docPr", !drawings.isEmpty {
                let d = attributes[nil, "descr"] ?? attributes[nil, "title"] ?? ""
                if drawings[drawings.count - 1].description.isEmpty { drawings[drawings.count - 1].description = d }
            }
        case .a:
            if name.local == "blip", !drawings.isEmpty {
                if let id = attributes[.r, "embed"] { drawings[drawings.count - 1].blips.append((id, false)) }
                else if let id = attributes[.r, "link"] { drawings[drawings.count - 1].blips.append((id, true)) }
            } else if name.local == "graphicData", !drawings.isEmpty, let uri = attributes[nil, "uri"],
                      uri.hasSuffix("/chart") || uri.hasSuffix("/diagram") || uri.contains("chartex") {
                drawings[drawings.count - 1].chart = true
            }
        case .v:
            if name.local == "imagedata", !drawings.isEmpty, let id = attributes[.r, "id"] ?? attributes[.r, "pict"] {
                drawings[drawings.count - 1].blips.append((id, false))
                if drawings[drawings.count - 1].description.isEmpty, let t = attributes[.o, "title"] {
                    drawings[drawings.count - 1].description = t
                }
            }
        case .o:
            if name.local == "OLEObject", !drawings.isEmpty {
                drawings[drawings.count - 1].program = attributes[nil, "ProgID"] ?? ""
            }
        default: break
        }
    }

    private func startCollecting(_ what: Substring) {
        collecting = what
        buffer = ""
    }

    private func startW(_ local: Substring, _ attributes: XMLAttributes) {
        let val = attributes[.w, "val"]
        // Properties first: the same names mean different things in them.
        if let property = properties.last {
            startProperty(property.kind, local, attributes, val)
            return
        }
        switch local {
        case "footnote", "endnote", "comment":
            guard let wrapper, local == wrapper.rawValue else { break }
            current = WrappedStory(id: attributes[.w, "id"] ?? "", type: attributes[.w, "type"] ?? "",
                                   author: attributes[.w, "author"] ?? "", date: attributes[.w, "date"] ?? "",
                                   result: StoryResult())
            story = StoryResult()
            containers = [[]]
        case "p":
            paragraphs.append(ParagraphState(serial: story.serials))
            story.serials += 1
        case "pPr": properties.append((.paragraph, true))
        case "r":
            guard !paragraphs.isEmpty else { break }
            paragraphs[paragraphs.count - 1].inRun = true
            paragraphs[paragraphs.count - 1].runDirect = RunProperties()
            paragraphs[paragraphs.count - 1].runStyle = nil
        case "rPr": properties.append((.run, true))
        case "t": startCollecting("t")
        case "delText": startCollecting("delText")
        case "instrText": startCollecting("instrText")
        case "tab", "ptab": if paragraphs.last?.inRun == true { emit(.tab) }
        case "br":
            switch attributes[.w, "type"] {
            case "page": emit(.pageBreak)
            case "column": emit(.columnBreak)
            default: emit(.lineBreak)
            }
        case "cr": emit(.lineBreak)
        case "noBreakHyphen": emitText("-")
        case "sym":
            if let hex = attributes[.w, "char"], let v = UInt32(hex, radix: 16) {
                if (0xE000...0xF8FF).contains(v) || v < 0x100 && (attributes[.w, "font"] ?? "").lowercased().contains("wingdings") {
                    emitText(SymbolCharacters.visible(v, font: attributes[.w, "font"]))
                } else if let scalar = Unicode.Scalar(v) {
                    emitText(String(Character(scalar)))
                }
            }
        case "footnoteReference", "endnoteReference":
            guard deletion == nil, let id = attributes[.w, "id"] else { break }
            let footnote = local == "footnoteReference"
            emit(.noteReference(footnote: footnote, number: context.noteNumber(footnote: footnote, id: id)))
        case "commentRangeStart":
            if deletion == nil, let id = attributes[.w, "id"], let index = context.commentIndex[id] {
                note(.commentAnchor(index))
            }
        case "commentReference":
            if deletion == nil, let id = attributes[.w, "id"], let index = context.commentIndex[id] {
                emit(.commentMark(index))
                note(.commentAnchor(index))
            }
        case "hyperlink":
            var link: String?
            if let id = attributes[.r, "id"], let rel = relationships[id] { link = rel.target }
            else if let anchor = attributes[.w, "anchor"] { link = "#" + anchor }
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].links.append(link) }
        case "fldSimple":
            fields.append(FieldState(instruction: attributes[.w, "instr"] ?? "", inResult: true, serial: serial))
        case "fldChar":
            switch attributes[.w, "fldCharType"] {
            case "begin": fields.append(FieldState(serial: serial))
            case "separate": if !fields.isEmpty { fields[fields.count - 1].inResult = true }
            case "end": endField()
            default: break
            }
        case "ins", "moveTo":
            if deletion == nil {
                note(.revision(local == "ins" ? .insertion : .moveTo, author: attributes[.w, "author"] ?? "",
                               date: attributes[.w, "date"] ?? "", text: ""))
            }
        case "del", "moveFrom":
            if deletion == nil {
                deletion = Deletion(kind: local == "del" ? .deletion : .moveFrom, author: attributes[.w, "author"] ?? "",
                                    date: attributes[.w, "date"] ?? "", serial: serial)
                deletionDepth = 1
            } else {
                deletionDepth += 1
            }
        case "drawing", "pict", "object":
            if deletion != nil { skip = 1; break }
            drawings.append(DrawingState(isObject: local == "object"))
        case "txbxContent":
            if deletion != nil || containers.count > Self.containerDepthLimit || paragraphs.isEmpty { skip = 1; break }
            containers.append([])
        case "tbl":
            if tables.count >= Self.tableDepthLimit || tables.contains(where: { $0 == nil }) {
                tables.append(nil)
            } else {
                tables.append(TableState())
            }
        case "tblPr": properties.append((.table, true))
        case "tblGrid": properties.append((.grid, true))
        case "tr":
            if let t = tables.last, t != nil {
                tables[tables.count - 1]!.row = RowState(firstSerial: story.serials)
            }
        case "trPr": properties.append((.row, true))
        case "tc":
            if let t = tables.last, t != nil, t!.row != nil {
                tables[tables.count - 1]!.row!.cell = CellState()
                containers.append([])
            }
        case "tcPr": properties.append((.cell, true))
        case "sectPr":
            properties.append((.section, true))
            section = WordSection()
        case "altChunk":
            let target = attributes[.r, "id"].flatMap { relationships[$0]?.target } ?? ""
            note(.omission(.alternativeFormatChunk, detail: target.split(separator: "/").last.map(String.init) ?? ""))
        case "rt", "sdtPr", "sdtEndPr", "tblPrEx", "ffData", "fldData", "separator", "continuationSeparator",
             "customXmlPr", "smartTagPr", "subDoc":
            skip = 1
        case "rPrChange", "pPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "tblGridChange",
             "numberingChange":
            skip = 1
            note(.revision(.formatting, author: attributes[.w, "author"] ?? "", date: attributes[.w, "date"] ?? "", text: ""))
        default: break
        }
    }

    private func startProperty(_ property: Property, _ local: Substring, _ attributes: XMLAttributes, _ val: String?) {
        // Nested property containers.
        switch local {
        case "rPr" where property == .paragraph: properties.append((.paragraphMark, true)); return
        case "sectPr" where property == .paragraph:
            properties.append((.section, true))
            section = WordSection()
            return
        case "rPrChange", "pPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "numberingChange":
            skip = 1
            note(.revision(.formatting, author: attributes[.w, "author"] ?? "", date: attributes[.w, "date"] ?? "", text: ""))
            return
        default: break
        }
        properties.append((property, false))
        switch property {
        case .paragraph:
            guard !paragraphs.isEmpty else { return }
            if local == "pStyle" { paragraphs[paragraphs.count - 1].styleID = val }
            else { paragraphs[paragraphs.count - 1].direct.read(local, attributes) }
        case .paragraphMark:
            if local == "del", !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].markDeleted = true }
        case .run:
            guard !paragraphs.isEmpty, paragraphs[paragraphs.count - 1].inRun else { return }
            if local == "rStyle" { paragraphs[paragraphs.count - 1].runStyle = val }
            else { _ = paragraphs[paragraphs.count - 1].runDirect.read(local, attributes) }
        case .table:
            if local == "tblStyle", let t = tables.last, t != nil { tables[tables.count - 1]!.style = val }
        case .grid:
            if local == "gridCol", let t = tables.last, t != nil {
                if tables[tables.count - 1]!.widths.count < Self.columnLimit {
                    tables[tables.count - 1]!.widths.append(attributes[.w, "w"].flatMap(ParagraphProperties.twips) ?? 0)
                }
            }
        case .row:
            guard let t = tables.last, t != nil, t!.row != nil else { return }
            switch local {
            case "tblHeader": tables[tables.count - 1]!.row!.isHeader = RunProperties.toggle(attributes)
            case "gridBefore": tables[tables.count - 1]!.row!.before = max(0, min(63, val.flatMap(Int.init) ?? 0))
            case "del": tables[tables.count - 1]!.row!.deleted = true
            default: break
            }
        case .cell:
            guard let t = tables.last, t != nil, t!.row?.cell != nil else { return }
            switch local {
            case "gridSpan": tables[tables.count - 1]!.row!.cell!.span = max(1, min(63, val.flatMap(Int.init) ?? 1))
            case "vMerge":
                tables[tables.count - 1]!.row!.cell!.verticalMerge = val == "restart" ? .restart : .continue
            case "hMerge":
                if val != "restart" { tables[tables.count - 1]!.row!.cell!.continuesLeft = true }
            default: break
            }
        case .section:
            switch local {
            case "pgSz":
                section.pageWidth = attributes[.w, "w"].flatMap(ParagraphProperties.twips)
                section.pageHeight = attributes[.w, "h"].flatMap(ParagraphProperties.twips)
                section.landscape = attributes[.w, "orient"] == "landscape"
            case "cols": section.columns = max(1, attributes[.w, "num"].flatMap(Int.init) ?? 1)
            case "headerReference", "footerReference":
                if let id = attributes[.r, "id"], let rel = relationships[id] {
                    if local == "headerReference" {
                        if !context.headerParts.contains(rel.target) { context.headerParts.append(rel.target) }
                    } else if !context.footerParts.contains(rel.target) {
                        context.footerParts.append(rel.target)
                    }
                }
            default: break
            }
        }
    }

    override func end(_ name: XMLName) {
        if skip > 0 { skip -= 1; return }
        switch name.namespace {
        case .w: endW(name.local)
        case .mc:
            if name.local == "AlternateContent", !alternates.isEmpty { alternates.removeLast() }
        case .m:
            if name.local == "t", collecting == "mt" {
                collecting = nil
                emitText(buffer)
            }
        default: break
        }
    }

    private func endW(_ local: Substring) {
        if let top = properties.popLast() {
            if top.root && top.kind == .section {
                sections.append(section)
                if properties.last?.kind == .paragraph, !paragraphs.isEmpty {
                    paragraphs[paragraphs.count - 1].endsSection = true
                }
            }
            return
        }
        switch local {
        case "t":
            guard collecting == "t" else { break }
            collecting = nil
            emitText(buffer)
        case "delText":
            guard collecting == "delText" else { break }
            collecting = nil
            deletion?.text += buffer
        case "instrText":
            guard collecting == "instrText" else { break }
            collecting = nil
            if !fields.isEmpty, !fields[fields.count - 1].inResult { fields[fields.count - 1].instruction += buffer }
        case "r":
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].inRun = false }
        case "hyperlink":
            if !paragraphs.isEmpty, !paragraphs[paragraphs.count - 1].links.isEmpty {
                paragraphs[paragraphs.count - 1].links.removeLast()
            }
        case "fldSimple": endField()
        case "del", "moveFrom":
            guard deletion != nil else { break }
            deletionDepth -= 1
            if deletionDepth == 0, let d = deletion {
                note(.revision(d.kind, author: d.author, date: d.date, text: d.text), at: d.serial)
                deletion = nil
            }
        case "drawing", "pict", "object":
            guard let d = drawings.popLast() else { break }
            endDrawing(d)
        case "txbxContent":
            guard containers.count > 1 else { break }
            let blocks = containers.removeLast()
            emit(.textBox(WordTextBox(blocks: blocks)))
        case "p": endParagraph()
        case "tc":
            guard let t = tables.last, t != nil, let cell = t!.row?.cell, containers.count > 1 else { break }
            let blocks = containers.removeLast()
            var row = t!.row!
            if cell.continuesLeft, !row.cells.isEmpty {
                // Legacy horizontal merge: the cell widens the one to its left.
                row.cells[row.cells.count - 1].columnSpan += cell.span
                row.cells[row.cells.count - 1].blocks += blocks.filter { !Self.isEmptyParagraph($0) }
            } else {
                let start = min(max(row.cursor, row.before), Self.columnLimit)
                row.cells.append(WordTable.Cell(blocks: blocks, column: start, columnSpan: cell.span,
                                                verticalMerge: cell.verticalMerge))
                row.cursor = start + cell.span
            }
            row.cell = nil
            tables[tables.count - 1]!.row = row
        case "tr":
            guard let t = tables.last, t != nil, let row = t!.row else { break }
            if row.deleted {
                let text = row.cells.map { $0.text }.joined(separator: " ")
                note(.revision(.rowDeletion, author: "", date: "", text: text), at: row.firstSerial)
                for s in row.firstSerial..<story.serials { story.dropped.insert(s) }
            } else {
                tables[tables.count - 1]!.rows.append(WordTable.Row(cells: row.cells, isHeader: row.isHeader,
                                                                     skippedBefore: row.before))
            }
            tables[tables.count - 1]!.row = nil
        case "tbl":
            guard let state = tables.popLast(), let t = state else { break }
            guard !t.rows.isEmpty else { break }
            var table = WordTable(rows: t.rows, columnWidths: t.widths, style: context.styles.name(t.style))
            Self.computeRowSpans(&table)
            containers[containers.count - 1].append(.table(table))
        case "footnote", "endnote", "comment":
            guard let wrapper, local == wrapper.rawValue, var w = current else { break }
            story.blocks = containers.first ?? []
            w.result = story
            wrapped.append(w)
            current = nil
            story = StoryResult()
            containers = [[]]
        case "body", "hdr", "ftr":
            story.blocks = containers.first ?? []
        default: break
        }
    }

    override func characters(_ string: String) {
        if skip == 0, collecting != nil { buffer += string }
    }

    // MARK: Content

    private var showingFieldCode: Bool { fields.contains { !$0.inResult } }

    private func emit(_ inline: WordInline) {
        guard deletion == nil, !showingFieldCode, !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].content.append(inline)
    }

    private func emitText(_ text: String) {
        guard !text.isEmpty, !paragraphs.isEmpty else { return }
        if deletion != nil {
            deletion!.text += text
            return
        }
        guard !showingFieldCode else { return }
        let p = paragraphs[paragraphs.count - 1]
        let props = p.runDirect.over(context.styles.run(paragraphStyle: p.styleID, characterStyle: p.runStyle))
        if props.hidden == true {
            note(.hidden(text))
            return
        }
        for i in fields.indices where fields[i].inResult { fields[i].result += text }
        var link = p.links.last ?? nil
        if link == nil, let f = fields.last, f.inResult { link = Self.hyperlinkTarget(f.instruction) }
        let run = WordRun(text: text, bold: props.bold ?? false, italic: props.italic ?? false,
                          underline: props.underline ?? false, strike: props.strike ?? false, size: props.size,
                          position: props.position ?? .baseline, link: link)
        var content = paragraphs[paragraphs.count - 1].content
        if case .text(let last)? = content.last, last.sameFormat(as: run) {
            content[content.count - 1] = .text(WordRun(text: last.text + run.text, bold: run.bold, italic: run.italic,
                                                       underline: run.underline, strike: run.strike, size: run.size,
                                                       position: run.position, link: run.link))
        } else {
            content.append(.text(run))
        }
        paragraphs[paragraphs.count - 1].content = content
    }

    private func endField() {
        guard let f = fields.popLast() else { return }
        let instruction = f.instruction.trimmingCharacters(in: .whitespaces)
        if !instruction.isEmpty || !f.result.isEmpty {
            note(.field(instruction: instruction, result: f.result), at: f.serial)
        }
    }

    /// `HYPERLINK "https://…" \o "…"` → the address.
    static func hyperlinkTarget(_ instruction: String) -> String? {
        let trimmed = instruction.trimmingCharacters(in: .whitespaces)
        guard trimmed.uppercased().hasPrefix("HYPERLINK") else { return nil }
        let rest = trimmed.dropFirst("HYPERLINK".count)
        if let open = rest.firstIndex(of: "\"") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "\"") { return String(after[..<close]) }
        }
        return nil
    }

    private func endDrawing(_ d: DrawingState) {
        if d.isObject, let program = d.program {
            note(.omission(.embeddedObject, detail: program))
            return
        }
        if d.chart && d.blips.isEmpty {
            note(.omission(.chart, detail: d.description))
            return
        }
        for blip in d.blips {
            guard let rel = relationships[blip.id] else {
                note(.omission(.missingImage, detail: blip.id))
                continue
            }
            if blip.external || rel.external {
                note(.omission(.externalImage, detail: rel.target))
                continue
            }
            guard let index = context.image(rel) else {
                note(.omission(.missingImage, detail: rel.target))
                continue
            }
            emit(.image(index: index, description: d.description))
        }
    }

    private func endParagraph() {
        guard let p = paragraphs.popLast() else { return }
        let styles = context.styles
        let props = styles.paragraph(p.styleID, direct: p.direct)
        let hasContent = p.content.contains {
            if case .text(let run) = $0 { return !run.text.isEmpty }
            return true
        }
        if p.markDeleted && !hasContent {
            story.dropped.insert(p.serial)
            return
        }
        let outline = props.outlineLevel.flatMap { (0...8).contains($0) ? $0 : nil }
        let alignment: WordParagraph.Alignment
        switch props.alignment {
        case "center": alignment = .center
        case "right", "end": alignment = .end
        case "both", "justify", "lowKashida", "mediumKashida", "highKashida": alignment = .justified
        case "distribute", "thaiDistribute": alignment = .distributed
        default: alignment = .start
        }
        var firstLine = props.firstLineIndent ?? 0
        if let chars = props.firstLineChars {
            let size = styles.run(paragraphStyle: p.styleID, characterStyle: nil).size ?? 10.5
            firstLine = Int(Double(chars) / 100 * size * 20)
        }
        var numbering: WordNumbering?
        if let id = props.numberingID, id > 0 {
            numbering = counters.next(numID: id, level: props.numberingLevel ?? 0)
        }
        let paragraph = WordParagraph(style: styles.name(p.styleID ?? styles.defaultParagraphStyle), outlineLevel: outline,
                                      alignment: alignment, leftIndent: props.leftIndent ?? 0, firstLineIndent: firstLine,
                                      numbering: numbering, content: p.content, endsSection: p.endsSection)
        containers[containers.count - 1].append(.paragraph(paragraph))
    }

    lazy var counters = NumberingCounters(definitions: context.numbering, styles: context.styles)

    static func isEmptyParagraph(_ block: WordBlock) -> Bool {
        if case .paragraph(let p) = block { return p.content.isEmpty }
        return false
    }

    /// Each `restart` cell's row span: the rows below whose cell at the same
    /// column continues it.
    static func computeRowSpans(_ table: inout WordTable) {
        for r in table.rows.indices {
            for i in table.rows[r].cells.indices where table.rows[r].cells[i].verticalMerge == .restart {
                let column = table.rows[r].cells[i].column
                var span = 1
                var next = r + 1
                while next < table.rows.count,
                      let below = table.rows[next].cells.first(where: { $0.column == column }),
                      below.verticalMerge == .continue {
                    span += 1
                    next += 1
                }
                table.rows[r].cells[i].rowSpan = span
            }
        }
    }
}
