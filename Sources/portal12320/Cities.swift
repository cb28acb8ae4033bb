import ArgumentParser
import Content
import Foundation

struct Cities: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List each city with its domain and status.")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let province = try options.load().province
        Terminal.say("hub  \(province.hubDomain)  \(province.name)")
        for city in province.cities {
            let status = city.status == .opened ? "opened" : "planned (筹建中)"
            Terminal.say("\(city.abbr.padding(toLength: 4, withPad: " ", startingAt: 0)) \(province.domain(of: city))  \(city.name)  \(status)")
        }
    }
}
