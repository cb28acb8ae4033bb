import Content
import Markdown

/// What each site publishes: provincial answers on every opened city's site,
/// replaced by a city's override on that city's site only (article 35), plus
/// the city's own answers; the hub publishes the provincial answers, for
/// every resident and for those of cities whose site is still planned.
/// Nothing private is ever in a plan (article 36).
struct SitePlan: Sendable {
    struct Site: Sendable {
        /// The city whose site this is; `nil` for the hub.
        let city: City?
        let domain: String
        /// Newest first, then by address.
        let answers: [PublishedAnswer]
    }

    let province: Province
    /// The opened cities' sites that this build makes.
    let cities: [Site]
    let hub: Site

    /// Every site this build makes: the cities', then the hub.
    var sites: [Site] { cities + [hub] }

    /// - Parameters:
    ///   - publishable: the answers that passed the publish gate.
    ///   - heldBack: references (`scope/id`) of answers that exist but are not published:
    ///     links to them become plain text instead of failing the build.
    ///   - onlyCities: abbreviations to build, or empty for every opened city.
    ///   - media: where each published image and PDF of `media/` is, by name.
    ///   - cache: answers rendered by earlier plans of the same content (the preview).
    ///   - spill: the build's spill file, where the answers' renderings are kept (see ``RenderedTexts``).
    /// - Throws: ``ContentErrors`` for `answer:` links that resolve to no published answer.
    init(province: Province, publishable: [Answer], heldBack: Set<String>, onlyCities: Set<String>,
         media: [String: MarkdownDocument.MediaTarget] = [:], cache: PublishedAnswerCache? = nil,
         spill: SpillFile? = nil) throws(ContentErrors) {
        self.province = province
        // Each answer's address, made once: a link resolved for every answer that names it (twice: to check a kept
        // rendering, and the links as read) then takes no string of its own.
        var provincialAddresses: [String: String] = [:]
        // `answer:<id>` in a city answer may name the city's own answers: id → address.
        var addressesByCity: [Scope: [String: String]] = [:]
        for answer in publishable {
            if answer.scope == .province {
                provincialAddresses[answer.id] = "/answers/\(answer.id)/"
            } else {
                addressesByCity[answer.scope, default: [:]][answer.id] = "/answers/\(answer.overrides ?? answer.id)/"
            }
        }
        let cityAddresses = addressesByCity
        let provincial = provincialAddresses

        let resolver = { @Sendable (answer: Answer) -> @Sendable (String) -> MarkdownDocument.LinkTarget in
            let local = cityAddresses[answer.scope] ?? [:]
            return { id in
                if let address = local[id] { return .url(address) }
                if let address = provincial[id] { return .url(address) }
                let held = heldBack.contains("\(answer.scope)/\(id)") || heldBack.contains("province/\(id)")
                return held ? .unpublished : .unknown
            }
        }
        // Every answer is rendered at most once, whatever the number of cities, and only when a site made asks for it.
        // Its links as read are checked with it, rendered or not: a site kept has the same links as one made.
        let kept = cache?.snapshot ?? [:]
        let planned = publishable.concurrentMap { answer -> (page: PublishedAnswer, issues: [ContentIssue]) in
            let slug = answer.overrides ?? answer.id
            let resolveAnswerLink = resolver(answer)
            let issues = Self.linkIssues(answer, resolve: resolveAnswerLink)
            if let kept = PublishedAnswerCache.page(in: kept, for: answer, slug: slug, resolveAnswerLink: resolveAnswerLink,
                                                    resolveMedia: { media[$0] }) {
                return (kept, issues)
            }
            let page = PublishedAnswer(answer: answer, slug: slug, province: province, spill: spill) { page in
                // What the rendering asked about, so a cached copy is reused only while the answers stay the same.
                var links: [(id: String, target: MarkdownDocument.LinkTarget)] = []
                var mediaAsked: [(name: String, target: MarkdownDocument.MediaTarget?)] = []
                let document = MarkdownDocument(source: answer.body, resolveAnswerLink: { id in
                    let target = resolveAnswerLink(id)
                    links.append((id, target))
                    return target
                }, resolveMedia: { name in
                    mediaAsked.append((name, media[name]))
                    return media[name]
                })
                cache?.keep(.init(fileHash: answer.fileHash, slug: slug, links: links, media: mediaAsked, page: page), for: answer.file)
                return document
            }
            return (page, issues)
        }
        cache?.keep(only: Set(publishable.map(\.file)))
        try ContentErrors.check(planned.flatMap(\.issues))
        let rendered = planned.map(\.page)

        let provincialPages = rendered.filter { $0.answer.scope == .province }
        let newestFirst = { @Sendable (a: PublishedAnswer, b: PublishedAnswer) in (a.answer.updated, b.slug) > (b.answer.updated, a.slug) }
        // The provincial answers sorted once, for the hub and every city: each city's own are sorted and merged in.
        let provincialNewestFirst = provincialPages.sorted(by: newestFirst)
        hub = Site(city: nil, domain: province.hubDomain, answers: provincialNewestFirst)
        let cityPages = Dictionary(grouping: rendered.filter { $0.answer.scope != .province }, by: \.answer.scope)
        cities = province.openedCities
            .filter { onlyCities.isEmpty || onlyCities.contains($0.abbr) }
            .concurrentMap { city in
                let own = cityPages[.city(city.abbr)] ?? []
                let replaced = Set(own.compactMap(\.answer.overrides))
                let answers = Self.merging(provincialNewestFirst.filter { !replaced.contains($0.slug) }, own.sorted(by: newestFirst),
                                           by: newestFirst)
                return Site(city: city, domain: province.domain(of: city), answers: answers)
            }
    }

    /// Two lists sorted by `precedes` as one: the same as sorting them together, where no two elements are equal
    /// (no two answers of a site have the same address).
    static func merging<Element>(_ first: [Element], _ second: [Element], by precedes: (Element, Element) -> Bool) -> [Element] {
        var merged: [Element] = []
        merged.reserveCapacity(first.count + second.count)
        var (one, other) = (first.startIndex, second.startIndex)
        while one < first.endIndex, other < second.endIndex {
            if precedes(second[other], first[one]) {
                merged.append(second[other])
                other += 1
            } else {
                merged.append(first[one])
                one += 1
            }
        }
        merged += first[one...]
        merged += second[other...]
        return merged
    }

    /// The `answer:` links of `answer` (as read, with their lines in the file) that resolve to no published or held-back answer.
    private static func linkIssues(_ answer: Answer, resolve: (String) -> MarkdownDocument.LinkTarget) -> [ContentIssue] {
        answer.answerLinks.filter { resolve($0.id) == .unknown }.map { link in
            ContentIssue(file: answer.file, line: link.line,
                         message: "The link `answer:\(link.id)` names no answer, or a private one, which is never published.",
                         fix: "Use the id of an answer of this city or of the province, or remove the link.")
        }
    }
}
