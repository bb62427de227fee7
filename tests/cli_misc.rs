use crate::assert_contains;
use crate::util::Workdir;

#[test]
fn stats_reports_counts_and_centrality() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let out = wd.ok(&["stats", "--store", "kg.db"]);
    for word in ["documents", "entities", "facts", "PageRank", "components"] {
        assert_contains!(out.to_lowercase(), word.to_lowercase());
    }
}

#[test]
fn entities_lists_aliases_and_mentions() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let out = wd.ok(&["entities", "--store", "kg.db"]);
    let line = out
        .lines()
        .find(|l| l.contains("\tClaudia Sheinbaum\t"))
        .unwrap_or_else(|| panic!("no Claudia Sheinbaum in:\n{out}"));
    assert_contains!(line, "Sheinbaum;");
    let persons = wd.ok(&["entities", "--type", "Person", "--store", "kg.db"]);
    assert!(
        persons
            .lines()
            .skip(1)
            .all(|l| l.split('\t').nth(1) == Some("Person")),
        "{persons}"
    );
}

#[test]
fn reading_commands_do_not_create_a_store() {
    let wd = Workdir::new();
    let out = wd.output(&["stats", "--store", "absent.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "no store at absent.db"
    );
    assert!(!wd.path("absent.db").exists());
}

#[test]
fn analyze_prints_conllu() {
    let wd = Workdir::new();
    let file = wd.write(
        "s.txt",
        "Mexico's president rejected the plan. She didn't sign it.",
    );
    let out = wd.ok(&["analyze", file.to_str().unwrap()]);
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(rows.iter().all(|r| r.split('\t').count() == 10), "{out}");
    assert_eq!(out.matches("# sent_id").count(), 2, "{out}");
    assert_eq!(
        rows.iter()
            .filter(|r| r.split('\t').nth(7) == Some("root"))
            .count(),
        2,
        "{out}"
    );
}

#[test]
fn analyze_bio_keeps_the_lines() {
    let wd = Workdir::new();
    let input = "-DOCSTART-\tO\n\nClaudia\tB-PER\nSheinbaum\tI-PER\nspoke\tO\n.\tO\n\nMexico\tB-LOC\nwaits\tO\n";
    let file = wd.write("g.txt", input);
    let out = wd.ok(&[
        "analyze",
        file.to_str().unwrap(),
        "--input",
        "tokens",
        "--format",
        "bio",
    ]);
    let got: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    let want: Vec<&str> = input
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(got, want);
    assert!(out.contains("Claudia\tB-PER"), "{out}");
}

/// Issue 10: CoNLL-2003's habits (a demonym as MISC, an event with its
/// year) only behind `--conventions conll`; the graph conventions are the
/// default, and the flag goes with `--format bio` only.
#[test]
fn analyze_bio_conventions() {
    let wd = Workdir::new();
    let input = "Mexican\tO\nfans\tO\nwatched\tO\nthe\tO\n1998\tO\nWorld\tO\nCup\tO\n.\tO\n";
    let file = wd.write("t.txt", input);
    let file = file.to_str().unwrap();
    let tags = |out: String| -> Vec<String> {
        out.lines()
            .map(|l| l.split('\t').nth(1).unwrap_or("").to_string())
            .collect()
    };
    let graph = wd.ok(&["analyze", file, "--input", "tokens", "--format", "bio"]);
    assert_eq!(
        tags(graph),
        ["O", "O", "O", "O", "O", "B-MISC", "I-MISC", "O"]
    );
    let conll = wd.ok(&[
        "analyze",
        file,
        "--input",
        "tokens",
        "--format",
        "bio",
        "--conventions",
        "conll",
    ]);
    assert_eq!(
        tags(conll),
        ["B-MISC", "O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"]
    );
    let out = wd.output(&["analyze", file, "--conventions", "conll"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format bio"));
}
