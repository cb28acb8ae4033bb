import Content
import Glibc
import TestSupport
import Testing

/// Fingerprints of many stamps append each stamp's fields as bytes: the same
/// text as the fields' strings, whatever the numbers (times before 1970 are negative).
struct FileStampFieldsTests {
    @Test func fieldsAppendedAsBytesAreTheFieldsAsText() {
        var random = SplitMix64(seed: 12320)
        let edges: [Int] = [0, 1, 9, 10, -1, -10, Int.max, Int.min + 1]
        for round in 0..<2_000 {
            var info = stat()
            let pick = { (random: inout SplitMix64) -> Int in
                round < 64 ? edges[Int(random.next() % UInt64(edges.count))] : Int(truncatingIfNeeded: random.next() >> (random.next() % 64))
            }
            info.st_dev = UInt(truncatingIfNeeded: random.next())
            info.st_ino = UInt(truncatingIfNeeded: random.next() >> (random.next() % 64))
            info.st_size = pick(&random)
            info.st_mtim = timespec(tv_sec: pick(&random) / 1_000_000_000, tv_nsec: abs(pick(&random) % 1_000_000_000))
            info.st_ctim = timespec(tv_sec: pick(&random) / 1_000_000_000, tv_nsec: abs(pick(&random) % 1_000_000_000))
            let stamp = FileStamp(info)
            var all: [UInt8] = [7]
            stamp.appendFields(to: &all)
            #expect(all == [7] + Array(stamp.fields.utf8))
            var withoutChange: [UInt8] = []
            stamp.appendFields(to: &withoutChange, statusChange: false)
            #expect(withoutChange == Array(stamp.fieldsButStatusChange.utf8))
        }
    }
}
