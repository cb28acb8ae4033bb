import Foundation

/// The console's static files: one HTML shell for every page, its script and stylesheet.
struct ConsolePages: Sendable {
    let page: [UInt8]
    let script: [UInt8]
    let stylesheet: [UInt8]

    init() throws {
        func read(_ name: String) throws -> [UInt8] {
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Pages"),
                let data = FileManager.default.contents(atPath: url.path)
            else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Pages/\(name)"]) }
            return [UInt8](data)
        }
        page = try read("page.html")
        script = try read("console.js")
        stylesheet = try read("console.css")
    }
}
