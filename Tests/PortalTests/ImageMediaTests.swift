import Content
import Crypto
import Foundation
import Moderation
import Review
import Site
import Testing

/// Images and PDFs in an answer's text: published only with a reviewed
/// description, resized, stripped of metadata and fingerprinted.
struct ImageMediaTests {
    /// The fixture under `review: all`, with `flu` showing `![示意图](NAME)` on line 10 and the media fixture `file` as NAME.
    func fixture(showing name: String = "wide.png", file: String? = "wide.png", description: String? = "接种点位置示意图：门诊楼一楼东侧。",
                 markdown: String? = nil) throws -> ProvinceFixture {
        let fixture = try ProvinceFixture()
        try fixture.requireReview()
        try fixture.edit("Content/answers/province/flu.md", replacing: "建议每年接种一次。",
                         with: "建议每年接种一次。\n\n\(markdown ?? "![示意图](\(name))")\n")
        if let file {
            let source = try #require(Bundle.module.path(forResource: file, ofType: nil, inDirectory: "Fixtures/media"))
            try fixture.write(try Data(contentsOf: URL(fileURLWithPath: source)), to: "Content/media/\(name)")
        }
        if let description { try fixture.write(description + "\n", to: "Content/media/\(name).txt") }
        return fixture
    }

    func build(_ fixture: borrowing ProvinceFixture) async throws -> SiteBuild.Report {
        try await SiteBuild(content: ContentLoader.load(directory: fixture.content), templatesDirectory: fixture.templates,
                            outputDirectory: fixture.output).run()
    }

    func loadingIssue(_ fixture: borrowing ProvinceFixture) throws -> ContentIssue {
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        try #require(error.issues.count == 1, "\(error.issues)")
        return error.issues[0]
    }

    @Test func imageWithAReviewedDescriptionPublishesResizedAndFingerprinted() async throws {
        let fixture = try fixture()
        try fixture.submitAndApprove("province/flu")
        let held = try await build(fixture).heldBack
        #expect(held.first { $0.item.reference == "province/flu" }?.reason?.contains("media/wide.png") == true)
        #expect(held.contains { $0.item.reference == "media/wide.png" })
        #expect(fixture.files(under: "dist/www.jsnj12320.cn").allSatisfy { !$0.hasPrefix("media/") })

        try fixture.submitAndApprove("media/wide.png")
        #expect(try await build(fixture).heldBack.allSatisfy { !["province/flu", "media/wide.png"].contains($0.item.reference) })
        let published = fixture.files(under: "dist/www.jsnj12320.cn").filter { $0.hasPrefix("media/") }
        #expect(published.count == 1)
        let name = try #require(published.first)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture.output + "/www.jsnj12320.cn/" + name)))
        // 2,400 × 1,000 in the content folder; at most 1,200 pixels wide on the page, in proportion.
        #expect(ImageSize(bytes, ending: "png") == ImageSize(width: 1200, height: 500))
        #expect(name == "media/wide-\(SHA256.hex(bytes).prefix(10)).png")
        let page = try fixture.read("dist/www.jsnj12320.cn/answers/flu/index.html")
        #expect(page.contains("<img src=\"/\(name)\" width=\"1200\" height=\"500\" loading=\"lazy\" alt=\"接种点位置示意图：门诊楼一楼东侧。\" />"))
        // The same image on every city's site that shows the answer.
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/www.jssz12320.cn/" + name))
    }

    @Test func photoMetadataNeverReachesTheSite() async throws {
        // photo.jpg carries a JPEG comment with a caller's number; the page's copy is stripped of all metadata.
        let fixture = try fixture(showing: "photo.jpg", file: "photo.jpg")
        try fixture.submitAndApprove("province/flu")
        try fixture.submitAndApprove("media/photo.jpg")
        _ = try await build(fixture)
        let name = try #require(fixture.files(under: "dist/www.jsnj12320.cn").first { $0.hasPrefix("media/photo-") })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.output + "/www.jsnj12320.cn/" + name))
        #expect(bytes.range(of: Data("13912345678".utf8)) == nil)
        #expect(ImageSize([UInt8](bytes), ending: "jpg") == ImageSize(width: 300, height: 200))
    }

