import CMalloc

/// The memory a build has freed, given back to the system. glibc's malloc
/// returns only the top of each thread's heap by itself; the rest of what a
/// phase frees (the reader's texts once the gate has decided, a written site's
/// renderings and index) stays part of the process, and the next phase's
/// allocations, made on other threads, rarely fill it. Trimmed at those points,
/// the 4x benchmark province's build peaked at 755 MB instead of 839-857 MB.
package enum FreedMemory {
    /// Returns every whole free page of every thread's heap to the system.
    static func giveBack() {
        _ = malloc_trim(0)
    }

    /// Has every block of 64 KiB or more (a page being rendered, a search file, an index's arrays) mapped
    /// on its own and returned to the system when freed, and each heap's free top returned past 1 MiB.
    /// By default glibc raises the first threshold each time such a block is freed, up to 32 MiB, and
    /// from then on serves them from the heaps, where what they leave free between longer-lived objects
    /// stays part of the process. Set once, before the build renders: 4x the benchmark province
    /// peaked at 269-275 MB instead of 290 MB, in the same time (/dev/shm, 2026-12-01).
    /// `build` sets it only when no earlier build left its stamp: a build that follows one renders a city or a
    /// few pages and keeps the rest, with a peak of half a full build's or less, and mapping and unmapping each
    /// page cost it time: `--city nj` after one edit took a median 0.66 s with it, 0.61 s without (disk, 8 rounds
    /// each), one answer edited 0.91 s against 0.86 s, for 1-4 MB more at its peak without.
    package static func returnLargeBlocksAtOnce() {
        _ = mallopt(M_MMAP_THRESHOLD, 64 * 1024)
        _ = mallopt(M_TRIM_THRESHOLD, 1024 * 1024)
    }
}
