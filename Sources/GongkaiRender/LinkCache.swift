import Foundation
import GongkaiCore

/// Each notice's link (`NoticeLink` with its path from the site root), made
/// once per build on first use: a notice is linked from about five pages
/// (its listings, the neighbours' pages, the community and home pages), and
/// making a link (its URL, dates, names) cost more than rendering it.
/// Thread-safe: 64 locks, each over a part of the notices.
final class LinkCache: @unchecked Sendable {
    private var shards: [[NoticeID: NoticeLink]] = Array(repeating: [:], count: 64)
    private let locks = (0..<64).map { _ in NSLock() }

    func link(_ id: NoticeID, make: () -> NoticeLink) -> NoticeLink {
        let shard = id.hashValue & 63
        locks[shard].lock()
        defer { locks[shard].unlock() }
        if let link = shards[shard][id] { return link }
        let link = make()
        shards[shard][id] = link
        return link
    }
}
