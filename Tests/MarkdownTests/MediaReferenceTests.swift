import Markdown
import Testing

/// Images and PDFs of `media/` named in the text: found with their lines,
/// pointed at their published copy, never left pointing at a file the site lacks.
struct MediaReferenceTests {
    @Test(arguments: [("map.png", "map.png"), ("media/map.PNG", "map.PNG"), ("%E5%9C%B0%E5%9B%BE.jpg", "地图.jpg"), ("guide.pdf", "guide.pdf")])
    func namesAMediaFile(destination: String, name: String) {
        #expect(LinkPolicy.mediaName(destination) == name)
    }

    @Test(arguments: ["../secret.png", "/media/map.png", "https://example.org/map.png", "map.png?x=1", "sub/map.png", ".png",
                      "media/.hidden.png", "page.html", "answer:flu", "map", "c:map.png", "a\\b.png"])
    func leavesOtherDestinationsAlone(destination: String) {
        #expect(LinkPolicy.mediaName(destination) == nil)
    }

    @Test func imagesAndLinksAreFoundWithTheirLines() {
        let document = MarkdownDocument(source: "说明。\n\n![地图](map.png)\n\n见[指南](media/guide.pdf)与[官网](https://example.org/a.pdf)。")
        #expect(document.mediaReferences == [.init(name: "map.png", line: 3, isImage: true), .init(name: "guide.pdf", line: 5, isImage: false)])
    }

    @Test func aPublishedImageGetsItsAddressSizeAndReviewedDescription() {
        let document = MarkdownDocument(source: "![地图](map.png)\n\n![地图](map.png)", resolveMedia: { name in
            name == "map.png" ? .init(url: "/media/map-0123456789.png", size: (1200, 500), description: "门诊楼位置 \"东侧\"") : nil
        })
        let image = "<img src=\"/media/map-0123456789.png\" width=\"1200\" height=\"500\" loading=\"lazy\" alt=\"门诊楼位置 &quot;东侧&quot;\" />"
        #expect(document.html == "<p>\(image)</p>\n<p>\(image)</p>\n")
    }

    @Test func anUnpublishedFilePointsNowhere() {
        let document = MarkdownDocument(source: "![地图](map.png) [指南](guide.pdf)")
        #expect(document.html == "<p><img src=\"\" alt=\"地图\" /> <a href=\"\">指南</a></p>\n")
    }
}
