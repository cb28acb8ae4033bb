import CCmark

/// One pass over a cmark tree: collects plain text, rewrites link and image
/// destinations through ``LinkPolicy`` and moves headings down a level when
/// the body would otherwise compete with the page title.
struct TreeWalk {
    let topHeadingLevel: Int
    /// The text a reader sees, line by line; blocks end a line.
    private(set) var lines: [String] = [""]
    /// The 1-based Markdown line each of `lines` starts on (0 until known).
    private(set) var lineSources: [Int] = [0]
    /// Link and image destinations (percent-decoded) and titles, with their lines:
    /// shown in the status bar and tooltips, followed by readers.
    private(set) var attributes: [(text: String, line: Int)] = []
    var unresolved: [MarkdownDocument.UnresolvedLink] = []
    /// What a browser draws before a line but the text does not hold: an
    /// ordered list's numbers (`<ol start="139123455">`), by line index.
    private(set) var markers: [Int: String] = [:]
    /// Lines that end a block (a paragraph, heading or list item), as opposed to a line break inside one.
    private(set) var blockEnds: Set<Int> = []
    /// The marker of the list item whose first line comes next.
    private var pendingMarker: String?
    /// The Markdown line the walk is on.
    private var currentLine = 1
    /// Links to replace by their text once the walk is over.
    private var linksToUnwrap: [OpaquePointer] = []
    /// Items of each ordered list met so far, by the list node's address.
    private var itemsSeen: [UInt: Int] = [:]
    /// The `media/` images and documents the text names, in source order.
    private(set) var mediaReferences: [MarkdownDocument.MediaReference] = []
    /// Images whose alt text becomes their reviewed description once the walk is over.
    private var describedImages: [(node: OpaquePointer, description: String)] = []
    /// Published images with their size, to set on `<img>`.
    private(set) var sizedImages: [MarkdownDocument.MediaTarget] = []

    init(topHeadingLevel: Int) {
        self.topHeadingLevel = topHeadingLevel
    }

