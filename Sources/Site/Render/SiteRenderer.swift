import Content
import Crypto
import Foundation
import Markdown

/// Turns a ``SitePlan`` into the files of every site: HTML pages through the
/// theme's templates, checked for the uniform branding, and the feeds.
final class SiteRenderer: Sendable {
    let plan: SitePlan
    let templates: TemplateSet
    /// Every asset of every site: bytes read once, file names carrying a content
    /// hash so nginx can let browsers cache them for good.
    let assets: [FingerprintedAsset]
    let logoURL: String
    /// Traditional forms of the characters given, with their simplified forms (from moderation's table).
    let simplifiedForms: @Sendable (Set<UInt32>) -> [UInt32: UInt32]
    /// Groups of words residents use for the same thing (`search/synonyms.txt`).
    let synonyms: [[String]]
    /// Each privacy statement as HTML, by its path in `portal.yml`.
    let privacyPages: [String: String]
    /// Reviewed transcripts by media file name; only these media are published.
    let transcripts: [String: String]
    let mediaDirectory: String
    /// The images and PDFs answers embed, prepared for publishing, by name.
    let published: [String: PublishedMedia]
    /// SHA-256 of each media file's bytes as moderation and review saw them.
    let mediaHashes: [String: String]

    /// Files of answers shown only in preview: their pages carry a banner.
    let unreviewed: Set<String>
    /// Where the preview keeps each site's chrome between builds, and which load of the theme `templates` is.
    let theme: (memory: ThemeMemory, generation: Int)?

    init(plan: SitePlan, templates: TemplateSet, contentDirectory: String, transcripts: [String: String], mediaHashes: [String: String] = [:],
         published: [String: PublishedMedia] = [:], unreviewed: Set<String> = [], privacyStatements: [String: PrivacyStatement] = [:],
         simplifiedForms: @escaping @Sendable (Set<UInt32>) -> [UInt32: UInt32] = { _ in [:] }, synonyms: [[String]] = [],
         theme: (memory: ThemeMemory, generation: Int)? = nil) throws(ContentIssue) {
        self.plan = plan
        self.theme = theme
        self.synonyms = synonyms
        self.simplifiedForms = simplifiedForms
        privacyPages = privacyStatements.mapValues { MarkdownDocument(source: $0.source).html }
        self.mediaHashes = mediaHashes
        self.published = published
        self.unreviewed = unreviewed
        self.templates = templates
        self.transcripts = transcripts
        mediaDirectory = contentDirectory + "/media"
        let province = plan.province
        let fileExtension = (province.logo as NSString).pathExtension
        let logoPath = contentDirectory + "/" + province.logo
        if let issue = FolderBoundary.issue(for: logoPath, inside: contentDirectory, what: "logo") { throw issue }
        let logo = try FingerprintedAsset(source: logoPath, name: "logo." + (fileExtension.isEmpty ? "svg" : fileExtension))
        var assets = [logo]
        for name in templates.assetFiles() {
            let path = "\(templates.directory)/assets/\(name)"
            if let issue = FolderBoundary.issue(for: path, inside: "\(templates.directory)/assets", what: "theme asset") { throw issue }
            assets.append(try FingerprintedAsset(source: path, name: name))
        }
        self.assets = assets
        logoURL = logo.url
    }

    /// Every site but those of `skipping`, in a fixed order, and the lists of
    /// each one's files, made when asked for (the same each time): the pages
    /// and feeds of the site, and its search files, whose index is made when
    /// they are about to be written (``SearchIndexes``); where the files go is
    /// known before the indexes are: ``SearchIndex/shardCount(for:)``. Every
    /// site's lists held from the first file written to the last were some
    /// 40 MB of the peak of a build of 4x the benchmark province.
    /// - Returns: also the indexes, which say how long they took.
    func files(skipping: Set<String> = []) -> (sites: [SitePlan.Site], pages: (Int) -> [OutputFile], search: (Int) -> [OutputFile],
                                               indexes: SearchIndexes) {
        let sites = plan.sites.filter { !skipping.contains($0.domain) }
        let indexes = searchIndexes(sites)
        let pages = { (number: Int) in self.siteFiles(of: sites[number]) }
        return (sites, pages, indexes.files, indexes)
    }

