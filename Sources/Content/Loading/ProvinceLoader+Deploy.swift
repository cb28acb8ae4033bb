import Foundation

/// `deploy:` of `portal.yml`: values that go into the generated nginx
/// configuration, each checked against its grammar so that configuration
/// stays data and can never add a directive.
extension ProvinceLoader {
    /// - Parameter domains: every site's domain, to check TLS paths with `{domain}` filled in.
    static func readDeploy(_ fields: inout YAMLFields, domains: [String]) -> DeploySettings {
        var settings = DeploySettings()
        guard let node = fields.values["deploy"] else { return settings }
        var entry = YAMLFields(node, file: fields.file, lineOffset: 0,
                               allowed: ["root", "listen", "listen_tls", "tls_certificate", "tls_certificate_key"], what: "deploy")
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
        settings.certificate = tlsPath("tls_certificate", &entry, domains: domains)
        settings.certificateKey = tlsPath("tls_certificate_key", &entry, domains: domains)
        let given = ["tls_certificate", "tls_certificate_key"].filter { entry.values[$0] != nil }
        if given.count == 1 {
            entry.report(at: entry.mappingLine, "Only one of tls_certificate and tls_certificate_key is set.",
                         "Set both (with {domain} for the site's domain), or neither.")
        }
        return settings
    }

    /// A certificate or key path, checked as each site's nginx file will hold it.
    private static func tlsPath(_ key: String, _ entry: inout YAMLFields, domains: [String]) -> String? {
        guard let path = entry.optionalText(key) else { return nil }
        let placeholder = "{domain}"
        for domain in domains.isEmpty ? ["www.example.cn"] : domains {
            if let problem = ServerPath.problem(path.replacingOccurrences(of: placeholder, with: domain)) {
                entry.report(at: entry.line(of: key), "The deploy `\(key)` `\(path)` is not usable: \(problem).",
                             "Write an absolute path of letters, digits and `/ . _ - + @ ~`, with `{domain}` where the site's domain goes, "
                                + "e.g. `/etc/ssl/12320/{domain}.crt`.")
                return nil
            }
        }
        return path
    }
}
