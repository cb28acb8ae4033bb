import Content
import Moderation
import Yams

/// The values of `portal.yml` that pages show — names, slogan, hotline,
/// contact lines, category names — moderated like answers: a classified term
/// or a caller's personal data there can never be published, and a term that
/// needs a reviewer's decision is never decided (nobody reviews configuration),
/// so either fails the build naming the key.
enum ProvinceText {
    /// Keys whose values no page shows.
    static let unshownKeys: Set<String> = ["review", "deploy", "logo", "inspection"]
    /// The centre's own contact keys: an office landline or e-mail address is
    /// public there. A mobile number, an ID or a card number never is.
    static let contactKeys: Set<String> = ["hotline", "email", "phone"]
    static let publicContactRules: Set<Rule> = [.landline, .email]

    /// One issue per finding that would block an answer or send it to a reviewer, in the shown values of `file`.
    static func issues(file: String, moderator: Moderator) -> [ContentIssue] {
        let root: Node
        do {
            root = try YAMLSource.parse(try TextFile.read(file), file: file, lineOffset: 0)
        } catch {
            return [error]
        }
        var issues: [ContentIssue] = []
        visit(root, key: "") { key, scalar in
            let isContact = contactKeys.contains(String(key.split(separator: ".").last ?? ""))
            for finding in moderator.scan(scalar.string) where finding.severity == .block || finding.severity == .review {
                if isContact && publicContactRules.contains(finding.rule) { continue }
                // A slogan reading `代孕咨询` went on every page of every site, as nobody reviews portal.yml.
                issues.append(issue(finding, file: file, line: scalar.mark?.line, text: "`\(key)` contains", shown: "is shown on every page",
                                    unreviewed: "portal.yml", removal: "Remove it from portal.yml; an official public number belongs in lexicon/allow.txt."))
            }
        }
        return issues
    }

    /// One issue per finding that would block an answer or send it to a reviewer in what the logo shows,
    /// when it is an SVG: every page draws it, and its `<text>`, `<title>` and `<desc>` are text a reader
    /// sees (`<text>内部资料</text>` was published in every header). Read with its tags removed, so that
    /// nothing joins what they split; CDATA's text is text.
    static func issues(logo file: String, moderator: Moderator) -> [ContentIssue] {
        guard file.lowercased().hasSuffix(".svg"), let bytes = RegularFile.bytes(file) else { return [] }
        // An image inside the logo (`<image href="data:image/svg+xml;base64,…">`) draws what no reading of its text sees.
        if String(decoding: bytes, as: UTF8.self).lowercased().contains("data:") {
            return [ContentIssue(file: file, line: nil, message: "The logo embeds another image (a data: address), whose text no check reads.",
                                 fix: "Save the logo as a plain SVG, its text as text or paths.")]
        }
        guard let text = SVGText.shown(in: bytes) else {
            return [ContentIssue(file: file, line: nil, message: "The logo declares a document type or entities, whose text no check reads.",
                                 fix: "Save the logo as a plain SVG, without <!DOCTYPE …> or <!ENTITY …>.")]
        }
        let shown = String(decoding: text, as: UTF8.self)
        return moderator.scan(shown).filter { $0.severity == .block || $0.severity == .review }.map { finding in
            issue(finding, file: file, line: nil, text: "The logo shows", shown: "is drawn on every page", unreviewed: "the logo",
                  removal: "Use a logo without that text.", rewording: "Use a logo without that text.")
        }
    }

    /// One issue per finding that would block an answer or send it to a
    /// reviewer, in the privacy statements: nobody reviews them, and every
    /// page links them. The centre's own numbers and addresses of the
    /// contact directory are public there.
    static func issues(in statements: some Collection<PrivacyStatement>, moderator: Moderator, contacts: [PublicContact]) -> [ContentIssue] {
        statements.flatMap { statement in
            moderator.scan(statement.source, asRead: statement.readerTexts, contacts: contacts)
                .filter { $0.severity == .block || $0.severity == .review }
                .map { finding in
                    issue(finding, file: statement.file, line: finding.line, text: "The privacy statement contains",
                          shown: "every page links", unreviewed: "the statement",
                          removal: "Remove it; an official public number belongs in lexicon/contacts.yml or lexicon/allow.txt.")
                }
        }
    }

    /// One issue per blocking finding in the synonym list, which every site's search ships to browsers.
    static func issues(in synonyms: [SynonymGroup], moderator: Moderator) -> [ContentIssue] {
        synonyms.flatMap { group in
            moderator.scan(group.words.joined(separator: " ")).filter { $0.severity == .block }.map { finding in
                ContentIssue(file: group.file, line: group.line,
                             message: "The synonym list contains \(what(finding)), which every site's search sends to browsers.",
                             fix: "Remove it from the line.")
            }
        }
    }

    /// The issue of a finding in a text nobody reviews: one that blocks can never be published; one that
    /// needs review is never decided.
    /// - Parameters:
    ///   - finding: what moderation found, at `line` of `file` (if known).
    ///   - text: what holds it, with its verb (`The logo shows`).
    ///   - shown: where it goes (`is shown on every page`).
    ///   - unreviewed: the text, as nobody reviews it (`portal.yml`, `the logo`).
    ///   - removal: the fix of a blocking finding.
    ///   - rewording: the fix of one that needs review.
    private static func issue(_ finding: Finding, file: String, line: Int?, text: String, shown: String, unreviewed: String, removal: String,
                              rewording: String = "Reword it; a text that needs review belongs in an answer, which reviewers approve.") -> ContentIssue {
        // A place's or a person's name may hold a rare character rightly (`甪直`): the allow list says so.
        if finding.rule == .rareCharacter {
            return ContentIssue(file: file, line: line,
                                message: "\(text) `\(finding.matched)`, a character outside GB 2312 that may stand for a common one drawn like it, and nobody reviews \(unreviewed).",
                                fix: "If it is written right (a place's or a person's name), add the words that hold it to lexicon/allow.txt; otherwise write the common character.")
        }
        return finding.severity == .block
            ? ContentIssue(file: file, line: line, message: "\(text) \(what(finding)), which \(shown) and can never be published.", fix: removal)
            : ContentIssue(file: file, line: line,
                           message: "\(text) the term `\(finding.term ?? finding.rule.rawValue)`, which needs a reviewer's decision, and nobody reviews \(unreviewed).",
                           fix: rewording)
    }

    /// What a blocking finding found, for a message. The matched text of
    /// personal data is a caller's: it goes in no message.
    private static func what(_ finding: Finding) -> String {
        finding.term.map { "the classified term `\($0)`" } ?? "personal data (\(finding.rule.rawValue))"
    }

    /// Calls `body` with every shown scalar and its key path (`cities[2].address`).
    private static func visit(_ node: Node, key: String, _ body: (String, Node.Scalar) -> Void) {
        switch node {
        case .scalar(let scalar):
            body(key, scalar)
        case .mapping(let mapping):
            for (name, value) in mapping {
                let name = name.string ?? "?"
                if key.isEmpty && unshownKeys.contains(name) { continue }
                visit(value, key: key.isEmpty ? name : "\(key).\(name)", body)
            }
        case .sequence(let sequence):
            for (index, value) in sequence.enumerated() { visit(value, key: "\(key)[\(index)]", body) }
        case .alias:
            break
        }
    }
}
