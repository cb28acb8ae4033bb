/// A typed value the theme's templates render: its names are declared once
/// in ``keys``, which both answers the renderer's lookups and lets
/// ``TemplateKeyCheck`` refuse a template that names something the context
/// lacks (instead of rendering it as empty text).
protocol TemplateContext: TemplateObject {
    static var keys: [String: TemplateKey<Self>] { get }
}

extension TemplateContext {
    static var schema: TemplateSchema { TemplateSchema(names: keys.mapValues { TemplateSchema.Entry(use: $0.use) }) }

    func value(named name: String) -> TemplateValue? { Self.keys[name]?.value(self) }
}
