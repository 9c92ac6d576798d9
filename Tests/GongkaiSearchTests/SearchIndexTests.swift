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

    @Test(arguments: [
        ("中华人民共和国环境保护法", 12),
        ("中华人民共和国环境保护法（2023年修订）", 12),
        ("畜禽规模养殖污染防治条例(2021年修订) ", 12),
        ("村规民约（试行）", 4),
        ("（草案）", 4),
        ("关于（一）组的说明", 9),
        ("名单（第一批）（补充）", 7),
    ])
    func titleLengthLeavesOutAClosingNote(_ title: String, _ length: Int) {
        #expect(SearchIndexBuilder.titleLength(title) == length)
    }

    @Test(arguments: [
        ("中华人民共和国环境保护法", ["⟨中华", "护法⟩"]),
        ("中华人民共和国环境保护法（2023年修订）", ["⟨中华", "护法⟩"]),
        ("《马庄村2025年9月财务收支公开》", ["⟨马庄", "公开⟩"]),
        ("ＧＫ１０４号 公示", ["⟨gk104号", "公示⟩"]),
        ("2025 ABC", []),
        ("村", []),
        ("2025年 GK104", ["⟨2025年", "年gk104⟩"]),
    ])
    func titleAnchorsMarkBothEnds(_ title: String, _ expected: [String]) {
        #expect(SearchIndexBuilder.titleAnchors(title).map { String(decoding: $0, as: UTF8.self) } == expected.map {
            $0.replacingOccurrences(of: "⟨", with: "\u{27E8}").replacingOccurrences(of: "⟩", with: "\u{27E9}")
        })
    }

    @Test func trigramsOfRunsOfThreeOrMore() {
        #expect(Tokenizer.queryTrigrams("民主管理") == ["民主管", "主管理"])
        #expect(Tokenizer.queryTrigrams("低保 名单") == [])
        #expect(Tokenizer.queryTrigrams("2024年宅基地") == ["年宅基", "宅基地"])
    }

    @Test func normalizationMatchesNFKCLowercased() {
        for text in ["ＡＢＣ１２３", "马庄村〔２０２５〕１７号", "面积 120㎡", "Ⅲ 类", "　全角空格", "普通中文，标点。"] {
            #expect(SearchText.normalize(text) == text.precomposedStringWithCompatibilityMapping.lowercased())
        }
    }

    @Test func cjkIndexRoundTripsEveryRange() {
        for v: UInt32 in [0x3041, 0x30FF, 0x3400, 0x4DBF, 0x4E00, 0x6751, 0x9FFF, 0xAC00, 0xD7AF, 0xF900, 0xFAFF, 0x20000, 0x3134F] {
            let i = CJKIndex.index(v)
            #expect(i > 0 && i < (1 << 17))
            #expect(CJKIndex.scalar(UInt32(i)) == v)
        }
        #expect(CJKIndex.index(0x41) == 0 && CJKIndex.index(0x3001) == 0)
        let token = SearchToken(code: SearchToken.trigram(CJKIndex.index(0x4E2D), CJKIndex.index(0x534E), CJKIndex.index(0x20000)))
        #expect(token.cjkText == "中华\u{20000}")
        #expect(SearchToken(code: token.trigramHead).cjkText == "中华")
        #expect(SearchToken(code: token.trigramTail).cjkText == "华\u{20000}")
    }
}

struct PostingsCodecTests {
    @Test func scoredRoundTrip() throws {
        let list = PostingsCodec.Scored(numbers: [0, 1, 2, 40, 1_000, 99_999], impacts: [5, 63, 1, 1, 17, 63])
        let encoded = PostingsCodec.encode(list)
        #expect(encoded.allSatisfy { PostingsCodec.values[Int($0)] >= 0 })
        #expect(PostingsCodec.decodeScored(encoded[...]) == list)
        #expect(String(decoding: PostingsCodec.encode(.init(numbers: [0, 1], impacts: [1, 1])), as: UTF8.self) == "1111")
        #expect(PostingsCodec.decodeScored(Array("1".utf8)[...]) == nil, "a gap without its impact")
    }

