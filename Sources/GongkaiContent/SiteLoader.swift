import GongkaiCore

/// The load stage: the only part of the content pipeline that reads files.
/// Walks `content/` by the folder contract of docs/design.md §2 and returns the
/// bytes of site.yml, each community.yml and each notice; what does not fit
/// the contract becomes a diagnostic, never a silent skip.
public struct SiteLoader: Sendable {
    public let fs: any SiteFileSystem
    /// Files the last build read: one the file system says is unchanged is
    /// not read now (its bytes are read if something asks for them).
    public let known: [String: KnownFile]

    public init(fs: any SiteFileSystem, known: [String: KnownFile] = [:]) {
        self.fs = fs
        self.known = known
    }

    public func load() -> SiteSources {
        var sources = SiteSources(siteFile: nil, communities: [], diagnostics: [])
        guard fs.kind(of: "content") == .directory else {
            sources.diagnostics.append(Diagnostic(file: "content", code: "GK010",
                                                  message: Messages.noContent, fix: Messages.noContentFix))
            return sources
        }
        sources.siteFile = readFile("content/site.yml", into: &sources.diagnostics)
        if sources.siteFile == nil, fs.kind(of: "content/site.yml") == nil {
            sources.diagnostics.append(Diagnostic(file: "content/site.yml", code: "GK010",
                                                  message: Messages.noSiteYml, fix: Messages.noSiteYmlFix))
        }
        var communityFolders: [String] = []
        for name in list("content", into: &sources.diagnostics) where !isHidden(name) {
            let path = "content/" + name
            switch fs.kind(of: path) {
            case .directory:
                communityFolders.append(name)
            case .symlink:
                sources.diagnostics.append(Diagnostic(file: path, code: "GK003", severity: .warning,
                                                      message: Messages.symlink, fix: Messages.symlinkFix))
            case .file where name.hasSuffix(".md"):
                sources.diagnostics.append(Diagnostic(file: path, code: "GK111",
                                                      message: Messages.notInYearFolder(path),
                                                      fix: Messages.notInYearFolderFix("村名")))
            default:
                break
            }
        }
        // Communities are read in parallel (reading 10,000 files one by one
        // was most of the time of a rebuild with nothing to do).
        let loaded = communityFolders.parallelMap { slug -> (CommunitySource, [Diagnostic]) in
            var problems: [Diagnostic] = []
            let community = loadCommunity(slug, diagnostics: &problems)
            return (community, problems)
        }
        for (community, problems) in loaded {
            sources.communities.append(community)
            sources.diagnostics += problems
        }
        return sources
    }

    private func loadCommunity(_ slug: String, diagnostics: inout [Diagnostic]) -> CommunitySource {
        let root = "content/" + slug
        var community = CommunitySource(slug: slug, config: nil, notices: [])
        if fs.kind(of: root + "/community.yml") == nil {
            diagnostics.append(Diagnostic(file: root, code: "GK020", message: Messages.noCommunityYml(slug),
                                          fix: Messages.noCommunityYmlFix))
        } else {
            community.config = readFile(root + "/community.yml", into: &diagnostics)
        }
        for name in list(root, into: &diagnostics) where !isHidden(name) && name != "community.yml" {
            let path = root + "/" + name
            let kind = fs.kind(of: path)
            if kind == .directory, isYear(name) {
                loadYear(slug: slug, year: name, into: &community.notices, diagnostics: &diagnostics)
            } else if kind == .directory, name == ReplyParser.folder {
                community.replies = loadReplies(path, diagnostics: &diagnostics)
            } else if name.hasSuffix(".md") {
                diagnostics.append(Diagnostic(file: path, code: "GK111", message: Messages.notInYearFolder(path),
                                              fix: Messages.notInYearFolderFix(slug)))
            } else {
                let word = [".docx", ".doc", ".wps"].contains { name.lowercased().hasSuffix($0) }
                diagnostics.append(Diagnostic(file: path, code: "GK130", severity: .warning, message: Messages.strayFile(path),
                                              fix: word ? Messages.strayWordFix(path, community: slug) : Messages.strayFileFix))
            }
        }
        return community
    }

