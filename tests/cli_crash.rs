//! Crash safety (issue 15, item 1; issue 14, item 1): `newskg ingest`
//! killed with SIGKILL at a moment sampled over the run leaves a store that
//! opens and holds whole documents only, and running the same ingest again
//! ends with exactly the quads of an uninterrupted ingest of the same input.
//! Into an empty store, and into a store holding older versions of some of
//! the articles, which the ingest replaces.
//!
//! Ingest stores new documents in batches (`--batch`; see the header of
//! `src/rdf/store.rs`): their graphs through the bulk loader, then their
//! completion markers. The trials use batches of [`BATCH`] documents, so
//! that a run commits many of them and kills land before, inside and after
//! those commits; each trial says whether it left a batch half done (the
//! store's `newskg.pending`), and [`a_kill_between_bulk_load_and_markers`]
//! makes that moment happen every time.
//!
//! Every kill lands mid-ingest, and the test proves it: the articles go
//! through standard input, all but the last one, and the pipe stays open,
//! so the ingest cannot end before the kill (it waits for the rest); a
//! trial whose ingest had ended anyway, or was not ended by the SIGKILL,
//! fails the test. The moment of each kill is sampled uniformly over the
//! first 90% of the time an uninterrupted ingest of the input spends
//! holding the store (its model loading excluded), measured in the same
//! test.
//!
//! The default test run makes [`TRIALS`] trials of each case. More, ignored
//! by default (each case gets `NEWSKG_CRASH_TRIALS`, 100 without it):
//!
//! ```sh
//! NEWSKG_CRASH_TRIALS=100 cargo test --test integration many_kills -- --ignored --nocapture
//! ```
//!
//! Each trial prints its moment; `NEWSKG_CRASH_SEED=N` replays the moments
//! of a run (the seed is printed too).
//!
//! The store holding older versions has the resolver snapshot its last
//! ingest saved, so the killed ingests start from it: a kill leaves a record
//! naming no snapshot, unless the ingest had not yet opened the store to
//! write (then the store is as it was), and the rerun converges all the same.
//!
//! Run ids and start times differ between any two runs (they are the
//! provenance of each run), so they are masked before comparing; every other
//! quad must be the same, each as many times.

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, ChildStdin, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::util::{copy_dir, mask, snapshot_token, Workdir};

/// Trials of each case in the default test run.
const TRIALS: usize = 3;

/// Documents in the input: five of the ingest's analysis batches of 64.
const ARTICLES: usize = 320;

/// Documents a storage batch holds in these tests (`--batch`): 20 commits
/// over a run, so kills land in every phase of one.
const BATCH: &str = "16";

#[test]
fn a_rerun_after_a_kill_converges() {
    trials(Case::Empty, TRIALS);
}

/// Replacing documents drops their old graphs, and entities only they
/// mentioned: a rerun must forget what an uninterrupted run forgot.
#[test]
fn a_rerun_after_a_kill_converges_when_documents_are_replaced() {
    trials(Case::Replacing, TRIALS);
}

/// Both cases, as many trials each as `NEWSKG_CRASH_TRIALS` says (100
/// without it).
#[test]
#[ignore = "slow: NEWSKG_CRASH_TRIALS trials of each case (default 100)"]
fn many_kills_converge() {
    let n = std::env::var("NEWSKG_CRASH_TRIALS")
        .ok()
        .map(|v| v.parse().expect("NEWSKG_CRASH_TRIALS: a number"))
        .unwrap_or(100);
    trials(Case::Empty, n);
    trials(Case::Replacing, n);
}

