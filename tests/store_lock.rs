//! Issue 9 item 9: a busy store is reported by name. A store has one writer
//! (ingest, load) or any number of readers (query, export, stats, entities);
//! whoever comes second is told who holds the store, with real processes.

use std::io::Write;
use std::process::{Child, ChildStdin, Stdio};
use std::time::{Duration, Instant};

use crate::assert_contains;
use crate::util::{examples, Workdir};

/// Starts `newskg ingest - --store kg.db`, which holds the store open while
/// it waits for its standard input, and returns once it holds the lock.
fn waiting_writer(wd: &Workdir) -> Child {
    let child = wd
        .command(&["ingest", "-", "--store", "kg.db"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lock = wd.path("kg.db/newskg.lock");
    let mine = format!("{}\n", child.id());
    let started = Instant::now();
    while !std::fs::read_to_string(&lock).is_ok_and(|t| t.starts_with(&mine)) {
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "the writer never took the lock"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

/// Feeds the rest of its input to an ingest that waits on standard input,
/// and expects it to end well and report `report` ("400 new").
fn finish_ingest(writer: Child, mut stdin: ChildStdin, rest: &[u8], report: &str) {
    stdin.write_all(rest).unwrap();
    drop(stdin);
    let out = writer.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_contains!(String::from_utf8_lossy(&out.stdout), report);
}

/// Runs `newskg ARGS` and expects exit 2 with `message` on stderr.
fn refused(wd: &Workdir, args: &[&str], message: &str) {
    let out = wd.output(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_contains!(stderr, message);
}

#[test]
fn a_writer_is_named_to_other_writers_and_to_readers() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let mut writer = waiting_writer(&wd);
    let busy = format!(
        "newskg: store kg.db is being written by process {} (newskg ingest); try again when it has finished",
        writer.id()
    );
    let articles = examples();
    let articles = articles.to_str().unwrap();
    refused(&wd, &["ingest", articles, "--store", "kg.db"], &busy);
    for reader in [
        &["stats", "--store", "kg.db"][..],
        &["entities", "--store", "kg.db"],
        &["query", "ASK { ?s ?p ?o }", "--store", "kg.db"],
        &["export", "--format", "nq", "--store", "kg.db"],
    ] {
        refused(&wd, reader, &busy);
    }
    // The writer finishes what it was doing; then readers read again.
    let stdin = writer.stdin.take().unwrap();
    finish_ingest(
        writer,
        stdin,
        b"Ana Lima defended the new harbour plan.\n",
        "1 new",
    );
    assert_contains!(wd.ok(&["entities", "--store", "kg.db"]), "Ana Lima");
}

/// Readers share the store with each other, and a writer is told they are
/// there. The first reader is this test process, through the library.
#[test]
fn readers_share_a_store_and_keep_writers_out() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let reader = newskg::Store::open_read_only(&wd.path("kg.db")).unwrap();
    let before = wd.ok(&["stats", "--store", "kg.db"]);
    assert_contains!(before, "quads:");
    let articles = examples();
    refused(
        &wd,
        &["ingest", articles.to_str().unwrap(), "--store", "kg.db"],
        "newskg: store kg.db is being read by another process",
    );
    assert_eq!(reader.document_count().unwrap(), 2);
    drop(reader);
    assert_contains!(
        wd.ok(&["ingest", articles.to_str().unwrap(), "--store", "kg.db"]),
        "2 unchanged"
    );
}

/// The lock file of a killed writer blocks nothing: the OS lock went with
/// the process.
#[test]
fn a_killed_writer_leaves_nothing_that_blocks() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let mut writer = waiting_writer(&wd);
    let pid = writer.id();
    writer.kill().unwrap();
    writer.wait().unwrap();
    let stale = std::fs::read_to_string(wd.path("kg.db/newskg.lock")).unwrap();
    assert!(stale.starts_with(&format!("{pid}\n")), "{stale}");
    assert_contains!(wd.ok(&["stats", "--store", "kg.db"]), "quads:");
    let articles = examples();
    assert_contains!(
        wd.ok(&["ingest", articles.to_str().unwrap(), "--store", "kg.db"]),
        "2 unchanged"
    );
}

/// A writer that does not know `newskg.lock` (here oxigraph itself, in this
/// test process) is found through RocksDB's own lock and named by its
/// process id.
#[test]
fn a_foreign_writer_is_named_through_the_rocksdb_lock() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let foreign = oxigraph::store::Store::open(wd.path("kg.db")).unwrap();
    let busy = format!(
        "newskg: store kg.db is being written by process {}; try again",
        std::process::id()
    );
    refused(&wd, &["stats", "--store", "kg.db"], &busy);
    let articles = examples();
    refused(
        &wd,
        &["ingest", articles.to_str().unwrap(), "--store", "kg.db"],
        &busy,
    );
    drop(foreign);
    assert_contains!(wd.ok(&["stats", "--store", "kg.db"]), "quads:");
}

/// `n` invented one-paragraph articles as JSON Lines, for an ingest that
/// keeps the store busy for a while.
fn busy_input(n: usize) -> String {
    const NAMES: [&str; 4] = ["Mira Kessel", "Tomas Vantor", "Ilse Marrow", "Oren Dask"];
    const PLACES: [&str; 3] = ["Lindhaven", "Brandfort", "Ostvik"];
    (0..n)
        .map(|i| {
            let text = format!(
                "{} opened the harbour office in {} on day {i}. The office of the Vantor Shipping Board will hire {} pilots, {} said.",
                NAMES[i % 4],
                PLACES[i % 3],
                i % 40 + 2,
                NAMES[(i + 1) % 4]
            );
            format!("{}\n", serde_json::json!({"id": format!("n{i}"), "text": text}))
        })
        .collect()
}

/// Issue 15 item 2, with an ingest in the middle of its input (documents
/// stored, more to come): a second writer and every reader are refused at
/// once with the writer's process named, never with RocksDB's own lock
/// message and never after a wait; the ingest is not disturbed. The input
/// comes through a pipe held open while the others try, so the ingest is
/// surely still running then, however fast the build.
#[test]
fn while_an_ingest_runs_every_other_command_is_told_at_once() {
    let wd = Workdir::new();
    let input = busy_input(400);
    let (first_half, second_half) = input.split_at(input.len() / 2);
    wd.write("more.jsonl", busy_input(3));
    wd.write("empty.nq", "");
    let mut writer = wd
        .command(&["ingest", "-", "--store", "kg.db"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = writer.stdin.take().unwrap();
    stdin.write_all(first_half.as_bytes()).unwrap();
    let lock = wd.path("kg.db/newskg.lock");
    let mine = format!("{}\n", writer.id());
    let started = Instant::now();
    // Wait until it is storing: the lock is its, and RocksDB has made the store.
    while !(std::fs::read_to_string(&lock).is_ok_and(|t| t.starts_with(&mine))
        && wd.path("kg.db/newskg.made").exists())
    {
        assert!(
            writer.try_wait().unwrap().is_none(),
            "the ingest ended before it held the store"
        );
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "the ingest never took the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let busy = format!(
        "newskg: store kg.db is being written by process {} (newskg ingest); try again when it has finished",
        writer.id()
    );
    for args in [
        &["ingest", "more.jsonl", "--store", "kg.db"][..],
        &["load", "empty.nq", "--store", "kg.db"],
        &["stats", "--store", "kg.db"],
        &["entities", "--store", "kg.db"],
        &["query", "ASK { ?s ?p ?o }", "--store", "kg.db"],
        &["export", "--format", "nq", "--store", "kg.db"],
    ] {
        let asked = Instant::now();
        let out = wd.output(args);
        let took = asked.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_contains!(stderr, &busy);
        assert!(
            !stderr.contains("LOCK") && !stderr.contains("Resource temporarily unavailable"),
            "{args:?}: RocksDB's lock message leaked: {stderr}"
        );
        // A refusal is a file lock probe (after loading the models, for an
        // ingest): never a wait for the writer.
        assert!(took < Duration::from_secs(30), "{args:?} took {took:?}");
    }
    assert!(writer.try_wait().unwrap().is_none(), "the ingest stopped");
    finish_ingest(writer, stdin, second_half.as_bytes(), "400 new");
    assert_contains!(wd.ok(&["stats", "--store", "kg.db"]), "documents   400");
}

/// A reader in the middle of its work (an export whose output nobody reads
/// yet, so it waits on a full pipe holding the store) keeps a writer out
/// with a message; once it has finished, the writer gets in.
#[test]
fn a_slow_reader_keeps_writers_out_with_a_message() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let mut export = wd
        .command(&["export", "--format", "nq", "--store", "kg.db"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = export.stdout.take().unwrap();
    // Its first byte means it has the store open; the rest (some 200 KB)
    // does not fit the pipe, so it stays there until we read.
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    let articles = examples();
    refused(
        &wd,
        &["ingest", articles.to_str().unwrap(), "--store", "kg.db"],
        "newskg: store kg.db is being read by another process (newskg query, export, stats, entities or serve); try again when it has finished (stop `newskg serve` first)",
    );
    assert!(
        export.try_wait().unwrap().is_none(),
        "the export did not wait on its pipe"
    );
    let mut rest = Vec::new();
    std::io::Read::read_to_end(&mut stdout, &mut rest).unwrap();
    assert!(
        rest.len() > 64 * 1024,
        "{} bytes: the pipe never filled",
        rest.len()
    );
    assert!(export.wait().unwrap().success());
    assert_contains!(
        wd.ok(&["ingest", articles.to_str().unwrap(), "--store", "kg.db"]),
        "2 unchanged"
    );
}
