/// Files that are published (answers, media and transcripts, the logo, theme
/// assets) must lie inside their own folder. A symbolic link that leads out
/// of it would publish whatever it points at, such as `/etc/passwd` or another
/// project's files, past every check that looks at the folder; a link to
/// another file inside the folder is fine.
package enum FolderBoundary {
    /// The problem with `path`, or `nil` when it (with every link resolved) stays inside `folder`.
    /// - Parameter what: what the file is, for the message: "answer", "media file", "logo", "theme asset".
    package static func issue(for path: String, inside folder: String, what: String) -> ContentIssue? {
        guard !RealPath.isInside(path, folder) else { return nil }
        return ContentIssue(file: path, line: nil,
                            message: "This \(what) is a symbolic link (or lies in a linked folder) that leads outside \(folder), to \(RealPath.of(path)).",
                            fix: "Put the file itself in \(folder) instead of a link: nothing from outside that folder is published.")
    }
}
