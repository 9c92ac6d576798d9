import GongkaiCore
import GongkaiPDF
import GongkaiTables
import GongkaiWord

/// The privacy guard's eyes inside attachments (docs/design.md §8): the text
/// layer of a PDF page by page (and its annotations), the text of a Word
/// file (with its hidden text, comments, deleted revisions and properties),
/// every cell of every sheet of a workbook (hidden rows, columns and sheets
/// too). Each number is found by the same `PrivacyScanner` as the notice's
/// own text, and kept with the place a clerk finds it.
///
/// Pure: bytes in, `AttachmentScan` out, whatever the bytes are (a damaged,
/// encrypted or endless file is a problem in the scan, never a crash; the
/// PDF reader bounds its work).
enum AttachmentScanner {
    /// The types it reads (by extension, lower case).
    static let types: Set<String> = ["pdf", "docx", "xlsx"]

    static func scan(_ bytes: [UInt8], type: String) -> AttachmentScan {
        switch type {
        case "pdf": return pdf(bytes)
        case "docx": return word(bytes)
        case "xlsx": return workbook(bytes)
        default: return AttachmentScan()
        }
    }

    /// Every hit in `text`, placed at `place` (and, when `lines` is set, at
    /// the hit's own line and column counted from `line`/`column`).
    private static func hits(in text: String, place: String, hidden: AttachmentScan.Hidden?, line: Int = 0,
                             column: Int = 0, lines: Bool = false) -> [AttachmentScan.Hit] {
        guard PrivacyGuard.mayContainNumber(text) else { return [] }
        return PrivacyScanner.hits(in: text).map { hit in
            let finding = PrivacyGuard.finding(hit, in: text)
            return AttachmentScan.Hit(kind: hit.kind, number: PrivacyGuard.numberDigest(hit.number), masked: finding.masked,
                                      place: place, hidden: hidden,
                                      line: lines ? line + finding.line : line,
                                      column: lines ? (finding.line == 0 ? column + finding.column - 1 : finding.column) : column)
        }
    }

    // MARK: - PDF

    static func pdf(_ bytes: [UInt8]) -> AttachmentScan {
        let document: PDFText.Document
        switch PDFText.read(bytes) {
        case .success(let d): document = d
        case .failure(.encrypted): return AttachmentScan(problems: [.encrypted])
        case .failure(.tooLarge): return AttachmentScan(problems: [.partly(read: 0, pages: 0)])
        case .failure(.damaged): return AttachmentScan(problems: [.unreadable(reason: Messages.pdfDamaged)])
        }
        var scan = AttachmentScan()
        for page in document.pages {
            scan.hits += hits(in: page.text, place: Messages.pdfPage(page.number), hidden: nil)
            scan.hits += hits(in: page.annotations, place: Messages.pdfPage(page.number), hidden: .comment)
        }
        if document.stopped != nil { scan.problems.append(.partly(read: document.pages.count, pages: document.pageCount)) }
        if !document.hasText && document.pageCount > 0 { scan.problems.append(.noText) }
        return scan
    }

    // MARK: - Word

    static func word(_ bytes: [UInt8]) -> AttachmentScan {
        let document: WordDocument
        switch WordDocument.read(bytes) {
        case .success(let d): document = d
        case .failure(.encrypted): return AttachmentScan(problems: [.encrypted])
        case .failure(let failure): return AttachmentScan(problems: [.unreadable(reason: failure.description)])
        }
        var scan = AttachmentScan()
        for piece in document.plainText() {
            scan.hits += hits(in: piece.text, place: piece.location.description, hidden: nil)
        }
        for piece in document.plainText(including: .comments) {
            guard case .comment = piece.location.story else { continue }
            scan.hits += hits(in: piece.text, place: piece.location.description, hidden: .comment)
        }
        for revision in document.revisions where !revision.text.isEmpty {
            switch revision.kind {
            case .deletion, .moveFrom, .rowDeletion:
                scan.hits += hits(in: revision.text, place: revision.location.description, hidden: .deletedText)
            default:
                break
            }
        }
        for piece in document.hiddenText {
            scan.hits += hits(in: piece.text, place: piece.location.description, hidden: .text)
        }
        for piece in document.plainText(including: .properties) {
            guard case .properties = piece.location.story else { continue }
            scan.hits += hits(in: piece.text, place: piece.location.description, hidden: .properties)
        }
        return scan
    }

    // MARK: - Excel

    static func workbook(_ bytes: [UInt8]) -> AttachmentScan {
        let book: XLSXTable.Workbook
        switch XLSXTable.workbook(bytes) {
        case .success(let b): book = b
        case .failure(.unreadable(let reason)): return AttachmentScan(problems: [.unreadable(reason: reason)])
        case .failure: return AttachmentScan()
        }
        var scan = AttachmentScan()
        for sheet in book.sheets {
            for cell in sheet.cells {
                let hidden: AttachmentScan.Hidden? = switch sheet.visibility {
                case .veryHidden: .veryHiddenSheet
                case .hidden: .sheet
                case .visible: cell.rowHidden ? .row : cell.columnHidden ? .column : nil
                }
                let place = Messages.sheetCell(sheet.name, XLSXTable.cellName(row: cell.row, column: cell.column))
                scan.hits += hits(in: cell.text, place: place, hidden: hidden, line: cell.row, column: cell.column)
            }
        }
        return scan
    }
}