    @Test func aDescriptionWithPersonalDataCannotBeApproved() throws {
        let fixture = try fixture(description: "来电人王先生家门口，电话13812345678。")
        let board = try ReviewBoard(content: ContentLoader.load(directory: fixture.content))
        #expect(board.review(of: "media/wide.png")?.status == .blocked)
        #expect(throws: ReviewDesk.Refusal.self) { try fixture.submitAndApprove("media/wide.png") }
    }

    @Test func replacingTheImageSendsItsDescriptionBackToReview() throws {
        let fixture = try fixture()
        try fixture.submitAndApprove("media/wide.png")
        #expect(try ReviewBoard(content: ContentLoader.load(directory: fixture.content)).review(of: "media/wide.png")?.status == .publishable)
        // Another picture under the same name (here: one byte more after the image data).
        let image = try Data(contentsOf: URL(fileURLWithPath: fixture.content + "/media/wide.png"))
        try fixture.write(image + Data([0]), to: "Content/media/wide.png")
        #expect(try ReviewBoard(content: ContentLoader.load(directory: fixture.content)).review(of: "media/wide.png")?.status == .awaitingReview)
    }

    @Test func aMissingImageNamesTheAnswersLine() throws {
        let issue = try loadingIssue(try fixture(file: nil))
        #expect(issue.file.hasSuffix("answers/province/flu.md"))
        #expect(issue.line == 10)
        #expect(issue.message.contains("`wide.png` is not in"))
    }

    @Test func aMissingDescriptionNamesTheAnswersLine() throws {
        let issue = try loadingIssue(try fixture(description: nil))
        #expect(issue.line == 10)
        #expect(issue.message.contains("has no description `wide.png.txt`"))
        let blank = try loadingIssue(try fixture(description: " \n"))
        #expect(blank.message.contains("has no description"))
    }

    @Test func svgAndGifAreRefusedWithTheFix() throws {
        for name in ["map.svg", "map.SVG", "anim.gif"] {
            let vector = try fixture(showing: name, file: nil)
            try vector.write("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", to: "Content/media/\(name)")
            let issue = try loadingIssue(vector)
            #expect(issue.line == 10)
            #expect(issue.message.contains("not published"), "\(name): \(issue.message)")
            #expect(issue.fix.contains("PNG"))
        }
    }

    @Test func aFileThatIsNotTheImageItsNameSaysIsRefused() throws {
        let html = try fixture(file: nil)
        try html.write("<html><script>alert(1)</script></html>", to: "Content/media/wide.png")
        #expect(try loadingIssue(html).message.contains("is not the image its name says"))
        let pdf = try fixture(showing: "guide.pdf", file: "guide.pdf")
        #expect(try loadingIssue(pdf).message.contains("cannot be shown as an image"))
        let notPDF = try fixture(file: nil, description: nil, markdown: "[指南](fake.pdf)")
        try notPDF.write("not a pdf", to: "Content/media/fake.pdf")
        try notPDF.write("摘要。", to: "Content/media/fake.pdf.txt")
        #expect(try loadingIssue(notPDF).message.contains("is not a PDF"))
        try notPDF.write("%PDF-1.4\nnothing else", to: "Content/media/fake.pdf")
        #expect(try loadingIssue(notPDF).message.contains("cannot be read as a PDF"))
    }

    @Test func whatAPDFSaysIsModeratedNotOnlyItsSummary() throws {
        // caller.pdf's page reads "Caller Wang, mobile 138 1234 5678"; its summary is harmless.
        let fixture = try fixture(showing: "caller.pdf", file: "caller.pdf", description: "来电记录摘要。", markdown: "[记录](caller.pdf)")
        let board = try ReviewBoard(content: ContentLoader.load(directory: fixture.content))
        let review = try #require(board.review(of: "media/caller.pdf"))
        #expect(review.status == .blocked)
        #expect(review.findings.contains { $0.rule == .mobile })
        #expect(throws: ReviewDesk.Refusal.self) { try fixture.submitAndApprove("media/caller.pdf") }
    }

