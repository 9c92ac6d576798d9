import GongkaiCore

/// What an incremental build needs to know of the index the last build
/// wrote, besides its files.
public struct SearchIndexState: Codable, Sendable, Equatable {
    /// Each notice's URL, by number (oldest first).
    public var urls: [String]
    /// Each notice's `SearchDocument.stableHash`.
    public var hashes: [UInt64]
    public var shardCount: Int
    /// Sum of `entrySize` over all entries (decides the shard count).
    public var total: Int
    /// Token → file of its own (`t/<hash>`), for large postings lists.
    public var ownFiles: [String: String]
    /// Shards that hold at least one entry.
    public var shards: [Int]
    /// The filter pseudo-tokens (`@c:…`, `@k:…`) in the index.
    public var facets: [String]
    /// Their encoded postings, in the same order (nil in a state from an
    /// older gongkai: then every filter list is read and compared).
    public var facetPostings: [String]?
    /// Each notice's input key (what its document is made from), by number,
    /// when the caller gave them: a notice whose key is unchanged keeps its
    /// hash without its text being hashed again.
    public var inputKeys: [UInt64]?
}

extension SearchDocument {
    /// Stable hash of every field: a notice whose hash is unchanged has the
    /// same postings, impacts and fragment.
    public var stableHash: UInt64 {
        var h = StableHasher()
        h.add(url); h.add(title); h.add(number ?? "\u{0}"); h.add(communitySlug); h.add(community)
        h.add(categorySlug); h.add(category); h.add(tags); h.add(date); h.add(body)
        return h.value
    }
}

extension SearchIndexBuilder {
    /// Updates the index the last build wrote, for notices that changed,
    /// were added at the end or were removed from the end; the result is
    /// byte for byte what `build` makes of `docs`. Impacts depend on their
    /// own notice only (idf is the client's), so only the postings of the
    /// changed notices' tokens and the shards that hold them change.
    ///
    /// `previousDoc(n)`: notice n as the last build indexed it (its hash is
    /// checked); `read(path)`: a file of the last build's index. Nil when
    /// the index has to be built anew (the caller then calls `build`): too
    /// many changes, notices renumbered, the shard count changes, a hash
    /// collision among large lists, or anything it cannot read.
    public static func update(
        _ previous: SearchIndexState, docs: [SearchDocument], previousDoc: (Int) -> SearchDocument?,
        communities: [(slug: String, name: String)], categories: [(slug: String, name: String)],
        synonyms: [[String]], read: (String) -> [UInt8]?, limit: Int = 64, inputKeys: [UInt64]? = nil
    ) -> (files: [File], unchanged: [String], state: SearchIndexState)? {
        let common = min(previous.urls.count, docs.count)
        guard previous.hashes.count == previous.urls.count,
              Array(previous.urls[..<common]) == docs[..<common].map(\.url) else { return nil }
        let known = inputKeys.flatMap { keys in
            previous.inputKeys.map { old in (keys.count == docs.count && old.count == previous.urls.count) ? (keys, old) : nil } ?? nil
        }
        let hashes = docs.indices.map { i in
            if let (keys, old) = known, i < common, keys[i] == old[i] { return previous.hashes[i] }
            return docs[i].stableHash
        }
        var changed: [Int] = []
        for i in 0..<max(previous.urls.count, docs.count)
        where i >= common || hashes[i] != previous.hashes[i] {
            changed.append(i)
            if changed.count > limit { return nil }
        }

        // Old and new tokens of the changed notices, with their impacts.
        var oldTokens: [Int: [String: Int]] = [:]
        var newTokens: [Int: [String: Int]] = [:]
        // Tokens whose postings change: a token an edited notice keeps
        // with the same impact keeps its list (most of them, for an edit
        // of a few lines), and its shard is not even read.
        var affected: Set<String> = []
        for i in changed {
            if i < previous.urls.count {
                guard let old = previousDoc(i), old.stableHash == previous.hashes[i] else { return nil }
                oldTokens[i] = impacts(old)
            }
            if i < docs.count { newTokens[i] = impacts(docs[i]) }
            let old = oldTokens[i] ?? [:], new = newTokens[i] ?? [:]
            for (token, q) in old where new[token] != q { affected.insert(token) }
            for (token, q) in new where old[token] != q { affected.insert(token) }
        }
        let facets = facetEntries(docs, communities: communities, categories: categories)
        let facetPostings = Dictionary(facets.map { ($0.token, $0.postings) }, uniquingKeysWith: { a, _ in a })
        // Filter lists (community, category) change only when notices are
        // added, removed or moved; the state remembers them.
        let previousFacets = previous.facetPostings.flatMap { lists in
            lists.count == previous.facets.count
                ? Dictionary(zip(previous.facets, lists).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }) : nil
        }
        for token in Set(previous.facets).union(facetPostings.keys)
        where previousFacets == nil || previousFacets?[token] != facetPostings[token] {
            affected.insert(token)
        }

