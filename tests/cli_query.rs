use crate::assert_contains;
use crate::util::Workdir;

fn example_store() -> Workdir {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    wd
}

/// Issue 2: who opposes what returns Claudia Sheinbaum → an intervention concept.
#[test]
fn sheinbaum_opposes_intervention() {
    let wd = example_store();
    let out = wd.ok(&[
        "query",
        "who-opposes",
        "--store",
        "kg.db",
        "--format",
        "csv",
    ]);
    let hit = out.lines().any(|l| {
        l.contains("Claudia Sheinbaum") && (l.contains("intervention") || l.contains("invasion"))
    });
    assert!(hit, "no Sheinbaum → intervention row in:\n{out}");
}

/// The White House did NOT confirm the directive: a negated statement, never a
/// direct triple.
#[test]
fn white_house_confirm_is_only_negated() {
    let wd = example_store();
    let negated = wd.ok(&[
        "query",
        "negated-facts",
        "--store",
        "kg.db",
        "--format",
        "csv",
    ]);
    assert!(
        negated
            .lines()
            .any(|l| l.contains("White House") && l.contains("confirm")),
        "no negated White House confirm fact in:\n{negated}"
    );
    let ask = r#"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        ASK { ?s ?p ?o . ?s rdfs:label "White House" . ?p rdfs:label "confirm" }"#;
    wd.expect(&["query", ask, "--store", "kg.db"], 1);
    let ask_true = "ASK { ?s ?p ?o }";
    wd.expect(&["query", ask_true, "--store", "kg.db"], 0);
}

/// Every named query parses and runs on the example graph.
#[test]
fn every_named_query_runs() {
    let wd = example_store();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "rq").then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "only {} named queries", names.len());
    for name in names {
        let mut args = vec![
            "query",
            name.as_str(),
            "--store",
            "kg.db",
            "--format",
            "json",
        ];
        if name == "facts-about" {
            args.extend(["--param", "entity=Claudia Sheinbaum"]);
        }
        let out = wd.output(&args);
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{name}: not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        });
    }
}

#[test]
fn facts_about_an_entity_with_evidence() {
    let wd = example_store();
    let out = wd.ok(&[
        "query",
        "facts-about",
        "--param",
        "entity=Marco Rubio",
        "--store",
        "kg.db",
        "--format",
        "tsv",
    ]);
    assert_contains!(out, "defend");
    assert_contains!(out, "designation");
}

#[test]
fn parameters_cannot_inject() {
    let wd = example_store();
    // A value that would close the literal and add a pattern if pasted.
    let evil = r#"entity=x" } UNION { ?s ?p ?o } #"#;
    let out = wd.ok(&[
        "query",
        "facts-about",
        "--param",
        evil,
        "--store",
        "kg.db",
        "--format",
        "tsv",
    ]);
    assert_eq!(out.lines().count(), 1, "injection returned rows:\n{out}");
}

#[test]
fn syntax_error_points_at_line_and_column() {
    let wd = example_store();
    let out = wd.output(&["query", "SELECT ?s\nWHERE { ?s ?p }", "--store", "kg.db"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_contains!(err, "line 2");
}

#[test]
fn query_from_file_and_stdin_and_formats() {
    let wd = example_store();
    let file = wd.write(
        "q.rq",
        "SELECT (COUNT(*) AS ?n) { ?s a <http://schema.org/Person> }",
    );
    for format in ["table", "csv", "tsv", "json", "xml"] {
        let out = wd.ok(&[
            "query",
            file.to_str().unwrap(),
            "--store",
            "kg.db",
            "--format",
            format,
        ]);
        assert!(!out.is_empty(), "{format}: empty output");
    }
    let out = wd.ok(&[
        "query",
        "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 3",
        "--store",
        "kg.db",
        "--format",
        "nt",
    ]);
    assert_eq!(out.lines().count(), 3, "{out}");
    let out = wd.output_with_stdin(
        &["query", "-", "--store", "kg.db", "--format", "csv"],
        b"SELECT ?x { BIND(1 AS ?x) }",
    );
    assert!(out.status.success());
    assert_contains!(String::from_utf8_lossy(&out.stdout), "x");
}

/// Issue 9 item 9: a named query run without the parameter it declares is
/// an error naming the parameter, not an empty table with exit 0.
#[test]
fn a_missing_param_is_an_error_naming_it() {
    let wd = example_store();
    let out = wd.output(&["query", "facts-about", "--store", "kg.db"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_contains!(
        stderr,
        "newskg: queries/facts-about.rq: missing --param entity=VALUE: the entity"
    );
    assert!(out.stdout.is_empty());
}

/// Issue 9 item 9: the id `newskg entities` prints names the entity in
/// `--param entity=…`, as do its label and its IRI in every spelling.
#[test]
fn facts_about_takes_the_id_entities_prints() {
    let wd = example_store();
    let entities = wd.ok(&["entities", "--store", "kg.db"]);
    let id = entities
        .lines()
        .find(|l| l.contains("\tMarco Rubio\t"))
        .and_then(|l| l.split('\t').next())
        .unwrap_or_else(|| panic!("no Marco Rubio in:\n{entities}"));
    let facts = |value: &str| {
        wd.ok(&[
            "query",
            "facts-about",
            "--param",
            &format!("entity={value}"),
            "--store",
            "kg.db",
            "--format",
            "tsv",
        ])
    };
    let by_label = facts("Marco Rubio");
    assert!(by_label.lines().count() > 1, "{by_label}");
    let iri = format!("https://w3id.org/newskg/id/entity/{id}");
    for value in [
        id.to_string(),
        format!("entity:{id}"),
        format!("id:entity/{id}"),
        iri.clone(),
        format!("<{iri}>"),
    ] {
        assert_eq!(facts(&value), by_label, "--param entity={value}");
    }
}
