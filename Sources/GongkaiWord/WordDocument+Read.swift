import Foundation

extension WordDocument {
    /// Reads a `.docx` (or `.docm`, `.dotx`: the same package) from its bytes.
    /// A `.doc`, `.wps`, RTF, web page, PDF, `.odt`, a workbook, a damaged
    /// zip … is a `WordFailure` saying what the file is.
    public static func read(_ bytes: [UInt8]) -> Result<WordDocument, WordFailure> {
        switch FileSniffer.sniff(bytes) {
        case .failure(let failure): return .failure(failure)
        case .zip: break
        }
        do {
            return .success(try DocumentAssembler(WordPackage(bytes)).assemble())
        } catch {
            return .failure(error)
        }
    }
}

/// Reads the parts of a package in the order their dependencies need
/// (styles and lists, comments and notes, the body, headers and footers)
/// and puts the document together.
struct DocumentAssembler {
    let package: WordPackage

    init(_ package: WordPackage) {
        self.package = package
    }

    func mainPart() throws(WordFailure) -> String {
        let root = try package.relationships(of: "")
        let office = root.values.first { $0.kind == "officeDocument" && !$0.external }?.target
        if let office, package.has(office), office.lowercased().hasPrefix("word/") || !office.contains("/") {
            return office
        }
        if office == nil, package.has("word/document.xml") { return "word/document.xml" }
        if let office, office.lowercased().hasPrefix("xl/") { throw .notDocx(.xlsx) }
        if let office, office.lowercased().hasPrefix("ppt/") { throw .notDocx(.pptx) }
        if let mimetype = try package.part("mimetype") {
            let type = String(decoding: mimetype, as: UTF8.self)
            if type.contains("opendocument.text") { throw .notDocx(.openDocument) }
        }
        if package.has("xl/workbook.xml") { throw .notDocx(.xlsx) }
        if package.has("ppt/presentation.xml") { throw .notDocx(.pptx) }
        if package.has("OFD.xml") { throw .notDocx(.ofd) }
        if office != nil { throw .damaged(detail: WordMessages.partMissing(office!)) }
        throw .notDocx(.zip)
    }

    func assemble() throws(WordFailure) -> WordDocument {
        let main = try mainPart()
        let rels = try package.relationships(of: main)
        func target(_ kind: String) -> String? {
            rels.values.filter { $0.kind == kind && !$0.external }.map(\.target).sorted().first
        }

        var styles = StyleSheet()
        if let path = target("styles"), let data = try package.part(path) {
            let reader = StylesReader()
            if reader.parse(data) { styles = reader.sheet }
        }
        var numbering = NumberingDefinitions()
        if let path = target("numbering"), let data = try package.part(path) {
            let reader = NumberingReader()
            if reader.parse(data) { numbering = reader.definitions }
        }
        let context = ReadContext(package: package, styles: styles, numbering: numbering)

        // Comments first: the body refers to them by index.
        var comments: [StoryReader.WrappedStory] = []
        if let path = target("comments") {
            comments = try wrapped(path, .comment, context)
            for (i, c) in comments.enumerated() { context.commentIndex[c.id] = i }
        }
        var footnotes: [StoryReader.WrappedStory] = []
        if let path = target("footnotes") { footnotes = try wrapped(path, .footnote, context) }
        var endnotes: [StoryReader.WrappedStory] = []
        if let path = target("endnotes") { endnotes = try wrapped(path, .endnote, context) }

        guard let data = try package.part(main) else { throw .damaged(detail: WordMessages.partMissing(main)) }
        let body = StoryReader(context: context, relationships: rels, wrapper: nil)
        guard body.parse(data) else { throw .damaged(detail: WordMessages.partNotXML(main)) }

        var document = WordDocument()
        document.body = body.story.blocks
        document.sections = body.sections
        document.defaultFontSize = styles.run(paragraphStyle: nil, characterStyle: nil).size ?? 10
        var located = body.story.resolve(.body)

        var commentList: [WordComment] = comments.map {
            WordComment(author: $0.author, date: $0.date, blocks: $0.result.blocks)
        }
        for (i, c) in comments.enumerated() { located += c.result.resolve(.comment(i + 1)) }

        func notes(_ stories: [StoryReader.WrappedStory], numbers: [String: Int], footnote: Bool) -> [WordNote] {
            var result: [WordNote] = []
            for story in stories {
                guard let n = numbers[story.id] else { continue }
                result.append(WordNote(number: n, blocks: story.result.blocks))
                located += story.result.resolve(footnote ? .footnote(n) : .endnote(n))
            }
            return result.sorted { $0.number < $1.number }
        }
        document.footnotes = notes(footnotes, numbers: context.footnoteNumbers, footnote: true)
        document.endnotes = notes(endnotes, numbers: context.endnoteNumbers, footnote: false)

        for (i, path) in context.headerParts.enumerated() {
            if let story = try story(path, context) {
                document.headers.append(WordStory(blocks: story.blocks))
                located += story.resolve(.header(i + 1))
            }
        }
        for (i, path) in context.footerParts.enumerated() {
            if let story = try story(path, context) {
                document.footers.append(WordStory(blocks: story.blocks))
                located += story.resolve(.footer(i + 1))
            }
        }

        for (location, note) in located {
            switch note {
            case .revision(let kind, let author, let date, let text):
                document.revisions.append(WordRevision(kind: kind, author: author, date: date, text: text, location: location))
            case .field(let instruction, let result):
                document.fields.append(WordField(instruction: instruction, result: result, location: location))
            case .omission(let kind, let detail):
                document.omissions.append(WordOmission(kind: kind, location: location, detail: detail))
            case .hidden(let text):
                if let last = document.hiddenText.last, last.location == location {
                    document.hiddenText[document.hiddenText.count - 1].text += text
                } else {
                    document.hiddenText.append(WordText(location: location, text: text))
                }
            case .commentAnchor(let index):
                if case .body = location.story, index < commentList.count, commentList[index].paragraph == nil {
                    commentList[index].paragraph = location.paragraph ?? 1
                }
            }
        }
        document.comments = commentList
        document.images = context.images
        document.properties = try properties()
        return document
    }

