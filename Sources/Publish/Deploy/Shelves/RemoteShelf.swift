import Content
import Foundation

/// Releases on a web server reached over SSH (`ssh://deploy@10.1.2.3/srv/12320`),
/// with the system's `ssh` and `rsync`: the release is uploaded by rsync into
/// a hidden folder, hard-linking what is unchanged since the current release,
/// every file's SHA-256 is checked on the server by `sha256sum`, and `current`
/// is switched by `mv -T`, one `rename`. Every value that reaches the server's
/// shell is single-quoted and was checked against a grammar without quotes
/// (``DeployTarget``, ``ServerPath``, host names, release ids).
package struct RemoteShelf: ReleaseShelf {
    package let name: String
    let user: String?
    let host: String
    let port: Int?
    let root: String
    /// `ssh -F`: the user's ssh configuration otherwise.
    let sshConfig: String?

    package init(target: DeployTarget, sshConfig: String?) {
        name = target.name
        guard case .ssh(let user, let host, let port, let root) = target.location else { preconditionFailure("not an ssh target") }
        self.user = user
        self.host = host
        self.port = port
        self.root = root
        self.sshConfig = sshConfig
    }

    static let ssh = ExternalTool(name: "ssh", package: "openssh-client")
    static let rsync = ExternalTool(name: "rsync", package: "rsync")

    /// The options both `ssh` and `rsync -e` pass: never a password prompt, a bounded wait for a server that stops answering.
    private var sshOptions: [String] {
        ["-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"] + (sshConfig.map { ["-F", $0] } ?? []) + (port.map { ["-p", "\($0)"] } ?? [])
    }

    private var destination: String { (user.map { "\($0)@" } ?? "") + host }

    /// `'text'`: every value quoted here is free of quotes by its grammar.
    private static func quoted(_ text: String) -> String { "'\(text)'" }

    /// Runs `command` in the server's shell; what it printed.
    @discardableResult
    private func run(_ command: String, input: Data? = nil, timeout: Double = 120) throws(Deployment.Failure) -> String {
        let outcome: ExternalTool.Outcome
        do {
            outcome = try Self.ssh.run(sshOptions + [destination, "--", command], about: name, timeout: timeout, input: input)
        } catch {
            throw Deployment.Failure(message: "\(name): \(error.message) \(error.fix)")
        }
        guard outcome.status == 0 else {
            throw Deployment.Failure(message: "\(name) (\(destination)): `ssh` ended with status \(outcome.status): "
                + "\(outcome.complaint ?? "no message"). Check that the server is reachable and the key is accepted "
                + "(`ssh \(destination)`).")
        }
        return String(decoding: outcome.output, as: UTF8.self)
    }

    private func site(_ domain: String) -> String { "\(root)/\(domain)" }

    package func address(of domain: String) -> String {
        "ssh://\(destination)\(port.map { ":\($0)" } ?? "")\(site(domain))"
    }

    package func current(of domain: String) throws(Deployment.Failure) -> String? {
        let link = try run("readlink \(Self.quoted(site(domain) + "/current")) || true").trimmingCharacters(in: .whitespacesAndNewlines)
        return link.isEmpty ? nil : (link as NSString).lastPathComponent
    }

    package func releases(of domain: String) throws(Deployment.Failure) -> [String] {
        // Folders only: a symbolic link among the releases is never taken for one.
        try run("find \(Self.quoted(site(domain) + "/releases")) -mindepth 1 -maxdepth 1 -type d -printf '%f\\n' 2>/dev/null || true")
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix(".") }.sorted()
    }

    package func manifest(of domain: String, release: String) throws(Deployment.Failure) -> ReleaseManifest? {
        let path = "\(site(domain))/releases/\(release)/\(ReleaseManifest.fileName)"
        let text = try run("cat \(Self.quoted(path)) 2>/dev/null || true")
        return try? JSONDecoder().decode(ReleaseManifest.self, from: Data(text.utf8))
    }

    package func mismatches(of domain: String, release: String, against manifest: ReleaseManifest) throws(Deployment.Failure) -> [String] {
        try mismatches(in: "\(site(domain))/releases/\(release)", against: manifest)
    }

    /// `sha256sum --check` in `folder` on the server, the list sent on its input.
    /// Fails closed: a folder that cannot be entered counts every file as wrong, and a check that
    /// did not run (no `sha256sum` there) or whose failures cannot be read is an error, never "all well".
    private func mismatches(in folder: String, against manifest: ReleaseManifest) throws(Deployment.Failure) -> [String] {
        let list = manifest.files.map { "\($0.sha256)  \($0.path)\n" }.joined()
        let printed = try run("cd \(Self.quoted(folder)) 2>/dev/null || { echo 'portal12320: no folder'; exit 0; }; "
            + "sha256sum --check --quiet - 2>/dev/null; echo \"portal12320: status $?\"", input: Data(list.utf8), timeout: 600)
        let lines = printed.split(separator: "\n").map(String.init)
        if lines.last == "portal12320: no folder" { return manifest.files.map(\.path) }
        let listed = Set(manifest.files.map(\.path))
        let wrong = lines.dropLast().compactMap { line -> String? in
            guard let colon = line.range(of: ": ", options: .backwards) else { return nil }
            return String(line[..<colon.lowerBound])
        }.filter(listed.contains)
        switch lines.last {
        case "portal12320: status 0": return []
        case "portal12320: status 1": return wrong.isEmpty ? manifest.files.map(\.path) : wrong
        default:
            throw Deployment.Failure(message: "\(name) (\(destination)): the files could not be checked on the server "
                + "(`sha256sum` said: \(lines.last ?? "nothing")). Install coreutils there; nothing is taken as verified.")
        }
    }

    package func stage(_ source: String, domain: String, id: String, manifest: ReleaseManifest, linkingAgainst current: String?,
                       defaced: Set<String>) throws(Deployment.Failure) -> (copied: Int, linked: Int) {
        let releases = "\(site(domain))/releases"
        let partial = "\(releases)/.\(id).partial"
        try run("mkdir -p \(Self.quoted(releases)) && rm -rf -- \(Self.quoted(partial)) && mkdir \(Self.quoted(partial))")
        do throws(Deployment.Failure) {
            // Checksums, not times, decide what is unchanged. After a defacement nothing is linked: all is uploaded again.
            // Only what the manifest lists (and the manifest) goes up, file contents rather than links, as a folder target copies them.
            var arguments = ["--files-from=-", "--copy-links", "--perms", "--times", "--checksum", "--itemize-changes", "--timeout=120",
                             "-e", (["ssh"] + sshOptions).joined(separator: " ")]
            if let current, defaced.isEmpty { arguments.append("--link-dest=../\(current)") }
            arguments += ["--", "\(source)/", "\(destination):\(partial)/"]
            let listed = (manifest.files.map(\.path) + [ReleaseManifest.fileName]).joined(separator: "\n") + "\n"
            let outcome: ExternalTool.Outcome
            do {
                outcome = try Self.rsync.run(arguments, about: name, timeout: 3600, input: Data(listed.utf8))
            } catch {
                throw Deployment.Failure(message: "\(name): \(error.message) \(error.fix)")
            }
            guard outcome.status == 0 else {
                throw Deployment.Failure(message: "\(name) (\(destination)): the upload failed (`rsync` status \(outcome.status): "
                    + "\(outcome.complaint ?? "no message")). Check free space and permissions under \(root).")
            }
            if let current {
                // Pages still open in browsers refer to the previous release's fingerprinted assets.
                try run("cd \(Self.quoted(partial)) && mkdir -p assets && for f in ../\(current)/assets/*; do "
                    + "[ -f \"$f\" ] && [ ! -e \"assets/${f##*/}\" ] && ln \"$f\" \"assets/${f##*/}\"; done; true")
            }
            if let wrong = try mismatches(in: partial, against: manifest).first {
                throw Deployment.Failure(message: "\(name): \(wrong) does not match the manifest of \(manifest.domain) after the upload. "
                    + "Deploy again.")
            }
            try run("mv -T -- \(Self.quoted(partial)) \(Self.quoted("\(releases)/\(id)"))")
            let copied = String(decoding: outcome.output, as: UTF8.self).split(separator: "\n")
                .count { $0.hasPrefix("<f") && !$0.hasSuffix(" \(ReleaseManifest.fileName)") }
            return (copied, max(0, manifest.files.count - copied))
        } catch {
            _ = try? run("rm -rf -- \(Self.quoted(partial))")
            throw error
        }
    }

    package func switchCurrent(of domain: String, to id: String) throws(Deployment.Failure) {
        let temporary = ".current-\(ProcessInfo.processInfo.processIdentifier)"
        try run("cd \(Self.quoted(site(domain))) && ln -sfn -- \(Self.quoted("releases/\(id)")) \(Self.quoted(temporary)) "
            + "&& mv -T -- \(Self.quoted(temporary)) current")
    }

    package func remove(_ ids: [String], of domain: String) {
        let releases = "\(site(domain))/releases"
        let paths = ids.map { Self.quoted("\(releases)/\($0)") }.joined(separator: " ")
        _ = try? run("rm -rf -- \(Self.quoted(releases))/.*.partial \(paths)")
    }
}
