import Foundation

/// One file of the built site, relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case bytes([UInt8])
        /// A byte-identical copy of a file in the site folder (attachments).
        case copy(from: String)
        /// The same bytes as the previous build's file at this path (an
        /// unchanged page of an incremental build: not rendered again).
        case previous
    }

    public var path: String
    public var content: Content
    /// For pages: the stable hash of what the page was rendered from (its
    /// view model, template and theme), recorded for the next build.
    public var key: UInt64?

    public init(path: String, content: Content, key: UInt64? = nil) {
        self.path = path
        self.content = content
        self.key = key
    }

    public init(path: String, text: String, key: UInt64? = nil) {
        self.init(path: path, content: .bytes(Array(text.utf8)), key: key)
    }
}
