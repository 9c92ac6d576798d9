import GongkaiCore

/// `public_contacts:` in site.yml or community.yml: numbers the privacy guard
/// lets through (a committee member's published mobile, the collective's
/// bank account). Each entry is a number as text, or `{name: …, number: …}`.
enum PublicContacts {
    static func parse(_ node: YAMLNode?, yaml: YAMLSource) -> ([String], [Diagnostic]) {
        guard let node else { return ([], []) }
        var numbers: [String] = []
        var problems: [Diagnostic] = []
        let entries = node.sequence ?? [node]
        for entry in entries {
            var numberNode: YAMLNode? = entry
            if let fields = entry.pairs {
                numberNode = fields.first { ["number", "号码", "电话", "账号"].contains($0.key) }?.value
            }
            guard let numberNode, let text = numberNode.text, PrivacyGuard.normalise(text) != nil else {
                let shown = numberNode?.text ?? entry.text ?? ""
                problems.append(yaml.diagnostic(numberNode ?? entry, "GK174", Messages.publicContactNotNumber(shown),
                                                fix: Messages.publicContactNotNumberFix, severity: .warning))
                continue
            }
            numbers.append(text)
        }
        return (numbers, problems)
    }
}
