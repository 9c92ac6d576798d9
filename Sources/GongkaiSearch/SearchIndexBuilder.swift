import Foundation
import GongkaiCore

/// Builds the JSON search index of DESIGN.md §5 (format: docs/search-index.md).
///
/// Owns: tokenising notices, BM25F impacts, sharding postings by token hash,
/// per-notice fragments. Must not: read or write files (it returns them), or
/// know about pages. Pure, so tests and benchmarks run it directly.
public enum SearchIndexBuilder {
    public struct File: Sendable {
        public var path: String
        public var bytes: [UInt8]
    }

    /// Field weights (BM25F): title and 文号 above category, community and
    /// tags, above the body.
    static let titleWeight: Float = 3.0
    static let numberWeight: Float = 3.0
    static let facetWeight: Float = 1.5
    static let k1: Float = 1.2
    static let b: Float = 0.75
    /// Characters of body text kept in a fragment for the snippet.
    static let fragmentLength = 200
    /// Shards aim at this many bytes; a token whose postings alone exceed
    /// `ownFileBytes` gets a file of its own so it never weighs on others.
    static let shardBytes = 4000
    static let ownFileBytes = 2000

    public static func build(_ docs: [SearchDocument], communities: [(slug: String, name: String)],
                             categories: [(slug: String, name: String)], synonyms: [[String]]) -> [File] {
        // Pass 1, per notice in parallel: token → weighted short-field tf and body tf.
        let terms = docs.parallelMap(analyse)
        let averageBody = max(1, Float(terms.reduce(0) { $0 + $1.bodyLength }) / Float(max(1, terms.count)))
        var words: [UInt64: String] = [:]
        for t in terms { words.merge(t.words) { a, _ in a } }

        // Pass 2, per token partition in parallel: postings with BM25F scores.
        // Pass 1 already split each notice's tokens by partition, so each
        // partition reads only its own tokens.
        let n = Float(docs.count)
        let parts = Array(0..<Terms.partitions).parallelMap { p -> [(UInt64, [(Int32, Float)])] in
            var postings: [UInt64: [(Int32, Float)]] = [:]
            for (id, t) in terms.enumerated() {
                let norm = 1 - b + b * Float(t.bodyLength) / averageBody
                for entry in t.entries[t.starts[p]..<t.starts[p + 1]] {
                    // Short fields and body saturate separately, so a word in
                    // the title is never outweighed by many mentions in the body.
                    let score = saturate(entry.short) + saturate(Float(entry.body) / norm)
                    postings[entry.code, default: []].append((Int32(id), score))
                }
            }
            return postings.map { code, list in
                let df = Float(list.count)
                let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                return (code, list.map { ($0.0, idf * $0.1) })
            }
        }
        var maxScore: Float = 0
        for part in parts {
            for (_, list) in part {
                for posting in list where posting.1 > maxScore { maxScore = posting.1 }
            }
        }
        let logMax = log1p(max(maxScore, 0.0001))

        // Encode every token's postings (in parallel, per partition); filter
        // pseudo-tokens carry no score.
        let wordTexts = words
        var entries: [(token: String, postings: String)] = parts.parallelMap { part in
            part.compactMap { code, list -> (token: String, postings: String)? in
                let token = SearchToken(code: code)
                guard let text = token.isWord ? wordTexts[code] : token.cjkText else { return nil }
                // Already in document order: partitions read notices in order.
                return (text, PostingsCodec.encode(list.map { ($0.0, quantise($0.1, logMax)) }))
            }
        }.flatMap { $0 }
        // Partitions come out of hash tables: fix the order, so that file
        // names (and everything else) are the same on every build.
        entries.sort { $0.token < $1.token }
        for (slug, _) in communities {
            let ids = docs.indices.filter { docs[$0].communitySlug == slug }.map { (Int32($0), 0) }
            if !ids.isEmpty { entries.append(("@c:" + slug, PostingsCodec.encode(ids))) }
        }
        for (slug, _) in categories {
            let ids = docs.indices.filter { docs[$0].categorySlug == slug }.map { (Int32($0), 0) }
            if !ids.isEmpty { entries.append(("@k:" + slug, PostingsCodec.encode(ids))) }
        }

        // Shard by FNV-1a of the token's UTF-8 (the client computes the same).
        let total = entries.reduce(0) { $0 + $1.token.utf8.count + $1.postings.utf8.count + 6 }
        var shardCount = 1
        while shardCount < 8192 && total / shardCount > shardBytes { shardCount *= 2 }
        var shards = Array(repeating: [(String, String)](), count: shardCount)
        var files: [File] = []
        var ownNames: Set<String> = []
        for (token, postings) in entries {
            let hash = PostingsCodec.fnv32(token)
            if postings.utf8.count > ownFileBytes {
                var name = "t/" + hex(hash)
                var k = 2
                while ownNames.contains(name) { name = "t/" + hex(hash) + "-\(k)"; k += 1 }
                ownNames.insert(name)
                files.append(File(path: name + ".json", bytes: Array(JSONText.object([(token, postings)]).utf8)))
                shards[Int(hash % UInt32(shardCount))].append((token, name))
            } else {
                shards[Int(hash % UInt32(shardCount))].append((token, postings))
            }
        }
        files += Array(shards.enumerated()).filter { !$0.element.isEmpty }.parallelMap { i, shard in
            File(path: "s/\(i).json", bytes: Array(JSONText.object(shard).utf8))
        }

        // Fragments: what a result shows, fetched only for results on screen.
        files += Array(docs.enumerated()).parallelMap { id, doc in
            var fields: [(String, String)] = [("u", doc.url), ("t", doc.title), ("d", doc.date),
                                              ("c", doc.community), ("k", doc.category)]
            if let number = doc.number { fields.append(("n", number)) }
            fields.append(("x", String(doc.body.prefix(fragmentLength))))
            return File(path: "d/\(id).json", bytes: Array(JSONText.object(fields, sorted: false).utf8))
        }

        let manifest = """
        {"v":1,"n":\(docs.count),"s":\(shardCount),"q":\(Double(maxScore)),\
        "communities":\(JSONText.pairs(communities.map { ($0.slug, $0.name) })),\
        "categories":\(JSONText.pairs(categories.map { ($0.slug, $0.name) })),\
        "synonyms":\(JSONText.arrays(synonyms))}
        """
        files.append(File(path: "manifest.json", bytes: Array(manifest.utf8)))
        return files.sorted { $0.path < $1.path }
    }

