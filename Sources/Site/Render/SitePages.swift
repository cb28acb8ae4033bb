/// Every file of the sites, each rendered when asked, for the preview.
package struct SitePages: Sendable {
    /// Every page, asset and feed; not the search indexes.
    package let files: [OutputFile]
    /// Makes the search index files (a second or so on a large province).
    package let search: @Sendable () -> [OutputFile]
    package let report: SiteBuild.Report
}
