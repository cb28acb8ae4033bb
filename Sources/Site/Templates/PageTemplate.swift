/// A page template of the theme, typed by the values its pages render, so
/// that the renderer cannot hand a template another page's values.
struct PageTemplate<Body: TemplateContext>: Sendable {
    let name: String

    /// Every name the template may use.
    var schema: TemplateSchema { PageContext<Body>.schema }
}

extension PageTemplate where Body == HomePage { static var home: Self { Self(name: "home") } }
extension PageTemplate where Body == CategoryPage { static var category: Self { Self(name: "category") } }
extension PageTemplate where Body == AnswerPage { static var answer: Self { Self(name: "answer") } }
extension PageTemplate where Body == HubPage { static var hub: Self { Self(name: "hub") } }
extension PageTemplate where Body == PlannedCityPage { static var plannedCity: Self { Self(name: "planned-city") } }
extension PageTemplate where Body == StatementPage { static var privacy: Self { Self(name: "privacy") } }
extension PageTemplate where Body == PlainPage {
    static var search: Self { Self(name: "search") }
    static var reportError: Self { Self(name: "report-error") }
    static var notFound: Self { Self(name: "notfound") }
}
