import Foundation
import Yams

/// Reads and validates `portal.yml`.
package enum ProvinceLoader {
    static let keys = ["name", "code", "hotline", "email", "hub_domain", "domain_pattern", "logo", "slogan",
                       "review", "categories", "cities", "deploy", "site_defaults", "hub", "inspection"]

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
        if let logo { checkLogo(logo, folder: PathText.parent(of: file), &fields) }
        checkContacts(hotline: hotline, email: email, &fields)
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
        let folder = PathText.parent(of: file)
        // Province-wide; a city's entry or `hub:` may set its own over it.
        let deploy = readDeploy(&fields)
        let defaults = readRegistration(section: "site_defaults", &fields, folder: folder).registration
        let defaultsGiven = keys(of: fields.values["site_defaults"])
        let hubSection = readRegistration(section: "hub", &fields, folder: folder, deploy: deploy)
        let hubRegistration = hubSection.registration.filled(from: defaults)
        let hubDeploy = hubSection.deploy ?? deploy
        checkRequired(hubRegistration, site: hubName, line: fields.values["hub"] == nil ? fields.mappingLine : fields.line(of: "hub"),
                      given: defaultsGiven.union(keys(of: fields.values["hub"])), &fields)
        var abbreviations = Set<String>()
        let cities = fields.mappings("cities").compactMap { node -> City? in
            var entry = YAMLFields(node, file: file, lineOffset: 0,
                                   allowed: ["name", "abbr", "status", "phone", "deploy"] + registrationKeys, what: "a city")
            defer { fields.absorb(entry) }
            let city = readCity(&entry, folder: folder, defaults: defaults, defaultsGiven: defaultsGiven, deploy: deploy)
            if let city, !abbreviations.insert(city.abbr).inserted {
                entry.report(at: entry.line(of: "abbr"), "The abbreviation `\(city.abbr)` is used by two cities.",
                             "Each city needs its own abbreviation: it names its domain (article 33).")
            }
            return city
        }
        let domains = checkDomains(hub: hub, pattern: pattern, cities: cities, &fields)
        checkServerNames(of: (hub == nil ? [] : [(hubName, hubDeploy)]) + cities.map { ($0.name, $0.deploy) }, domains: domains, &fields)
        let inspection = readInspection(&fields)
        try ContentErrors.check(fields.issues)
        guard let name, let code, let hotline, let email, let hub, let pattern, let logo, let slogan, let policy else {
            throw ContentErrors(fields.issues)
        }
        return Province(name: name, code: code, hotline: hotline, email: email, hubDomain: hub, domainPattern: pattern,
                        logo: logo, slogan: slogan, categories: categories, reviewPolicy: policy, cities: cities,
                        deploy: deploy, hubDeploy: hubDeploy, hubRegistration: hubRegistration, inspection: inspection)
    }

    /// `site_defaults:` or `hub:`: registration values only.
    /// - Parameter deploy: for `hub:`, the province's settings, which its own `deploy:` may replace.
    /// - Returns: the registration values, and the site's deploy settings when `deploy` was given.
    private static func readRegistration(section: String, _ fields: inout YAMLFields, folder: String,
                                         deploy: DeploySettings? = nil) -> (registration: SiteRegistration, deploy: DeploySettings?) {
        guard let node = fields.values[section] else { return (SiteRegistration(), deploy) }
        var entry = YAMLFields(node, file: fields.file, lineOffset: 0, allowed: registrationKeys + (deploy == nil ? [] : ["deploy"]), what: section)
        defer { fields.absorb(entry) }
        let settings = deploy.map { readDeploy(&entry, over: $0) }
        return (readRegistration(&entry, folder: folder), settings)
    }

    /// The keys written in a mapping (none for anything else).
    private static func keys(of node: Node?) -> Set<String> {
        Set(node?.mapping?.keys.compactMap(\.string) ?? [])
    }

    private static func readCity(_ entry: inout YAMLFields, folder: String, defaults: SiteRegistration, defaultsGiven: Set<String>,
                                 deploy: DeploySettings) -> City? {
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
        let registration = readRegistration(&entry, folder: folder).filled(from: defaults)
        guard let name, let abbr, let status, let phone, let address else { return nil }
        if status == .opened {
            checkRequired(registration, site: name, line: entry.mappingLine, given: defaultsGiven.union(entry.values.keys), &entry)
        }
        return City(name: name, abbr: abbr, status: status, phone: phone, address: address, registration: registration,
                    deploy: readDeploy(&entry, over: deploy))
    }
}
