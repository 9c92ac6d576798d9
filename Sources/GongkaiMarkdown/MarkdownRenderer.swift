import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only door to libcmark (STYLE.md: only this target imports CCmark).
///
/// Owns: parsing CommonMark with cmark in its safe default (raw HTML is never
/// passed through), rewriting the AST where gongkai adds meaning (pipe tables
/// become `<table>` through custom block nodes; headings get anchors), and
/// extracting plain text for summaries and search. Must not: read files, know
/// about notices, or print.
public enum MarkdownRenderer {
    /// Renders one Markdown document.
    public static func render(_ markdown: String) -> RenderedMarkdown {
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
        walk.run(doc)
        for table in walk.tables { table.install() }
        guard let raw = cmark_render_html(doc, CMARK_OPT_DEFAULT) else {
            return RenderedMarkdown(html: "", text: walk.text.result, headings: [], firstParagraph: "")
        }
        var html = String(cString: raw)
        free(raw)
        let headings = HeadingAnchors.assign(walk.headings)
        if !headings.isEmpty { html = HeadingAnchors.insert(headings, into: html) }
        return RenderedMarkdown(
            html: html, text: walk.text.result, headings: headings,
            firstParagraph: walk.firstParagraph ?? ""
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

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var anchor: String
    }
}
