import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only door to libcmark (docs/style.md: only this target imports CCmark).
///
/// Owns: parsing CommonMark with cmark in its safe default (raw HTML is never
/// passed through), rewriting the AST where gongkai adds meaning (pipe tables
/// become `<table>` through custom block nodes; headings get anchors), and
/// extracting plain text for summaries and search. Must not: read files, know
/// about notices, or print.
public enum MarkdownRenderer {
    /// Renders one Markdown document. `resolveTable` turns each
    /// ```` ```table ```` block into a table (the caller reads the file and
    /// reports problems; nil from it renders the block as nothing); without
    /// a resolver such blocks stay code blocks.
    public static func render(_ markdown: String,
                              resolveTable: ((TableBlock) -> IncludedTable?)? = nil) -> RenderedMarkdown {
        var source = Array(markdown.utf8)
        guard let doc = source.withUnsafeMutableBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                cmark_parse_document($0, buf.count, CMARK_OPT_DEFAULT)
            }
        }) else {
            return RenderedMarkdown(html: "", text: "", headings: [], firstParagraph: "")
        }
        defer { cmark_node_free(doc) }
        let lines = SourceLines(source)
        var walk = DocumentWalk(lines: lines)
        walk.resolveTable = resolveTable
        walk.run(doc)
        for table in walk.tables { table.install() }
        // Headings in document order: Markdown's, and the 第X章 / 第X节 /
        // 第X条 paragraphs of legal texts; anchors unique across both.
        let ordered = StructuralHeadings.select(walk.blocks, headings: walk.headings)
        let anchored = HeadingAnchors.assign(ordered.map { ($0.level, $0.text) })
        for item in ordered { if let node = item.node { StructuralHeadings.mark(node) } }
        guard let raw = cmark_render_html(doc, CMARK_OPT_DEFAULT) else {
            return RenderedMarkdown(html: "", text: walk.text.result, headings: [], firstParagraph: "")
        }
        // `<hN>` tags come in the order of the Markdown headings.
        var byHeading = [RenderedMarkdown.Heading?](repeating: nil, count: walk.headings.count)
        var paragraphAnchors: [String] = []
        for (k, item) in ordered.enumerated() {
            if let i = item.headingIndex { byHeading[i] = anchored[k] } else { paragraphAnchors.append(anchored[k].anchor) }
        }
        let markdownHeadings = byHeading.compactMap { $0 }
        var html = markdownHeadings.isEmpty ? String(cString: raw)
            : HeadingAnchors.insert(markdownHeadings, into: UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self),
                                                                                count: strlen(raw)))
        free(raw)
        if !paragraphAnchors.isEmpty { html = StructuralHeadings.insertIDs(paragraphAnchors, into: html) }
        let headings = anchored
        return RenderedMarkdown(
            html: html, text: walk.text.result, headings: headings,
            firstParagraph: walk.firstParagraph ?? "", totals: walk.tables.flatMap(\.totals)
        )
    }

    /// cmark's own HTML for the same input and options, without gongkai's
    /// rewriting: the reference the wrapper is tested against.
    public static func cmarkReference(_ markdown: String) -> String {
        var source = Array(markdown.utf8)
        let count = source.count
        return source.withUnsafeMutableBufferPointer { buf -> String in
            guard let out = buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(count, 1), {
                cmark_markdown_to_html($0, count, CMARK_OPT_DEFAULT)
            }) else { return "" }
            defer { free(out) }
            return String(cString: out)
        }
    }
}

/// The result of rendering one document.
public struct RenderedMarkdown: Sendable, Hashable {
    /// Body HTML, safe to insert unescaped into a page.
    public var html: String
    /// Plain text: blocks separated by newlines, table cells by spaces.
    public var text: String
    public var headings: [Heading]
    /// Plain text of the first paragraph (for a default summary).
    public var firstParagraph: String
    /// Pipe-table 合计 rows that do not add up (tables from files are checked by the caller).
    public var totals: [TableTotalProblem] = []

    /// A heading: a Markdown heading (level 1…6), or a paragraph of a legal
    /// text that works as one (level 7: a 第X章 line, 8: a 第X节 line,
    /// 9: an article, 第X条; `StructuralHeadings`), in document order.
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var anchor: String
    }
}