    @inline(__always)
    static func saturate(_ tf: Float) -> Float { tf * (k1 + 1) / (tf + k1) }

    /// 1…63 on a log scale up to the highest score in the index.
    static func quantise(_ score: Float, _ logMax: Float) -> Int {
        max(1, min(63, 1 + Int((62 * log1p(max(score, 0)) / logMax).rounded())))
    }

    struct Terms: Sendable {
        static let partitions = 32
        struct Entry: Sendable {
            var code: UInt64
            var short: Float
            var body: UInt16
        }
        /// The notice's tokens grouped by `code % partitions`: partition p is
        /// `entries[starts[p]..<starts[p + 1]]` (one array, not 32 small ones).
        var entries: [Entry] = []
        var starts: [Int] = []
        var bodyLength = 0
        var words: [UInt64: String] = [:]
    }

    static func analyse(_ doc: SearchDocument) -> Terms {
        var counts = TokenCounts(expected: doc.body.utf8.count / 2 + 256)
        var t = Terms()
        func add(_ text: String, weight: Float, gapped: Bool = false) {
            Tokenizer.scan(SearchText.normalize(text), unigrams: true, gapped: gapped, words: &t.words) { token in
                counts.addShort(token.code, weight)
            }
        }
        add(doc.title, weight: titleWeight, gapped: true)
        if let number = doc.number { add(number, weight: numberWeight) }
        add(doc.community, weight: facetWeight)
        add(doc.category, weight: facetWeight)
        for tag in doc.tags { add(tag, weight: facetWeight) }
        var length = 0
        Tokenizer.scan(SearchText.normalize(doc.body), unigrams: true, words: &t.words) { token in
            length += 1
            counts.addBody(token.code)
        }
        t.bodyLength = length
        // Counting sort by partition.
        var sizes = [Int](repeating: 0, count: Terms.partitions + 1)
        for code in counts.keys where code != 0 { sizes[Int(code % UInt64(Terms.partitions)) + 1] += 1 }
        for p in 0..<Terms.partitions { sizes[p + 1] += sizes[p] }
        t.starts = sizes
        var next = sizes
        t.entries = [Terms.Entry](repeating: Terms.Entry(code: 0, short: 0, body: 0), count: counts.count)
        for i in counts.keys.indices where counts.keys[i] != 0 {
            let code = counts.keys[i]
            let p = Int(code % UInt64(Terms.partitions))
            t.entries[next[p]] = Terms.Entry(code: code, short: counts.short[i], body: counts.body[i])
            next[p] += 1
        }
        return t
    }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}
