use crate::assert_contains;
use crate::util::Workdir;

fn example_store() -> Workdir {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    wd
}

/// Turtle, TriG and N-Quads re-import into a fresh store with the same quad count.
#[test]
fn rdf_exports_round_trip() {
    let wd = example_store();
    let quads = wd.quads("kg.db");
    for (format, file) in [("trig", "kg.trig"), ("nq", "kg.nq")] {
        wd.ok(&["export", "--format", format, "-o", file, "--store", "kg.db"]);
        let store = format!("{format}.db");
        wd.ok(&["load", file, "--store", &store]);
        assert_eq!(wd.quads(&store), quads, "{format}");
    }
    // Turtle has no graphs: it holds the union, so compare with the distinct triples.
    wd.ok(&[
        "export", "--format", "ttl", "-o", "kg.ttl", "--store", "kg.db",
    ]);
    wd.ok(&["load", "kg.ttl", "--store", "ttl.db"]);
    let triples = crate::util::parse_count(&wd.ok(&[
        "query",
        "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }",
        "--store",
        "kg.db",
        "--format",
        "tsv",
    ]));
    let loaded = crate::util::parse_count(&wd.ok(&[
        "query",
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
        "--store",
        "ttl.db",
        "--format",
        "tsv",
    ]));
    assert_eq!(loaded, triples);
    for format in ["nt", "rdfxml", "jsonld"] {
        let out = wd.ok(&["export", "--format", format, "--store", "kg.db"]);
        assert!(out.len() > 100, "{format}");
    }
}

#[test]
fn dot_is_accepted_by_graphviz_and_stable() {
    let wd = example_store();
    let dot = wd.ok(&["export", "--format", "dot", "--store", "kg.db"]);
    assert_eq!(
        dot,
        wd.ok(&["export", "--format", "dot", "--store", "kg.db"]),
        "DOT output not stable"
    );
    assert_contains!(dot, "digraph");
    assert_contains!(dot, "dashed"); // the negated White House fact
    if std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("skipped: Graphviz `dot` not installed");
        return;
    }
    let svg = wd.ok(&["export", "--format", "svg", "--store", "kg.db"]);
    assert_contains!(svg, "<svg");
    let ego = wd.ok(&[
        "export",
        "--format",
        "dot",
        "--entity",
        "Claudia Sheinbaum",
        "--depth",
        "1",
        "--store",
        "kg.db",
    ]);
    assert!(ego.len() < dot.len());
    assert_contains!(ego, "Claudia Sheinbaum");
}

#[test]
fn graphml_is_well_formed() {
    let wd = example_store();
    let xml = wd.ok(&["export", "--format", "graphml", "--store", "kg.db"]);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut nodes = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e)) if e.name().as_ref() == b"node" => nodes += 1,
            Ok(_) => {}
            Err(e) => panic!(
                "GraphML not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert!(nodes >= 5, "{nodes} nodes");
}

#[test]
fn csv_and_json_exports() {
    let wd = example_store();
    wd.ok(&["export", "--format", "csv", "-o", "csv", "--store", "kg.db"]);
    let nodes = std::fs::read_to_string(wd.path("csv/nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(wd.path("csv/edges.csv")).unwrap();
    assert_contains!(nodes.lines().next().unwrap(), ":ID");
    assert_contains!(edges.lines().next().unwrap(), ":START_ID");
    let json = wd.ok(&["export", "--format", "json", "--store", "kg.db"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["nodes"].as_array().unwrap().len() >= 5);
    assert!(!v["links"].as_array().unwrap().is_empty());
}
