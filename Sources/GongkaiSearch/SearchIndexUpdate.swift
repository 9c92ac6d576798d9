import GongkaiCore

extension SearchIndexBuilder {
    public struct Update: Sendable {
        /// Files that changed (written anew).
        public var files: [File]
        /// Files of the last build's index that stay as they are.
        public var unchanged: [String]
        public var state: SearchIndexState
    }

    /// Updates the index the last build wrote for the notices that were
    /// added, changed, moved or removed (of any date); the result is byte
    /// for byte what `buildWithState` makes of `docs`. Impacts depend on
    /// their own notice only (idf is the client's) and a notice's number on
    /// its own month, so only the lists of the changed notices' tokens, the
    /// shards that hold them and their fragments change.
    ///
    /// `previousDoc(url)`: the notice at `url` as the last build indexed it
    /// (its hash is checked); `read(path)`: a file of the last build's
    /// index. Nil when the index has to be built anew: too many changes,
    /// numbers of other notices would move (a month's block outgrown, a
    /// month added or emptied before the last one), the shard count
    /// changes, a large list's file name is taken or freed, a common bigram
    /// becomes uncommon, or anything it cannot read.
    public static func update(
        _ previous: SearchIndexState, notices: [SearchIdentity], document: (Int) -> SearchDocument,
        previousDoc: (String) -> SearchDocument?, synonyms: [[String]], read: (String) -> [UInt8]?, limit: Int = 64
    ) -> Update? {
        explainedUpdate(previous, notices: notices, document: document, previousDoc: previousDoc, synonyms: synonyms,
                        read: read, limit: limit).update
    }

    /// `update`, and why it gave up when it did (for tests).
    static func explainedUpdate(
        _ previous: SearchIndexState, notices: [SearchIdentity], document: (Int) -> SearchDocument,
        previousDoc: (String) -> SearchDocument?, synonyms: [[String]], read: (String) -> [UInt8]?, limit: Int = 64
    ) -> (update: Update?, reason: String) {
        withoutActuallyEscaping(previousDoc) { previousDoc in
            withoutActuallyEscaping(read) { read in
                withoutActuallyEscaping(document) { document in
                    var updater = Updater(previous: previous, notices: notices, document: document,
                                          previousDoc: previousDoc, read: read, limit: limit)
                    let update = updater.run(synonyms: synonyms)
                    return (update, updater.reason)
                }
            }
        }
    }

    /// The same for documents given whole (tests): identities from their URLs and dates.
    static func explainedUpdate(_ previous: SearchIndexState, docs: [SearchDocument], previousDoc: (String) -> SearchDocument?,
                                synonyms: [[String]], read: (String) -> [UInt8]?, limit: Int = 64,
                                inputKeys: [UInt64]? = nil) -> (update: Update?, reason: String) {
        let identities = docs.indices.map { i in SearchIdentity.of(docs[i], input: inputKeys?[i] ?? 0) }
        return explainedUpdate(previous, notices: identities, document: { docs[$0] }, previousDoc: previousDoc,
                               synonyms: synonyms, read: read, limit: limit)
    }

    public static func update(_ previous: SearchIndexState, docs: [SearchDocument], previousDoc: (String) -> SearchDocument?,
                              synonyms: [[String]], read: (String) -> [UInt8]?, limit: Int = 64,
                              inputKeys: [UInt64]? = nil) -> Update? {
        explainedUpdate(previous, docs: docs, previousDoc: previousDoc, synonyms: synonyms, read: read, limit: limit,
                        inputKeys: inputKeys).update
    }
}

/// One update's work (`SearchIndexBuilder.update`).
private struct Updater {
    typealias B = SearchIndexBuilder

    let previous: SearchIndexState
    let notices: [SearchIdentity]
    let document: (Int) -> SearchDocument
    let previousDoc: (String) -> SearchDocument?
    let read: (String) -> [UInt8]?
    let limit: Int

