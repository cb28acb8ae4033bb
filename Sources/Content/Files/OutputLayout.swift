/// The names a build writes at the top of its output folder beside the site
/// folders (one per domain). No domain may take one of them.
package enum OutputLayout {
    /// The answers held back from publication, with why.
    package static let heldBackReport = "held-back.json"
    /// The review ledger's verified head, the people and the policy the build used.
    package static let ledgerRecord = "review-ledger.json"
    /// The generated nginx configuration, one file per site.
    package static let nginxFolder = "nginx"

    /// Every name above.
    package static let reservedNames: Set<String> = [heldBackReport, ledgerRecord, nginxFolder]
}
