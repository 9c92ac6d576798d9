import GongkaiCore

/// `<slug>/community.yml` → `Community`.
enum CommunityParser {
    static let knownKeys = ["name", "kind", "town", "committee", "description", "address", "phone", "order",
                            "supervision", "rules", "public_contacts"]
    static let supervisionKeys = ["name", "contact", "phone", "address"]
    /// Folder names that would collide with a page gongkai writes at the top of public/.
    static let reserved: Set<String> = ["category", "search", "assets", "api", "overview", "page", "feed"]

    static func parse(_ source: CommunitySource, site: Site?) -> (Community?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if reserved.contains(source.slug) {
            diagnostics.append(Diagnostic(file: "content/" + source.slug, code: "GK022",
                                          message: Messages.reservedCommunitySlug(source.slug), fix: Messages.reservedCommunitySlugFix))
        } else if !SiteConfigParser.isSlug(source.slug) && !source.slug.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            diagnostics.append(Diagnostic(file: "content/" + source.slug, code: "GK022",
                                          message: Messages.badCommunitySlug(source.slug), fix: Messages.badCommunitySlugFix))
        }
        guard let file = source.config else { return (nil, diagnostics) }
        let text: String
        switch TextDecoding.decode(file, what: "community.yml ") {
        case .success(let t): text = t
        case .failure(let d): return (nil, diagnostics + [d])
        }
        let yaml = YAMLSource(file: file.path, text: text, lineOffset: 0)
        let (root, syntax) = yaml.compose()
        guard syntax.isEmpty else { return (nil, diagnostics + syntax) }
        var values: [String: YAMLNode] = [:]
        for (key, keyNode, value) in root?.pairs ?? [] {
            if knownKeys.contains(key) {
                values[key] = value
            } else {
                diagnostics.append(yaml.diagnostic(keyNode, "GK013",
                                                   Messages.unknownCommunityKey(key, Suggest.nearest(key, in: knownKeys)),
                                                   severity: .warning))
            }
        }
        guard let name = values["name"]?.text, !name.isEmpty else {
            diagnostics.append(yaml.diagnostic(values["name"], "GK021", Messages.communityKeyMissing("name"),
                                               fix: Messages.communityKeyFix("name")))
            return (nil, diagnostics)
        }
        guard let kindText = values["kind"]?.text else {
            diagnostics.append(yaml.diagnostic(root, "GK021", Messages.communityKeyMissing("kind"),
                                               fix: Messages.communityKeyFix("kind")))
            return (nil, diagnostics)
        }
        guard let kind = Community.Kind(rawValue: kindText == "居委会" ? "社区" : kindText) else {
            diagnostics.append(yaml.diagnostic(values["kind"], "GK021", Messages.badKind(kindText), fix: Messages.badKindFix))
            return (nil, diagnostics)
        }
        var community = Community(
            slug: source.slug, name: name, kind: kind, town: values["town"]?.text ?? site?.town,
            committee: values["committee"]?.text, description: values["description"]?.text,
            address: values["address"]?.text, phone: values["phone"]?.text,
            order: values["order"]?.text.flatMap { Int($0) })
        if let node = values["supervision"] {
            if let name = node.text, !name.isEmpty {
                community.supervision = Supervision(name: name)
            } else if let fields = node.pairs {
                var s = Supervision()
                for f in fields {
                    switch f.key {
                    case "name", "名称": s.name = f.value.text
                    case "contact", "联系人": s.contact = f.value.text
                    case "phone", "电话": s.phone = f.value.text
                    case "address", "地址": s.address = f.value.text
                    default:
                        diagnostics.append(yaml.diagnostic(f.keyNode, "GK013",
                                                           Messages.unknownCommunityKey("supervision." + f.key, Suggest.nearest(f.key, in: supervisionKeys)),
                                                           severity: .warning))
                    }
                }
                community.supervision = s
            } else {
                diagnostics.append(yaml.diagnostic(node, "GK019", Messages.badSupervision, fix: Messages.badSupervisionFix))
            }
        }
        if let node = values["rules"] {
            if let pairs = node.pairs {
                for (slug, keyNode, value) in pairs {
                    guard let category = site?.category(named: slug) else {
                        diagnostics.append(yaml.diagnostic(keyNode, "GK019", Messages.communityRuleUnknownCategory(slug),
                                                           fix: Messages.communityRuleUnknownCategoryFix((site?.categories ?? []).map(\.slug).joined(separator: "、"))))
                        continue
                    }
                    var map: [String: YAMLNode] = [:]
                    for f in value.pairs ?? [] {
                        if RulesParser.keys.contains(f.key) { map[f.key] = f.value } else {
                            diagnostics.append(yaml.diagnostic(f.keyNode, "GK019", Messages.communityRuleUnknownKey(f.key, Suggest.nearest(f.key, in: RulesParser.keys)),
                                                               fix: Messages.communityRuleUnknownKeyFix))
                        }
                    }
                    community.ruleOverrides[category.slug] = RulesParser.parse(map, yaml: yaml, diagnostics: &diagnostics)
                }
            } else {
                diagnostics.append(yaml.diagnostic(node, "GK019", Messages.communityRuleUnknownCategory(node.text ?? ""),
                                                   fix: Messages.communityRuleShapeFix))
            }
        }
        let (contacts, contactProblems) = PublicContacts.parse(values["public_contacts"], yaml: yaml)
        community.publicContacts = contacts
        diagnostics += contactProblems
        // community.yml is published too (the community page, the notice footer).
        diagnostics += PrivacyGuard.forNotice(site: site, community: community)
            .diagnostics(yaml: yaml, root: root, skipping: ["public_contacts"])
        return (community, diagnostics)
    }
}
