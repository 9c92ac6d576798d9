import GongkaiCore

/// The answer file `gongkai inbox` writes for a new case
/// (`content/<community>/replies/<number>.md`; format in docs/desk.md and
/// docs/content-format.md, read back by GongkaiContent's ReplyParser). It
/// holds what the resident said (masked), never a name or a phone number.
public enum AnswerFile {
    public static func path(_ c: StoredCase) -> String { "content/\(c.community)/replies/\(c.number).md" }

    public static func text(_ c: StoredCase, noticeTitle: String?, supervision: String? = nil) -> String {
        let outcomes = ReplyOutcome.outcomes(for: c.kind).map(\.rawValue).joined(separator: "、")
        let reasonFor = c.kind == .objection ? "异议不成立" : "暂不采纳、不予采纳"
        var lines = [
            "---",
            "# 群众\(c.kind.label)的答复文件，由 gongkai inbox 写出（写法见 docs/desk.md）。",
            "# 请填写“结果”和“答复日期”（\(reasonFor)时还要写“理由”），在最后一行 --- 下面写答复的内容，",
            "# 然后运行 gongkai build 公开答复。编号、类型、公告、收到、群众原话 请不要改。",
            "编号: \(c.number)",
            "类型: \(c.kind.label)",
        ]
        if let notice = c.notice {
            lines.append("公告: \(quoted(notice))" + (noticeTitle.map { "    # \(oneLine($0))" } ?? ""))
        }
        lines.append("收到: \(c.received.iso)")
        lines.append("# 答复期限：\(c.deadline.chinese)（含当天）")
        lines.append("群众原话: |")
        for line in c.words.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.isEmpty ? "" : "  " + line)
        }
        lines.append("结果:        # 填其中之一：\(outcomes)")
        lines.append("答复日期:    # 答复群众的日期，例如 \(c.received.adding(days: 3).iso)")
        lines.append("理由:        # \(reasonFor)时必须写明理由和依据")
        lines.append("# 公开规则要求审核时加一行：审核: {by: \(supervision ?? "村务监督委员会"), date: 审核日期}")
        lines.append("---")
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "#", with: "＃")
    }
}
