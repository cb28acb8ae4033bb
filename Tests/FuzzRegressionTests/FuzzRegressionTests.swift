import Foundation
import FuzzTargets
import Testing

/// Every input a fuzzer found that once crashed a reader, and the seeds, run
/// again on each test run: `Tests/FuzzRegressionTests/Inputs/<target>/`.
struct FuzzRegressionTests {
    static let inputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Inputs").path

    static let cases: [(FuzzTarget, String)] = FuzzTarget.allCases.flatMap { target in
        let folder = "\(inputs)/\(target.rawValue)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { (target, "\(folder)/\($0)") }
    }

    @Test func everyTargetHasInputs() {
        for target in FuzzTarget.allCases {
            #expect(Self.cases.contains { $0.0 == target }, "no inputs for \(target.rawValue)")
        }
    }

    @Test(arguments: cases)
    func inputIsReadWithoutCrashing(_ target: FuzzTarget, _ path: String) throws {
        target.run(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