        // The last build's shards and large lists that hold those tokens.
        var shardTables: [Int: [String: String]] = [:]
        func table(_ shard: Int) -> [String: String]? {
            if let t = shardTables[shard] { return t }
            guard previous.shards.contains(shard) else { shardTables[shard] = [:]; return [:] }
            guard let bytes = read("s/\(shard).json"), let t = JSONText.parseObject(bytes) else { return nil }
            shardTables[shard] = t
            return t
        }
        let changedSet = Set(changed)
        var total = previous.total
        var updates: [String: String] = [:]   // token → new encoded postings ("" = gone)
        for token in affected.sorted() {
            let shard = Int(PostingsCodec.fnv32(token) % UInt32(previous.shardCount))
            guard let t = table(shard) else { return nil }
            var oldEncoded = t[token] ?? ""
            if oldEncoded.contains("/") {
                guard let bytes = read(oldEncoded + ".json"), let own = JSONText.parseObject(bytes),
                      let list = own[token] else { return nil }
                oldEncoded = list
            }
            let newEncoded: String
            if token.hasPrefix("@") {
                newEncoded = facetPostings[token] ?? ""
            } else {
                guard var list = PostingsCodec.decode(oldEncoded) else { return nil }
                list.removeAll { changedSet.contains(Int($0.0)) }
                for i in changed {
                    if let q = newTokens[i]?[token] { list.append((Int32(i), q)) }
                }
                list.sort { $0.0 < $1.0 }
                newEncoded = PostingsCodec.encode(list)
            }
            if !oldEncoded.isEmpty { total -= entrySize(token, oldEncoded) }
            if !newEncoded.isEmpty { total += entrySize(token, newEncoded) }
            if newEncoded != oldEncoded { updates[token] = newEncoded }
        }
        guard shardCount(total: total) == previous.shardCount else { return nil }

        // Large lists: a token keeps its file name; one that gets a file of
        // its own takes `t/<hash>`, unless another token holds that name (a
        // clean build would number them in token order: build anew).
        var ownFiles = previous.ownFiles
        var files: [File] = []
        var touchedShards: Set<Int> = []
        let takenNames = Set(previous.ownFiles.values)
        for (token, encoded) in updates.sorted(by: { $0.key < $1.key }) {
            let hash = PostingsCodec.fnv32(token)
            touchedShards.insert(Int(hash % UInt32(previous.shardCount)))
            let own = encoded.utf8.count > ownFileBytes
            if own {
                if ownFiles[token] == nil {
                    let name = "t/" + hex(hash)
                    guard !takenNames.contains(name) else { return nil }
                    ownFiles[token] = name
                }
                files.append(File(path: ownFiles[token]! + ".json", bytes: Array(JSONText.object([(token, encoded)]).utf8)))
            } else if let name = ownFiles[token] {
                // A numbered name (`-2`) means another token shares the hash.
                guard !takenNames.contains(name + "-2") && !name.contains("-") else { return nil }
                ownFiles[token] = nil
            }
        }
        var shards = Set(previous.shards)
        for shard in touchedShards.sorted() {
            var t = shardTables[shard] ?? [:]
            for (token, encoded) in updates where Int(PostingsCodec.fnv32(token) % UInt32(previous.shardCount)) == shard {
                if encoded.isEmpty { t[token] = nil } else { t[token] = ownFiles[token] ?? encoded }
            }
            if t.isEmpty {
                shards.remove(shard)
            } else {
                shards.insert(shard)
                files.append(File(path: "s/\(shard).json", bytes: Array(JSONText.object(t.map { ($0.key, $0.value) }).utf8)))
            }
        }
        for i in changed where i < docs.count { files.append(fragment(i, docs[i])) }
        files.append(manifest(count: docs.count, shardCount: previous.shardCount, communities: communities,
                              categories: categories, synonyms: synonyms))

        let written = Set(files.map(\.path))
        var unchanged: [String] = []
        for shard in shards.sorted() where !written.contains("s/\(shard).json") { unchanged.append("s/\(shard).json") }
        for name in Set(ownFiles.values).sorted() where !written.contains(name + ".json") { unchanged.append(name + ".json") }
        for i in 0..<docs.count where !changedSet.contains(i) { unchanged.append("d/\(i).json") }
        let state = SearchIndexState(urls: docs.map(\.url), hashes: hashes, shardCount: previous.shardCount,
                                     total: total, ownFiles: ownFiles, shards: shards.sorted(),
                                     facets: facets.map(\.token), facetPostings: facets.map(\.postings),
                                     inputKeys: inputKeys)
        return (files.sorted { $0.path < $1.path }, unchanged, state)
    }

    /// One notice's tokens (as the index spells them) and impacts.
    static func impacts(_ doc: SearchDocument) -> [String: Int] {
        let t = analyse(doc)
        var result: [String: Int] = [:]
        result.reserveCapacity(t.entries.count)
        for entry in t.entries {
            let token = SearchToken(code: entry.code)
            guard let text = token.isWord ? t.words[entry.code] : token.cjkText else { continue }
            result[text] = impact(entry, bodyLength: t.bodyLength)
        }
        return result
    }
}

extension JSONText {
    /// Reads back what `object` writes: a flat object of strings. Nil for
    /// anything else.
    static func parseObject(_ bytes: [UInt8]) -> [String: String]? {
        var i = 0
        let n = bytes.count
        func string() -> String? {
            guard i < n, bytes[i] == 0x22 else { return nil }
            i += 1
            var out: [UInt8] = []
            while i < n {
                let b = bytes[i]
                if b == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                if b == 0x5C {
                    guard i + 1 < n else { return nil }
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case 0x22, 0x5C, 0x2F: out.append(e)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x75:
                        guard i + 4 <= n, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(v) else { return nil }
                        out += Array(String(scalar).utf8)
                        i += 4
                    default: return nil
                    }
                } else {
                    out.append(b)
                    i += 1
                }
            }
            return nil
        }
        guard n >= 2, bytes[0] == 0x7B else { return nil }
        i = 1
        var result: [String: String] = [:]
        if bytes[i] == 0x7D { return i + 1 == n ? result : nil }
        while i < n {
            guard let key = string(), i < n, bytes[i] == 0x3A else { return nil }
            i += 1
            guard let value = string(), i < n else { return nil }
            result[key] = value
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { return i + 1 == n ? result : nil }
            return nil
        }
        return nil
    }
}