    init(previous: SearchIndexState, notices: [SearchIdentity], document: @escaping (Int) -> SearchDocument,
         previousDoc: @escaping (String) -> SearchDocument?, read: @escaping (String) -> [UInt8]?, limit: Int) {
        self.previous = previous
        self.notices = notices
        self.document = document
        self.previousDoc = previousDoc
        self.read = read
        self.limit = limit
    }

    /// The documents of the notices that changed, made once.
    var made: [Int: SearchDocument] = [:]
    mutating func doc(_ i: Int) -> SearchDocument {
        if let d = made[i] { return d }
        let d = document(i)
        made[i] = d
        return d
    }

    /// A notice that changed: where it was and is, and what it holds.
    struct Change {
        var url: String
        var old: Int?          // index in previous (number order)
        var new: Int?          // index in docs
        var oldNumber: Int32?
        var newNumber: Int32?
        var contentChanged: Bool
    }

    // Per-token edits: numbers removed, (number, impact) added.
    struct Edit {
        var scored: Bool
        var removes: [(Int32, UInt8)] = []
        var adds: [(Int32, UInt8)] = []
    }

    var edits: [[UInt8]: Edit] = [:]
    /// Why the update gave up, if it did.
    var reason = ""

    mutating func fail<T>(_ why: String, line: Int = #line) -> T? {
        reason = "\(why) (line \(line))"
        return nil
    }
    var shardTables: [Int: ShardTable?] = [:]

