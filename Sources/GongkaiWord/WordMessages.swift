/// Every Chinese sentence GongkaiWord gives, in one place.
enum WordMessages {
    static let zipUnreadable = "不是完整的 zip 压缩包，可能没有下载或复制完整"

    static func partUnreadable(_ path: String) -> String { "里面的 \(path) 读不出来" }
    static func partMissing(_ path: String) -> String { "里面缺少正文部分 \(path)" }
    static func partNotXML(_ path: String) -> String { "里面的 \(path) 格式不正确" }

    static func failure(_ failure: WordFailure) -> String {
        switch failure {
        case .notDocx(let format): return "这不是 .docx 文件，" + format.chineseName
        case .encrypted: return "这个 .docx 文件设置了打开密码"
        case .damaged(let detail): return "这个 .docx 文件已损坏，" + detail
        case .tooLarge: return "这个文件解压后太大，不像是一篇公告"
        }
    }

    static func location(_ l: WordLocation) -> String {
        var s: String
        switch l.story {
        case .body: s = "正文"
        case .footnote(let n): s = "脚注 \(n)"
        case .endnote(let n): s = "尾注 \(n)"
        case .comment(let n): s = "批注 \(n)"
        case .header(let n): s = n == 1 ? "页眉" : "第 \(n) 个页眉"
        case .footer(let n): s = n == 1 ? "页脚" : "第 \(n) 个页脚"
        case .properties: return "文档属性（文件 → 属性）"
        }
        if let t = l.table {
            s += "第 \(t) 个表格"
            if let r = l.row { s += "第 \(r) 行" }
            if let c = l.column { s += "第 \(c) 列" }
        } else if let p = l.paragraph {
            if case .body = l.story { s += "第 \(p) 段" } else if p > 1 { s += "第 \(p) 段" }
        }
        if l.inTextBox { s += "的文本框里" }
        return s
    }
}

extension WordFailure.Format {
    /// What the file is, for the clerk.
    public var chineseName: String {
        switch self {
        case .word97: return "是旧版 Word 文档（.doc，Word 97–2003 格式；WPS 的 .wps 也是这种格式）"
        case .ole2: return "是旧版 Office 或 WPS 格式的文件（.doc、.wps 之类）"
        case .excel97: return "是旧版 Excel 表格（.xls）"
        case .powerPoint97: return "是旧版 PowerPoint 演示文稿（.ppt）"
        case .rtf: return "是 RTF 格式的文档"
        case .html: return "是网页格式（Word 里“另存为网页”或 .mht）"
        case .wordXML: return "是 Word 2003 XML 格式"
        case .pdf: return "是 PDF 文件"
        case .ofd: return "是 OFD 版式文件"
        case .openDocument: return "是 OpenDocument 文档（.odt）"
        case .xlsx: return "是 Excel 表格（.xlsx）"
        case .pptx: return "是 PowerPoint 演示文稿（.pptx）"
        case .zip: return "是一个压缩包，里面没有 Word 文档"
        case .image: return "是一张图片"
        case .text: return "是纯文本文件"
        case .empty: return "文件是空的（0 字节）"
        case .unknown: return "看不出是什么格式"
        }
    }
}
