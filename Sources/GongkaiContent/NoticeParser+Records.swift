import GongkaiCore

/// The keys that take a map or a list: the display period, 四议两公开,
/// revisions and withdrawal, attachments; and dates in any of them.
extension NoticeParser {
    static func calendarDate(_ node: YAMLNode, label: String, yaml: YAMLSource) -> (CalendarDate?, Diagnostic?) {
        guard let s = node.text, let day = CalendarDate.parse(s) else {
            return (nil, yaml.diagnostic(node, "GK103", Messages.invalidDate(label, node.text ?? ""),
                                         fix: Messages.invalidDateFix(node.text ?? "")))
        }
        return (day, nil)
    }

    func parsePeriod(_ node: YAMLNode, yaml: YAMLSource) -> (DisplayPeriod?, [Diagnostic]) {
        var d: [Diagnostic] = []
        func date(_ node: YAMLNode, _ label: String) -> CalendarDate? {
            let (day, problem) = Self.calendarDate(node, label: label, yaml: yaml)
            if let problem { d.append(problem) }
            return day
        }
        if let fields = node.pairs {
            var from: YAMLNode?, to: YAMLNode?
            for f in fields {
                switch f.key {
                case "from", "起", "开始", "自": from = f.value
                case "to", "止", "结束", "至": to = f.value
                default: break
                }
            }
            guard let from, let to else {
                return (nil, [yaml.diagnostic(node, "GK105", Messages.periodShape, fix: Messages.periodShapeFix)])
            }
            let a = date(from, Messages.periodStartLabel), b = date(to, Messages.periodEndLabel)
            guard let a, let b else { return (nil, d) }
            return (DisplayPeriod(from: a, to: b), d)
        }
        if let s = node.text {
            for separator in ["至", "~", "～", "到", " - "] where s.contains(separator) {
                let parts = s.components(separatedBy: separator)
                if parts.count == 2, let a = CalendarDate.parse(parts[0]), let b = CalendarDate.parse(parts[1]) {
                    return (DisplayPeriod(from: a, to: b), [])
                }
            }
        }
        return (nil, [yaml.diagnostic(node, "GK105", Messages.periodShape, fix: Messages.periodShapeFix)])
    }