    @Test func membershipListsTakeTheShorterForm() throws {
        let all: [Int32] = [3, 5, 8, 13, 21, 34]
        let few: [Int32] = [5, 21]
        let many: [Int32] = [3, 5, 8, 13, 34]
        let a = PostingsCodec.encodeMembership(few, all: all)
        let b = PostingsCodec.encodeMembership(many, all: all)
        #expect(a.first != UInt8(ascii: "~"))
        #expect(String(decoding: b, as: UTF8.self).hasPrefix("~"), "more than half: the complement")
        #expect(PostingsCodec.decodeMembership(a[...], all: all) == few)
        #expect(PostingsCodec.decodeMembership(b[...], all: all) == many)
    }

    @Test func fnvMatchesTheReferenceValues() {
        #expect(PostingsCodec.fnv32("") == 0x811c9dc5)
        #expect(PostingsCodec.fnv32("a") == 0xe40c292c)
        #expect(PostingsCodec.fnv32("foobar") == 0xbf9cf968)
    }
}

struct DocumentNumbersTests {
    func n(_ month: Int32, _ day: Int32, _ url: String) -> (month: Int32, day: Int32, url: [UInt8]) {
        (month, day, Array(url.utf8))
    }

    @Test func newerMonthsGetLargerNumbersAndDaysOrderAMonth() {
        let notices = [n(24_300, 20, "a"), n(24_300, 2, "b"), n(24_299, 28, "c"), n(24_301, 1, "d")]
        let numbers: [Int32] = DocumentNumbers.assign(notices).numbers
        #expect(numbers[2] < numbers[1])
        #expect(numbers[1] < numbers[0])
        #expect(numbers[0] < numbers[3])
    }

    /// A notice added to one month (even the oldest) leaves every other
    /// month's numbers alone, and most of its own month's.
    @Test func addingANoticeMovesNothingElse() {
        var notices: [(month: Int32, day: Int32, url: [UInt8])] = []
        for m: Int32 in 0..<24 {
            for k in 0..<Int(5 + m % 7) { notices.append(n(24_000 + m, Int32(1 + (k * 7) % 28), "c/\(m)/\(k)")) }
        }
        let before = DocumentNumbers.assign(notices)
        for month: Int32 in [24_000, 24_011, 24_023] {
            var more = notices
            more.append(n(month, 15, "c/new"))
            let after = DocumentNumbers.assign(more)
            guard before.size == after.size else { continue }
            var moved = 0
            for i in notices.indices where before.numbers[i] != after.numbers[i] {
                #expect(notices[i].month == month)
                moved += 1
            }
            #expect(moved <= 2, "\(moved) notices renumbered")
            #expect(Set(after.numbers).count == more.count)
        }
    }
}

struct FragmentHeadingsTests {
    @Test func chineseNumbersAsLawsWriteThem() {
        let cases = [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (100, "一百"), (101, "一百零一"),
                     (110, "一百一十"), (120, "一百二十"), (999, "九百九十九")]
        for (n, text) in cases {
            #expect(FragmentHeadings.chineseNumber(n) == text)
            #expect(FragmentHeadings.articleNumber("第\(text)条") == n)
        }
        #expect(FragmentHeadings.articleNumber("第一十条") == nil, "not how the number is written")
        #expect(FragmentHeadings.articleNumber("第三章") == nil)
    }

