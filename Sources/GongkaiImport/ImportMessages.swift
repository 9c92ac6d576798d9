import Foundation
import GongkaiCore
import GongkaiWord

/// Every Chinese sentence of `gongkai import`, in one place.
public enum ImportMessages {
    static let saveAsSteps = "文件 → 另存为 → 文件类型选“Word 文档 (*.docx)”，保存后导入新的 .docx 文件"
    static let saveAsDocx = "在 Word 或 WPS 里打开它：" + saveAsSteps

    /// The diagnostic for a file that cannot be imported (nothing is written).
    public static func diagnostic(for failure: WordFailure, file: String) -> Diagnostic {
        switch failure {
        case .notDocx(let format):
            return Diagnostic(file: file, code: "GK190", message: "不能导入：\(failure.description)。", fix: fix(format))
        case .encrypted:
            return Diagnostic(file: file, code: "GK192", message: "不能导入：\(failure.description)，gongkai 打不开。",
                              fix: "请在 Word 或 WPS 里打开它，在“文件 → 信息 → 保护文档”（WPS：文件 → 文档加密）里去掉密码，保存后再导入。")
        case .damaged, .tooLarge:
            return Diagnostic(file: file, code: "GK191", message: "不能导入：\(failure.description)。",
                              fix: "请重新从原来的地方复制或下载这个文件；如果 Word 或 WPS 还能打开它，就打开后" + saveAsSteps + "。")
        }
    }

    static func fix(_ format: WordFailure.Format) -> String {
        switch format {
        case .word97, .ole2, .rtf, .html, .wordXML:
            return "请" + saveAsDocx + "。"
        case .openDocument:
            return "请在 LibreOffice 或 WPS 里打开它：文件 → 另存为 → 文件类型选“Word 2007-365 (.docx)”或“Word 文档 (*.docx)”，保存后再导入。"
        case .pdf, .ofd:
            return "PDF、OFD 里的文字不能可靠地转成公告。请找到原来的 Word 文件导入；只想让群众看到这份文件，就把它放在公告旁边，写进“附件”。"
        case .xlsx, .excel97:
            return "表格文件不用导入：把它放在公告旁边（.xls 请先另存为 .xlsx），在正文里写 ```table 文件名``` 引用它（见 docs/content-format.md）。"
        case .pptx, .powerPoint97, .image:
            return "这种文件不能转成公告；想让群众看到，就把它放在公告旁边，写进“附件”。"
        case .zip:
            return "请先把压缩包解开，再导入里面的 .docx 文件。"
        case .text:
            return "纯文本或 Markdown 不用导入：把它改成公告的格式（见 gongkai new）放进 content/ 里。如果它原本是 Word 文件，请" + saveAsDocx + "。"
        case .empty:
            return "文件是空的，可能没有保存或复制完整。请重新保存或复制一份再导入。"
        case .unknown:
            return "如果它原本是 Word 或 WPS 文件，请" + saveAsDocx + "。"
        }
    }

    static let noText = "文件里没有文字，也没有图片，没有可以导入的内容。"
    /// A document with nothing in it: nothing is written.
    public static func emptyDocument(file: String) -> Diagnostic {
        Diagnostic(file: file, code: "GK194", message: noText, fix: "请检查是不是选错了文件。")
    }

    static func importedComment(_ source: String) -> String {
        "# 由 \(source.replacingOccurrences(of: "\n", with: " ")) 导入：标题、日期、类别等是按文件内容猜的，请核对。"
    }

    static func undisplayableImage(_ ext: String, _ location: String) -> String {
        "\(location)的图片是 \(ext.uppercased()) 格式，网页上显示不了，没有放进公告。"
    }
    static let undisplayableImageFix = "请在 Word 里右键这张图片 → 另存为图片，保存成 PNG 或 JPG，放在公告旁边并写进“附件”。"

    static func fixInNotice(_ path: String) -> String {
        "公告已经写好，请在 \(path) 里改；原来的 Word 文件也请一并改好。"
    }

    static let reasonMerged = "有合并单元格"
    static let reasonLines = "格子里有多行字"
    static let reasonNested = "表格里套着表格"

    static func droppedMasthead(_ text: String) -> String { "版头“\(text)”（网页上方已有村（社区）名称）" }
    static func droppedComments(_ n: Int, _ samples: [String]) -> String {
        "批注 \(n) 条（" + samples.map { "“\($0)”" }.joined(separator: "、") + (n > samples.count ? " 等" : "") + "）"
    }
    static func droppedRevisions(deleted: Int, kept: Int) -> String {
        "修订记录：已按“接受所有修订”处理" + (deleted > 0 ? "，删除的 \(deleted) 处文字没有放进公告" : "")
    }
    static func droppedHidden(_ n: Int) -> String { "隐藏的文字 \(n) 处" }
    static func droppedHeaders(_ sample: String) -> String { "页眉页脚（“\(sample.prefix(20))”）" }
    static func droppedImages(_ n: Int) -> String { "网页显示不了的图片 \(n) 张（见上面的警告）" }
    static func droppedOmission(_ o: WordOmission) -> String {
        switch o.kind {
        case .embeddedObject: return "\(o.location)嵌入的对象（\(o.detail)）：请另存为文件放在公告旁边，或者截图作为图片"
        case .chart: return "\(o.location)的图表：请截图后作为图片放进公告"
        case .alternativeFormatChunk: return "\(o.location)插入的其他格式的内容（\(o.detail)）"
        case .externalImage: return "\(o.location)链接到文件外面的图片（\(o.detail)）"
        case .missingImage: return "\(o.location)的图片（文件里找不到它的数据）"
        }
    }

    static let todoNumber = "文号（本类别要求有文号，文件里没有找到）"
    static func todoReview(_ supervision: String) -> String { "\(supervision)审核" }
    static let todoProcess = "四议两公开记录（核对日期和表决结果）"
    static let todoPrivacy = "隐去个人信息（见上面的错误）"
    static func todoLargeImage(_ name: String, _ bytes: Int) -> String {
        "把 \(name) 压缩小一些（现在 \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB，村民用手机打开很慢；用手机或电脑把它另存为宽 1600 像素以内的 JPG）"
    }
    static let todoTitle = "核对标题（文件里没有找到标题行）"
    static let todoDate = "核对日期（没有找到落款日期，暂用今天）"
    static func todoCategory(_ name: String) -> String { "核对类别（标题里看不出类别，暂定为“\(name)”）" }
    static let todoDateField = "核对日期（文件里的日期是 Word 自动更新的日期，显示的是最后保存的那天）"
}
