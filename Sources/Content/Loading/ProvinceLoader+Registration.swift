import Foundation

/// The footer particulars of every site (``SiteRegistration``) and the
/// inspection rules of `portal.yml`, each checked against the form its
/// authority issues it in, so a typo fails `check` instead of going online.
extension ProvinceLoader {
    /// Folders of the content whose files publish only through review, or never.
    static let reviewedFolders: Set<String> = ["answers", "approved", "media", "lexicon"]

    static let registrationKeys = ["icp", "police_record", "site_code", "sponsor", "organizer", "address", "postcode", "privacy"]

    /// The registration values in `entry` (a city, `hub:` or `site_defaults:`).
    /// - Parameter folder: the content folder, where the privacy statement must be.
    static func readRegistration(_ entry: inout YAMLFields, folder: String) -> SiteRegistration {
        var registration = SiteRegistration()
        if let icp = entry.optionalText("icp") {
            if isICPNumber(icp) {
                registration.icp = icp
            } else {
                entry.report(at: entry.line(of: "icp"), "`icp` `\(icp)` is not an ICP filing number.",
                             "Copy it as the filing system shows it, e.g. `苏ICP备12345678号-1`.")
            }
        }
        registration.policeRecord = readPoliceRecord(&entry)
        if let code = entry.optionalText("site_code") {
            if code.count == 10, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                registration.siteCode = code
            } else {
                entry.report(at: entry.line(of: "site_code"), "`site_code` `\(code)` is not a website identification code.",
                             "Write the ten letters and digits the code was issued as, in quotes, e.g. `site_code: \"3201000001\"`.")
            }
        }
        registration.sponsor = entry.optionalText("sponsor")
        registration.organizer = entry.optionalText("organizer")
        registration.address = entry.optionalText("address")
        if let postcode = entry.optionalText("postcode") {
            if postcode.count == 6, postcode.allSatisfy({ $0.isASCII && $0.isNumber }) {
                registration.postcode = postcode
            } else {
                entry.report(at: entry.line(of: "postcode"), "`postcode` `\(postcode)` is not a postcode.",
                             "Write the six digits in quotes, e.g. `postcode: \"210008\"`.")
            }
        }
        if let privacy = entry.optionalText("privacy") {
            if let problem = contentFileProblem(privacy, folder: folder, what: "privacy statement") {
                entry.report(at: entry.line(of: "privacy"), "`privacy` `\(privacy)`: \(problem.message)", problem.fix)
            } else if !privacy.hasSuffix(".md") || reviewedFolders.contains(topFolder(of: privacy, in: folder)) {
                entry.report(at: entry.line(of: "privacy"), "`privacy` `\(privacy)` is not a privacy statement of its own.",
                             "Write the statement in a Markdown file outside answers/, approved/, media/ and lexicon/, e.g. `privacy: legal/privacy.md`: "
                                + "an answer or any other content file is published only through review.")
            } else {
                registration.privacy = privacy
            }
        }
        return registration
    }

    /// Reports each key an opened site must have and lacks after the defaults.
    /// - Parameter given: keys written for this site or in `site_defaults:`, valid or not (a wrong value is reported already).
    static func checkRequired(_ registration: SiteRegistration, site: String, line: Int, given: Set<String>, _ fields: inout YAMLFields) {
        for (key, value) in registration.required where value == nil && !given.contains(key) {
            fields.report(at: line, "\(site) has no `\(key)`, which every page of its site must show.",
                          site == hubName ? "Add `\(key):` under `hub:` in portal.yml, or to `site_defaults:` when the whole province shares it."
                              : "Add `\(key):` to its entry in portal.yml, or to `site_defaults:` when the whole province shares it.")
        }
    }

    /// How messages name the hub.
    static let hubName = "The hub"

    static func readInspection(_ fields: inout YAMLFields) -> InspectionRules {
        var rules = InspectionRules()
        guard let node = fields.values["inspection"] else { return rules }
        var entry = YAMLFields(node, file: fields.file, lineOffset: 0,
                               allowed: ["stale_after_days", "home_updated_within_days", "empty_categories_allowed", "dead_links_allowed"],
                               what: "inspection")
        defer { fields.absorb(entry) }
        rules.staleAfterDays = entry.optionalCount("stale_after_days", in: 1...3650) ?? rules.staleAfterDays
        rules.homeUpdatedWithinDays = entry.optionalCount("home_updated_within_days", in: 1...3650)
        rules.emptyCategoriesAllowed = entry.optionalCount("empty_categories_allowed", in: 0...1000)
        rules.deadLinksAllowed = entry.optionalCount("dead_links_allowed", in: 0...100_000) ?? rules.deadLinksAllowed
        return rules
    }

    /// `苏ICP备12345678号`, `苏ICP备2021012345号-3`, `京ICP证030173号`.
    private static func isICPNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /\p{Han}ICP[备证][0-9]{6,12}号(-[0-9]{1,4})?/) != nil
    }

    /// `police_record: { number: 苏公网安备 32010202000001号, link: https://… }`: the link must name the same record.
    private static func readPoliceRecord(_ fields: inout YAMLFields) -> SiteRegistration.PoliceRecord? {
        guard let node = fields.values["police_record"] else { return nil }
        var entry = YAMLFields(node, file: fields.file, lineOffset: 0, allowed: ["number", "link"], what: "police_record")
        defer { fields.absorb(entry) }
        let fix = "Write `police_record: { number: 苏公网安备 32010202000001号, link: https://beian.mps.gov.cn/#/query/webSearch?code=32010202000001 }`."
        guard let number = entry.text("number", fix: fix), let link = entry.text("link", fix: fix) else { return nil }
        let digits = number.filter { $0.isASCII && $0.isNumber }
        guard number.wholeMatch(of: /\p{Han}公网安备 ?[0-9]{14}号/) != nil
        else {
            entry.report(at: entry.line(of: "number"), "`police_record` `\(number)` is not a public-security filing number.", fix)
            return nil
        }
        guard link.hasPrefix("https://"), link.count <= 300, link.contains(digits),
              link.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && !"\"'<>\\`{}|^".unicodeScalars.contains($0) })
        else {
            entry.report(at: entry.line(of: "link"), "The `police_record` link `\(link)` is not an https address of record \(digits).",
                         "Copy the address the filing system gives for this record; it starts with https:// and holds its 14 digits.")
            return nil
        }
        return SiteRegistration.PoliceRecord(number: number, link: link)
    }

    /// The first folder of the content that `path` really lies in, links and `.` resolved
    /// (`legal/x.md` linked to `answers/nj/reply.md`, or `./answers/…`, lie in `answers`).
    /// Call only for a path ``contentFileProblem(_:folder:what:)`` accepts.
    static func topFolder(of path: String, in folder: String) -> String {
        let real = RealPath.of(folder + "/" + path), root = RealPath.of(folder)
        return real.dropFirst(root.count).split(separator: "/").first.map(String.init) ?? ""
    }

    /// Why `path` (relative to the content folder) cannot be published from there, or `nil`.
    static func contentFileProblem(_ path: String, folder: String, what: String) -> (message: String, fix: String)? {
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            return ("it leaves the content folder.", "Put the \(what) in the content folder and write its path from there.")
        }
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder) || isFolder.boolValue {
            return ("the file does not exist.", "Put the \(what) in the content folder or correct the path.")
        }
        if let outside = FolderBoundary.issue(for: folder + "/" + path, inside: folder, what: what) {
            return (outside.message, outside.fix)
        }
        return nil
    }
}
