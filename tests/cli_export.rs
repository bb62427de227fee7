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

/// Issue 12: without Graphviz, SVG comes from the built-in layout; PNG, which
/// only Graphviz draws, is an error naming it and leaves no file behind.
#[test]
fn svg_without_graphviz_uses_the_built_in_layout_and_png_is_an_error() {
    let wd = example_store();
    let empty_path = wd.path("no-programs");
    std::fs::create_dir_all(&empty_path).unwrap();
    let run = |format: &str, file: &str| {
        wd.command(&["export", "--format", format, "-o", file, "--store", "kg.db"])
            .env("PATH", &empty_path)
            .output()
            .unwrap()
    };
    let out = run("svg", "graph.svg");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(wd.path("graph.svg")).unwrap();
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    assert_contains!(svg, "Claudia Sheinbaum");
    let out = run("png", "graph.png");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_contains!(stderr, "Graphviz `dot` not found on PATH");
    let left: Vec<String> = std::fs::read_dir(wd.path("."))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "kg.db" && n != "no-programs" && n != "graph.svg")
        .collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

/// Issue 9 item 9: the node-link JSON holds the edges under both names
/// (`edges` for networkx ≥ 3.6, `links` before and for d3), and networkx,
/// when installed, reads it with its defaults.
#[test]
fn json_is_read_by_networkx() {
    let wd = example_store();
    wd.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        "graph.json",
        "--store",
        "kg.db",
    ]);
    let json = std::fs::read_to_string(wd.path("graph.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let nodes = v["nodes"].as_array().unwrap().len();
    let edges = v["edges"].as_array().unwrap().len();
    assert!(nodes >= 5 && edges > 0, "{nodes} nodes, {edges} edges");
    assert_eq!(v["edges"], v["links"]);
    let script = "import json, sys\n\
                  import networkx as nx\n\
                  g = nx.node_link_graph(json.load(open(sys.argv[1])))\n\
                  print(nx.__version__, g.number_of_nodes(), g.number_of_edges())\n";
    let run = std::process::Command::new("python3")
        .args(["-c", script, "graph.json"])
        .current_dir(wd.path("."))
        .output();
    let out = match run {
        Ok(out) if out.status.success() => out,
        Ok(out) if String::from_utf8_lossy(&out.stderr).contains("No module named 'networkx'") => {
            eprintln!("skipped: python3 has no networkx (pip install networkx)");
            return;
        }
        Ok(out) => panic!(
            "networkx could not read the export:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => {
            eprintln!("skipped: python3 not installed");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let fields: Vec<&str> = stdout.split_whitespace().collect();
    assert_eq!(
        fields[1..],
        [nodes.to_string(), edges.to_string()],
        "networkx {}",
        fields[0]
    );
}
