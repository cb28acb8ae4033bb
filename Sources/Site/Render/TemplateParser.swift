import Content

/// Reads a theme template into ``TemplateNode``s, exactly as swift-mustache
/// reads it, for the tags ``TemplateKeyCheck`` lets a theme use: values,
/// sections, inverted sections, named partials and comments. A tag alone on
/// its line (sections, comments, partials) takes its line's white space and
/// line break with it; a partial alone on its line indents what it writes.
/// It reads whole characters, as swift-mustache does: a brace followed by a
/// combining mark is not a brace, and `{{` followed by a line break opens no tag.
///
/// The same reading lists the tags (``TemplateTag``) the theme check judges:
/// the check sees exactly the tags that are rendered, never a second reading
/// of the text that a line break or a mark after a brace could tell apart.
/// swift-mustache still reads every template first and reports the syntax
/// errors a theme's author sees (``TemplateSet``).
struct TemplateParser {
    /// What this parser does not read: a template swift-mustache or the check should have refused.
    struct Refusal: Error {
        let reason: String
    }

    /// A template as read: its nodes, `nil` where a tag was refused, and its tags up to the refused one,
    /// which ends the list as an ``TemplateTag/Kind/unsupported`` tag.
    struct Reading: Sendable {
        let nodes: [TemplateNode]?
        let tags: [TemplateTag]
    }

    private let characters: [Character]
    private var position = 0
    private var tags: [TemplateTag] = []
    /// Where the template's text has got to in the HTML, in the order it is read (sections as if open).
    private var place = HTMLPlace()
    /// Where the tag being read opens (its `{{`).
    private var tagStart = 0
    /// The line of the last position asked for (positions only move forward).
    private var counted = (position: 0, line: 1)

    private init(_ text: String) {
        characters = Array(text)
    }

    /// The nodes and the tags of `text`.
    static func read(_ text: String) -> Reading {
        var parser = TemplateParser(text)
        do {
            let nodes = try parser.parse(section: nil, newLine: true)
            return Reading(nodes: nodes, tags: parser.tags)
        } catch {
            parser.note(.unsupported, error.reason)
            return Reading(nodes: nil, tags: parser.tags)
        }
    }

    /// Lists the tag being read, at the line of its `{{`.
    private mutating func note(_ kind: TemplateTag.Kind, _ name: String) {
        while counted.position < min(tagStart, characters.count) {
            if characters[counted.position] == "\n" || characters[counted.position] == "\r\n" { counted.line += 1 }
            counted.position += 1
        }
        tags.append(TemplateTag(kind: kind, name: name, line: counted.line, unsafePlace: place.isSafeForText ? nil : place.description,
                                startsAddress: place.startsAddress))
        if kind == .value || kind == .unescapedValue { place.readValue() }
    }

    /// Appends a text node, read into ``place`` too.
    private mutating func append(_ text: String, to nodes: inout [TemplateNode]) {
        let bytes = Array(text.utf8)
        place.read(bytes)
        nodes.append(.text(bytes))
    }

    /// Sections may be nested this deep, no deeper (a theme needs a few levels). swift-mustache reads a
    /// section by calling itself: 3,000 nested sections ran it, and the build, out of stack.
    static let deepestSection = 32
    /// A template may hold this many tags, no more (a page of the theme holds a few dozen). swift-mustache
    /// measures the rest of the text at each tag it reads: 100,000 tags took it over two minutes.
    static let mostTags = 2_000

    /// What makes `text` unsafe to give any Mustache reader, with the line, or `nil`: sections nested deeper than
    /// ``deepestSection`` or more than ``mostTags`` tags. Counted on the bytes, every `{{` as a tag, `{{#`, `{{^`,
    /// `{{<` and `{{$` as an opening and `{{/` as a closing, wherever they stand (even in a comment): never
    /// lower than what a reader nests or reads.
    static func bounds(of text: String, file: String) -> ContentIssue? {
        var depth = 0
        var tags = 0
        var line = 1
        var previous: UInt8 = 0
        // Whether the last two bytes were a `{{` (three braces in a row are one `{{` and a brace, as for the readers).
        var afterOpening = false
        for byte in text.utf8 {
            if byte == 0x0A { line += 1 }
            if afterOpening {
                afterOpening = false
                switch byte {
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                    depth += 1
                    if depth > deepestSection {
                        return ContentIssue(file: file, line: line, message: "Sections are nested more than \(deepestSection) deep here: the template cannot be read safely.",
                                            fix: "Close sections sooner: a theme needs a few levels of {{#section}} at most.")
                    }
                case UInt8(ascii: "/"):
                    depth = max(0, depth - 1)
                default:
                    break
                }
            }
            if previous == 0x7B && byte == 0x7B {
                tags += 1
                if tags > mostTags {
                    return ContentIssue(file: file, line: line, message: "The template holds more than \(mostTags) tags: it cannot be read in a reasonable time.",
                                        fix: "Split it into partials, or repeat with a section over a list instead of writing each tag out.")
                }
                afterOpening = true
                previous = 0
            } else {
                previous = byte
            }
        }
        return nil
    }

    private var atEnd: Bool { position == characters.count }
    /// The current character; a NUL at the end, as swift-mustache's parser answers there.
    private var current: Character { atEnd ? "\0" : characters[position] }

