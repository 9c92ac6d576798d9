import Foundation

/// What the watcher compares: every file under content/ and templates/ with
/// its size and modification time. Polling works on every file system a
/// clerk's PC may use (network drives included).
struct SourceFingerprint: Equatable {
    var entries: [String: String]

    static func of(_ siteRoot: String) -> SourceFingerprint {
        var entries: [String: String] = [:]
        let fm = FileManager.default
        for folder in ["content", "templates"] {
            let base = siteRoot + "/" + folder
            guard let e = fm.enumerator(atPath: base) else { continue }
            while let path = e.nextObject() as? String {
                guard let attributes = try? fm.attributesOfItem(atPath: base + "/" + path) else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
                let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                entries[folder + "/" + path] = "\(size)@\(time)"
            }
        }
        return SourceFingerprint(entries: entries)
    }
}
