import Foundation
import GongkaiCore

/// Builds the JSON search index of docs/design.md §5 (format: docs/search-index.md).
///
/// Owns: tokenising notices, BM25F impacts, numbering notices, sharding
/// postings by token hash, per-notice fragments. Must not: read or write
/// files (it returns them), or know about pages. Pure, so tests and
/// benchmarks run it directly.
public enum SearchIndexBuilder {
    public struct File: Sendable, Equatable {
        public var path: String
        public var bytes: [UInt8]
    }

    /// The format's version (`v` in the manifest): the client refuses any other.
    public static let formatVersion = 3

    /// Field weights (BM25F): title and 文号 above headings, above the
    /// community, category and tags, above the body.
    static let titleWeight: Float = 3.0
    /// Title length normalisation (characters against a fixed pivot).
    static let titleB: Float = 0.5
    static let titlePivot: Float = 14
    static let numberWeight: Float = 3.0
    static let headingWeight: Float = 2.0
    static let facetWeight: Float = 1.5
    /// A token counts in at most this many headings of a notice.
    static let headingCap: UInt8 = 2
    /// A large scored list is written in two files: the notices where the
    /// token is strong (impact at least this: in the title, 文号 or a
    /// heading, or said often for the body's length), and the rest. A query
    /// with rarer tokens besides reads only the strong part of a very
    /// common token's list (docs/search-index.md, "Common tokens").
    static let strongImpact: UInt8 = 32
    static let k1: Float = 1.2
    static let b: Float = 0.75
    /// The length (in body tokens) a body is measured against. A constant,
    /// not the site's average: then a notice's impacts depend on that notice
    /// alone, and an update changes only the postings of the notices that
    /// changed (idf is applied by the client, from the number of postings).
    static let pivotLength: Float = 400
    /// The highest impact before quantisation: both parts saturated.
    static let maxImpact: Float = 2 * (k1 + 1)
    /// Characters of body text kept in a fragment for the snippet.
    static let fragmentLength = 140
    /// Bytes of headings a fragment keeps at most.
    static let fragmentHeadingBytes = 1500
    /// Shards aim at this many bytes; a list longer than `ownFileBytes`
    /// gets a file of its own (two for a scored list: its strong tier and
    /// the rest) so it never weighs on the others in its shard.
    static let shardBytes = 1200
    static let ownFileBytes = 1600
    static let maxShards = 1 << 17
    /// Token partitions: the unit of parallel work while building.
    static let partitions = 16
    /// Notices analysed at a time (bounds the memory of the analysis).
    static let chunkSize = 1024

    public static func build(_ docs: [SearchDocument], synonyms: [[String]]) -> [File] {
        buildWithState(docs, synonyms: synonyms).files
    }

    /// The whole index, and what an update needs to change it (`update`,
    /// SearchIndexUpdate.swift). `identities`: each notice's key and input
    /// (what its document is made from), kept for the next update; without
    /// them, a notice's key is its URL and its input is not known.
    public static func buildWithState(_ docs: [SearchDocument], synonyms: [[String]],
                                      identities: [SearchIdentity]? = nil) -> (files: [File], state: SearchIndexState) {
        let ids = identities.flatMap { $0.count == docs.count ? $0 : nil } ?? docs.map { SearchIdentity.of($0) }
        let dated = docs.indices.map { i -> (month: Int32, day: Int32, url: [UInt8]) in
            (ids[i].month, ids[i].day, Array(docs[i].url.utf8))
        }
        let numbering = DocumentNumbers.assign(dated)
        let order = docs.indices.sorted { numbering.numbers[$0] < numbering.numbers[$1] }
        let all = order.map { numbering.numbers[$0] }

        // Notices in number order, in as many runs as there are cores: each
        // run analysed in order by one thread, straight into a table of its
        // own. A token's list is then its lists of the runs one after the other.
        let threads = max(1, min(ProcessInfoCores.count, docs.count / 256))
        let per = (order.count + threads - 1) / threads
        let tables = (0..<threads).map { _ in TableBox() }
        let hashSlots = ResultBox(count: docs.count)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            var counts = TokenCounts()
            defer { counts.release() }
            let box = tables[t]
            var table = PostingTable()
            swap(&table, &box.table)
            for k in (t * per)..<min(order.count, (t + 1) * per) {
                let i = order[k]
                hashSlots.set(i, analyse(docs[i], counts: &counts, number: numbering.numbers[i], into: &table))
            }
            swap(&table, &box.table)
        }
        let hashes = hashSlots.values