    @Test func articlesInARowTakeAFewBytes() throws {
        let h = { (t: String, a: String) in SearchDocument.Heading(text: t, anchor: a) }
        let headings = [h("第一章　总则", "第一章-总则"), h("第一条", "第一条"), h("第二条", "第二条"), h("第三条", "第三条"),
                        h("第二章　土地承包", "第二章-土地承包"), h("第四条", "第四条"), h("第五条【环境卫生】", "第五条环境卫生"),
                        h("说明", "说明")]
        let json = String(decoding: FragmentHeadings.encode(headings, limit: 1500), as: UTF8.self)
        #expect(json == #"["第一章　总则#第一章-总则",[1,3],"第二章　土地承包#第二章-土地承包",[4,4],"第五条【环境卫生】#第五条环境卫生","说明"]"#)
    }
}

/// Reads an index the way the client does (docs/search-index.md).
struct IndexReader {
    let files: [String: [UInt8]]
    let manifest: [String: Any]

    init(_ files: [String: [UInt8]]) throws {
        self.files = files
        manifest = try #require(try JSONSerialization.jsonObject(with: Data(files["manifest.json"]!)) as? [String: Any])
    }

    var shards: Int { manifest["s"] as! Int }

    func table(_ path: String) -> [String: String] {
        guard let bytes = files[path], let pairs = FlatJSON.parse(bytes) else { return [:] }
        return Dictionary(pairs.map { (String(decoding: $0.key, as: UTF8.self), String(decoding: $0.value, as: UTF8.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    func entry(_ token: String) -> String? {
        if token.hasPrefix("^") {
            let bare = String(token.dropFirst())
            let scalars = Array(bare.unicodeScalars)
            var anchor = bare
            if scalars.count == 3 && scalars.allSatisfy({ SearchText.isCJK($0.value) }) {
                let head = String(scalars[0]) + String(scalars[1]), tail = String(scalars[1]) + String(scalars[2])
                if !(entry(head)?.contains("/") ?? false) { anchor = head } else if !(entry(tail)?.contains("/") ?? false) { anchor = tail }
            }
            return table("s/\(PostingsCodec.fnv32(anchor) % UInt32(shards)).json")[token]
        }
        let scalars = Array(token.unicodeScalars)
        var candidates = [token]
        if scalars.count == 3 && scalars.allSatisfy({ SearchText.isCJK($0.value) }) {
            let head = String(scalars[0]) + String(scalars[1]), tail = String(scalars[1]) + String(scalars[2])
            candidates = []
            if !(entry(head)?.contains("/") ?? false) { candidates.append(head) }
            if !(entry(tail)?.contains("/") ?? false) { candidates.append(tail) }
            candidates.append(token)
            return table("s/\(PostingsCodec.fnv32(candidates[0]) % UInt32(shards)).json")[token]
        }
        return table("s/\(PostingsCodec.fnv32(token) % UInt32(shards)).json")[token]
    }

    /// A scored token's postings (both tiers of a large list).
    func scored(_ token: String) throws -> [(Int32, UInt8)] {
        let value = try #require(entry(token), "\(token) not in its shard")
        var lists: [String] = [value]
        if let slash = value.lastIndex(of: "/") {
            let name = String(value[..<slash])
            lists = [try #require(table(name + ".json")[token]), try #require(table(name + "r.json")[token])]
        }
        var out: [(Int32, UInt8)] = []
        for l in lists {
            let decoded = try #require(PostingsCodec.decodeScored(Array(l.utf8)[...]))
            out += zip(decoded.numbers, decoded.impacts).map { ($0, $1) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    func membership(_ token: String, all: [Int32]) throws -> [Int32] {
        var value = try #require(entry(token), "\(token) not in its shard")
        if let slash = value.lastIndex(of: "/") { value = try #require(table(String(value[..<slash]) + ".json")[token]) }
        return try #require(PostingsCodec.decodeMembership(Array(value.utf8)[...], all: all))
    }
}

struct SearchIndexBuilderTests {
    static func doc(_ title: String, _ body: String, community: String = "mazhuang", category: String = "dibao",
                    date: String = "2025-01-01", number: String? = nil, headings: [SearchDocument.Heading] = []) -> SearchDocument {
        SearchDocument(url: "\(community)/2025/\(title.count)/index.html", title: title, number: number,
                       communitySlug: community, community: community == "mazhuang" ? "马庄村" : "新华社区",
                       categorySlug: category, category: category == "dibao" ? "低保与救助" : "财务公开",
                       tags: [], date: date, body: body, headings: headings)
    }

    let docs = [
        doc("2025年第二批低保对象公示", "经民主评议，王*明等 3 户纳入最低生活保障。", date: "2025-04-10", number: "马庄村〔2025〕4号"),
        doc("新华社区物业费收支公示", "物业服务费收支情况如下。", community: "xinhua", category: "caiwu", date: "2025-03-01"),
        doc("马庄村3月财务收支公开", "本月收支明细，低保资金单独列支。", category: "caiwu", date: "2025-02-01"),
        doc("马庄村村规民约", "第一章　总则\n第一条　为了……\n第二章　环境卫生\n第二条　垃圾入桶。", date: "2024-06-01",
            headings: [.init(text: "第一章　总则", anchor: "第一章-总则"), .init(text: "第一条", anchor: "第一条"),
                       .init(text: "第二章　环境卫生", anchor: "第二章-环境卫生"), .init(text: "第二条", anchor: "第二条")]),
    ]

    func built() -> (files: [String: [UInt8]], state: SearchIndexState) {
        let built = SearchIndexBuilder.buildWithState(docs, synonyms: [["低保", "最低生活保障"]])
        return (Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, $0.bytes) }), built.state)
    }

    func number(_ i: Int, _ state: SearchIndexState) -> Int32 { state.numbers[state.urls.firstIndex(of: docs[i].url)!] }

    @Test func manifestDescribesTheIndex() throws {
        let manifest = try IndexReader(built().files).manifest
        #expect(manifest["v"] as? Int == 3)
        #expect(manifest["n"] as? Int == 4)
        #expect((manifest["synonyms"] as? [[String]]) == [["低保", "最低生活保障"]])
        #expect(manifest["b"] is String)
        #expect(manifest["communities"] == nil, "the page lists them; the manifest stays small")
    }

    @Test func tokensFromEveryFieldPointAtTheirDocuments() throws {
        let (files, state) = built()
        let r = try IndexReader(files)
        func docs(_ token: String) throws -> [Int32] { try r.scored(token).map(\.0) }
        #expect(try docs("低保") == [number(0, state), number(2, state), number(3, state)].sorted())   // title, body, category
        #expect(try docs("物业") == [number(1, state)])
        #expect(try docs("2025") == [number(0, state)])          // title and 文号
        #expect(try docs("马庄").count == 3)                       // community name
        #expect(try docs("号") == [number(0, state)])            // unigram of the 文号
        #expect(try docs("环境") == [number(3, state)])           // a heading
        let title = try r.scored("低保")
        #expect(title.first { $0.0 == number(0, state) }!.1 > title.first { $0.0 == number(2, state) }!.1,
                "a title match outranks a body match")
        #expect(r.entry("本") == nil, "body characters alone are not indexed")
    }

    @Test func headingsWeighBetweenTitleAndBody() throws {
        let body = String(repeating: "村民应当遵守本村规民约，维护公共秩序。", count: 40)
        let docs = [
            Self.doc("村规民约", body + "第三章　土地承包\n" + body,
                     headings: [.init(text: "第三章　土地承包", anchor: "第三章-土地承包")]),
            Self.doc("两委会议纪要", "会议还学习了有关土地承包的规定。"),
            Self.doc("土地承包合同公示", "土地承包合同如下。"),
        ]
        let built = SearchIndexBuilder.buildWithState(docs, synonyms: [])
        let r = try IndexReader(Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, $0.bytes) }))
        let postings = Dictionary(uniqueKeysWithValues: try r.scored("土地").map { ($0.0, $0.1) })
        let n = { (i: Int) in built.state.numbers[built.state.urls.firstIndex(of: docs[i].url)!] }
        #expect(postings[n(0)]! > postings[n(1)]!, "a long notice's heading outranks a passing mention")
        #expect(postings[n(2)]! > postings[n(0)]!, "a title outranks a heading")
    }

    @Test func trigramsAndFiltersAreMembershipLists() throws {
        let (files, state) = built()
        let r = try IndexReader(files)
        #expect(try r.membership("最低生", all: state.numbers) == [number(0, state)])
        #expect(try r.membership("2025年第", all: state.numbers) == [number(0, state)], "a word and CJK characters in a row")
        #expect(try r.membership("^低保对", all: state.numbers) == [number(0, state)], "in the title")
        #expect(try r.membership("低保资", all: state.numbers) == [number(2, state)])
        #expect(r.entry("^低保资") == nil, "only in the body")
        #expect(try r.membership("^环境卫", all: state.numbers) == [number(3, state)], "in a heading")
        #expect(try r.membership("^约第一", all: state.numbers) == [number(3, state)], "a heading reads as following the title")
        #expect(r.entry("约第") == nil, "…for phrases only")
        #expect(try r.membership("@c:xinhua", all: state.numbers) == [number(1, state)])
        #expect(try r.membership("@k:caiwu", all: state.numbers) == [number(1, state), number(2, state)].sorted())
        #expect(try r.membership("@c:mazhuang", all: state.numbers).count == 3)
        #expect(r.entry("@c:mazhuang")?.hasPrefix("~") == true, "three of four: written as the one left out")
    }

    @Test func fragmentsCarryWhatAResultShows() throws {
        let (files, state) = built()
        let fragment = try #require(try JSONSerialization.jsonObject(with: Data(files["d/\(number(0, state)).json"]!)) as? [String: Any])
        #expect(fragment["t"] as? String == "2025年第二批低保对象公示")
        #expect(fragment["u"] as? String == "mazhuang/2025/14/index.html")
        #expect(fragment["c"] as? String == "马庄村")
        #expect(fragment["k"] as? String == "低保与救助")
        #expect(fragment["n"] as? String == "马庄村〔2025〕4号")
        #expect((fragment["x"] as? String)?.hasPrefix("经民主评议") == true)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(files["d/\(number(3, state)).json"]!)) as? [String: Any])
        #expect((rules["h"] as? [Any])?.count == 4)
    }

    @Test func largeListsAreSplitIntoTheStrongAndTheRest() throws {
        let filler = String(repeating: "群众意见已经收集整理，", count: 20)
        let many = (0..<1500).map { i in Self.doc(i % 10 == 0 ? "村务公开第\(i)期" : "公告\(i)", "村务公开内容" + String(i) + filler) }
        let built = SearchIndexBuilder.buildWithState(many, synonyms: [])
        let f = Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, $0.bytes) })
        let r = try IndexReader(f)
        let value = try #require(r.entry("村务"))
        #expect(value.hasSuffix("/1500"), "a large list's entry names its file and its length: \(value)")
        let name = String(value[..<value.lastIndex(of: "/")!])
        let strong = try #require(PostingsCodec.decodeScored(Array(r.table(name + ".json")["村务"]!.utf8)[...]))
        #expect(strong.count == 150 && strong.impacts.allSatisfy { $0 >= SearchIndexBuilder.strongImpact })
        #expect(try r.scored("村务").count == 1500)
        #expect(f.filter { $0.key.hasPrefix("s/") }.allSatisfy { $0.value.count < 8_000 })
    }

