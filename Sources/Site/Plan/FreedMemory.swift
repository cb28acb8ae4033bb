import CMalloc

/// The memory a build has freed, given back to the system. glibc's malloc
/// returns only the top of each thread's heap by itself; the rest of what a
/// phase frees (the reader's texts once the gate has decided, a written site's
/// renderings and index) stays part of the process, and the next phase's
/// allocations, made on other threads, rarely fill it. Trimmed at those points,
/// the 4x benchmark province's build peaked at 755 MB instead of 839-857 MB.
enum FreedMemory {
    /// Returns every whole free page of every thread's heap to the system.
    static func giveBack() {
        _ = malloc_trim(0)
    }
}
