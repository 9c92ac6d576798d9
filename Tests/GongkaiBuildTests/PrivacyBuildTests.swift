import Foundation
import GongkaiBuild
import GongkaiCore
import Testing

/// docs/design.md §8 end to end: a resident's ID number stops the build at its
/// place, with the masked form, and the published site stays as it was.
struct PrivacyBuildTests {
    @Test func anIDNumberStopsTheBuildAndLeavesPublicUntouched() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = FixtureSite.snapshot(site.output)
        try site.write("content/mazhuang/2025/dibao.md", """
        ---
        title: 关于张三（11010519491231002X）申请低保的公示
        date: 2025-03-03
        category: caiwu
        ---

        经村民代表会议评议，拟同意下列家庭享受最低生活保障：

        | 户主 | 身份证号 | 人口 |
        | --- | --- | ---: |
        | 李四 | 370102198506120041 | 3 |
        | 王五 | 370102********0041 | 2 |

        联系电话：0531-8765 4321（村委会），400-800-1234。
        """)
        let report = site.build()
        #expect(!report.succeeded)
        let lines = report.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.code)" }
        #expect(lines == ["content/mazhuang/2025/dibao.md:2:13: GK170", "content/mazhuang/2025/dibao.md:11:8: GK170"])
        #expect(report.diagnostics.map(\.fix).allSatisfy { $0.contains("********") })
        #expect(report.diagnostics.first?.fix.contains("110105********002X") == true)
        #expect(!report.diagnostics.map(\.rendered).joined().contains("370102198506120041"))
        #expect(FixtureSite.snapshot(site.output) == before)
    }
}
