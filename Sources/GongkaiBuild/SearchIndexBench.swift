import Foundation
import GongkaiContent
import GongkaiCore
import GongkaiRender
import GongkaiSearch
import GongkaiTheme

/// The index stage alone, timed (`gongkai bench-index`, bench/index_bench.sh):
/// a clean build of a site's index, and updates for one notice added
/// (dated like the newest, or backdated into the middle of the archive),
/// changed or removed. The site is parsed once; only the stage is timed,
/// with the process's CPU time (nothing else runs meanwhile).
public enum SearchIndexBench {
    public struct Timing: Sendable {
        public var name: String
        /// Seconds, one per run.
        public var wall: [Double]
        public var cpu: [Double]
        /// Whether every run updated the index (false: built anew).
        public var updated: Bool
        public var files: Int
    }

    public struct Report: Sendable {
        public var notices: Int
        public var indexFiles: Int
        public var indexBytes: Int
        /// Peak resident memory of the process after the clean builds, bytes.
        public var peakResident: Int
        public var timings: [Timing]
    }

    public static func run(site: String, runs: Int, updateRuns: Int? = nil, only: String? = nil, progress: (String) -> Void) -> Report? {
        let sources = SiteLoader(fs: LocalFileSystem(root: site)).load()
        progress("解析 \(sources.communities.reduce(0) { $0 + $1.notices.count }) 个公告文件")
        guard let content = ContentParser.parse(sources).content, content.notices.count > 2 else { return nil }
        let notices = content.notices
        func inputs(_ notices: [Notice]) -> RenderInputs {
            var keys: [NoticeID: UInt64] = [:]
            for n in notices {
                var h = StableHasher()
                h.add(n.title); h.add(n.date.day.iso); h.add(n.categorySlug); h.add(n.body.text)
                keys[n.id] = h.value
            }
            return RenderInputs(config: 1, notices: keys)
        }
        let before = inputs(notices)
        let synonyms = [DefaultTheme.files["synonyms.txt"]]
        func time(_ body: () -> Void) -> (Double, Double) {
            var a = rusage(), b = rusage()
            getrusage(Int32(RUSAGE_SELF.rawValue), &a)
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            getrusage(Int32(RUSAGE_SELF.rawValue), &b)
            func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
            let cpu = seconds(b.ru_utime) - seconds(a.ru_utime) + seconds(b.ru_stime) - seconds(a.ru_stime)
            return (wall, cpu)
        }

        var timings: [Timing] = []
        var clean: SearchIndex.Result?
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<runs {
            clean = nil
            let t = time { clean = SearchIndex.files(content, synonyms: synonyms, inputs: before) }
            wall.append(t.0); cpu.append(t.1)
        }
        guard let built = clean else { return nil }
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let peak = Int(usage.ru_maxrss) * 1024
        var written: [String: [UInt8]] = [:]
        for f in built.files { if case .bytes(let b) = f.content { written[f.path] = b } }
        let files = written
        timings.append(Timing(name: "clean", wall: wall, cpu: cpu, updated: false, files: built.files.count))
        progress("clean: \(built.files.count) 个索引文件")

        // One notice changed in four ways, each from the clean build.
        let byURL = Dictionary(notices.map { (SiteRenderer.noticeHref($0.id), $0) }, uniquingKeysWith: { a, _ in a })
        let previous = SearchIndex.Previous(state: built.state, read: { files[$0] }, notice: { byURL[$0] })
        let sorted = notices.sorted { $0.date.day.iso < $1.date.day.iso }
        let newest = sorted.last!, middle = sorted[sorted.count / 2]
        func copy(of n: Notice, named slug: String, dated day: Notice) -> Notice {
            var c = n
            c.id = NoticeID(community: n.id.community, year: day.id.year, name: slug)
            c.date = day.date
            c.title = n.title + "（补发）"
            return c
        }
        var changed = notices[notices.count / 3]
        changed.body = NoticeBody(html: changed.body.html + "<p>补充说明。</p>", text: changed.body.text + "\n补充说明。",
                                  headings: changed.body.headings)
        let cases: [(String, [Notice])] = [
            ("nothing changed", notices),
            ("add, dated like the newest", notices + [copy(of: middle, named: "bench-new", dated: newest)]),
            ("add, backdated to the middle", notices + [copy(of: newest, named: "bench-old", dated: middle)]),
            ("change one", notices.map { $0.id == changed.id ? changed : $0 }),
            ("remove one", notices.filter { $0.id != middle.id }),
        ]
        for (name, after) in cases where only.map({ name.hasPrefix($0) }) ?? true {
            var c = content
            c.notices = after
            let keys = inputs(after)
            var wall: [Double] = [], cpu: [Double] = []
            var updated = true
            var count = 0
            for _ in 0..<(updateRuns ?? max(3, runs * 2 + 1)) {
                var result: SearchIndex.Result?
                let t = time { result = SearchIndex.files(c, synonyms: synonyms, previous: previous, inputs: keys) }
                wall.append(t.0); cpu.append(t.1)
                updated = updated && result?.updated == true
                count = result?.files.count { if case .bytes = $0.content { return true } else { return false } } ?? 0
            }
            timings.append(Timing(name: name, wall: wall, cpu: cpu, updated: updated, files: count))
            progress("\(name): \(updated ? "更新" : "重建")，写 \(count) 个文件")
        }
        return Report(notices: notices.count, indexFiles: built.files.count, indexBytes: files.values.reduce(0) { $0 + $1.count },
                      peakResident: peak, timings: timings)
    }
}
