import GongkaiCore

/// The town compliance overview (overview/index.html) and each community's
/// calendar (overview/<community>/index.html), from `ComplianceReport`.
extension SiteRenderer {
    static func stateName(_ status: ComplianceReport.Status) -> String {
        switch status {
        case .onTime: return "ok"
        case .late: return "late"
        case .missing: return "missing"
        case .pending: return "pending"
        }
    }

    static func statusText(_ status: ComplianceReport.Status) -> String {
        switch status {
        case .onTime: return "按时"
        case .late(let days): return "逾期 \(days) 天"
        case .missing: return "未公开"
        case .pending: return "待公开"
        }
    }

    /// The categories that have a calendar obligation somewhere, in catalogue order.
    var cadencedCategories: [Category] {
        let slugs = Set(compliance.rows.map(\.category))
        return site.categories.filter { slugs.contains($0.slug) }
    }

    func overviewPage() -> OverviewPage {
        let path = URLPaths.overview()
        let root = URLPaths.root(of: path)
        let columns = cadencedCategories
        var behind: [OverviewGap] = []
        let communities = content.communities.map { community -> OverviewCommunity in
            let rows = compliance.rows(for: community.slug)
            let href = root + URLPaths.overview(community.slug)
            let cells = columns.map { category -> OverviewSummary in
                guard let row = rows.first(where: { $0.category == category.slug }) else {
                    return OverviewSummary(applies: false, state: "na", text: "不适用", periods: 0, onTime: 0, late: 0,
                                           missing: 0, pending: 0)
                }
                var parts = ["按时 \(row.onTime)"]
                // A community's own cadence (community.yml `rules:`) differs from the column's.
                if row.cadence != category.rules.cadence { parts[0] = row.cadence.label + "公开：" + parts[0] }
                if row.late > 0 { parts.append("逾期 \(row.late)") }
                if row.missing > 0 { parts.append("未公开 \(row.missing)") }
                if row.pending > 0 { parts.append("待公开 \(row.pending)") }
                let state = row.missing > 0 ? "missing" : row.late > 0 ? "late" : "ok"
                let gaps = row.cells.filter { $0.status == .missing }.map(\.period.label)
                if !gaps.isEmpty {
                    behind.append(OverviewGap(community: community.name, href: href + "#" + category.slug,
                                              category: category.name, periods: gaps.joined(separator: "、"), count: gaps.count))
                }
                return OverviewSummary(applies: true, state: state, text: parts.joined(separator: "，"),
                                       periods: row.cells.count, onTime: row.onTime, late: row.late,
                                       missing: row.missing, pending: row.pending)
            }
            return OverviewCommunity(name: community.name, href: href, cells: cells,
                                     missing: cells.reduce(0) { $0 + $1.missing }, late: cells.reduce(0) { $0 + $1.late },
                                     replies: replies.counts(community.slug, today: today))
        }
        // Who is furthest behind first; ties keep the display order.
        behind = behind.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
        return OverviewPage(
            layout: layout(path, title: "公开情况一览", crumbs: [("公开情况一览", nil)],
                           description: "各村（社区）是否按公开目录按时公开"),
            title: "\(site.town ?? site.title)公开情况一览", today: today.chinese, todayISO: today.iso,
            from: compliance.from.chinese, fromISO: compliance.from.iso,
            columns: columns.map { c in
                OverviewColumn(name: c.name, cadence: (c.rules.cadence ?? .onEvent).label)
            },
            communities: communities, behind: behind, hasBehind: !behind.isEmpty, hasColumns: !columns.isEmpty,
            missingTotal: communities.reduce(0) { $0 + $1.missing }, lateTotal: communities.reduce(0) { $0 + $1.late },
            hasReplies: communities.contains { $0.replies.any })
    }

    func communityOverviewPage(_ community: Community) -> CommunityOverviewPage {
        let path = URLPaths.overview(community.slug)
        let root = URLPaths.root(of: path)
        let byID = Dictionary((byCommunity[community.slug] ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let calendars = compliance.rows(for: community.slug).map { row -> OverviewCalendar in
            let category = categories[row.category]
            var years: [OverviewYear] = []
            for cell in row.cells {
                let year = String(cell.period.year) + "年"
                if years.last?.year != year { years.append(OverviewYear(year: year, cells: [])) }
                let first = cell.notices.first.flatMap { byID[$0] }
                var detail: String
                switch cell.status {
                case .onTime, .late: detail = first.map { "\($0.date.day.chineseMonthDay)公开" } ?? ""
                case .missing: detail = "应在 \(cell.deadline.chineseMonthDay) 前公开"
                case .pending: detail = "截止 \(cell.deadline.chineseMonthDay)"
                }
                if cell.notices.count > 1 { detail += "（共 \(cell.notices.count) 篇）" }
                years[years.count - 1].cells.append(OverviewCell(
                    label: cell.period.shortLabel, period: cell.period.label, state: Self.stateName(cell.status),
                    statusText: Self.statusText(cell.status), detail: detail,
                    href: first.map { root + URLPaths.notice($0.id) }, title: first?.title))
            }
            var summary = "\(row.cadence.label)公开，\(row.cells.count) 期：按时 \(row.onTime)"
            if row.late > 0 { summary += "，逾期 \(row.late)" }
            if row.missing > 0 { summary += "，未公开 \(row.missing)" }
            if row.pending > 0 { summary += "，待公开 \(row.pending)" }
            return OverviewCalendar(category: category?.name ?? row.category, anchor: row.category,
                                    cadence: row.cadence.label, summary: summary + "。", years: years)
        }
        return CommunityOverviewPage(
            layout: layout(path, title: "\(community.name)公开情况", crumbs: [("公开情况一览", URLPaths.overview()), (community.name, nil)],
                           description: "\(community.name)按公开目录的公开情况"),
            name: community.name, today: today.chinese, calendars: calendars, hasCalendars: !calendars.isEmpty,
            communityHref: root + URLPaths.community(community.slug), overviewHref: root + URLPaths.overview())
    }
}