    mutating func run(synonyms: [[String]]) -> SearchIndexBuilder.Update? {
        let p = previous
        let n = p.urls.count
        guard p.keys.count == n, p.numbers.count == n, p.days.count == n, p.months.count == n, p.hashes.count == n,
              p.inputs.count == n, p.communities.count == n, p.categories.count == n else { return fail("") }
        let count = notices.count

        // 1. Which notices are new, gone, changed or moved to another month.
        var oldOf = KeyTable(capacity: n)
        for (j, key) in p.keys.enumerated() { guard oldOf.insert(key, j) else { return fail("two notices, one key") } }
        var matched = [Bool](repeating: false, count: n)
        var old = [Int](repeating: -1, count: count)     // each notice's index in the last build, or -1
        var newHashes = [UInt64](repeating: 0, count: count)
        var changes: [Change] = []
        var affected: Set<Int32> = []
        for i in 0..<count {
            let id = notices[i]
            guard let j = oldOf[id.key], !matched[j] else {
                let d = doc(i)
                newHashes[i] = d.stableHash
                changes.append(Change(url: d.url, old: nil, new: i, contentChanged: true))
                affected.insert(DocumentNumbers.block(id.month))
                if changes.count > limit { return fail("too many") }
                continue
            }
            matched[j] = true
            old[i] = j
            let moved = id.month != p.months[j] || id.day != p.days[j]
            if id.input != 0 && id.input == p.inputs[j] && !moved {
                newHashes[i] = p.hashes[j]
                continue
            }
            let d = doc(i)
            let hash = d.stableHash
            newHashes[i] = hash
            if hash != p.hashes[j] || moved || d.url != p.urls[j] {
                changes.append(Change(url: d.url, old: j, new: i, contentChanged: hash != p.hashes[j]))
                if moved {
                    affected.insert(DocumentNumbers.block(id.month))
                    affected.insert(DocumentNumbers.block(p.months[j]))
                }
                if changes.count > limit { return fail("too many") }
            }
        }
        for j in 0..<n where !matched[j] {
            changes.append(Change(url: p.urls[j], old: j, new: nil, contentChanged: true))
            affected.insert(DocumentNumbers.block(p.months[j]))
            if changes.count > limit { return fail("too many") }
        }

        // 2. Numbers: only the affected months' notices can move.
        var numberOf = [Int32](repeating: -1, count: count)
        var changed = [Bool](repeating: false, count: count)
        for c in changes { if let i = c.new { changed[i] = true } }
        for i in 0..<count where old[i] >= 0 && !affected.contains(DocumentNumbers.block(notices[i].month)) {
            numberOf[i] = p.numbers[old[i]]
        }
        guard renumber(affected, old: old, numberOf: &numberOf) != nil else { return fail("a month's block size changes") }
        // Notices in affected months that kept their content but not their number.
        for i in 0..<count where !changed[i] && affected.contains(DocumentNumbers.block(notices[i].month)) {
            let j = old[i]
            if numberOf[i] != p.numbers[j] {
                changed[i] = true
                changes.append(Change(url: p.urls[j], old: j, new: i, contentChanged: false))
                if changes.count > limit { return fail("too many") }
            }
        }
        for k in changes.indices {
            if let j = changes[k].old { changes[k].oldNumber = p.numbers[j] }
            if let i = changes[k].new { changes[k].newNumber = numberOf[i] }
        }
        let oldAll = p.numbers
        var newAll = numberOf
        newAll.sort()
        for k in 1..<max(1, newAll.count) where newAll[k] == newAll[k - 1] { return fail("two notices, one number") }

        // 3. Each changed notice's tokens, before and after.
        var counts = TokenCounts()
        defer { counts.release() }
        for c in changes {
            var before: (terms: B.DocTerms, words: [UInt64: [UInt8]])?
            if let j = c.old {
                guard let old = previousDoc(c.url), old.stableHash == p.hashes[j] else { return fail("") }
                let terms = B.analyse(old, counts: &counts)
                before = (terms, Dictionary(terms.words.map { ($0.code, $0.text) }, uniquingKeysWith: { a, _ in a }))
            }
            var after: (terms: B.DocTerms, words: [UInt64: [UInt8]])?
            if let i = c.new {
                if !c.contentChanged, let before {
                    after = before
                } else {
                    let terms = B.analyse(doc(i), counts: &counts)
                    after = (terms, Dictionary(terms.words.map { ($0.code, $0.text) }, uniquingKeysWith: { a, _ in a }))
                }
            }
            let sameNumber = c.oldNumber != nil && c.oldNumber == c.newNumber
            var oldValues: [UInt64: UInt8] = [:]
            if let before {
                for (k, code) in before.terms.codes.enumerated() { oldValues[code] = before.terms.values[k] }
            }
            var newValues: [UInt64: UInt8] = [:]
            if let after {
                for (k, code) in after.terms.codes.enumerated() { newValues[code] = after.terms.values[k] }
            }
            func text(_ code: UInt64) -> [UInt8]? {
                let t = SearchToken(code: code)
                return t.isWord || t.isHashedTrigram ? (after?.words[code] ?? before?.words[code]) : t.cjkUTF8
            }
            for (code, value) in oldValues where !(sameNumber && newValues[code] == value) {
                guard let t = text(code) else { return fail("") }
                edits[t, default: Edit(scored: true)].removes.append((c.oldNumber!, value))
            }
            for (code, value) in newValues where !(sameNumber && oldValues[code] == value) {
                guard let t = text(code) else { return fail("") }
                edits[t, default: Edit(scored: true)].adds.append((c.newNumber!, value))
            }
            let oldTri = Set(before?.terms.trigrams ?? []), newTri = Set(after?.terms.trigrams ?? [])
            for code in oldTri where !(sameNumber && newTri.contains(code)) {
                guard let t = text(code) else { return fail("a trigram's text") }
                edits[t, default: Edit(scored: false)].removes.append((c.oldNumber!, 0))
            }
            for code in newTri where !(sameNumber && oldTri.contains(code)) {
                guard let t = text(code) else { return fail("a trigram's text") }
                edits[t, default: Edit(scored: false)].adds.append((c.newNumber!, 0))
            }
            let oldFacets = c.old.map { ["@c:" + p.communities[$0], "@k:" + p.categories[$0]] } ?? []
            let newFacets = c.new.map { i -> [String] in let d = doc(i); return ["@c:" + d.communitySlug, "@k:" + d.categorySlug] } ?? []
            for f in oldFacets where !(sameNumber && newFacets.contains(f)) {
                edits[Array(f.utf8), default: Edit(scored: false)].removes.append((c.oldNumber!, 0))
            }
            for f in newFacets where !(sameNumber && oldFacets.contains(f)) {
                edits[Array(f.utf8), default: Edit(scored: false)].adds.append((c.newNumber!, 0))
            }
        }
        // Complement lists change with every notice added or removed, and a
        // list near half of the notices may change its form.
        var tracked = p.tracked
        for (token, df) in p.tracked where count != n && (2 * Int(df) > n || 2 * Int(df) > count) {
            let t = Array(token.utf8)
            if edits[t] == nil { edits[t] = Edit(scored: false) }
        }

        // 4. The new lists.
        let oldLarge = p.largeFiles
        func isLargeOld(_ text: [UInt8]) -> Bool { oldLarge[String(decoding: text, as: UTF8.self)] != nil }
        var results: [Result] = []
        results.reserveCapacity(edits.count)
        for (text, edit) in edits.sorted(by: { utf8Less($0.key, $1.key) }) {
            guard let r = apply(edit, to: text, oldAll: oldAll, newAll: newAll, large: isLargeOld) else { return fail("a list could not be read") }
            if !edit.scored {
                let key = String(decoding: text, as: UTF8.self)
                if 2 * r.df >= p.trackedFrom { tracked[key] = Int32(r.df) } else { tracked[key] = nil }
            }
            results.append(r)
        }
        guard count >= p.trackedFrom else { return fail("fewer notices than the tracked lists allow") }

        // 5. Large lists: names, and the bigrams whose trigrams move.
        var largeFiles = oldLarge
        let takenNames = Set(oldLarge.values)
        var newNames: Set<String> = []
        var flippedToLarge: [[UInt8]] = []
        var files: [B.File] = []
        for k in results.indices {
            let key = String(decoding: results[k].text, as: UTF8.self)
            let wasLarge = oldLarge[key] != nil
            guard let list = results[k].new else {
                if wasLarge { guard freeable(oldLarge[key]!, key: key, taken: takenNames) else { return fail("a large list's name") } }
                largeFiles[key] = nil
                continue
            }
            switch list {
            case .inline:
                if wasLarge {
                    // A common bigram become uncommon: its trigrams would come
                    // back from shards nobody can list.
                    guard freeable(oldLarge[key]!, key: key, taken: takenNames) else { return fail("a large list's name") }
                    largeFiles[key] = nil
                }
            case .large(let tiers):
                var name = oldLarge[key]
                if name == nil {
                    let fresh = "t/" + PostingsCodec.hex(PostingsCodec.fnv32(results[k].text))
                    guard !takenNames.contains(fresh), newNames.insert(fresh).inserted else { return fail("a large list's name is taken") }
                    largeFiles[key] = fresh
                    name = fresh
                    if SearchToken(code: Self.code(results[k].text)).isBigram { flippedToLarge.append(results[k].text) }
                }
                for (suffix, bytes) in tiers { files.append(B.File(path: name! + suffix + ".json", bytes: FlatJSON.object([(results[k].text, bytes)]))) }
            }
        }
        func isLargeNew(_ text: [UInt8]) -> Bool { largeFiles[String(decoding: text, as: UTF8.self)] != nil }

        // 6. Entries: where each changed token was and is.
        var total = p.total
        var removals: [Int: Set<[UInt8]>] = [:]
        var insertions: [Int: [[UInt8]: [UInt8]]] = [:]
        func shard(_ text: [UInt8], large: ([UInt8]) -> Bool) -> Int {
            Int(PostingsCodec.fnv32(anchor(text, large: large)) % UInt32(p.shardCount))
        }
        for r in results {
            let key = String(decoding: r.text, as: UTF8.self)
            if let old = r.oldValue {
                total -= B.entrySize(r.text.count, old.count)
                removals[shard(r.text, large: isLargeOld), default: []].insert(r.text)
            }
            if let new = r.new {
                let value: [UInt8]
                switch new {
                case .inline(let v): value = v
                case .large: value = B.pointer(largeFiles[key]!, df: r.df)
                }
                total += B.entrySize(r.text.count, value.count)
                insertions[shard(r.text, large: isLargeNew), default: [:]][r.text] = value
            }
        }
        guard B.shardCount(total: total) == p.shardCount else { return fail("the shard count changes") }
        // Trigrams that went with a bigram now large go elsewhere.
        let edited = Set(results.map(\.text))
        for bigram in flippedToLarge {
            let s = shard(bigram, large: isLargeOld)
            guard let table = table(s) else { return fail("a shard could not be read") }
            for e in table.entries {
                let key = Array(table.bytes[e.key])
                let bare = key.first == UInt8(ascii: "^") ? Array(key.dropFirst()) : key
                guard !edited.contains(key), bare.count >= 9, Self.isTrigram(bare) else { continue }
                let oldShard = shard(key, large: isLargeOld)
                let newShard = shard(key, large: isLargeNew)
                guard oldShard == s, newShard != s else { continue }
                removals[s, default: []].insert(key)
                insertions[newShard, default: [:]][key] = Array(table.bytes[e.value])
            }
        }

        // 7. Shards, fragments, manifest.
        for s in Set(removals.keys).union(insertions.keys).sorted() {
            guard let table = table(s) else { return fail("a shard could not be read") }
            let gone = removals[s] ?? []
            var entries: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
            entries.reserveCapacity(table.entries.count + (insertions[s]?.count ?? 0))
            for e in table.entries {
                let key = table.bytes[e.key]
                if gone.contains(Array(key)) { continue }
                entries.append((key, table.bytes[e.value]))
            }
            for (key, value) in insertions[s] ?? [:] { entries.append((key[...], value[...])) }
            entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
            files.append(B.File(path: "s/\(s).json", bytes: FlatJSON.object(slices: entries)))
        }
        for c in changes { if let i = c.new, let number = c.newNumber { files.append(B.fragment(number, doc(i))) } }
        let stateDocs = newStateArrays(changes: changes, old: old, numberOf: numberOf, hashes: newHashes)
        let stamp = B.stampSum(hashes: stateDocs.hashes, numbers: stateDocs.numbers)
        files.append(B.manifest(count: count, shardCount: p.shardCount, stamp: stamp, synonyms: synonyms))
        files.sort { $0.path < $1.path }

        let state = SearchIndexState(
            keys: stateDocs.keys, urls: stateDocs.urls, numbers: stateDocs.numbers, days: stateDocs.days, months: stateDocs.months,
            hashes: stateDocs.hashes, inputs: stateDocs.inputs, communities: stateDocs.communities,
            categories: stateDocs.categories, shardCount: p.shardCount, total: total, largeFiles: largeFiles,
            tracked: tracked, trackedFrom: p.trackedFrom, synonyms: B.synonymsHash(synonyms))
        return SearchIndexBuilder.Update(files: files, unchanged: state.files(except: Set(files.map(\.path))), state: state)
    }

