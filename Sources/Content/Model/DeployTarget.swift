/// One place a city's releases go (`deploy: targets:` in portal.yml): a
/// folder on this machine, `file:///srv/12320`, or one on a web server reached
/// over SSH, `ssh://deploy@10.1.2.3:22/srv/12320`. Every part is checked
/// against a narrow grammar: the values end up in `ssh` and `rsync` arguments
/// and in commands the server's shell runs.
package struct DeployTarget: Sendable, Hashable {
    package enum Location: Sendable, Hashable {
        case folder(path: String)
        case ssh(user: String?, host: String, port: Int?, path: String)
    }

    /// Its name in portal.yml, as `deploy --target` names it.
    package let name: String
    package let location: Location

    package init(name: String, location: Location) {
        self.name = name
        self.location = location
    }

    /// The deploy root on the target.
    package var root: String {
        switch location {
        case .folder(let path), .ssh(_, _, _, let path): path
        }
    }

    /// As written in portal.yml.
    package var url: String {
        switch location {
        case .folder(let path): "file://\(path)"
        case .ssh(let user, let host, let port, let path): "ssh://\(user.map { "\($0)@" } ?? "")\(host)\(port.map { ":\($0)" } ?? "")\(path)"
        }
    }

    static let rule = "Write `file:///srv/12320` for a folder on this machine, or `ssh://user@host/srv/12320` "
        + "(optionally `ssh://user@host:2222/srv/12320`) for a web server: a user of lowercase letters, digits, `_` and `-`, "
        + "a host name, ssh alias or IPv4 address, an absolute path of letters, digits and `/ . _ - + @ ~`."

    /// The target `url` names, or why it names none.
    package static func parse(name: String, url: String) -> Result<DeployTarget, TargetProblem> {
        if url.hasPrefix("file://") {
            let path = String(url.dropFirst("file://".count))
            if let problem = ServerPath.problem(path) { return .failure(TargetProblem("its path \(problem)")) }
            return .success(DeployTarget(name: name, location: .folder(path: path)))
        }
        guard url.hasPrefix("ssh://") else { return .failure(TargetProblem("it starts with neither `file://` nor `ssh://`")) }
        let rest = url.dropFirst("ssh://".count)
        guard let slash = rest.firstIndex(of: "/") else { return .failure(TargetProblem("it has no path after the host")) }
        var authority = rest[..<slash]
        let path = String(rest[slash...])
        if let problem = ServerPath.problem(path) { return .failure(TargetProblem("its path \(problem)")) }
        var user: String?
        if let at = authority.firstIndex(of: "@") {
            let name = String(authority[..<at])
            let valid = name.first.map { ("a"..."z").contains($0) || $0 == "_" } == true
                && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" } && name.count <= 32
            guard valid else { return .failure(TargetProblem("the user `\(name)` is not a login name")) }
            user = name
            authority = authority[authority.index(after: at)...]
        }
        var port: Int?
        if let colon = authority.lastIndex(of: ":") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                return .failure(TargetProblem("its port is not a number from 1 to 65535"))
            }
            port = number
            authority = authority[..<colon]
        }
        let host = String(authority)
        guard isHostName(host) else {
            return .failure(TargetProblem("its host `\(host)` is not a host name, an alias of the ssh configuration or an IPv4 address"))
        }
        return .success(DeployTarget(name: name, location: .ssh(user: user, host: host, port: port, path: path)))
    }

    /// Letters, digits, `.` and `-`, starting and ending with a letter or digit: a host name, an
    /// ssh alias (`web1`) or an IPv4 address; never an option (`-o…`) nor anything a shell reads.
    private static func isHostName(_ text: String) -> Bool {
        let isAlphanumeric = { (c: Character) in ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        guard let first = text.first, let last = text.last, isAlphanumeric(first), isAlphanumeric(last), text.count <= 253 else { return false }
        return text.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "-" } && !text.contains("..")
    }
}

/// Why a deploy target's address cannot be used.
package struct TargetProblem: Error, Equatable {
    package let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
