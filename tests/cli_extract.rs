use crate::assert_contains;
use crate::util::{examples, shared, Workdir};

fn lines(jsonl: &str) -> Vec<serde_json::Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The fact lines `extract --format jsonl` prints for `input`.
fn extracted_facts(wd: &Workdir, input: &std::path::Path) -> Vec<serde_json::Value> {
    let out = wd.ok(&["extract", input.to_str().unwrap(), "--format", "jsonl"]);
    lines(&out)
        .into_iter()
        .filter(|r| r["kind"] == "fact")
        .collect()
}

/// The "say" fact of `speaker` among `facts`.
fn said_by<'a>(facts: &'a [serde_json::Value], speaker: &str) -> &'a serde_json::Value {
    facts
        .iter()
        .find(|f| f["relation"] == "say" && f["subject"]["label"] == speaker)
        .unwrap_or_else(|| panic!("{facts:?}"))
}

/// The JSONL contract of DESIGN.md: entities first, then facts, with every
/// field; ids of fact sides point at entity lines.
#[test]
fn jsonl_follows_the_contract() {
    let wd = Workdir::new();
    let out = wd.ok(&["extract", examples().to_str().unwrap(), "--format", "jsonl"]);
    let records = lines(&out);
    let first_fact = records
        .iter()
        .position(|r| r["kind"] == "fact")
        .expect("no fact");
    assert!(records[..first_fact].iter().all(|r| r["kind"] == "entity"));
    assert!(records[first_fact..].iter().all(|r| r["kind"] == "fact"));
    let entity_ids: std::collections::HashSet<&str> = records[..first_fact]
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(entity_ids.len(), first_fact, "an entity printed twice");
    for e in &records[..first_fact] {
        for key in ["id", "label", "type", "aliases", "mentions"] {
            assert!(!e[key].is_null(), "entity without {key}: {e}");
        }
    }
    for f in &records[first_fact..] {
        for key in [
            "doc",
            "subject",
            "relation",
            "object",
            "negated",
            "modality",
            "confidence",
            "sentence",
            "char_start",
            "char_end",
        ] {
            assert!(f.get(key).is_some(), "fact without {key}: {f}");
        }
        assert!(f.get("stance").is_some() && f.get("attributed_to").is_some());
        for side in ["subject", "object"] {
            let s = &f[side];
            assert!(
                s["id"].is_string() && s["label"].is_string() && s["type"].is_string(),
                "{f}"
            );
            if s["type"] == "Statement" {
                // A link to the fact a clause states: a statement node, and
                // its words are those of a fact of the same document.
                assert!(s["id"].as_str().unwrap().contains("/id/fact/"), "{f}");
                // (A hedged fact's words carry its modal after the subject:
                // "troops will not engage in operations".)
                let words = |g: &serde_json::Value, modal: &str| {
                    let not = if g["negated"] == true { " not" } else { "" };
                    format!(
                        "{}{modal}{not} {} {}",
                        g["subject"]["label"].as_str().unwrap_or(""),
                        g["relation"].as_str().unwrap_or(""),
                        g["object"]["label"].as_str().unwrap_or("")
                    )
                };
                let modals = [
                    "", " will", " would", " can", " could", " may", " might", " must", " should",
                    " shall", " ought",
                ];
                assert!(
                    records[first_fact..].iter().any(|g| g["doc"] == f["doc"]
                        && modals.iter().any(|m| {
                            (m.is_empty() || g["modality"] == "Possible")
                                && words(g, m) == s["label"]
                        })),
                    "statement links to no fact: {f}"
                );
            } else if s["type"] != "Concept" {
                assert!(
                    entity_ids.contains(s["id"].as_str().unwrap()),
                    "dangling id in {f}"
                );
            }
        }
    }
}