    /// Whether a large list's file name can be given up: not when another
    /// large list shares its hash (a full build would number them anew).
    func freeable(_ name: String, key: String, taken: Set<String>) -> Bool {
        !name.contains("-") && !taken.contains(name + "-2")
    }

    // MARK: - Lists

    enum NewList {
        case inline([UInt8])
        /// The files of a large list that changed: suffix ("" or "r") and value.
        case large([(String, [UInt8])])
    }

    struct Result {
        var text: [UInt8]
        var scored: Bool
        /// The shard entry's value in the last build (nil: not in the index).
        var oldValue: [UInt8]?
        var new: NewList?
        var df: Int
    }

    /// One token's edit applied to its list in the last build. A large
    /// scored list is read and written only in the tiers the edit touches
    /// (a notice's posting is strong or not by its impact).
    mutating func apply(_ edit: Edit, to text: [UInt8], oldAll: [Int32], newAll: [Int32],
                        large: ([UInt8]) -> Bool) -> Result? {
        let code = Self.code(text)
        let key = String(decoding: text, as: UTF8.self)
        let s = Int(PostingsCodec.fnv32(anchor(text, large: large)) % UInt32(previous.shardCount))
        guard let table = table(s) else { return nil }
        let oldValue = table.value(text).map { Array($0) }
        func merged(_ list: PostingsCodec.Scored, removes: [(Int32, UInt8)], adds: [(Int32, UInt8)]) -> PostingsCodec.Scored? {
            let gone = Set(removes.map(\.0))
            let adds = adds.sorted { $0.0 < $1.0 }
            var out = PostingsCodec.Scored()
            out.numbers.reserveCapacity(list.count + adds.count)
            if edit.scored { out.impacts.reserveCapacity(list.count + adds.count) }
            var a = 0
            for k in 0..<list.count where !gone.contains(list.numbers[k]) {
                while a < adds.count && adds[a].0 < list.numbers[k] {
                    out.numbers.append(adds[a].0); if edit.scored { out.impacts.append(adds[a].1) }
                    a += 1
                }
                if a < adds.count && adds[a].0 == list.numbers[k] { return nil }
                out.numbers.append(list.numbers[k])
                if edit.scored { out.impacts.append(list.impacts[k]) }
            }
            while a < adds.count {
                out.numbers.append(adds[a].0); if edit.scored { out.impacts.append(adds[a].1) }
                a += 1
            }
            return out
        }
        func finish(_ list: PostingsCodec.Scored) -> Result {
            guard list.count > 0 else { return Result(text: text, scored: edit.scored, oldValue: oldValue, new: nil, df: 0) }
            let made = B.tokenList(text: text, code: code, scored: edit.scored, list: list, all: newAll)
            let new: NewList = !made.large ? .inline(made.full)
                : .large(edit.scored ? [("", made.high), ("r", made.rest)] : [("", made.full)])
            return Result(text: text, scored: edit.scored, oldValue: oldValue, new: new, df: list.count)
        }

        guard let name = previous.largeFiles[key] else {
            // Inline (or new).
            var list = PostingsCodec.Scored()
            if let v = oldValue {
                if edit.scored {
                    guard let d = PostingsCodec.decodeScored(v[...]) else { return nil }
                    list = d
                } else {
                    guard let d = PostingsCodec.decodeMembership(v[...], all: oldAll) else { return nil }
                    list.numbers = d
                }
            }
            return merged(list, removes: edit.removes, adds: edit.adds).map(finish)
        }
        guard let pointer = oldValue, let slash = pointer.lastIndex(of: UInt8(ascii: "/")),
              let df = Int(String(decoding: pointer[(slash + 1)...], as: UTF8.self)) else { return nil }
        func tier(_ suffix: String) -> [UInt8]? {
            guard let pairs = read(name + suffix + ".json").flatMap(FlatJSON.parse), pairs.count == 1, pairs[0].key == text else { return nil }
            return pairs[0].value
        }
        if !edit.scored {
            guard let bytes = tier(""), let numbers = PostingsCodec.decodeMembership(bytes[...], all: oldAll),
                  let list = merged(PostingsCodec.Scored(numbers: numbers, impacts: []), removes: edit.removes, adds: edit.adds)
            else { return nil }
            return finish(list)
        }
        // A large scored list, tier by tier.
        let strong = B.strongImpact
        var parts: [(suffix: String, bytes: [UInt8], touched: Bool)] = []
        for (suffix, isStrong) in [("", true), ("r", false)] {
            guard let bytes = tier(suffix) else { return nil }
            let removes = edit.removes.filter { ($0.1 >= strong) == isStrong }
            let adds = edit.adds.filter { ($0.1 >= strong) == isStrong }
            if removes.isEmpty && adds.isEmpty {
                parts.append((suffix, bytes, false))
                continue
            }
            guard let list = PostingsCodec.decodeScored(bytes[...]), let edited = merged(list, removes: removes, adds: adds)
            else { return nil }
            parts.append((suffix, PostingsCodec.encode(edited), true))
        }
        let newDF = df - edit.removes.count + edit.adds.count
        // The tiers' lengths together are at most the whole list's: while
        // they exceed the limit, the list stays large.
        if parts[0].bytes.count + parts[1].bytes.count > B.ownFileBytes {
            return Result(text: text, scored: true, oldValue: oldValue,
                          new: .large(parts.filter(\.touched).map { ($0.suffix, $0.bytes) }), df: newDF)
        }
        guard let high = PostingsCodec.decodeScored(parts[0].bytes[...]), let rest = PostingsCodec.decodeScored(parts[1].bytes[...])
        else { return nil }
        var whole = PostingsCodec.Scored()
        var a = 0, b = 0
        while a < high.count || b < rest.count {
            if b >= rest.count || (a < high.count && high.numbers[a] < rest.numbers[b]) {
                whole.numbers.append(high.numbers[a]); whole.impacts.append(high.impacts[a]); a += 1
            } else {
                whole.numbers.append(rest.numbers[b]); whole.impacts.append(rest.impacts[b]); b += 1
            }
        }
        return finish(whole)
    }

