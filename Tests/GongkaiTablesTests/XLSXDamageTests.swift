import GongkaiCore
@testable import GongkaiTables
import Testing

/// A workbook cut off or with flipped bytes (a download that stopped, a bad
/// USB stick) is a failure with a message, never a crash or a hang.
struct XLSXDamageTests {
    @Test func damagedCopiesAreFailuresNotCrashes() throws {
        let original = try XLSXTableTests.ledger().bytes()
        #expect((try? XLSXTable.read(original, sheet: "10月").get()) != nil)
        var state = UInt64(original.count)
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for round in 0..<300 {
            var copy = original
            if round % 3 == 0 {
                copy = Array(copy.prefix(Int(next() % UInt64(copy.count))))
            } else {
                for _ in 0..<Int(next() % 6 + 1) {
                    copy[Int(next() % UInt64(copy.count))] = UInt8(truncatingIfNeeded: next())
                }
            }
            switch XLSXTable.read(copy, sheet: "10月") {
            case .success(let sheet): #expect(sheet.name == "10月")
            case .failure: break
            }
            _ = XLSXTable.sheetNames(copy)
        }
    }
}
