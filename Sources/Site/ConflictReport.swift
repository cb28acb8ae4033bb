import Content
import Foundation

/// Article 30: city answers that differ from the provincial position, for the
/// provincial centre: every city answer that overrides a provincial one.
package struct ConflictReport: Sendable {
    package struct Row: Sendable, Equatable {
        package let city: String
        package let cityAnswer: String
        package let cityTitle: String
        package let cityUpdated: Day
        package let provincialAnswer: String
        package let provincialTitle: String
        package let provincialUpdated: Day
    }

    package let rows: [Row]

    package init(content: ProvinceContent) {
        let provincial = Dictionary(uniqueKeysWithValues: content.answers.filter { $0.scope == .province }.map { ($0.id, $0) })
        let names = Dictionary(uniqueKeysWithValues: content.province.cities.map { ($0.abbr, $0.name) })
        rows = content.answers.compactMap { answer in
            guard case .city(let abbr) = answer.scope, let target = answer.overrides, let original = provincial[target] else { return nil }
            return Row(city: names[abbr] ?? abbr, cityAnswer: answer.reference, cityTitle: answer.title, cityUpdated: answer.updated,
                       provincialAnswer: original.reference, provincialTitle: original.title, provincialUpdated: original.updated)
        }
    }

    package func markdown(provinceName: String) -> String {
        var text = "# \(provinceName)12320 市级答复与全省统一口径差异报告\n\n"
        text += "共 \(rows.count) 条市级答复覆盖了全省统一答复（第三十条）。\n\n"
        text += "| 城市 | 市级答复 | 市级更新 | 全省答复 | 全省更新 |\n| --- | --- | --- | --- | --- |\n"
        for row in rows {
            text += "| \(ReportCell.markdown(row.city)) | \(ReportCell.markdown(row.cityTitle)) (`\(row.cityAnswer)`) | \(row.cityUpdated) "
            text += "| \(ReportCell.markdown(row.provincialTitle)) (`\(row.provincialAnswer)`) | \(row.provincialUpdated) |\n"
        }
        return text
    }

    package func csv() -> String {
        var text = "city,city_answer,city_title,city_updated,provincial_answer,provincial_title,provincial_updated\n"
        for row in rows {
            text += [row.city, row.cityAnswer, row.cityTitle, row.cityUpdated.description, row.provincialAnswer,
                     row.provincialTitle, row.provincialUpdated.description].map(ReportCell.csv).joined(separator: ",") + "\n"
        }
        return text
    }
}