    // MARK: - Numbers

    /// Numbers for the notices of the affected months (the others keep
    /// theirs); nil when the busiest month's block size changes (every
    /// number would move).
    mutating func renumber(_ affected: Set<Int32>, old: [Int], numberOf: inout [Int32]) -> Bool? {
        guard !affected.isEmpty else { return true }
        var counts: [Int32: Int] = [:]
        for m in previous.months { counts[DocumentNumbers.block(m), default: 0] += 1 }
        let oldSize = DocumentNumbers.size(busiest: counts.values.max() ?? 0)
        var members: [Int32: [Int]] = [:]
        for (i, id) in notices.enumerated() where affected.contains(DocumentNumbers.block(id.month)) {
            members[DocumentNumbers.block(id.month), default: []].append(i)
        }
        for b in affected { counts[b] = members[b]?.count ?? 0 }
        let size = DocumentNumbers.size(busiest: counts.values.max() ?? 0)
        guard size == oldSize else { return nil }
        for (b, list) in members {
            var keyed: [(day: Int32, url: [UInt8])] = []
            for i in list { keyed.append((notices[i].day, Array((old[i] >= 0 ? previous.urls[old[i]] : doc(i).url).utf8))) }
            let slots = DocumentNumbers.slots(keyed, size: size)
            for (k, i) in list.enumerated() { numberOf[i] = b * size + slots[k] }
        }
        return true
    }