    /// The nodes up to the end of `section` (its `{{/…}}` read), or of the text.
    /// - Parameter newLine: whether reading starts at the start of a line.
    private mutating func parse(section: String?, newLine: Bool) throws(Refusal) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var newLine = newLine
        // The spaces and tabs that started the line, held until it is known whether a tag stands alone on it.
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { append(whiteSpaceBefore, to: &nodes) }
            whiteSpaceBefore = ""
        }
        while !atEnd {
            if newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
            let text = try readUntilTagOrLineBreak()
            if current.isNewline {
                append(whiteSpaceBefore + text + String(current), to: &nodes)
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                append(whiteSpaceBefore + text, to: &nodes)
                whiteSpaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            var standsAlone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                note(inverted ? .invertedSection : .section, name)
                if standsAloneOnItsLine(newLine) { standsAlone = true } else { flushWhiteSpace() }
                let inside = try parse(section: name, newLine: standsAlone)
                nodes.append(.section(TemplatePath(name), inverted: inverted, inside))
            case "/":
                position += 1
                let name = try readName()
                note(.close, name)
                guard name == section else { throw Refusal(reason: "`{{/\(name)}}` closes no open section") }
                if !standsAloneOnItsLine(newLine) { flushWhiteSpace() }
                return nodes
            case "!":
                position += 1
                note(.comment, try skipComment())
                standsAlone = standsAloneOnItsLine(newLine)
            case "{":
                flushWhiteSpace()
                position += 1
                let name = try readName()
                guard current == "}" else { throw Refusal(reason: "`{{{\(name)}}` is not closed by `}}}`") }
                position += 1
                note(.unescapedValue, name)
                nodes.append(.value(TemplatePath(name), escaped: false))
            case "&":
                flushWhiteSpace()
                position += 1
                let name = try readName()
                note(.unescapedValue, name)
                nodes.append(.value(TemplatePath(name), escaped: false))
            case ">":
                position += 1
                _ = read { $0.isWhitespace }
                guard current != "*" else { throw Refusal(reason: "a partial named by a value (`{{>*…}}`)") }
                let name = try readEnd(of: read { Self.partialNameCharacters.contains($0) })
                note(.partial, name)
                if !whiteSpaceBefore.isEmpty { append(whiteSpaceBefore, to: &nodes) }
                standsAlone = standsAloneOnItsLine(newLine)
                nodes.append(.partial(name, indentation: standsAlone ? Array(whiteSpaceBefore.utf8) : nil))
                whiteSpaceBefore = ""
            case "=", "%", "<", "$":
                throw Refusal(reason: "`{{\(current)…}}` (delimiters, a pragma or inheritance)")
            default:
                flushWhiteSpace()
                let name = try readName()
                note(.value, name)
                nodes.append(.value(TemplatePath(name), escaped: true))
            }
            newLine = standsAlone
        }
        guard section == nil else { throw Refusal(reason: "`{{#\(section ?? "")}}` is never closed") }
        return nodes
    }

    /// The characters up to a line break (`\n` or `\r\n`, left unread) or up to and including `{{`.
    private mutating func readUntilTagOrLineBreak() throws(Refusal) -> String {
        var text = ""
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if atEnd || current.isNewline { break }
            // A `{`: swift-mustache reads two characters here, and fails where only one is left.
            guard position + 1 < characters.count else { throw Refusal(reason: "`{` at the end of the template") }
            if characters[position + 1] == "{" {
                tagStart = position
                position += 2
                break
            }
            text.append("{")
            position += 1
        }
        return text
    }

    /// A tag's name, with the white space around it and the closing `}}` read.
    private mutating func readName() throws(Refusal) -> String {
        _ = read { $0.isWhitespace }
        // A transform (`uppercased(title)`) is read as a name no page has: the check refuses it.
        return try readEnd(of: read { Self.nameCharacters.contains($0) })
    }

    /// `name`, once the white space after it and the closing `}}` are read.
    private mutating func readEnd(of name: String) throws(Refusal) -> String {
        _ = read { $0.isWhitespace }
        guard position + 1 < characters.count, characters[position] == "}", characters[position + 1] == "}" else {
            throw Refusal(reason: "`\(name)` is not closed by `}}`")
        }
        position += 2
        return name
    }

    /// Reads past the `}}` that ends a comment; its text.
    private mutating func skipComment() throws(Refusal) -> String {
        let start = position
        var braces = 0
        while !atEnd {
            braces = characters[position] == "}" ? braces + 1 : 0
            position += 1
            if braces == 2 { return String(characters[start..<(position - 2)]) }
        }
        throw Refusal(reason: "a comment is not closed by `}}`")
    }

    /// Whether the tag just read stands alone on its line: it started the line (`newLine`) and
    /// only spaces and tabs follow it before a line break or the end. The line break is then read.
    /// As in swift-mustache, spaces after the tag at the very end of the template do not count.
    private mutating func standsAloneOnItsLine(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var next = position
        while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
        guard next < characters.count, characters[next].isNewline else { return false }
        position = next + 1
        return true
    }

    private mutating func read(while accepts: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, accepts(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])
}
