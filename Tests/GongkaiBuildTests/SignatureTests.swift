@testable import GongkaiRender
import Testing

/// The printed sheet adds the issuer's 落款 unless the body already ends with it.
struct SignatureTests {
    @Test(arguments: [
        ("正文。\n\n马庄村村民委员会\n2025年10月8日\n", true),
        ("正文。\n马庄村村民委员会\n", true),
        ("马庄村村民委员会", true),
        ("马庄村村民委员会\n第二行\n第三行\n第四行\n", false),
        ("正文。\n\n  \n特此公告。\n", false),
        ("马庄村村民委员会关于2025年度村集体经济组织收益分配方案的说明和征求意见\n", false),
        ("", false),
        ("正文。\r\n马庄村村民委员会\r\n2025年10月8日", true),
        ("正文。\u{2028}马庄村村民委员会", true),
        ("正文。\n　马庄村村民委员会　\n\n\t\n", true),
        ("正文\n马庄村村民委员会\n2025年\n\n第四\n", true),
        ("马庄村村民委员会\n2025年\n\n第三\n\n第四", false),
    ])
    func lastThreeLines(_ text: String, _ expected: Bool) {
        #expect(SiteRenderer.endsWithSignature(text, issuer: "马庄村村民委员会") == expected)
    }
}

/// The QR code's SVG path, written as bytes, is what string interpolation wrote.
struct QRPathTests {
    @Test func sameAsInterpolation() {
        var seed: UInt64 = 12345
        for width in [21, 25, 57, 177] {
            var modules: [Bool] = []
            for _ in 0..<(width * width) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                modules.append(seed >> 61 & 1 == 1)
            }
            let dark = { (x: Int, y: Int) in modules[y * width + x] }
            var expected = ""
            for y in 0..<width {
                var x = 0
                while x < width {
                    guard dark(x, y) else { x += 1; continue }
                    var run = 1
                    while x + run < width, dark(x + run, y) { run += 1 }
                    expected += "M\(x + QRCode.quiet) \(y + QRCode.quiet)h\(run)v1h-\(run)z"
                    x += run
                }
            }
            #expect(String(decoding: QRCode.path(width: width, dark: dark), as: UTF8.self) == expected)
        }
    }
}
