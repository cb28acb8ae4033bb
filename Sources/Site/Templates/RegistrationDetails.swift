import Content

/// A site's filings and operators as its footer shows them (``SiteRegistration``).
struct RegistrationDetails: TemplateContext, Hashable {
    let icp: String
    let policeNumber: String?
    let policeLink: String?
    let siteCode: String?
    let sponsor: String
    let organizer: String?
    let address: String?
    let postcode: String?

    /// Where the ICP number links: the filing system of the Ministry of Industry and Information Technology.
    static let icpLink = "https://beian.miit.gov.cn/"

    init(_ registration: SiteRegistration) {
        icp = registration.icp ?? ""
        policeNumber = registration.policeRecord?.number
        policeLink = registration.policeRecord?.link
        siteCode = registration.siteCode
        sponsor = registration.sponsor ?? ""
        organizer = registration.organizer
        address = registration.address
        postcode = registration.postcode
    }

    static let keys: [String: TemplateKey<RegistrationDetails>] = [
        "icp": .text(\.icp), "icpLink": .address { _ in icpLink },
        "hasPoliceRecord": .flag { $0.policeNumber != nil },
        "policeNumber": .text { $0.policeNumber ?? "" }, "policeLink": .address { $0.policeLink ?? "" },
        "hasSiteCode": .flag { $0.siteCode != nil }, "siteCode": .text { $0.siteCode ?? "" },
        "sponsor": .text(\.sponsor),
        "hasOrganizer": .flag { $0.organizer != nil }, "organizer": .text { $0.organizer ?? "" },
        "hasAddress": .flag { $0.address != nil }, "address": .text { $0.address ?? "" },
        "hasPostcode": .flag { $0.postcode != nil }, "postcode": .text { $0.postcode ?? "" },
    ]
}