/// An ingest killed as it began a store, before RocksDB made it, leaves the
/// folder and its lock file only: readers say the store holds nothing yet
/// (not RocksDB's "CURRENT: No such file or directory"), and the next
/// ingest builds it.
#[test]
fn a_store_killed_as_it_was_begun_says_so_and_the_next_ingest_builds_it() {
    let wd = Workdir::new();
    wd.write("kg.db/newskg.lock", "4242\nnewskg ingest\n");
    let readers: [&[&str]; 3] = [
        &["stats", "--store", "kg.db"],
        &["export", "--format", "nq", "--store", "kg.db"],
        &["query", "ASK { ?s ?p ?o }", "--store", "kg.db"],
    ];
    for args in readers {
        let out = wd.output(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        crate::assert_contains!(
            String::from_utf8_lossy(&out.stderr),
            "store kg.db holds no graph yet: the ingest that began it ended before it stored anything"
        );
    }
    crate::assert_contains!(wd.ingest_examples("kg.db"), "2 new");
    assert!(wd.quads("kg.db") > 100);
}

/// The one moment a crash leaves a batch half stored, made to happen every
/// time: the ingest aborts (SIGABRT: no cleanup, as a kill) right after the
/// bulk load of its third batch, before that batch's markers
/// (`NEWSKG_TEST_ABORT_AFTER_BULK_LOAD`). The store lists that batch in
/// `newskg.pending`; the first reader removes its graphs, and sees exactly
/// the two batches committed before, each document as an uninterrupted
/// ingest stores it; the rerun converges.
#[test]
fn a_kill_between_bulk_load_and_markers() {
    let wd = Workdir::new();
    let input = articles(ARTICLES, 2);
    let (reference, _) = clean_ingest(&wd, &input, "clean.db");
    let mut child = wd
        .command(&["ingest", "-", "--store", "kg.db", "--batch", BATCH])
        .env("NEWSKG_TEST_ABORT_AFTER_BULK_LOAD", "3")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert_eq!(status.signal(), Some(6), "not aborted: {status}");

    let pending = std::fs::read_to_string(wd.path("kg.db/newskg.pending")).unwrap();
    let listed: Vec<&str> = pending.lines().filter(|l| !l.starts_with('#')).collect();
    let batch: usize = BATCH.parse().unwrap();
    assert_eq!(listed.len(), batch, "{pending}");

    let killed = export(&wd, "kg.db");
    assert!(!wd.path("kg.db/newskg.pending").exists());
    let leftovers: Vec<String> = std::fs::read_dir(wd.path("kg.db"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bulk-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let docs = documents(&killed);
    assert_eq!(docs.len(), 2 * batch, "two batches were committed");
    let finished = documents(&reference);
    for (graph, quads) in &docs {
        assert!(finished.get(graph) == Some(quads), "{graph} is not whole");
    }
    for graph in listed {
        assert!(
            !killed.iter().any(|q| q.contains(graph)),
            "{graph} of the interrupted batch is still there"
        );
    }
    ingest_all(&wd, &articles(ARTICLES, 2), "kg.db");
    let rerun = export(&wd, "kg.db");
    assert!(rerun == reference, "{}", difference(&reference, &rerun));
}

/// What the killed ingest goes into.
#[derive(Clone, Copy, Debug)]
enum Case {
    /// An empty store.
    Empty,
    /// A store holding the first versions of the articles; a quarter of
    /// them have changed since.
    Replacing,
}

fn trials(case: Case, n: usize) {
    let wd = Workdir::new();
    let base = match case {
        Case::Empty => None,
        Case::Replacing => {
            // The same file: a changed article replaces its older version.
            let first = articles(ARTICLES, 1);
            ingest_all(&wd, &first, "base.db");
            // Opened again, RocksDB replays its log into table files once
            // here, not in every copy (where it would take most of the time
            // the kills are sampled over).
            let again = ingest_all(&wd, &first, "base.db");
            assert!(
                again.contains(&format!(" 0 new, {ARTICLES} unchanged")),
                "{again}"
            );
            // The killed ingests start from the resolver snapshot the base's
            // last ingest saved (`src/rdf/snapshot.rs`).
            assert!(snapshot_token(&wd.path("base.db")).is_some());
            Some(wd.path("base.db"))
        }
    };
    let input = articles(ARTICLES, 2);
    let input = input.as_str();
    let fresh = |store: &str| {
        if let Some(base) = &base {
            copy_dir(base, &wd.path(store));
        }
    };

    // Two uninterrupted ingests agree (the premise), and time the run.
    fresh("clean-1.db");
    let (reference, first) = clean_ingest(&wd, input, "clean-1.db");
    fresh("clean-2.db");
    let (again, second) = clean_ingest(&wd, input, "clean-2.db");
    assert!(
        reference == again,
        "{case:?}: two uninterrupted ingests differ:\n{}",
        difference(&reference, &again)
    );
    let span = first.min(second);

    let mut rng = Rng::new();
    let mut stored_at_kill = Vec::new();
    let mut mid_batch = 0;
    for trial in 0..n {
        let store = format!("trial-{trial}.db");
        fresh(&store);
        let before = match case {
            Case::Empty => Vec::new(),
            Case::Replacing => export(&wd, &store),
        };
        let moment = span.mul_f64(0.9 * rng.fraction());
        eprintln!(
            "crash trial {case:?} {trial}: kill {} ms after the store opened (sampled over {} ms)",
            moment.as_millis(),
            span.as_millis()
        );
        let (mut child, _, feeder) = start(&wd, input, &store, Stdio::null(), Feed::AllButLast);
        std::thread::sleep(moment);
        // The ingest waits for its last article, so it cannot have ended:
        // if it has, it failed, and the trial would prove nothing.
        assert!(
            child.try_wait().unwrap().is_none(),
            "{case:?} trial {trial}: the ingest ended before the kill ({:?})",
            child.try_wait()
        );
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "{case:?} trial {trial}: the ingest was not ended by the kill ({status})"
        );
        // Its standard input closes only now, after the kill.
        drop(feeder.join().unwrap());
        let pending = wd.path(&store).join("newskg.pending").exists();
        mid_batch += usize::from(pending);
        // The record names a resolver snapshot only if the killed ingest
        // had not yet opened the store to write, which changed nothing.
        let snapshot_named = snapshot_token(&wd.path(&store)).is_some();

        // The store opens, and each document in it is whole: its graph is
        // the one an uninterrupted ingest gives it, or the older version's
        // graph as it was before. Killed while it made a new store, the
        // ingest stored nothing, and readers are told so.
        if pending {
            eprintln!("crash trial {case:?} {trial}: killed inside a batch's commit");
        }
        let killed = match try_export(&wd, &store) {
            Ok(quads) => quads,
            Err(stderr) => {
                assert!(
                    matches!(case, Case::Empty) && stderr.contains("holds no graph yet"),
                    "{case:?} trial {trial}: the store does not open after the kill:\n{stderr}"
                );
                Vec::new()
            }
        };
        if snapshot_named {
            assert!(
                killed == before,
                "{case:?} trial {trial}: the record names a snapshot of a store that changed"
            );
        }
        let docs = documents(&killed);
        let (finished, older) = (documents(&reference), documents(&before));
        for (graph, quads) in &docs {
            assert!(
                finished.get(graph) == Some(quads) || older.get(graph) == Some(quads),
                "{case:?} trial {trial}: document {graph} is not whole right after the kill"
            );
        }
        // Documents of this run (new, or the new version of a replaced one).
        stored_at_kill.push(
            docs.iter()
                .filter(|(graph, quads)| older.get(*graph) != Some(*quads))
                .count(),
        );

        // The reader that exported finished the interrupted batch.
        assert!(!wd.path(&store).join("newskg.pending").exists());
        // Run again: the same graph as an uninterrupted ingest.
        ingest_all(&wd, input, &store);
        let rerun = export(&wd, &store);
        assert!(
            rerun == reference,
            "{case:?} trial {trial}: killed at {} ms with {} documents stored, the rerun differs from an uninterrupted ingest:\n{}",
            moment.as_millis(),
            docs.len(),
            difference(&reference, &rerun)
        );
        std::fs::remove_dir_all(wd.path(&store)).unwrap();
    }
    eprintln!(
        "crash trials {case:?}: {n}, documents this run had stored at each kill: {stored_at_kill:?}; {mid_batch} killed between a batch's bulk load and its markers; all converged"
    );
}

/// Articles of our own making, `n` of them, as JSON Lines: people who share
/// a surname, each with an organisation and a town of their own, and reports
/// that name them by surname only, so that which person a bare surname is
/// depends on the entities seen with each before (cross-document context),
/// besides full names, acronyms and their long forms.
///
/// In `version` 1, every fourth article (from the second) also names a
/// quarry company with its acronym, and the first half of them a harbour
/// pilot; in version 2 those articles have changed: the first half no
/// longer names either (so once they are replaced no document mentions the
/// company, whose entity goes), the second half names the company again,
/// without its acronym.
fn articles(n: usize, version: u8) -> String {
    const PEOPLE: [(&str, &str, &str, &str, &str); 6] = [
        (
            "Ronald",
            "Varga",
            "Baltic Ferry Authority",
            "BFA",
            "Lindhaven",
        ),
        ("Elena", "Varga", "Corvane Industries", "CI", "Brandfort"),
        ("Petra", "Halloran", "Nordmark Rail", "NR", "Kessmark"),
        (
            "Simon",
            "Halloran",
            "Western Grain Council",
            "WGC",
            "Dunmore",
        ),
        ("Tomas", "Brekke", "Harbour Workers Union", "HWU", "Ostvik"),
        ("Ingrid", "Brekke", "Alder Savings Bank", "ASB", "Pellham"),
    ];
    const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    const THINGS: [&str; 6] = [
        "the new timetable",
        "the wage offer",
        "the harbour levy",
        "the merger talks",
        "the safety review",
        "the budget",
    ];
    const VERBS: [&str; 5] = [
        "rejected",
        "defended",
        "criticised",
        "welcomed",
        "questioned",
    ];
    let mut out = String::new();
    for i in 0..n {
        let (first, last, org, acronym, town) = PEOPLE[(i * 7 + i / 6) % 6];
        let day = DAYS[i % 5];
        let thing = THINGS[(i / 5) % 6];
        let verb = VERBS[(i / 3) % 5];
        let mut text = if i < 6 || i % 9 == 0 {
            format!(
                "{first} {last}, who leads the {org} ({acronym}), visited {town} on {day}. \
                 {last} {verb} {thing}."
            )
        } else if i % 3 == 0 {
            format!("{last} said on {day} that the {org} would review {thing} in {town}.")
        } else if i % 3 == 1 {
            format!(
                "{last} {verb} {thing} during a visit to {town} on {day}, and the {org} agreed."
            )
        } else {
            format!(
                "Officials of the {acronym} met in {town}. {last} {verb} {thing} there on {day}."
            )
        };
        if i % 4 == 1 {
            let early = i < n / 2;
            match version {
                1 if early => text.push_str(
                    " Greyhill Quarry Company (GQC) and the pilot Mira Santel joined them.",
                ),
                1 => {}
                _ if early => text.push_str(" The talks went on late."),
                _ => text.push_str(" Greyhill Quarry Company joined them."),
            }
        }
        text.push_str(&format!(" This is bulletin {i} of the series."));
        out.push_str(&serde_json::json!({"id": format!("b{i}"), "text": text}).to_string());
        out.push('\n');
    }
    out
}

/// Ingests `input` into a fresh `store` without interruption: the masked
/// quads, and how long the ingest held the store.
fn clean_ingest(wd: &Workdir, input: &str, store: &str) -> (Vec<String>, Duration) {
    let (child, opened, feeder) = start(wd, input, store, Stdio::piped(), Feed::All);
    let out = child.wait_with_output().unwrap();
    let span = opened.elapsed();
    drop(feeder.join().unwrap());
    assert!(out.status.success(), "clean ingest failed");
    eprint!("clean ingest: {}", String::from_utf8_lossy(&out.stdout));
    (export(wd, store), span)
}

/// `newskg ingest - --store STORE --batch BATCH` reading `input`, to the
/// end: its summary.
fn ingest_all(wd: &Workdir, input: &str, store: &str) -> String {
    let args = ["ingest", "-", "--store", store, "--batch", BATCH];
    let out = wd.output_with_stdin(&args, input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// How much of the input an ingest is given.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Feed {
    /// All of it, and its standard input closed: the ingest ends.
    All,
    /// All but the last article, and its standard input left open until
    /// the feeding thread is joined: the ingest cannot end before then.
    AllButLast,
}

/// Starts `newskg ingest - --store STORE --batch BATCH` with `input` (or
/// all of it but the last line) fed to its standard input by a thread,
/// which returns the still open pipe; returns once the ingest holds the
/// store (its process id is in the lock file): the models are loaded, and
/// documents are about to go in.
fn start(
    wd: &Workdir,
    input: &str,
    store: &str,
    stdout: Stdio,
    feed: Feed,
) -> (Child, Instant, JoinHandle<Option<ChildStdin>>) {
    let mut child = wd
        .command(&["ingest", "-", "--store", store, "--batch", BATCH])
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let text = match feed {
        Feed::All => input.to_owned(),
        Feed::AllButLast => {
            let body = input.trim_end_matches('\n');
            body[..body.rfind('\n').map_or(0, |at| at + 1)].to_owned()
        }
    };
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // A write fails once the ingest is killed: what it had read is the test.
        let _ = stdin.write_all(text.as_bytes());
        (feed == Feed::AllButLast).then_some(stdin)
    });
    let lock = wd.path(store).join("newskg.lock");
    let mine = format!("{}\n", child.id());
    let waiting = Instant::now();
    while !std::fs::read_to_string(&lock).is_ok_and(|t| t.starts_with(&mine)) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest ended before it held the store"
        );
        assert!(
            waiting.elapsed() < Duration::from_secs(300),
            "the ingest never opened the store"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    (child, Instant::now(), feeder)
}

/// Every quad of `store` as N-Quads, run ids and start times masked, sorted.
fn export(wd: &Workdir, store: &str) -> Vec<String> {
    assert!(Path::new(&wd.path(store)).is_dir());
    let nq = wd.ok(&["export", "--format", "nq", "--store", store]);
    let mut quads: Vec<String> = nq.lines().map(mask).collect();
    quads.sort();
    quads
}

/// Like [`export`], or what `newskg export` says when it fails.
fn try_export(wd: &Workdir, store: &str) -> Result<Vec<String>, String> {
    let out = wd.output(&["export", "--format", "nq", "--store", store]);
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let mut quads: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(mask)
        .collect();
    quads.sort();
    Ok(quads)
}

/// The graph IRI of an N-Quads line (every quad newskg writes is in a named graph).
fn graph_of(line: &str) -> &str {
    let body = line.trim_end().trim_end_matches('.').trim_end();
    body.rfind(" <").map_or("", |at| &body[at + 1..])
}

/// The quads of each document graph (`…/id/doc/…`), by graph.
fn documents(quads: &[String]) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut docs = std::collections::BTreeMap::<String, Vec<String>>::new();
    for q in quads {
        let g = graph_of(q);
        if g.contains("/id/doc/") {
            docs.entry(g.to_owned()).or_default().push(q.clone());
        }
    }
    docs
}

/// The first quads only one side has.
fn difference(expected: &[String], got: &[String]) -> String {
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        let b: std::collections::BTreeSet<&String> = b.iter().collect();
        a.iter()
            .filter(|q| !b.contains(q))
            .take(20)
            .cloned()
            .collect()
    };
    format!(
        "{} quads expected, {} found\n--- only in the uninterrupted ingest:\n{}\n--- only after the rerun:\n{}",
        expected.len(),
        got.len(),
        only(expected, got).join("\n"),
        only(got, expected).join("\n")
    )
}

/// A small random source (SplitMix64): seeded from `NEWSKG_CRASH_SEED`, or
/// from the clock (and printed, to replay).
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("NEWSKG_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("crash trials: NEWSKG_CRASH_SEED={seed}");
        Rng(seed)
    }

    /// Uniform in [0, 1).
    fn fraction(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}
