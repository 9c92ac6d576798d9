import Foundation
import GongkaiContent
import GongkaiCore

/// `.gongkai-cache/attachment-scans.json`: what the privacy guard found in
/// each attachment, by the digest of its bytes and its type
/// (`AttachmentScanKey`), so a PDF is read once per content, not once per
/// build. Written by one gongkai; another (whose rules may differ) starts
/// afresh. Holds no number, only masked forms and digests. A damaged or
/// missing file means scanning again.
public enum AttachmentScanStore {
    static let path = RecordFile.cacheFolder + "/attachment-scans.json"

    struct Stored: Codable {
        var format = "gongkai-attachment-scans-1"
        var gongkai: String
        var entries: [Entry]
    }

    struct Entry: Codable {
        var key: AttachmentScanKey
        var scan: AttachmentScan
    }

    /// The last build's scans (none when there are none, or of another gongkai).
    public static func load(siteRoot: String) -> AttachmentScans {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: siteRoot + "/" + path)),
              let stored = try? JSONDecoder().decode(Stored.self, from: data),
              stored.format == Stored(gongkai: "", entries: []).format, stored.gongkai == ExecutableIdentity.current
        else { return AttachmentScans() }
        var scans: [AttachmentScanKey: AttachmentScan] = [:]
        for entry in stored.entries { scans[entry.key] = entry.scan }
        return AttachmentScans(scans, loaded: scans.count)
    }

    /// The scans this build used, when they differ from what was loaded
    /// (an attachment scanned, or one no longer attached).
    public static func save(_ scans: AttachmentScans, siteRoot: String) {
        let kept = scans.kept
        guard scans.scanned > 0 || kept.count != scans.loaded else { return }
        let entries = kept.sorted { ($0.key.digest, $0.key.type) < ($1.key.digest, $1.key.type) }
            .map { Entry(key: $0.key, scan: $0.value) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Stored(gongkai: ExecutableIdentity.current, entries: entries)) else { return }
        try? FileManager.default.createDirectory(atPath: siteRoot + "/" + RecordFile.cacheFolder, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: siteRoot + "/" + path), options: .atomic)
    }
}