    @Test func sameDocumentsGiveIdenticalFiles() {
        #expect(built().files == built().files)
        let reversed = SearchIndexBuilder.buildWithState(docs.reversed(), synonyms: [["低保", "最低生活保障"]])
        #expect(Dictionary(uniqueKeysWithValues: reversed.files.map { ($0.path, $0.bytes) }) == built().files,
                "numbers come from dates and URLs, not the order given")
    }

    @Test func stateReadsBackAndRefusesDamage() throws {
        let state = built().state
        let bytes = state.serialized()
        #expect(SearchIndexState(serialized: bytes) == state)
        var damaged = bytes
        damaged[damaged.count / 2] ^= 1
        #expect(SearchIndexState(serialized: damaged) == nil)
        #expect(SearchIndexState(serialized: Array(bytes.dropLast(3))) == nil)
        #expect(SearchIndexState(serialized: Array("{垃圾".utf8)) == nil)
    }

    @Test func synonymTableFormat() {
        let groups = Synonyms.parse("# 注释\n低保 = 最低生活保障 = 低保户\n\n单独一个\n五保＝特困供养 # 行尾注释\n")
        #expect(groups == [["低保", "最低生活保障", "低保户"], ["五保", "特困供养"]])
    }
}

/// The incremental index: updating the last build's index for a few
/// changed notices gives, file for file, what a full build gives.
struct SearchIndexUpdateTests {
    static let words = ["低保", "救助", "财务", "收支", "公开", "宅基地", "审批", "工程", "验收", "物业", "停车", "党员",
                        "村民", "代表", "会议", "决议", "补贴", "耕地", "鱼塘", "发包", "2025", "gk104", "村民委员会", "民主管理"]

