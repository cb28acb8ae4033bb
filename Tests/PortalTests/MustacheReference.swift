import Mustache
@testable import Site

/// swift-mustache rendering a theme, given the values as the build handed
/// them to it before ``TemplateRendering`` took its place: texts as custom
/// renderables, conditions as `Bool`, lists as arrays, an absent object as
/// `nil`, and the page's own escaping. What ``TemplateRendering`` writes is
/// compared with this.
enum MustacheReference {
    /// The content type every template was read with: ``HTMLEscaping``.
    private struct Escaping: MustacheContentType {
        func escapeText(_ text: String) -> String { text.htmlEscaped }
    }

    private static let contentType = "PORTAL12320_REFERENCE"
    private static let registered: Void = MustacheContentTypes.register(Escaping(), named: contentType)

    private struct Text: MustacheCustomRenderable, MustacheParent {
        let renderText: String
        var isNull: Bool { false }
        func child(named name: String) -> Any? { nil }
    }

    private struct Object: MustacheParent {
        let object: any TemplateObject
        func child(named name: String) -> Any? { MustacheReference.value(object.value(named: name)) }
    }

    private static func value(_ value: TemplateValue?) -> Any? {
        switch value {
        case .text(let text): Text(renderText: text)
        case .flag(let flag): flag
        case .texts(let texts): texts.map(Text.init)
        case .list(let items): items.map(Object.init)
        case .object(let object): Object(object: object)
        case nil: nil
        }
    }

    /// `templates[name]` rendered by swift-mustache, its partials from `templates`.
    static func render(_ name: String, templates: [String: String], values: any TemplateObject) throws -> String {
        _ = registered
        let parsed = try templates.mapValues { try MustacheTemplate(string: "{{% CONTENT_TYPE: \(contentType) }}\n" + $0) }
        return MustacheLibrary(templates: parsed).render(Object(object: values), withTemplate: name) ?? ""
    }
}

extension String {
    /// This text as ``HTMLEscaping`` writes it.
    /// (For the tests: the reference's escaping and its own test.)
    var htmlEscaped: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        HTMLEscaping.append(self, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
