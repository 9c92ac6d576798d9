import GongkaiCore

/// What may be published as an attachment (docs/content-format.md,
/// GK122–GK125). Types are by extension, case-insensitive.
enum AttachmentRules {
    /// Documents residents can open on a phone, and nothing that a browser
    /// would run on the site's own domain (`.html`, `.svg`, `.js`) or that
    /// hides its content from the privacy guard (archives).
    static let allowedExtensions: Set<String> = [
        "pdf", "ofd",
        "png", "jpg", "jpeg", "gif", "webp",
        "doc", "docx", "wps",
        "xls", "xlsx", "et", "csv",
        "ppt", "pptx", "dps",
        "txt",
    ]

    /// Above this an attachment is a warning (GK123): hard to download on a phone.
    static let largeFile = 20 * 1024 * 1024
    /// Above this an image shown in the page is a warning (GK125).
    static let largeInlineImage = 2 * 1024 * 1024

    static func isImage(_ ext: String) -> Bool { ImageSize.extensions.contains(ext) }
}
