import Content
import Review

/// Every file of the sites, each rendered when asked, for the preview.
package struct SitePages: Sendable {
    /// One site's files, listed when first asked for.
    package struct Site: Sendable {
        package let domain: String
        /// Every page, asset and feed of the site; not the search indexes.
        package let files: @Sendable () -> [OutputFile]
    }

    /// Every site, its files not yet listed (the preview lists a site's files
    /// when one of its pages is first asked for).
    package let sites: [Site]
    /// Makes the search index files (a second or so on a large province).
    package let search: @Sendable () -> [OutputFile]
    /// Every public answer and media transcript kept out of the sites, with the reason.
    package let heldBack: [any ReviewStanding]
    private let summarize: @Sendable (OutputCounts) -> SiteBuild.Report

    init(sites: [Site], search: @escaping @Sendable () -> [OutputFile], heldBack: [any ReviewStanding],
         summarize: @escaping @Sendable (OutputCounts) -> SiteBuild.Report) {
        self.sites = sites
        self.search = search
        self.heldBack = heldBack
        self.summarize = summarize
    }

    /// Every page, asset and feed of every site; not the search indexes.
    package var files: [OutputFile] { sites.concurrentMap { $0.files() }.flatMap { $0 } }

    /// What a build of these files reports (lists every site's files to count them).
    package var report: SiteBuild.Report { summarize(OutputCounts(files)) }
}
