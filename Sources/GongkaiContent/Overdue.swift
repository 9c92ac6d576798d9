import GongkaiCore

/// `gongkai check --as-of`: one warning (GK150) per community and category
/// listing each period whose disclosure is missing after its deadline: the
/// same gaps the overview page shows.
public enum Overdue {
    public static func diagnostics(_ report: ComplianceReport, content: SiteContent) -> [Diagnostic] {
        let communities = Dictionary(content.communities.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [Diagnostic] = []
        for row in report.rows {
            let community = communities[row.community]
            let name = community?.name ?? row.community
            let category = content.site.category(slug: row.category)?.name ?? row.category
            let missing = row.cells.filter { $0.status == .missing }
            guard let first = missing.first else { continue }
            let periods = missing.map { "\($0.period.label)（应在 \($0.deadline.chinese)前）" }.joined(separator: "、")
            result.append(Diagnostic(
                file: "content/\(row.community)/community.yml", code: "GK150", severity: .warning,
                message: Messages.overdue(name, category, missing.count, report.today.chinese, periods),
                fix: Messages.overdueFix(first.period)))
        }
        return result
    }
}
