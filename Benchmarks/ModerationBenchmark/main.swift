// Times Moderator.scan over a corpus held in memory, full normalisation on.
// usage: moderation-benchmark LEXICON_DIR CORPUS_DIR [ROUNDS]
// Prints one JSON line: bytes, seconds per round (best), MB/s on one core and on all cores.
import Dispatch
import Foundation
import Moderation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: moderation-benchmark LEXICON_DIR CORPUS_DIR [ROUNDS]\n".utf8))
    exit(2)
}
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
let buildStart = DispatchTime.now()
let moderator = Moderator(lexicon: try Lexicon.load(directory: arguments[1]))
let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart.uptimeNanoseconds) / 1e9
let names = try FileManager.default.contentsOfDirectory(atPath: arguments[2]).filter { $0.hasSuffix(".md") }.sorted()
let documents = try names.map { try Data(contentsOf: URL(fileURLWithPath: arguments[2] + "/" + $0)) }
let bytes = documents.reduce(0) { $0 + $1.count }

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now()
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

var findings = 0
var single = Double.infinity
var parallel = Double.infinity
for _ in 0..<rounds {
    single = min(single, seconds {
        findings = 0
        for document in documents {
            findings += document.withUnsafeBytes { moderator.scan(bytes: $0.bindMemory(to: UInt8.self)).count }
        }
    })
    parallel = min(parallel, seconds {
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            _ = documents[index].withUnsafeBytes { moderator.scan(bytes: $0.bindMemory(to: UInt8.self)).count }
        }
    })
}
let megabytes = Double(bytes) / 1e6
print("""
    {"bytes": \(bytes), "documents": \(documents.count), "findings": \(findings), "lexicon_build_s": \(String(format: "%.3f", buildSeconds)), \
    "one_core_s": \(String(format: "%.4f", single)), "one_core_mb_s": \(String(format: "%.1f", megabytes / single)), \
    "all_cores_s": \(String(format: "%.4f", parallel)), "all_cores_mb_s": \(String(format: "%.1f", megabytes / parallel))}
    """)
