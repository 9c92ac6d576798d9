import GongkaiWord

/// Turns the document's body into Markdown blocks: paragraphs cleaned,
/// headings from styles and from the numbering clerks type (一、 （一）),
/// automatic bullets and `1.` lists as Markdown lists, other list numbers
/// kept as written, tables, images, text boxes in place, notes at the end.
struct BodyWriter {
    let document: WordDocument
    /// The name the notice's files start with (`caiwu-2026-11`).
    let prefix: String
    /// Paragraph ids (`ParagraphID`) left out: the title, the 文号, the masthead.
    let skipped: Set<Int>
    let headingLevels: HeadingPlan

    private(set) var blocks: [(text: String, list: ListKind?)] = []
    private(set) var files: [ImportedNotice.File] = []
    private(set) var tables: [ImportedNotice.TableOutcome] = []
    /// Alt text for each image file written, by image index.
    private(set) var imageFiles: [Int: String] = [:]
    /// What the 附件 list calls each image file (`图1 收据扫描件`).
    private(set) var imageTitles: [String: String] = [:]
    private(set) var undisplayable: [(index: Int, location: Int)] = []
    private var csvCount = 0
    private var imageCount = 0

    enum ListKind: Equatable { case bullet, ordered }

    init(document: WordDocument, prefix: String, skipped: Set<Int>, headingLevels: HeadingPlan) {
        self.document = document
        self.prefix = prefix
        self.skipped = skipped
        self.headingLevels = headingLevels
    }

    /// The body's Markdown.
    var markdown: String {
        var out = ""
        var previous: ListKind?
        for (i, block) in blocks.enumerated() {
            if i > 0 { out += (block.list != nil && block.list == previous) ? "\n" : "\n\n" }
            out += block.text
            previous = block.list
        }
        return out
    }

    /// The body, then its notes.
    mutating func write(_ items: [BodyItem]) {
        writeItems(items)
        notes()
    }

    private mutating func writeItems(_ items: [BodyItem]) {
        for (position, item) in items.enumerated() {
            switch item.kind {
            case .paragraph(let p):
                guard !skipped.contains(item.id) else { continue }
                paragraph(p, id: item.id, next: items.dropFirst(position + 1).first)
            case .table(let t):
                table(t, id: item.id)
            }
        }
    }

    private mutating func paragraph(_ p: WordParagraph, id: Int, next: BodyItem?) {
        var text = StyledText()
        var images: [(Int, String)] = []
        for piece in p.content {
            switch piece {
            case .text(let run):
                text.append(run.text, StyledText.Style(bold: run.bold, italic: run.italic, link: run.link))
            case .tab: text.append(" ", StyledText.Style())
            case .lineBreak: text.append("\n", StyledText.Style())
            case .noteReference(let footnote, let number):
                text.append(footnote ? "（注\(number)）" : "（尾注\(number)）", StyledText.Style())
            case .image(let index, let description): images.append((index, description))
            case .pageBreak, .columnBreak, .textBox, .commentMark: break
            }
        }
        // A text box anchored before any text is read first, as the page shows it.
        let firstText = p.content.firstIndex { if case .text = $0 { return true } else { return false } } ?? p.content.count
        let firstBox = p.content.firstIndex { if case .textBox = $0 { return true } else { return false } } ?? p.content.count
        let boxesFirst = firstBox < firstText
        if boxesFirst {
            for box in p.textBoxes { writeItems(BodyItem.flatten(box.blocks, firstID: -1)) }
        }
        let lines = text.lines().map { $0.cleaned() }.filter { !$0.characters.isEmpty }
        if !lines.isEmpty {
            let number = p.numbering.map { ChineseText.clean($0.text) } ?? ""
            if let level = headingLevels.levels[id] {
                let joined = lines.map { $0.markdown(emphasis: false, lineStart: false) }.joined(separator: " ")
                let numberText = number.isEmpty ? "" : StyledText.escape(number, atLineStart: false, inTable: false)
                    + (p.numbering?.separator == "" ? "" : " ")
                blocks.append((String(repeating: "#", count: level) + " " + numberText + joined, nil))
            } else if let numbering = p.numbering, numbering.isBullet {
                blocks.append(("- " + render(lines, lineStart: false), .bullet))
            } else if let numbering = p.numbering, numbering.format == .decimal, number == "\(numbering.value)." {
                blocks.append(("\(numbering.value). " + render(lines, lineStart: false), .ordered))
            } else if !number.isEmpty {
                let separator = p.numbering?.separator == "" || number.last.map(ChineseText.isHan) == false
                    && "、．.）)】〕".contains(number.last!) ? "" : " "
                blocks.append((StyledText.escape(number, atLineStart: true, inTable: false) + separator
                                + render(lines, lineStart: false), nil))
            } else {
                blocks.append((render(lines, lineStart: true), nil))
            }
        }
        for (index, description) in images { image(index, description, paragraph: id) }
        if !boxesFirst {
            for box in p.textBoxes { writeItems(BodyItem.flatten(box.blocks, firstID: -1)) }
        }
    }

