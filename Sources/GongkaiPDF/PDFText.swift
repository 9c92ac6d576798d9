import CPoppler

/// The text layer of a PDF, page by page, read with poppler (its GLib API,
/// Debian's libpoppler-glib-dev): what a resident who downloads the file can
/// select, copy or search, including text that a box drawn over it hides on
/// the page, and the contents of its annotations.
///
/// Owns: the only use of poppler (the `CPoppler` system library). Pure:
/// bytes in, text or a failure out; never prints (poppler's own messages
/// are silenced) and never reads a file. The work is bounded (`Limits`):
/// a document that is too big, has too many pages or takes too long is
/// read partly and says so, never hangs a build.
public enum PDFText {
    public struct Limits: Sendable {
        /// Bigger files are not opened.
        public var bytes: Int
        /// Pages after this many are not read.
        public var pages: Int
        /// Reading stops after the page during which this much time passed.
        public var seconds: Double

        public init(bytes: Int = 100 * 1024 * 1024, pages: Int = 2_000, seconds: Double = 20) {
            self.bytes = bytes
            self.pages = pages
            self.seconds = seconds
        }
    }

    public struct Page: Sendable, Hashable {
        /// 1-based, as a PDF reader numbers pages.
        public var number: Int
        /// The page's text in reading order, lines separated by `\n`.
        public var text: String
        /// The contents of its annotations (comments, notes), one per line; empty when none.
        public var annotations: String
    }

    public struct Document: Sendable, Hashable {
        public var pages: [Page]
        /// Pages in the file (more than `pages.count` when reading stopped early).
        public var pageCount: Int
        /// Why reading stopped before the last page, or nil.
        public var stopped: Stop?

        /// No page has any text: a scan or a picture of a document.
        public var hasText: Bool {
            pages.contains { page in !page.text.allSatisfy(\.isWhitespace) }
        }
    }

    public enum Stop: Sendable, Hashable {
        case pageLimit(Int)
        case timeLimit(seconds: Double)
    }

    public enum Failure: Error, Sendable, Hashable {
        /// Protected by a password that is needed to open it.
        case encrypted
        /// Not a PDF, cut off, or damaged beyond what poppler can repair.
        case damaged
        /// More than `Limits.bytes`.
        case tooLarge
    }

    public static func read(_ bytes: [UInt8], limits: Limits = Limits()) -> Result<Document, Failure> {
        guard bytes.count <= limits.bytes else { return .failure(.tooLarge) }
        guard !bytes.isEmpty else { return .failure(.damaged) }
        gk_poppler_quiet()
        var code: Int32 = 0
        let opened = bytes.withUnsafeBytes { raw in gk_pdf_open(raw.baseAddress, raw.count, &code) }
        guard let document = opened else {
            return .failure(code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) ? .encrypted : .damaged)
        }
        defer { gk_pdf_close(document) }
        let count = Int(max(gk_pdf_page_count(document), 0))
        let clock = ContinuousClock()
        let start = clock.now
        var pages: [Page] = []
        var stopped: Stop?
        for index in 0..<count {
            if index >= limits.pages {
                stopped = .pageLimit(limits.pages)
                break
            }
            if index > 0, Self.seconds(start.duration(to: clock.now)) > limits.seconds {
                stopped = .timeLimit(seconds: limits.seconds)
                break
            }
            pages.append(Page(number: index + 1, text: take(gk_pdf_page_text(document, Int32(index))),
                              annotations: take(gk_pdf_page_annotations(document, Int32(index)))))
        }
        return .success(Document(pages: pages, pageCount: count, stopped: stopped))
    }

    /// A string poppler allocated, copied and freed.
    private static func take(_ text: UnsafeMutablePointer<CChar>?) -> String {
        guard let text else { return "" }
        defer { gk_pdf_free_text(text) }
        return String(decoding: UnsafeRawBufferPointer(start: text, count: strlen(text)), as: UTF8.self)
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
