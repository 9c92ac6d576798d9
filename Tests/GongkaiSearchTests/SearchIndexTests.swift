import Foundation
import Testing
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
        #expect((manifest["q"] as? Double ?? 0) > 0)
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
}
