import CHeap

/// How far the C allocator grows a heap at a time. glibc grows the heaps of
/// threads other than the main one by little more than each allocation asks,
/// one `mprotect` call each time: a `--city` build of the benchmark's province
/// made 7,000 of them (a fifth of its kernel time), and about 80 with heaps
/// padded to 64 MiB (0.47–0.48 s against 0.51–0.59 s; a full build's peak
/// memory about 20 MB more). Only for `build`, which allocates in bursts on
/// every core and exits; the long-running servers keep glibc's default.
enum HeapGrowth {
    static func widen() {
        _ = portal_pad_heap_growth(64 << 20)
    }
}
