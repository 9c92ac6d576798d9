@testable import GongkaiWord
import Testing

/// Numbers in a file may be anything: none of them may trap or make the
/// reader allocate without bound.
struct WordLimitsTests {
    @Test func absurdNumbersInTheFileAreHeldInRange() throws {
        let grid = String(repeating: "<w:gridCol w:w=\"1\"/>", count: 5000)
        var f = WordFixture(body: WordDocumentTests.item("甲", 9, 0) + WordDocumentTests.item("乙", 9, 0) + """
        <w:p><w:pPr><w:ind w:firstLineChars="99999999999999999999" w:left="1e308"/></w:pPr><w:r><w:rPr><w:sz w:val="1e308"/></w:rPr><w:t>大</w:t></w:r></w:p>
        <w:tbl><w:tblGrid>\(grid)</w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>
        """)
        f.numbering = """
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="9223372036854775807"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
        <w:num w:numId="9"><w:abstractNumId w:val="0"/></w:num>
        """
        let doc = try WordDocumentTests.read(f)
        let ps = WordDocumentTests.paragraphs(doc.body)
        #expect(ps[0].numbering?.text == "1000000." && ps[1].numbering?.text == "1000000.")
        #expect(ps[2].leftIndent == 1_000_000 && ps[2].runs[0].size == nil)
        #expect((WordDocumentTests.tables(doc.body).first?.columnCount ?? 0) <= 512)
    }
}