    /// `replies/*.md`: the answers to residents' objections and suggestions.
    private func loadReplies(_ folder: String, diagnostics: inout [Diagnostic]) -> [SourceFile] {
        var files: [SourceFile] = []
        for name in list(folder, into: &diagnostics).sorted() where !isHidden(name) {
            let path = folder + "/" + name
            let kind = fs.kind(of: path)
            if name.hasSuffix(".md"), case .file = kind {
                if let file = readFile(path, into: &diagnostics) { files.append(file) }
            } else if case .symlink = kind {
                diagnostics.append(Diagnostic(file: path, code: "GK003", message: Messages.symlink, fix: Messages.symlinkFix))
            } else {
                diagnostics.append(Diagnostic(file: path, code: "GK130", severity: .warning,
                                              message: Messages.strayFile(path), fix: Messages.strayFileFix))
            }
        }
        return files
    }

    private func loadYear(slug: String, year: String, into notices: inout [NoticeSource],
                          diagnostics: inout [Diagnostic]) {
        let folder = "content/\(slug)/\(year)"
        let entries = folderEntries(folder, into: &diagnostics)
        let names = entries.map(\.name)
        var siblings: [String: FileKind] = [:]
        var identities: [String: FileIdentity] = [:]
        siblings.reserveCapacity(entries.count)
        identities.reserveCapacity(entries.count)
        for entry in entries {
            siblings[entry.name] = entry.kind
            identities[entry.name] = entry.identity
        }
        let folderImages = imageSizes(folder, siblings)
        let folderTexts = textFiles(folder, siblings)
        let dataFiles = readDataFiles(folder, siblings: siblings, diagnostics: &diagnostics)
        let documents = documentFiles(folder, siblings: siblings, identities: identities)
        for name in names where !isHidden(name) {
            let path = folder + "/" + name
            switch siblings[name] {
            case .file where name.hasSuffix(".md"):
                guard let file = readFile(path, identity: identities[name], into: &diagnostics) else { continue }
                let id = NoticeID(community: slug, year: year, name: String(name.dropLast(3)))
                notices.append(NoticeSource(id: id, file: file, folder: folder, siblings: siblings,
                                            imageSizes: folderImages, textFiles: folderTexts, dataFiles: dataFiles,
                                            documents: documents))
            case .directory:
                let bundle = path
                let index = bundle + "/index.md"
                guard fs.kind(of: index) != nil else {
                    diagnostics.append(Diagnostic(file: bundle, code: "GK130", severity: .warning,
                                                  message: Messages.strayFile(bundle + "/"), fix: Messages.strayFileFix))
                    continue
                }
                guard let file = readFile(index, into: &diagnostics) else { continue }
                var inner: [String: FileKind] = [:]
                for entry in list(bundle, into: &diagnostics) { inner[entry] = fs.kind(of: bundle + "/" + entry) }
                notices.append(NoticeSource(id: NoticeID(community: slug, year: year, name: name),
                                            file: file, folder: bundle, siblings: inner,
                                            imageSizes: imageSizes(bundle, inner), textFiles: textFiles(bundle, inner),
                                            dataFiles: readDataFiles(bundle, siblings: inner, diagnostics: &diagnostics),
                                            documents: documentFiles(bundle, siblings: inner, identities: [:])))
            case .symlink where name.hasSuffix(".md"):
                diagnostics.append(Diagnostic(file: path, code: "GK003", message: Messages.symlink,
                                              fix: Messages.symlinkFix))
            default:
                break
            }
        }
    }

    /// The header of each image file beside the notices (a few KB each), for
    /// `width`/`height` of inline images; unreadable ones simply get none.
    private func imageSizes(_ folder: String, _ entries: [String: FileKind]) -> [String: ImageSize] {
        var sizes: [String: ImageSize] = [:]
        for (name, kind) in entries {
            guard case .file = kind, let dot = name.lastIndex(of: "."),
                  ImageSize.extensions.contains(name[name.index(after: dot)...].lowercased()),
                  let head = try? fs.readPrefix(folder + "/" + name, count: ImageSize.prefixLength),
                  let size = ImageSize.parse(head) else { continue }
            sizes[name] = size
        }
        return sizes
    }

    /// `.csv` and `.txt` files beside the notices (up to 20 MB each), so the
    /// privacy guard can read what an attachment would publish.
    private func textFiles(_ folder: String, _ entries: [String: FileKind]) -> [String: [UInt8]] {
        var texts: [String: [UInt8]] = [:]
        for (name, kind) in entries {
            guard case .file(let size) = kind, size <= 20 * 1024 * 1024, let dot = name.lastIndex(of: "."),
                  ["csv", "txt"].contains(name[name.index(after: dot)...].lowercased()),
                  let bytes = try? fs.read(folder + "/" + name) else { continue }
            texts[name] = bytes
        }
        return texts
    }

