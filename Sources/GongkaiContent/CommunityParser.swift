import GongkaiCore
import Yams

/// `<slug>/community.yml` → `Community`.
enum CommunityParser {
    static let knownKeys = ["name", "kind", "town", "committee", "description", "address", "phone", "order"]

    static func parse(_ source: CommunitySource, site: Site?) -> (Community?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if !SiteConfigParser.isSlug(source.slug) && !source.slug.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
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
        var values: [String: Node] = [:]
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
        let community = Community(
            slug: source.slug, name: name, kind: kind, town: values["town"]?.text ?? site?.town,
            committee: values["committee"]?.text, description: values["description"]?.text,
            address: values["address"]?.text, phone: values["phone"]?.text,
            order: values["order"]?.text.flatMap { Int($0) })
        return (community, diagnostics)
    }
}
