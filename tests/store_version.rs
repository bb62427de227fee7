//! Issue 15 item 6: a store records its format and the newskg and models
//! that wrote it (`newskg.version` in the folder); a store of a newer format
//! is refused by name before anything touches it, and an older newskg's
//! store without a record still opens.

use crate::assert_contains;
use crate::util::{masked_quads, Workdir};

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
        &format!("store: format 3, last written by {ours}\nmodels of the last ingest: {models}\n")
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
        &format!("store: format 3, last written by {ours}\ndocuments")
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
    // A store without a record is format 1; a reader reads it as it is
    // and writes no record.
    assert_contains!(
        wd.ok(&["stats", "--store", "kg.db"]),
        "store: format 1 (no version record: written by an older newskg; the next ingest or load adds one)"
    );
    assert!(!wd.path("kg.db/newskg.version").exists());
    // A writer upgrades it to format 3 and records that.
    assert_contains!(wd.ingest_examples("kg.db"), "2 unchanged");
    assert_contains!(
        std::fs::read_to_string(wd.path("kg.db/newskg.version")).unwrap(),
        "format: 3\n"
    );
    // A damaged record names its file.
    wd.write("kg.db/newskg.version", "format: one\n");
    let out = wd.output(&["stats", "--store", "kg.db"]);
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "newskg: kg.db/newskg.version: unreadable store version record: line 1: format \"one\" is not a number"
    );
}

/// The counts store format 2 adds (`src/rdf/counts.rs`).
const COUNTS: [&str; 5] = [
    "nkg:entityCount",
    "nkg:factCount",
    "nkg:negatedFactCount",
    "nkg:totalMentions",
    "nkg:documentCount",
];

/// Deletes every quad of the stance links store format 3 adds (each link
/// node's quads, its type included), as a store of format 2 lacks them.
const DELETE_LINKS: &str =
    "DELETE { GRAPH ?g { ?l ?p ?o } } WHERE { GRAPH ?g { ?l a nkg:StanceLink ; ?p ?o } }";

