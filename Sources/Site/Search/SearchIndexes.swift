import Content
import Crypto
import Synchronization

/// The search indexes of the sites a build makes, each made from a vocabulary
/// of its own site's answers (``SearchVocabulary``) when its files are about
/// to be written (``make(_:)``) and given up once they are (``release(_:)``);
/// each answer's terms are made once and kept only while a site still to be
/// indexed lists it (``SharedTermCounts``). A build holds the indexes and terms
/// of the sites it is writing, never the province's.
///
/// Each site's index is a function of its own answers alone
/// (`CityBuildTests`), so the sites left out change nothing; its
/// ``fingerprint(_:)`` names all it is made from, so that a build whose
/// record holds every one of a site's search files under it keeps them and
/// makes no index (``keeps(_:recorded:)``): a theme change renders every
/// page again, but no search file.
final class SearchIndexes: Sendable {
    let sites: [SitePlan.Site]
    /// Each site's ``SearchIndex/shardCount(for:)``: its files are known before its index is.
    let shardCounts: [Int]
    private let province: Province
    private let synonyms: [[String]]
    private let simplifiedForms: @Sendable (Set<UInt32>) -> [UInt32: UInt32]
    private let terms: SharedTermCounts
    private let slots: [Slot]
    private let spent = Mutex(Duration.zero)

    /// One site's index: not made yet, made, or given up; and its fingerprint, once asked for.
    private final class Slot: Sendable {
        enum State {
            case notMade
            case made(SearchIndex)
            case released
        }

        let state = Mutex(State.notMade)
        let fingerprint = Mutex<String?>(nil)
        /// Whether the index was made, ever: one given up unmade had its search files kept.
        let wasMade = Atomic<Bool>(false)
    }

    /// - Parameter simplifiedForms: the traditional forms of the characters given, with their simplified ones.
    init(sites: [SitePlan.Site], province: Province, synonyms: [[String]],
         simplifiedForms: @escaping @Sendable (Set<UInt32>) -> [UInt32: UInt32]) {
        self.sites = sites
        self.province = province
        self.synonyms = synonyms
        self.simplifiedForms = simplifiedForms
        shardCounts = sites.map { SearchIndex.shardCount(for: $0.answers) }
        terms = SharedTermCounts(sites: sites.map(\.answers))
        slots = sites.map { _ in Slot() }
    }

    /// Makes the index of site `number` (of ``sites``), unless it was made (and perhaps given up since):
    /// from any thread, as often as wanted; a thread asking while another makes it waits for it.
    func make(_ number: Int) {
        slots[number].state.withLock { state in
            guard case .notMade = state else { return }
            let clock = ContinuousClock.now
            let site = sites[number]
            let vocabulary = SearchVocabulary(terms: site.answers.concurrentMap(terms.counts(of:)))
            state = .made(SearchIndex(answers: site.answers, shardCount: shardCounts[number], vocabulary: vocabulary,
                                      province: province, simplifiedForms: simplifiedForms, synonyms: synonyms))
            slots[number].wasMade.store(true, ordering: .relaxed)
            let time = ContinuousClock.now - clock
            spent.withLock { $0 += time }
        }
    }

    /// The index of site `number`, made if it is not yet: never after ``release(_:)``.
    func index(_ number: Int) -> SearchIndex {
        make(number)
        return slots[number].state.withLock { state in
            guard case .made(let index) = state else {
                preconditionFailure("the search index of \(sites[number].domain) was asked for after it was given up")
            }
            return index
        }
    }

    /// Gives up the index of site `number` once its files are written; an index never made gives up its
    /// answers' claims on the terms kept for the sites that list them too.
    func release(_ number: Int) {
        let unmade = slots[number].state.withLock { state in
            defer { state = .released }
            if case .notMade = state { return true }
            return false
        }
        if unmade { terms.forgo(sites[number].answers) }
    }

    /// How many of the sites' indexes were never made: their files were all kept (``keeps(_:recorded:)``).
    var keptCount: Int {
        slots.count { !$0.wasMade.load(ordering: .relaxed) }
    }

    /// Whether every search file of site `number` is recorded (`recorded`: a file's recorded fingerprint, by path
    /// below the output) under the site's ``fingerprint(_:)``: a build then keeps them, and need not make the index
    /// ahead (one whose live file is not as recorded makes it when rendered).
    func keeps(_ number: Int, recorded: (String) -> String?) -> Bool {
        let fingerprint = fingerprint(number)
        return SearchIndex.paths(root: sites[number].domain, answerCount: sites[number].answers.count, shardCount: shardCounts[number])
            .allSatisfy { recorded($0) == fingerprint }
    }

    /// SHA-256 of all the index of site `number` is made from besides the program, the lexicon (traditional
    /// forms) and `portal.yml`, which every record of a build is kept under: the number of shards, the synonym
    /// groups, and each answer listed, in order: its address, title, tags, category's name and what readers see.
    func fingerprint(_ number: Int) -> String {
        slots[number].fingerprint.withLock { kept in
            if let kept { return kept }
            let answers = sites[number].answers.concurrentMap { [province] page -> [UInt8] in
                var digest = SHA256()
                let parts = [page.path, page.answer.title, province.category(page.answer.category)?.name ?? "", page.plainText] + page.answer.tags
                Self.add(parts, to: &digest)
                return Array(digest.finalize())
            }
            var digest = SHA256()
            Self.add(["portal12320 search index 2", String(shardCounts[number]), String(synonyms.count)] + synonyms.map { $0.joined(separator: "\n") }, to: &digest)
            Self.add([String(answers.count)], to: &digest)
            for answer in answers { digest.update(data: answer) }
            let made = digest.finalize().hex
            kept = made
            return made
        }
    }

    /// Each text with its length ahead, so that no two lists read alike.
    private static func add(_ texts: [String], to digest: inout SHA256) {
        for text in texts {
            digest.update(data: Array("\(text.utf8.count):".utf8))
            digest.update(data: Array(text.utf8))
        }
    }

    /// Every index, made now (the preview's search, asked for as a whole).
    func all() -> [SearchIndex] {
        sites.indices.map(index)
    }

    /// How long the indexes made so far took.
    var time: Duration {
        spent.withLock { $0 }
    }

    /// The search files of site `number`, its index made when the first of them is.
    func files(_ number: Int) -> [OutputFile] {
        SearchIndex.files(root: sites[number].domain, answers: sites[number].answers, shardCount: shardCounts[number],
                          fingerprint: { [self] in fingerprint(number) }) { [self] in
            index(number)
        }
    }
}
