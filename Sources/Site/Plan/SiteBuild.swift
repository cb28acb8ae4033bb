import Content
import Crypto
import Diagnostics
import Foundation
import Moderation
import Publish
import Review
import Synchronization

/// `portal12320 build`: content and theme in, one folder per site out. Each
/// site folder is put in place whole (readers see all of it old or all of it
/// new), or kept as it is when nothing it is made from changed; a build that
/// fails changes nothing.
package struct SiteBuild: Sendable {
    package let content: ProvinceContent
    package let templatesDirectory: String
    package let outputDirectory: String
    /// City abbreviations to build; empty for every opened city.
    package let onlyCities: Set<String>
    /// For the editors' preview server only, never for `dist/`: also render
    /// answers awaiting review or rejected, each page bannered as unreviewed.
    /// Blocked and private answers stay out even then.
    package let previewUnreviewed: Bool

    /// What the preview keeps between its builds, or a build read back from the last one's memory (see ``BuildMemory``),
    /// which a build that writes saves again for the next one.
    package let memory: BuildMemory?

    /// The fingerprint of every input but the answers and the review ledger,
    /// taken before the content was read (``BuildStamp/inputs(content:templates:output:cities:day:)``).
    /// With it, a build keeps each site folder whose inputs did not change
    /// since the last build into the same output (see ``SiteRecords``);
    /// without it, every site is made.
    package let sharedInputs: String?

    /// What every page's bytes depend on besides its values (``BuildStamp/inputs(content:templates:output:cities:day:)``'s
    /// `pages`): with it, a site made again keeps each page whose values are those it was rendered from (see ``PageRecords``).
    package let pageInputs: String?

    /// What a site's search files depend on besides its index's values (the same inputs but the theme: `search`),
    /// which the records are kept under; each page's fingerprint is recorded with ``pageInputs``, so that a theme
    /// change renders every page again and keeps every search index whose answers did not change. Without it,
    /// the records are kept under ``pageInputs``.
    package let searchInputs: String?

    /// The records of the sites the last build into the output made and their folders as they are now
    /// (``SiteRecords/folders(in:)``), taken while the content was read; without them, taken when needed.
    package let previousSites: Task<(records: SiteRecords, folders: [String: String])?, Never>?

    /// The build's lock (``BuildLock``), checked just before the output is put in place: a build whose lock was
    /// removed meanwhile may have had another run beside it, and puts nothing in place.
    package let lock: BuildLock?

    /// The build's spill file, where the answers' renderings are kept while the sites are written (``RenderedTexts``).
    package let spill: SpillFile?

    package init(content: ProvinceContent, templatesDirectory: String, outputDirectory: String, onlyCities: Set<String> = [],
                previewUnreviewed: Bool = false, memory: BuildMemory? = nil, sharedInputs: String? = nil, pageInputs: String? = nil,
                searchInputs: String? = nil, previousSites: Task<(records: SiteRecords, folders: [String: String])?, Never>? = nil, lock: BuildLock? = nil,
                spill: SpillFile? = nil) {
        self.previousSites = previousSites
        self.spill = spill
        self.lock = lock
        self.memory = memory
        self.sharedInputs = sharedInputs
        self.pageInputs = pageInputs
        self.searchInputs = searchInputs
        self.content = content
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.onlyCities = onlyCities
        self.previewUnreviewed = previewUnreviewed
    }

    /// What a build did.
    package struct Report: Sendable {
        package let sites: Int
        package let files: Int
        package let pages: Int
        /// Every public answer and media transcript kept out of the sites (or at an earlier revision), with the reason.
        package let heldBack: [any ReviewStanding]
        /// Private replies, never published and named in no report (article 36).
        package let privateReplies: Int
        /// Published answers that show a number or address of the contact directory.
        package let directoryAnswers: Int
        /// Warnings about the ledger (a torn last line, lines that do not count).
        package let ledgerWarnings: [String]
        /// What changed in people.yml and the review policy since the previous build into this output folder.
        package let rosterChanges: [String]
        /// The ledger head this build verified and recorded.
        package let ledgerHead: LedgerHead
        /// Time spent building the search indexes of all sites.
        package let searchIndexTime: Duration
        /// Sites whose folder was kept as the last build left it: nothing they are made from changed.
        package var keptSites = 0
        /// Pages of the sites made that were as the last build rendered them, kept without rendering them again (``PageRecords``).
        package var keptPages = 0
        /// Sites made whose search files were as the last build made them from the same answers, kept without
        /// making their index again.
        package var keptSearchIndexes = 0
        /// Each site folder's ``BuildStamp/contents(of:)`` after the build, by domain, where known.
        package var siteOutputs: [String: String] = [:]
    }

    /// At most this many sites made: their search indexes are made while their pages are written; more are written site by site.
    static let sitesIndexedWhilePagesAreWritten = 2

    /// Where the machine-readable list of held-back answers is written: in the
    /// output folder, beside (never inside) the deployed site folders.
    package static let heldBackReport = OutputLayout.heldBackReport

    /// Renders every site into a staging folder and swaps it in.
    /// - Parameter progress: called with (files done, files in all) from any thread.
    /// - Throws: ``ContentErrors`` for problems in content or templates, ``OutputError`` when writing fails.
    ///   Either way the previous output is left as it was.
    package func run(progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> Report {
        try await run(progress: progress, writing: true)
    }

    /// Everything a build does but writing: every page is rendered, so the
    /// same problems are found, and the same answers are held back.
    package func check() async throws -> Report {
        try await run(progress: nil, writing: false)
    }

    /// What the gate let through and everything a build writes besides the
    /// sites, decided before a page is rendered.
    private struct Decision {
        let renderer: SiteRenderer
        /// The held-back report, the ledger record and the nginx files.
        let besides: [OutputFile]
        let record: LedgerRecord
        /// Each site's ``SiteRecords/Site/inputs``, by domain.
        let siteInputs: [String: String]
        /// Every public answer and media transcript kept out of the sites (``Report/heldBack``).
        let heldBack: [any ReviewStanding]
        /// The report, but for the counts of files and pages.
        let summary: @Sendable (_ files: OutputCounts, _ searchIndexTime: Duration) -> Report
    }

    private func decide(writing: Bool) async throws -> Decision {
        let theme = try await memory?.theme.templates(directory: templatesDirectory)
        let templates: TemplateSet
        if let theme { templates = theme.templates } else { templates = try await TemplateSet.load(directory: templatesDirectory) }
        let board = try ReviewBoard(content: content, cache: memory?.findings)
        // The ledger must hold every line the previous build into this folder recorded: a removed decision is refused.
        let (previousRecord, previousHead) = writing ? try LedgerRecord.previous(in: outputDirectory) : (nil, nil)
        if let previous = previousHead, !board.ledger.extends(previous) {
            throw ContentErrors([ContentIssue(
                file: board.ledger.file, line: previous.lines,
                message: "The review ledger was rewound: line \(previous.lines) (sha256 \(previous.sha256.prefix(16))…), recorded by the previous build in \(outputDirectory)/, is missing or different. A decision was removed or edited.",
                fix: "Restore reviews.jsonl from version control; decisions are only ever appended.")])
        }
        let record = LedgerRecord(ledger: board.ledger, roster: board.roster, reviewPolicy: content.province.reviewPolicy)
        var rosterChanges = board.roster.changes(since: previousRecord?.roster ?? Roster(people: [])).map { "people.yml: \($0)" }
        if let before = previousRecord?.reviewPolicy, before != record.reviewPolicy {
            rosterChanges.insert("portal.yml: the review policy changed from `review: \(before)` to `review: \(record.reviewPolicy ?? "")`", at: 0)
        }
        let heldBack = board.heldBack.filter { $0.status != .private }
        // The preview shows the current revision of what waits, bannered, instead of an approved earlier one.
        let previewed = previewUnreviewed
            ? board.reviews.filter { $0.status != .publishable && $0.status != .private && $0.status != .blocked }.map(\.answer) : []
        let previewedReferences = Set(previewed.map(\.reference))
        let published = board.publishable.filter { !previewedReferences.contains($0.reference) }
        let notPublished = Set(heldBack.filter { $0.liveItem == nil }.map(\.item.reference))
        // The bytes of each media file as moderation and review saw them: only these publish.
        let mediaHashes = Dictionary(board.transcriptReviews.map { ($0.subject.name, $0.subject.mediaHash) }) { first, _ in first }
        // Images and PDFs publish with their reviewed descriptions (the preview shows those awaiting review too).
        var descriptions = board.clearedTranscripts
        for transcript in content.transcripts where previewUnreviewed && descriptions[transcript.name] == nil {
            descriptions[transcript.name] = transcript.text
        }
        let media = try PublishedMedia.prepare(Set((published + previewed).flatMap { $0.mediaReferences.map(\.name) }),
                                               kinds: Dictionary(board.transcriptReviews.map { ($0.subject.name, $0.subject.kind) }) { first, _ in first },
                                               descriptions: descriptions, checked: mediaHashes, directory: content.directory + "/media")
        let plan = try SitePlan(province: content.province, publishable: published + previewed,
                                heldBack: notPublished.subtracting(previewedReferences), onlyCities: onlyCities,
                                media: media.mapValues(\.target), cache: memory?.pages, spill: spill)
        let province = content.province
        let nginx = ([nil] + province.openedCities).map { city in
            let domain = city.map(province.domain(of:)) ?? province.hubDomain
            let text = NginxConfig.site(domain: domain, settings: province.deploy(of: city))
            return OutputFile(path: "\(OutputLayout.nginxFolder)/\(domain).conf") { Array(text.utf8) }
        }
        let renderer = try SiteRenderer(plan: plan, templates: templates, contentDirectory: content.directory,
                                        transcripts: board.clearedTranscripts, mediaHashes: mediaHashes, published: media,
                                        unreviewed: Set(previewed.map(\.file)), privacyStatements: content.privacyStatements,
                                        simplifiedForms: { [lexicon = board.moderator.lexicon] in lexicon.simplifiedForms(of: $0) },
                                        synonyms: content.synonyms.map(\.words),
                                        theme: theme.flatMap { theme in memory.map { ($0.theme, theme.generation) } })
        // A `--city` build keeps what the previous build listed for the cities it leaves as they were.
        let otherCities = onlyCities.isEmpty ? [] : Set(province.openedCities.map(\.abbr)).subtracting(onlyCities)
        let keptEntries = writing ? Self.previousHeldBack(in: outputDirectory).filter { entry in
            otherCities.contains { entry["answer"]?.hasPrefix("\($0)/") == true }
        } : []
        let besides = [OutputFile(path: Self.heldBackReport) { Self.heldBackJSON(heldBack, keeping: keptEntries) },
                       OutputFile(path: LedgerRecord.fileName) { record.encoded() }] + nginx
        let changes = rosterChanges
        let siteInputs = sharedInputs.map { shared in
            Self.siteInputs(plan: plan, shared: shared, record: record, heldBack: notPublished, media: media,
                            transcripts: board.clearedTranscripts, mediaHashes: mediaHashes,
                            unreviewed: Set(previewed.map(\.file)))
        } ?? [:]
        return Decision(renderer: renderer, besides: besides, record: record, siteInputs: siteInputs, heldBack: heldBack) { files, searchIndexTime in
            Report(sites: plan.cities.count + 1, files: files.files, pages: files.pages, heldBack: heldBack,
                   privateReplies: board.reviews.count { $0.status == .private },
                   directoryAnswers: board.reviews.count { review in
                       review.live != nil && review.findings.contains { $0.rule == .publicContact }
                   },
                   ledgerWarnings: board.ledgerWarnings, rosterChanges: changes, ledgerHead: record.head,
                   searchIndexTime: searchIndexTime)
        }
    }

    /// The sites' files, rendered when asked, for the preview: nothing is
    /// written, and the search indexes are made only when first asked for.
    package func pages() async throws -> SitePages {
        let decision = try await decide(writing: false)
        let renderer = decision.renderer
        let summary = decision.summary
        return SitePages(sites: renderer.siteFilesWithoutSearch(), search: { renderer.searchFiles() }, heldBack: decision.heldBack,
                         summarize: { files in summary(files, .zero) })
    }

    /// How up to date each site is, as this build would publish it (`report freshness`).
    package func freshness(today: Day) async throws -> FreshnessReport {
        FreshnessReport(plan: try await decide(writing: false).renderer.plan, today: today)
    }

    private func run(progress: (@Sendable (Int, Int) -> Void)?, writing: Bool) async throws -> Report {
        let decision = try await decide(writing: writing)
        // The content's answers' reader's texts are given up once the gate has decided: moderation was the last
        // to read them (the memory does not keep them). `build` gave them up as each answer was read
        // (``AnswerFileCache/giveUpReaderTextsAsRead()``); a build of content loaded otherwise gives them up
        // here. The preview keeps them, and so do approved revisions still online (few).
        if writing {
            for answer in content.answers { answer.forgetReaderTexts() }
            FreedMemory.giveBack()
        }
        // What the memory keeps (answers as read, their findings) is complete once the gate has decided:
        // it is saved for the next build while this one renders and writes, whatever becomes of them.
        let saving = writing ? memory.map { memory in Task.detached { [outputDirectory] in memory.save(for: outputDirectory) } } : nil
        do {
            let report = try await run(decision, progress: progress, writing: writing)
            await saving?.value
            return report
        } catch {
            await saving?.value
            throw error
        }
    }

    /// A site kept because the record says it was made from the same inputs was not, when the walk of the
    /// output came in, as the record says the build left it: the build is made again, the walk awaited first.
    private struct KeptSiteChanged: Error {}

    private func run(_ decision: Decision, progress: (@Sendable (Int, Int) -> Void)?, writing: Bool) async throws -> Report {
        do {
            return try await run(decision, progress: progress, writing: writing, walkFirst: false)
        } catch is KeptSiteChanged {
            return try await run(decision, progress: progress, writing: writing, walkFirst: true)
        }
    }

    /// - Parameter walkFirst: whether the walk of the last build's site folders (``previousSites``) is awaited
    ///   before anything is rendered. Otherwise the sites are kept as their records' inputs say, the walk
    ///   (on the other core meanwhile) is awaited before anything is put in place, and a kept site it finds
    ///   changed throws ``KeptSiteChanged``, the staged output discarded: a `--city` build or one answer
    ///   edited waited some 50 ms for it with one core idle.
    private func run(_ decision: Decision, progress: (@Sendable (Int, Int) -> Void)?, writing: Bool, walkFirst: Bool) async throws -> Report {
        // Sites made from the same inputs as the folder the last build left, untouched since (checked before the swap).
        let taken = writing && walkFirst ? await previousSites?.value : nil
        let previous = writing ? taken?.records ?? SiteRecords.read(for: outputDirectory) : nil
        // A `--city` build keeps the other cities' sites: only those the record says were moderated with this very lexicon.
        let lexicon = memory?.findings.lexiconHash
        // Where the record cannot vouch for the other cities' sites, the walk is awaited first, to say which.
        if writing, !walkFirst, !onlyCities.isEmpty, previous?.lexicon == nil || previous?.lexicon != lexicon { throw KeptSiteChanged() }
        if writing, walkFirst, !onlyCities.isEmpty {
            let unvouched = SiteRecords.keptUnvouched(by: previous, in: outputDirectory, making: making(decision), lexicon: lexicon ?? "",
                                                      walked: taken?.folders)
            if !unvouched.isEmpty {
                // Sites changed since the record: the output is what to look at, not the lexicon.
                let changed = previous.map { $0.lexicon == lexicon } ?? false
                let message = if let previous, previous.lexicon != nil, previous.lexicon != lexicon {
                    "The lexicon changed since the last build of every city, so the sites of the cities not built now were moderated with another one: a term classified since could stay on them."
                } else if let previous, previous.lexicon == lexicon {
                    "Sites of cities not built now are not as the last build left them, or no build made them (\(unvouched.joined(separator: ", "))): what they show was not moderated with this lexicon."
                } else {
                    "Nothing records which lexicon the sites of the cities not built now were moderated with (\(unvouched.joined(separator: ", "))): a term classified since could stay on them."
                }
                throw ContentErrors([ContentIssue(
                    file: changed ? outputDirectory : content.directory + "/lexicon", line: nil, message: message,
                    fix: "Build every city once (`portal12320 build`, without --city); --city builds work again after it.")])
            }
        }
        // Each kept site's folder is walked to be checked (unless it was while the content was read): on all cores.
        // Without the walk first, kept as recorded, and checked against the walk before anything is put in place.
        let keptOutputs = Dictionary(uniqueKeysWithValues: Array(decision.siteInputs).concurrentMap { domain, inputs in
            (domain, walkFirst ? previous?.unchanged(domain, inputs: inputs, in: outputDirectory, walked: taken?.folders)
                : previous?.outputs(of: domain, madeFrom: inputs))
        }).compactMapValues { $0 }
        let kept = Set(keptOutputs.keys)
        let rendered = decision.renderer.files(skipping: kept)
        let indexes = rendered.indexes
        let made = decision.renderer.plan.sites.map(\.domain).filter { !kept.contains($0) }
        // Read before any search index is made: a site whose search files are all recorded under its index's
        // fingerprint makes none (a file not as recorded makes it when it is rendered).
        let recordsShared = searchInputs ?? pageInputs
        let pageRecords = writing && pageInputs != nil ? recordsShared.map { PageRecords.read(for: outputDirectory, domains: made, shared: $0) } : nil
        let makeUnlessKept = { @Sendable (number: Int) in
            guard let pageRecords, indexes.keeps(number, recorded: { pageRecords.pages[$0]?.fingerprint }) else { return indexes.make(number) }
        }
        let groups: [FileGroup]
        if rendered.sites.count > Self.sitesIndexedWhilePagesAreWritten {
            // Site by site: its index made (the next site's on a thread of its own meanwhile) and its search files
            // written, its index given up; then its pages written, and the renderings of answers no site to come
            // lists given up. The build holds the index of one site while the next one's is made, and the terms
            // and renderings of their answers and of the provincial ones (listed by every site until the hub,
            // last), not the province's: 4x the benchmark's province peaked at 1,020 MB with every answer's
            // rendering and terms held to the end. (The index held while the site's pages were written too was
            // some 30 MB of the peak of 4x the province.)
            var lastSite: [ObjectIdentifier: Int] = [:]
            for (number, site) in rendered.sites.enumerated() {
                for page in site.answers { lastSite[ObjectIdentifier(page)] = number }
            }
            let last = lastSite
            groups = rendered.sites.indices.flatMap { number in
                [FileGroup(files: { rendered.search(number) }, ready: {
                    makeUnlessKept(number)
                    if number + 1 < rendered.sites.count { _ = BackgroundValue { makeUnlessKept(number + 1) } }
                }, done: {
                    indexes.release(number)
                }),
                 FileGroup(files: { rendered.pages(number) }, done: {
                    for page in rendered.sites[number].answers where last[ObjectIdentifier(page)] == number { page.forgetRendering() }
                    FreedMemory.giveBack()
                })]
            } + [FileGroup(files: { decision.besides })]
        } else {
            // A build of a site or two writes its pages first, while its indexes are made on a thread of their own
            // (the indexes after the pages: `--city nj` took 36 ms longer), then each site's search files, its
            // index given up once they are written.
            _ = BackgroundValue { [count = rendered.sites.count] in for number in 0..<count { makeUnlessKept(number) } }
            groups = [FileGroup(files: { rendered.sites.indices.flatMap(rendered.pages) + decision.besides })] + rendered.sites.indices.map { number in
                FileGroup(files: { rendered.search(number) }, ready: { makeUnlessKept(number) }, done: { indexes.release(number) })
            }
        }
        // Every file listed once, to count them and make their folders, and listed again as its group is written.
        var counts = OutputCounts()
        var paths: [String] = []
        for group in groups {
            let files = group.files()
            counts.add(files)
            if writing { paths += files.map(\.path) }
        }
        let besides = OutputCounts(decision.besides)
        // Asked for once every file is written, when every search index is made.
        let summarize = { [counts] (keptPages: Int) in
            var written = counts
            written.files -= besides.files
            written.pages -= besides.pages
            var summary = decision.summary(written, indexes.time)
            summary.keptSites = kept.count
            summary.keptPages = keptPages
            summary.keptSearchIndexes = indexes.keptCount
            return summary
        }
        let record = decision.record
        guard writing else {
            try write(groups, total: counts.files, to: nil, keeping: nil, progress: progress)
            return summarize(0)
        }

        let output = try StagedOutput(target: outputDirectory, spares: Set(decision.renderer.plan.sites.map(\.domain)))
        let finished: WrittenSites.Finished
        // Whether the page records' folder is one of ours, ready (not a link, not a file): nothing is written otherwise.
        var recordsKept = false
        do {
            try output.prepareFolders(for: paths)
            let province = content.province
            let cities = Dictionary(uniqueKeysWithValues: province.openedCities.map { (province.domain(of: $0), $0.abbr) })
            recordsKept = pageRecords != nil && PageRecords.prepare(for: outputDirectory)
            let sites = WrittenSites(paths: paths, domains: Set(cities.keys).union([province.hubDomain]), output: output,
                                     pageRecords: recordsKept ? recordsShared.map { ($0, outputDirectory) } : nil) { domain, files in
                ReleaseManifest(domain: domain, city: cities[domain], files: files, ledger: record.head, trust: record.trustFingerprint)
            }
            paths = []
            try write(groups, total: counts.files, to: output, keeping: pageRecords, sites: sites, progress: progress)
            // A site whose manifest was never written (a file listed twice, or never written) is not put in place.
            if !sites.unfinished.isEmpty {
                throw OutputError(path: outputDirectory, reason: "some files of \(sites.unfinished.joined(separator: ", ")) were not written",
                                  fix: "Nothing was put in place; the previous output is unchanged. Build again; if it happens again, report it.")
            }
            finished = sites.finished
            if !walkFirst { try await checkKept(keptOutputs, decision: decision, previous: previous, lexicon: lexicon) }
            // No record of a site this build puts in place survives it if killed. A `--city` build keeps the record of
            // the other sites meanwhile: it still says which lexicon they were moderated with, so a `--city` build after
            // a kill can keep them (without it, it refuses until a build of every city). Only now: a build that fails
            // or refuses before this point leaves the record as it was, whole.
            if !onlyCities.isEmpty, var standing = previous {
                for site in decision.renderer.plan.sites { standing.sites[site.domain] = nil }
                do { try standing.write(for: outputDirectory) } catch { SiteRecords.remove(for: outputDirectory) }
            } else {
                SiteRecords.remove(for: outputDirectory)
            }
            if let lock, !lock.isStillHeld {
                throw OutputError(path: outputDirectory, reason: "the build lock in .build-cache/ was removed while this build ran, "
                                  + "so another build may have run at the same time",
                                  fix: "Nothing was put in place; the previous output is unchanged. Build again once no other build runs.")
            }
            if onlyCities.isEmpty && kept.isEmpty {
                try output.commit()
            } else {
                // The ledger record last: until it is in place, the next build checks against the previous one.
                try output.commitEntries(last: [LedgerRecord.fileName], keeping: onlyCities.isEmpty ? kept : nil)
            }
        } catch {
            output.discard()
            throw error
        }
        var summary = summarize(finished.keptPages)
        if let recordsShared, recordsKept { PageRecords.putInPlace(made, shared: recordsShared, for: outputDirectory) }
        if !decision.siteInputs.isEmpty {
            // A `--city` build leaves the other sites' folders, and so their records, as they were.
            // What the record vouches for, only under this lexicon: entries made under another (the other sites'
            // folders away when this build checked, put back after) must not be claimed for it.
            var records = onlyCities.isEmpty ? SiteRecords(sites: [:])
                : (previous.flatMap { $0.lexicon == lexicon ? $0 : nil } ?? SiteRecords(sites: [:]))
            for (domain, inputs) in decision.siteInputs {
                let outputs = keptOutputs[domain] ?? finished.outputs[domain] ?? BuildStamp.contents(of: "\(outputDirectory)/\(domain)")
                records.sites[domain] = .init(inputs: inputs, outputs: outputs)
            }
            // The other sites of a `--city` build as recorded, which the walk before anything was put in place found
            // them to be (else the build refused), not walked again: if one changed since, the next build finds it
            // unlike the stamp and does its work (a walk now would record the change as the build's).
            summary.siteOutputs = records.sites.mapValues(\.outputs)
            records.shared = sharedInputs
            records.lexicon = lexicon
            try? records.write(for: outputDirectory)
        }
        return summary
    }

    /// The entries of the output a build of `decision` writes: its sites and the files beside them.
    private func making(_ decision: Decision) -> Set<String> {
        Set(decision.renderer.plan.sites.map(\.domain) + decision.besides.map { $0.path.prefix { $0 != "/" } }.map(String.init))
    }

    /// Before anything is put in place, in a build that did not await the walk first: each site `kept` as its
    /// record's inputs say is as the walk (or a walk now) finds the record says the build left it, and a `--city`
    /// build leaves only sites its record vouches for; otherwise ``KeptSiteChanged``, for the build to be made again,
    /// the walk first (which says what is wrong, where something is).
    private func checkKept(_ kept: [String: String], decision: Decision, previous: SiteRecords?, lexicon: String?) async throws {
        let walked = await previousSites?.value?.folders
        for (domain, inputs) in decision.siteInputs where kept[domain] != nil {
            guard let previous, previous.unchanged(domain, inputs: inputs, in: outputDirectory, walked: walked) == kept[domain] else {
                throw KeptSiteChanged()
            }
        }
        if !onlyCities.isEmpty, !SiteRecords.keptUnvouched(by: previous, in: outputDirectory, making: making(decision), lexicon: lexicon ?? "",
                                                           walked: walked).isEmpty {
            throw KeptSiteChanged()
        }
    }

    /// What each site of `plan` is made from, as one SHA-256 by domain: the
    /// inputs but answers and ledger (`shared`), the ledger head and trust
    /// its manifest records, and what of the province the site shows: each
    /// answer it publishes (its file, the SHA-256 of its bytes, its address),
    /// the answers of its scopes the gate held back (links to them become
    /// text), the media its answers show with their reviewed transcripts and descriptions.
    /// Every page, feed, search index and manifest of the site is a function
    /// of these, and only of the site's own scopes: a `--city` build, which
    /// reads no other city, finds the same inputs as a full build.
    private static func siteInputs(plan: SitePlan, shared: String, record: LedgerRecord, heldBack: Set<String>,
                                   media: [String: PublishedMedia], transcripts: [String: String], mediaHashes: [String: String],
                                   unreviewed: Set<String>) -> [String: String] {
        let header = "portal12320 site inputs 1\nshared \(shared)\nledger \(record.head.lines) \(record.head.sha256)\n"
            + "trust \(record.trustFingerprint)\n"
        let heldBack = heldBack.sorted()
        let sites = plan.sites.concurrentMap { site -> (String, String) in
            var text = header + "site \(site.domain) \(site.city?.abbr ?? "-")\n"
            let scopes = ["province/"] + (site.city.map { ["\($0.abbr)/"] } ?? [])
            for reference in heldBack where scopes.contains(where: reference.hasPrefix) { text += "held \(reference)\n" }
            var shown = Set<String>()
            for page in site.answers {
                text += "answer \(page.answer.file)\t\(page.answer.fileHash)\t\(page.slug)\t\(unreviewed.contains(page.answer.file))\n"
                shown.formUnion(page.answer.allMedia)
            }
            for name in shown.sorted() {
                text += "media \(name)\t\(mediaHashes[name] ?? "-")\t\(transcripts[name].map { SHA256.hex(Array($0.utf8)) } ?? "-")"
                text += media[name].map { "\t\($0.url)\t\(SHA256.hex(Array($0.description.utf8)))\n" } ?? "\n"
            }
            return (site.domain, SHA256.hex(Array(text.utf8)))
        }
        return Dictionary(uniqueKeysWithValues: sites)
    }

    /// - Parameter kept: entries of the previous report, for cities this build did not read.
    /// Written as `JSONSerialization` writes it (sorted keys, pretty-printed, slashes as they are), by hand:
    /// serialising the benchmark province's 1,300 entries was 2 % of a `--city` build.
    static func heldBackJSON(_ heldBack: [any ReviewStanding], keeping kept: [[String: String]] = []) -> [UInt8] {
        struct Entry {
            let answer: String
            let file: String
            let reason: String
            /// The province's first, then by reference: a `--city` build lists the same bytes as a full one.
            var order: (Int, String, String) { (answer.hasPrefix("province/") ? 0 : 1, answer, file) }
        }
        let entries = (heldBack.map { Entry(answer: $0.item.reference, file: $0.item.file, reason: $0.reason ?? "") }
            + kept.map { Entry(answer: $0["answer"] ?? "", file: $0["file"] ?? "", reason: $0["reason"] ?? "") })
            .map { ($0.order, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        var json = Array("{\n  \"heldBack\" : [\n".utf8)
        if entries.isEmpty { json.append(0x0A) }
        for (index, entry) in entries.enumerated() {
            for (key, value) in [("answer", entry.answer), ("file", entry.file), ("reason", entry.reason)] {
                json += Array((key == "answer" ? "    {\n      \"" : ",\n      \"").utf8) + Array(key.utf8) + Array("\" : ".utf8)
                JSONText.appendString(value, to: &json)
            }
            json += Array((index == entries.count - 1 ? "\n    }\n" : "\n    },\n").utf8)
        }
        json += Array("  ]\n}\n".utf8)
        return json
    }

    /// The entries of the held-back report the previous build left in `output`.
    private static func previousHeldBack(in output: String) -> [[String: String]] {
        guard let data = FileManager.default.contents(atPath: "\(output)/\(heldBackReport)"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = object["heldBack"] as? [[String: String]]
        else { return [] }
        return entries
    }

    /// Files written together on all cores.
    private struct FileGroup {
        /// Listed when the group is about to be written (and once before, to count them).
        let files: () -> [OutputFile]
        /// Called before the first of them is written (an index made: no worker then waits while pages remain).
        var ready: () -> Void = {}
        /// Called once every one of them is written.
        var done: () -> Void = {}
    }

    /// Renders and writes every file on all cores (renders only, without `output`).
    /// - Parameters:
    ///   - groups: written one after another, each group's files on all cores.
    ///   - records: pages rendered before; one whose values have the recorded fingerprint, and whose
    ///     live file still holds the recorded bytes, is linked instead of rendered (``StagedOutput/keep(_:sha256:size:)``).
    ///   - sites: given each file as written, to finish each site once its last file is.
    private func write(_ groups: [FileGroup], total: Int, to output: StagedOutput?, keeping records: PageRecords?,
                       sites: WrittenSites? = nil, progress: (@Sendable (Int, Int) -> Void)?) throws {
        let done = Atomic<Int>(0)
        let errors = groups.flatMap { group in
            group.ready()
            defer { group.done() }
            return group.files().concurrentMapInRuns { file -> (any Error)? in
                defer {
                    let count = done.add(1, ordering: .relaxed).newValue
                    if count % 500 == 0 || count == total { progress?(count, total) }
                }
                do {
                    try sites?.add(try write(file, to: output, keeping: records))
                    return nil
                } catch {
                    return error
                }
            }.compactMap { $0 }
        }
        let issues = errors.compactMap { $0 as? ContentIssue }
        // A broken template fails every page made from it: report it once.
        var seen = Set<String>()
        try ContentErrors.check(issues.filter { seen.insert($0.description).inserted })
        if let first = errors.first { throw first }
    }

    /// Renders `file` and writes it (renders only, without `output`), or keeps the page the last build rendered.
    private func write(_ file: OutputFile, to output: StagedOutput?, keeping records: PageRecords?) throws -> WrittenSites.File {
        // A page is recognised by its values only where its fingerprint can be recorded for the next build.
        guard let output, let records, let prepare = file.prepare else {
            let bytes = try file.make()
            try output?.write(bytes, to: file.path)
            return WrittenSites.File(entry: ReleaseManifest.Entry(path: file.path, sha256: SHA256.hex(bytes), size: bytes.count))
        }
        let page = prepare()
        // A page's bytes show the theme: it is recorded with the theme's stamps (the records are kept under the rest).
        let fingerprint = page.showsTheme ? SHA256.hex(Array("\(pageInputs ?? "")\n\(page.fingerprint)".utf8)) : page.fingerprint
        if let known = records.pages[file.path], known.fingerprint == fingerprint,
            output.keep(file.path, sha256: known.sha256, size: known.size) {
            // Counted as a kept page only if it is one (a search file is not).
            return WrittenSites.File(entry: ReleaseManifest.Entry(path: file.path, sha256: known.sha256, size: known.size),
                                     fingerprint: fingerprint, kept: page.showsTheme)
        }
        let bytes = try page.render()
        try output.write(bytes, to: file.path)
        return WrittenSites.File(entry: ReleaseManifest.Entry(path: file.path, sha256: SHA256.hex(bytes), size: bytes.count),
                                 fingerprint: fingerprint)
    }
}
