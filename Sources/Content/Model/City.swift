/// A prefecture-level city and its 12320 site (article 33).
package struct City: Hashable, Sendable {
    /// Whether the city's site is online yet.
    package enum Status: String, Sendable {
        case opened
        /// Listed on the hub as 筹建中; no site is generated.
        case planned
    }

    /// Chinese name, e.g. `南京市`.
    package let name: String
    /// Pinyin abbreviation, lowercase ASCII letters, e.g. `nj`.
    package let abbr: String
    package let status: Status
    /// The city centre's published phone number.
    package let phone: String
    /// The city centre's published address.
    package let address: String
    /// What its site's footer must show; the address defaults to ``address``.
    package let registration: SiteRegistration
    /// Where and how its site is served: its own `deploy:` over the province's.
    package let deploy: DeploySettings

    package init(name: String, abbr: String, status: Status, phone: String, address: String,
                 registration: SiteRegistration = SiteRegistration(), deploy: DeploySettings = DeploySettings()) {
        self.deploy = deploy
        self.name = name
        self.abbr = abbr
        self.status = status
        self.phone = phone
        self.address = address
        self.registration = registration.filled(from: SiteRegistration(address: address))
    }
}
