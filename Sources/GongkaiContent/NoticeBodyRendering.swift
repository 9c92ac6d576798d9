import GongkaiCore
import GongkaiMarkdown

/// How a notice body becomes the HTML on its page: one function, used by the
/// parse stage and by `gongkai verify` (which re-renders `notice.txt` to
/// compare it with the page). Anything that changes the body HTML must
/// happen here, or verify reports every page as changed.
public enum NoticeBodyRendering {
    static func render(_ body: String) -> RenderedMarkdown {
        MarkdownRenderer.render(body)
    }

    /// The body HTML of a notice from its canonical text (`notice.txt`), or
    /// nil when the text has no front matter. A withdrawn notice's text is
    /// front matter only, so its body is empty.
    public static func html(canonicalText bytes: [UInt8]) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self),
              case .success(let split) = FrontMatterSplit.split(text, file: "notice.txt") else { return nil }
        return render(split.body).html
    }
}
