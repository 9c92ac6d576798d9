import GongkaiCore

/// The rule keys a category (site.yml) or a community's override
/// (community.yml `rules:`) may carry, docs/catalogue.md.
enum RulesParser {
    static let keys = ["cadence", "due_days", "min_display_days", "period_required", "review_required",
                       "number_required", "objection_days", "process_required", "answer_days"]

    /// Reads the rule keys present in `map`; bad values become GK016.
    static func parse(_ map: [String: YAMLNode], yaml: YAMLSource, diagnostics d: inout [Diagnostic]) -> DisclosureRules {
        var r = DisclosureRules()
        func days(_ key: String) -> Int? {
            guard let node = map[key] else { return nil }
            if let n = node.text.flatMap({ Int($0) }), n >= 0 { return n }
            d.append(yaml.diagnostic(node, "GK016", Messages.badRule(key, node.text ?? "", "不小于 0 的整数天数"),
                                     fix: Messages.badRuleFix(key)))
            return nil
        }
        func flag(_ key: String) -> Bool? {
            guard let node = map[key] else { return nil }
            switch node.text?.lowercased() {
            case "true", "yes", "是", "要", "需要": return true
            case "false", "no", "否", "不", "不需要": return false
            default:
                d.append(yaml.diagnostic(node, "GK016", Messages.badRule(key, node.text ?? "", "true 或 false"),
                                         fix: Messages.badRuleFix(key)))
                return nil
            }
        }
        if let node = map["cadence"] {
            if let c = node.text.flatMap(Cadence.parse) { r.cadence = c } else {
                d.append(yaml.diagnostic(node, "GK016", Messages.badRule("cadence", node.text ?? "",
                                                                          "monthly、quarterly、half-yearly、yearly 或 on-event"),
                                         fix: Messages.badRuleFix("cadence")))
            }
        }
        r.dueDays = days("due_days")
        r.minDisplayDays = days("min_display_days")
        r.objectionDays = days("objection_days")
        r.answerDays = days("answer_days")
        r.periodRequired = flag("period_required")
        r.reviewRequired = flag("review_required")
        r.numberRequired = flag("number_required")
        r.processRequired = flag("process_required")
        return r
    }
}
