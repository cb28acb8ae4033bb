/// What the province holds its sites to, as website inspections count it:
/// pages not updated, dead links (`inspection:` in `portal.yml`).
package struct InspectionRules: Sendable, Hashable {
    /// An answer whose `updated:` date is older than this many days is stale.
    package var staleAfterDays = 365
    /// A site whose newest answer is older than this many days breaks the
    /// rule that its home page is kept up to date; `nil` for no such rule.
    package var homeUpdatedWithinDays: Int? = nil
    /// How many categories without an answer one site may have; `nil` for no such rule.
    package var emptyCategoriesAllowed: Int? = nil
    /// How many dead links one site may have before `check --links` fails.
    package var deadLinksAllowed = 0

    package init() {}
}
