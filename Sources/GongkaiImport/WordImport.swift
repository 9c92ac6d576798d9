import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiWord

/// `gongkai import`: a clerk's Word document as a notice. Pure: a
/// `WordDocument` and the site's catalogue in, an `ImportedNotice` out (the
/// executable reads the file and writes the result).
///
/// Guesses the front matter the way a clerk reads the document: the title
/// from Word's title style or the centred, bold or larger first line; the
/// 文号 from a line that is only a 文号; issuer and date from the 落款 at the
/// end (which stays in the body); the category from words in the title; a
/// 公示期 from the text, else the catalogue's minimum where the category
/// needs one. Everything it guesses is said in `guesses`, everything it
/// leaves out in `dropped`.
public enum WordImport {
    public struct Input: Sendable {
        public var document: WordDocument
        /// The file name (`某村11月财务公开.docx`): the last fallback for the title.
        public var sourceName: String
        /// The path as the clerk gave it, for diagnostics.
        public var sourcePath: String
        public var site: Site
        public var community: Community
        /// `--category`: wins over the guess.
        public var category: Category?
        public var today: CalendarDate

        public init(document: WordDocument, sourceName: String, sourcePath: String, site: Site, community: Community,
                    category: Category?, today: CalendarDate) {
            self.document = document
            self.sourceName = sourceName
            self.sourcePath = sourcePath
            self.site = site
            self.community = community
            self.category = category
            self.today = today
        }
    }

