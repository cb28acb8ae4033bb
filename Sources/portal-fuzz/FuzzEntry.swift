import Foundation
import FuzzTargets

/// Which reader this process fuzzes: `PORTAL_FUZZ_TARGET` (see ``FuzzTarget``).
let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["PORTAL_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("Set PORTAL_FUZZ_TARGET to one of: \(names).\n".utf8))
        exit(64)
    }
    return target
}()

#if FUZZING
/// libFuzzer's entry point (built by scripts/fuzz.sh with -sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafeRawPointer, _ count: Int) -> CInt {
    target.run(Data(bytes: bytes, count: count))
    return 0
}
#else
/// Without libFuzzer: runs the target once on each file named (to replay an input).
@main
enum Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            target.run(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }
}
#endif
