import GongkaiWord

/// The body as a flat list: top-level paragraphs and tables in order, each
/// with an id (its position) for the analysis to refer to.
struct BodyItem {
    enum Kind {
        case paragraph(WordParagraph)
        case table(WordTable)
    }

    var kind: Kind
    var id: Int

    static func flatten(_ blocks: [WordBlock], firstID: Int = 0) -> [BodyItem] {
        blocks.enumerated().map { i, block in
            let id = firstID < 0 ? -1 : firstID + i
            switch block {
            case .paragraph(let p): return BodyItem(kind: .paragraph(p), id: id)
            case .table(let t): return BodyItem(kind: .table(t), id: id)
            }
        }
    }

    var paragraph: WordParagraph? {
        if case .paragraph(let p) = kind { return p }
        return nil
    }
}