    /// The notice, or nil when the document has no text at all.
    /// - Parameter taken: the names in a year folder (`content/<c>/<year>`),
    ///   so nothing is ever replaced.
    public static func make(_ input: Input, taken: (String) -> Set<String>) -> ImportedNotice? {
        let document = input.document
        let items = BodyItem.flatten(document.body)
        let analysis = DocumentAnalysis(document: document, items: items)
        guard analysis.hasText else { return nil }

        // Title.
        var title = analysis.title
        var titleSource = analysis.titleSource
        if title == nil, let t = document.properties.title.map(ChineseText.clean), Self.isUsefulTitle(t) {
            title = t
            titleSource = .properties
        }
        if title == nil {
            var stem = input.sourceName
            if let dot = stem.lastIndex(of: "."), dot > stem.startIndex { stem = String(stem[..<dot]) }
            title = ChineseText.clean(stem)
            titleSource = .fileName
        }
        let finalTitle = title ?? input.sourceName

        // Category.
        let choice = CategoryGuess.choose(site: input.site, community: input.community, forced: input.category,
                                          title: finalTitle, body: analysis.leadText)
        let rules = input.site.rules(for: choice.category, in: input.community)

        // Date.
        let date = analysis.signatureDate ?? analysis.headDate ?? input.today
        let dateSource: ImportedNotice.Source = analysis.signatureDate != nil ? .signature
            : analysis.headDate != nil ? .heading : .today

        // 公示期.
        var period: (CalendarDate, CalendarDate)?
        var periodSource: ImportedNotice.Source?
        if let stated = PeriodGuess.stated(in: analysis.allText, noticeDate: date) {
            period = stated
            periodSource = .document
        } else if rules.periodRequired == true {
            let days = rules.minDisplayDays ?? input.site.minDisplayDays
            period = (date, date.adding(days: days))
            periodSource = .catalogue
        }
        let covers = PeriodGuess.covers(title: finalTitle, rules: rules, date: date)

        // Name, never replacing anything: the notice and every file beside it.
        let folder = "content/\(input.community.slug)/\(date.year)"
        var occupied = taken(folder)
        var name = NewNotice.fileName(category: choice.category, date: date, taken: occupied)
        var writer = BodyWriter(document: document, prefix: name, skipped: analysis.skipped, headingLevels: analysis.headings)
        while true {
            writer = BodyWriter(document: document, prefix: name, skipped: analysis.skipped, headingLevels: analysis.headings)
            writer.write(items)
            if !writer.files.contains(where: { occupied.contains($0.name) }) { break }
            occupied.insert(name)
            occupied.insert(name + ".md")
            name = NewNotice.fileName(category: choice.category, date: date, taken: occupied)
        }

        var diagnostics: [Diagnostic] = []
        var dropped: [String] = []
        var todo: [String] = []

        // Images a browser cannot show.
        for (index, paragraph) in writer.undisplayable {
            let image = document.images[index]
            let location = WordLocation(story: .body, paragraph: analysis.ordinal(of: paragraph))
            diagnostics.append(Diagnostic(file: input.sourcePath, code: "GK193", severity: .warning,
                                          message: ImportMessages.undisplayableImage(image.fileExtension, location.description),
                                          fix: ImportMessages.undisplayableImageFix))
        }

        // Front matter.
        var lines = ["---", ImportMessages.importedComment(input.sourceName)]
        lines.append("标题: " + NewNotice.yamlQuoted(finalTitle))
        lines.append("日期: \(date.iso)")
        lines.append("类别: \(choice.category.name)")
        if let number = analysis.number { lines.append("文号: " + NewNotice.yamlQuoted(number)) }
        if let issuer = analysis.issuer, issuer != input.community.committee {
            lines.append("发布单位: " + NewNotice.yamlQuoted(issuer))
        }
        if let (from, to) = period { lines.append("公示期: {起: \(from.iso), 止: \(to.iso)}") }
        if let covers { lines.append("所属期: \(covers)") }
        let images = writer.files.filter { writer.imageTitles[$0.name] != nil }
        if !images.isEmpty {
            lines.append("附件:")
            for file in images {
                let title = writer.imageTitles[file.name] ?? file.name
                lines.append("  - {file: \(NewNotice.yamlQuoted(file.name)), title: \(NewNotice.yamlQuoted(title)), inline: false}")
            }
        }
        if rules.numberRequired == true && analysis.number == nil {
            lines.append("# 文号: \(input.community.name)〔\(date.year)〕号    ← 按发文登记填写编号，再去掉行首的 #")
            todo.append(ImportMessages.todoNumber)
        }
        if rules.reviewRequired == true {
            lines.append("# 审核: {by: \(input.community.supervisionName), date: \(date.iso)}    ← 发布前须经\(input.community.supervisionName)审核；审核后写实际日期，再去掉行首的 #")
            todo.append(ImportMessages.todoReview(input.community.supervisionName))
        }
        if rules.processRequired == true {
            lines.append("# 四议两公开:    ← 按实际开会的日期和表决结果填写（下面的日期是从公告里找到的，没有找到的用了公告日期），再去掉这几行行首的 #")
            let found = ProcessGuess.steps(in: analysis.allText, noticeDate: date)
            for stage in ProcessStage.deliberation + [.resolutionPublished] {
                let step = found[stage]
                let outcome = stage == .resolutionPublished ? "本公告" : (step?.outcome ?? "")
                lines.append("#   - {环节: \(stage.name), 日期: \((step?.date ?? date).iso), 结果: \(NewNotice.yamlQuoted(outcome))}")
            }
            todo.append(ImportMessages.todoProcess)
        }
        lines.append("---")
        let text = lines.joined(separator: "\n") + "\n\n" + writer.markdown + "\n"

        // What the notice does not carry.
        dropped += Dropped.describe(document, analysis: analysis, undisplayable: writer.undisplayable.count)

        // The privacy guard on what was imported, located in the document.
        let guardian = PrivacyGuard.forNotice(site: input.site, community: input.community)
        let notePath = "\(folder)/\(name).md"
        for piece in document.plainText() {
            switch piece.location.story {
            case .body, .footnote, .endnote: break
            default: continue
            }
            for finding in guardian.scan(piece.text) {
                var d = finding.diagnostic(file: input.sourcePath, line: 0, column: 0)
                d.message = piece.location.description + "：" + d.message
                d.fix += ImportMessages.fixInNotice(notePath)
                diagnostics.append(d)
            }
        }
        if diagnostics.contains(where: { $0.code.hasPrefix("GK17") }) { todo.insert(ImportMessages.todoPrivacy, at: 0) }
        for file in writer.files where writer.imageTitles[file.name] != nil && file.bytes.count > 2 * 1024 * 1024 {
            todo.append(ImportMessages.todoLargeImage(file.name, file.bytes.count))
        }
        if titleSource == .fileName || titleSource == .properties { todo.append(ImportMessages.todoTitle) }
        if dateSource == .today { todo.append(ImportMessages.todoDate) }
        if choice.source == .fallback { todo.append(ImportMessages.todoCategory(choice.category.name)) }
        if document.fields.contains(where: { ["DATE", "TIME", "CREATEDATE", "SAVEDATE", "PRINTDATE"].contains($0.kind) }) {
            todo.append(ImportMessages.todoDateField)
        }

        let guesses = ImportedNotice.Guesses(
            title: finalTitle, titleSource: titleSource ?? .fileName, date: date, dateSource: dateSource,
            number: analysis.number, issuer: analysis.issuer, category: choice.category, categorySource: choice.source,
            categoryWord: choice.word, period: period, periodSource: periodSource, covers: covers)
        return ImportedNotice(path: notePath, text: text, files: writer.files, guesses: guesses, tables: writer.tables,
                              dropped: dropped, todo: todo, diagnostics: diagnostics)
    }

    /// Word fills the title property with defaults nobody chose.
    static func isUsefulTitle(_ t: String) -> Bool {
        guard !t.isEmpty, t.count <= 80 else { return false }
        let lower = t.lowercased()
        return !["microsoft word", "文档", "document", "新建", "untitled", "无标题", "wps"].contains { lower.hasPrefix($0) }
    }
}
