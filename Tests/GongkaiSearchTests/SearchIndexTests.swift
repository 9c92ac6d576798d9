import Foundation
import Testing
import GongkaiCore
@testable import GongkaiSearch

struct TokenizerTests {
    @Test(arguments: [
        ("低保名单", ["低保", "保名", "名单"]),
        ("2024年财务", ["2024", "年财", "财务"]),
        ("ＧＫ１０４号", ["gk104", "号"]),
        ("村", ["村"]),
        ("宅基地，审批", ["宅基", "基地", "审批"]),
        ("  ", []),
        ("①号地块", ["1", "号地", "地块"]),
    ])
    func queryTokens(_ query: String, _ expected: [String]) {
        #expect(Tokenizer.queryTokens(query) == expected)
    }

    @Test func normalizationMatchesNFKCLowercased() {
        for text in ["ＡＢＣ１２３", "马庄村〔２０２５〕１７号", "面积 120㎡", "Ⅲ 类", "　全角空格", "普通中文，标点。"] {
            #expect(SearchText.normalize(text) == text.precomposedStringWithCompatibilityMapping.lowercased())
        }
    }
}

struct PostingsCodecTests {
    @Test func roundTrip() {
        let postings: [(Int32, Int)] = [(0, 5), (1, 63), (2, 0), (40, 1), (1_000, 17), (99_999, 63)]
        let encoded = PostingsCodec.encode(postings)
        #expect(encoded.utf8.allSatisfy { PostingsCodec.values[$0] != nil })
        let decoded = PostingsCodec.decode(encoded)
        #expect(decoded?.map(\.0) == postings.map(\.0))
        #expect(decoded?.map(\.1) == postings.map(\.1))
        #expect(PostingsCodec.encode([(0, 1), (1, 1)]) == "1111")
    }

    @Test func fnvMatchesTheReferenceValues() {
        #expect(PostingsCodec.fnv32("") == 0x811c9dc5)
        #expect(PostingsCodec.fnv32("a") == 0xe40c292c)
        #expect(PostingsCodec.fnv32("foobar") == 0xbf9cf968)
    }
}

struct SearchIndexBuilderTests {
    static func doc(_ title: String, _ body: String, community: String = "mazhuang", category: String = "dibao",
                    date: String = "2025-01-01", number: String? = nil) -> SearchDocument {
        SearchDocument(url: "\(community)/2025/\(title.count)/index.html", title: title, number: number,
                       communitySlug: community, community: community == "mazhuang" ? "马庄村" : "新华社区",
                       categorySlug: category, category: category == "dibao" ? "低保与救助" : "财务公开",
                       tags: [], date: date, body: body)
    }

    let docs = [
        doc("2025年第二批低保对象公示", "经民主评议，王*明等 3 户纳入最低生活保障。", date: "2025-04-10", number: "马庄村〔2025〕4号"),
        doc("新华社区物业费收支公示", "物业服务费收支情况如下。", community: "xinhua", category: "caiwu", date: "2025-03-01"),
        doc("马庄村3月财务收支公开", "本月收支明细，低保资金单独列支。", category: "caiwu", date: "2025-02-01"),
    ]

    func files() -> [String: String] {
        let built = SearchIndexBuilder.build(docs, communities: [("mazhuang", "马庄村"), ("xinhua", "新华社区")],
                                             categories: [("dibao", "低保与救助"), ("caiwu", "财务公开")],
                                             synonyms: [["低保", "最低生活保障"]])
        return Dictionary(uniqueKeysWithValues: built.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    func postings(_ token: String, in files: [String: String]) throws -> [(Int32, Int)] {
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(files["manifest.json"]!.utf8)) as? [String: Any])
        let shards = try #require(manifest["s"] as? Int)
        let shard = try #require(files["s/\(PostingsCodec.fnv32(token) % UInt32(shards)).json"])
        let table = try #require(try JSONSerialization.jsonObject(with: Data(shard.utf8)) as? [String: String])
        var value = try #require(table[token], "\(token) not in its shard")
        if value.contains("/") {
            let own = try #require(try JSONSerialization.jsonObject(with: Data(files[value + ".json"]!.utf8)) as? [String: String])
            value = try #require(own[token])
        }
        return try #require(PostingsCodec.decode(value))
    }

