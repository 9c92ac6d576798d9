import Foundation
import GongkaiCore

/// content/site.yml → `Site`.
enum SiteConfigParser {
    static let reservedSlugs: Set<String> = ["page", "category", "search", "assets", "api", "feed", "replies"]
    static let knownKeys = ["title", "town", "description", "base_url", "timezone", "min_display_days", "precompress", "rules", "categories", "public_contacts", "desk_url", "answers"]
    static let categoryKeys = ["slug", "name", "description", "template", "type", "applies_to"] + RulesParser.keys

    static func parse(_ file: SourceFile?) -> (Site?, [Diagnostic]) {
        guard let file else { return (nil, []) }
        let text: String
        switch TextDecoding.decode(file, what: "site.yml ") {
        case .success(let t): text = t
        case .failure(let d): return (nil, [d])
        }
        let yaml = YAMLSource(file: file.path, text: text, lineOffset: 0)
        let (root, syntax) = yaml.compose()
        guard syntax.isEmpty else { return (nil, syntax) }
        guard let pairs = root?.pairs else {
            return (nil, [yaml.diagnostic(root, "GK011", Messages.siteKeyMissing("title"), fix: Messages.siteKeyFix("title"))])
        }
        var diagnostics: [Diagnostic] = []
        var values: [String: YAMLNode] = [:]
        for (key, keyNode, value) in pairs {
            if knownKeys.contains(key) {
                values[key] = value
            } else {
                let suggestion = Suggest.nearest(key, in: knownKeys)
                diagnostics.append(yaml.diagnostic(keyNode, "GK013", Messages.unknownSiteKey(key, suggestion),
                                                   severity: .warning))
            }
        }
        guard let title = values["title"]?.text, !title.isEmpty else {
            diagnostics.append(yaml.diagnostic(values["title"], "GK011", Messages.siteKeyMissing("title"),
                                               fix: Messages.siteKeyFix("title")))
            return (nil, diagnostics)
        }
        var site = Site(title: title, categories: [])
        site.town = values["town"]?.text
        site.description = values["description"]?.text
        if let base = values["base_url"]?.text, !base.isEmpty { site.baseURL = base }
        if let node = values["timezone"], let tz = node.text {
            if TimeZone(identifier: tz) == nil {
                diagnostics.append(yaml.diagnostic(node, "GK014", Messages.badTimezone(tz), fix: Messages.badTimezoneFix))
            } else {
                site.timezone = tz
            }
        }
        if let node = values["min_display_days"] {
            if let n = node.text.flatMap({ Int($0) }), n >= 0 {
                site.minDisplayDays = n
            } else {
                diagnostics.append(yaml.diagnostic(node, "GK011", Messages.siteBadValue("min_display_days", "不小于 0 的整数天数"),
                                                   fix: "例如 min_display_days: 5。"))
            }
        }
        if let node = values["precompress"] {
            switch node.text?.lowercased() {
            case "true", "yes", "on": site.precompress = true
            case "false", "no", "off": site.precompress = false
            default:
                diagnostics.append(yaml.diagnostic(node, "GK011", Messages.siteBadValue("precompress", "true 或 false"),
                                                   fix: "例如 precompress: false（不生成 .gz 预压缩文件）。"))
            }
        }
        parseDesk(values, into: &site, yaml: yaml, diagnostics: &diagnostics)
        var preset: RulePreset?
        if let node = values["rules"] {
            let name = node.text ?? node.pairs?.first(where: { $0.key == "preset" })?.value.text ?? ""
            if let p = RulePreset.named(name) {
                preset = p
                site.preset = p.name
            } else {
                let names = RulePreset.all.map(\.name)
                diagnostics.append(yaml.diagnostic(node, "GK015", Messages.unknownPreset(name, Suggest.nearest(name, in: names)),
                                                   fix: Messages.unknownPresetFix(names.joined(separator: "、"))))
            }
        }
        guard let list = values["categories"]?.sequence, !list.isEmpty else {
            diagnostics.append(yaml.diagnostic(values["categories"], "GK011", Messages.siteKeyMissing("categories"),
                                               fix: Messages.siteKeyFix("categories")))
            return (nil, diagnostics)
        }
        var seen: Set<String> = []
        for entry in list {
            guard let fields = entry.pairs else {
                diagnostics.append(yaml.diagnostic(entry, "GK011", Messages.siteBadValue("categories", "一组 slug 和 name"),
                                                   fix: Messages.siteKeyFix("categories")))
                continue
            }
            var map: [String: YAMLNode] = [:]
            for f in fields {
                map[f.key] = f.value
                if !categoryKeys.contains(f.key) {
                    diagnostics.append(yaml.diagnostic(f.keyNode, "GK013",
                                                       Messages.unknownSiteKey(f.key, Suggest.nearest(f.key, in: categoryKeys)),
                                                       severity: .warning))
                }
            }
            guard let slug = map["slug"]?.text, let name = map["name"]?.text, !slug.isEmpty, !name.isEmpty else {
                diagnostics.append(yaml.diagnostic(entry, "GK011", Messages.siteBadValue("categories", "每个类别都有 slug 和 name"),
                                                   fix: Messages.siteKeyFix("categories")))
                continue
            }
            guard isSlug(slug), !reservedSlugs.contains(slug) else {
                diagnostics.append(yaml.diagnostic(map["slug"], "GK012", Messages.badCategorySlug(slug),
                                                   fix: Messages.badCategorySlugFix))
                continue
            }
            if seen.contains(slug) || seen.contains(name) {
                diagnostics.append(yaml.diagnostic(entry, "GK012", Messages.duplicateCategory(seen.contains(slug) ? slug : name),
                                                   fix: Messages.duplicateCategoryFix))
                continue
            }
            seen.insert(slug)
            seen.insert(name)
            let own = RulesParser.parse(map, yaml: yaml, diagnostics: &diagnostics)
            var type: CategoryType?
            if let node = map["type"] {
                type = node.text.flatMap { CategoryType(rawValue: $0) }
                if type == nil {
                    let names = CategoryType.allCases.map(\.rawValue)
                    diagnostics.append(yaml.diagnostic(node, "GK017", Messages.unknownCategoryType(node.text ?? "", Suggest.nearest(node.text ?? "", in: names)),
                                                       fix: Messages.unknownCategoryTypeFix))
                }
            } else if preset != nil {
                type = CategoryType.guess(slug: slug, name: name)
                if type == nil {
                    diagnostics.append(yaml.diagnostic(map["slug"], "GK018", Messages.typeNotInferred(name),
                                                       fix: Messages.typeNotInferredFix(slug), severity: .warning))
                }
            }
            var appliesTo: Community.Kind?
            if let node = map["applies_to"], let text = node.text {
                switch text {
                case "村", "village": appliesTo = .village
                case "社区", "居委会", "community": appliesTo = .community
                case "all", "全部", "村和社区": appliesTo = nil
                default:
                    diagnostics.append(yaml.diagnostic(node, "GK016", Messages.badRule("applies_to", text, "村、社区 或 all"),
                                                       fix: Messages.badRuleFix("applies_to")))
                }
            }
            let base = preset.map { $0.rules(for: type ?? .general) } ?? DisclosureRules()
            let rules = base.overridden(by: own)
            site.categories.append(Category(slug: slug, name: name, description: map["description"]?.text,
                                            template: map["template"]?.text, type: type, rules: rules,
                                            appliesTo: appliesTo))
        }
        let (contacts, contactProblems) = PublicContacts.parse(values["public_contacts"], yaml: yaml)
        site.publicContacts = contacts
        diagnostics += contactProblems
        diagnostics += PrivacyGuard(publicNumbers: contacts).diagnostics(yaml: yaml, root: root, skipping: ["public_contacts"])
        return (site.categories.isEmpty ? nil : site, diagnostics)
    }