    private func wrapped(_ path: String, _ wrapper: StoryReader.Wrapper, _ context: ReadContext)
        throws(WordFailure) -> [StoryReader.WrappedStory] {
        guard let data = try package.part(path) else { return [] }
        let reader = StoryReader(context: context, relationships: try package.relationships(of: path), wrapper: wrapper)
        guard reader.parse(data) else { throw .damaged(detail: WordMessages.partNotXML(path)) }
        // Separators are drawing, not notes.
        return reader.wrapped.filter { $0.type.isEmpty || $0.type == "normal" }
    }

    private func story(_ path: String, _ context: ReadContext) throws(WordFailure) -> StoryResult? {
        guard let data = try package.part(path) else { return nil }
        let reader = StoryReader(context: context, relationships: try package.relationships(of: path), wrapper: nil)
        guard reader.parse(data) else { throw .damaged(detail: WordMessages.partNotXML(path)) }
        return reader.story
    }

    private func properties() throws(WordFailure) -> WordProperties {
        var p = WordProperties()
        let root = (try? package.relationships(of: "")) ?? [:]
        let core = root.values.first { $0.kind == "core-properties" }?.target ?? "docProps/core.xml"
        let app = root.values.first { $0.kind == "extended-properties" }?.target ?? "docProps/app.xml"
        if let data = try? package.part(core) {
            let reader = PropertiesReader()
            if reader.parse(data) {
                p.title = reader.values["title"]
                p.subject = reader.values["subject"]
                p.creator = reader.values["creator"]
                p.lastModifiedBy = reader.values["lastModifiedBy"]
                p.created = reader.values["created"]
                p.modified = reader.values["modified"]
            }
        }
        if let data = try? package.part(app) {
            let reader = PropertiesReader()
            if reader.parse(data) { p.application = reader.values["Application"] }
        }
        return p
    }
}

/// docProps/core.xml and app.xml: simple elements with text, by local name.
final class PropertiesReader: XMLPartReader {
    var values: [String: String] = [:]
    private var depth = 0
    private var text = ""

    override func start(_ name: XMLName, _ attributes: [String: String]) {
        depth += 1
        text = ""
    }

    override func characters(_ string: String) { text += string }

    override func end(_ name: XMLName) {
        if depth == 2 {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { values[String(name.local)] = value }
        }
        depth -= 1
        text = ""
    }
}
