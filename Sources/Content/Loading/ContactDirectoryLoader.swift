import Foundation
import Moderation
import Yams

/// Reads `lexicon/contacts.yml`. A missing file is an empty directory: then
/// every number is a caller's (fail closed).
package enum ContactDirectoryLoader {
    /// The contact directory of the content folder `contentDirectory`, whose portal.yml is `province`.
    /// - Throws: ``ContentErrors`` for every malformed entry, with its line.
    package static func load(contentDirectory: String, province: Province) throws(ContentErrors) -> ContactDirectory {
        try load(file: ContactDirectory.file(contentDirectory), cities: Set(province.cities.map(\.abbr)))
    }

    /// - Throws: ``ContentErrors`` for every malformed entry, with its line.
    package static func load(file: String, cities: Set<String>) throws(ContentErrors) -> ContactDirectory {
        guard FileManager.default.fileExists(atPath: file) else { return .empty }
        let root: Node
        do {
            root = try YAMLSource.parse(try TextFile.read(file), file: file, lineOffset: 0)
        } catch {
            throw ContentErrors([error])
        }
        if case .scalar(let scalar) = root, scalar.string.isEmpty { return .empty }
        guard let list = root.sequence else {
            throw ContentErrors([ContentIssue(file: file, line: 1, message: "contacts.yml is not a list of organisations.",
                                              fix: "Write each organisation as `- name: …` with scope, phones and emails.")])
        }
        var issues: [ContentIssue] = []
        var entries: [(scope: Scope, contact: PublicContact)] = []
        for node in list {
            var fields = YAMLFields(node, file: file, lineOffset: 0, allowed: ["name", "scope", "phones", "emails"], what: "an organisation")
            let name = fields.text("name", fix: "Give the organisation's name as readers know it, e.g. 南京市鼓楼医院.")
            let scopeText = fields.text("scope", fix: "Use `province` or a city abbreviation.")
            let phones = fields.textList("phones")
            let emails = fields.textList("emails")
            let scope: Scope? = scopeText.flatMap { $0 == "province" ? .province : cities.contains($0) ? .city($0) : nil }
            if let scopeText, scope == nil {
                fields.report(at: fields.line(of: "scope"), "`\(scopeText)` is neither `province` nor a city abbreviation.",
                              "Use `province` or one of: \(cities.sorted().joined(separator: ", ")).")
            }
            if phones.isEmpty && emails.isEmpty {
                fields.report(at: fields.mappingLine, "The organisation lists no phone number and no e-mail address.",
                              "Add `phones: [\"025-83106666\"]` or `emails: [\"service@example.org\"]`, or remove the entry.")
            }
            for phone in phones where !(7...12).contains(PublicContact.digits(of: phone).count) {
                fields.report(at: fields.line(of: "phones"), "`\(phone)` is not a telephone number (7 to 12 digits).",
                              "Write the number as it is published, e.g. 025-83106666.")
            }
            for email in emails where email.split(separator: "@").count != 2 || !email.contains(".") {
                fields.report(at: fields.line(of: "emails"), "`\(email)` is not an e-mail address.", "Write it as name@example.org.")
            }
            issues += fields.issues
            guard fields.issues.isEmpty, let name, let scope else { continue }
            entries.append((scope, PublicContact(name: name, phones: phones, emails: emails)))
        }
        try ContentErrors.check(issues)
        return ContactDirectory(entries: entries)
    }
}
