import ArgumentParser
import Foundation
import Publish

/// Turns `--city` abbreviations into site folders, by the city each site's
/// release manifest names (the build writes it from `portal.yml`).
enum Sites {
    /// - Parameters:
    ///   - domains: the sites in `folder`.
    ///   - city: the city abbreviation of a site, if it is a city's.
    static func select(_ cities: [String], from domains: [String], in folder: String,
                       city: (String) -> String?) throws -> [String] {
        guard !cities.isEmpty else {
            if domains.isEmpty { throw ValidationError("No built sites in '\(folder)'. Run `portal12320 build` first.") }
            return domains
        }
        let byCity = Dictionary(domains.compactMap { domain in city(domain).map { ($0, domain) } }) { first, _ in first }
        return try cities.map { abbr in
            guard let domain = byCity[abbr] else {
                let known = byCity.keys.sorted()
                throw ValidationError("No site for city '\(abbr)' in '\(folder)'"
                    + (known.isEmpty ? "." : "; cities there: \(known.joined(separator: ", ")).")
                    + " Use the abbreviation from portal.yml (`abbr:`), and build first.")
            }
            return domain
        }
    }
}
