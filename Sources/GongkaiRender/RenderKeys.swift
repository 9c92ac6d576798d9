import GongkaiCore

/// What the pages are made from, as stable hashes of the inputs, for an
/// incremental build: a page whose key equals the last build's is not built
/// again (not even its view model), so a one-notice edit renders the few
/// pages that show that notice instead of hashing 20,000 view models.
///
/// A key must change whenever anything the page shows could change; every
/// key below names what its page reads. Keys err on the side of rendering:
/// a page rendered again with the same bytes costs a little time, a page
/// wrongly kept would be stale. IncrementalBuildTests compares incremental
/// with clean builds after many kinds of edits.
public struct RenderInputs: Sendable {
    /// Everything beside the notices that any page may depend on: site.yml,
    /// every community.yml, the base URL, the executable.
    public var config: UInt64
    /// Per notice: the hash of everything its parse depends on (its source,
    /// the files beside it; see NoticeMemoStore.key), so equal keys mean an
    /// equal `Notice`.
    public var notices: [NoticeID: UInt64]

    public init(config: UInt64, notices: [NoticeID: UInt64]) {
        self.config = config
        self.notices = notices
    }
}

/// The keys one renderer computes (see `RenderInputs`).
struct RenderKeys: Sendable {
    /// Config, theme, generator, the day and the feeds' UTC offset, whether
    /// a ledger is published.
    let global: UInt64
    /// Per notice: its input key.
    let notice: [NoticeID: UInt64]
    /// Per notice: what a link to it shows (`SiteRenderer.link`): the notice
    /// and whether a correction supersedes it.
    let link: [NoticeID: UInt64]
    /// Every link in display order: pages that show the whole site's counts
    /// and latest notices (home, search, overview, the JSON API).
    let all: UInt64
    /// `notice` and `link` by position in `content.notices`.
    let noticeAt: [UInt64], linkAt: [UInt64]

    init?(_ inputs: RenderInputs?, content: SiteContent, supersededBy: [NoticeID: Notice], theme: UInt64,
          generator: String, today: CalendarDate, utcOffset: Int, hasLedger: Bool) {
        guard let inputs, content.notices.allSatisfy({ inputs.notices[$0.id] != nil }) else { return nil }
        var g = StableHasher()
        g.add("gongkai-render-keys-1")
        g.add(inputs.config)
        g.add(theme)
        g.add(generator)
        g.add(today.iso)
        g.add(Int(utcOffset))
        g.add(hasLedger)
        global = g.value
        notice = inputs.notices
        var links: [NoticeID: UInt64] = [:]
        links.reserveCapacity(content.notices.count)
        var noticeAt: [UInt64] = [], linkAt: [UInt64] = []
        noticeAt.reserveCapacity(content.notices.count)
        linkAt.reserveCapacity(content.notices.count)
        var all = StableHasher()
        for n in content.notices {
            let id = n.id
            let key = inputs.notices[id]!
            var h = StableHasher()
            h.add(key)
            h.add(supersededBy[id]?.id.value ?? "-")
            links[id] = h.value
            noticeAt.append(key)
            linkAt.append(h.value)
            all.add(h.value)
        }
        link = links
        self.noticeAt = noticeAt
        self.linkAt = linkAt
        self.all = all.value
    }

    /// A page's key: `kind` (the template or file kind) and what `add` feeds.
    func key(_ kind: String, _ add: (inout StableHasher) -> Void = { _ in }) -> UInt64 {
        var h = StableHasher()
        h.add(global)
        h.add(kind)
        add(&h)
        return h.value
    }
}

extension StableHasher {
    /// The link keys of `notices`, in order, with their count.
    mutating func add(links notices: some Collection<Notice>, _ keys: RenderKeys) {
        add(notices.count)
        for n in notices { add(keys.link[n.id] ?? 0) }
    }

    /// The input keys of `notices`, in order, with their count.
    mutating func add(contents notices: some Collection<Notice>, _ keys: RenderKeys) {
        add(notices.count)
        for n in notices { add(keys.notice[n.id] ?? 0) }
    }
}
