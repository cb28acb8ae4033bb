extension MarkdownDocument {
    /// An image or document of `media/` that the body embeds or links to.
    package struct MediaReference: Sendable, Equatable {
        /// The file's name in `media/`, e.g. `map.png`.
        package let name: String
        /// 1-based line in the Markdown text.
        package let line: Int
        /// `![…](…)` rather than `[…](…)`.
        package let isImage: Bool

        package init(name: String, line: Int, isImage: Bool) {
            self.name = name
            self.line = line
            self.isImage = isImage
        }
    }

    /// Where a `media/` file is published and how the page presents it.
    package struct MediaTarget: Sendable, Equatable {
        /// The published address, e.g. `/media/map-1a2b3c4d5e.png` (ASCII, so the HTML holds it as written).
        package let url: String
        /// For an image: its published size in pixels (set on `<img>` so the page does not shift as it loads).
        package let size: (width: Int, height: Int)?
        /// For an image: the reviewed description, which becomes its alt text.
        package let description: String?

        package init(url: String, size: (width: Int, height: Int)? = nil, description: String? = nil) {
            self.url = url
            self.size = size
            self.description = description
        }

        package static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.url == rhs.url && lhs.size?.width == rhs.size?.width && lhs.size?.height == rhs.size?.height
                && lhs.description == rhs.description
        }
    }
}
