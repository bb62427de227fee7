//! The resolver snapshot (issue 14; `src/rdf/snapshot.rs`): an ingest
//! starts from the snapshot the previous one saved and ends with the graph
//! of an ingest that read the store; one that another writer made stale is
//! not used; a copy of the folder stays right; readers change neither the
//! snapshot nor the record.

use crate::util::{copy_dir, masked_quads, quad_difference, snapshot_token, Workdir};

/// Articles of our own making: people who share a surname, and later
/// articles naming them by surname only, so that how the later ones resolve
/// depends on the entities the earlier ones stored.
const FIRST: &str = "\
Ana Ruiz, the chief executive of Vantor, announced a new plant in Tollund on Monday.\n\
Jan Brandt, the mayor of Kessel, rejected the plan for the harbour.\n\
Mira Brandt, a lawyer for Vantor, defended the plant in Tollund.\n";

const SECOND: &str = "\
Ruiz said Vantor would hire two hundred workers in Tollund.\n\
Brandt, the mayor, said Kessel would not pay for the road.\n\
Vantor and Ana Ruiz thanked the council of Tollund.\n";

fn jsonl(articles: &str, prefix: &str) -> String {
    articles
        .lines()
        .enumerate()
        .map(|(i, text)| format!("{{\"id\": \"{prefix}{i}\", \"text\": {text:?}}}\n"))
        .collect()
}

/// The same two ingests into three stores: one that starts the second from
/// the snapshot the first saved, one whose snapshot was removed before the
/// second (so it reads the store), and a copy of the folder made between
/// them. All three end with the same quads; an ingest with nothing new
/// keeps the snapshot's token (it loaded the snapshot and saved nothing
/// new), and readers touch neither the record nor the snapshot.
#[test]
fn an_ingest_from_the_snapshot_ends_as_one_that_read_the_store() {
    let wd = Workdir::new();
    wd.write("first.jsonl", jsonl(FIRST, "f"));
    wd.write("second.jsonl", jsonl(SECOND, "s"));
    wd.ok(&["ingest", "first.jsonl", "--store", "kg.db"]);
    assert!(wd.path("kg.db/newskg.resolver").exists());
    let first = snapshot_token(&wd.path("kg.db")).expect("the ingest recorded its snapshot");

    copy_dir(&wd.path("kg.db"), &wd.path("copy.db"));
    copy_dir(&wd.path("kg.db"), &wd.path("scan.db"));
    std::fs::remove_file(wd.path("scan.db/newskg.resolver")).unwrap();
    for store in ["kg.db", "copy.db", "scan.db"] {
        wd.ok(&["ingest", "second.jsonl", "--store", store]);
    }
    let reference = masked_quads(&wd, "scan.db");
    for store in ["kg.db", "copy.db"] {
        let got = masked_quads(&wd, store);
        assert!(
            got == reference,
            "{store}: {}",
            quad_difference(("read the store", &reference), (store, &got))
        );
    }
    // The surname-only reports went to the people the first ingest stored.
    assert!(reference.iter().any(|q| q.contains("entity/jan-brandt")));

    let second = snapshot_token(&wd.path("kg.db")).expect("a new snapshot");
    assert_ne!(first, second);
    let out = wd.ok(&["ingest", "second.jsonl", "--store", "kg.db"]);
    assert!(out.contains("0 new, 3 unchanged"), "{out}");
    assert_eq!(snapshot_token(&wd.path("kg.db")), Some(second));

    let files = |store: &str| {
        ["newskg.version", "newskg.resolver"]
            .map(|f| std::fs::read(wd.path(store).join(f)).unwrap())
    };
    let before = files("kg.db");
    wd.ok(&["query", "ASK { ?s ?p ?o }", "--store", "kg.db"]);
    wd.ok(&["export", "--format", "nq", "--store", "kg.db"]);
    wd.ok(&["entities", "--store", "kg.db"]);
    assert!(
        files("kg.db") == before,
        "a reader changed the record or the snapshot"
    );
}

/// `newskg load` between two ingests stores an entity the snapshot does
/// not know; the next ingest does not use that snapshot, and a bare surname
/// in it resolves to the loaded person, as in a store that never had one.
#[test]
fn a_snapshot_made_stale_by_a_load_is_not_used() {
    let wd = Workdir::new();
    wd.write(
        "first.jsonl",
        jsonl(
            "Ana Ruiz, the chief executive of Vantor, opened a plant in Tollund.\n",
            "f",
        ),
    );
    wd.write(
        "loaded.jsonl",
        jsonl("Jan Brandt, the mayor of Kessel, rejected the plan.\n", "l"),
    );
    wd.write(
        "second.jsonl",
        jsonl("Brandt, the mayor, said Kessel would not pay.\n", "s"),
    );
    wd.ok(&["ingest", "loaded.jsonl", "--store", "other.db"]);
    let nq = wd.ok(&["export", "--format", "nq", "--store", "other.db"]);
    wd.write("loaded.nq", nq);
    for store in ["kg.db", "ref.db"] {
        wd.ok(&["ingest", "first.jsonl", "--store", store]);
        assert!(snapshot_token(&wd.path(store)).is_some());
        wd.ok(&["load", "loaded.nq", "--store", store]);
        assert_eq!(
            snapshot_token(&wd.path(store)),
            None,
            "the load's open took the token out"
        );
    }
    // The reference reads the store without any snapshot file there.
    std::fs::remove_file(wd.path("ref.db/newskg.resolver")).unwrap();
    assert!(wd.path("kg.db/newskg.resolver").exists());
    for store in ["kg.db", "ref.db"] {
        wd.ok(&["ingest", "second.jsonl", "--store", store]);
    }
    let (got, reference) = (masked_quads(&wd, "kg.db"), masked_quads(&wd, "ref.db"));
    assert!(
        got == reference,
        "{}",
        quad_difference(("no snapshot", &reference), ("stale snapshot", &got))
    );
    // The second ingest's document mentions the loaded Jan Brandt.
    let mentions = wd.ok(&[
        "query",
        "SELECT ?e { GRAPH ?g { ?g <http://schema.org/mentions> ?e . ?g <https://w3id.org/newskg/ns#source> ?s } FILTER(CONTAINS(STR(?s), \"second\")) }",
        "--store",
        "kg.db",
        "--format",
        "tsv",
    ]);
    assert!(mentions.contains("entity/jan-brandt"), "{mentions}");
}