    // MARK: - State arrays

    struct StateArrays {
        var keys: [UInt64] = []
        var urls: [String] = []
        var numbers: [Int32] = []
        var days: [Int32] = []
        var months: [Int32] = []
        var hashes: [UInt64] = []
        var inputs: [UInt64] = []
        var communities: [String] = []
        var categories: [String] = []
    }

    /// The per-notice arrays in number order: the last build's, without the
    /// changed notices, merged with the changed notices as they are now.
    mutating func newStateArrays(changes: [Change], old: [Int], numberOf: [Int32], hashes: [UInt64]) -> StateArrays {
        let p = previous
        var gone = [Bool](repeating: false, count: p.urls.count)
        for c in changes { if let j = c.old { gone[j] = true } }
        let fresh = changes.compactMap(\.new).sorted { numberOf[$0] < numberOf[$1] }
        var out = StateArrays()
        let count = notices.count
        out.keys.reserveCapacity(count); out.urls.reserveCapacity(count); out.numbers.reserveCapacity(count)
        out.days.reserveCapacity(count); out.months.reserveCapacity(count); out.hashes.reserveCapacity(count)
        out.inputs.reserveCapacity(count); out.communities.reserveCapacity(count); out.categories.reserveCapacity(count)
        // The input key of a notice kept as it was is this build's.
        var inputOfOld = [UInt64](repeating: 0, count: p.urls.count)
        for (i, j) in old.enumerated() where j >= 0 { inputOfOld[j] = notices[i].input }
        var j = 0, f = 0
        while j < p.urls.count || f < fresh.count {
            if j < p.urls.count && gone[j] { j += 1; continue }
            if f >= fresh.count || (j < p.urls.count && p.numbers[j] < numberOf[fresh[f]]) {
                out.keys.append(p.keys[j]); out.urls.append(p.urls[j]); out.numbers.append(p.numbers[j])
                out.days.append(p.days[j]); out.months.append(p.months[j]); out.hashes.append(p.hashes[j])
                out.inputs.append(inputOfOld[j]); out.communities.append(p.communities[j]); out.categories.append(p.categories[j])
                j += 1
            } else {
                let i = fresh[f]
                let d = doc(i)
                out.keys.append(notices[i].key); out.urls.append(d.url); out.numbers.append(numberOf[i])
                out.days.append(notices[i].day); out.months.append(notices[i].month); out.hashes.append(hashes[i])
                out.inputs.append(notices[i].input); out.communities.append(d.communitySlug); out.categories.append(d.categorySlug)
                f += 1
            }
        }
        return out
    }