    @Test func manifestDescribesTheIndex() throws {
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(files()["manifest.json"]!.utf8)) as? [String: Any])
        #expect(manifest["n"] as? Int == 3)
        #expect((manifest["synonyms"] as? [[String]]) == [["低保", "最低生活保障"]])
        #expect((manifest["communities"] as? [[String]])?.first == ["mazhuang", "马庄村"])
        #expect(manifest["v"] as? Int == 2)
        #expect(manifest["q"] == nil, "impacts are per notice: no index-wide score scale")
    }

    @Test func tokensFromEveryFieldPointAtTheirDocuments() throws {
        let f = files()
        #expect(try postings("低保", in: f).map(\.0) == [0, 2])
        #expect(try postings("物业", in: f).map(\.0) == [1])
        #expect(try postings("2025", in: f).map(\.0) == [0])       // title and 文号
        #expect(try postings("马庄", in: f).map(\.0) == [0, 2])      // community name
        #expect(try postings("收支", in: f).map(\.0) == [1, 2])
        #expect(try postings("号", in: f).map(\.0) == [0])          // unigram of the 文号
        let title = try postings("低保", in: f)
        #expect(title[0].1 > title[1].1, "a title match outranks a body match")
    }

    @Test func filtersArePseudoTokens() throws {
        let f = files()
        #expect(try postings("@c:xinhua", in: f).map(\.0) == [1])
        #expect(try postings("@k:caiwu", in: f).map(\.0) == [1, 2])
    }

    @Test func fragmentsCarryWhatAResultShows() throws {
        let fragment = try #require(try JSONSerialization.jsonObject(with: Data(files()["d/0.json"]!.utf8)) as? [String: String])
        #expect(fragment["t"] == "2025年第二批低保对象公示")
        #expect(fragment["u"] == "mazhuang/2025/14/index.html")
        #expect(fragment["c"] == "马庄村")
        #expect(fragment["k"] == "低保与救助")
        #expect(fragment["n"] == "马庄村〔2025〕4号")
        #expect(fragment["x"]?.hasPrefix("经民主评议") == true)
    }

    @Test func largePostingListsGetTheirOwnFile() throws {
        let many = (0..<1500).map { i in Self.doc("公告\(i)", "村务公开内容") }
        let built = SearchIndexBuilder.build(many, communities: [("mazhuang", "马庄村")], categories: [("dibao", "低保与救助")], synonyms: [])
        let f = Dictionary(uniqueKeysWithValues: built.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(f.keys.contains { $0.hasPrefix("t/") })
        #expect(try postings("村务", in: f).count == 1500)
        #expect(f.values.allSatisfy { $0.utf8.count < 40_000 } || f.filter { $0.key.hasPrefix("t/") }.count > 0)
    }

    @Test func sameDocumentsGiveIdenticalFiles() {
        #expect(files() == files())
    }

    @Test func synonymTableFormat() {
        let groups = Synonyms.parse("# 注释\n低保 = 最低生活保障 = 低保户\n\n单独一个\n五保＝特困供养 # 行尾注释\n")
        #expect(groups == [["低保", "最低生活保障", "低保户"], ["五保", "特困供养"]])
    }
}

struct JSONTextTests {
    @Test(arguments: ["普通文字", "引号\"和\\反斜杠", "换行\n回车\r制表\t", "控制\u{01}字符", "行分隔\u{2028}段分隔\u{2029}", ""])
    func stringsRoundTripThroughJSONSerialization(_ text: String) throws {
        let json = "[" + JSONText.string(text) + "]"
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(parsed == [text])
        #expect(!json.contains("\u{2028}") && !json.contains("\n"))
    }

