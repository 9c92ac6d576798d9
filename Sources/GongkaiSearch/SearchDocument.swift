import GongkaiCore

/// What the index knows of one notice. Documents are given oldest first:
/// a document's number is its position, so "newer first on ties" is
/// "larger number first", and a new notice does not renumber the others.
public struct SearchDocument: Sendable {
    public var url: String
    public var title: String
    public var number: String?
    public var communitySlug: String
    public var community: String
    public var categorySlug: String
    public var category: String
    public var tags: [String]
    /// `2024-10-08`
    public var date: String
    /// Plain text of the body.
    public var body: String {
        get { text ?? source?.text ?? "" }
        set { text = newValue; source = nil }
    }
    private var text: String?
    /// The notice body the text comes from, asked only when needed: an
    /// index update reads the bodies of the changed notices alone.
    private var source: NoticeBody?

    public init(url: String, title: String, number: String?, communitySlug: String, community: String,
                categorySlug: String, category: String, tags: [String], date: String, body: String) {
        self.init(url: url, title: title, number: number, communitySlug: communitySlug, community: community,
                  categorySlug: categorySlug, category: category, tags: tags, date: date, text: body, source: nil)
    }

    /// A document whose text is `body.text`, made when first asked for.
    public init(url: String, title: String, number: String?, communitySlug: String, community: String,
                categorySlug: String, category: String, tags: [String], date: String, body: NoticeBody) {
        self.init(url: url, title: title, number: number, communitySlug: communitySlug, community: community,
                  categorySlug: categorySlug, category: category, tags: tags, date: date, text: nil, source: body)
    }

    private init(url: String, title: String, number: String?, communitySlug: String, community: String,
                 categorySlug: String, category: String, tags: [String], date: String, text: String?, source: NoticeBody?) {
        self.url = url
        self.title = title
        self.number = number
        self.communitySlug = communitySlug
        self.community = community
        self.categorySlug = categorySlug
        self.category = category
        self.tags = tags
        self.date = date
        self.text = text
        self.source = source
    }
}
