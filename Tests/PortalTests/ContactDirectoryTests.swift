import Content
import Foundation
import Moderation
import Review
import Site
import Testing

/// A hospital's published number, listed in `lexicon/contacts.yml`, publishes
/// after review; a caller's number never does, however it is written.
struct ContactDirectoryTests {
    static let directory = """
        - name: 南京市鼓楼医院
          scope: nj
          phones: ["025-83106666"]
          emails: ["Service@Example.org"]
        - name: 江苏省卫生健康委员会
          scope: province
          phones: ["025-83620600"]

        """

    /// The fixture under `review: all` with the directory, and `nj-clinic` showing `text`.
    func fixture(showing text: String, in answer: String = "Content/answers/nj/nj-clinic.md") throws -> ProvinceFixture {
        let fixture = try ProvinceFixture()
        try fixture.requireReview()
        try fixture.write(Self.directory, to: "Content/lexicon/contacts.yml")
        try fixture.write(try fixture.read(answer) + "\n\(text)\n", to: answer)
        return fixture
    }

    func review(_ reference: String, _ fixture: borrowing ProvinceFixture) throws -> any ReviewStanding {
        try #require(try ReviewBoard(content: ContentLoader.load(directory: fixture.content)).review(of: reference))
    }

    @Test(arguments: ["咨询电话025-83106666。", "电话（025）83106666。", "电话：025－83106666", "拨打02583106666", "联系电话：83106666",
                      "电话 8310 6666", "来信请寄 service@example.org", "省卫健委电话025-83620600"])
    func aListedContactIsPublicForItsScope(_ text: String) throws {
        let fixture = try fixture(showing: text)
        let review = try review("nj/nj-clinic", fixture)
        let contacts = review.findings.filter { $0.rule == .publicContact }
        #expect(contacts.count == 1, "\(review.findings.map { "\($0.rule) \($0.matched)" })")
        #expect(contacts.first?.severity == .info)
        #expect(contacts.first.flatMap(\.label).map { ["南京市鼓楼医院", "江苏省卫生健康委员会"].contains($0) } == true)
        #expect(review.blockingFindings.isEmpty)
    }

    @Test(arguments: ["来电人电话(025)83106667。", "号码025－83106667", "拨打02583106667", "联系电话83106667", "电话：8310 6667",
                      "手机一三八一二三四五六七八", "手机138-1234-5678", "来电人邮箱 zhang@example.org",
                      // Found by an attack run: numbers after more digits, other wording, country codes.
                      "联系电话：8765 4321 / 8765 4320", "联系电话：87654321-1234", "电话：87654321 （2024）", "联系方式：87654321",
                      "Tel.: 87654321", "电话：\n87654321", "座机号码——87654321", "电话/微信：87654321", "电话（工作日）：87654321",
                      "固话：87654321", "请打87654321", "电话号 87654321", "联系人张女士 87654321", "电话\n８７６５４３２１",
                      "电话：0086 25 87654321", "电话：0086-512-6523-1234", "电话：86-25-87654321",
                      // Found by a second attack run: extensions and stray digits, disguised words, a long aside.
                      "请联系张女士，电话：83106677-8", "电话：83106677-80", "家里电话 83106677 1号楼", "电话：0 83106677",
                      "电话：(1) 83106677", "请电 话：83106677", "电\u{200B}话：83106677", "電话：83106677", "ＴＥＬ：83106677",
                      "T e l: 83106677", "联系电话（工作日上午八点至下午五点半）：83106677", "请拨83106677", "联络方式 83106677",
                      "回电83106677", "微信同号83106677",
                      // The quick look before the full reading of the words (speed, #15) must not miss a form.
                      "“电话”：83106677", "電話：83106677", "电　话：83106677", "ｔｅｌ：83106677", "TEL 83106677", "ⓣⓔⓛ 83106677",
                      "联系方式—电话…83106677", "電\u{00A0}話83106677",
                      // Found by a third attack run: the word split by a character drawn as nothing or as a blank.
                      "来电人王女士，电\u{FE00}话：8310 6688", "电\u{FE0F}话83106699", "电\u{E0100}话83106699", "电\u{034F}话83106699",
                      "电\u{3164}话83106699", "电\u{115F}话83106699", "电\u{1160}话83106699", "电\u{FFA0}话83106699",
                      "电\u{17B4}话83106699", "电\u{180B}话83106699", "电\u{2800}话83106699", "电\u{0301}话83106699",
                      "Tel\u{0301}: 83106699", "电\u{302A}话83106699", "电丶话83106699"])
    func aCallersNumberInAnyCommonFormStaysBlocked(_ text: String) throws {
        let fixture = try fixture(showing: text)
        let review = try review("nj/nj-clinic", fixture)
        #expect(review.status == .blocked, "\(review.findings.map { "\($0.rule) \($0.matched)" })")
        #expect(!review.findings.contains { $0.rule == .publicContact })
    }