    /// Each site's files but the search indexes, which ``searchFiles()`` makes
    /// when asked, each site's listed when first asked for (the preview, whose
    /// editors wait for one page, not for every site nor for search).
    func siteFilesWithoutSearch() -> [SitePages.Site] {
        plan.sites.map { site in
            SitePages.Site(domain: site.domain) { self.siteFiles(of: site) }
        }
    }

    /// The search index files of every site.
    func searchFiles() -> [OutputFile] {
        let indexes = searchIndexes(plan.sites)
        return zip(plan.sites, indexes.all()).flatMap { site, index in
            SearchIndex.files(root: site.domain, answers: site.answers, shardCount: index.shardCount) { index }
        }
    }

    private func searchIndexes(_ sites: [SitePlan.Site]) -> SearchIndexes {
        SearchIndexes(sites: sites, province: plan.province, synonyms: synonyms, simplifiedForms: simplifiedForms)
    }

    private func chrome(for city: City?) -> SiteChrome {
        let province = plan.province
        let assetURLs = Dictionary(assets.map { ($0.name, $0.url) }) { first, _ in first }
        let make = { SiteChrome(province: province, city: city, logoURL: self.logoURL, assetURLs: assetURLs, templates: self.templates) }
        guard let theme else { return make() }
        let values = SiteValues(province: province, city: city, logoURL: logoURL, assetURLs: assetURLs)
        let key = ThemeMemory.ChromeKey(generation: theme.generation, values: values,
                                        domain: city.map(province.domain(of:)) ?? province.hubDomain,
                                        registration: province.registration(of: city))
        return theme.memory.chrome(key, make: make)
    }

    private func summaries(_ pages: some Sequence<PublishedAnswer>) -> [AnswerSummary] {
        pages.map(\.summary)
    }

    /// The pages, feeds, assets and media of `site`; not its search files.
    private func siteFiles(of site: SitePlan.Site) -> [OutputFile] {
        siteFiles(SiteIndex(site, chrome: chrome(for: site.city)))
    }

    private func siteFiles(_ index: SiteIndex) -> [OutputFile] {
        let site = index.site
        let chrome = index.chrome
        let categories = plan.province.categories
        let root = site.domain
        // Who answers here, for descriptions: the city, or the province on the hub.
        let owner = site.city?.name ?? plan.province.name
        var files: [OutputFile] = [
            site.city == nil ? hubHome(index) : page("\(root)/index.html", .home, chrome) {
                let newest = site.answers.first?.answer.updated
                return chrome.page(HomePage(latest: self.summaries(site.answers.prefix(12)), categoryList: index.categoryLinks(categories),
                                            updated: newest?.chinese ?? "", updatedISO: newest?.description ?? ""), title: chrome.siteName,
                                   description: "\(owner)12320卫生热线：健康咨询、预约挂号、医保、疫苗接种等常见问题答复。", path: "/")
            },
            page("\(root)/404.html", .notFound, chrome) {
                chrome.page(PlainPage(), title: "页面未找到", description: "您访问的页面不存在。", path: "/404.html")
            },
            page("\(root)/search/index.html", .search, chrome) {
                chrome.page(PlainPage(), title: "搜索答复", description: "搜索\(owner)12320卫生热线的常见问题答复。", path: "/search/")
            },
        ]
        files += noticeFiles(root: root, chrome: chrome, city: site.city)
        for category in categories {
            let answers = index.byCategory[category.key] ?? []
            files.append(page("\(root)/categories/\(category.key)/index.html", .category, chrome) {
                chrome.page(CategoryPage(answers: self.summaries(answers)), title: category.name,
                            description: "\(owner)12320：\(category.name)相关问题答复。",
                            path: "/categories/\(category.key)/", category: category.key, metadata: Self.column(category))
            })
        }
        for answer in site.answers {
            files.append(page("\(root)\(answer.path)index.html", .answer, chrome) {
                self.answerContext(answer, index: index)
            })
        }
        if site.city == nil { files += plannedCityFiles(index) }
        return files + feedFiles(index) + assetFiles(root: root) + mediaFiles(site)
    }

