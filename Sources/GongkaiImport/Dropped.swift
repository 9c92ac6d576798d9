import GongkaiWord

/// What a document holds that the notice does not, in sentences for the clerk.
enum Dropped {
    static func describe(_ d: WordDocument, analysis: DocumentAnalysis, undisplayable: Int) -> [String] {
        var out: [String] = []
        if let masthead = analysis.masthead { out.append(ImportMessages.droppedMasthead(masthead)) }
        if !d.comments.isEmpty {
            let samples = d.comments.prefix(2).map { c -> String in
                let text = c.blocks.map(DocumentAnalysis.text).joined(separator: " ")
                let cleaned = ChineseText.clean(text)
                return (c.author.isEmpty ? "" : c.author + "：") + String(cleaned.prefix(20)) + (cleaned.count > 20 ? "…" : "")
            }
            out.append(ImportMessages.droppedComments(d.comments.count, samples))
        }
        let deleted = d.revisions.filter { [.deletion, .moveFrom, .rowDeletion].contains($0.kind) }.count
        let others = d.revisions.count - deleted
        if deleted > 0 || others > 0 { out.append(ImportMessages.droppedRevisions(deleted: deleted, kept: others)) }
        if !d.hiddenText.isEmpty { out.append(ImportMessages.droppedHidden(d.hiddenText.count)) }
        let headerText = (d.headers + d.footers).flatMap { $0.blocks.map(DocumentAnalysis.text) }
            .map(ChineseText.clean).filter { line in !line.isEmpty && !line.allSatisfy { ChineseText.isDigit($0) || "第页共/ -—".contains($0) } }
        if !headerText.isEmpty { out.append(ImportMessages.droppedHeaders(headerText.first!)) }
        for omission in d.omissions { out.append(ImportMessages.droppedOmission(omission)) }
        if undisplayable > 0 { out.append(ImportMessages.droppedImages(undisplayable)) }
        return out
    }
}