    /// A caller's number beside a listed one is not covered by it.
    @Test(arguments: ["联系电话：025-83106666 87654321", "电话：025-83106666，83106667", "电话：025-83106666或83106667"])
    func aCallersNumberBesideAListedOneStaysBlocked(_ text: String) throws {
        let fixture = try fixture(showing: text)
        let review = try review("nj/nj-clinic", fixture)
        #expect(review.status == .blocked, "\(review.findings.map { "\($0.rule) \($0.matched)" })")
        #expect(review.findings.contains { $0.rule == .publicContact })
    }

    /// Only the listed number's own local form, and only in the organisation's city, is its number.
    @Test(arguments: [("电话：3106666", "Content/answers/nj/nj-clinic.md", "nj/nj-clinic"),
                      ("电话：83620600", "Content/answers/sz/sz-insurance.md", "sz/sz-insurance")])
    func aLooseLocalFormIsNotTheListedNumber(_ text: String, _ answer: String, _ reference: String) throws {
        let fixture = try fixture(showing: text, in: answer)
        let review = try review(reference, fixture)
        #expect(review.status == .blocked, "\(review.findings.map { "\($0.rule) \($0.matched)" })")
    }

    /// A listed number written with the country code is still the listed number.
    @Test(arguments: ["电话：+86 25 8310 6666", "电话：+86-25-83106666", "电话：0086 25 83106666"])
    func aListedNumberWithTheCountryCodeIsPublic(_ text: String) throws {
        let fixture = try fixture(showing: text)
        let review = try review("nj/nj-clinic", fixture)
        #expect(review.blockingFindings.isEmpty, "\(review.findings.map { "\($0.rule) \($0.matched)" })")
        #expect(review.findings.contains { $0.rule == .publicContact })
    }

    /// Nanjing's hospital is Nanjing's contact: in a Suzhou answer or a provincial one its number is a caller's.
    @Test(arguments: ["Content/answers/sz/sz-insurance.md", "Content/answers/province/flu.md"])
    func aCitysContactIsNotPublicElsewhere(_ answer: String) throws {
        let fixture = try fixture(showing: "电话025-83106666", in: answer)
        let reference = answer.contains("/sz/") ? "sz/sz-insurance" : "province/flu"
        #expect(try review(reference, fixture).status == .blocked)
    }

    @Test func anAnswerShowingAListedNumberPublishesAfterReviewAndIsCounted() async throws {
        let fixture = try fixture(showing: "鼓楼医院咨询电话：025-83106666。")
        try fixture.submitAndApprove("nj/nj-clinic")
        let content = try ContentLoader.load(directory: fixture.content)
        let report = try await SiteBuild(content: content, templatesDirectory: fixture.templates, outputDirectory: fixture.output).run()
        #expect(!report.heldBack.contains { $0.item.reference == "nj/nj-clinic" })
        #expect(report.directoryAnswers == 1)
        #expect(try fixture.read("dist/www.jsnj12320.cn/answers/nj-clinic/index.html").contains("025-83106666"))
    }

    @Test func withoutTheDirectoryTheSameNumberIsBlocked() throws {
        let fixture = try fixture(showing: "鼓楼医院咨询电话：025-83106666。")
        try FileManager.default.removeItem(atPath: fixture.content + "/lexicon/contacts.yml")
        #expect(try review("nj/nj-clinic", fixture).status == .blocked)
    }

    @Test(arguments: [
        ("- name: 医院\n  scope: xx\n  phones: [\"025-83106666\"]\n", 2, "neither `province` nor a city"),
        ("- name: 医院\n  scope: nj\n  phones: [\"8310\"]\n", 3, "not a telephone number"),
        ("- name: 医院\n  scope: nj\n", 1, "no phone number and no e-mail"),
        ("- name: 医院\n  scope: nj\n  emails: [\"not-an-address\"]\n", 3, "not an e-mail address"),
        ("- name: 医院\n  scope: nj\n  phone: [\"025-83106666\"]\n", 3, "phone"),
    ])
    func aMalformedEntryIsAnErrorAtItsLine(_ yaml: String, _ line: Int, _ message: String) throws {
        let fixture = try ProvinceFixture()
        try fixture.write(yaml, to: "Content/lexicon/contacts.yml")
        let error = try #require(throws: ContentErrors.self) { try ContentLoader.load(directory: fixture.content) }
        #expect(error.issues.contains { $0.file.hasSuffix("contacts.yml") && $0.line == line && ($0.message + $0.fix).contains(message) },
                "\(error.issues)")
    }

    @Test(arguments: ["门诊时间20240910起。", "共有83106666人次。", "热线12320。", "电话预约20240910。", "第83106666号文件",
                      "电话预约自2024.10.1起开放。", "热线电话服务时间调整为 2024.10.8 起", "联系方式于2024/10/8更新", "电话预约从2024-9-10开始",
                      "电话预约时间：2024.9.1-9.7", "热线去年接听电话1052368通", "热线去年接听电话 105 2368 通", "电话咨询8:00—17:00"])
    func numbersThatAreNoTelephoneNumberAreLeftAlone(_ text: String) throws {
        let fixture = try fixture(showing: text)
        #expect(try review("nj/nj-clinic", fixture).findings.isEmpty)
    }
}
