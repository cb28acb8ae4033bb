import Foundation
import Yams

/// `deploy:` of `portal.yml`, province-wide and in a city's entry or `hub:`
/// for one site: values that go into the generated nginx configuration and
/// into `ssh` and `rsync` arguments, each checked against its grammar so that
/// configuration stays data and can never add a directive or a command.
extension ProvinceLoader {
    static let deployKeys = ["root", "listen", "listen_tls", "server_names", "tls", "tls_certificate", "tls_certificate_key",
                             "tls_chain", "hsts", "targets"]

    /// The `deploy:` of `fields` (portal.yml, a city's entry or `hub:`) over `defaults`: what it sets replaces them.
    /// - Parameter defaults: the province's settings, for a site's own `deploy:`; `nil` when reading the province's.
    static func readDeploy(_ fields: inout YAMLFields, over defaults: DeploySettings? = nil) -> DeploySettings {
        var settings = defaults ?? DeploySettings()
        guard let node = fields.values["deploy"] else { return settings }
        var entry = YAMLFields(node, file: fields.file, lineOffset: 0, allowed: deployKeys, what: "deploy")
        defer { fields.absorb(entry) }
        if let root = entry.optionalText("root") {
            if let problem = ServerPath.problem(root) {
                entry.report(at: entry.line(of: "root"), "The deploy `root` `\(root)` is not usable: \(problem).", ServerPath.rule)
            } else {
                settings.root = root
            }
        }
        for (key, tls) in [("listen", false), ("listen_tls", true)] {
            guard let value = entry.optionalText(key) else { continue }
            if let problem = ListenAddress.problem(value, tls: tls) {
                entry.report(at: entry.line(of: key), "The deploy `\(key)` `\(value)` is not usable: \(problem).", ListenAddress.rule(tls: tls))
            } else if tls {
                settings.listenTLS = value
            } else {
                settings.listen = value
            }
        }
        if entry.values["server_names"] != nil, defaults == nil {
            entry.report(at: entry.line(of: "server_names"), "`server_names` names one site's other domains, not the province's.",
                         "Move it into the `deploy:` of the city's entry (or of `hub:`) whose site answers to those names.")
        } else if entry.values["server_names"] != nil {
            settings.serverNames = entry.textList("server_names").filter { name in
                guard let problem = HostName.problem(name) else { return true }
                entry.report(at: entry.line(of: "server_names"), "The server name `\(name)` is not usable: \(problem).",
                             "List host names only, e.g. `server_names: [jsnj12320.cn, 12320.nanjing.gov.cn]`.")
                return false
            }
        }
        if let tls = switchValue("tls", &entry) { settings.tlsEnabled = tls }
        for (key, path) in [("tls_certificate", \DeploySettings.certificate), ("tls_certificate_key", \.certificateKey),
                            ("tls_chain", \.certificateChain)] where entry.values[key] != nil {
            settings[keyPath: path] = tlsPath(key, &entry)
        }
        if settings.hasTLS, let plain = settings.listen.split(separator: " ").first,
            plain == settings.listenTLS.split(separator: " ").first {
            entry.report(at: entry.mappingLine, "`listen` and `listen_tls` are the same address (`\(plain)`): nginx cannot serve HTTP and HTTPS on one.",
                         "Give HTTPS its own port, e.g. `listen: \"80\"` and `listen_tls: \"443 ssl\"`.")
        }
        if (settings.certificate == nil) != (settings.certificateKey == nil) {
            entry.report(at: entry.mappingLine, "Only one of tls_certificate and tls_certificate_key is set.",
                         "Set both (with {domain} for the site's domain), or neither.")
        }
        if let hsts = entry.optionalText("hsts") {
            if ["off", "false", "no"].contains(hsts.lowercased()) {
                settings.hstsMaxAge = nil
            } else if let seconds = Int(hsts), (0...63_072_000).contains(seconds) {
                settings.hstsMaxAge = seconds
            } else {
                entry.report(at: entry.line(of: "hsts"), "The deploy `hsts` `\(hsts)` is not usable.",
                             "Write how many seconds browsers keep to HTTPS (0 to 63072000, e.g. `hsts: 31536000`), or `hsts: off`.")
            }
        }
        if let targets = entry.values["targets"] { settings.targets = readTargets(targets, &entry) }
        return settings
    }

    /// `on`/`off` (also `true`/`false`, `yes`/`no`, however YAML read them).
    private static func switchValue(_ key: String, _ entry: inout YAMLFields) -> Bool? {
        guard let text = entry.optionalText(key)?.lowercased() else { return nil }
        if ["on", "true", "yes"].contains(text) { return true }
        if ["off", "false", "no"].contains(text) { return false }
        entry.report(at: entry.line(of: key), "The deploy `\(key)` `\(text)` is neither on nor off.", "Write `\(key): on` or `\(key): off`.")
        return nil
    }

    /// `targets:` a mapping of names to addresses (``DeployTarget``).
    private static func readTargets(_ node: Node, _ entry: inout YAMLFields) -> [DeployTarget] {
        let line = entry.line(of: "targets")
        guard let mapping = node.mapping else {
            entry.report(at: line, "The deploy `targets` is not a list of `name: address` lines.",
                         "Write one target per line, e.g. `web1: ssh://deploy@10.1.2.3/srv/12320`.")
            return []
        }
        var names = Set<String>()
        return mapping.compactMap { key, value -> DeployTarget? in
            let at = (key.mark?.line).map { $0 + entry.lineOffset } ?? line
            guard let name = key.string, Identifier.isValid(name), names.insert(name).inserted else {
                entry.report(at: at, "The target name `\(key.string ?? "?")` is not usable or is given twice.",
                             "Name each target once with lowercase letters, digits and `-`, e.g. `web1`.")
                return nil
            }
            guard let url = value.scalar?.string else {
                entry.report(at: at, "The target `\(name)` has no address.", DeployTarget.rule)
                return nil
            }
            switch DeployTarget.parse(name: name, url: url) {
            case .success(let target): return target
            case .failure(let problem):
                entry.report(at: at, "The target `\(name)` `\(url)` is not usable: \(problem.reason).", DeployTarget.rule)
                return nil
            }
        }
    }

    /// A certificate, key or chain path, checked as a site's nginx file will hold it (a domain, itself
    /// checked as a host name, in place of `{domain}`).
    private static func tlsPath(_ key: String, _ entry: inout YAMLFields) -> String? {
        guard let path = entry.optionalText(key) else { return nil }
        if let problem = ServerPath.problem(path.replacingOccurrences(of: "{domain}", with: "www.example.cn")) {
            entry.report(at: entry.line(of: key), "The deploy `\(key)` `\(path)` is not usable: \(problem).",
                         "Write an absolute path of letters, digits and `/ . _ - + @ ~`, with `{domain}` where the site's domain goes, "
                            + "e.g. `/etc/ssl/12320/{domain}.crt`.")
            return nil
        }
        return path
    }
}