    static func doc(_ i: Int, community: String? = nil, extra: String = "", date: String? = nil) -> SearchDocument {
        // Deterministic text: common words in every notice (large lists
        // with files of their own), rarer ones in some.
        var body = "本村\(words[i % words.count])情况公示。村民委员会村务监督委员会监督电话。"
        for k in 0..<(i % 7) { body += words[(i * 3 + k) % words.count] + "，" }
        body += "第\(i)号。" + extra
        let slug = community ?? (i % 3 == 0 ? "mazhuang" : "xinhua")
        let month = 1 + (i * 7) % 12, day = 1 + (i * 11) % 28
        return SearchDocument(url: "\(slug)/2025/n\(i)/index.html", title: "\(words[(i * 5) % words.count])公示第\(i)期",
                              number: i % 4 == 0 ? "马庄村〔2025〕\(i)号" : nil, communitySlug: slug,
                              community: slug == "mazhuang" ? "马庄村" : "新华社区",
                              categorySlug: i % 2 == 0 ? "caiwu" : "dibao", category: i % 2 == 0 ? "财务公开" : "低保与救助",
                              tags: [], date: date ?? String(format: "%04d-%02d-%02d", 2018 + i % 7, month, day), body: body,
                              headings: i % 5 == 0 ? [.init(text: "第一章　\(words[i % words.count])", anchor: "第一章")] : [])
    }

