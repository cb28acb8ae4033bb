import Content
/// A release manifest is read from the build output, which anyone who can
/// write there can edit: its paths decide what a deploy reads and writes, so
/// each must name a file inside the site's own folder.
extension Deployment {
    /// Checks every path of `manifest` before anything is created or switched.
    /// - Parameter source: the site folder of the build output the manifest came from.
    /// - Throws: ``Failure`` naming the first path that is empty, absolute, has
    ///   a `..` or `.` part or a control character, or leads outside `source` through a symbolic link.
    func checkPaths(of manifest: ReleaseManifest, in source: String) throws(Failure) {
        for entry in manifest.files {
            let path = entry.path
            let problem: String? =
                if path.isEmpty { "is empty" }
                else if path.hasPrefix("/") { "is absolute" }
                else if path.unicodeScalars.contains(where: ControlCharacter.isControl) { "holds a control character" }
                else if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
                    "has an empty, `.` or `..` part"
                }
                else if !RealPath.isInside("\(source)/\(path)", source) { "leads outside \(source) through a symbolic link" }
                else { nil }
            if let problem {
                throw Failure(message: "\(source)/\(ReleaseManifest.fileName): the path `\(path)` \(problem). "
                    + "Nothing was switched; build again with `portal12320 build` and deploy the new output.")
            }
        }
    }
}