    /// `desk_url` and `answers:` (docs/desk.md).
    static func parseDesk(_ values: [String: YAMLNode], into site: inout Site, yaml: YAMLSource, diagnostics: inout [Diagnostic]) {
        if let node = values["desk_url"], let url = node.text, !url.isEmpty {
            if url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("/") {
                site.deskURL = url.hasSuffix("/") ? url : url + "/"
            } else {
                diagnostics.append(yaml.diagnostic(node, "GK011", Messages.siteBadValue("desk_url", "以 https:// 或 / 开头的网址"),
                                                   fix: "例如 desk_url: https://gk.qingshan.gov.cn/desk/（见 docs/desk.md）。"))
            }
        }
        guard let node = values["answers"] else { return }
        guard let pairs = node.pairs else {
            diagnostics.append(yaml.diagnostic(node, "GK011", Messages.siteBadValue("answers", "objection_days、suggestion_days、review_required"),
                                               fix: "例如 answers: {objection_days: 10, suggestion_days: 15}。"))
            return
        }
        let keys = ["objection_days", "suggestion_days", "review_required"]
        for (key, keyNode, value) in pairs {
            switch key {
            case "objection_days", "suggestion_days":
                guard let n = value.text.flatMap({ Int($0) }), n >= 1 else {
                    diagnostics.append(yaml.diagnostic(value, "GK011", Messages.siteBadValue("answers.\(key)", "不小于 1 的整数天数"),
                                                       fix: "例如 \(key): 10。"))
                    continue
                }
                if key == "objection_days" { site.answers.objectionDays = n } else { site.answers.suggestionDays = n }
            case "review_required":
                switch value.text?.lowercased() {
                case "true", "yes", "是", "要", "需要": site.answers.reviewRequired = true
                case "false", "no", "否", "不", "不需要": site.answers.reviewRequired = false
                default:
                    diagnostics.append(yaml.diagnostic(value, "GK011", Messages.siteBadValue("answers.review_required", "true 或 false"),
                                                       fix: "例如 review_required: true。"))
                }
            default:
                diagnostics.append(yaml.diagnostic(keyNode, "GK013", Messages.unknownSiteKey(key, Suggest.nearest(key, in: keys)),
                                                   severity: .warning))
            }
        }
    }

    /// Lower-case ASCII letter, then letters, digits or `-`.
    static func isSlug(_ s: String) -> Bool {
        guard let first = s.utf8.first, first >= 97, first <= 122 else { return false }
        return s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
}
