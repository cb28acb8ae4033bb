import CCmark

/// One pass over a cmark tree: collects plain text, rewrites link and image
/// destinations through ``LinkPolicy`` and moves headings down a level when
/// the body would otherwise compete with the page title.
struct TreeWalk {
    let topHeadingLevel: Int
    var text = ""
    var unresolved: [MarkdownDocument.UnresolvedLink] = []
    /// Links to replace by their text once the walk is over.
    private var linksToUnwrap: [OpaquePointer] = []

    init(topHeadingLevel: Int) {
        self.topHeadingLevel = topHeadingLevel
    }

    mutating func visit(_ root: OpaquePointer, resolveAnswerLink: (String) -> MarkdownDocument.LinkTarget) {
        let headingShift = max(0, topHeadingLevel - Self.highestHeadingLevel(in: root))
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                enter(node, type: type, headingShift: headingShift, resolve: resolveAnswerLink)
            } else if event == CMARK_EVENT_EXIT, Self.isBlock(type), !text.hasSuffix("\n"), !text.isEmpty {
                text.append("\n")
            }
        }
    }

    private mutating func enter(
        _ node: OpaquePointer, type: cmark_node_type, headingShift: Int, resolve: (String) -> MarkdownDocument.LinkTarget
    ) {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            if let literal = cmark_node_get_literal(node) { text.append(String(cString: literal)) }
            if type == CMARK_NODE_CODE_BLOCK, !text.hasSuffix("\n") { text.append("\n") }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text.append("\n")
        case CMARK_NODE_HEADING where headingShift > 0:
            let level = Int(cmark_node_get_heading_level(node))
            cmark_node_set_heading_level(node, Int32(min(6, level + headingShift)))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            rewriteDestination(of: node, resolve: resolve)
        default:
            break
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

    /// Replaces each collected link by its children (its text), after the
    /// walk, since changing the tree while iterating it is unsafe.
    mutating func unwrapLinks() {
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

    private static func highestHeadingLevel(in root: OpaquePointer) -> Int {
        var highest = 7
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                highest = min(highest, Int(cmark_node_get_heading_level(node)))
            }
            child = cmark_node_next(node)
        }
        return highest
    }
}
