import Content
import Synchronization

/// The theme as the preview last loaded it, and each site's header and footer
/// rendered from it (``SiteChrome``), kept between builds while no file of the
/// theme folder changed: a saved answer does not parse the templates again,
/// nor render fourteen sites' chrome. The stamps are taken before the
/// templates are read, so an edit racing the read loads them again next time.
package final class ThemeMemory: Sendable {
    /// What a site's chrome is made of, besides the theme.
    struct ChromeKey: Hashable {
        /// Which load of the theme rendered it.
        let generation: Int
        let values: SiteValues
        let domain: String
        let registration: SiteRegistration
    }

    private struct State {
        var stamps: [String: FileStamp] = [:]
        var templates: TemplateSet?
        var generation = 0
        var chromes: [ChromeKey: SiteChrome] = [:]
    }

    private let state = Mutex(State())

    package init() {}

    /// The templates of `directory`, loaded again only when one of its files
    /// changed, and which load they come from (part of every ``ChromeKey``).
    func templates(directory: String) async throws(ContentErrors) -> (templates: TemplateSet, generation: Int) {
        let stamps = FolderSignature(folders: [directory]).signature()
        let kept = state.withLock { state in
            state.stamps == stamps ? state.templates.map { ($0, state.generation) } : nil
        }
        if let kept, kept.0.directory == directory { return kept }
        let templates = try await TemplateSet.load(directory: directory)
        return state.withLock { state in
            state = State(stamps: stamps, templates: templates, generation: state.generation + 1)
            return (templates, state.generation)
        }
    }

    /// The chrome of the site `key` describes, rendered once per load of the theme.
    func chrome(_ key: ChromeKey, make: () -> SiteChrome) -> SiteChrome {
        if let kept = state.withLock({ $0.chromes[key] }) { return kept }
        let chrome = make()
        state.withLock { state in
            if state.generation == key.generation { state.chromes[key] = chrome }
        }
        return chrome
    }
}
