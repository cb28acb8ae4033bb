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
/// libFuzzer's driver (linked by -sanitize=fuzzer). SwiftPM gives an
/// executable its own entry point, so libFuzzer's `main` is not used: this
/// one hands the command line to the driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum FuzzMain {
    static func main() {
        _ = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { bytes, count in
            target.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        })
    }
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
