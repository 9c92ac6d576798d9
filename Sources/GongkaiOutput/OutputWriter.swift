import CAtomicSwap
import Foundation
#if canImport(Glibc)
import Glibc
private let systemLink = Glibc.link
#elseif canImport(Darwin)
import Darwin
private let systemLink = Darwin.link
#endif
import GongkaiCore

/// The write stage: the only code that writes. Double-buffered: beside the
/// output `public/` gongkai keeps the previous build's tree as a hidden
/// spare (`.public.spare`). A build brings the spare up to date, touching
/// only the files that differ from what the spare holds (its manifest says
/// what that is), then swaps spare and output in one step
/// (`renameat2(RENAME_EXCHANGE)`): a reader or a failed build never sees
/// half a site, the published site stays as it was until the swap, and the
/// old site becomes the next build's spare. Unchanged files are hard links
/// shared by both trees, so no file is ever changed in place: a new file
/// (or link) always replaces it.
public struct OutputWriter {
    /// Marks a folder as gongkai's output, so a mistyped `--output` never
    /// replaces a folder gongkai did not make.
    public static let marker = ".gongkai-output"

    public let siteRoot: String
    public let output: String

    public init(siteRoot: String, output: String) {
        self.siteRoot = siteRoot
        self.output = output
    }

    public struct Failure: Error {
        public var diagnostic: Diagnostic
        /// A file the renderer took from the previous build is not there:
        /// the build can be done again without reusing anything.
        public var previousMissing = false
    }