    /// Table files are at most this big (bytes); a bigger one is not read.
    public static let tableFileLimit = 20 * 1024 * 1024

    /// Whether a file name is one a table block can include.
    public static func isTableFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx")
    }

    /// The CSV/xlsx files of a notice folder, once per folder (notices in a
    /// year folder share it).
    private func readDataFiles(_ folder: String, siblings: [String: FileKind],
                               diagnostics: inout [Diagnostic]) -> [String: SourceFile] {
        var files: [String: SourceFile] = [:]
        for (name, kind) in siblings where !isHidden(name) && Self.isTableFile(name) {
            guard case .file(let size) = kind, size <= Self.tableFileLimit else { continue }
            if let file = readFile(folder + "/" + name, into: &diagnostics) { files[name] = file }
        }
        return files
    }

    /// Documents bigger than this (bytes) are not scanned by the privacy guard.
    public static let documentLimit = 100 * 1024 * 1024

    /// Whether the privacy guard reads the text of such a file (`NoticeSource.documents`).
    public static func isDocument(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".pdf") || lower.hasSuffix(".docx")
    }

    /// The PDF and Word files of a notice folder, once per folder: a file
    /// the last build saw unchanged is known by its digest and not read; a
    /// new or changed one is read once for its digest and let go (the
    /// privacy guard reads it again only if no scan of those bytes is kept).
    private func documentFiles(_ folder: String, siblings: [String: FileKind],
                               identities: [String: FileIdentity]) -> [String: SourceFile] {
        var files: [String: SourceFile] = [:]
        for (name, kind) in siblings where !isHidden(name) && Self.isDocument(name) {
            guard case .file(let size) = kind, size <= Self.documentLimit else { continue }
            let path = folder + "/" + name
            let fs = self.fs
            let identity = identities[name] ?? fs.identity(of: path)
            if let identity, let file = known[path], file.identity == identity {
                files[name] = SourceFile(path: path, digest: file.digest, identity: identity, read: { try? fs.read(path) })
                continue
            }
            guard let bytes = try? fs.read(path) else { continue }
            var h = StableHasher()
            h.add(bytes)
            files[name] = SourceFile(path: path, digest: h.value, identity: identity, read: { try? fs.read(path) })
        }
        return files
    }

    /// `identity`: the file system's, when the caller has it from a listing.
    private func readFile(_ path: String, identity listed: FileIdentity?? = .none,
                          into diagnostics: inout [Diagnostic]) -> SourceFile? {
        // Before reading: a file changed after this moment shows as changed next time.
        let identity = listed ?? fs.identity(of: path)
        if let identity, let file = known[path], file.identity == identity {
            let fs = self.fs
            return SourceFile(path: path, digest: file.digest, identity: identity, read: { try? fs.read(path) })
        }
        switch fs.kind(of: path) {
        case .symlink:
            diagnostics.append(Diagnostic(file: path, code: "GK003", message: Messages.symlink, fix: Messages.symlinkFix))
            return nil
        case .none:
            return nil
        default:
            do {
                return SourceFile(path: path, bytes: try fs.read(path), identity: identity)
            } catch {
                diagnostics.append(Diagnostic(file: path, code: "GK003", message: Messages.unreadable("\(error)"),
                                              fix: Messages.unreadableFix))
                return nil
            }
        }
    }

    private func folderEntries(_ path: String, into diagnostics: inout [Diagnostic]) -> [FolderEntry] {
        listing(path, into: &diagnostics) { try fs.entries(path) }
    }

    private func list(_ path: String, into diagnostics: inout [Diagnostic]) -> [String] {
        listing(path, into: &diagnostics) { try fs.list(path) }
    }

    /// A folder's listing, or none and GK003 when it cannot be read.
    private func listing<T>(_ path: String, into diagnostics: inout [Diagnostic], _ read: () throws -> [T]) -> [T] {
        do {
            return try read()
        } catch {
            diagnostics.append(Diagnostic(file: path, code: "GK003", message: Messages.unreadable("\(error)"),
                                          fix: Messages.unreadableFix))
            return []
        }
    }

    private func isHidden(_ name: String) -> Bool { name.hasPrefix(".") || name.hasPrefix("_") || name.hasSuffix("~") }

    private func isYear(_ name: String) -> Bool { name.utf8.count == 4 && name.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}