    @Test func objectsKeepTheOrderGivenAndLeaveOutNil() throws {
        var inner = JSONText.Object()
        inner.add("from", "2025-01-01")
        var o = JSONText.Object()
        o.add("a", "引号\"")
        o.add("b", 42)
        o.add("c", nil as String?)
        o.add("d", json: inner.finished())
        #expect(String(decoding: o.finished(), as: UTF8.self) == #"{"a":"引号\"","b":42,"d":{"from":"2025-01-01"}}"#)
        #expect(String(decoding: JSONText.Object().finished(), as: UTF8.self) == "{}")
    }
}

/// The incremental index (issue 5): updating the last build's index for a
/// few changed notices gives, file for file, what a full build gives.
struct SearchIndexUpdateTests {
    static let words = ["低保", "救助", "财务", "收支", "公开", "宅基地", "审批", "工程", "验收", "物业", "停车", "党员",
                        "村民", "代表", "会议", "决议", "补贴", "耕地", "鱼塘", "发包", "2025", "gk104"]

    static func doc(_ i: Int, community: String? = nil, extra: String = "") -> SearchDocument {
        // Deterministic text: common words in every notice (large postings
        // lists with files of their own), rarer ones in some.
        var body = "本村\(words[i % words.count])情况公示。"
        for k in 0..<(i % 7) { body += words[(i * 3 + k) % words.count] + "，" }
        body += "第\(i)号。" + extra
        let slug = community ?? (i % 3 == 0 ? "mazhuang" : "xinhua")
        return SearchDocument(url: "\(slug)/2025/n\(i)/index.html", title: "\(words[(i * 5) % words.count])公示第\(i)期",
                              number: i % 4 == 0 ? "马庄村〔2025〕\(i)号" : nil, communitySlug: slug,
                              community: slug == "mazhuang" ? "马庄村" : "新华社区",
                              categorySlug: i % 2 == 0 ? "caiwu" : "dibao", category: i % 2 == 0 ? "财务公开" : "低保与救助",
                              tags: [], date: "2025-01-01", body: body)
    }

    static let communities = [(slug: "mazhuang", name: "马庄村"), (slug: "xinhua", name: "新华社区"), (slug: "liuhe", name: "柳河村")]
    static let categories = [(slug: "caiwu", name: "财务公开"), (slug: "dibao", name: "低保与救助")]

    static let before = (0..<1500).map { doc($0) }
    static let built = full(before)

