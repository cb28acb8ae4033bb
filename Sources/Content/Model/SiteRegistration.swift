/// What a public-institution website in China shows in every page's footer:
/// its ICP filing (互联网信息服务管理办法), its public-security filing
/// (公安机关备案), the government website identification code (网站标识码)
/// where one is assigned, who sponsors (主办) and runs (承办) it, where to
/// write to them, and its privacy statement. Read from `portal.yml`: a city's
/// own values, then `site_defaults:` for what the province shares.
package struct SiteRegistration: Sendable, Hashable {
    /// The public-security filing: its number as shown, and the page its badge links to.
    package struct PoliceRecord: Sendable, Hashable {
        /// e.g. `苏公网安备 32010202000001号`.
        package let number: String
        /// e.g. `https://beian.mps.gov.cn/#/query/webSearch?code=32010202000001`.
        package let link: String

        package init(number: String, link: String) {
            self.number = number
            self.link = link
        }
    }

    /// e.g. `苏ICP备12345678号-1`.
    package var icp: String?
    package var policeRecord: PoliceRecord?
    /// 网站标识码, ten letters or digits, e.g. `3201000001`.
    package var siteCode: String?
    /// 主办单位.
    package var sponsor: String?
    /// 承办单位.
    package var organizer: String?
    package var address: String?
    package var postcode: String?
    /// The privacy statement's Markdown file, relative to the content folder.
    package var privacy: String?

    package init(icp: String? = nil, policeRecord: PoliceRecord? = nil, siteCode: String? = nil, sponsor: String? = nil,
                 organizer: String? = nil, address: String? = nil, postcode: String? = nil, privacy: String? = nil) {
        self.icp = icp
        self.policeRecord = policeRecord
        self.siteCode = siteCode
        self.sponsor = sponsor
        self.organizer = organizer
        self.address = address
        self.postcode = postcode
        self.privacy = privacy
    }

    /// These values, each missing one taken from `defaults`.
    package func filled(from defaults: SiteRegistration) -> SiteRegistration {
        SiteRegistration(icp: icp ?? defaults.icp, policeRecord: policeRecord ?? defaults.policeRecord,
                         siteCode: siteCode ?? defaults.siteCode, sponsor: sponsor ?? defaults.sponsor,
                         organizer: organizer ?? defaults.organizer, address: address ?? defaults.address,
                         postcode: postcode ?? defaults.postcode, privacy: privacy ?? defaults.privacy)
    }

    /// The keys every opened site must have (after defaults), and the value each has here.
    package var required: [(key: String, value: String?)] {
        [("icp", icp), ("sponsor", sponsor), ("privacy", privacy)]
    }
}
