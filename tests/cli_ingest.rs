use std::io::Write;
use std::time::Duration;

use crate::assert_contains;
use crate::util::{examples, Workdir};

#[test]
fn ingest_twice_changes_nothing() {
    let wd = Workdir::new();
    let first = wd.ingest_examples("kg.db");
    assert_contains!(first, "2 new");
    let quads = wd.quads("kg.db");
    assert!(quads > 100, "only {quads} quads");
    let second = wd.ingest_examples("kg.db");
    assert_contains!(second, "0 new, 2 unchanged");
    assert_eq!(wd.quads("kg.db"), quads);
}

#[test]
fn changed_content_from_the_same_source_replaces_it() {
    let wd = Workdir::new();
    wd.write(
        "a.txt",
        "Mexican President Claudia Sheinbaum rejected the plan. Marco Rubio defended it.\n",
    );
    wd.ok(&["ingest", "a.txt", "--store", "kg.db"]);
    wd.write("a.txt", "Marco Rubio defended the plan on Friday.\n");
    let out = wd.ok(&["ingest", "a.txt", "--store", "kg.db"]);
    assert_contains!(out, "1 replaced");
    let docs = wd.ok(&[
        "query",
        "SELECT ?d { ?d a <http://schema.org/NewsArticle> }",
        "--store",
        "kg.db",
        "--format",
        "tsv",
    ]);
    assert_eq!(docs.lines().count(), 2, "one document expected:\n{docs}");
    // Entity ids survive the replacement.
    let ent = wd.ok(&["entities", "--store", "kg.db"]);
    assert_contains!(ent, "marco-rubio");
}

