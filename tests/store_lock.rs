//! Issue 9 item 9: a busy store is reported by name. A store has one writer
//! (ingest, load) or any number of readers (query, export, stats, entities);
//! whoever comes second is told who holds the store, with real processes.

use std::io::Write;
use std::process::{Child, Stdio};
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
    let mut stdin = writer.stdin.take().unwrap();
    stdin
        .write_all(b"Ana Lima defended the new harbour plan.\n")
        .unwrap();
    drop(stdin);
    let out = writer.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_contains!(String::from_utf8_lossy(&out.stdout), "1 new");
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
