/// The text an SVG file shows: what stands between its tags (the content of `<text>`, `<title>`, `<desc>`),
/// character references left for moderation to read, and CDATA sections' text. A tag is removed, not replaced:
/// `内<tspan>部</tspan>资料` reads `内部资料`. An attribute value holding `>` leaves its rest as text, which is
/// read too: the reading errs on the side of reading more.
enum SVGText {
    static func shown(in bytes: [UInt8]) -> [UInt8] {
        var shown: [UInt8] = []
        var index = 0
        let cdataOpen = Array("<![CDATA[".utf8)
        let cdataClose = Array("]]>".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                if bytes[index...].starts(with: cdataOpen) {
                    var end = index + cdataOpen.count
                    while end < bytes.count, !bytes[end...].starts(with: cdataClose) { end += 1 }
                    shown += bytes[(index + cdataOpen.count)..<end]
                    index = end + cdataClose.count
                    continue
                }
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                index += 1
                continue
            }
            shown.append(bytes[index])
            index += 1
        }
        return shown
    }
}
