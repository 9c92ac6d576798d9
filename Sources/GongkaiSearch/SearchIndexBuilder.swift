import Foundation
import GongkaiCore

/// Builds the JSON search index of docs/design.md §5 (format: docs/search-index.md).
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
        buildWithState(docs, communities: communities, categories: categories, synonyms: synonyms).files
    }

    /// The whole index, and what an incremental build needs to update it
    /// (`update`, SearchIndexUpdate.swift).
    public static func buildWithState(_ docs: [SearchDocument], communities: [(slug: String, name: String)],
                                      categories: [(slug: String, name: String)],
                                      synonyms: [[String]], inputKeys: [UInt64]? = nil) -> (files: [File], state: SearchIndexState) {
        // Pass 1, per notice in parallel: token → weighted short-field tf and body tf.
        let terms = docs.parallelMap(analyse)
        var words: [UInt64: String] = [:]
        for t in terms { words.merge(t.words) { a, _ in a } }

        // Pass 2, per token partition in parallel: postings with each
        // notice's impact. Pass 1 already split each notice's tokens by
        // partition, so each partition reads only its own tokens.
        let parts = Array(0..<Terms.partitions).parallelMap { p -> [(UInt64, [(Int32, Int)])] in
            var postings: [UInt64: [(Int32, Int)]] = [:]
            for (id, t) in terms.enumerated() {
                for entry in t.entries[t.starts[p]..<t.starts[p + 1]] {
                    postings[entry.code, default: []].append((Int32(id), impact(entry, bodyLength: t.bodyLength)))
                }
            }
            return postings.map { ($0.key, $0.value) }
        }

        // Encode every token's postings (in parallel, per partition); filter
        // pseudo-tokens carry no score.
        let wordTexts = words
        var entries: [(token: String, postings: String)] = parts.parallelMap { part in
            part.compactMap { code, list -> (token: String, postings: String)? in
                let token = SearchToken(code: code)
                guard let text = token.isWord ? wordTexts[code] : token.cjkText else { return nil }
                // Already in document order: partitions read notices in order.
                return (text, PostingsCodec.encode(list))
            }
        }.flatMap { $0 }
        // Partitions come out of hash tables: fix the order, so that file
        // names (and everything else) are the same on every build.
        entries.sort { $0.token < $1.token }
        let facets = facetEntries(docs, communities: communities, categories: categories)
        entries += facets

        // Shard by FNV-1a of the token's UTF-8 (the client computes the same).
        let total = entries.reduce(0) { $0 + entrySize($1.token, $1.postings) }
        let shardCount = shardCount(total: total)
        var shards = Array(repeating: [(String, String)](), count: shardCount)
        var files: [File] = []
        var ownNames: Set<String> = []
        var ownFiles: [String: String] = [:]
        for (token, postings) in entries {
            let hash = PostingsCodec.fnv32(token)
            if postings.utf8.count > ownFileBytes {
                var name = "t/" + hex(hash)
                var k = 2
                while ownNames.contains(name) { name = "t/" + hex(hash) + "-\(k)"; k += 1 }
                ownNames.insert(name)
                ownFiles[token] = name
                files.append(File(path: name + ".json", bytes: Array(JSONText.object([(token, postings)]).utf8)))
                shards[Int(hash % UInt32(shardCount))].append((token, name))
            } else {
                shards[Int(hash % UInt32(shardCount))].append((token, postings))
            }
        }
        let filled = shards.indices.filter { !shards[$0].isEmpty }
        let full = shards
        files += filled.parallelMap { i in
            File(path: "s/\(i).json", bytes: Array(JSONText.object(full[i]).utf8))
        }

        // Fragments: what a result shows, fetched only for results on screen.
        files += Array(docs.enumerated()).parallelMap { id, doc in fragment(id, doc) }
        files.append(manifest(count: docs.count, shardCount: shardCount, communities: communities,
                              categories: categories, synonyms: synonyms))
        let state = SearchIndexState(
            urls: docs.map(\.url), hashes: docs.map(\.stableHash), shardCount: shardCount, total: total,
            ownFiles: ownFiles, shards: filled, facets: facets.map(\.token),
            facetPostings: facets.map(\.postings), inputKeys: inputKeys?.count == docs.count ? inputKeys : nil)
        return (files.sorted { $0.path < $1.path }, state)
    }

    /// Filters as pseudo-tokens with impact 0: `@c:<community>`, `@k:<category>`.
    static func facetEntries(_ docs: [SearchDocument], communities: [(slug: String, name: String)],
                             categories: [(slug: String, name: String)]) -> [(token: String, postings: String)] {
        var entries: [(token: String, postings: String)] = []
        for (slug, _) in communities {
            let ids = docs.indices.filter { docs[$0].communitySlug == slug }.map { (Int32($0), 0) }
            if !ids.isEmpty { entries.append(("@c:" + slug, PostingsCodec.encode(ids))) }
        }
        for (slug, _) in categories {
            let ids = docs.indices.filter { docs[$0].categorySlug == slug }.map { (Int32($0), 0) }
            if !ids.isEmpty { entries.append(("@k:" + slug, PostingsCodec.encode(ids))) }
        }
        return entries
    }

    /// What one entry adds to the index's size, for the shard count.
    static func entrySize(_ token: String, _ postings: String) -> Int { token.utf8.count + postings.utf8.count + 6 }

    /// A power of two, so that a shard holds about `shardBytes`.
    static func shardCount(total: Int) -> Int {
        var shardCount = 1
        while shardCount < 8192 && total / shardCount > shardBytes { shardCount *= 2 }
        return shardCount
    }

    static func fragment(_ id: Int, _ doc: SearchDocument) -> File {
        var fields: [(String, String)] = [("u", doc.url), ("t", doc.title), ("d", doc.date),
                                          ("c", doc.community), ("k", doc.category)]
        if let number = doc.number { fields.append(("n", number)) }
        fields.append(("x", String(doc.body.prefix(fragmentLength))))
        return File(path: "d/\(id).json", bytes: Array(JSONText.object(fields, sorted: false).utf8))
    }

    static func manifest(count: Int, shardCount: Int, communities: [(slug: String, name: String)],
                         categories: [(slug: String, name: String)], synonyms: [[String]]) -> File {

        let manifest = """
        {"v":2,"n":\(count),"s":\(shardCount),\
        "communities":\(JSONText.pairs(communities.map { ($0.slug, $0.name) })),\
        "categories":\(JSONText.pairs(categories.map { ($0.slug, $0.name) })),\
        "synonyms":\(JSONText.arrays(synonyms))}
        """
        return File(path: "manifest.json", bytes: Array(manifest.utf8))
    }

    @inline(__always)
    static func saturate(_ tf: Float) -> Float { tf * (k1 + 1) / (tf + k1) }

    /// The length (in tokens) a body is measured against. A constant, not
    /// the site's average: then a notice's impacts depend on that notice
    /// alone, and an incremental build changes only the postings of the
    /// notices that changed (idf is applied by the client, from the number
    /// of postings it downloaded).
    static let pivotLength: Float = 800
    /// The highest impact before quantisation: both parts saturated.
    static let maxImpact: Float = 2 * (k1 + 1)

    /// A notice's impact for a token, 1…63 on a log scale up to `maxImpact`
    /// (finer where most body matches are: one or two mentions):
    /// short fields and body saturate separately, so a word in the title is
    /// never outweighed by many mentions in the body.
    static func impact(_ entry: Terms.Entry, bodyLength: Int) -> Int {
        let norm = 1 - b + b * Float(bodyLength) / pivotLength
        let score = saturate(entry.short) + saturate(Float(entry.body) / norm)
        return max(1, min(63, Int((63 * log1p(score) / log1p(maxImpact)).rounded())))
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
