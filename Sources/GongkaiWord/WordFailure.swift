/// Why bytes are not a Word document this reader can read. Each case says
/// what the file is instead, so the message can tell the clerk what to do
/// (nearly always: open it in Word or WPS and save it as `.docx`).
public enum WordFailure: Error, Sendable, Hashable {
    /// A file in the other formats clerks meet instead of `.docx`.
    public enum Format: String, Sendable, Hashable {
        /// Word 97–2003 `.doc` (an OLE2 file with a WordDocument stream),
        /// which WPS also writes for `.wps`.
        case word97
        /// Another OLE2 compound file (an old WPS file, a `.xls`, a `.ppt` …).
        case ole2
        case excel97
        case powerPoint97
        /// RTF (Word's “RTF 格式”, sometimes saved with a `.doc` name).
        case rtf
        /// A web page or MHT (Word's “网页”, often saved as `.doc`).
        case html
        /// Word 2003 XML (`w:wordDocument`) or Word's flat XML package.
        case wordXML
        case pdf
        case ofd
        /// OpenDocument text (`.odt`, LibreOffice's own format).
        case openDocument
        case xlsx
        case pptx
        /// A zip that holds no Word document.
        case zip
        case image
        /// Plain text.
        case text
        case empty
        case unknown
    }

    /// Not a `.docx`: what it is instead.
    case notDocx(Format)
    /// A `.docx` protected by a password (Word keeps it encrypted in an OLE2 file).
    case encrypted
    /// A zip (or `.docx`) that cannot be read: cut off, damaged, or a part
    /// that is not well-formed XML. `detail` says which part, for the clerk.
    case damaged(detail: String)
    /// Larger than the reader takes (unpacked size), so never a notice.
    case tooLarge

    /// A Chinese sentence for the clerk: what the file is.
    public var description: String { WordMessages.failure(self) }
}
