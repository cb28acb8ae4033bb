import Foundation
import Moderation
import Synchronization
import Testing
@testable import Review

/// The moderator a cache keeps under a lexicon's hash is made from the very
/// bytes hashed. Found by the attack on #15: the lexicon was hashed from one
/// read and the moderator made from a second; an edit between the two, undone
/// at once (a checkout of another branch and back), filed findings made
/// without a classified term under the hash of the lexicon that has it, and
/// the build's memory kept them for later builds.
struct FindingsCacheTests {
    @Test func theModeratorIsMadeFromTheLexiconAsHashedNotAsReadAgain() throws {
        let fixture = try ProvinceFixture()
        let classified = fixture.content + "/lexicon/classified.txt"
        let onDisk = try Data(contentsOf: URL(fileURLWithPath: classified))
        // The disk is the lexicon after the edit; the first read of classified.txt saw it before, with the term.
        let withTerm = onDisk + Data("\n每年都要接种\n".utf8)
        let reads = Mutex(0)
        let cache = FindingsCache { path in
            if path == classified, reads.withLock({ count in count += 1; return count == 1 }) { return withTerm }
            return try? Data(contentsOf: URL(fileURLWithPath: path))
        }
        let moderator = try cache.moderator(for: fixture.content)
        #expect(moderator.scan("建议每年都要接种。").contains { $0.term == "每年都要接种" })
        #expect(reads.withLock { $0 } == 1)
        // Asked again, the lexicon reads as the disk has it: another hash, another moderator, without the term.
        let again = try cache.moderator(for: fixture.content)
        #expect(!again.scan("建议每年都要接种。").contains { $0.term == "每年都要接种" })
    }
}
