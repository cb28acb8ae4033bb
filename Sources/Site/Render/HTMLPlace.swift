/// Where in the HTML a template's text has got to, read byte by byte as a
/// browser would tokenise it (simplified): between tags, inside a tag, in an
/// attribute's value with or without quotes, in a comment, or in the body of
/// a `<script>` or `<style>`. Escaping `& < > " '` makes a text safe between
/// tags and inside quotes only: an unquoted attribute ends at a space
/// (`title={{heading}}` with the title `x onfocus=…`), a tag takes any words
/// as attributes, and a script runs what it is given.
struct HTMLPlace: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case text
        case tag
        case valueStart
        case unquotedValue
        case quotedValue(UInt8)
        case comment
        /// The body of a `<script>` or `<style>`, up to its end tag.
        case rawText
    }

    private(set) var kind = Kind.text
    /// The name of the tag being read (lowercased), while it is read.
    private var name: [UInt8] = []
    private var readingName = false
    private var closing = false
    /// The name of the element whose raw text is being read.
    private var rawTextOf: [UInt8] = []
    /// The last bytes read, for `<!--`, `-->` and `</script`.
    private var recent: [UInt8] = []
    /// The name of the attribute last read in the tag (lowercased), and whether its name is being read.
    private var attribute: [UInt8] = []
    private var readingAttribute = false
    /// Whether the attribute's value holds nothing yet but white space.
    private var valueIsEmpty = false

    /// Attributes whose value is an address a browser follows, loads or submits to.
    private static let addressAttributes: Set<[UInt8]> = Set(["href", "src", "action", "formaction", "poster", "cite", "data",
                                                              "srcset", "background", "manifest", "ping", "longdesc",
                                                              "codebase", "icon", "xlink:href"].map { Array($0.utf8) })

    /// Whether what is written here starts an address (`href="` and nothing yet): a text there could be `javascript:…`.
    var startsAddress: Bool {
        if case .quotedValue = kind { return valueIsEmpty && Self.addressAttributes.contains(attribute) }
        return false
    }

    /// Whether an escaped text written here is only text to a browser.
    var isSafeForText: Bool {
        switch kind {
        case .text, .quotedValue, .comment: true
        case .tag, .valueStart, .unquotedValue, .rawText: false
        }
    }

    /// What a reader of the template is told of this place.
    var description: String {
        switch kind {
        case .text: "between tags"
        case .tag: "inside a tag, outside any attribute's quotes"
        case .valueStart, .unquotedValue: "in an attribute's value without quotes"
        case .quotedValue: "in an attribute's value"
        case .comment: "in a comment"
        case .rawText: "inside <\(String(decoding: rawTextOf, as: UTF8.self))>"
        }
    }

    mutating func read(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { read(byte) }
    }

    /// What a value written here leaves the place as: a word of text, neither quote nor bracket.
    mutating func readValue() {
        read(UInt8(ascii: "x"))
        valueIsEmpty = false
    }

    private mutating func read(_ byte: UInt8) {
        recent.append(byte)
        if recent.count > 16 { recent.removeFirst(recent.count - 16) }
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        switch kind {
        case .text:
            if byte == UInt8(ascii: "<") {
                kind = .tag
                name = []
                readingName = true
                closing = false
                attribute = []
                readingAttribute = false
            }
        case .tag:
            if recent.suffix(4).elementsEqual("<!--".utf8) {
                kind = .comment
            } else if byte == UInt8(ascii: ">") {
                endTag()
            } else if readingName {
                if byte == UInt8(ascii: "/"), name.isEmpty {
                    closing = true
                } else if isSpace || byte == UInt8(ascii: "/") {
                    readingName = false
                } else {
                    name.append(lower)
                }
            } else if byte == UInt8(ascii: "=") {
                kind = .valueStart
                readingAttribute = false
            } else if isSpace || byte == UInt8(ascii: "/") {
                readingAttribute = false
            } else {
                if !readingAttribute { attribute = [] }
                readingAttribute = true
                attribute.append(lower)
            }
        case .valueStart:
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                kind = .quotedValue(byte)
                valueIsEmpty = true
            } else if byte == UInt8(ascii: ">") {
                endTag()
            } else if !isSpace {
                kind = .unquotedValue
            }
        case .unquotedValue:
            if byte == UInt8(ascii: ">") {
                endTag()
            } else if isSpace {
                kind = .tag
            }
        case .quotedValue(let quote):
            if byte == quote {
                kind = .tag
            } else if !isSpace {
                valueIsEmpty = false
            }
        case .comment:
            if recent.suffix(3).elementsEqual("-->".utf8) { kind = .text }
        case .rawText:
            let end = Array("</".utf8) + rawTextOf
            if recent.count >= end.count, recent.suffix(end.count).map({ $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }) == end {
                kind = .tag
                name = rawTextOf
                readingName = false
                closing = true
            }
        }
    }

    private mutating func endTag() {
        let opensRawText = !closing && (name.elementsEqual("script".utf8) || name.elementsEqual("style".utf8))
        kind = opensRawText ? .rawText : .text
        if opensRawText { rawTextOf = name }
    }
}