    /// The hub's home page: every city's site, the provincial answers by category, the newest of them.
    private func hubHome(_ index: SiteIndex) -> OutputFile {
        let province = plan.province
        let chrome = index.chrome
        return page("\(province.hubDomain)/index.html", .hub, chrome) {
            let newest = index.site.answers.first?.answer.updated
            let body = HubPage(openedCount: province.openedCities.count, latest: self.summaries(index.site.answers.prefix(12)),
                               categoryList: index.categoryLinks(province.categories),
                               updated: newest?.chinese ?? "", updatedISO: newest?.description ?? "")
            return chrome.page(body, title: chrome.siteName,
                               description: "\(province.name)12320卫生热线：各设区市12320网站导航和全省统一的常见问题答复。", path: "/")
        }
    }

    /// For each city whose site is still planned, a page of the hub with the
    /// answers its residents can already use: every provincial answer, by category.
    private func plannedCityFiles(_ index: SiteIndex) -> [OutputFile] {
        let province = plan.province
        let sections = province.categories.compactMap { category -> CategorySection? in
            guard let answers = index.byCategory[category.key], !answers.isEmpty else { return nil }
            return CategorySection(name: category.name, url: "/categories/\(category.key)/", answers: summaries(answers))
        }
        return province.cities.filter { $0.status == .planned }.map { city in
            page("\(province.hubDomain)\(CityLink.plannedPath(city))index.html", .plannedCity, index.chrome) {
                index.chrome.page(PlannedCityPage(city: CityDetails(city, domain: province.domain(of: city)), sections: sections),
                                  title: "\(city.name)居民可用的答复",
                                  description: "\(city.name)12320网站筹建中：本市居民可查阅全省统一答复，或拨打12320咨询。",
                                  path: CityLink.plannedPath(city))
            }
        }
    }

    /// The media files the site's answers present (each has a cleared transcript or description).
    private func mediaFiles(_ site: SitePlan.Site) -> [OutputFile] {
        let names = Set(site.answers.flatMap(\.answer.media)).sorted()
        let recordings = names.map { name in
            OutputFile(path: "\(site.domain)/media/\(name)") { [mediaDirectory, mediaHashes] () throws(ContentIssue) -> [UInt8] in
                // Only the recording whose transcript was reviewed.
                try FileBytes.read("\(mediaDirectory)/\(name)", checked: mediaHashes[name])
            }
        }
        // Two names with the same bytes and no ASCII letters share an address: written once.
        var addresses: Set<String> = []
        let embedded = Set(site.answers.flatMap { $0.answer.mediaReferences.map(\.name) }).sorted().compactMap { published[$0] }
            .filter { addresses.insert($0.url).inserted }
        return recordings + embedded.map { media in OutputFile(path: "\(site.domain)\(media.url)") { media.bytes } }
    }

    private func answerContext(_ page: PublishedAnswer, index: SiteIndex) -> PageContext<AnswerPage> {
        let answer = page.answer
        let media = answer.media.map { name in
            MediaItem(name: name, video: MediaKind(fileName: name) == .video, transcript: transcripts[name] ?? "")
        }
        var linked: Set<String> = []
        let attachments = answer.mediaReferences.compactMap { reference -> AttachmentItem? in
            guard let media = published[reference.name], media.kind == .document, linked.insert(media.name).inserted else { return nil }
            return AttachmentItem(media)
        }
        let body = AnswerPage(body: page.html, updated: answer.updated.chinese, updatedISO: answer.updated.description,
                              categoryName: plan.province.category(answer.category)?.name ?? "",
                              categoryURL: "/categories/\(answer.category)/", tags: answer.tags,
                              provincial: answer.scope == .province, unreviewed: unreviewed.contains(answer.file),
                              media: media, attachments: attachments, related: summaries(index.related(to: page)))
        let source = plan.province.registration(of: answer.scope == .province ? nil : index.site.city)
        let metadata = (plan.province.category(answer.category).map(Self.column) ?? []) + [
            MetaTag(name: "ArticleTitle", content: answer.title),
            MetaTag(name: "PubDate", content: "\(answer.updated.description) 00:00"),
            MetaTag(name: "ContentSource", content: source.organizer ?? source.sponsor ?? "\(plan.province.name)12320卫生热线"),
        ]
        return index.chrome.page(body, title: answer.title, description: page.excerpt, path: page.path, category: answer.category,
                                 metadata: metadata, article: true)
    }

