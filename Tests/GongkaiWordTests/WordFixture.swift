import Foundation
import ZIPFoundation

/// A `.docx` built in memory, part by part, as Word lays one out: the body
/// XML (inside `<w:body>`), and optional styles, numbering, notes, comments,
/// headers and media. Relationship ids: styles rId1, numbering rId2,
/// footnotes rId3, endnotes rId4, comments rId5, header rId6; media from rId10.
struct WordFixture {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let namespaces = """
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
    xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" \
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
    xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
    xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"
    """

    var body: String
    var styles: String?
    var numbering: String?
    var footnotes: String?
    var endnotes: String?
    var comments: String?
    var header: String?
    /// File name in word/media → bytes.
    var media: [(name: String, bytes: [UInt8])] = []
    var extraRelationships = ""
    var core: String?
    var app: String?
    /// Where the main part lives (some writers use another name).
    var mainPart = "word/document.xml"

    init(body: String) {
        self.body = body
    }

    func bytes() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate, provider: { position, size in
                                     data.subdata(in: Int(position)..<Int(position) + size)
                                 })
        }
        func add(_ path: String, _ text: String) throws { try add(path, Data(text.utf8)) }
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        var rootRels = "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"\(mainPart)\"/>"
        if core != nil { rootRels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>" }
        if app != nil { rootRels += "<Relationship Id=\"rId3\" Type=\"\(rel)/extended-properties\" Target=\"docProps/app.xml\"/>" }
        try add("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rootRels)</Relationships>")
        var rels = extraRelationships
        func part(_ id: String, _ type: String, _ target: String, _ root: String, _ content: String?) throws {
            guard let content else { return }
            rels += "<Relationship Id=\"\(id)\" Type=\"\(rel)/\(type)\" Target=\"\(target)\"/>"
            try add("word/" + target, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:\(root) \(Self.namespaces)>\(content)</w:\(root)>")
        }
        try part("rId1", "styles", "styles.xml", "styles", styles)
        try part("rId2", "numbering", "numbering.xml", "numbering", numbering)
        try part("rId3", "footnotes", "footnotes.xml", "footnotes", footnotes)
        try part("rId4", "endnotes", "endnotes.xml", "endnotes", endnotes)
        try part("rId5", "comments", "comments.xml", "comments", comments)
        try part("rId6", "header", "header1.xml", "hdr", header)
        for (i, m) in media.enumerated() {
            rels += "<Relationship Id=\"rId\(10 + i)\" Type=\"\(rel)/image\" Target=\"media/\(m.name)\"/>"
            try add("word/media/" + m.name, Data(m.bytes))
        }
        let folder = mainPart.split(separator: "/").dropLast().joined(separator: "/")
        let file = mainPart.split(separator: "/").last!
        try add("\(folder)/_rels/\(file).rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>")
        try add(mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(Self.namespaces)><w:body>\(body)</w:body></w:document>")
        if let core {
            try add("docProps/core.xml", "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\(core)</cp:coreProperties>")
        }
        if let app {
            try add("docProps/app.xml", "<?xml version=\"1.0\"?><Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\(app)</Properties>")
        }
        return Array(archive.data ?? Data())
    }

    /// A paragraph with one run of text.
    static func p(_ text: String, style: String? = nil, props: String = "", run: String = "") -> String {
        let pPr = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        return "<w:p><w:pPr>\(pPr)\(props)</w:pPr><w:r><w:rPr>\(run)</w:rPr><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A 1×1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
        0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
        0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}