    // MARK: - Reading the last build's files

    /// A shard of the last build (nil: unreadable).
    mutating func table(_ s: Int) -> ShardTable? {
        if let t = shardTables[s] { return t }
        let parsed = read("s/\(s).json").flatMap(ShardTable.init)
        shardTables[s] = parsed
        return parsed
    }

    /// Where a token's entry lives (`SearchIndexBuilder.anchor`), by text.
    func anchor(_ text: [UInt8], large: ([UInt8]) -> Bool) -> [UInt8] {
        if text.first == UInt8(ascii: "^") { return anchor(Array(text.dropFirst()), large: large) }
        guard text.count >= 9, Self.isTrigram(text) else { return text }
        let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        let head = Array((String(scalars[0]) + String(scalars[1])).utf8)
        let tail = Array((String(scalars[1]) + String(scalars[2])).utf8)
        if !large(head) { return head }
        if !large(tail) { return tail }
        return text
    }

    static func isTrigram(_ text: [UInt8]) -> Bool {
        let scalars = String(decoding: text, as: UTF8.self).unicodeScalars
        return scalars.count == 3 && scalars.allSatisfy { SearchText.isCJK($0.value) }
    }

    /// A token's code from its text (0 for a filter).
    static func code(_ text: [UInt8]) -> UInt64 {
        if text.first == UInt8(ascii: "@") { return 0 }
        if text.first == UInt8(ascii: "^") { return code(Array(text.dropFirst())) | SearchToken.titleFlag }
        let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        let idx = scalars.map { CJKIndex.index($0.value) }
        if idx.contains(where: { $0 != 0 }) && idx.contains(0) { return SearchToken.hashedTrigram(text) }
        if !idx.isEmpty && idx.allSatisfy({ $0 != 0 }) {
            switch idx.count {
            case 1: return SearchToken.unigram(idx[0])
            case 2: return SearchToken.bigram(idx[0], idx[1])
            case 3: return SearchToken.trigram(idx[0], idx[1], idx[2])
            default: break
            }
        }
        var h: UInt64 = 0xcbf29ce484222325
        for b in text {
            h ^= UInt64(b)
            h &*= 0x100000001b3
        }
        return SearchToken.word(h)
    }
}