    /// The `<meta>` names of a page in `category`'s column.
    private static func column(_ category: Category) -> [MetaTag] {
        [MetaTag(name: "ColumnName", content: category.name), MetaTag(name: "ColumnType", content: MetaTag.answerColumnType)]
    }

    private func feedFiles(_ index: SiteIndex) -> [OutputFile] {
        let site = index.site
        let siteURL = plan.province.origin(of: site.city) + "/"
        let planned = site.city == nil ? plan.province.cities.filter { $0.status == .planned } : []
        let categories = plan.province.categories
        // Made when the sitemap is written, not while every site's files are listed: 4x the benchmark
        // province's sitemap addresses, held from the start of the writing, were 14 MB of its peak.
        let sitemapURLs: @Sendable () -> [(String, Day?)] = {
            [(siteURL, site.answers.first?.answer.updated)]
                + categories.map { ("\(siteURL)categories/\($0.key)/", index.byCategory[$0.key]?.first?.answer.updated) }
                + site.answers.map { (siteURL + $0.path.dropFirst(), Optional($0.answer.updated)) }
                + planned.map { (siteURL + CityLink.plannedPath($0).dropFirst(), site.answers.first?.answer.updated) }
                + ["privacy/", "report-error/"].map { (siteURL + $0, nil) }
        }
        let feedTitle = "\(index.chrome.siteName) 最新答复"
        let author = "\(plan.province.name)12320卫生热线"
        let latest = Array(site.answers.prefix(20))
        return [
            text("\(site.domain)/sitemap.xml") { SiteFeeds.sitemap(sitemapURLs().map { ($0.0, $0.1) }) },
            text("\(site.domain)/feed.xml") { SiteFeeds.atom(title: feedTitle, author: author, siteURL: siteURL, answers: latest) },
            text("\(site.domain)/robots.txt") { SiteFeeds.robots(siteURL: siteURL) },
        ]
    }

    /// The privacy statement and the error-report page every footer links.
    private func noticeFiles(root: String, chrome: SiteChrome, city: City?) -> [OutputFile] {
        let name = chrome.siteName
        let statement = plan.province.registration(of: city).privacy.flatMap { privacyPages[$0] } ?? ""
        return [
            page("\(root)/privacy/index.html", .privacy, chrome) {
                chrome.page(StatementPage(body: statement), title: "隐私声明", description: "\(name)如何对待访问者的个人信息。", path: "/privacy/")
            },
            page("\(root)/report-error/index.html", .reportError, chrome) {
                chrome.page(PlainPage(), title: "网站纠错", description: "发现\(name)的错误或失效链接，请告诉我们。", path: "/report-error/")
            },
        ]
    }

    private func page<Body>(_ path: String, _ template: PageTemplate<Body>, _ chrome: SiteChrome,
                            _ context: @escaping @Sendable () -> PageContext<Body>) -> OutputFile {
        let render = { @Sendable [templates] (values: PageContext<Body>) throws(ContentIssue) -> [UInt8] in
            let html = templates.render(template, values)
            if let issue = chrome.branding.issue(in: html, template: template.name, directory: templates.directory) { throw issue }
            return html
        }
        return OutputFile(path: path, prepare: {
            let values = context()
            return PreparedPage(fingerprint: values.fingerprint(template: template.name, siteFingerprint: chrome.valuesFingerprint)) { () throws(ContentIssue) in try render(values) }
        }, make: { () throws(ContentIssue) in try render(context()) })
    }

    private func text(_ path: String, _ make: @escaping @Sendable () -> String) -> OutputFile {
        OutputFile(path: path) { Array(make().utf8) }
    }

    private func assetFiles(root: String) -> [OutputFile] {
        assets.map { asset in OutputFile(path: root + asset.url) { asset.bytes } }
    }
}
