//! Issue 15 item 6: a store records its format and the newskg and models
//! that wrote it (`newskg.version` in the folder); a store of a newer format
//! is refused by name before anything touches it, and an older newskg's
//! store without a record still opens.

use crate::assert_contains;
use crate::util::Workdir;

/// Every command that opens a store, readers and writers.
fn every_command(wd: &Workdir) -> Vec<Vec<String>> {
    let articles = crate::util::examples().display().to_string();
    let dump = wd.path("dump.nq").display().to_string();
    [
        vec!["stats"],
        vec!["entities"],
        vec!["query", "ASK { ?s ?p ?o }"],
        vec!["export", "--format", "nq"],
        vec!["ingest", &articles],
        vec!["load", &dump],
    ]
    .into_iter()
    .map(|args| {
        let mut args: Vec<String> = args.into_iter().map(str::to_owned).collect();
        args.extend(["--store".to_owned(), "kg.db".to_owned()]);
        args
    })
    .collect()
}

#[test]
fn a_store_records_its_format_and_writers_and_round_trips() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let record = std::fs::read_to_string(wd.path("kg.db/newskg.version")).unwrap();
    let ours = format!("newskg {}", env!("CARGO_PKG_VERSION"));
    assert_contains!(record, &format!("format: {}\n", newskg::rdf::STORE_FORMAT));
    assert_contains!(record, &format!("software: {ours}\n"));
    // The models line is the provenance the ingest stored with each document.
    let models = record
        .lines()
        .find_map(|l| l.strip_prefix("models: "))
        .unwrap()
        .to_owned();
    assert!(
        models.starts_with("facts=") && !models.contains("unreadable"),
        "{models}"
    );
    let stats = wd.ok(&["stats", "--store", "kg.db"]);
    assert_contains!(
        stats,
        &format!("store: format 2, last written by {ours}\nmodels of the last ingest: {models}\n")
    );
    // Reopened to write and to read, it is the same store.
    let quads = wd.quads("kg.db");
    assert_contains!(wd.ingest_examples("kg.db"), "2 unchanged");
    assert_eq!(wd.quads("kg.db"), quads);
    // An export loaded into a new store: that store is stamped by the
    // newskg loading it, with no models (nothing was analysed there).
    let dump = wd.ok(&["export", "--format", "nq", "--store", "kg.db"]);
    wd.write("dump.nq", dump);
    wd.ok(&["load", "dump.nq", "--store", "copy.db"]);
    assert_eq!(wd.quads("copy.db"), quads);
    let stats = wd.ok(&["stats", "--store", "copy.db"]);
    assert_contains!(
        stats,
        &format!("store: format 2, last written by {ours}\ndocuments")
    );
}

#[test]
fn a_store_of_a_newer_format_is_refused_and_left_alone() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let dump = wd.ok(&["export", "--format", "nq", "--store", "kg.db"]);
    wd.write("dump.nq", dump);
    let quads = wd.quads("kg.db");
    let future = newskg::rdf::STORE_FORMAT + 1;
    let record = format!("format: {future}\nsoftware: newskg 99.0.0\nmodels: facts=00\n");
    wd.write("kg.db/newskg.version", &record);
    let expected = format!(
        "newskg: store kg.db has store format {future} (written by newskg 99.0.0), newer than newskg {} reads (format {} at most): use that newskg or a newer one, or export the store with it",
        env!("CARGO_PKG_VERSION"),
        newskg::rdf::STORE_FORMAT
    );
    for args in every_command(&wd) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = wd.output(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_contains!(stderr, &expected);
    }
    // Nothing was written: the record is the newer newskg's still, and with
    // ours put back the store holds what it held.
    assert_eq!(
        std::fs::read_to_string(wd.path("kg.db/newskg.version")).unwrap(),
        record
    );
    wd.write("kg.db/newskg.version", "format: 1\n");
    assert_eq!(wd.quads("kg.db"), quads);
}

#[test]
fn a_store_without_a_record_opens_and_gets_one() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    std::fs::remove_file(wd.path("kg.db/newskg.version")).unwrap();
    assert_contains!(
        wd.ok(&["stats", "--store", "kg.db"]),
        "store: format 2, last written by newskg"
    );
    // A store without a record is format 1: even a reader upgrades it to
    // format 2 (the precomputed counts the named queries read), which
    // writes the record.
    assert!(wd.path("kg.db/newskg.version").exists());
    assert_contains!(wd.ingest_examples("kg.db"), "2 unchanged");
    assert_contains!(
        std::fs::read_to_string(wd.path("kg.db/newskg.version")).unwrap(),
        "format: 2\n"
    );
    // A damaged record names its file.
    wd.write("kg.db/newskg.version", "format: one\n");
    let out = wd.output(&["stats", "--store", "kg.db"]);
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "newskg: kg.db/newskg.version: unreadable store version record: line 1: format \"one\" is not a number"
    );
}
