/// The site's identity and disclosure catalogue, from content/site.yml.
public struct Site: Sendable, Hashable {
    public var title: String
    public var town: String?
    public var description: String?
    /// As written in site.yml or `--base-url`; "/" when absent.
    public var baseURL: String
    /// IANA timezone identifier; dates without a zone are in it.
    public var timezone: String
    /// Minimum 公示期 in days unless a category says otherwise.
    public var minDisplayDays: Int
    /// The catalogue, in display order.
    public var categories: [Category]

    public init(
        title: String, town: String? = nil, description: String? = nil, baseURL: String = "/",
        timezone: String = "Asia/Shanghai", minDisplayDays: Int = 5, categories: [Category]
    ) {
        self.title = title
        self.town = town
        self.description = description
        self.baseURL = baseURL
        self.timezone = timezone
        self.minDisplayDays = minDisplayDays
        self.categories = categories
    }

    /// A category by slug or by the name residents see.
    public func category(named key: String) -> Category? {
        categories.first { $0.slug == key || $0.name == key }
    }

    public func category(slug: String) -> Category? {
        categories.first { $0.slug == slug }
    }

    /// Base URL with exactly one trailing slash, or nil when it is only a
    /// path (then feeds and the sitemap cannot carry absolute links).
    public var absoluteBase: String? {
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else { return nil }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }
}

/// One entry of the disclosure catalogue (目录).
public struct Category: Sendable, Hashable {
    /// ASCII, used in URLs.
    public var slug: String
    /// What residents see, e.g. 财务公开.
    public var name: String
    public var description: String?
    /// Overrides the site's minimum 公示期 when set.
    public var minDisplayDays: Int?
    /// Body template for `gongkai new`, relative to content/ (e.g. `_templates/caiwu.md`).
    public var template: String?

    public init(slug: String, name: String, description: String? = nil, minDisplayDays: Int? = nil,
                template: String? = nil) {
        self.slug = slug
        self.name = name
        self.description = description
        self.minDisplayDays = minDisplayDays
        self.template = template
    }
}
