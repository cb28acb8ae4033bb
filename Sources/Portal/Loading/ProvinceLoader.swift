import Foundation
import Yams

/// Reads and validates `portal.yml`.
package enum ProvinceLoader {
    static let keys = ["name", "code", "hotline", "email", "hub_domain", "domain_pattern", "logo", "slogan",
                       "review", "categories", "cities", "deploy"]

    package static func load(file: String) throws(ContentErrors) -> Province {
        let root: Node
        do {
            root = try YAMLSource.parse(try TextFile.read(file), file: file, lineOffset: 0)
        } catch {
            throw ContentErrors([error])
        }
        var fields = YAMLFields(root, file: file, lineOffset: 0, allowed: keys, what: "portal.yml")
        let name = fields.text("name", fix: "Add `name: 江苏省`.")
        let code = fields.text("code", fix: "Add `code: js`.")
        let hotline = fields.text("hotline", fix: "Add `hotline: \"12320\"`.")
        let email = fields.text("email", fix: "Add the public e-mail address for questions.")
        let hub = fields.text("hub_domain", fix: "Add `hub_domain: www.js12320.cn`.")
        let pattern = fields.text("domain_pattern", fix: "Add `domain_pattern: www.js{abbr}12320.cn`.")
        let logo = fields.text("logo", fix: "Add `logo:` with the logo file's path relative to the content folder.")
        let slogan = fields.text("slogan", fix: "Add the uniform service slogan.")
        let policyText = fields.optionalText("review") ?? ReviewPolicy.all.rawValue
        let policy = ReviewPolicy(rawValue: policyText)
        if policy == nil {
            fields.report(at: fields.line(of: "review"), "Unknown review policy `\(policyText)`.",
                          "Use `all` (every answer is reviewed, article 37) or `flagged`.")
        }
        if let pattern, !pattern.contains("{abbr}") {
            fields.report(at: fields.line(of: "domain_pattern"), "The domain pattern has no `{abbr}`.",
                          "Write it as `www.js{abbr}12320.cn` (article 33).")
        }
        if let logo, !FileManager.default.fileExists(atPath: (file as NSString).deletingLastPathComponent + "/" + logo) {
            fields.report(at: fields.line(of: "logo"), "The logo file `\(logo)` does not exist.",
                          "Put the logo next to portal.yml or correct the path.")
        }
        var categoryKeys = Set<String>()
        let categories = fields.mappings("categories").compactMap { node -> Category? in
            var entry = YAMLFields(node, file: file, lineOffset: 0, allowed: ["key", "name"], what: "a category")
            defer { fields.absorb(entry) }
            guard let key = entry.text("key", fix: "Give the category a key such as `vaccination`."),
                let name = entry.text("name", fix: "Give the category its Chinese name.")
            else { return nil }
            if !Identifier.isValid(key) {
                entry.report(at: entry.line(of: "key"), "The category key `\(key)` is not usable in a URL.", Identifier.rule)
                return nil
            }
            if !categoryKeys.insert(key).inserted {
                entry.report(at: entry.line(of: "key"), "The category key `\(key)` is used twice.", "Give each category its own key.")
            }
            return Category(key: key, name: name)
        }
        var abbreviations = Set<String>()
        let cities = fields.mappings("cities").compactMap { node -> City? in
            var entry = YAMLFields(node, file: file, lineOffset: 0,
                                   allowed: ["name", "abbr", "status", "phone", "address"], what: "a city")
            defer { fields.absorb(entry) }
            let city = readCity(&entry)
            if let city, !abbreviations.insert(city.abbr).inserted {
                entry.report(at: entry.line(of: "abbr"), "The abbreviation `\(city.abbr)` is used by two cities.",
                             "Each city needs its own abbreviation: it names its domain (article 33).")
            }
            return city
        }
        let deploy = readDeploy(&fields)
        try ContentErrors.check(fields.issues)
        guard let name, let code, let hotline, let email, let hub, let pattern, let logo, let slogan, let policy else {
            throw ContentErrors(fields.issues)
        }
        return Province(name: name, code: code, hotline: hotline, email: email, hubDomain: hub, domainPattern: pattern,
                        logo: logo, slogan: slogan, categories: categories, reviewPolicy: policy, cities: cities,
                        deploy: deploy)
    }

    private static func readDeploy(_ fields: inout YAMLFields) -> DeploySettings {
        var settings = DeploySettings()
        guard let node = fields.values["deploy"] else { return settings }
        var entry = YAMLFields(node, file: fields.file, lineOffset: 0,
                               allowed: ["root", "listen", "listen_tls", "tls_certificate", "tls_certificate_key"], what: "deploy")
        defer { fields.absorb(entry) }
        if let root = entry.optionalText("root") {
            if root.hasPrefix("/") { settings.root = root } else {
                entry.report(at: entry.line(of: "root"), "The deploy root `\(root)` is not an absolute path.", "Write it from `/`, e.g. /srv/12320.")
            }
        }
        settings.listen = entry.optionalText("listen") ?? settings.listen
        settings.listenTLS = entry.optionalText("listen_tls") ?? settings.listenTLS
        settings.certificate = entry.optionalText("tls_certificate")
        settings.certificateKey = entry.optionalText("tls_certificate_key")
        if (settings.certificate == nil) != (settings.certificateKey == nil) {
            entry.report(at: entry.mappingLine, "Only one of tls_certificate and tls_certificate_key is set.",
                         "Set both (with {domain} for the site's domain), or neither.")
        }
        return settings
    }

    private static func readCity(_ entry: inout YAMLFields) -> City? {
        let name = entry.text("name", fix: "Give the city its Chinese name.")
        let abbr = entry.text("abbr", fix: "Give the city its pinyin abbreviation, e.g. `nj`.")
        let statusText = entry.optionalText("status") ?? City.Status.opened.rawValue
        let status = City.Status(rawValue: statusText)
        let phone = entry.text("phone", fix: "Give the city centre's published phone number.")
        let address = entry.text("address", fix: "Give the city centre's published address.")
        if status == nil {
            entry.report(at: entry.line(of: "status"), "Unknown city status `\(statusText)`.", "Use `opened` or `planned`.")
        }
        if let abbr, !abbr.allSatisfy({ $0.isASCII && $0.isLowercase && $0.isLetter }) {
            entry.report(at: entry.line(of: "abbr"), "The abbreviation `\(abbr)` is not lowercase ASCII letters.",
                         "Use the city's pinyin initials in lowercase, e.g. `nj` for 南京 (article 33).")
            return nil
        }
        guard let name, let abbr, let status, let phone, let address else { return nil }
        return City(name: name, abbr: abbr, status: status, phone: phone, address: address)
    }
}
