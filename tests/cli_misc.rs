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
fn analyze_keeps_every_paragraph_repeats_included() {
    // A letter's greeting and a long paragraph, each said twice: analysis
    // must give back every character of the input (scorers align on it).
    let text = "Sara,\n\nThe boat leaves at noon.\n\nSara,\n\n\
                The ferry office closes early on Fridays in winter.\n\n\
                The ferry office closes early on Fridays in winter.\n";
    let wd = Workdir::new();
    let file = wd.write("letter.txt", text);
    let out = wd.ok(&["analyze", file.to_str().unwrap()]);
    let forms: String = out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| !l.split('\t').next().unwrap_or("").contains('-'))
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    let want: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(forms, want, "{out}");
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

/// Issue 9 item 9: `--type` matches what the type column prints (a subtype
/// such as Country) as well as the coarse type, and an unknown type is an
/// error listing the types there are.
#[test]
fn entities_type_filter_matches_the_type_column() {
    let wd = Workdir::new();
    wd.ingest_examples("kg.db");
    let all = wd.ok(&["entities", "--store", "kg.db"]);
    let column = |table: &str| -> Vec<String> {
        table
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').nth(1))
            .map(str::to_owned)
            .collect()
    };
    let countries = all
        .lines()
        .filter(|l| l.split('\t').nth(1) == Some("Country"))
        .count();
    assert!(countries > 0, "no Country in the example store:\n{all}");
    for name in ["Country", "country"] {
        let only = wd.ok(&["entities", "--type", name, "--store", "kg.db"]);
        assert_eq!(
            column(&only),
            vec!["Country".to_string(); countries],
            "{only}"
        );
    }
    // A country is a Place too.
    let places = column(&wd.ok(&["entities", "--type", "Place", "--store", "kg.db"]));
    assert!(places.iter().filter(|t| *t == "Country").count() == countries);
    let out = wd.output(&["entities", "--type", "Cuntry", "--store", "kg.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "newskg: unknown --type \"Cuntry\": the entity types in kg.db are Person, Organization, Place, Misc, Country"
    );
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