/// Every file of the folder `dir` with its bytes, sorted by name.
fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Issue 14: a store of format 1 (no precomputed counts) is read as it is:
/// no reader writes anything to it. The named queries that read the counts
/// are refused with what to run; `newskg upgrade` (or any writer) adds the
/// counts, which are then those an ingest writes; `load` counts a format-1
/// dump as well.
#[test]
fn a_format_1_store_is_read_as_it_is_and_upgraded_only_by_a_writer() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let ingested = masked_quads(&wd, "kg.db");
    let most = wd.ok(&["query", "most-mentioned", "--store", "kg.db", "-f", "csv"]);
    let summary = wd.ok(&["query", "article-summary", "--store", "kg.db", "-f", "csv"]);
    assert!(most.lines().count() > 5 && summary.lines().count() == 3);
    // Format 1 as an older newskg wrote it: the same quads without the counts.
    let delete = format!(
        "DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ VALUES ?p {{ {} }} GRAPH ?g {{ ?s ?p ?o }} }}",
        COUNTS.join(" ")
    );
    wd.ok(&["query", &delete, "--allow-update", "--store", "kg.db"]);
    wd.ok(&["query", DELETE_LINKS, "--allow-update", "--store", "kg.db"]);
    let old = masked_quads(&wd, "kg.db");
    assert!(old.len() < ingested.len() && old.iter().all(|q| ingested.contains(q)));
    wd.write(
        "kg.db/newskg.version",
        "format: 1\nsoftware: newskg 0.0.9\n",
    );

    let before = files(&wd.path("kg.db"));
    assert_contains!(
        wd.ok(&["stats", "--store", "kg.db"]),
        "store: format 1, last written by newskg 0.0.9\n"
    );
    wd.ok(&["entities", "--store", "kg.db"]);
    assert_eq!(masked_quads(&wd, "kg.db"), old);
    wd.ok(&["query", "who-opposes", "--store", "kg.db"]);
    for (name, needed) in [
        ("most-mentioned", 2),
        ("article-summary", 2),
        ("co-mentioned", 2),
        ("stance-network", 3),
    ] {
        let out = wd.output(&["query", name, "--store", "kg.db"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("newskg: running the query: store kg.db has store format 1, written by an older newskg, and this query reads the counts store format {needed} adds: run `newskg upgrade --store kg.db` once (or ingest into the store: any writer upgrades it); reading never changes a store\n")
        );
    }
    // Readers wrote nothing: not the record, not a byte of RocksDB's files
    // (LOCK and newskg.lock hold no data).
    assert_eq!(files(&wd.path("kg.db")), before);
    // The server refuses the same queries with 409 Conflict and the same
    // advice, and answers the others.
    #[cfg(all(unix, feature = "rocksdb"))]
    {
        let server = crate::cli_serve::Server::start_on(&wd, "kg.db", &[]);
        for name in ["most-mentioned", "article-summary", "co-mentioned"] {
            let (status, body) = server.get(&format!("/query/{name}"), "text/csv");
            assert_eq!(status, 409, "{name}: {body}");
            assert_contains!(body, "run `newskg upgrade --store kg.db` once");
        }
        let (status, _) = server.get("/query/who-opposes", "text/csv");
        assert_eq!(status, 200);
        assert!(server.stop().success());
    }

    // A dump of it loaded into a new store is counted.
    let dump = wd.ok(&["export", "--format", "nq", "--store", "kg.db"]);
    wd.write("old.nq", dump);
    wd.ok(&["load", "old.nq", "--store", "loaded.db"]);
    assert_eq!(masked_quads(&wd, "loaded.db"), ingested);

    // The upgrade gives the quads the ingest gave, and the same answers.
    let out = wd.ok(&["upgrade", "--store", "kg.db"]);
    assert!(
        out.starts_with("store kg.db: upgraded from format 1 to format 3 in "),
        "{out}"
    );
    assert_contains!(
        std::fs::read_to_string(wd.path("kg.db/newskg.version")).unwrap(),
        "format: 3\n"
    );
    assert_eq!(masked_quads(&wd, "kg.db"), ingested);
    assert_eq!(
        wd.ok(&["query", "most-mentioned", "--store", "kg.db", "-f", "csv"]),
        most
    );
    assert_eq!(
        wd.ok(&["query", "article-summary", "--store", "kg.db", "-f", "csv"]),
        summary
    );
    assert_eq!(
        wd.ok(&["upgrade", "--store", "kg.db"]),
        "store kg.db: format 3 already; nothing to do\n"
    );
    let out = wd.output(&["upgrade", "--store", "none.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!wd.path("none.db").exists());
}

/// Store format 3 (issue 14): a store of format 2 has no stance links. It
/// answers every named query but stance-network, which says to upgrade;
/// the upgrade adds the links an ingest writes, and stance-network then
/// answers as on the ingested store.
#[test]
fn a_format_2_store_gets_its_stance_links_from_an_upgrade() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let ingested = masked_quads(&wd, "kg.db");
    assert!(
        ingested.iter().any(|q| q.contains("#StanceLink>")),
        "no stance link in the examples"
    );
    let network = wd.ok(&["query", "stance-network", "--store", "kg.db", "-f", "csv"]);
    assert!(network.lines().count() > 2, "{network}");
    // Format 2 as the newskg before it wrote it: the same quads without the links.
    wd.ok(&["query", DELETE_LINKS, "--allow-update", "--store", "kg.db"]);
    let old = masked_quads(&wd, "kg.db");
    assert!(old.len() < ingested.len() && old.iter().all(|q| ingested.contains(q)));
    wd.write(
        "kg.db/newskg.version",
        "format: 2\nsoftware: newskg 0.1.0\n",
    );
    let out = wd.output(&["query", "stance-network", "--store", "kg.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "newskg: running the query: store kg.db has store format 2, written by an older newskg, and this query reads the counts store format 3 adds: run `newskg upgrade --store kg.db` once (or ingest into the store: any writer upgrades it); reading never changes a store\n"
    );
    // The queries of format 2 answer as they did.
    let most = wd.ok(&["query", "most-mentioned", "--store", "kg.db", "-f", "csv"]);
    assert!(most.lines().count() > 5, "{most}");
    assert_eq!(masked_quads(&wd, "kg.db"), old);
    let out = wd.ok(&["upgrade", "--store", "kg.db"]);
    assert!(
        out.starts_with("store kg.db: upgraded from format 2 to format 3 in "),
        "{out}"
    );
    assert_eq!(masked_quads(&wd, "kg.db"), ingested);
    assert_eq!(
        wd.ok(&["query", "stance-network", "--store", "kg.db", "-f", "csv"]),
        network
    );
    // A dump of the format-2 store loaded into a new store gets the links.
    wd.write("kg.db/newskg.version", "format: 3\n");
    wd.ok(&["query", DELETE_LINKS, "--allow-update", "--store", "kg.db"]);
    let dump = wd.ok(&["export", "--format", "nq", "--store", "kg.db"]);
    wd.write("old.nq", dump);
    wd.ok(&["load", "old.nq", "--store", "loaded.db"]);
    assert_eq!(masked_quads(&wd, "loaded.db"), ingested);
}
