import Content
import Diagnostics
import Foundation
@testable import Site
import Testing

/// A `--city` build warns of the other cities' problems from each city's check
/// kept in the build's memory while nothing it was made from changed: the
/// warnings are those a check made afresh gives, and the other cities' answers
/// are not read again.
struct CityCheckTests {
    enum Change: String, CaseIterable {
        case nothing
        /// Suzhou's answer gets a category portal.yml lacks.
        case anotherCitysAnswerBroken
        /// Suzhou's answer, broken before the first build, mended.
        case anotherCitysAnswerMended
        /// A provincial answer takes the id of Suzhou's, which does not say it overrides it.
        case aProvincialAnswerTakesItsId

        static let broken = ("category: insurance", "category: no-such-category")

        func prepare(_ fixture: borrowing ProvinceFixture) throws {
            if self == .anotherCitysAnswerMended { try fixture.edit(Self.suzhou, replacing: Self.broken.0, with: Self.broken.1) }
        }

        func apply(to fixture: borrowing ProvinceFixture) throws {
            switch self {
            case .nothing:
                break
            case .anotherCitysAnswerBroken:
                try fixture.edit(Self.suzhou, replacing: Self.broken.0, with: Self.broken.1)
            case .anotherCitysAnswerMended:
                try fixture.edit(Self.suzhou, replacing: Self.broken.1, with: Self.broken.0)
            case .aProvincialAnswerTakesItsId:
                try fixture.write("---\nid: sz-insurance\ntitle: 同名\ncategory: insurance\nupdated: 2024-01-01\n---\n正文\n",
                                  to: "Content/answers/province/same-id.md")
            }
        }

        /// Whether Suzhou has a problem once the change is made.
        var leavesAProblem: Bool { self == .anotherCitysAnswerBroken || self == .aProvincialAnswerTakesItsId }

        static let suzhou = "Content/answers/sz/sz-insurance.md"
    }

    private func seal(_ fixture: borrowing ProvinceFixture) throws -> CacheSeal {
        try #require(CacheSeal.keyFile(fixture.root + "/keys/cache-key"))
    }

    /// A Nanjing build from the memory of the build into the fixture's output, which it then saves.
    private func nanjing(_ fixture: borrowing ProvinceFixture, seal: CacheSeal) throws -> (ProvinceContent, BuildMemory) {
        let memory = BuildMemory.restored(for: fixture.output, cities: ["nj"], seal: seal)
        let content = try ContentLoader.load(directory: fixture.content, cache: memory.answers, cities: ["nj"])
        memory.save(for: fixture.output, seal: seal)
        return (content, memory)
    }

    @Test(arguments: Change.allCases)
    func aCityBuildWarnsAsAFreshCheckWouldAfterAnyChange(_ change: Change) throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture)
        try change.prepare(fixture)
        _ = try nanjing(fixture, seal: seal)
        _ = try nanjing(fixture, seal: seal)
        try change.apply(to: fixture)
        let (kept, _) = try nanjing(fixture, seal: seal)
        let fresh = try ContentLoader.load(directory: fixture.content, cities: ["nj"])
        #expect(kept.otherCitiesIssues.map(\.rendered) == fresh.otherCitiesIssues.map(\.rendered))
        #expect(kept.otherCitiesIssues.contains { $0.file.hasSuffix("sz-insurance.md") } == change.leavesAProblem,
                "\(kept.otherCitiesIssues.map(\.rendered))")
        #expect(kept.otherCitiesIssues.allSatisfy { $0.severity == .warning })
        // And again, from the check this build kept.
        let (again, _) = try nanjing(fixture, seal: seal)
        #expect(again.otherCitiesIssues.map(\.rendered) == fresh.otherCitiesIssues.map(\.rendered))
    }

    /// After a build of every city, a Nanjing build decodes nothing of Suzhou's: its fronts in the memory
    /// are replaced by damaged ones (sealed, so believed), which would be read from the answers' files again.
    @Test func anotherCitysAnswersAreNotReadWhileItsCheckStands() throws {
        let fixture = try ProvinceFixture()
        let seal = try seal(fixture)
        let memory = BuildMemory.restored(for: fixture.output, seal: seal)
        _ = try ContentLoader.load(directory: fixture.content, cache: memory.answers)
        memory.save(for: fixture.output, seal: seal)
        var archive = ArchiveWriter()
        archive.text(BuildMemory.frontHeader)
        archive.text(BuildMemory.executable)
        archive.text("damaged")
        let file = try #require(seal.file(at: BuildMemory.file(for: fixture.output) + "/city-sz.front"))
        file.write(archive.bytes[...])
        #expect(file.commit())

        let (content, next) = try nanjing(fixture, seal: seal)
        #expect(next.answers.scopesWithFrontsRead.isEmpty, "Suzhou's fronts were decoded, or its answers read")
        #expect(content.otherCitiesIssues.isEmpty)
        // The control: with Suzhou's answer edited, its check is made again, from its files.
        try fixture.edit(Change.suzhou, replacing: "苏州", with: "苏州市")
        let (_, edited) = try nanjing(fixture, seal: seal)
        #expect(edited.answers.scopesWithFrontsRead == [.city("sz")])
    }
}