/// A shard file read for an update: its bytes and where each entry's key
/// and value are (keys and values of the index need no JSON escapes, so
/// they are used as they are).
struct ShardTable {
    let bytes: [UInt8]
    var entries: [(key: Range<Int>, value: Range<Int>)] = []

    init?(bytes: [UInt8]) {
        self.bytes = bytes
        var i = 0
        let n = bytes.count
        func string() -> Range<Int>? {
            guard i < n, bytes[i] == 0x22 else { return nil }
            let start = i + 1
            var k = start
            while k < n && bytes[k] != 0x22 {
                if bytes[k] == 0x5C { return nil }
                k += 1
            }
            guard k < n else { return nil }
            i = k + 1
            return start..<k
        }
        guard n >= 2, bytes[0] == 0x7B else { return nil }
        i = 1
        if bytes[i] == 0x7D { guard n == 2 else { return nil }; return }
        while i < n {
            guard let key = string(), i < n, bytes[i] == 0x3A else { return nil }
            i += 1
            guard let value = string(), i < n else { return nil }
            entries.append((key, value))
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { guard i + 1 == n else { return nil }; return }
            return nil
        }
        return nil
    }

    /// The value of the entry with this key (entries are in key order).
    func value(_ key: [UInt8]) -> ArraySlice<UInt8>? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let k = bytes[entries[mid].key]
            if k.elementsEqual(key) { return bytes[entries[mid].value] }
            if k.lexicographicallyPrecedes(key) { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }
}
