import Content
import Crypto
import Foundation
import Glibc

/// Releases in a folder of this machine (`file:///srv/12320`, or `deploy --to`).
package struct FolderShelf: ReleaseShelf {
    package let name: String
    package let root: String

    package init(name: String, root: String) {
        self.name = name
        self.root = root
    }

    package func address(of domain: String) -> String { "\(root)/\(domain)" }

    package func current(of domain: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(root)/\(domain)/current") else { return nil }
        return (target as NSString).lastPathComponent
    }

    /// Folders only: a symbolic link among the releases (to a folder anywhere) is never taken for one.
    package func releases(of domain: String) -> [String] {
        let folder = "\(root)/\(domain)/releases"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { name in
            var status = stat()
            return !name.hasPrefix(".") && lstat("\(folder)/\(name)", &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        }.sorted()
    }

    package func manifest(of domain: String, release: String) -> ReleaseManifest? {
        ReleaseManifest.read(from: "\(root)/\(domain)/releases/\(release)/\(ReleaseManifest.fileName)")
    }

    package func mismatches(of domain: String, release: String, against manifest: ReleaseManifest) -> [String] {
        Self.mismatches(in: "\(root)/\(domain)/releases/\(release)", against: manifest)
    }

    private static func mismatches(in release: String, against manifest: ReleaseManifest) -> [String] {
        manifest.files.filter { entry in
            guard let data = FileManager.default.contents(atPath: "\(release)/\(entry.path)") else { return true }
            return data.count != entry.size || SHA256.hex(data) != entry.sha256
        }.map(\.path)
    }

    package func stage(_ source: String, domain: String, id: String, manifest: ReleaseManifest, linkingAgainst current: String?,
                       defaced: Set<String>) throws(Deployment.Failure) -> (copied: Int, linked: Int) {
        let releases = "\(root)/\(domain)/releases"
        try make(releases)
        let partial = "\(releases)/.\(id).partial"
        try? FileManager.default.removeItem(atPath: partial)
        var copied = 0
        var linked = 0
        do throws(Deployment.Failure) {
            let previous = current.flatMap { self.manifest(of: domain, release: $0) }
            let same = Dictionary(uniqueKeysWithValues: (previous?.files ?? []).map { ($0.path, $0.sha256) })
            for entry in manifest.files {
                let target = "\(partial)/\(entry.path)"
                try make(PathText.parent(of: target))
                // Unchanged since the current release: a hard link, nothing copied.
                if let current, same[entry.path] == entry.sha256, !defaced.contains(entry.path),
                    link("\(releases)/\(current)/\(entry.path)", target) == 0 {
                    linked += 1
                } else {
                    try copy("\(source)/\(entry.path)", to: target)
                    copied += 1
                    Failpoint.deployCopy.reach()
                }
            }
            try copy("\(source)/\(ReleaseManifest.fileName)", to: "\(partial)/\(ReleaseManifest.fileName)")
            if let current { keepAssets(from: "\(releases)/\(current)", in: partial, manifest: manifest) }
            if let wrong = Self.mismatches(in: partial, against: manifest).first {
                throw Deployment.Failure(message: "\(wrong) does not match the manifest of \(manifest.domain) (corrupted or changed after the build). "
                    + "Nothing was switched; rebuild and deploy again.")
            }
            guard rename(partial, "\(releases)/\(id)") == 0 else { throw failure("cannot finish release \(id)", partial) }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        return (copied, linked)
    }

    /// A new symlink renamed over `current`: one atomic step.
    package func switchCurrent(of domain: String, to id: String) throws(Deployment.Failure) {
        let site = "\(root)/\(domain)"
        let temporary = "\(site)/.current-\(ProcessInfo.processInfo.processIdentifier)"
        unlink(temporary)
        guard symlink("releases/\(id)", temporary) == 0 else { throw failure("cannot create a symlink", temporary) }
        guard rename(temporary, "\(site)/current") == 0 else {
            unlink(temporary)
            throw failure("cannot switch current", "\(site)/current")
        }
    }

    package func remove(_ ids: [String], of domain: String) {
        let releases = "\(root)/\(domain)/releases"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: releases)) ?? []
        for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".partial") || ids.contains(entry) {
            try? FileManager.default.removeItem(atPath: "\(releases)/\(entry)")
        }
    }

    /// Keeps the previous release's fingerprinted assets: pages still open in
    /// browsers refer to them. They are not in the manifest and never verified.
    private func keepAssets(from previous: String, in release: String, manifest: ReleaseManifest) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(previous)/assets")) ?? []
        let listed = Set(manifest.files.map(\.path))
        for name in names where !listed.contains("assets/\(name)") {
            _ = link("\(previous)/assets/\(name)", "\(release)/assets/\(name)")
        }
    }

    private func make(_ folder: String) throws(Deployment.Failure) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Deployment.Failure(message: "\(folder): cannot create the folder (\(error.localizedDescription)).")
        }
    }

    private func copy(_ source: String, to target: String) throws(Deployment.Failure) {
        guard let data = FileManager.default.contents(atPath: source) else { throw failure("cannot read", source) }
        guard FileManager.default.createFile(atPath: target, contents: data) else { throw failure("cannot write", target) }
    }

    private func failure(_ what: String, _ path: String) -> Deployment.Failure {
        Deployment.Failure(message: "\(path): \(what) (\(String(cString: strerror(errno)))). Check permissions and free space; `current` was not changed.")
    }
}