    mutating func visit(
        _ root: OpaquePointer, resolveAnswerLink: (String) -> MarkdownDocument.LinkTarget,
        resolveMedia: (String) -> MarkdownDocument.MediaTarget?
    ) {
        let headingShift = max(0, topHeadingLevel - Self.highestHeadingLevel(in: root))
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                enter(node, type: type, headingShift: headingShift, resolve: resolveAnswerLink, resolveMedia: resolveMedia)
            } else if event == CMARK_EVENT_EXIT, Self.isBlock(type), !lines[lines.count - 1].isEmpty {
                blockEnds.insert(lines.count - 1)
                endLine()
            }
        }
    }

    /// The reader's text, blocks separated by newlines.
    var text: String { lines.joined(separator: "\n") }

    private mutating func append(_ piece: String) {
        if lineSources[lines.count - 1] == 0 { lineSources[lines.count - 1] = currentLine }
        if let marker = pendingMarker {
            markers[lines.count - 1] = marker
            pendingMarker = nil
        }
        lines[lines.count - 1] += piece
    }

    private mutating func endLine() {
        if lineSources[lines.count - 1] == 0 { lineSources[lines.count - 1] = currentLine }
        lines.append("")
        lineSources.append(0)
    }

    private mutating func enter(
        _ node: OpaquePointer, type: cmark_node_type, headingShift: Int, resolve: (String) -> MarkdownDocument.LinkTarget,
        resolveMedia: (String) -> MarkdownDocument.MediaTarget?
    ) {
        if Self.isBlock(type), case let line = Int(cmark_node_get_start_line(node)), line > 0 { currentLine = line }
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if let literal = cmark_node_get_literal(node) { append(String(cString: literal)) }
        case CMARK_NODE_CODE_BLOCK:
            appendCodeBlock(node)
        case CMARK_NODE_ITEM:
            pendingMarker = orderedMarker(of: node)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            endLine()
            currentLine += 1
        case CMARK_NODE_HEADING where headingShift > 0:
            let level = Int(cmark_node_get_heading_level(node))
            cmark_node_set_heading_level(node, Int32(min(6, level + headingShift)))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            recordAttributes(of: node)
            if let name = cmark_node_get_url(node).flatMap({ LinkPolicy.mediaName(String(cString: $0)) }) {
                point(node, atMedia: name, isImage: type == CMARK_NODE_IMAGE, resolve: resolveMedia)
            } else {
                rewriteDestination(of: node, resolve: resolve)
            }
        default:
            break
        }
    }

    /// `N. ` or `N) ` for an item of an ordered list: its list's start plus its place,
    /// counted as the walk meets the items (counting siblings back would be quadratic).
    private mutating func orderedMarker(of item: OpaquePointer) -> String? {
        guard let list = cmark_node_parent(item), cmark_node_get_list_type(list) == CMARK_ORDERED_LIST else { return nil }
        let key = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(list)))
        let place = itemsSeen[key, default: 0]
        itemsSeen[key] = place + 1
        let delimiter = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ")" : "."
        return "\(Int(cmark_node_get_list_start(list)) + place)\(delimiter) "
    }

    /// A code block's lines, each at its own source line (after the opening fence, if fenced).
    private mutating func appendCodeBlock(_ node: OpaquePointer) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        var parts = literal.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.last == "" { parts.removeLast() }
        let spanned = Int(cmark_node_get_end_line(node)) - Int(cmark_node_get_start_line(node)) + 1
        if spanned > parts.count { currentLine += 1 }
        for part in parts {
            append(String(part))
            endLine()
            currentLine += 1
        }
    }

    private mutating func recordAttributes(of node: OpaquePointer) {
        if let url = cmark_node_get_url(node), case let destination = String(cString: url), !destination.isEmpty {
            attributes.append((Self.percentDecoded(destination), currentLine))
        }
        if let title = cmark_node_get_title(node), case let text = String(cString: title), !text.isEmpty {
            attributes.append((text, currentLine))
        }
    }

    /// `%XX` sequences decoded as UTF-8 bytes; malformed ones are kept as written.
    static func percentDecoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return text }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func rewriteDestination(of node: OpaquePointer, resolve: (String) -> MarkdownDocument.LinkTarget) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        switch LinkPolicy.classify(destination) {
        case .keep:
            return
        case .drop:
            cmark_node_set_url(node, "")
        case .answer(let id):
            switch resolve(id) {
            case .url(let url):
                cmark_node_set_url(node, url)
            case .unpublished:
                cmark_node_set_url(node, "")
                linksToUnwrap.append(node)
            case .unknown:
                unresolved.append(.init(destination: destination, line: Int(cmark_node_get_start_line(node))))
                cmark_node_set_url(node, "")
            }
        }
    }

    /// Points a link or image at the published `media/` file, or at nothing
    /// while the file is not published (the content check names it).
    private mutating func point(
        _ node: OpaquePointer, atMedia name: String, isImage: Bool, resolve: (String) -> MarkdownDocument.MediaTarget?
    ) {
        mediaReferences.append(.init(name: name, line: currentLine, isImage: isImage))
        guard let target = resolve(name) else {
            cmark_node_set_url(node, "")
            return
        }
        cmark_node_set_url(node, target.url)
        if isImage, target.size != nil { sizedImages.append(target) }
        if isImage, let description = target.description { describedImages.append((node, description)) }
    }

    /// Replaces each collected link by its children (its text), and each
    /// described image's alt text by its description, after the walk, since
    /// changing the tree while iterating it is unsafe.
    mutating func unwrapLinks() {
        for (image, description) in describedImages {
            while let child = cmark_node_first_child(image) {
                cmark_node_unlink(child)
                cmark_node_free(child)
            }
            if let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, description)
                cmark_node_append_child(image, text)
            }
        }
        describedImages = []
        for link in linksToUnwrap {
            while let child = cmark_node_first_child(link) {
                cmark_node_unlink(child)
                cmark_node_insert_before(link, child)
            }
            cmark_node_unlink(link)
            cmark_node_free(link)
        }
        linksToUnwrap = []
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }

    /// The highest heading anywhere in the tree, in lists and block quotes too.
    private static func highestHeadingLevel(in root: OpaquePointer) -> Int {
        var highest = 7
        guard let iterator = cmark_iter_new(root) else { return highest }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_HEADING {
                highest = min(highest, Int(cmark_node_get_heading_level(node)))
            }
        }
        return highest
    }
}
