import Content
import Crypto

/// A SHA-256 of everything a template can read from a page's values: every
/// name of each context, in a fixed order, with what it holds, lists and
/// nested values followed (each ``TemplateKey`` adds its own value, typed).
/// The same theme and program render values of the same fingerprint to the
/// same bytes, which lets a build keep a page it rendered before instead of
/// rendering it again (see `PageRecords`).
struct ContextFingerprint {
    private var bytes: [UInt8] = []

    init(template: String) {
        bytes.reserveCapacity(16_384)
        add(text: template)
    }

    /// The fingerprint of `context` alone.
    static func of<Context: TemplateContext>(_ context: Context) -> String {
        var fingerprint = ContextFingerprint(template: "")
        fingerprint.add(context)
        return fingerprint.hex
    }

    /// The fingerprint, in hex.
    var hex: String { SHA256.hex(bytes) }

    mutating func add<Context: TemplateContext>(_ context: Context) {
        for (name, key) in Context.keys.sorted(by: { $0.key < $1.key }) {
            add(text: name)
            key.digest(context, &self)
        }
        bytes.append(0xFF)
    }

    mutating func add<Context: TemplateContext>(list: [Context]) {
        count(list.count)
        for context in list { add(context) }
    }

    mutating func add<Context: TemplateContext>(optional: Context?) {
        if let optional { add(list: [optional]) } else { add(list: [Context]()) }
    }

    mutating func add(flag: Bool) {
        bytes.append(flag ? 1 : 0)
    }

    mutating func add(texts: [String]) {
        count(texts.count)
        for text in texts { add(text: text) }
    }

    /// The length first: no two sequences of texts run together into the same bytes.
    mutating func add(text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    private mutating func count(_ count: Int) {
        withUnsafeBytes(of: UInt64(count).littleEndian) { bytes.append(contentsOf: $0) }
    }
}
