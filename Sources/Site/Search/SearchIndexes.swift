import Content
import Synchronization

/// The search indexes of the sites a build makes, each made from a vocabulary
/// of its own site's answers (``SearchVocabulary``) when its files are about
/// to be written (``make(_:)``) and given up once they are (``release(_:)``);
/// each answer's terms are made once and kept only while a site still to be
/// indexed lists it (``SharedTermCounts``). A build holds the indexes and terms
/// of the sites it is writing, never the province's.
///
/// Each site's index is a function of its own answers alone
/// (`CityBuildTests`), so the sites left out change nothing.
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

    /// One site's index: not made yet, made, or given up.
    private final class Slot: Sendable {
        enum State {
            case notMade
            case made(SearchIndex)
            case released
        }

        let state = Mutex(State.notMade)
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

    /// Gives up the index of site `number` once its files are written.
    func release(_ number: Int) {
        slots[number].state.withLock { $0 = .released }
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
        SearchIndex.files(root: sites[number].domain, answers: sites[number].answers, shardCount: shardCounts[number]) { [self] in
            index(number)
        }
    }
}
