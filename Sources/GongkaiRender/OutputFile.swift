/// One file of the built site, relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case bytes([UInt8])
        /// A byte-identical copy of a file in the site folder (attachments).
        case copy(from: String)
    }

    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: .bytes(Array(text.utf8)))
    }
}
