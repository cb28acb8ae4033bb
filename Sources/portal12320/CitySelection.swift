import ArgumentParser
import Content
import Diagnostics
import Foundation
import Publish
import Review
import Site

enum CitySelection {
    /// Refuses abbreviations that name no opened city, as a usage error.
    static func validate(_ cities: [String], in province: Province) throws {
        let opened = Set(province.openedCities.map(\.abbr))
        for abbr in cities where !opened.contains(abbr) {
            throw ValidationError("'\(abbr)' is not an opened city. Opened: \(province.openedCities.map(\.abbr).joined(separator: ", ")).")
        }
    }
}
