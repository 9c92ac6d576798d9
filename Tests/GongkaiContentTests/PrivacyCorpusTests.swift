@testable import GongkaiContent
import Testing

/// The privacy guard on generated material (docs/design.md §8): a corpus of
/// codes and file names as other systems write them, with no alarm at all,
/// and a corpus of real personal numbers in the forms clerks paste, each one
/// caught. Both are generated from a fixed seed, so a failure names the same
/// text every run.
struct PrivacyCorpusTests {
    /// SplitMix64: small, fast, the same sequence on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        mutating func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(int(0...9))) }) }
        mutating func hex(_ n: Int) -> String { String((0..<n).map { _ in pick(Array("0123456789abcdef")) }) }
        mutating func hexLetter() -> String { String(pick(Array("abcdef"))) }
        mutating func upper(_ n: Int) -> String { String((0..<n).map { _ in pick(Array("ABCDEFGHJKLMNPQRSTUVWXYZ")) }) }
    }

    // MARK: - Personal numbers, made valid

    static let mobilePrefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "145", "147", "149",
                                 "150", "151", "152", "153", "155", "156", "157", "158", "159", "162", "165", "166",
                                 "167", "170", "171", "172", "173", "175", "176", "177", "178", "180", "181", "182",
                                 "183", "184", "185", "186", "187", "188", "189", "190", "191", "192", "193", "195",
                                 "196", "197", "198", "199", "1340", "1348", "1619", "1740", "1749", "13492", "17410"]

    static func mobile(_ r: inout Random) -> String {
        let prefix = r.pick(mobilePrefixes)
        return prefix + r.digits(11 - prefix.count)
    }

    static func luhnCheck(_ body: String) -> String {
        var sum = 0
        for (k, ch) in body.reversed().enumerated() {
            var v = Int(String(ch))!
            if k % 2 == 0 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
        }
        return String((10 - sum % 10) % 10)
    }

    static func card(_ r: inout Random) -> String {
        let bin = r.pick(["622848", "621700", "623059", "622202", "621226", "622588", "625965", "436742", "955880"])
        let length = r.pick([16, 19])
        let body = bin + r.digits(length - 1 - bin.count)
        return body + luhnCheck(body)
    }

    static func idNumber(_ r: inout Random) -> String {
        let province = r.pick(Array(PrivacyScanner.provinces).sorted())
        let year = r.int(1930...2015), month = r.int(1...12), day = r.int(1...28)
        let body = String(province) + r.digits(4) + String(year) + String(format2: month) + String(format2: day) + r.digits(3)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return body + ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"][sum % 11]
    }

    /// A unified social credit code (GB 32100-2015) with its check character;
    /// `digitsOnly` keeps the organisation code and the check all digits.
    static func creditCode(_ r: inout Random, digitsOnly: Bool) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        while true {
            var body = r.pick(["1", "5", "9", "9", "9"]) + r.pick(["1", "2", "3", "9"])
            body += String(r.pick(Array(PrivacyScanner.provinces).sorted())) + r.digits(4)
            let letter = { (r: inout Random) in String(r.pick(Array("ABCDEFGHJKLMNPQRTUWXY"))) }
            body += digitsOnly ? r.digits(9) : r.pick(["MA", "MB", "MA1", "MA3"]) + letter(&r) + r.digits(3) + letter(&r)
            body = String(body.prefix(17))
            while body.count < 17 { body += r.digits(1) }
            var sum = 0, weight = 1
            for ch in body {
                sum += alphabet.firstIndex(of: ch)! * weight
                weight = weight * 3 % 31
            }
            let check = alphabet[(31 - sum % 31) % 31]
            if digitsOnly && !check.isNumber { continue }
            return body + String(check)
        }
    }

    /// A personal number of any kind, written as one run of digits.
    static func anyNumber(_ r: inout Random) -> String {
        switch r.int(0...3) {
        case 0, 1: return mobile(&r)
        case 2: return card(&r)
        default: return idNumber(&r)
        }
    }

    /// A mobile or a bank card: what a code written with digits only can
    /// look like. (A random code with a valid ID check digit, province and
    /// birth date is a one-in-ten-thousand accident, and such a code after
    /// a label is still reported: an ID number is too specific to be let through.)
    static func mobileOrCard(_ r: inout Random) -> String {
        r.int(0...2) == 0 ? card(&r) : mobile(&r)
    }

    // MARK: - The code corpus

    /// Codes and file names as other systems write them. Many have a real
    /// personal number inside (`anyNumber`) glued to letters or after a code
    /// label: the cases that raised false alarms.
    static func codes(count: Int) -> [(text: String, embedded: String?)] {
        var r = Random(state: 20_261_208)
        var result: [(String, String?)] = []
        let extensions = ["pdf", "docx", "xlsx", "jpg", "png", "txt", "csv", "ofd"]
        while result.count < count {
            switch result.count % 16 {
            case 0:  // hex ids from a document system, a number glued between letters
                let n = anyNumber(&r)
                result.append((r.hex(r.int(2...10)) + r.hexLetter() + n + r.hexLetter() + r.hex(r.int(2...12)) + "." + r.pick(extensions), n))
            case 1:  // hex id ending in the number, e.g. an object key
                let n = mobile(&r)
                result.append(("附件" + r.hex(r.int(4...20)) + r.hexLetter() + n + "." + r.pick(extensions), n))
            case 2:  // UUIDs, the last group ending with digits
                let n = mobile(&r)
                result.append(("\(r.hex(8))-\(r.hex(4))-4\(r.hex(3))-\(r.pick(["8", "9", "a", "b"]))\(r.hex(3))-\(r.hexLetter())\(n)", n))
            case 3:  // plain UUIDs and hashes
                let uuid = "\(r.hex(8))-\(r.hex(4))-4\(r.hex(3))-\(r.pick(["8", "9", "a", "b"]))\(r.hex(3))-\(r.hex(12))"
                result.append((r.pick([uuid, r.hex(32), r.hex(40), "sha256:" + r.hex(64)]), nil))
            case 4:  // asset numbers
                let n = anyNumber(&r)
                let forms = ["资产编号：ZC-\(r.int(2015...2026))-\(n)", "GDZC\(n)", "ZC\(r.int(2015...2026))\(n)",
                             "固定资产卡片 \(r.upper(2))-\(n)-\(r.digits(3))", "设备 \(r.upper(3))\(n)"]
                result.append((r.pick(forms), n))
            case 5:  // serial numbers, with letters or after a serial label
                let n = mobileOrCard(&r)
                let forms = ["SN:\(n)", "S/N \(n)", "序列号 \(n)", "SN\(n)", "产品序列号：\(r.upper(2))\(n)", "IMEI：\(n)"]
                result.append((r.pick(forms), n))
            case 6:  // invoice codes and check codes
                let check = (0..<4).map { _ in r.digits(5) }.joined(separator: " ")
                let forms = ["发票代码 \(r.digits(12)) 发票号码 \(r.digits(8))", "校验码：\(check)",
                             "全电发票号码 \(r.int(24...26))\(r.digits(18))", "发票号码：\(mobile(&r))\(r.digits(9))",
                             "校验码 \(r.digits(20))"]
                result.append((r.pick(forms), nil))
            case 7:  // unified social credit codes, bare and labelled
                let code = creditCode(&r, digitsOnly: r.int(0...1) == 0)
                result.append((r.pick([code, "统一社会信用代码：\(code)", "（信用代码 \(code)）", "纳税人识别号 \(code)"]), nil))
            case 8:  // order, transaction and waybill numbers
                let n = mobileOrCard(&r)
                let forms = ["订单号：\(n)", "交易流水号 \(n)", "流水号\(n)", "运单号 SF\(n)", "快递单号：YT\(n)",
                             "京东订单号 \(n)", "工单号 \(r.upper(2))\(n)", "凭证号：\(n)"]
                result.append((r.pick(forms), n))
            case 9:  // camera and app file names
                let y = r.int(2015...2026), mo = String(format2: r.int(1...12)), d = String(format2: r.int(1...28))
                let t = String(format2: r.int(0...23)) + String(format2: r.int(0...59)) + String(format2: r.int(0...59))
                let forms = ["IMG_\(y)\(mo)\(d)_\(t).jpg", "mmexport\(r.int(1_500_000_000...1_800_000_000))\(r.digits(3)).jpg",
                             "wx_camera_\(r.int(1_500_000_000...1_800_000_000))\(r.digits(3)).jpg",
                             "Screenshot_\(y)-\(mo)-\(d)-\(t.prefix(2))-\(t.dropFirst(2).prefix(2))-\(t.suffix(2))-\(r.digits(3))_com.tencent.mm.png",
                             "微信图片_\(y)\(mo)\(d)\(t).jpg", "VID_\(y)\(mo)\(d)_\(t)\(r.digits(3)).mp4",
                             "scan\(mobile(&r))\(r.hexLetter()).pdf"]
                result.append((r.pick(forms), nil))
            case 10:  // contract, archive and certificate numbers with letters
                let n = anyNumber(&r)
                let forms = ["合同编号：HT-\(r.int(2015...2026))-\(n)", "档案号 DA\(n)", "证书编号：\(r.upper(1))\(n)",
                             "许可证号 JY\(n)", "批准文号：国药准字H\(n)", "备案号 \(r.upper(3))\(n)\(r.upper(1))"]
                result.append((r.pick(forms), n))
            case 11:  // device and card identifiers
                let forms = ["ICCID 8986\(r.digits(16))", "IMEI \(r.pick(["86", "35"]))\(r.digits(13))",
                             "车架号 L\(r.upper(2))\(r.digits(3))\(r.upper(2))\(r.digits(9))",
                             "ISBN 978-7-\(r.digits(3))-\(r.digits(5))-\(r.digits(1))",
                             "MAC \((0..<6).map { _ in r.hex(2) }.joined(separator: ":"))"]
                result.append((r.pick(forms), nil))
            case 12:  // land and property unit numbers
                let forms = ["不动产单元号 \(r.digits(12))GB\(r.digits(5))F\(r.digits(8))",
                             "宗地号 \(r.digits(6))\(r.digits(6))JC\(r.digits(5))",
                             "不动产权证号 鲁（\(r.int(2015...2026))）\(r.pick(["济南", "章丘"]))市不动产权第\(r.digits(7))号"]
                result.append((r.pick(forms), nil))
            case 13:  // time stamps and dates with digits
                let forms = ["\(r.int(2015...2026))\(String(format2: r.int(1...12)))\(String(format2: r.int(1...28)))\(r.digits(6))",
                             "\(r.int(1_500_000_000...1_800_000_000))\(r.digits(3))",
                             "\(r.int(2015...2026))-\(String(format2: r.int(1...12)))-\(String(format2: r.int(1...28)))T\(String(format2: r.int(0...23))):\(String(format2: r.int(0...59))):00Z",
                             "批次号 \(r.int(2015...2026))\(r.digits(12))"]
                result.append((r.pick(forms), nil))
            case 14:  // file names with a hex object key and a separator
                let n = anyNumber(&r)
                result.append(("\(r.pick(["upload", "file", "doc", "att"]))_\(r.hex(6))\(r.hexLetter())\(n)\(r.hexLetter()).\(r.pick(extensions))", n))
            default:  // version strings and build ids
                let n = mobile(&r)
                result.append((r.pick(["v\(r.int(1...9)).\(r.int(0...20)).\(n)", "build-\(n)-\(r.hex(7))", "rev.\(r.hexLetter())\(n)"]), n))
            }
        }
        return result
    }

    @Test func aThousandCodesAndFileNamesRaiseNoAlarm() {
        let corpus = Self.codes(count: 1_200)
        #expect(corpus.count >= 1_000)
        var alarms: [String] = []
        for (text, _) in corpus where !PrivacyGuard.scan(text).isEmpty {
            alarms.append(text)
        }
        // As front-matter values and body text of one notice, too.
        let joined = corpus.map(\.text).joined(separator: "\n")
        #expect(PrivacyGuard.scan(joined).isEmpty, "\(PrivacyGuard.scan(joined).count) alarms in the joined corpus")
        #expect(alarms.isEmpty, "\(alarms.count) alarms, e.g. \(alarms.prefix(10))")
    }

    /// The corpus is not clean by accident: the numbers inside its codes are
    /// real ones, caught as soon as they stand on their own.
    @Test func theNumbersInsideTheCodesAreCaughtOnTheirOwn() {
        let embedded = Self.codes(count: 1_200).compactMap(\.embedded)
        #expect(embedded.count >= 500)
        let missed = embedded.filter { PrivacyGuard.scan("联系方式：\($0)。").count != 1 }
        #expect(missed.isEmpty, "\(missed.prefix(10))")
    }

    // MARK: - Real forms, still caught

    /// Every personal number in the forms clerks paste them.
    static func personalForms(count: Int) -> [(text: String, kind: PrivacyFinding.Kind)] {
        var r = Random(state: 17)
        var result: [(String, PrivacyFinding.Kind)] = []
        func fullWidth(_ s: String) -> String {
            String(s.unicodeScalars.map { c -> Character in
                if let d = PrivacyScanner.digit(c) { return Character(Unicode.Scalar(0xFF10 + UInt32(d))!) }
                return c == "X" ? "Ｘ" : Character(c)
            })
        }
        func grouped(_ s: String, _ sizes: [Int], _ sep: String) -> String {
            var parts: [String] = []
            var rest = Substring(s)
            for size in sizes where !rest.isEmpty {
                parts.append(String(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            if !rest.isEmpty { parts.append(String(rest)) }
            return parts.joined(separator: sep)
        }
        while result.count < count {
            let name = r.pick(["张三", "李秀英", "王建国", "赵", "刘桂兰"])
            switch result.count % 3 {
            case 0:
                let m = mobile(&r)
                let form = r.pick([m, grouped(m, [3, 4, 4], " "), grouped(m, [3, 4, 4], "-"), "+86 " + grouped(m, [3, 4, 4], " "),
                                   "+86" + m, "86-" + grouped(m, [3, 4, 4], "-"), fullWidth(m), grouped(m, [3, 4, 4], " ") + " 1",
                                   m + " 2", grouped(m, [3, 4, 4], "-") + "-1"])
                result.append((r.pick(["\(name)，电话 \(form)。", "\(name) \(form) 3人", "联系人：\(name)，\(form)", "Tel\(m)",
                                       "| \(name) | \(form) | 2 |", "\(m).pdf"]), .mobile))
            case 1:
                let c = card(&r)
                let form = r.pick([c, grouped(c, [4, 4, 4, 4], " "), grouped(c, [4, 4, 4, 4], "-"), fullWidth(c)])
                result.append((r.pick(["\(name) 卡号：\(form)", "| \(name) | \(form) | 600.00 |", "账号\(form)，开户行农商行"]), .bankCard))
            default:
                let id = idNumber(&r)
                let form = r.pick([id, id.lowercased(), grouped(id, [6, 8, 4], " "), grouped(id, [6, 4, 4, 4], "-"), fullWidth(id)])
                result.append((r.pick(["\(name)，身份证号\(form)，", "| \(name) | \(form) | 3 |", "ID\(id)", "\(id).jpg"]), .residentID18))
            }
        }
        return result
    }

    @Test func realFormsAreStillCaught() {
        var missed: [String] = []
        for (text, kind) in Self.personalForms(count: 600) {
            let findings = PrivacyGuard.scan(text)
            if findings.map(\.kind) != [kind] { missed.append("\(text) → \(findings.map(\.kind))") }
        }
        #expect(missed.isEmpty, "\(missed.count) missed, e.g. \(missed.prefix(10))")
    }
}

extension String {
    /// `7` → `07`.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }
}