        // Every token's final list, per partition of tokens in parallel.
        let lists: [TokenList] = Array(0..<partitions).parallelMap { p in
            TableBox.finish(tables, partition: p, all: all)
        }.flatMap { $0 } + facetLists(docs, numbers: numbering.numbers, all: all)
        for box in tables { box.table.release(); box.table = PostingTable(capacity: 2) }

        let assembled = assemble(lists, count: docs.count)
        var files = assembled.files
        files += order.parallelMap { i in fragment(numbering.numbers[i], docs[i]) }
        let stamp = stampSum(hashes: hashes, numbers: numbering.numbers)
        files.append(manifest(count: docs.count, shardCount: assembled.shardCount,
                              stamp: stamp, synonyms: synonyms))
        files.sort { $0.path < $1.path }

        let state = SearchIndexState(
            keys: order.map { ids[$0].key }, urls: order.map { docs[$0].url }, numbers: all,
            days: order.map { dated[$0].day }, months: order.map { dated[$0].month },
            hashes: order.map { hashes[$0] }, inputs: order.map { ids[$0].input },
            communities: order.map { docs[$0].communitySlug }, categories: order.map { docs[$0].categorySlug },
            shardCount: assembled.shardCount, total: assembled.total, largeFiles: assembled.largeFiles,
            tracked: assembled.tracked(count: docs.count),
            trackedFrom: max(0, docs.count - SearchIndexState.trackedWindow), synonyms: synonymsHash(synonyms))
        return (files, state)
    }

    // MARK: - Analysis

    /// One notice's tokens (every partition).
    struct DocTerms: Sendable {
        var codes: [UInt64] = []
        /// Impact 1…63.
        var values: [UInt8] = []
        var trigrams: [UInt64] = []
        var words: [(code: UInt64, text: [UInt8])] = []
        var hash: UInt64 = 0
    }

    /// A run of notices' tokens in flat arrays, grouped by notice, then by
    /// partition: notice d's tokens of partition p are
    /// `codes[starts[d * (partitions + 1) + p] ..< starts[d * (partitions + 1) + p + 1]]`.
    struct RunTerms: Sendable {
        var count = 0
        var codes: [UInt64] = []
        var values: [UInt8] = []
        var starts: [Int32] = []
        var trigrams: [UInt64] = []
        var trigramStarts: [Int32] = []
        /// The words each notice has, once per notice (their text).
        var words: [(code: UInt64, text: [UInt8])] = []
        var hashes: [UInt64] = []
    }

    @inline(__always)
    static func partition(_ code: UInt64) -> Int { Int(truncatingIfNeeded: (code &* 0xD6E8_FEB8_6659_FD93) >> 60) }

    /// One notice's tokens (for an update).
    static func analyse(_ doc: SearchDocument, counts: inout TokenCounts) -> DocTerms {
        var run = RunTerms()
        analyse(doc, counts: &counts, into: &run)
        return DocTerms(codes: run.codes, values: run.values, trigrams: run.trigrams, words: run.words, hash: run.hashes[0])
    }

    static func analyse(_ doc: SearchDocument, counts: inout TokenCounts, into run: inout RunTerms) {
        if !analyse(doc, counts: &counts, normalizing: false, into: &run) {
            _ = analyse(doc, counts: &counts, normalizing: true, into: &run)
        }
    }

    /// One notice's tokens appended to its run's table as notice `number`
    /// (a clean build); its content hash.
    static func analyse(_ doc: SearchDocument, counts: inout TokenCounts, number: Int32, into table: inout PostingTable) -> UInt64 {
        var counted = count(doc, counts: &counts, normalizing: false)
        if counted == nil { counted = count(doc, counts: &counts, normalizing: true) }
        guard let (norm, words, hash) = counted else { return 0 }
        for (code, text) in words where table.words[code] == nil { table.words[code] = text }
        var bodyOnly = [UInt8](repeating: 0, count: 16)
        for k in 0..<counts.touchedCount {
            let i = Int(counts.touched[k])
            let tf = counts.body[i]
            let value: UInt8
            if counts.short[i] == 0 && counts.heads[i] == 0 && tf < 16 {
                if bodyOnly[Int(tf)] == 0 { bodyOnly[Int(tf)] = impact(short: 0, heads: 0, body: tf, norm: norm) }
                value = bodyOnly[Int(tf)]
            } else {
                value = impact(short: counts.short[i], heads: counts.heads[i], body: tf, norm: norm)
            }
            table.append(counts.keys[i], number: number, value: value)
        }
        for k in 0..<counts.trigramsTouchedCount {
            table.append(counts.trigramKeys[Int(counts.trigramsTouched[k])], number: number, value: nil)
        }
        return hash
    }

    /// A title's length in characters, without a closing note in brackets
    /// (（2023年修订）, （试行）, （草案）): a revised law is as much about its
    /// subject as the first version, and the newer one must not rank below it.
    static func titleLength(_ title: String) -> Int { titleLength(Array(title.unicodeScalars)) }

    static func titleLength(_ scalars: [Unicode.Scalar]) -> Int {
        var end = scalars.count
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\u{3000}" { end -= 1 }
        guard end > 0, scalars[end - 1] == "）" || scalars[end - 1] == ")" else { return scalars.count }
        var i = end - 1
        while i > 0 {
            i -= 1
            if scalars[i] == "（" || scalars[i] == "(" { return i > 0 ? i : scalars.count }
            if scalars[i] == "）" || scalars[i] == ")" { break }
        }
        return scalars.count
    }

    /// The marks of a title's two ends in its anchors (`⟨` + its first two
    /// units, its last two units + `⟩`), units as a phrase's: CJK characters
    /// and runs of letters and digits.
    static let titleStart: Unicode.Scalar = "\u{27E8}", titleEnd: Unicode.Scalar = "\u{27E9}"

    /// The `^` keys that say where a title starts and ends (without a closing
    /// note in brackets): a notice with both, and with the query as a phrase
    /// in its title, has the query as its whole title (docs/search-index.md,
    /// "Whole titles"). An end with no CJK character gives no key (it would
    /// not be a hashed trigram); search.js `titleAnchors` is the same rule.
    static func titleAnchors(_ title: String) -> [[UInt8]] {
        let text = Array(SearchText.normalize(title).unicodeScalars)
        let end = titleLength(text)
        // The units as ranges of `text`; only the first two and the last two are made into text.
        var units: [Range<Int>] = []
        var wordStart = -1
        for (k, v) in text[..<end].enumerated() {
            let cjk = SearchText.isCJK(v.value)
            if !cjk, isWordScalar(v) {
                if wordStart < 0 { wordStart = k }
                continue
            }
            if wordStart >= 0 { units.append(wordStart..<k); wordStart = -1 }
            if cjk { units.append(k..<k + 1) }
        }
        if wordStart >= 0 { units.append(wordStart..<end) }
        guard units.count >= 2 else { return [] }
        func pair(_ a: Range<Int>, _ b: Range<Int>) -> [Unicode.Scalar]? {
            let scalars = Array(text[a]) + Array(text[b])
            return scalars.contains { SearchText.isCJK($0.value) } ? scalars : nil
        }
        func bytes(_ scalars: [Unicode.Scalar]) -> [UInt8] {
            var out: [UInt8] = []
            for v in scalars { out += String(v).utf8 }
            return out
        }
        var keys: [[UInt8]] = []
        if let start = pair(units[0], units[1]) { keys.append(bytes([titleStart] + start)) }
        if let end = pair(units[units.count - 2], units[units.count - 1]) { keys.append(bytes(end + [titleEnd])) }
        return keys
    }

    /// `\p{L}` or `\p{N}`, as search.js `isWord`.
    static func isWordScalar(_ v: Unicode.Scalar) -> Bool {
        if v.value < 0x80 { return (0x30...0x39).contains(v.value) || (0x61...0x7A).contains(v.value) || (0x41...0x5A).contains(v.value) }
        return switch v.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// A notice's tokens counted in `counts`: the body's length norm, the
    /// words' texts and the content hash; nil when a text needs full NFKC
    /// (`normalizing`).
    static func count(_ doc: SearchDocument, counts: inout TokenCounts,
                      normalizing: Bool) -> (norm: Float, words: [(code: UInt64, text: [UInt8])], hash: UInt64)? {
        counts.begin()
        var sink = FieldSink(counts)
        defer { counts = sink.counts }
        func scan(_ text: String, _ emit: Tokenizer.Emit) -> Bool {
            var t = normalizing ? SearchText.normalize(text) : text
            return t.withUTF8 { Tokenizer.scan($0, emit, into: &sink) }
        }
        let shortEmit: Tokenizer.Emit = [.unigrams, .trigrams]
        // A short title that says the query is about it more than a long
        // one that also says it (实施《中华人民共和国…法》办法).
        let titleNorm = 1 - titleB + titleB * Float(titleLength(doc.title)) / titlePivot
        sink.field = .short(titleWeight / titleNorm)
        sink.titled = true
        guard scan(doc.title, [.unigrams, .gapped, .trigrams]) else { return nil }
        for anchor in titleAnchors(doc.title) {
            sink.titleOnlyTrigram(SearchToken.hashedTrigram(anchor) | SearchToken.titleFlag, [UInt8(ascii: "^")] + anchor)
        }
        if let number = doc.number {
            sink.field = .short(numberWeight)
            guard scan(number, shortEmit) else { return nil }
        }
        sink.titled = false
        sink.field = .short(facetWeight)
        guard scan(doc.community, shortEmit), scan(doc.category, shortEmit) else { return nil }
        for tag in doc.tags { guard scan(tag, shortEmit) else { return nil } }
        let headings = doc.headings
        sink.field = .heading
        sink.titled = true
        for heading in headings {
            guard scan(heading.text, shortEmit) else { return nil }
            // A heading also reads as following the title: 中华人民共和国
            // 义务教育法 + 第三条 is the phrase 义务教育法第三条.
            guard scan(doc.title + heading.text.prefix(3), [.onlyTrigrams]) else { return nil }
        }
        sink.titled = false
        let body = doc.body
        sink.field = .body
        guard scan(body, [.trigrams]) else { return nil }
        return (1 - b + b * Float(sink.length) / pivotLength, sink.words, doc.contentHash(body: body, headings: headings))
    }

    /// One notice's tokens, appended to `run` (false, and nothing
    /// appended, when a text needs full NFKC: see `count`).
    static func analyse(_ doc: SearchDocument, counts: inout TokenCounts, normalizing: Bool, into run: inout RunTerms) -> Bool {
        guard let (norm, words, hash) = count(doc, counts: &counts, normalizing: normalizing) else { return false }
        run.words += words
        // Counting sort by partition, into the run's arrays.
        let touched = UnsafeBufferPointer(start: counts.touched, count: counts.touchedCount)
        let keys = counts.keys
        let base = run.codes.count
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: partitions + 1) { next in
            next.initialize(repeating: 0)
            for s in touched { next[partition(keys[Int(s)]) + 1] += 1 }
            for p in 0..<partitions { next[p + 1] += next[p] }
            for p in 0...partitions { run.starts.append(Int32(base) + next[p]) }
            run.codes.append(contentsOf: repeatElement(0, count: touched.count))
            run.values.append(contentsOf: repeatElement(0, count: touched.count))
            // Most tokens are in the body alone, a few times: their impact
            // depends on that count only, worked out once per notice.
            var bodyOnly = [UInt8](repeating: 0, count: 16)
            run.codes.withUnsafeMutableBufferPointer { codes in
                run.values.withUnsafeMutableBufferPointer { values in
                    for s in touched {
                        let i = Int(s)
                        let code = keys[i]
                        let p = partition(code)
                        let k = base + Int(next[p])
                        codes[k] = code
                        let tf = counts.body[i]
                        if counts.short[i] == 0 && counts.heads[i] == 0 && tf < 16 {
                            if bodyOnly[Int(tf)] == 0 { bodyOnly[Int(tf)] = impact(short: 0, heads: 0, body: tf, norm: norm) }
                            values[k] = bodyOnly[Int(tf)]
                        } else {
                            values[k] = impact(short: counts.short[i], heads: counts.heads[i], body: tf, norm: norm)
                        }
                        next[p] += 1
                    }
                }
            }
        }
        let tri = UnsafeBufferPointer(start: counts.trigramsTouched, count: counts.trigramsTouchedCount)
        let tkeys = counts.trigramKeys
        let tbase = run.trigrams.count
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: partitions + 1) { next in
            next.initialize(repeating: 0)
            for s in tri { next[partition(tkeys[Int(s)]) + 1] += 1 }
            for p in 0..<partitions { next[p + 1] += next[p] }
            for p in 0...partitions { run.trigramStarts.append(Int32(tbase) + next[p]) }
            run.trigrams.append(contentsOf: repeatElement(0, count: tri.count))
            run.trigrams.withUnsafeMutableBufferPointer { out in
                for s in tri {
                    let code = tkeys[Int(s)]
                    let p = partition(code)
                    out[tbase + Int(next[p])] = code
                    next[p] += 1
                }
            }
        }
        run.hashes.append(hash)
        run.count += 1
        return true
    }

    @inline(__always)
    static func saturate(_ tf: Float) -> Float { tf * (k1 + 1) / (tf + k1) }

    /// Where each impact level starts: level q for a score s when
    /// `thresholds[q − 1] <= s < thresholds[q]` (q = round(63 · log1p(s) /
    /// log1p(maxImpact)), on a log scale: finer where most body matches are).
    static let thresholds: [Float] = (1...63).map { q in
        Float(expm1((Double(q) - 0.5) * log1p(Double(maxImpact)) / 63))
    }

    /// A notice's impact for a token: 1…63. Short fields and body saturate
    /// separately, so a word in the title is never outweighed by many
    /// mentions in the body.
    @inline(__always)
    static func impact(short: Float, heads: UInt8, body: UInt16, norm: Float) -> UInt8 {
        let s = short + headingWeight * Float(min(heads, headingCap))
        let score = saturate(s) + saturate(Float(body) / norm)
        var lo = 0, hi = thresholds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if thresholds[mid] <= score { lo = mid + 1 } else { hi = mid }
        }
        return UInt8(max(1, min(63, lo)))
    }

    // MARK: - Lists

    /// One token's final list.
    struct TokenList: Sendable {
        var text: [UInt8]
        var code: UInt64
        var scored: Bool
        /// The whole list, encoded (a membership list maybe as `~` complement).
        var full: [UInt8]
        /// A large scored list's strong tier and the rest.
        var high: [UInt8] = []
        var rest: [UInt8] = []
        var df: Int
        var large: Bool { full.count > SearchIndexBuilder.ownFileBytes }
    }

    static func tokenList(text: [UInt8], code: UInt64, scored: Bool, list: PostingsCodec.Scored, all: [Int32]) -> TokenList {
        if scored {
            var out = TokenList(text: text, code: code, scored: true, full: PostingsCodec.encode(list), df: list.count)
            if out.large {
                out.high = PostingsCodec.encode(list) { $0 >= strongImpact }
                out.rest = PostingsCodec.encode(list) { $0 < strongImpact }
            }
            return out
        }
        return TokenList(text: text, code: code, scored: false,
                         full: PostingsCodec.encodeMembership(list.numbers, all: all), df: list.count)
    }

    /// Filters as membership lists: `@c:<community>`, `@k:<category>`.
    static func facetLists(_ docs: [SearchDocument], numbers: [Int32], all: [Int32]) -> [TokenList] {
        var groups: [String: [Int32]] = [:]
        for (i, doc) in docs.enumerated() {
            groups["@c:" + doc.communitySlug, default: []].append(numbers[i])
            groups["@k:" + doc.categorySlug, default: []].append(numbers[i])
        }
        return groups.keys.sorted().map { token in
            let list = PostingsCodec.Scored(numbers: groups[token]!.sorted(), impacts: [])
            return tokenList(text: Array(token.utf8), code: 0, scored: false, list: list, all: all)
        }
    }

    // MARK: - Files

    struct Assembled {
        var files: [File]
        var shardCount: Int
        var total: Int
        var largeFiles: [String: String]
        var membershipDF: [String: Int32]

        func tracked(count: Int) -> [String: Int32] { membershipDF }
    }

    /// What an entry adds to the index's size, for the shard count.
    @inline(__always)
    static func entrySize(_ token: Int, _ value: Int) -> Int { token + value + 6 }

    /// A power of two, so that a shard holds about `shardBytes`.
    static func shardCount(total: Int) -> Int {
        var count = 1
        while count < maxShards && total / count > shardBytes { count *= 2 }
        return count
    }

    /// The shard entry of a large list: its file and its length.
    static func pointer(_ name: String, df: Int) -> [UInt8] { Array("\(name)/\(df)".utf8) }

    /// Where a token's entry lives: itself, except a trigram of three CJK
    /// characters, which goes with its first bigram unless that one's list
    /// is large, else with its last bigram unless large, else with itself;
    /// a `^` list goes where its trigram goes. A query fetches the shards of
    /// its bigrams anyway, so checking a phrase costs no more requests
    /// unless both its bigrams are common (`anchorHash` is the hash of it).
    static func assemble(_ lists: [TokenList], count: Int) -> Assembled {
        // Large lists get `t/<hash>`, numbered in token order on a collision.
        let large = lists.indices.filter { lists[$0].large }.sorted { utf8Less(lists[$0].text, lists[$1].text) }
        var names = [String?](repeating: nil, count: lists.count)
        var taken: Set<String> = []
        var largeFiles: [String: String] = [:]
        for i in large {
            let hash = PostingsCodec.hex(PostingsCodec.fnv32(lists[i].text))
            var name = "t/" + hash
            var k = 2
            while taken.contains(name) { name = "t/\(hash)-\(k)"; k += 1 }
            taken.insert(name)
            names[i] = name
            largeFiles[String(decoding: lists[i].text, as: UTF8.self)] = name
        }
        var pointers: [Int: [UInt8]] = [:]
        for i in large { pointers[i] = pointer(names[i]!, df: lists[i].df) }
        var total = 0
        for (i, list) in lists.enumerated() { total += entrySize(list.text.count, pointers[i]?.count ?? list.full.count) }
        let shardCount = shardCount(total: total)

        var largeBigrams: Set<UInt64> = []
        var membershipDF: [String: Int32] = [:]
        let trackedFrom = count - SearchIndexState.trackedWindow
        for list in lists {
            if list.code != 0 && list.large && SearchToken(code: list.code).isBigram { largeBigrams.insert(list.code) }
            if !list.scored && 2 * list.df >= trackedFrom { membershipDF[String(decoding: list.text, as: UTF8.self)] = Int32(list.df) }
        }
        // Tokens grouped by shard (a counting sort of their indices).
        var shardOf = [Int32](repeating: 0, count: lists.count)
        var starts = [Int](repeating: 0, count: shardCount + 1)
        for (i, list) in lists.enumerated() {
            let s = Int(anchorHash(list, largeBigrams: largeBigrams) % UInt32(shardCount))
            shardOf[i] = Int32(s)
            starts[s + 1] += 1
        }
        for s in 0..<shardCount { starts[s + 1] += starts[s] }
        var next = starts
        var byShard = [Int32](repeating: 0, count: lists.count)
        for i in lists.indices {
            let s = Int(shardOf[i])
            byShard[next[s]] = Int32(i)
            next[s] += 1
        }
        // Every shard is written, empty ones as `{}`: a query for a token
        // in no list asks for its shard like any other.
        let order = byShard, bounds = starts, frozen = pointers
        var files: [File] = Array(0..<shardCount).parallelMap { s in
            let members = order[bounds[s]..<bounds[s + 1]].sorted { utf8Less(lists[Int($0)].text, lists[Int($1)].text) }
            var out: [UInt8] = [0x7B]
            for (k, m) in members.enumerated() {
                let list = lists[Int(m)]
                if k > 0 { out.append(0x2C) }
                FlatJSON.appendString(list.text, to: &out)
                out.append(0x3A)
                FlatJSON.appendString(frozen[Int(m)] ?? list.full, to: &out)
            }
            out.append(0x7D)
            return File(path: "s/\(s).json", bytes: out)
        }
        for i in large {
            let list = lists[i], name = names[i]!
            if list.scored {
                files.append(File(path: name + ".json", bytes: FlatJSON.object([(list.text, list.high)])))
                files.append(File(path: name + "r.json", bytes: FlatJSON.object([(list.text, list.rest)])))
            } else {
                files.append(File(path: name + ".json", bytes: FlatJSON.object([(list.text, list.full)])))
            }
        }
        return Assembled(files: files, shardCount: shardCount, total: total, largeFiles: largeFiles,
                         membershipDF: membershipDF)
    }

    /// `fnv32` of a token's anchor (`anchor`), without making its text.
    static func anchorHash(_ list: TokenList, largeBigrams: Set<UInt64>) -> UInt32 {
        let token = SearchToken(code: list.code)
        guard list.code != 0, token.isTrigram else { return PostingsCodec.fnv32(list.text) }
        if token.isHashedTrigram {
            return token.isTitleTrigram ? PostingsCodec.fnv32(list.text.dropFirst()) : PostingsCodec.fnv32(list.text)
        }
        let bigram = !largeBigrams.contains(token.trigramHead) ? token.trigramHead
            : !largeBigrams.contains(token.trigramTail) ? token.trigramTail : 0
        guard bigram != 0 else {
            return token.isTitleTrigram ? PostingsCodec.fnv32(list.text.dropFirst()) : PostingsCodec.fnv32(list.text)
        }
        var h: UInt32 = 0x811c9dc5
        for index in [bigram >> 17, bigram] {
            let v = CJKIndex.scalar(UInt32(index & 0x1FFFF))
            let bytes: [UInt8] = v < 0x10000
                ? [UInt8(0xE0 | (v >> 12)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
                : [UInt8(0xF0 | (v >> 18)), UInt8(0x80 | ((v >> 12) & 0x3F)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
            for b in bytes {
                h ^= UInt32(b)
                h &*= 0x01000193
            }
        }
        return h
    }

    // MARK: - Fragments and manifest

    static func fragment(_ number: Int32, _ doc: SearchDocument) -> File {
        var o = JSONText.Object()
        o.add("u", doc.url)
        o.add("t", doc.title)
        o.add("d", doc.date)
        o.add("c", doc.community)
        o.add("k", doc.category)
        o.add("n", doc.number)
        o.add("x", String(doc.body.prefix(fragmentLength)))
        let headings = FragmentHeadings.encode(doc.headings, limit: fragmentHeadingBytes)
        if !headings.isEmpty { o.add("h", json: headings) }
        return File(path: "d/\(number).json", bytes: o.finished())
    }

    /// What identifies this build of the index (`b` in the manifest): the
    /// client asks for every other file with `?b=` so that a file cached
    /// from an older build is never mixed with this one.
    static func stampSum(hashes: [UInt64], numbers: [Int32]) -> UInt64 {
        var sum: UInt64 = 0
        for (h, n) in zip(hashes, numbers) { sum &+= stampTerm(hash: h, number: n) }
        return sum
    }

    @inline(__always)
    static func stampTerm(hash: UInt64, number: Int32) -> UInt64 {
        (hash ^ UInt64(UInt32(bitPattern: number))) &* 0x9E37_79B9_7F4A_7C15
    }

    static func synonymsHash(_ synonyms: [[String]]) -> UInt64 {
        var h = StableHasher()
        for group in synonyms { h.add(group) }
        return h.value
    }

    static func manifest(count: Int, shardCount: Int, stamp: UInt64, synonyms: [[String]]) -> File {
        var h = StableHasher()
        h.add(stamp)
        h.add(UInt64(count))
        h.add(UInt64(shardCount))
        h.add(synonymsHash(synonyms))
        var o = JSONText.Object()
        o.add("v", formatVersion)
        o.add("n", count)
        o.add("s", shardCount)
        o.add("b", String(h.value & 0xFFFF_FFFF_FFFF, radix: 36))
        var groups: [UInt8] = [0x5B]
        for (i, group) in synonyms.enumerated() {
            if i > 0 { groups.append(0x2C) }
            groups.append(0x5B)
            for (k, phrase) in group.enumerated() {
                if k > 0 { groups.append(0x2C) }
                JSONText.append(phrase, to: &groups)
            }
            groups.append(0x5D)
        }
        groups.append(0x5D)
        o.add("synonyms", json: groups)
        return File(path: "manifest.json", bytes: o.finished())
    }
}

/// One run's postings while the index is built, used by one thread.
final class TableBox: @unchecked Sendable {
    var table = PostingTable()

    deinit { table.release() }

    /// The final lists of the tokens of partition `p`, each made of its
    /// lists in the runs' tables, one after the other (the runs hold
    /// notices in number order).
    static func finish(_ boxes: [TableBox], partition p: Int, all: [Int32]) -> [SearchIndexBuilder.TokenList] {
        var out: [SearchIndexBuilder.TokenList] = []
        let tables = boxes.map(\.table)
        for (t, table) in tables.enumerated() {
            for s in 0..<table.count {
                let code = table.slots[s].code
                guard SearchIndexBuilder.partition(code) == p else { continue }
                // Made once: from the first run that has it.
                if t > 0 && tables[..<t].contains(where: { $0.find(code) != nil }) { continue }
                var parts: [(table: Int, slot: Int)] = [(t, s)]
                for u in (t + 1)..<tables.count { if let slot = tables[u].find(code) { parts.append((u, slot)) } }
                let token = SearchToken(code: code)
                let words = tables[t].words[code] ?? parts.lazy.compactMap { tables[$0.table].words[code] }.first
                guard let text = token.isWord || token.isHashedTrigram ? words : token.cjkUTF8 else { continue }
                let scored = !token.isTrigram
                let df = parts.reduce(0) { $0 + Int(tables[$1.table].slots[$1.slot].count) }
                // Most lists are short: encoded straight from the pools. A
                // large one (split in two) or a complement is made from its numbers.
                if scored || 2 * df <= all.count {
                    let full = PostingTable.encode(parts.map { (tables[$0.table], $0.slot) }, scored: scored)
                    let list = SearchIndexBuilder.TokenList(text: text, code: code, scored: scored, full: full, df: df)
                    if !list.large || !scored { out.append(list); continue }
                }
                var list = PostingsCodec.Scored()
                for part in parts {
                    let piece = tables[part.table].read(part.slot, scored: scored)
                    list.numbers += piece.numbers
                    list.impacts += piece.impacts
                }
                out.append(SearchIndexBuilder.tokenList(text: text, code: code, scored: scored, list: list, all: all))
            }
        }
        return out
    }
}

/// One value per index, each written by one thread.
final class ResultBox: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<UInt64>
    let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: 0, count: max(1, count))
    }

    deinit { slots.deallocate() }

    func set(_ i: Int, _ v: UInt64) { slots[i] = v }
    var values: [UInt64] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}