    /// `process:` (四议两公开 / 程序): a list of `{stage, date, outcome}` (or
    /// 环节、日期、结果), in the order the stages happened.
    func parseProcess(_ node: YAMLNode?, noticeDate: CalendarDate?, yaml: YAMLSource,
                              diagnostics d: inout [Diagnostic]) -> [ProcessStep] {
        guard let node else { return [] }
        guard let list = node.sequence else {
            d.append(yaml.diagnostic(node, "GK144", Messages.processBadShape, fix: Messages.processFix))
            return []
        }
        var steps: [ProcessStep] = []
        for entry in list {
            guard let fields = entry.pairs else {
                d.append(yaml.diagnostic(entry, "GK144", Messages.processBadShape, fix: Messages.processFix))
                continue
            }
            var stageNode: YAMLNode?, dateNode: YAMLNode?, outcome: String?
            for f in fields {
                switch f.key {
                case "stage", "环节", "步骤": stageNode = f.value
                case "date", "日期": dateNode = f.value
                case "outcome", "结果", "表决", "result": outcome = f.value.text
                default:
                    d.append(yaml.diagnostic(f.keyNode, "GK110", Messages.unknownKey(f.key, Suggest.nearest(f.key, in: ["stage", "date", "outcome", "环节", "日期", "结果"])),
                                             fix: Messages.processKeysFix, severity: .warning))
                }
            }
            guard let stageNode, let dateNode else {
                d.append(yaml.diagnostic(entry, "GK144", Messages.processBadShape, fix: Messages.processFix))
                continue
            }
            guard let stage = stageNode.text.flatMap(ProcessStage.parse) else {
                d.append(yaml.diagnostic(stageNode, "GK144", Messages.processBadStage(stageNode.text ?? ""), fix: Messages.processBadStageFix))
                continue
            }
            let (day, problem) = Self.calendarDate(dateNode, label: Messages.stageDateLabel(stage.name), yaml: yaml)
            if let problem { d.append(problem) }
            guard let day else { continue }
            if let last = steps.last, stage <= last.stage || day < last.date {
                d.append(yaml.diagnostic(stageNode, "GK145", Messages.processOutOfOrder(stage.name, last.stage.name),
                                         fix: Messages.processOutOfOrderFix))
            }
            if let noticeDate, day > noticeDate {
                d.append(yaml.diagnostic(dateNode, "GK146", Messages.processAfterNotice(stage.name, day.chinese, noticeDate.chinese),
                                         fix: Messages.processAfterNoticeFix))
            }
            steps.append(ProcessStep(stage: stage, date: day, outcome: outcome.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return steps
    }

    /// `revisions:` ({date, what, why} each) and `withdrawn:` ({date, reason}).
    func parseRecords(_ revisionsNode: YAMLNode?, _ withdrawnNode: YAMLNode?, noticeDay: CalendarDate?,
                              yaml: YAMLSource, diagnostics d: inout [Diagnostic]) -> ([Revision], Withdrawal?) {
        var revisions: [Revision] = []
        if let node = revisionsNode {
            if let list = node.sequence {
                for entry in list {
                    guard let fields = entry.pairs else {
                        d.append(yaml.diagnostic(entry, "GK160", Messages.revisionsShape, fix: Messages.revisionsShapeFix))
                        continue
                    }
                    var day: CalendarDate?, what: String?, why: String?, dateNode: YAMLNode?
                    var complete = true
                    for f in fields {
                        switch f.key {
                        case "date", "日期":
                            dateNode = f.value
                            let (parsed, problem) = Self.calendarDate(f.value, label: Messages.revisionDateLabel, yaml: yaml)
                            day = parsed
                            if let problem { d.append(problem); complete = false }
                        case "what", "内容", "修改", "修改内容": what = f.value.text
                        case "why", "原因", "理由": why = f.value.text
                        default:
                            d.append(yaml.diagnostic(f.keyNode, "GK110", Messages.unknownKey(f.key, Suggest.nearest(f.key, in: ["date", "what", "why"])),
                                                     fix: Messages.revisionKeysFix, severity: .warning))
                        }
                    }
                    for (label, value) in [(Messages.revisionDateField, dateNode?.text), (Messages.revisionWhatField, what), (Messages.revisionWhyField, why)]
                    where value?.trimmingWhitespace().isEmpty ?? true {
                        d.append(yaml.diagnostic(entry, "GK160", Messages.revisionMissing(label), fix: Messages.revisionMissingFix))
                        complete = false
                    }
                    if let day, let noticeDay, day < noticeDay, let dateNode {
                        d.append(yaml.diagnostic(dateNode, "GK160", Messages.revisionBeforeNotice(day.chinese, noticeDay.chinese),
                                                 fix: Messages.revisionBeforeNoticeFix))
                    }
                    if complete, let day, let what, let why { revisions.append(Revision(date: day, what: what, why: why)) }
                }
            } else {
                d.append(yaml.diagnostic(node, "GK160", Messages.revisionsShape, fix: Messages.revisionsShapeFix))
            }
        }
        var withdrawal: Withdrawal?
        if let node = withdrawnNode {
            var day: CalendarDate?, reason: String?, dateNode: YAMLNode?
            for f in node.pairs ?? [] {
                switch f.key {
                case "date", "日期":
                    dateNode = f.value
                    let (parsed, problem) = Self.calendarDate(f.value, label: Messages.withdrawnDateLabel, yaml: yaml)
                    day = parsed
                    if let problem { d.append(problem) }
                case "reason", "原因", "理由": reason = f.value.text?.trimmingWhitespace()
                default:
                    d.append(yaml.diagnostic(f.keyNode, "GK110", Messages.unknownKey(f.key, Suggest.nearest(f.key, in: ["date", "reason"])),
                                             fix: Messages.withdrawnKeysFix, severity: .warning))
                }
            }
            if node.pairs == nil || dateNode == nil || (reason ?? "").isEmpty {
                d.append(yaml.diagnostic(node, "GK161", Messages.withdrawnShape, fix: Messages.withdrawnShapeFix))
            } else if let day, let reason {
                if let noticeDay, day < noticeDay, let dateNode {
                    d.append(yaml.diagnostic(dateNode, "GK161", Messages.withdrawnBeforeNotice(day.chinese, noticeDay.chinese),
                                             fix: Messages.withdrawnBeforeNoticeFix))
                } else {
                    withdrawal = Withdrawal(date: day, reason: reason)
                }
            }
        }
        return (revisions, withdrawal)
    }

    func parseAttachments(_ node: YAMLNode?, source: NoticeSource, yaml: YAMLSource,
                                  diagnostics d: inout [Diagnostic], refused: inout [String]) -> [Attachment] {
        guard let node else { return [] }
        guard let list = node.sequence else {
            d.append(yaml.diagnostic(node, "GK109", Messages.wrongType(.attachments, Messages.attachmentsShape),
                                     fix: Messages.attachmentsShapeFix))
            return []
        }
        var result: [Attachment] = []
        for entry in list {
            var fileNode: YAMLNode? = entry, title: String?, inlineNode: YAMLNode?
            if let fields = entry.pairs {
                fileNode = nil
                for f in fields {
                    switch f.key {
                    case "file", "文件": fileNode = f.value
                    case "title", "名称", "标题", "说明": title = f.value.text
                    case "inline", "显示", "嵌入": inlineNode = f.value
                    default: break
                    }
                }
            }
            guard let fileNode, let file = fileNode.text, !file.isEmpty else {
                d.append(yaml.diagnostic(entry, "GK109", Messages.wrongType(.attachments, Messages.attachmentFileShape),
                                         fix: Messages.attachmentFileShapeFix))
                continue
            }
            if file.contains("/") || file.contains("\\") || file == ".." || file == "." {
                d.append(yaml.diagnostic(fileNode, "GK121", Messages.attachmentOutside(file), fix: Messages.attachmentOutsideFix))
                continue
            }
            let size: Int
            switch source.siblings[file] {
            case .file(let n):
                size = n
            case .symlink:
                d.append(yaml.diagnostic(fileNode, "GK121", Messages.attachmentOutside(file), fix: Messages.attachmentOutsideFix))
                continue
            default:
                d.append(yaml.diagnostic(fileNode, "GK120", Messages.missingAttachment(file), fix: Messages.missingAttachmentFix))
                continue
            }
            var attachment = Attachment(file: file, title: title ?? file, size: size)
            let ext = attachment.fileExtension
            guard AttachmentRules.allowedExtensions.contains(ext) else {
                d.append(yaml.diagnostic(fileNode, "GK122", Messages.attachmentType(file, ext), fix: Messages.attachmentTypeFix))
                refused.append(file)
                continue
            }
            if size > AttachmentRules.largeFile {
                d.append(yaml.diagnostic(fileNode, "GK123", Messages.attachmentTooLarge(file, size),
                                         fix: Messages.attachmentTooLargeFix, severity: .warning))
            }
            // Images are shown in the page unless `inline: false`.
            var inline = AttachmentRules.isImage(ext)
            if let inlineNode {
                switch inlineNode.text?.lowercased() {
                case "true", "yes", "是", "y": inline = true
                case "false", "no", "否", "n": inline = false
                default:
                    d.append(yaml.diagnostic(inlineNode, "GK109", Messages.wrongType(.attachments, Messages.attachmentInlineShape),
                                             fix: Messages.attachmentInlineShapeFix))
                }
                if inline && !AttachmentRules.isImage(ext) {
                    d.append(yaml.diagnostic(inlineNode, "GK124", Messages.inlineNotImage(file),
                                             fix: Messages.inlineNotImageFix, severity: .warning))
                    inline = false
                }
            }
            if inline && size > AttachmentRules.largeInlineImage && size <= AttachmentRules.largeFile {
                d.append(yaml.diagnostic(fileNode, "GK125", Messages.inlineImageLarge(file, size),
                                         fix: Messages.inlineImageLargeFix, severity: .warning))
            }
            attachment.inline = inline
            attachment.imageSize = inline ? source.imageSizes[file] : nil
            result.append(attachment)
        }
        return result
    }
}
