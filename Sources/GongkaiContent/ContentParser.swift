import GongkaiCore

/// The parse and check stages: site.yml, communities and notices (in
/// parallel), then the checks that need all notices at once (duplicate ids,
/// corrections that point nowhere).
///
/// Owns: turning `SiteSources` into a checked `SiteContent`. Must not: read
/// or write files, print, or know about HTML.
/// An incremental build's memory of earlier parses: a notice whose source
/// and context (site.yml, community.yml, the files beside it, the gongkai
/// version) are unchanged is not parsed again.
public protocol NoticeMemo: Sendable {
    func recall(_ source: NoticeSource) -> (Notice?, [Diagnostic])?
    func remember(_ source: NoticeSource, _ result: (Notice?, [Diagnostic]))
}

public enum ContentParser {
    public struct Result: Sendable {
        /// Nil when the site itself could not be read (no valid site.yml).
        public var content: SiteContent?
        /// Sorted by file, line and column.
        public var diagnostics: [Diagnostic]
        /// Notices marked `draft: true` (checked, not published).
        public var draftCount: Int
    }

    /// `scans`: attachment scans kept from earlier runs (the build's cache);
    /// without it, each attachment's content is still scanned once per run.
    public static func parse(_ sources: SiteSources, baseURL: String? = nil, meter: ProgressMeter? = nil,
                             memo: (any NoticeMemo)? = nil, scans: any AttachmentScanMemo = AttachmentScans()) -> Result {
        var diagnostics = sources.diagnostics
        let (parsedSite, siteProblems) = SiteConfigParser.parse(sources.siteFile)
        diagnostics += siteProblems
        var site = parsedSite
        if let baseURL { site?.baseURL = baseURL }

        var communities: [Community] = []
        var byslug: [String: Community] = [:]
        for source in sources.communities {
            let (community, problems) = CommunityParser.parse(source, site: site)
            diagnostics += problems
            if let community {
                communities.append(community)
                byslug[community.slug] = community
            }
        }
        communities.sort(by: Community.displayOrder)

        // Without a catalogue the notices cannot be checked for categories;
        // an empty one still checks everything else.
        let catalogue = site ?? Site(title: "", categories: [])
        let lookup = byslug
        // Jobs by position: a NoticeSource is a dozen references, and
        // copying 10,000 of them into a job list shows on a rebuild.
        let jobs = sources.communities.indices.flatMap { c in sources.communities[c].notices.indices.map { (c, $0) } }
        let communitySources = sources.communities
        let parsers = communitySources.map { NoticeParser(site: catalogue, community: lookup[$0.slug], scans: scans) }
        let parsed = jobs.parallelMap(meter: meter) { job -> (Notice?, [Diagnostic]) in
            let community = communitySources[job.0]
            if let memo, let known = memo.recall(community.notices[job.1]) { return known }
            let result = parsers[job.0].parse(community.notices[job.1])
            memo?.remember(community.notices[job.1], result)
            return result
        }
        var notices: [Notice] = []
        var noticeFolders: [String] = []
        var unreadFolders: Set<String> = []
        notices.reserveCapacity(parsed.count)
        for (index, (notice, problems)) in parsed.enumerated() {
            diagnostics += problems
            let folder = communitySources[jobs[index].0].notices[jobs[index].1].folder
            if let notice {
                notices.append(notice)
                noticeFolders.append(folder)
            } else {
                unreadFolders.insert(folder)
            }
        }
        diagnostics += unlistedFiles(sources, notices: notices, folders: noticeFolders, skipping: unreadFolders)
        if site == nil { diagnostics.removeAll { $0.code == "GK102" } }

        diagnostics += duplicateIDs(sources)
        diagnostics += brokenCorrections(notices)

        let published = newestFirst(notices.filter { !$0.draft && byslug[$0.id.community] != nil })
        var replies: [Reply] = []
        if let site {
            let parsedReplies = parseReplies(sources, site: site, communities: byslug, notices: published)
            replies = parsedReplies.replies
            diagnostics += parsedReplies.diagnostics
        }
        let content = site.map { SiteContent(site: $0, communities: communities, notices: published, replies: replies) }
        return Result(content: content, diagnostics: diagnostics.sorted(),
                      draftCount: notices.count { $0.draft })
    }

    /// The answer files of every community (docs/desk.md), oldest case first;
    /// a case number used twice is GK307.
    static func parseReplies(_ sources: SiteSources, site: Site, communities: [String: Community],
                             notices: [Notice]) -> (replies: [Reply], diagnostics: [Diagnostic]) {
        guard sources.communities.contains(where: { !$0.replies.isEmpty }) else { return ([], []) }
        var byID: [NoticeID: Notice] = [:]
        for notice in notices { byID[notice.id] = notice }
        var replies: [Reply] = []
        var diagnostics: [Diagnostic] = []
        var seen: [CaseNumber: String] = [:]
        for source in sources.communities {
            guard let community = communities[source.slug] else { continue }
            let parser = ReplyParser(site: site, community: community, notices: byID)
            for file in source.replies {
                let (reply, problems) = parser.parse(file)
                diagnostics += problems
                guard let reply else { continue }
                if let other = seen[reply.number] {
                    diagnostics.append(Diagnostic(file: file.path, line: 1, column: 1, code: "GK307",
                                                  message: ReplyMessages.duplicate(reply.number.description, other),
                                                  fix: ReplyMessages.duplicateFix))
                    continue
                }
                seen[reply.number] = file.path
                replies.append(reply)
            }
        }
        return (replies.sorted { $0.number < $1.number }, diagnostics)
    }

