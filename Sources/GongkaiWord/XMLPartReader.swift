import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The namespaces this reader tells apart. Transitional and strict OOXML
/// spell them differently; prefixes are whatever the writer chose, so names
/// are compared by namespace, never by prefix.
enum XMLNamespace: Equatable {
    case w, r, wp, a, pic, v, o, mc, m, wps, chart, diagram, relationships, other

    init(uri: String) {
        switch uri {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main":
            self = .w
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships":
            self = .r
        case "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
             "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":
            self = .wp
        case "http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main":
            self = .a
        case "http://schemas.openxmlformats.org/drawingml/2006/picture", "http://purl.oclc.org/ooxml/drawingml/picture":
            self = .pic
        case "urn:schemas-microsoft-com:vml": self = .v
        case "urn:schemas-microsoft-com:office:office": self = .o
        case "http://schemas.openxmlformats.org/markup-compatibility/2006": self = .mc
        case "http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math":
            self = .m
        case "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": self = .wps
        case "http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart":
            self = .chart
        case "http://schemas.openxmlformats.org/drawingml/2006/diagram", "http://purl.oclc.org/ooxml/drawingml/diagram":
            self = .diagram
        case "http://schemas.openxmlformats.org/package/2006/relationships": self = .relationships
        default: self = .other
        }
    }

    /// For prefixes a sloppy writer uses without declaring them.
    init(conventionalPrefix prefix: Substring) {
        switch prefix {
        case "w": self = .w
        case "r": self = .r
        case "wp": self = .wp
        case "a": self = .a
        case "pic": self = .pic
        case "v": self = .v
        case "o": self = .o
        case "mc": self = .mc
        case "m": self = .m
        case "wps": self = .wps
        default: self = .other
        }
    }
}

struct XMLName: Equatable {
    var namespace: XMLNamespace
    var local: Substring

    func `is`(_ ns: XMLNamespace, _ name: String) -> Bool { namespace == ns && local == name }
}

/// Attributes of one element, looked up by namespace and local name.
struct XMLAttributes {
    let raw: [String: String]
    let resolve: (Substring) -> XMLNamespace

    /// `w:val` → `self[.w, "val"]`; an unprefixed attribute has no namespace
    /// (`nil`), but writers also drop the `w:` prefix, so `.w` finds it too.
    subscript(_ ns: XMLNamespace?, _ local: String) -> String? {
        for (key, value) in raw {
            if let colon = key.firstIndex(of: ":") {
                let prefix = key[..<colon]
                guard prefix != "xmlns", key[key.index(after: colon)...] == local else { continue }
                if let ns, resolve(prefix) == ns { return value }
            } else if key == local, ns == nil || ns == .w {
                return value
            }
        }
        return nil
    }
}

/// Base of the SAX readers: resolves namespace prefixes (declared on any
/// element, scoped) and hands subclasses resolved names.
class XMLPartReader: NSObject, XMLParserDelegate {
    private var scopes: [[Substring: XMLNamespace]] = [[:]]
    private(set) var failed = false

    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let ok = parser.parse()
        return ok && !failed
    }

    func namespace(of prefix: Substring) -> XMLNamespace {
        for scope in scopes.reversed() {
            if let ns = scope[prefix] { return ns }
        }
        return XMLNamespace(conventionalPrefix: prefix)
    }

    private func name(_ qualified: String) -> XMLName {
        if let colon = qualified.firstIndex(of: ":") {
            return XMLName(namespace: namespace(of: qualified[..<colon]), local: qualified[qualified.index(after: colon)...])
        }
        return XMLName(namespace: namespace(of: ""), local: Substring(qualified))
    }

    func start(_ name: XMLName, _ attributes: [String: String]) {}
    func startElement(_ name: XMLName, _ attributes: XMLAttributes) { start(name, attributes.raw) }
    func end(_ name: XMLName) {}
    func characters(_ string: String) {}

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        var scope: [Substring: XMLNamespace] = [:]
        for (key, value) in attributes where key == "xmlns" || key.hasPrefix("xmlns:") {
            let prefix = key == "xmlns" ? Substring("") : key.dropFirst(6)
            scope[prefix] = XMLNamespace(uri: value)
        }
        scopes.append(scope)
        startElement(name(elementName), XMLAttributes(raw: attributes, resolve: { [unowned self] in self.namespace(of: $0) }))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        end(name(elementName))
        if scopes.count > 1 { scopes.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        characters(string)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failed = true
    }
}
