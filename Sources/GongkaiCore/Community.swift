/// A village (村) or residential community (社区), from `<slug>/community.yml`.
public struct Community: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case village = "村"
        case community = "社区"
    }

    /// The folder name: ASCII, used in URLs.
    public var slug: String
    public var name: String
    public var kind: Kind
    public var town: String?
    /// Default issuer (发布单位) of its notices.
    public var committee: String
    public var description: String?
    public var address: String?
    public var phone: String?
    /// Position in lists; communities without one follow, by slug.
    public var order: Int?
    /// 村务监督委员会: whom villagers contact with an objection.
    public var supervision: Supervision?
    /// Category slug → rules that differ for this community (community.yml `rules:`).
    public var ruleOverrides: [String: DisclosureRules] = [:]
    /// `public_contacts`: numbers (as written) that the privacy guard lets
    /// through in this community's notices, e.g. a committee member's
    /// published mobile or the collective's bank account.
    public var publicContacts: [String] = []

    public init(
        slug: String, name: String, kind: Kind, town: String? = nil, committee: String? = nil,
        description: String? = nil, address: String? = nil, phone: String? = nil, order: Int? = nil
    ) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.town = town
        self.committee = committee ?? name + (kind == .village ? "村民委员会" : "居民委员会")
        self.description = description
        self.address = address
        self.phone = phone
        self.order = order
    }

    /// By `order`, communities without one after those with one, then by slug.
    public static func displayOrder(_ a: Community, _ b: Community) -> Bool {
        switch (a.order, b.order) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.slug < b.slug
        }
    }

    /// 村务监督委员会 or 居务监督委员会: the name of the body when
    /// community.yml does not give one.
    public var supervisionName: String {
        supervision?.name ?? name + (kind == .village ? "村务监督委员会" : "居务监督委员会")
    }

    /// 村务公开 or 居务公开.
    public var disclosureName: String { kind == .village ? "村务公开" : "居务公开" }
}

/// The 村（居）务监督委员会 of a community, from community.yml `supervision:`.
public struct Supervision: Sendable, Hashable {
    public var name: String?
    /// The person to contact, e.g. 主任 王秀兰.
    public var contact: String?
    public var phone: String?
    public var address: String?

    public init(name: String? = nil, contact: String? = nil, phone: String? = nil, address: String? = nil) {
        self.name = name
        self.contact = contact
        self.phone = phone
        self.address = address
    }
}
