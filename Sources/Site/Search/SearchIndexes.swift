import Content
import Synchronization

/// The search indexes of the sites a build makes, from one vocabulary made on
/// a thread of its own from the start (``SearchVocabulary``): each site's index
/// is made when its files are about to be written (``make(_:)``) and given up
/// once they are (``release(_:)``), and the vocabulary once every index is
/// made. A province's indexes held at once took some 60 MB at a build's peak.
///
/// Each site's index is a function of its own answers alone
/// (`CityBuildTests`), so the sites left out change nothing.
final class SearchIndexes: Sendable {
    let sites: [SitePlan.Site]
    /// Each site's ``SearchIndex/shardCount(for:)``: its files are known before its index is.
    let shardCounts: [Int]
    private let province: Province
    private let synonyms: [[String]]
    private let shared: BackgroundValue<Shared>
    private let state: Mutex<State>

    /// The vocabulary and the traditional forms of its characters, until no index is left to make.
    private final class Shared: Sendable {
        let made: Mutex<(vocabulary: SearchVocabulary, forms: [UInt32: UInt32])?>
        let time: Duration

        init(_ made: (vocabulary: SearchVocabulary, forms: [UInt32: UInt32]), time: Duration) {
            self.made = Mutex(made)
            self.time = time
        }
    }

    private struct State {
        var indexes: [Int: SearchIndex] = [:]
        var made: Set<Int> = []
        var time = Duration.zero
    }

    /// - Parameter simplifiedForms: the traditional forms of the characters given, with their simplified ones.
    init(sites: [SitePlan.Site], province: Province, synonyms: [[String]],
         simplifiedForms: @escaping @Sendable (Set<UInt32>) -> [UInt32: UInt32]) {
        self.sites = sites
        self.province = province
        self.synonyms = synonyms
        shardCounts = sites.map { SearchIndex.shardCount(for: $0.answers) }
        state = Mutex(State())
        shared = BackgroundValue {
            let clock = ContinuousClock.now
            var unique: [String: PublishedAnswer] = [:]
            for site in sites { for page in site.answers { unique[page.answer.file] = page } }
            let vocabulary = SearchVocabulary(answers: unique.keys.sorted().map { unique[$0]! })
            let characters = vocabulary.characterFlags()
            let forms = simplifiedForms(Set(characters.indices.lazy.filter { characters[$0] }.map { UInt32($0) }))
            return Shared((vocabulary, forms), time: ContinuousClock.now - clock)
        }
    }

    /// Makes the index of site `number` (of ``sites``), unless it was made (and perhaps given up since):
    /// from any thread, as often as wanted.
    func make(_ number: Int) {
        let shared = shared.value
        state.withLock { state in
            guard !state.made.contains(number) else { return }
            let clock = ContinuousClock.now
            let index = shared.made.withLock { made in
                let (vocabulary, forms) = made!
                return SearchIndex(answers: sites[number].answers, shardCount: shardCounts[number], vocabulary: vocabulary,
                                   province: province, simplifiedForms: forms, synonyms: synonyms)
            }
            state.indexes[number] = index
            state.made.insert(number)
            state.time += ContinuousClock.now - clock
            if state.made.count == sites.count { shared.made.withLock { $0 = nil } }
        }
    }

    /// The index of site `number`, made if it is not yet: never after ``release(_:)``.
    func index(_ number: Int) -> SearchIndex {
        make(number)
        return state.withLock { state in
            guard let index = state.indexes[number] else {
                preconditionFailure("the search index of \(sites[number].domain) was asked for after it was given up")
            }
            return index
        }
    }

    /// Gives up the index of site `number` once its files are written.
    func release(_ number: Int) {
        _ = state.withLock { $0.indexes.removeValue(forKey: number) }
    }

    /// Every index, made now (the preview's search, asked for as a whole).
    func all() -> [SearchIndex] {
        sites.indices.map(index)
    }

    /// How long the vocabulary and the indexes made so far took.
    var time: Duration {
        shared.value.time + state.withLock { $0.time }
    }

    /// The search files of site `number`, its index made when the first of them is.
    func files(_ number: Int) -> [OutputFile] {
        SearchIndex.files(root: sites[number].domain, answers: sites[number].answers, shardCount: shardCounts[number]) { [self] in
            index(number)
        }
    }
}
