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
    public var body: String

    public init(url: String, title: String, number: String?, communitySlug: String, community: String,
                categorySlug: String, category: String, tags: [String], date: String, body: String) {
        self.url = url
        self.title = title
        self.number = number
        self.communitySlug = communitySlug
        self.community = community
        self.categorySlug = categorySlug
        self.category = category
        self.tags = tags
        self.date = date
        self.body = body
    }
}
