import Content
import Diagnostics

/// Website inspections count pages not updated, sections left empty and a
/// home page that does not change: per site, what a resident sees of each.
/// Made from the sites as a build would publish them, so an answer awaiting
/// review or a city's override counts as the site shows it.
package struct FreshnessReport: Sendable {
    package struct StaleAnswer: Sendable, Equatable {
        package let reference: String
        package let title: String
        package let updated: Day
        package let days: Int
    }

    package struct Site: Sendable {
        package let name: String
        package let domain: String
        /// The newest answer's date: what the home page shows as its update date.
        package let newest: Day?
        package let daysSinceNewest: Int?
        /// Categories (their names) that list no answer.
        package let emptyCategories: [String]
        /// Answers older than the province's limit, oldest first.
        package let staleAnswers: [StaleAnswer]
        /// Answers dated after the day of the report: their date would show as the site's update date.
        package let futureAnswers: [StaleAnswer]
        /// Categories whose newest answer is older than the limit.
        package let staleCategories: [String]
        /// The province's rules this site breaks, in words.
        package let broken: [String]
    }

    package let today: Day
    package let rules: InspectionRules
    package let sites: [Site]

    package var breaksARule: Bool { sites.contains { !$0.broken.isEmpty } }

    init(plan: SitePlan, today: Day) {
        self.today = today
        let rules = plan.province.inspection
        self.rules = rules
        let categories = plan.province.categories
        sites = plan.sites.map { site in
            let newest = site.answers.map(\.answer.updated).max()
            let age = newest.map { today.days(since: $0) }
            let byCategory = Dictionary(grouping: site.answers, by: \.answer.category)
            let empty = categories.filter { byCategory[$0.key] == nil }.map(\.name)
            let stale = site.answers.compactMap { page -> StaleAnswer? in
                let days = today.days(since: page.answer.updated)
                guard days > rules.staleAfterDays else { return nil }
                return StaleAnswer(reference: page.answer.reference, title: page.answer.title, updated: page.answer.updated, days: days)
            }.sorted { ($0.updated, $0.reference) < ($1.updated, $1.reference) }
            let staleCategories = categories.filter { category in
                guard let latest = byCategory[category.key]?.map(\.answer.updated).max() else { return false }
                return today.days(since: latest) > rules.staleAfterDays
            }.map(\.name)
            let future = site.answers.filter { $0.answer.updated > today }.map { page in
                StaleAnswer(reference: page.answer.reference, title: page.answer.title, updated: page.answer.updated,
                            days: today.days(since: page.answer.updated))
            }.sorted { ($0.updated, $0.reference) < ($1.updated, $1.reference) }
            var broken: [String] = []
            if !future.isEmpty {
                broken.append("\(future.count) answers are dated after \(today) (\(future.map(\.reference).joined(separator: ", "))): a date to come passes for an update")
            }
            if let limit = rules.homeUpdatedWithinDays {
                if let age, age > limit {
                    broken.append("the home page was last updated \(age) days ago (limit \(limit), `home_updated_within_days`)")
                } else if age == nil {
                    broken.append("the site has no answer, so its home page has never been updated")
                }
            }
            if let allowed = rules.emptyCategoriesAllowed, empty.count > allowed {
                broken.append("\(empty.count) categories have no answer (limit \(allowed), `empty_categories_allowed`)")
            }
            let name = "\(site.city?.name ?? plan.province.name)12320卫生热线"
            return Site(name: name, domain: site.domain, newest: newest, daysSinceNewest: age, emptyCategories: empty,
                        staleAnswers: stale, futureAnswers: future, staleCategories: staleCategories, broken: broken)
        }
    }

    package func markdown(provinceName: String) -> String {
        var text = "# \(provinceName)12320 网站内容更新情况（\(today)）\n\n"
        text += "答复超过 \(rules.staleAfterDays) 天未更新视为过期（`stale_after_days`）"
        if let limit = rules.homeUpdatedWithinDays { text += "；首页须在 \(limit) 天内更新（`home_updated_within_days`）" }
        if let allowed = rules.emptyCategoriesAllowed { text += "；空白分类不超过 \(allowed) 个（`empty_categories_allowed`）" }
        text += "。\n\n| 网站 | 最新答复 | 距今天数 | 空白分类 | 过期答复 | 超期未更新分类 | 结论 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
        for site in sites {
            let verdict = site.broken.isEmpty ? "合格" : "**不合格**"
            text += "| \(ReportCell.markdown(site.name)) `\(site.domain)` | \(site.newest?.description ?? "—") | \(site.daysSinceNewest.map(String.init) ?? "—") "
            text += "| \(site.emptyCategories.count) | \(site.staleAnswers.count) | \(site.staleCategories.count) | \(verdict) |\n"
        }
        for site in sites where !site.broken.isEmpty || !site.emptyCategories.isEmpty || !site.staleAnswers.isEmpty {
            var items = site.broken.map { "- 不合格：\(MessageCatalog.text($0, in: .chinese))\n" }
            if !site.emptyCategories.isEmpty { items.append("- 空白分类：\(site.emptyCategories.joined(separator: "、"))\n") }
            if !site.staleCategories.isEmpty { items.append("- 超过 \(rules.staleAfterDays) 天未更新的分类：\(site.staleCategories.joined(separator: "、"))\n") }
            text += "\n## \(site.name) `\(site.domain)`\n\n" + items.joined() + (items.isEmpty ? "" : "\n")
            if !site.staleAnswers.isEmpty {
                text += "| 过期答复 | 标题 | 更新日期 | 天数 |\n| --- | --- | --- | --- |\n"
                for answer in site.staleAnswers {
                    text += "| `\(answer.reference)` | \(ReportCell.markdown(answer.title)) | \(answer.updated) | \(answer.days) |\n"
                }
            }
        }
        return text
    }

    /// One line per finding: `site,domain,kind,subject,title,updated,days`.
    package func csv() -> String {
        var text = "site,domain,kind,subject,title,updated,days\n"
        for site in sites {
            var rows = [["newest", "", "", site.newest?.description ?? "", site.daysSinceNewest.map(String.init) ?? ""]]
            rows += site.broken.map { ["broken-rule", $0, "", "", ""] }
            rows += site.emptyCategories.map { ["empty-category", $0, "", "", ""] }
            rows += site.staleCategories.map { ["stale-category", $0, "", "", ""] }
            rows += site.staleAnswers.map { ["stale-answer", $0.reference, $0.title, $0.updated.description, String($0.days)] }
            for row in rows { text += ([site.name, site.domain] + row).map(ReportCell.csv).joined(separator: ",") + "\n" }
        }
        return text
    }
}