/// Each bad input is reported with its file name and problem; the good input
/// still goes in; the exit code says something failed; and the store holds
/// exactly what ingesting the good input alone gives.
#[test]
fn bad_inputs_are_reported_and_store_nothing() {
    let wd = Workdir::new();
    let good = wd.write("good.txt", "Marco Rubio defended the designation.\n");
    wd.ok(&["ingest", good.to_str().unwrap(), "--store", "ref.db"]);
    let reference = wd.quads("ref.db");

    let gz = {
        let mut e = flate2_encoder();
        e.write_all(b"Some text that will be cut off in the middle of the stream.")
            .unwrap();
        let bytes = e.finish().unwrap();
        bytes[..bytes.len() / 2].to_vec()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "binary.txt",
            vec![0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0, 0, 0, 9],
            "binary",
        ),
        (
            "latin1.txt",
            b"Caf\xe9 society met in M\xe9xico.\n".to_vec(),
            "UTF-8",
        ),
        ("empty.txt", Vec::new(), "empty"),
        ("cut.txt.gz", gz, "gzip"),
        (
            "bad.jsonl",
            b"{\"text\": \"Marco Rubio spoke.\"}\n{not json\n".to_vec(),
            "bad.jsonl:2",
        ),
    ];
    for (name, bytes, problem) in cases {
        let bad = wd.write(name, bytes);
        let store = format!("{name}.db");
        let out = wd.output(&[
            "ingest",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
            "--store",
            &store,
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: exit code\n{stderr}");
        assert_contains!(stderr, name);
        assert!(
            stderr.to_lowercase().contains(&problem.to_lowercase()),
            "{name}: expected {problem:?} in:\n{stderr}"
        );
        let expected = if name == "bad.jsonl" {
            // Its first line is a good article of its own.
            None
        } else {
            Some(reference)
        };
        if let Some(expected) = expected {
            assert_eq!(
                wd.quads(&store),
                expected,
                "{name}: store changed by a bad input"
            );
        }
    }
    // A missing file.
    let out = wd.output(&["ingest", "nope.txt", "--store", "missing.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert_contains!(String::from_utf8_lossy(&out.stderr), "nope.txt");
}

fn flate2_encoder() -> flate2::write::GzEncoder<Vec<u8>> {
    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default())
}

/// Killing `newskg ingest` mid-way leaves a store that opens, holds only
/// whole documents, and finishes cleanly when the same ingest runs again.
#[test]
fn crash_mid_ingest_leaves_whole_documents() {
    let wd = Workdir::new();
    let article =
        std::fs::read_to_string(examples().join("sheinbaum-rejects-intervention.txt")).unwrap();
    let mut jsonl = String::new();
    let n = 600;
    for i in 0..n {
        // Each record differs, so each is its own document.
        let text = format!("{article}\n\nThis is report number {i} of the series.");
        jsonl.push_str(&serde_json::json!({"id": format!("r{i}"), "text": text}).to_string());
        jsonl.push('\n');
    }
    let input = wd.write("many.jsonl", jsonl);
    let mut child = wd
        .command(&[
            "ingest",
            input.to_str().unwrap(),
            "--store",
            "crash.db",
            "-j",
            "1",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it while it writes: once it holds the store (its process id is in
    // the lock file; loading the models first takes a while in a debug
    // build on a busy machine) and has had time to commit some documents.
    // A kill after the ingest ended would prove nothing, so that fails.
    let lock = wd.path("crash.db/newskg.lock");
    let mine = format!(
        "{}
",
        child.id()
    );
    let started = std::time::Instant::now();
    while !std::fs::read_to_string(&lock).is_ok_and(|t| t.starts_with(&mine)) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest ended before it held the store"
        );
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "ingest never opened the store"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the ingest ended before the kill: the test would prove nothing"
    );
    let _ = child.kill();
    let _ = child.wait();

    let partial = r#"SELECT ?g { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), "/id/doc/"))
        FILTER NOT EXISTS { GRAPH ?g { ?g a <http://schema.org/NewsArticle> } } } LIMIT 1"#;
    let count = "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a <http://schema.org/NewsArticle> }";
    let out = wd.ok(&["query", partial, "--store", "crash.db", "--format", "tsv"]);
    assert_eq!(
        out.lines().count(),
        1,
        "a document graph without its document node:\n{out}"
    );
    let before = crate::util::parse_count(
        &wd.ok(&["query", count, "--store", "crash.db", "--format", "tsv"]),
    );
    assert!(before <= n);
    wd.ok(&["ingest", input.to_str().unwrap(), "--store", "crash.db"]);
    let after = crate::util::parse_count(
        &wd.ok(&["query", count, "--store", "crash.db", "--format", "tsv"]),
    );
    assert_eq!(after, n);
}

#[test]
fn stdin_is_read() {
    let wd = Workdir::new();
    let out = wd.output_with_stdin(
        &["ingest", "-", "--store", ":memory:"],
        b"Marco Rubio defended the terrorist designation.\n",
    );
    assert!(out.status.success());
    assert_contains!(String::from_utf8_lossy(&out.stdout), "1 new");
}

#[test]
fn the_summary_counts_the_repeated_paragraphs_dropped() {
    let wd = Workdir::new();
    // The first example article repeats its headline and four paragraphs.
    let out = wd.ok(&[
        "ingest",
        examples().to_str().unwrap(),
        "--store",
        ":memory:",
    ]);
    assert_contains!(
        out,
        "2 documents: 2 new, 0 unchanged, 0 replaced (5 repeated paragraphs dropped);"
    );
    // Short repeats are text, and stay.
    let file = wd.write(
        "letter.txt",
        "Sara,\n\nThe boat leaves at noon.\n\nSara,\n\nThe ferry office closes early on Fridays in winter.\n\n\
         The ferry office closes early on Fridays in winter.\n",
    );
    let out = wd.ok(&["ingest", file.to_str().unwrap(), "--store", ":memory:"]);
    assert_contains!(out, "(1 repeated paragraph dropped)");
}

/// Issue 9 item 8: a document whose analysis panics costs only itself: it
/// is reported as a failed input, every other document of the folder and of
/// the JSON Lines file is stored, and the exit code says something failed.
/// The panic is forced by the test hook `NEWSKG_TEST_PANIC_ON` (in every
/// build: CI tests the release one).
#[test]
fn a_panicking_document_costs_only_itself() {
    use crate::cli_extract::{run_with_a_panicking_article, write_articles_with_a_panicking_one};
    let wd = Workdir::new();
    write_articles_with_a_panicking_one(&wd);
    let out =
        run_with_a_panicking_article(&wd, &["ingest", "dir", "news.jsonl", "--store", "kg.db"]);
    assert_contains!(String::from_utf8_lossy(&out.stdout), "4 documents: 4 new");
    let sources = wd.ok(&[
        "query",
        "SELECT ?s { ?d a <http://schema.org/NewsArticle> ; <https://w3id.org/newskg/ns#source> ?s } ORDER BY ?s",
        "--store",
        "kg.db",
        "--format",
        "tsv",
    ]);
    assert_eq!(
        sources.lines().skip(1).collect::<Vec<_>>(),
        [
            "\"dir/a.txt\"",
            "\"dir/c.txt\"",
            "\"news.jsonl#r1\"",
            "\"news.jsonl#r3\""
        ],
        "{sources}"
    );
    // Without the hook the two skipped documents go in on the next run.
    let again = wd.ok(&["ingest", "dir", "news.jsonl", "--store", "kg.db"]);
    assert_contains!(again, "6 documents: 2 new, 4 unchanged");
}

/// Issue 14 item 4: the summary line gives the wall time and the rates;
/// progress goes to standard error only on a terminal, so a redirected run
/// prints nothing there; `--quiet` prints nothing at all and stores the same.
#[test]
fn the_summary_has_rates_and_quiet_prints_nothing() {
    let wd = Workdir::new();
    let articles = examples();
    let articles = articles.to_str().unwrap();
    let out = wd.output(&["ingest", articles, "--store", "kg.db"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_contains!(stdout, "2 documents: 2 new");
    assert_contains!(stdout, " documents/s, ");
    assert_contains!(stdout, " facts/s stored)\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let quiet = wd.output(&["ingest", articles, "--store", "quiet.db", "--quiet"]);
    assert!(quiet.status.success());
    assert_eq!(String::from_utf8_lossy(&quiet.stdout), "");
    assert_eq!(String::from_utf8_lossy(&quiet.stderr), "");
    assert_eq!(wd.quads("quiet.db"), wd.quads("kg.db"));
}

/// On a terminal (a pseudo-terminal made by util-linux `script`), the
/// progress line shows the rates and, the input's size being counted, how
/// many articles of how many; `--quiet` shows none.
#[test]
fn progress_shows_on_a_terminal_with_the_input_size() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` (util-linux) to make a terminal");
        return;
    }
    let wd = Workdir::new();
    let mut jsonl = String::new();
    for i in 0..300 {
        let text = format!(
            "Mira Santel of the Harbour Council said on Monday that bulletin {i} was late. \
             The council rejected the new timetable."
        );
        jsonl.push_str(&serde_json::json!({"id": format!("n{i}"), "text": text}).to_string());
        jsonl.push('\n');
    }
    wd.write("news.jsonl", jsonl);
    let on_terminal = |extra: &str| {
        let bin = env!("CARGO_BIN_EXE_newskg");
        let command = format!(
            "{bin} ingest news.jsonl --store kg{extra}.db -j 1 {extra} > summary{extra}.txt"
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(wd.path(""))
            .env("NEWSKG_MODELS", crate::util::models())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = on_terminal("");
    assert_contains!(shown, "/300 articles");
    assert_contains!(shown, " articles/s, ");
    assert_contains!(shown, " tokens/s, ");
    assert_contains!(shown, "ETA");
    assert_contains!(
        std::fs::read_to_string(wd.path("summary.txt")).unwrap(),
        "300 documents: 300 new"
    );
    let quiet = on_terminal("--quiet");
    assert!(!quiet.contains("articles"), "{quiet}");
}

/// The same content twice in one run, the second copy 140 articles after
/// the first: depending on timing and `--batch`, the first copy is stored,
/// or still in the batch being gathered, when the second comes. Either way
/// the second is unchanged and is not resolved again, so the store is the
/// one the input without it gives.
#[test]
fn a_repeat_within_a_run_is_unchanged_whenever_it_comes() {
    let line = |id: &str, i: usize| {
        let text = format!(
            "Mira Santel of the Harbour Council said on Monday that bulletin {i} was late. \
             Santel rejected the new timetable."
        );
        serde_json::json!({"id": id, "text": text}).to_string() + "\n"
    };
    let once: String = (0..150).map(|i| line(&format!("r{i}"), i)).collect();
    let twice = format!("{once}{}", line("again", 10));
    let (wd_once, wd_twice) = (Workdir::new(), Workdir::new());
    wd_once.write("news.jsonl", &once);
    wd_twice.write("news.jsonl", &twice);
    let reference = {
        wd_once.ok(&["ingest", "news.jsonl", "--store", "kg.db"]);
        wd_once.quads("kg.db")
    };
    for batch in ["1", "16", "1000"] {
        let store = format!("kg-{batch}.db");
        let out = wd_twice.ok(&["ingest", "news.jsonl", "--store", &store, "--batch", batch]);
        assert_contains!(out, "151 documents: 150 new, 1 unchanged, 0 replaced");
        assert_eq!(wd_twice.quads(&store), reference, "--batch {batch}");
    }
}
