/// Where one deploy target keeps a site's releases: `<root>/<domain>/releases/<id>/`,
/// served from `<root>/<domain>/current`, a symbolic link switched by one
/// `rename`. A folder on this machine (``FolderShelf``) or on a web server
/// reached over SSH (``RemoteShelf``): ``Deployment`` does the same steps on either.
package protocol ReleaseShelf: Sendable {
    /// The target's name in portal.yml, or its folder, for messages.
    var name: String { get }
    /// Where a site's folder is on the target, e.g. `/srv/12320/www.jsnj12320.cn`
    /// or `ssh://deploy@10.1.2.3/srv/12320/www.jsnj12320.cn`: where its problems are located.
    func address(of domain: String) -> String

    /// The release `current` points at, if any.
    func current(of domain: String) throws(Deployment.Failure) -> String?
    /// Complete releases, oldest first.
    func releases(of domain: String) throws(Deployment.Failure) -> [String]
    /// The manifest a release holds, if it can be read.
    func manifest(of domain: String, release: String) throws(Deployment.Failure) -> ReleaseManifest?
    /// The files of a release whose bytes are not those its manifest lists (changed on the server).
    func mismatches(of domain: String, release: String, against manifest: ReleaseManifest) throws(Deployment.Failure) -> [String]
    /// Puts the site folder `source` of the build output on the target as
    /// release `id`, not yet current: each file hard-linked against release
    /// `linkingAgainst` when the same there (and not in `defaced`), copied
    /// otherwise, the previous release's fingerprinted assets kept, every
    /// file verified against `manifest`. Nothing is left of it on failure.
    /// - Returns: how many files were copied and how many linked.
    func stage(_ source: String, domain: String, id: String, manifest: ReleaseManifest, linkingAgainst current: String?,
               defaced: Set<String>) throws(Deployment.Failure) -> (copied: Int, linked: Int)
    /// Points `current` at release `id`, in one atomic step.
    func switchCurrent(of domain: String, to id: String) throws(Deployment.Failure)
    /// Removes release `id` (never the current one); leftovers of interrupted deploys too.
    func remove(_ ids: [String], of domain: String)
}