    @Test func anImageDeclaringAHugeSizeIsRefusedBeforeAnyToolReadsIt() throws {
        let fixture = try fixture(file: nil)
        // A PNG header declaring 100,000 × 100,000 pixels, in 33 bytes.
        var header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        header += [0x00, 0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        try fixture.write(Data(header), to: "Content/media/wide.png")
        #expect(try loadingIssue(fixture).message.contains("too large to publish"))
    }

    @Test func aLinkedPDFIsListedWithItsSummary() async throws {
        let fixture = try fixture(file: nil, description: nil, markdown: "请阅读[接种指南](media/guide.pdf)。")
        let source = try #require(Bundle.module.path(forResource: "guide.pdf", ofType: nil, inDirectory: "Fixtures/media"))
        let pdf = try Data(contentsOf: URL(fileURLWithPath: source))
        try fixture.write(pdf, to: "Content/media/guide.pdf")
        try fixture.write("接种指南：接种前准备、接种后观察三十分钟。", to: "Content/media/guide.pdf.txt")
        try fixture.submitAndApprove("province/flu")
        try fixture.submitAndApprove("media/guide.pdf")
        #expect(try await build(fixture).heldBack.allSatisfy { !["province/flu", "media/guide.pdf"].contains($0.item.reference) })
        let url = "/media/guide-\(SHA256.hex(pdf).prefix(10)).pdf"
        let page = try fixture.read("dist/www.jsnj12320.cn/answers/flu/index.html")
        #expect(page.contains("<a href=\"\(url)\">接种指南</a>"))
        #expect(page.contains("接种指南：接种前准备、接种后观察三十分钟。"))
        #expect(FileManager.default.contents(atPath: fixture.output + "/www.jsnj12320.cn" + url) == pdf)
    }

    /// `café.png` with a combining accent is another file than `café.png`, though Swift compares the names equal (red team).
    @Test func aNameWithCombiningAccentsIsRefused() throws {
        let fixture = try fixture(showing: "cafe\u{301}.png", file: "wide.png")
        let issue = try loadingIssue(fixture)
        #expect(issue.line == 10)
        #expect(issue.message.contains("combining accents"))
    }

    /// A header declaring 4,294,967,295 × 4,294,967,295 pixels overflowed the pixel count and crashed every command (red team).
    @Test func aSizeThatOverflowsIsTooLargeNotACrash() throws {
        let fixture = try fixture(file: nil)
        var header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        header += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        try fixture.write(Data(header), to: "Content/media/wide.png")
        #expect(try loadingIssue(fixture).message.contains("too large to publish"))
    }

    @Test(arguments: [("script.pdf", "contains JavaScript"), ("attached.pdf", "carries attached files")])
    func aPDFCarryingScriptOrFilesIsRefused(file: String, message: String) throws {
        let fixture = try fixture(showing: file, file: file, description: "摘要。", markdown: "[文件](\(file))")
        #expect(try loadingIssue(fixture).message.contains(message))
    }

    /// Viewers show a PDF's title in the window: it is moderated with the pages (red team), all its lines (review).
    @Test(arguments: ["titled.pdf", "titled-lines.pdf"]) func aPDFsTitleIsModerated(_ file: String) throws {
        let fixture = try fixture(showing: file, file: file, description: "摘要。", markdown: "[文件](\(file))")
        let review = try #require(try ReviewBoard(content: ContentLoader.load(directory: fixture.content)).review(of: "media/\(file)"))
        #expect(review.status == .blocked)
        #expect(review.findings.contains { $0.rule == .mobile })
    }

    /// An edit that swaps the image keeps the approved revision, with its approved image, online (red team).
    @Test func anEditThatSwapsTheImageKeepsTheApprovedPageOnline() async throws {
        let fixture = try fixture()
        try fixture.submitAndApprove("media/wide.png")
        try fixture.submitAndApprove("province/flu")
        _ = try await build(fixture)
        let approved = try fixture.read("dist/www.jsnj12320.cn/answers/flu/index.html")
        #expect(approved.contains("接种点位置示意图"))
        try fixture.edit("Content/answers/province/flu.md", replacing: "![示意图](wide.png)", with: "![示意图](photo.jpg)")
        let photo = try #require(Bundle.module.path(forResource: "photo.jpg", ofType: nil, inDirectory: "Fixtures/media"))
        try fixture.write(try Data(contentsOf: URL(fileURLWithPath: photo)), to: "Content/media/photo.jpg")
        try fixture.write("新的照片。", to: "Content/media/photo.jpg.txt")
        let report = try await build(fixture)
        #expect(report.heldBack.first { $0.item.reference == "province/flu" }?.reason?.contains("approved revision stays online") == true)
        #expect(try fixture.read("dist/www.jsnj12320.cn/answers/flu/index.html") == approved)
    }
}