    private func render(_ lines: [StyledText], lineStart: Bool) -> String {
        lines.enumerated().map { i, line in line.markdown(lineStart: lineStart || i > 0) }.joined(separator: "\\\n")
    }

    private mutating func image(_ index: Int, _ description: String, paragraph: Int) {
        guard index < document.images.count else { return }
        let image = document.images[index]
        let ext = image.fileExtension == "jpeg" ? "jpg" : image.fileExtension
        guard ["png", "jpg", "gif", "webp"].contains(ext) else {
            undisplayable.append((index, paragraph))
            return
        }
        let name: String
        if let existing = imageFiles[index] {
            name = existing
        } else {
            imageCount += 1
            name = "\(prefix)-图\(imageCount).\(ext)"
            imageFiles[index] = name
            files.append(ImportedNotice.File(name: name, bytes: image.bytes))
        }
        let number = name.dropFirst(prefix.count + 1).prefix { $0 != "." }
        let alt = Self.altText(description).map { "\(number) \($0)" } ?? String(number)
        if imageTitles[name] == nil { imageTitles[name] = alt }
        blocks.append(("![\(StyledText.escape(alt, atLineStart: false, inTable: false))](<\(name)>)", nil))
    }

    /// Alt text a person wrote; Word's own (`图片 1`, the file name, an
    /// automatic description) says nothing to a resident.
    static func altText(_ description: String) -> String? {
        let d = ChineseText.clean(description.replacingOccurrences(of: "\n", with: " "))
        guard !d.isEmpty, d.count <= 60 else { return nil }
        let lower = d.lowercased()
        if lower.contains("自动生成") || lower.contains("generated") || lower.contains("description automatically") { return nil }
        if [".png", ".jpg", ".jpeg", ".gif", ".emf", ".wmf", ".bmp", ".tif"].contains(where: { lower.hasSuffix($0) }) { return nil }
        if lower.hasPrefix("图片") || lower.hasPrefix("picture") || lower.hasPrefix("image") || lower.hasPrefix("图像") {
            let rest = d.drop { !ChineseText.isDigit($0) && !ChineseText.isSpace($0) }
            if rest.allSatisfy({ ChineseText.isDigit($0) || ChineseText.isSpace($0) }) { return nil }
        }
        return d
    }

    private mutating func table(_ t: WordTable, id: Int) {
        switch TableWriter.shape(t) {
        case .unwrap(let inner):
            writeItems(BodyItem.flatten(inner, firstID: -1))
            return
        case .line(let cells):
            if !cells.isEmpty {
                blocks.append((cells.map { StyledText.escape($0, atLineStart: false, inTable: false) }.joined(separator: "　　"), nil))
            }
            tables.append(ImportedNotice.TableOutcome(csv: nil, reason: "", grid: [cells]))
        case .pipe(let caption, let rows):
            if let caption { blocks.append(("**" + StyledText.escape(caption, atLineStart: false, inTable: false) + "**", nil)) }
            blocks.append((TableWriter.pipe(rows), nil))
            tables.append(ImportedNotice.TableOutcome(csv: nil, reason: "", grid: (caption.map { [[$0]] } ?? []) + rows))
        case .csv(let rows, let reason):
            csvCount += 1
            let name = "\(prefix)-表\(csvCount).csv"
            files.append(ImportedNotice.File(name: name, bytes: TableWriter.csv(rows)))
            // The table is the document's own: no “数据来源” line under it.
            blocks.append(("```table \(name) 来源=无\n```", nil))
            tables.append(ImportedNotice.TableOutcome(csv: name, reason: reason, grid: rows))
        }
        // Images in cells cannot go into a table: they follow it.
        for row in t.rows {
            for cell in row.cells {
                for block in cell.blocks {
                    guard case .paragraph(let p) = block else { continue }
                    for case .image(let index, let description) in p.content { image(index, description, paragraph: id) }
                }
            }
        }
    }

    /// Footnotes and endnotes after the body, as Word prints them at the end of the page or document.
    private mutating func notes() {
        for (notes, label) in [(document.footnotes, "注"), (document.endnotes, "尾注")] {
            for note in notes {
                let text = note.blocks.compactMap { block -> String? in
                    if case .paragraph(let p) = block { return ChineseText.clean(p.displayText.replacingOccurrences(of: "\n", with: " ")) }
                    if case .table(let t) = block { return TableWriter.grid(t).map { $0.joined(separator: " ") }.joined(separator: "；") }
                    return nil
                }.filter { !$0.isEmpty }.joined(separator: " ")
                guard !text.isEmpty else { continue }
                blocks.append(("\(label)\(note.number)：" + StyledText.escape(text, atLineStart: false, inTable: false), nil))
            }
        }
    }
}