    /// Refuses outputs that would replace the site itself or a folder that is
    /// not a previous build.
    public func validate() -> Diagnostic? {
        let out = Self.absolute(output)
        let site = Self.absolute(siteRoot)
        let protected = [site, site + "/content", site + "/templates"]
        if protected.contains(where: { out == $0 || $0.hasPrefix(out + "/") || out.hasPrefix(site + "/content/") || out.hasPrefix(site + "/templates/") }) || out == "/" {
            return Diagnostic(file: output, code: "GK040", message: "输出文件夹 \(output) 会覆盖站点本身（content/ 或 templates/）。",
                              fix: "请用别的文件夹作为输出，例如默认的 public/。")
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDir) {
            guard isDir.boolValue else {
                return Diagnostic(file: output, code: "GK040", message: "输出位置 \(output) 是一个文件，不是文件夹。",
                                  fix: "请换一个输出位置，或删掉这个文件。")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty && !entries.contains(Self.marker) {
                return Diagnostic(file: output, code: "GK040", message: "输出文件夹 \(output) 里已有不是 gongkai 生成的文件，为防误删，不会替换它。",
                                  fix: "请换一个空文件夹作为输出，或确认无用后先清空它。")
            }
        }
        return nil
    }

    public struct Written {
        public var files: Int
        /// Files whose bytes equal the previous build's: kept or hard-linked,
        /// so they keep their modification time (and are not written again).
        public var unchanged: Int
        /// What `surveyTree` will find in the output: files (the
        /// marker included) and their total size.
        public var survey: (files: Int, bytes: Int)
        /// Files written, linked or removed to bring the spare up to date
        /// (the marker not counted): what this build cost the file system.
        public var touched = 0
    }

    /// Whether the output is as the last build left it, by that build's
    /// record of it (`TreeManifest.isAsRecorded`); nil when there is no
    /// usable record (the caller counts the files instead).
    public static func isAsLeft(siteRoot: String, output: String) -> Bool? {
        let out = absolute(output)
        let records = TreeManifest.folder(siteRoot: absolute(siteRoot), output: out)
        return TreeManifest.load(records + "/" + TreeManifest.liveFile, tree: out, output: out)?.isAsRecorded(out)
    }

    /// The hidden spare tree beside the output.
    public static func spare(of out: String) -> String {
        (out as NSString).deletingLastPathComponent + "/." + (out as NSString).lastPathComponent + ".spare"
    }

    /// What `write` needs to know before it changes anything: the records of
    /// both trees, and the spare as it is on disk.
    struct Survey: Sendable {
        var live: TreeManifest?
        /// nil: no spare, or one that is not trusted.
        var spare: TreeManifest?
        var check = TreeManifest.Check()
    }

    /// The survey, started early by `prepare()` beside other stages.
    final class Preparation: @unchecked Sendable {
        let group = DispatchGroup()
        let survey = Handoff(Survey?.none)
        var started = false
    }
    let preparation = Preparation()

    private var records: String { TreeManifest.folder(siteRoot: Self.absolute(siteRoot), output: Self.absolute(output)) }

    /// Starts surveying the output's trees in the background (call it with
    /// the build lock held: nothing else may change them until `write`).
    public func prepare() {
        guard !preparation.started else { return }
        preparation.started = true
        let out = Self.absolute(output), records = self.records
        // On a thread of its own that runs only when a core would be idle
        // otherwise (Linux SCHED_IDLE): the check of the spare is one
        // `fstatat` per file, and beside the parse stage it took a core from
        // it; the stages after
        // leave a core idle often enough for it. `write` waits for it (then
        // it has the cores to itself).
        preparation.group.enter()
        let thread = Thread { [preparation] in
            #if os(Linux)
            var param = sched_param()
            // SCHED_IDLE (5; glibc declares it only under _GNU_SOURCE).
            _ = pthread_setschedparam(pthread_self(), 5, &param)
            #endif
            preparation.survey.set(Self.survey(out: out, records: records, parallel: false))
            preparation.group.leave()
        }
        thread.start()
    }

    /// `parallel`: the spare's top-level folders on all cores.
    private static func survey(out: String, records: String, parallel: Bool = true) -> Survey {
        var survey = Survey()
        if access(out + "/" + marker, F_OK) == 0 {
            survey.live = TreeManifest.load(records + "/" + TreeManifest.liveFile, tree: out, output: out)
        }
        survey.spare = TreeManifest.load(records + "/" + TreeManifest.spareFile, tree: spare(of: out), output: out)
        if let manifest = survey.spare { survey.check = manifest.check(spare(of: out), parallel: parallel) }
        return survey
    }

    /// Brings the spare up to date with `files`, then swaps (`begin`, `put`,
    /// `finish` in one call).
    /// `marker`: what the marker file holds (the build's fingerprint).
    /// `beforeSwap`: runs once the new site is complete in the spare, just
    /// before it replaces the old one; a diagnostic from it cancels the swap
    /// (the integrity ledger is appended there, so a published page never
    /// shows a ledger entry that was not recorded).
    public func write(_ files: [OutputFile], marker: String = "", meter: ProgressMeter? = nil,
                      beforeSwap: () -> Diagnostic? = { nil }) throws(Failure) -> Written {
        let session = try begin()
        _ = files.indices.runs(of: 256).parallelMap(meter: meter) { range in session.put(Array(files[range])) }
        return try session.finish(marker: marker, beforeSwap: beforeSwap)
    }

    /// Gets the spare ready for a build's files: leftovers of a killed build
    /// removed, the spare's record dropped (a spare left half updated is
    /// never trusted), files not as recorded removed.
    public func begin() throws(Failure) -> Session {
        let out = Self.absolute(output)
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        let spare = Self.spare(of: out)
        let spareRecord = records + "/" + TreeManifest.spareFile

        // Left by a build that was killed (the build lock is held, so no
        // other build is using them): staging folders of older gongkai, and
        // the old site of a two-rename swap.
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where entry.hasPrefix("." + name + ".staging-") {
            Self.removeTree(parent + "/" + entry)
        }
        let old = spare + ".old"
        let hadOld = Self.kind(old) != nil
        if hadOld {
            // Killed between the two renames: the published site goes back.
            if Self.kind(out) == nil { _ = rename(old, out) } else { Self.removeAny(old) }
        }

        // The survey `prepare()` started (unless the trees moved since, or
        // it was used by a write that failed), else one now.
        if preparation.started { preparation.group.wait() }
        var survey = (hadOld ? nil : preparation.survey.value) ?? Self.survey(out: out, records: records)
        preparation.survey.set(nil)   // used once: the trees change now
        let live: String? = access(out + "/" + Self.marker, F_OK) == 0 ? out : nil
        if live == nil { survey.live = nil }
        // The spare changes from here on: its record goes first, so a spare
        // left half updated by a killed build is never trusted.
        unlink(spareRecord)
        if survey.spare == nil {
            // No spare, or one whose record is missing or does not match: a
            // new one, filled from the live site.
            Self.removeAny(spare)
            guard Self.makeParent(of: spare), mkdir(spare, 0o755) == 0 else {
                throw Failure(diagnostic: Self.ioProblem(spare, String(cString: strerror(errno))))
            }
        }
        // Files of the spare that are not as recorded go first.
        for path in survey.check.bad { unlink(spare + "/" + path) }
        return Session(out: out, spare: spare, live: live, root: Self.absolute(siteRoot), records: records, survey: survey)
    }

    /// A build's files going into the spare, from any thread, then the swap.
    public final class Session: @unchecked Sendable {
        let out: String, spare: String, live: String?, root: String, records: String
        let liveManifest: TreeManifest?, spareManifest: TreeManifest?
        let check: TreeManifest.Check
        private let lock = NSLock()
        private var results: [(path: String, outcome: Outcome)] = []

        init(out: String, spare: String, live: String?, root: String, records: String, survey: Survey) {
            self.out = out
            self.spare = spare
            self.live = live
            self.root = root
            self.records = records
            liveManifest = survey.live
            spareManifest = survey.spare
            check = survey.check
        }

        /// Brings each file into the spare (on the calling thread) and
        /// returns the files without their bytes (path, key and kind kept),
        /// so the caller need not hold the whole site in memory.
        @discardableResult
        public func put(_ files: [OutputFile]) -> [OutputFile] {
            var outcomes: [(path: String, outcome: Outcome)] = []
            outcomes.reserveCapacity(files.count)
            var light: [OutputFile] = []
            light.reserveCapacity(files.count)
            for file in files {
                outcomes.append((file.path, OutputWriter.bring(file, spare: spare, live: live, root: root, liveManifest: liveManifest,
                                                                spareManifest: spareManifest, intact: check.intact)))
                var kept = file
                if case .bytes = file.content { kept.content = .bytes([]) }
                light.append(kept)
            }
            lock.lock()
            results += outcomes
            lock.unlock()
            return light
        }

        /// Removes what the new site no longer has, writes the marker and the
        /// records, runs `beforeSwap` and swaps.
        public func finish(marker: String, beforeSwap: () -> Diagnostic?) throws(Failure) -> Written {
            let liveRecord = records + "/" + TreeManifest.liveFile, spareRecord = records + "/" + TreeManifest.spareFile
            // In the order the jobs finished: the records are looked up by
            // path, so their order does not matter (and sorting 50,000 paths
            // each build would).
            let results = self.results
            /// Files in the spare now (index in `results`).
            var done: [Int] = []
            done.reserveCapacity(results.count)
            /// Rows of the spare's record that the new site has.
            var wanted = [Bool](repeating: false, count: spareManifest?.count ?? 0)
            var failure: Failure?
            var unchanged = 0, touched = check.bad.count, bytes = marker.utf8.count, recordedWanted = 0
            for (i, result) in results.enumerated() {
                switch result.outcome {
                case .done(let d):
                    done.append(i)
                    if d.same { unchanged += 1 }
                    if d.how != .kept { touched += 1 }
                    if d.spareRow >= 0 { recordedWanted += 1; wanted[Int(d.spareRow)] = true }
                    bytes += d.entry.size
                case .failed(let diagnostic, let previousMissing):
                    if failure == nil { failure = Failure(diagnostic: diagnostic) }
                    // A page the renderer took from the previous build is gone:
                    // the caller can build again without reusing anything.
                    if previousMissing { failure?.previousMissing = true }
                }
            }
            // Recorded files the new site does not have go, and folders left
            // empty (rmdir leaves a folder that still holds something).
            var emptied = Set(check.bad.map { ($0 as NSString).deletingLastPathComponent })
            if let spareManifest, recordedWanted < spareManifest.count {
                for row in 0..<spareManifest.count where !wanted[row] {
                    let path = spareManifest.path(row)
                    unlink(spare + "/" + path)
                    touched += 1
                    emptied.insert((path as NSString).deletingLastPathComponent)
                }
            }
            for folder in emptied.sorted(by: { $0.count > $1.count }) {
                var folder = folder
                while !folder.isEmpty, rmdir(spare + "/" + folder) == 0 {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }

            // The spare holds every file of `done` now, whatever happens next.
            let stamp = OutputWriter.writeMarker(spare, marker)
            // Each file's record row, taken out of `results` once.
            let rows: [(hash: UInt64, entry: TreeManifest.Entry, path: String)] = done.map { i in
                guard case .done(let d) = results[i].outcome else { preconditionFailure() }
                return (d.hash, d.entry, results[i].path)
            }
            // Its folders as they are now, for the next check: the record's,
            // and again those whose entries this build changed (without a
            // record, every folder).
            let folders = OutputWriter.folders(of: spare, record: spareManifest?.folders ?? []) {
                var changed = FolderSet()
                for i in done {
                    if case .done(let d) = results[i].outcome, d.how != .kept { changed.insert(folderOf: results[i].path) }
                }
                for path in check.bad { changed.insert(folderOf: path) }
                for folder in emptied { changed.insert(folder: folder) }
                if let spareManifest, recordedWanted < spareManifest.count {
                    for row in 0..<spareManifest.count where !wanted[row] { changed.insert(folderOf: spareManifest.path(row)) }
                }
                for folder in check.changedFolders { changed.insert(folder: folder) }
                return changed.folders
            } all: {
                var all = FolderSet()
                for row in rows { all.insert(folderOf: row.path) }
                return all.folders
            }
            let out = self.out
            func save(_ record: String, _ stamp: TreeManifest.Stamp) {
                _ = TreeManifest.save(record, output: out, stamp: stamp, count: rows.count, folders: folders) { rows[$0] }
            }
            func keepSpare() {
                if let stamp { save(spareRecord, stamp) }
            }
            if let failure {
                keepSpare()
                throw failure
            }
            guard let stamp else {
                throw Failure(diagnostic: OutputWriter.ioProblem(spare + "/" + OutputWriter.marker, String(cString: strerror(errno))))
            }
            if let problem = beforeSwap() {
                keepSpare()
                throw Failure(diagnostic: problem)
            }
            let swapped = try OutputWriter.swap(spare, into: out)
            // The old site is the spare now, and its record (named by its marker
            // file) goes with it; then the new site's record.
            if swapped, liveManifest != nil { rename(liveRecord, spareRecord) }
            save(liveRecord, stamp)
            return Written(files: results.count, unchanged: unchanged, survey: (results.count + 1, bytes), touched: touched)
        }
    }

    /// The folders of the tree at `root` for its record: the old record's
    /// as they were, those `touched()` names as they are now (an entry was
    /// added or removed); without an old record, every folder `all()` names.
    static func folders(of root: String, record: [TreeManifest.Folder], touched: () -> Set<String>,
                        all: () -> Set<String>) -> [TreeManifest.Folder] {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        guard !record.isEmpty else {
            // A new tree: every folder (one a notice) looked at on every core.
            return Array(all()).parallelMap { TreeManifest.Folder(fd, $0, recording: true) }.compactMap { $0 }
        }
        let touched = touched()
        var result: [TreeManifest.Folder] = []
        result.reserveCapacity(record.count + touched.count)
        var known = Set<String>()
        known.reserveCapacity(record.count)
        for folder in record {
            known.insert(folder.path)
            if !touched.contains(folder.path) {
                result.append(folder)
            } else if let now = TreeManifest.Folder(fd, folder.path, recording: true) {
                result.append(now)
            }
        }
        for path in touched where !known.contains(path) {
            if let now = TreeManifest.Folder(fd, path, recording: true) { result.append(now) }
        }
        return result
    }

    /// Folders (relative paths, "" for the root) with every folder above
    /// each; a file's folder is taken from its path without making a string
    /// when it is the previous file's (a page's files come one after the other).
    struct FolderSet {
        private(set) var folders: Set<String> = [""]
        private var last: Substring = ""

        mutating func insert(folderOf path: String) {
            let folder = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
            if folder == last { return }
            last = folder
            insert(folder: String(folder))
        }

        mutating func insert(folder: String) {
            var folder = folder
            while folders.insert(folder).inserted && !folder.isEmpty {
                folder = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
            }
        }
    }

    enum How { case kept, linked, written }
    struct Done: Sendable {
        var entry: TreeManifest.Entry
        var how: How
        /// The live site holds the same bytes at this path.
        var same: Bool
        /// The row of the spare's record with this path; -1 if none.
        var spareRow: Int32
        /// `PathHash` of the path.
        var hash: UInt64
    }
    enum Outcome: Sendable {
        case done(Done)
        case failed(Diagnostic, previousMissing: Bool)
    }

    /// Makes the spare's file at `file.path` hold `file`: kept when the spare
    /// has it already, else linked from the live site when that holds it,
    /// else written.
    static func bring(_ file: OutputFile, spare: String, live: String?, root: String,
                              liveManifest: TreeManifest?, spareManifest: TreeManifest?, intact: [Bool]) -> Outcome {
        // The path's hash and its rows in both records, from its bytes.
        var path = file.path
        let (hash, liveRow, spareRow) = path.withUTF8 { bytes -> (UInt64, Int?, Int?) in
            let hash = PathHash.of(bytes)
            return (hash, liveManifest?.row(bytes, hash: hash), spareManifest?.row(bytes, hash: hash))
        }
        let liveEntry = liveRow.flatMap { liveManifest?.entry($0) }
        let identity: UInt64
        switch file.content {
        case .bytes(let bytes):
            identity = file.key.map(TreeManifest.Identity.key) ?? TreeManifest.Identity.bytes(bytes)
        case .previous:
            identity = liveEntry?.identity ?? file.key.map(TreeManifest.Identity.key) ?? 0
        case .copy(let source):
            // Checked as a regular file when the site was read; refuse one
            // that became a symlink since, so nothing outside is published.
            var st = stat()
            guard lstat(root + "/" + source, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
                return .failed(ioProblem(root + "/" + source, "不是普通文件（可能是符号链接）"), previousMissing: false)
            }
            identity = TreeManifest.Identity.copy(source, st)
        }
        let same = identity != 0 && liveEntry?.identity == identity && size(of: file.content).map({ $0 == liveEntry?.size }) ?? true
        let have = spareRow.flatMap { spareManifest?.entry($0) }
        let row = Int32(spareRow ?? -1)
        func done(_ entry: TreeManifest.Entry, _ how: How, same: Bool) -> Outcome {
            .done(Done(entry: entry, how: how, same: same, spareRow: row, hash: hash))
        }
        if identity != 0, let have, let spareRow, have.identity == identity, Self.size(of: file.content).map({ $0 == have.size }) ?? true,
           intact[spareRow] {
            return done(have, .kept, same: same)
        }
        let target = spare + "/" + file.path
        // Whatever the spare has here goes; never written over in place (it
        // may be a hard link shared with the live site). A folder in the way
        // is removed when the new file cannot be made.
        if have != nil { unlink(target) }
        /// The live site's file, if it is as its record says.
        func liveHolds() -> Bool {
            guard let live, same, let liveEntry else { return false }
            var st = stat()
            return lstat(live + "/" + file.path, &st) == 0 && liveEntry.describes(st)
        }
        func linked(_ same: Bool) -> Outcome {
            var st = stat()
            guard lstat(target, &st) == 0 else { return .failed(ioProblem(target, String(cString: strerror(errno))), previousMissing: false) }
            // A file handed on from a build without a record: what it holds
            // is read once, so the next builds know.
            let known = identity != 0 ? identity
                : FileManager.default.contents(atPath: target).map { TreeManifest.Identity.bytes(Array($0)) } ?? 0
            return done(.init(identity: known, size: Int(st.st_size), mtime: TreeManifest.Stamp.nanoseconds(st)), .linked, same: same)
        }
        switch file.content {
        case .previous:
            // An unchanged page of an incremental build: the renderer
            // checked that the previous build's file is there. It must be
            // as the live record says, too: a hand edit in place changes it
            // (in both trees: it is one file), and it would be published on.
            guard let live, link(live + "/" + file.path, target, making: true) else {
                return .failed(ioProblem(target, previousMissingNote + file.path), previousMissing: true)
            }
            let outcome = linked(true)
            if liveManifest != nil, case .done(let d) = outcome,
               liveEntry.map({ $0.size != d.entry.size || $0.mtime != d.entry.mtime }) ?? true {
                unlink(target)
                return .failed(ioProblem(target, previousChangedNote + file.path), previousMissing: true)
            }
            return outcome
        case .bytes(let bytes):
            if liveHolds() || (liveManifest == nil && live.map { sameBytes($0 + "/" + file.path, bytes) } == true),
               let live, link(live + "/" + file.path, target, making: true) {
                return linked(true)
            }
            switch writeNew(target, bytes) {
            case .success(let st):
                return done(.init(identity: identity, size: Int(st.st_size), mtime: TreeManifest.Stamp.nanoseconds(st)), .written, same: false)
            case .failure(let problem):
                return .failed(problem, previousMissing: false)
            }
        case .copy(let source):
            if liveHolds() || (liveManifest == nil && live.map { livePath in
                   FileManager.default.contents(atPath: root + "/" + source).map { sameBytes(livePath + "/" + file.path, Array($0)) } ?? false
               } == true),
               let live, link(live + "/" + file.path, target, making: true) {
                return linked(true)
            }
            do {
                _ = makeParent(of: target)
                if kind(target) == S_IFDIR { removeTree(target) }
                try FileManager.default.copyItem(atPath: root + "/" + source, toPath: target)
            } catch {
                return .failed(ioProblem(root + "/" + source, "\(error)"), previousMissing: false)
            }
            var st = stat()
            guard lstat(target, &st) == 0 else { return .failed(ioProblem(target, String(cString: strerror(errno))), previousMissing: false) }
            return done(.init(identity: identity, size: Int(st.st_size), mtime: TreeManifest.Stamp.nanoseconds(st)), .written, same: false)
        }
    }

    private static func size(of content: OutputFile.Content) -> Int? {
        if case .bytes(let bytes) = content { return bytes.count }
        return nil
    }

    /// `link(2)`, making the target's folders when they are missing.
    private static func link(_ source: String, _ target: String, making: Bool) -> Bool {
        if systemLink(source, target) == 0 { return true }
        if errno == EEXIST, access(source, F_OK) == 0 {
            removeAny(target)
            return systemLink(source, target) == 0
        }
        guard errno == ENOENT || errno == ENOTDIR, access(source, F_OK) == 0, makeParent(of: target) else { return false }
        return systemLink(source, target) == 0
    }

    /// Makes the folder a path is in, and the folders above it, as needed.
    @discardableResult
    private static func makeParent(of path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 { return true }
        if errno == EEXIST {
            // A file where the folder goes (it is not in the new site).
            guard let k = kind(folder), k != S_IFDIR else { return true }
            unlink(folder)
            return mkdir(folder, 0o755) == 0 || errno == EEXIST
        }
        guard errno == ENOENT || errno == ENOTDIR, makeParent(of: folder) else { return false }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }

    /// Writes a new file (there is none at `path`) and returns its status.
    private static func writeNew(_ path: String, _ bytes: [UInt8]) -> Result<stat, Diagnostic> {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && (errno == ENOENT || errno == ENOTDIR) && makeParent(of: path) {
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        if fd < 0 && errno == EEXIST {
            removeAny(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { return .failure(ioProblem(path, String(cString: strerror(errno)))) }
        defer { close(fd) }
        if let problem = writeAll(fd, path, bytes) { return .failure(problem) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(ioProblem(path, String(cString: strerror(errno)))) }
        return .success(st)
    }

    /// Writes the marker file into `tree` (a new file renamed over the old
    /// one) and returns the stamp that names the tree; nil if it failed.
    static func writeMarker(_ tree: String, _ marker: String) -> TreeManifest.Stamp? {
        let temporary = tree + "/" + Self.marker + ".new"
        unlink(temporary)
        guard case .success = writeNew(temporary, Array(marker.utf8)), rename(temporary, tree + "/" + Self.marker) == 0 else {
            unlink(temporary)
            return nil
        }
        return TreeManifest.Stamp(tree: tree)
    }

    /// Whether the file at `path` holds exactly `bytes` (size first, then content).
    public static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return (try? FileIO.read(fd, at: 0, count: bytes.count)) == bytes
    }

    /// Swaps the complete spare into place; false when there was no output
    /// yet (the spare became the output, and there is no spare now).
    static func swap(_ spare: String, into out: String) throws(Failure) -> Bool {
        if Self.kind(out) == nil {
            guard rename(spare, out) == 0 else {
                throw Failure(diagnostic: Self.ioProblem(out, String(cString: strerror(errno))))
            }
            return false
        }
        if getenv("GONGKAI_NO_RENAME_EXCHANGE") == nil, gongkai_exchange_paths(spare, out) == 0 {
            return true
        }
        // No RENAME_EXCHANGE here (old kernel, other file system): two renames,
        // with the old site kept until the new one is in place, then it
        // becomes the spare.
        let old = spare + ".old"
        guard rename(out, old) == 0 else {
            throw Failure(diagnostic: Self.ioProblem(out, String(cString: strerror(errno))))
        }
        guard rename(spare, out) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, out)
            throw Failure(diagnostic: Self.ioProblem(out, reason))
        }
        guard rename(old, spare) == 0 else {
            Self.removeAny(old)
            return false
        }
        return true
    }

    /// Writes `bytes`, then `more`, to a new file beside `path` and renames
    /// it over `path`: a reader, or a build killed meanwhile, sees the old
    /// file or the new one, never half of one. The new file's identity
    /// (taken before the rename, so another process's file of that name is
    /// never taken for it), or why it could not be written.
    public static func replaceFile(_ path: String, _ bytes: [UInt8], then more: [UInt8] = []) -> Result<FileIdentity, ReplaceFailure> {
        let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        if let problem = writeFile(temporary, bytes, then: more) {
            unlink(temporary)
            return .failure(ReplaceFailure(reason: problem.message))
        }
        var st = stat()
        guard lstat(temporary, &st) == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return .failure(ReplaceFailure(reason: reason))
        }
        return .success(FileIdentity(st))
    }

    public struct ReplaceFailure: Error {
        public var reason: String
    }

    public static func writeFile(_ path: String, _ bytes: [UInt8], then more: [UInt8] = []) -> Diagnostic? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return ioProblem(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        return writeAll(fd, path, bytes) ?? writeAll(fd, path, more)
    }

    private static func writeAll(_ fd: Int32, _ path: String, _ bytes: [UInt8]) -> Diagnostic? {
        do {
            try FileIO.writeAll(fd, bytes)
            return nil
        } catch {
            return ioProblem(path, FileIO.reason(error))
        }
    }

    /// The file type at `path` (not following a link), nil if nothing is there.
    public static func kind(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    /// Removes whatever is at `path`: a folder with everything in it, or a file.
    public static func removeAny(_ path: String) {
        switch kind(path) {
        case nil: return
        case S_IFDIR: removeTree(path)
        default: unlink(path)
        }
    }

    /// Removes a folder and everything in it, without following links; the
    /// top-level folders in parallel (the previous site has tens of
    /// thousands of files, and FileManager takes its time over each).
    public static func removeTree(_ root: String) {
        @Sendable func remove(_ dir: String) {
            for name in (try? LocalFileSystem(root: dir).list("")) ?? [] {
                let path = dir + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    remove(path)
                    rmdir(path)
                } else {
                    unlink(path)
                }
            }
        }
        let top = (try? LocalFileSystem(root: root).list("")) ?? []
        var folders: [String] = []
        for name in top {
            let path = root + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR { folders.append(path) } else { unlink(path) }
        }
        _ = folders.parallelMap { folder in remove(folder); rmdir(folder) }
        if rmdir(root) != 0 { try? FileManager.default.removeItem(atPath: root) }
    }

    private static let previousMissingNote = "上次生成的文件不见了："
    private static let previousChangedNote = "上次生成的文件被改过："

    static func ioProblem(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(file: path, code: "GK041", message: "写入输出时出错（\(reason)），已发布的站点没有改变。",
                   fix: "请检查磁盘空间和文件夹权限后重新生成。")
    }

    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (URL(fileURLWithPath: full).standardizedFileURL.path as NSString).standardizingPath
    }
}