    /// Ids are URLs: `A.md` and `a.md`, or `x.md` beside a folder `x/`, would
    /// collide on the web server or on a clerk's Windows PC.
    static func duplicateIDs(_ site: SiteSources) -> [Diagnostic] {
        // Almost always none: a set of the ids as written first, and the
        // sorting and lower-casing only when two could collide.
        var seen = Set<String>(minimumCapacity: site.communities.reduce(0) { $0 + $1.notices.count })
        var plain = true
        check: for community in site.communities {
            for source in community.notices {
                let value = source.id.value
                if !value.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) || !seen.insert(value).inserted {
                    plain = false
                    break check
                }
            }
        }
        if plain { return [] }
        let sources = site.communities.flatMap(\.notices)
        var first: [String: NoticeSource] = [:]
        var result: [Diagnostic] = []
        for source in sources.sorted(by: { $0.file.path < $1.file.path }) {
            let key = source.id.value.lowercased()
            if let other = first[key] {
                result.append(Diagnostic(file: source.file.path, line: 1, column: 1, code: "GK107",
                                         message: Messages.duplicateID(source.id.value, other.file.path),
                                         fix: Messages.duplicateIDFix))
            } else {
                first[key] = source
            }
        }
        return result
    }

    /// A file beside notices that no notice lists as an attachment is not
    /// published: say so, rather than leave the clerk wondering.
    /// `folders[i]`: the folder of `notices[i]`.
    static func unlistedFiles(_ site: SiteSources, notices: [Notice], folders noticeFolders: [String],
                              skipping: Set<String>) -> [Diagnostic] {
        func candidate(_ name: String, _ kind: FileKind) -> Bool {
            guard case .file = kind else { return false }
            return !name.hasSuffix(".md") && !name.hasPrefix(".") && !name.hasPrefix("_") && !name.hasSuffix("~")
        }
        // Most folders hold only notices: those are done without looking
        // at what the notices list.
        var folders: [String: [String: FileKind]] = [:]
        var looked = Set<String>()
        for community in site.communities {
            for source in community.notices where looked.insert(source.folder).inserted && !skipping.contains(source.folder)
                && source.siblings.contains(where: { candidate($0.key, $0.value) }) {
                folders[source.folder] = source.siblings
            }
        }
        guard !folders.isEmpty else { return [] }
        var listed: [String: Set<String>] = [:]
        for (notice, folder) in zip(notices, noticeFolders) where folders[folder] != nil {
            listed[folder, default: []].formUnion(notice.attachments.map(\.file) + notice.refusedAttachments)
            listed[folder, default: []].formUnion(notice.tableFiles)
        }
        var result: [Diagnostic] = []
        for (folder, siblings) in folders {
            for (name, kind) in siblings.sorted(by: { $0.key < $1.key }) {
                guard candidate(name, kind), listed[folder]?.contains(name) != true else { continue }
                let path = folder + "/" + name
                result.append(Diagnostic(file: path, code: "GK130", severity: .warning,
                                         message: Messages.strayFile(path), fix: Messages.strayFileFix))
            }
        }
        return result
    }

    static func brokenCorrections(_ notices: [Notice]) -> [Diagnostic] {
        let correcting = notices.filter { $0.supersedes != nil }
        guard !correcting.isEmpty else { return [] }
        var draftByID: [NoticeID: Bool] = [:]
        draftByID.reserveCapacity(notices.count)
        for notice in notices where draftByID[notice.id] == nil { draftByID[notice.id] = notice.draft }
        let all = notices.map(\.id.value)
        var result: [Diagnostic] = []
        for notice in correcting {
            guard let target = notice.supersedes else { continue }
            let at = notice.positions["supersedes"] ?? SourcePosition(line: 1, column: 1)
            func report(_ message: String, _ fix: String, _ severity: Diagnostic.Severity = .error) {
                result.append(Diagnostic(file: notice.sourcePath, line: at.line, column: at.column, code: "GK113",
                                         severity: severity, message: message, fix: fix))
            }
            if target == notice.id {
                report(Messages.supersedesSelf, Messages.unknownSupersedesFix(nil))
            } else if let draft = draftByID[target] {
                if draft && !notice.draft {
                    report(Messages.supersedesDraft(target.value), Messages.supersedesDraftFix, .warning)
                }
            } else {
                report(Messages.unknownSupersedes(target.value),
                       Messages.unknownSupersedesFix(Suggest.nearest(target.value, in: all.filter { $0 != notice.id.value })))
            }
        }
        return result
    }

    /// `notices` sorted by `Notice.newestFirst`, the keys taken out once
    /// (10,000 notices are sorted on every build).
    static func newestFirst(_ notices: [Notice]) -> [Notice] {
        let keys = notices.map { ($0.date.day.dayNumber, $0.date.secondOfDay ?? 0, $0.id.value) }
        let order = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x.0 != y.0 { return x.0 > y.0 }
            if x.1 != y.1 { return x.1 > y.1 }
            return x.2 < y.2
        }
        return order.map { notices[$0] }
    }
}
