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
    /// The rule preset chosen with `rules:` (docs/catalogue.md), if any.
    public var preset: String?
    /// `public_contacts`: numbers (as written) that the privacy guard lets
    /// through everywhere, e.g. the town's hotline.
    public var publicContacts: [String] = []
    /// Write a `.gz` sibling beside every text file (site.yml `precompress`).
    public var precompress = true
    /// Where `gongkai desk` answers (site.yml `desk_url`, docs/desk.md): with
    /// it, notice pages whose objection window is open carry a form, and
    /// community pages a suggestion form. Ends with one `/`.
    public var deskURL: String?
    /// site.yml `answers:`: days to answer each kind (a category's
    /// `answer_days` overrides the objection days for its notices) and
    /// whether answers need the 村务监督委员会's review.
    public var answers = AnswerRules()

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
    /// What kind of matter it is: presets give rules per type.
    public var type: CategoryType?
    /// The effective rules (preset, then the category's own keys);
    /// `minDisplayDays` above is the same as `rules.minDisplayDays`.
    public var rules: DisclosureRules
    /// Only villages (村) or only communities (社区) must publish it; nil: both.
    public var appliesTo: Community.Kind?

    public init(slug: String, name: String, description: String? = nil, minDisplayDays: Int? = nil,
                template: String? = nil, type: CategoryType? = nil, rules: DisclosureRules = DisclosureRules(),
                appliesTo: Community.Kind? = nil) {
        self.slug = slug
        self.name = name
        self.description = description
        self.minDisplayDays = minDisplayDays ?? rules.minDisplayDays
        self.template = template
        self.type = type
        var r = rules
        r.minDisplayDays = self.minDisplayDays
        self.rules = r
        self.appliesTo = appliesTo
    }
}

/// site.yml `answers:` (docs/desk.md).
public struct AnswerRules: Sendable, Hashable {
    public var objectionDays: Int?
    public var suggestionDays: Int?
    /// Answers to suggestions need review; objections follow their notice's
    /// category (`review_required`) unless this says true.
    public var reviewRequired: Bool?

    public init(objectionDays: Int? = nil, suggestionDays: Int? = nil, reviewRequired: Bool? = nil) {
        self.objectionDays = objectionDays
        self.suggestionDays = suggestionDays
        self.reviewRequired = reviewRequired
    }
}

extension Site {
    /// Days to answer a case: for an objection, its notice's category's
    /// `answer_days`, else site.yml `answers.objection_days`, else 10; for a
    /// suggestion `answers.suggestion_days`, else 15.
    public func answerDays(_ kind: CaseKind, category: Category? = nil, community: Community? = nil) -> Int {
        switch kind {
        case .objection:
            if let category, let days = rules(for: category, in: community).answerDays { return days }
            return answers.objectionDays ?? kind.defaultAnswerDays
        case .suggestion:
            return answers.suggestionDays ?? kind.defaultAnswerDays
        }
    }

    /// Whether an answer must carry `审核` before it is published.
    public func answerReviewRequired(_ kind: CaseKind, category: Category?, community: Community?) -> Bool {
        if answers.reviewRequired == true { return true }
        if kind == .objection, let category { return rules(for: category, in: community).reviewRequired ?? false }
        return false
    }
}

extension Site {
    /// The rules for one category in one community: the category's, then the
    /// community's own overrides (community.yml `rules:`), with the site's
    /// minimum 公示期 as the last fallback.
    public func rules(for category: Category, in community: Community?) -> DisclosureRules {
        var r = category.rules
        if let own = community?.ruleOverrides[category.slug] { r = r.overridden(by: own) }
        if r.minDisplayDays == nil { r.minDisplayDays = minDisplayDays }
        return r
    }

    /// Whether a community must publish this category at all.
    public func applies(_ category: Category, to community: Community) -> Bool {
        category.appliesTo == nil || category.appliesTo == community.kind
    }
}