/// char_start..char_end (characters, not bytes) slice the sentence out of the text.
#[test]
fn char_offsets_slice_the_sentence() {
    let wd = Workdir::new();
    let text = "Der Bürgermeister – “Señor” López – spoke first. Mexican President Claudia Sheinbaum rejected any U.S. military intervention. Marco Rubio defended the designation.";
    let file = wd.write("a.txt", text);
    let out = wd.ok(&["extract", file.to_str().unwrap()]);
    let chars: Vec<char> = text.chars().collect();
    let facts: Vec<_> = lines(&out)
        .into_iter()
        .filter(|r| r["kind"] == "fact")
        .collect();
    assert!(!facts.is_empty());
    for f in facts {
        let (s, e) = (
            f["char_start"].as_u64().unwrap() as usize,
            f["char_end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, f["sentence"].as_str().unwrap());
    }
}

#[test]
fn tsv_has_a_header_and_one_line_per_fact() {
    let wd = Workdir::new();
    let out = wd.ok(&["extract", examples().to_str().unwrap(), "--format", "tsv"]);
    assert!(out.starts_with("doc\tsubject\t"));
    assert!(
        out.lines().skip(1).all(|l| l.split('\t').count() == 14),
        "{out}"
    );
}

#[test]
fn turtle_and_nquads_without_a_store() {
    let wd = Workdir::new();
    let ttl = wd.ok(&["extract", examples().to_str().unwrap(), "--format", "ttl"]);
    assert_contains!(ttl, "@prefix");
    let nq = wd.ok(&["extract", examples().to_str().unwrap(), "--format", "nq"]);
    assert!(nq.lines().all(|l| l.ends_with(" .")));
}

/// The gold facts of the example articles, scored by the shared scorer.
/// Thresholds are what this version reaches (see the README); a drop fails.
#[test]
fn seeds_gold_scores() {
    let Some(shared) = shared() else { return };
    let wd = Workdir::new();
    let out = wd.ok(&["extract", examples().to_str().unwrap(), "--format", "jsonl"]);
    let sys = wd.write("sys.jsonl", out);
    let score = std::process::Command::new("python3")
        .arg(shared.join("tools/score_facts.py"))
        .arg(shared.join("gold/seeds.json"))
        .arg(&sys)
        .arg("--json")
        .output()
        .expect("python3");
    let v: serde_json::Value = serde_json::from_slice(&score.stdout).unwrap();
    let s = &v["summary"];
    eprintln!("seeds: {s}");
    assert!(
        s["entities_found"].as_u64().unwrap() >= MIN_ENTITIES_FOUND,
        "{s}"
    );
    assert!(s["entities_split"].as_u64().unwrap() == 0, "{s}");
    assert!(
        s["fact_recall_tier1"].as_f64().unwrap() >= MIN_TIER1_RECALL,
        "{s}"
    );
    assert!(
        s["fact_recall_tier2"].as_f64().unwrap() >= MIN_TIER2_RECALL,
        "{s}"
    );
    assert_eq!(s["contradictions"].as_array().unwrap().len(), 0, "{s}");
    assert_eq!(s["ungrounded_facts"].as_u64().unwrap(), 0, "{s}");
}

const MIN_ENTITIES_FOUND: u64 = 10;
const MIN_TIER1_RECALL: f64 = 1.0;
/// The entity-anchored default (issue 11) leaves out facts whose subject is
/// a bare concept ("successful partnerships led to a decrease") and quotes
/// whose subject is an unresolved "we": 22 of 27 seed facts, 0.815. The
/// open reading (`--all`) keeps them; the target is 0.85.
const MIN_TIER2_RECALL: f64 = 0.8;

/// Issue 9 item 8: a sentence ending in a lone capitalised "The" used to
/// panic (exit 101).
#[test]
fn a_sentence_ending_in_the_is_extracted() {
    let wd = Workdir::new();
    let out = wd.output_with_stdin(&["extract", "-"], b"We watched The\n");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What a denial introduces is labelled as the words denied, while the
/// fact it links to is the denier's negated claim.
#[test]
fn a_denial_shows_what_was_denied() {
    let wd = Workdir::new();
    let input = wd.write(
        "denial.txt",
        "Ola Lind denied that Vantor had sold the Tollund mill.\n",
    );
    let out = wd.ok(&["extract", input.to_str().unwrap(), "--format", "jsonl"]);
    let facts: Vec<_> = lines(&out)
        .into_iter()
        .filter(|r| r["kind"] == "fact")
        .collect();
    let denial = facts
        .iter()
        .find(|f| f["relation"] == "deny")
        .unwrap_or_else(|| panic!("{facts:?}"));
    assert_eq!(
        denial["object"]["label"], "Vantor sell Tollund mill",
        "{denial}"
    );
    let claim = facts
        .iter()
        .find(|f| f["relation"] == "sell")
        .unwrap_or_else(|| panic!("{facts:?}"));
    assert_eq!(claim["negated"], true, "{claim}");
    assert_eq!(claim["attributed_to"]["label"], "Ola Lind", "{claim}");
}

/// What a statement reports keeps its modal ("could buy", "will not
/// sell"): without it a forecast or a plan reads as an event. The
/// reported fact itself is Possible.
#[test]
fn a_statement_keeps_the_modal_of_what_it_reports() {
    let wd = Workdir::new();
    let input = wd.write(
        "forecast.txt",
        "Ana Ruiz said Vantor could buy the Harlow plant next year. \
         Jan Brandt said Kessel won't sell its stake in Tansford.\n",
    );
    let facts = extracted_facts(&wd, &input);
    let said = |speaker: &str| said_by(&facts, speaker);
    assert_eq!(
        said("Ana Ruiz")["object"]["label"],
        "Vantor could buy Harlow plant"
    );
    assert_eq!(
        said("Jan Brandt")["object"]["label"],
        "Kessel will not sell stake in Tansford"
    );
    let buy = facts
        .iter()
        .find(|f| f["relation"] == "buy")
        .unwrap_or_else(|| panic!("{facts:?}"));
    assert_eq!(buy["modality"], "Possible", "{buy}");
}

/// What a statement reports keeps its condition ("would buy ... if the
/// board agreed"): without it a conditional forecast reads as a plain one.
#[test]
fn a_statement_keeps_the_condition_of_what_it_reports() {
    let wd = Workdir::new();
    let input = wd.write(
        "condition.txt",
        "Ana Ruiz said Vantor would buy the Harlow plant if the board agreed. \
         Jan Brandt said Kessel will sell its stake unless Tollund pays more. \
         Ola Lind said Harlow would raise prices if there were no new taxes.\n",
    );
    let facts = extracted_facts(&wd, &input);
    let said = |speaker: &str| said_by(&facts, speaker);
    assert_eq!(
        said("Ana Ruiz")["object"]["label"],
        "Vantor would buy Harlow plant if board agreed"
    );
    assert_eq!(
        said("Jan Brandt")["object"]["label"],
        "Kessel will sell stake unless Tollund pays more"
    );
    assert_eq!(
        said("Ola Lind")["object"]["label"],
        "Harlow would raise prices if there were no new taxes"
    );
}

/// A relation that carries what the verb makes of its object ("urge to
/// resign", "name chief executive") reads, inside a statement, with the
/// object after its verb: "Vantor urge Jan Brandt to resign", not "Vantor
/// urge to resign Jan Brandt".
#[test]
fn a_statement_reads_the_object_inside_a_relation_that_carries_it() {
    let wd = Workdir::new();
    let input = wd.write(
        "urged.txt",
        "Ana Ruiz said Vantor had urged Jan Brandt to resign. \
         Ola Lind said Kessel asked Tom Reyes to sell the mill.\n",
    );
    let facts = extracted_facts(&wd, &input);
    let said = |speaker: &str| said_by(&facts, speaker);
    assert_eq!(
        said("Ana Ruiz")["object"]["label"],
        "Vantor urge Jan Brandt to resign"
    );
    assert_eq!(
        said("Ola Lind")["object"]["label"],
        "Kessel ask Tom Reyes to sell mill"
    );
    assert!(
        facts
            .iter()
            .any(|f| f["relation"] == "ask to sell mill" && f["object"]["label"] == "Tom Reyes"),
        "{facts:?}"
    );
}

/// What a speaker says may be a verb with no object ("said the talks had
/// broken down"): the statement shows it as its object; the fact it links
/// to, with no object of its own, is no line of the output, and the RDF
/// holds its node with no object and no direct triple.
#[test]
fn a_statement_of_a_verb_with_no_object() {
    let wd = Workdir::new();
    let input = wd.write(
        "talks.txt",
        "Ana Ruiz said the Tansford talks had broken down.\n",
    );
    let out = wd.ok(&["extract", input.to_str().unwrap(), "--format", "jsonl"]);
    let facts: Vec<_> = lines(&out)
        .into_iter()
        .filter(|r| r["kind"] == "fact")
        .collect();
    let said = facts
        .iter()
        .find(|f| f["relation"] == "say")
        .unwrap_or_else(|| panic!("{facts:?}"));
    assert_eq!(
        said["object"]["label"], "Tansford talks break down",
        "{said}"
    );
    assert_eq!(said["object"]["type"], "Statement", "{said}");
    assert!(
        facts.iter().all(|f| f["object"]["type"] != "Absent"),
        "{facts:?}"
    );
    let nq = wd.ok(&["extract", input.to_str().unwrap(), "--format", "nq"]);
    let content = said["object"]["id"].as_str().unwrap_or_default();
    assert!(!content.is_empty(), "{said}");
    assert!(
        nq.contains(&format!(
            "<{content}> <https://w3id.org/newskg/ns#predicate>"
        )),
        "{nq}"
    );
    assert!(
        !nq.contains(&format!("<{content}> <https://w3id.org/newskg/ns#object>")),
        "{nq}"
    );
    assert!(
        !nq.lines().any(
            |l| l.starts_with("<https://w3id.org/newskg/id/concept/tansford-talks> <")
                && l.contains("rel/break-down> ")
        ),
        "no direct triple: {nq}"
    );
}

/// A marker no invented article below shares, for the test hook
/// `NEWSKG_TEST_PANIC_ON` (src/pipeline/mod.rs) that makes analysis panic.
pub const PANIC_MARKER: &str = "Zebulon Quaffle";

/// Three articles in a folder and three records in a JSON Lines file; the
/// second of each carries [`PANIC_MARKER`].
pub fn write_articles_with_a_panicking_one(wd: &Workdir) {
    wd.write("dir/a.txt", "Ana Lima defended the new harbour plan.\n");
    wd.write(
        "dir/b.txt",
        format!("{PANIC_MARKER} defended the new harbour plan.\n"),
    );
    wd.write("dir/c.txt", "Tomas Ferro rejected the new harbour plan.\n");
    let records = [
        ("r1", "Ines Moura defended the river bridge.".to_string()),
        ("r2", format!("{PANIC_MARKER} rejected the river bridge.")),
        ("r3", "Paulo Reis rejected the river bridge.".to_string()),
    ];
    let jsonl: String = records
        .iter()
        .map(|(id, text)| format!("{}\n", serde_json::json!({"id": id, "text": text})))
        .collect();
    wd.write("news.jsonl", jsonl);
}

/// Runs newskg with `args` over the inputs of
/// [`write_articles_with_a_panicking_one`], the marked article panicking (the
/// hook `NEWSKG_TEST_PANIC_ON`), and checks what every command owes then: exit
/// code 2 and each failed input named with its line. Returns the output.
pub(crate) fn run_with_a_panicking_article(wd: &Workdir, args: &[&str]) -> std::process::Output {
    let out = wd
        .command(args)
        .env("NEWSKG_TEST_PANIC_ON", PANIC_MARKER)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_contains!(
        stderr,
        "newskg: dir/b.txt: internal error while analysing: NEWSKG_TEST_PANIC_ON"
    );
    assert_contains!(
        stderr,
        "newskg: news.jsonl:2: internal error while analysing: NEWSKG_TEST_PANIC_ON"
    );
    out
}

/// Issue 9 item 8: a document whose analysis panics is reported as a failed
/// input (`path[:line]: internal error while analysing: …`), the others are
/// extracted, and the exit code says something failed.
#[test]
fn a_panicking_document_is_reported_and_the_others_are_extracted() {
    let wd = Workdir::new();
    write_articles_with_a_panicking_one(&wd);
    let out =
        run_with_a_panicking_article(&wd, &["extract", "dir", "news.jsonl", "--format", "jsonl"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_contains!(stderr, "2 inputs failed; the others were processed");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let records = lines(&stdout);
    let sources: std::collections::BTreeSet<&str> = records
        .iter()
        .filter(|r| r["kind"] == "fact")
        .filter_map(|r| r["source"].as_str())
        .collect();
    let expected = ["dir/a.txt", "dir/c.txt", "news.jsonl#r1", "news.jsonl#r3"];
    assert_eq!(sources.into_iter().collect::<Vec<_>>(), expected);
    assert!(!stdout.contains(PANIC_MARKER));

    // One sentence a line (`--format carb`): the failed line is named.
    wd.write(
        "lines.txt",
        format!("Ana Lima defended the plan.\n{PANIC_MARKER} left.\nTomas Ferro left.\n"),
    );
    let out = wd
        .command(&["extract", "lines.txt", "--format", "carb"])
        .env("NEWSKG_TEST_PANIC_ON", PANIC_MARKER)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_contains!(
        stderr,
        "newskg: lines.txt:2: internal error while analysing"
    );
    assert_contains!(
        String::from_utf8_lossy(&out.stdout),
        "Ana Lima defended the plan."
    );
}

/// `extract` resolves across documents with the engine's gazetteer, not the
/// small fallback table of `names`: "Norway" is a country only the compiled
/// gazetteer knows, so it is left out of the agency's initials and "BCA" in
/// the next document names the agency (one entity, "BCA" an alias).
#[test]
fn resolution_reads_the_models_gazetteer() {
    let wd = Workdir::new();
    let a = wd.write(
        "a.txt",
        "Officials at the Norway Border Control Agency said on Tuesday that they had seized a shipment of cigarettes at the port.\n",
    );
    let b = wd.write(
        "b.txt",
        "The BCA said on Wednesday that the shipment had come by sea.\n",
    );
    let out = wd.ok(&["extract", a.to_str().unwrap(), b.to_str().unwrap()]);
    let records = lines(&out);
    let agencies: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| r["kind"] == "entity" && r["type"] == "Organization")
        .collect();
    assert_eq!(agencies.len(), 1, "{out}");
    assert_eq!(agencies[0]["label"], "Norway Border Control Agency");
    assert_eq!(agencies[0]["aliases"], serde_json::json!(["BCA"]));
}
