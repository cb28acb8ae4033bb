import Foundation
import Markdown

/// Turns a ``SitePlan`` into the files of every site: HTML pages through the
/// theme's templates, checked for the uniform branding, and the feeds.
struct SiteRenderer: Sendable {
    let plan: SitePlan
    let templates: TemplateSet
    let logoSource: String
    let context: PageContext
    let branding: BrandingCheck

    init(plan: SitePlan, templates: TemplateSet, contentDirectory: String) {
        self.plan = plan
        self.templates = templates
        let province = plan.province
        logoSource = contentDirectory + "/" + province.logo
        let logoURL = "/assets/logo." + ((province.logo as NSString).pathExtension.isEmpty ? "svg" : (province.logo as NSString).pathExtension)
        context = PageContext(province: province, logoURL: logoURL, stylesheetURL: "/assets/style.css")
        branding = BrandingCheck(logoURL: logoURL, slogan: province.slogan)
    }

    /// Every file of every site, in a fixed order.
    func files() -> [OutputFile] {
        plan.cities.flatMap { cityFiles(CityIndex($0)) } + hubFiles()
    }

    private func cityFiles(_ index: CityIndex) -> [OutputFile] {
        let site = index.site
        let city = site.city
        let root = site.domain
        let siteURL = "https://\(site.domain)/"
        var files: [OutputFile] = [
            page("\(root)/index.html", template: "home") { [context] in
                var values = context.base(city: city, title: "\(city.name)12320卫生热线",
                                          description: "\(city.name)12320卫生热线：健康咨询、预约挂号、医保、疫苗接种等常见问题答复。", path: "/")
                values["latest"] = site.answers.prefix(12).map(context.answerSummary)
                values["categoryList"] = plan.province.categories.map { category in
                    ["name": category.name, "url": "/categories/\(category.key)/",
                     "count": index.byCategory[category.key]?.count ?? 0] as [String: Any]
                }
                return values
            },
            page("\(root)/404.html", template: "notfound") { [context] in
                context.base(city: city, title: "页面未找到", description: "您访问的页面不存在。", path: "/404.html")
            },
        ]
        for category in plan.province.categories {
            let answers = index.byCategory[category.key] ?? []
            files.append(page("\(root)/categories/\(category.key)/index.html", template: "category") { [context] in
                var values = context.base(city: city, title: category.name, description: "\(city.name)12320：\(category.name)相关问题答复。",
                                          path: "/categories/\(category.key)/", category: category.key)
                values["answers"] = answers.map(context.answerSummary)
                values["empty"] = answers.isEmpty
                return values
            })
        }
        for answer in site.answers {
            files.append(page("\(root)\(answer.path)index.html", template: "answer") { [context] in
                answerValues(answer, index: index, context: context)
            })
        }
        let sitemapURLs = [(siteURL, site.answers.first?.answer.updated)]
            + plan.province.categories.map { ("\(siteURL)categories/\($0.key)/", index.byCategory[$0.key]?.first?.answer.updated) }
            + site.answers.map { (siteURL + $0.path.dropFirst(), Optional($0.answer.updated)) }
        let feedTitle = "\(city.name)12320卫生热线 最新答复"
        let author = "\(plan.province.name)12320卫生热线"
        let latest = Array(site.answers.prefix(20))
        files += [
            text("\(root)/sitemap.xml") { SiteFeeds.sitemap(sitemapURLs.map { ($0.0, $0.1) }) },
            text("\(root)/feed.xml") { SiteFeeds.atom(title: feedTitle, author: author, siteURL: siteURL, answers: latest) },
            text("\(root)/robots.txt") { SiteFeeds.robots(siteURL: siteURL) },
        ]
        return files + assetFiles(root: root)
    }

    private func answerValues(_ page: PublishedAnswer, index: CityIndex, context: PageContext) -> [String: Any] {
        let answer = page.answer
        let category = plan.province.category(answer.category)
        var values = context.base(city: index.site.city, title: answer.title, description: page.excerpt,
                                  path: page.path, category: answer.category)
        values["body"] = page.document.html
        values["updated"] = answer.updated.chinese
        values["updatedISO"] = answer.updated.description
        values["categoryName"] = category?.name ?? ""
        values["categoryURL"] = "/categories/\(answer.category)/"
        values["tags"] = answer.tags
        values["provincial"] = answer.scope == .province
        values["related"] = index.related(to: page).map(context.answerSummary)
        return values
    }

    private func hubFiles() -> [OutputFile] {
        let root = plan.province.hubDomain
        let siteURL = context.hubURL
        return [
            page("\(root)/index.html", template: "hub") { [context] in
                var values = context.base(city: nil, title: "\(plan.province.name)12320卫生热线",
                                          description: "\(plan.province.name)12320卫生热线：各设区市12320网站导航。", path: "/")
                values["openedCount"] = plan.province.openedCities.count
                return values
            },
            page("\(root)/404.html", template: "notfound") { [context] in
                context.base(city: nil, title: "页面未找到", description: "您访问的页面不存在。", path: "/404.html")
            },
            text("\(root)/sitemap.xml") { SiteFeeds.sitemap([(siteURL, nil)]) },
            text("\(root)/robots.txt") { SiteFeeds.robots(siteURL: siteURL) },
        ] + assetFiles(root: root)
    }

    private func page(_ path: String, template: String,
                      _ values: @escaping @Sendable () -> [String: Any]) -> OutputFile {
        OutputFile(path: path) { [templates, branding] () throws(ContentIssue) -> [UInt8] in
            let html = templates.render(template, values())
            if let issue = branding.issue(in: html, template: template, directory: templates.directory) { throw issue }
            return Array(html.utf8)
        }
    }

    private func text(_ path: String, _ make: @escaping @Sendable () -> String) -> OutputFile {
        OutputFile(path: path) { Array(make().utf8) }
    }

    private func assetFiles(root: String) -> [OutputFile] {
        let directory = templates.directory + "/assets"
        let logo = OutputFile(path: root + context.logoURL) { [logoSource] () throws(ContentIssue) -> [UInt8] in
            try FileBytes.read(logoSource)
        }
        return [logo] + templates.assetFiles().map { name in
            OutputFile(path: "\(root)/assets/\(name)") { () throws(ContentIssue) -> [UInt8] in
                try FileBytes.read("\(directory)/\(name)")
            }
        }
    }
}

enum FileBytes {
    static func read(_ path: String) throws(ContentIssue) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContentIssue(file: path, line: nil, message: "The file cannot be read.", fix: "Check that it exists.")
        }
        return [UInt8](data)
    }
}