    static func full(_ docs: [SearchDocument]) -> (files: [String: [UInt8]], state: SearchIndexState) {
        let built = SearchIndexBuilder.buildWithState(docs, communities: Self.communities, categories: Self.categories,
                                                      synonyms: [["低保", "最低生活保障"]])
        return (Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, $0.bytes) }), built.state)
    }

    @Test(arguments: ["body", "title", "append", "remove last", "category", "two at once", "nothing"])
    func updateEqualsAFullBuild(_ edit: String) throws {
        let before = Self.before
        var after = before
        switch edit {
        case "body": after[7] = Self.doc(7, extra: "另有鱼塘发包收入 1,200 元。")
        case "title": after[700].title = "关于宅基地审批结果的公示"
        case "append": after.append(Self.doc(1500)); after.append(Self.doc(1501, extra: "新增内容"))
        case "remove last": after.removeLast()
        case "category": after[42].categorySlug = "dibao"; after[42].category = "低保与救助"
        case "two at once": after[3].body += "补充说明。"; after[1499].tags = ["停车"]
        default: break
        }
        let old = Self.built
        let expected = Self.full(after)
        let updated = try #require(SearchIndexBuilder.update(
            old.state, docs: after, previousDoc: { before[$0] },
            communities: Self.communities, categories: Self.categories, synonyms: [["低保", "最低生活保障"]],
            read: { old.files[$0] }))
        var files = Dictionary(uniqueKeysWithValues: updated.files.map { ($0.path, $0.bytes) })
        for path in updated.unchanged {
            #expect(files[path] == nil)
            files[path] = old.files[path]
        }
        #expect(Set(files.keys) == Set(expected.files.keys),
                "\(edit): \(Set(files.keys).symmetricDifference(expected.files.keys).sorted().prefix(5))")
        for (path, bytes) in expected.files where files[path] != bytes {
            Issue.record("\(edit): \(path) differs from a full build")
        }
        #expect(updated.state == expected.state)
        #expect(old.state.ownFiles.count > 3, "the test needs large postings lists")
        if edit == "body" { #expect(updated.files.count < 100, "\(updated.files.count) files rewritten") }
    }

    /// With input keys, a notice whose key is unchanged is not hashed again;
    /// the result is still a full build's.
    @Test func inputKeysGiveTheSameUpdate() throws {
        let before = Self.before
        var after = before
        after[7] = Self.doc(7, extra: "另有鱼塘发包收入 1,200 元。")
        after[1499].tags = ["停车"]
        var keys = before.indices.map { UInt64($0) }
        let built = SearchIndexBuilder.buildWithState(before, communities: Self.communities, categories: Self.categories,
                                                      synonyms: [["低保", "最低生活保障"]], inputKeys: keys)
        let old = Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, $0.bytes) })
        keys[7] = 100_007
        keys[1499] = 101_499
        let updated = try #require(SearchIndexBuilder.update(
            built.state, docs: after, previousDoc: { before[$0] },
            communities: Self.communities, categories: Self.categories, synonyms: [["低保", "最低生活保障"]],
            read: { old[$0] }, inputKeys: keys))
        let expected = Self.full(after)
        var files = Dictionary(uniqueKeysWithValues: updated.files.map { ($0.path, $0.bytes) })
        for path in updated.unchanged { files[path] = old[path] }
        #expect(files == expected.files)
        var state = updated.state
        #expect(state.inputKeys == keys)
        state.inputKeys = nil
        #expect(state == expected.state)
    }

    @Test func renumberedOrUnreadableMeansBuildAnew() {
        let before = (0..<50).map { Self.doc($0) }
        let old = Self.full(before)
        var inserted = before
        inserted.insert(Self.doc(999), at: 10)
        #expect(SearchIndexBuilder.update(old.state, docs: inserted, previousDoc: { before[$0] },
                                          communities: Self.communities, categories: Self.categories, synonyms: [],
                                          read: { old.files[$0] }) == nil)
        var edited = before
        edited[5].body += "改"
        #expect(SearchIndexBuilder.update(old.state, docs: edited, previousDoc: { before[$0] },
                                          communities: Self.communities, categories: Self.categories, synonyms: [],
                                          read: { _ in nil }) == nil)
        // The notice the cache remembers is not the one that was indexed.
        #expect(SearchIndexBuilder.update(old.state, docs: edited, previousDoc: { _ in Self.doc(0, extra: "别的") },
                                          communities: Self.communities, categories: Self.categories, synonyms: [],
                                          read: { old.files[$0] }) == nil)
    }

    @Test func impactsDependOnTheirOwnNoticeOnly() throws {
        func postings(_ files: [String: [UInt8]]) -> [String: [(Int32, Int)]] {
            var result: [String: [(Int32, Int)]] = [:]
            for (path, bytes) in files where path.hasPrefix("s/") {
                for (token, value) in JSONText.parseObject(bytes) ?? [:] {
                    let list = value.contains("/") ? JSONText.parseObject(files[value + ".json"]!)![token]! : value
                    result[token] = PostingsCodec.decode(list)
                }
            }
            return result
        }
        var docs = (0..<60).map { Self.doc($0) }
        let a = postings(Self.full(docs).files)
        docs[4].body += String(repeating: "很长的补充说明，", count: 200)
        let b = postings(Self.full(docs).files)
        var compared = 0
        for (token, list) in a {
            let others = list.filter { $0.0 != 4 }.map { "\($0.0):\($0.1)" }
            #expect(others == (b[token] ?? []).filter { $0.0 != 4 }.map { "\($0.0):\($0.1)" }, "\(token)")
            compared += 1
        }
        #expect(compared > 100)
    }
}
