//! Native Rust aho-corasick on the lexicon and corpus that
//! Benchmarks/moderation.py writes, so that the Rust library is measured
//! without Python in the way.
//!
//! usage: aho-corasick-native LEXICON_DIR CORPUS_DIR [REPEATS]
//!
//! Patterns: every term of classified.txt, sensitive.txt and taboo.txt (one
//! a line; `#` starts a comment, a tab starts a label). Corpus: every `.md`
//! file of CORPUS_DIR, held in memory as bytes. Matching: raw
//! leftmost-longest, no normalisation, counted with `find_iter`.
//!
//! Two automata are built, the builder's default (a noncontiguous NFA in
//! aho-corasick 0.7) and the DFA. Each repeat scans the corpus with each
//! automaton on one thread, then on all threads (documents pulled from a
//! shared counter), alternating the automata; every figure is the best of
//! REPEATS. Prints one JSON line with the same keys as our
//! `moderation-benchmark` (`one_core_mb_s`, `all_cores_mb_s`, ...) for the
//! best automaton, and the figures of each under `kinds`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::fs;
use std::path::Path;
use std::process::exit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Instant;

const LIST_FILES: [&str; 3] = ["classified.txt", "sensitive.txt", "taboo.txt"];

/// The terms of the three list files, in file order.
fn load_patterns(directory: &Path) -> Vec<String> {
    let mut patterns = Vec::new();
    for name in LIST_FILES {
        let path = directory.join(name);
        let text = fs::read_to_string(&path).unwrap_or_else(|error| fail(&format!("{}: {}", path.display(), error)));
        for line in text.lines() {
            let without_comment = line.split('#').next().unwrap_or("");
            let term = without_comment.split('\t').next().unwrap_or("").trim();
            if !term.is_empty() {
                patterns.push(term.to_string());
            }
        }
    }
    patterns
}

/// Every `.md` file of the folder, sorted by name, as bytes.
fn load_documents(directory: &Path) -> Vec<Vec<u8>> {
    let entries = fs::read_dir(directory).unwrap_or_else(|error| fail(&format!("{}: {}", directory.display(), error)));
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().map_or(false, |extension| extension == "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| fs::read(path).unwrap_or_else(|error| fail(&format!("{}: {}", path.display(), error))))
        .collect()
}

fn fail(message: &str) -> ! {
    eprintln!("aho-corasick-native: {}", message);
    exit(2)
}

/// Leftmost-longest matches in the whole corpus, on this thread.
fn scan_one_thread(automaton: &AhoCorasick, documents: &[Vec<u8>]) -> usize {
    documents.iter().map(|document| automaton.find_iter(document).count()).sum()
}

/// The same count, with `threads` workers pulling documents from a shared counter.
fn scan_all_threads(automaton: &AhoCorasick, documents: &[Vec<u8>], threads: usize) -> usize {
    let next = AtomicUsize::new(0);
    thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut found = 0;
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        match documents.get(index) {
                            Some(document) => found += automaton.find_iter(document).count(),
                            None => return found,
                        }
                    }
                })
            })
            .collect();
        workers.into_iter().map(|worker| worker.join().expect("worker panicked")).sum()
    })
}

/// Seconds taken by `work`, and what it returned.
fn timed<T>(work: impl FnOnce() -> T) -> (f64, T) {
    let start = Instant::now();
    let result = work();
    (start.elapsed().as_secs_f64(), result)
}

/// One automaton and its best times so far.
struct Side {
    label: &'static str,
    automaton: AhoCorasick,
    build_seconds: f64,
    matches: usize,
    one_thread: f64,
    all_threads: f64,
}

fn main() {
    let arguments: Vec<String> = std::env::args().collect();
    if arguments.len() < 3 {
        fail("usage: aho-corasick-native LEXICON_DIR CORPUS_DIR [REPEATS]");
    }
    let repeats: usize = match arguments.get(3) {
        Some(text) => text.parse().unwrap_or_else(|_| fail("REPEATS must be a positive number")),
        None => 3,
    };
    if repeats == 0 {
        fail("REPEATS must be a positive number");
    }
    let patterns = load_patterns(Path::new(&arguments[1]));
    let documents = load_documents(Path::new(&arguments[2]));
    let bytes: usize = documents.iter().map(Vec::len).sum();
    let threads = thread::available_parallelism().map_or(1, |count| count.get());

    let mut sides: Vec<Side> = [("default", false), ("dfa", true)]
        .into_iter()
        .map(|(label, dfa)| {
            let (build_seconds, automaton) = timed(|| {
                AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).dfa(dfa).build(&patterns)
            });
            Side { label, automaton, build_seconds, matches: 0, one_thread: f64::INFINITY, all_threads: f64::INFINITY }
        })
        .collect();

    for _ in 0..repeats {
        for side in sides.iter_mut() {
            let (seconds, found) = timed(|| scan_one_thread(&side.automaton, &documents));
            side.one_thread = side.one_thread.min(seconds);
            side.matches = found;
            let (seconds, found) = timed(|| scan_all_threads(&side.automaton, &documents, threads));
            side.all_threads = side.all_threads.min(seconds);
            if found != side.matches {
                fail(&format!("{}: {} matches on one thread, {} on all", side.label, side.matches, found));
            }
        }
    }

    let megabytes = bytes as f64 / 1e6;
    let best = sides.iter().min_by(|a, b| a.one_thread.total_cmp(&b.one_thread)).expect("two automata");
    let best_all = sides.iter().map(|side| side.all_threads).fold(f64::INFINITY, f64::min);
    let kinds: Vec<String> = sides
        .iter()
        .map(|side| {
            format!(
                "\"{}\": {{\"build_s\": {:.3}, \"matches\": {}, \"heap_bytes\": {}, \"one_core_s\": {:.4}, \
                 \"one_core_mb_s\": {:.1}, \"all_cores_s\": {:.4}, \"all_cores_mb_s\": {:.1}}}",
                side.label,
                side.build_seconds,
                side.matches,
                side.automaton.heap_bytes(),
                side.one_thread,
                megabytes / side.one_thread,
                side.all_threads,
                megabytes / side.all_threads
            )
        })
        .collect();
    println!(
        "{{\"bytes\": {}, \"documents\": {}, \"patterns\": {}, \"repeats\": {}, \"threads\": {}, \"matches\": {}, \
         \"best_kind\": \"{}\", \"one_core_s\": {:.4}, \"one_core_mb_s\": {:.1}, \"all_cores_s\": {:.4}, \
         \"all_cores_mb_s\": {:.1}, \"kinds\": {{{}}}}}",
        bytes,
        documents.len(),
        patterns.len(),
        repeats,
        threads,
        best.matches,
        best.label,
        best.one_thread,
        megabytes / best.one_thread,
        best_all,
        megabytes / best_all,
        kinds.join(", ")
    );
}
