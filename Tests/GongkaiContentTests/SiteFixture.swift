import GongkaiContent
import GongkaiCore

/// A small site written inline, in the spirit of Hugo's txtar tests: each
/// test starts from a valid town and changes what it is about.
struct SiteFixture {
    var files: [String: String] = [
        "content/site.yml": """
        title: 青山镇村（居）务公开
        town: 青山镇
        categories:
          - slug: caiwu
            name: 财务公开
          - slug: dibao
            name: 低保与救助
            min_display_days: 7
          - slug: juwu
            name: 居务公开
        """,
        "content/mazhuang/community.yml": "name: 马庄村\nkind: 村\nphone: 0531-8765 4321\n",
        "content/xinhua/community.yml": "name: 新华社区\nkind: 社区\n",
        "content/mazhuang/2024/caiwu-10.md": """
        ---
        title: 马庄村2024年10月财务收支公开
        date: 2024-11-05
        category: caiwu
        period: {from: 2024-11-05, to: 2024-11-10}
        number: 马庄村〔2024〕12号
        reviewed: {by: 马庄村村务监督委员会, date: 2024-11-04}
        tags: [财务, 月度]
        ---

        现将本村10月财务收支公布如下。

        | 日期 | 摘要 | 收入(元) | 支出(元) |
        | --- | --- | --- | --- |
        | 10月3日 | 土地承包费 | 12,000.00 | |
        | 合计 | | 12,000.00 | 0.00 |
        """,
        "content/xinhua/2024/wuye.md": """
        ---
        标题: 新华社区物业服务费收支公示
        日期: 2024年10月8日
        类别: 居务公开
        公示期: {起: 2024-10-08, 止: 2024-10-15}
        ---
        物业服务费收支情况如下。
        """,
    ]

    subscript(path: String) -> String? {
        get { files[path] }
        set { files[path] = newValue }
    }

    func parse() -> ContentParser.Result {
        ContentParser.parse(SiteLoader(fs: InMemoryFileSystem(files: files)).load())
    }

    /// `code@file:line:col` of each diagnostic, for compact expectations.
    func problems() -> [String] {
        parse().diagnostics.map { "\($0.code)@\($0.file):\($0.line):\($0.column)" }
    }
}
