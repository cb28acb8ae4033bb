/// A hub page for a city whose site is still planned (筹建中): its centre's
/// contact details and the provincial answers its residents can already use.
struct PlannedCityPage: TemplateContext {
    let city: CityDetails
    let sections: [CategorySection]

    static let keys: [String: TemplateKey<PlannedCityPage>] = [
        "plannedCity": .object { $0.city }, "sections": .list(\.sections),
    ]
}