    static let synonyms = [["低保", "最低生活保障"]]
    static let before = (0..<1500).map { doc($0) }
    static let built = full(before)

    static func full(_ docs: [SearchDocument]) -> (files: [String: [UInt8]], state: SearchIndexState) {
        let built = SearchIndexBuilder.buildWithState(docs, synonyms: synonyms)
        return (Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, $0.bytes) }), built.state)
    }

    /// The update of `old` to `after` (nil: it built anew), checked against a full build.
    @discardableResult
    static func check(_ old: (files: [String: [UInt8]], state: SearchIndexState), _ before: [SearchDocument],
                      _ after: [SearchDocument], _ label: String) throws -> (files: [String: [UInt8]], state: SearchIndexState)? {
        let byURL = Dictionary(before.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        let explained = SearchIndexBuilder.explainedUpdate(
            old.state, docs: after, previousDoc: { byURL[$0] }, synonyms: synonyms, read: { old.files[$0] })
        guard let updated = explained.update else {
            print("\(label): built anew: \(explained.reason)")
            return nil
        }
        var files = Dictionary(uniqueKeysWithValues: updated.files.map { ($0.path, $0.bytes) })
        for path in updated.unchanged {
            #expect(files[path] == nil, "\(label): \(path) both written and unchanged")
            files[path] = old.files[path]
        }
        let expected = full(after)
        #expect(Set(files.keys) == Set(expected.files.keys),
                "\(label): \(Set(files.keys).symmetricDifference(expected.files.keys).sorted().prefix(5))")
        var differing: [String] = []
        for (path, bytes) in expected.files where files[path] != bytes { differing.append(path) }
        #expect(differing.isEmpty, "\(label): \(differing.count) files differ from a full build, e.g. \(differing.sorted().prefix(3))")
        let a = updated.state, b = expected.state
        #expect(a.urls == b.urls && a.numbers == b.numbers && a.days == b.days && a.months == b.months, "\(label): notices")
        #expect(a.hashes == b.hashes && a.communities == b.communities && a.categories == b.categories, "\(label): hashes")
        #expect(a.shardCount == b.shardCount && a.total == b.total, "\(label): shards \(a.total) \(b.total)")
        #expect(a.largeFiles == b.largeFiles, "\(label): large \(a.largeFiles.count) \(b.largeFiles.count)")
        // The update keeps its window of tracked lists; where both track a list, they agree.
        #expect(a.tracked.filter { b.tracked[$0.key] != nil && b.tracked[$0.key] != $0.value }.isEmpty, "\(label): tracked")
        #expect(b.tracked.allSatisfy { a.tracked[$0.key] != nil || 2 * Int($0.value) < a.trackedFrom }, "\(label): untracked")
        #expect(a.synonyms == b.synonyms && a.inputs == b.inputs && a.keys == b.keys, "\(label): synonyms, keys")
        return (files, updated.state)
    }

    @Test(arguments: ["body", "title", "today", "backdated", "oldest", "remove", "rename", "category", "community", "date",
                      "headings", "two at once", "nothing"])
    func updateEqualsAFullBuild(_ edit: String) throws {
        var after = Self.before
        switch edit {
        case "body": after[7] = Self.doc(7, extra: "另有鱼塘发包收入 1,200 元。")
        case "title": after[700].title = "关于宅基地审批结果的公示"
        case "today": after.append(Self.doc(1500, date: "2025-06-30"))
        case "backdated": after.append(Self.doc(1501, extra: "新增内容", date: "2021-03-15"))
        case "oldest": after.append(Self.doc(1502, date: "2018-01-01"))
        case "remove": after.remove(at: 333)
        case "rename": after[42].url = "xinhua/2025/renamed/index.html"
        case "category": after[42].categorySlug = "dibao"; after[42].category = "低保与救助"
        case "community": after[43].communitySlug = "liuhe"; after[43].community = "柳河村"
        case "date": after[44].date = "2019-02-03"
        case "headings": after[45].headings = [.init(text: "第二章　民主管理", anchor: "第二章-民主管理")]
        case "two at once": after[3].body += "补充说明。"; after[1499].tags = ["停车"]
        default: break
        }
        #expect(Self.built.state.largeFiles.count > 10, "the test needs large lists")
        let result = try Self.check(Self.built, Self.before, after, edit)
        #expect(result != nil, "\(edit): built anew instead of updated")
    }

    @Test func manyUpdatesInARowStayAFullBuild() throws {
        var docs = Array(Self.before.prefix(400))
        var current = Self.full(docs)
        var updated = 0
        var next = 2000
        for step in 0..<30 {
            let before = docs
            switch step % 5 {
            case 0: docs.append(Self.doc(next, date: "2019-0\(1 + step % 9)-1\(step % 9)")); next += 1
            case 1: docs.remove(at: (step * 37) % docs.count)
            case 2: docs[(step * 13) % docs.count].body += "又及：\(Self.words[step % Self.words.count])。"
            case 3: docs[(step * 17) % docs.count].title = "更正：" + Self.words[step % Self.words.count]
            default: docs.append(Self.doc(next, date: "2024-12-2\(step % 9)")); next += 1
            }
            if let result = try Self.check(current, before, docs, "step \(step)") {
                current = result
                updated += 1
            } else {
                current = Self.full(docs)
            }
        }
        #expect(updated >= 24, "\(updated) of 30 updated")
    }

    @Test func unreadableOrStaleMeansBuildAnew() {
        let before = Array(Self.before.prefix(50))
        let old = Self.full(before)
        var edited = before
        edited[5].body += "改动说明"
        let byURL = Dictionary(before.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(SearchIndexBuilder.update(old.state, docs: edited, previousDoc: { byURL[$0] }, synonyms: [],
                                          read: { _ in nil }) == nil)
        // The notice the cache remembers is not the one that was indexed.
        #expect(SearchIndexBuilder.update(old.state, docs: edited, previousDoc: { _ in Self.doc(0, extra: "别的") },
                                          synonyms: [], read: { old.files[$0] }) == nil)
        // Too many changes.
        let all = before.map { d -> SearchDocument in var d = d; d.body += "。"; return d }
        #expect(SearchIndexBuilder.update(old.state, docs: all, previousDoc: { byURL[$0] }, synonyms: [],
                                          read: { old.files[$0] }, limit: 10) == nil)
    }

    /// With input keys, a notice whose key is unchanged is not hashed again;
    /// the result is still a full build's.
    @Test func inputKeysGiveTheSameUpdate() throws {
        let before = Self.before
        var after = before
        after[7] = Self.doc(7, extra: "另有鱼塘发包收入 1,200 元。")
        after[1499].tags = ["停车"]
        var keys = before.indices.map { UInt64($0 + 1) }
        let built = SearchIndexBuilder.buildWithState(before, synonyms: Self.synonyms,
                                                      identities: before.indices.map { SearchIdentity.of(before[$0], input: keys[$0]) })
        let old = Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, $0.bytes) })
        keys[7] = 100_007
        keys[1499] = 101_499
        let byURL = Dictionary(before.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        let updated = try #require(SearchIndexBuilder.update(
            built.state, docs: after, previousDoc: { byURL[$0] }, synonyms: Self.synonyms,
            read: { old[$0] }, inputKeys: keys))
        let expected = SearchIndexBuilder.buildWithState(after, synonyms: Self.synonyms,
                                                         identities: after.indices.map { SearchIdentity.of(after[$0], input: keys[$0]) })
        var files = Dictionary(uniqueKeysWithValues: updated.files.map { ($0.path, $0.bytes) })
        for path in updated.unchanged { files[path] = old[path] }
        #expect(files == Dictionary(uniqueKeysWithValues: expected.files.map { ($0.path, $0.bytes) }))
        #expect(updated.state == expected.state)
        #expect(updated.files.count < 400, "\(updated.files.count) files rewritten")
    }

    @Test func impactsDependOnTheirOwnNoticeOnly() throws {
        var docs = (0..<60).map { Self.doc($0) }
        let a = Self.full(docs)
        docs[4].body += String(repeating: "很长的补充说明，", count: 200)
        let b = Self.full(docs)
        let ra = try IndexReader(a.files), rb = try IndexReader(b.files)
        let four = a.state.numbers[a.state.urls.firstIndex(of: docs[4].url)!]
        var compared = 0
        for token in ["低保", "救助", "财务", "公示", "村民", "2025", "gk104"] {
            let x = try ra.scored(token).filter { $0.0 != four }.map { "\($0.0):\($0.1)" }
            let y = try rb.scored(token).filter { $0.0 != four }.map { "\($0.0):\($0.1)" }
            #expect(x == y, "\(token)")
            compared += 1
        }
        #expect(compared == 7)
    }
}
