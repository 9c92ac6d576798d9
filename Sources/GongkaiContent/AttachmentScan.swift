import Foundation
import GongkaiCore

/// What the privacy guard found in one attachment file: every personal
/// number in its text with where it is, and what kept the guard from
/// reading all of it. It depends on the file's bytes alone (no allow-list,
/// no notice), so one scan serves every notice that attaches the same bytes
/// and every later build (`AttachmentScanMemo`). It never holds a number:
/// only its masked form and a digest for the allow-list.
public struct AttachmentScan: Sendable, Hashable, Codable {
    public struct Hit: Sendable, Hashable, Codable {
        public var kind: PrivacyFinding.Kind
        /// `PrivacyGuard.numberDigest` of the normalised number.
        public var number: UInt64
        public var masked: String
        /// Where a clerk finds it with the file open: `第 2 页`,
        /// `正文第 3 个表格第 2 行第 2 列`, `工作表“名单”B3` (empty for a text file).
        public var place: String
        public var hidden: Hidden?
        /// Line and column in the file for text files; the sheet row and
        /// column for a workbook; 0 where the file has no lines (PDF, Word).
        public var line: Int
        public var column: Int
    }

    /// Content that the clerk does not see with the file open, but that
    /// anyone who downloads it can.
    public enum Hidden: String, Sendable, Hashable, Codable {
        case row, column, sheet, veryHiddenSheet
        /// Word text formatted as hidden (隐藏文字).
        case text
        /// A Word comment (批注) or a PDF annotation.
        case comment
        /// Text deleted with track changes on: still in the file.
        case deletedText
        /// Title, author and the other document properties.
        case properties
    }

    public enum Problem: Sendable, Hashable, Codable {
        /// The file cannot be opened as what its name says (`reason` is for the clerk).
        case unreadable(reason: String)
        /// A password is needed to open it.
        case encrypted
        /// A PDF without a text layer (a scan): its content cannot be checked.
        case noText
        /// Only the first `read` of `pages` pages were checked.
        case partly(read: Int, pages: Int)
    }

    public var hits: [Hit] = []
    public var problems: [Problem] = []

    public init(hits: [Hit] = [], problems: [Problem] = []) {
        self.hits = hits
        self.problems = problems
    }
}

/// The parse stage's memory of attachment scans, by the digest of the file's
/// bytes and its type: a PDF is read once per content, however many notices
/// attach it and however many builds follow, until its bytes change.
public protocol AttachmentScanMemo: Sendable {
    func recall(_ key: AttachmentScanKey) -> AttachmentScan?
    func remember(_ key: AttachmentScanKey, _ scan: AttachmentScan)
}

public struct AttachmentScanKey: Sendable, Hashable, Codable {
    /// `SourceFile.digest` of the bytes.
    public var digest: UInt64
    /// The extension, lower case (`pdf`, `docx`, `xlsx`): the same bytes
    /// read as another type give another scan.
    public var type: String

    public init(digest: UInt64, type: String) {
        self.digest = digest
        self.type = type
    }
}

/// Scans kept for one run: what `ContentParser` uses when no memo is given,
/// and what a lasting memo (the build's cache) starts from and saves.
public final class AttachmentScans: AttachmentScanMemo, @unchecked Sendable {
    private let lock = NSLock()
    private var scans: [AttachmentScanKey: AttachmentScan]
    /// Keys recalled or remembered in this run (what a cache keeps).
    private var used: Set<AttachmentScanKey> = []
    private var fresh = 0

    /// How many scans it started with.
    public let loaded: Int

    public init(_ scans: [AttachmentScanKey: AttachmentScan] = [:], loaded: Int = 0) {
        self.scans = scans
        self.loaded = loaded
    }

    public func recall(_ key: AttachmentScanKey) -> AttachmentScan? {
        lock.lock()
        defer { lock.unlock() }
        guard let scan = scans[key] else { return nil }
        used.insert(key)
        return scan
    }

    public func remember(_ key: AttachmentScanKey, _ scan: AttachmentScan) {
        lock.lock()
        defer { lock.unlock() }
        scans[key] = scan
        used.insert(key)
        fresh += 1
    }

    /// The scans this run used, for the next one.
    public var kept: [AttachmentScanKey: AttachmentScan] {
        lock.lock()
        defer { lock.unlock() }
        return scans.filter { used.contains($0.key) }
    }

    /// Files scanned in this run (not recalled).
    public var scanned: Int {
        lock.lock()
        defer { lock.unlock() }
        return fresh
    }
}
