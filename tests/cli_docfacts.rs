//! The map and the reduce of a distributed run (issue 14, item 3):
//! `extract --format docfacts` then `ingest --from-docfacts` must leave the
//! store a direct `ingest` of the same articles leaves, quad for quad, also
//! when the map ran on parts of the input; a line the reduce cannot use is
//! named by file and line, and the others go in.
//!
//! Stores are compared as sorted N-Quads from `newskg export` with the
//! run's identity masked (`util::mask`): the run IRI (`…/id/run/<hex>`, a hash
//! of the start time) and the `prov:startedAtTime`/`prov:generatedAtTime`
//! literals differ between any two runs. Everything else, the run's
//! software and models included, must be equal.

use std::io::Write;

use crate::assert_contains;
use crate::util::{examples, masked_quads, Workdir};

/// What the lines of this newskg say made them.
const VERSION: &str = concat!("newskg ", env!("CARGO_PKG_VERSION"));

/// Invented articles whose entity ids depend on their order: "Varga" and
/// "Halloran" alone are resolved by the context of earlier articles, a
/// second "b5" replaces the first (the store's replace path), and "b6"
/// repeats "b2"'s text (unchanged, not stored twice).
fn news() -> String {
    let articles = [
        ("b1", "Ronald Varga, who leads the Baltic Ferry Authority (BFA), visited Lindhaven on Monday. Varga rejected the new timetable."),
        ("b2", "Elena Varga of Corvane Industries criticised the wage offer in Brandfort on Tuesday."),
        ("b3", "Varga said on Wednesday that the BFA would review the harbour levy.\n\nThe Baltic Ferry Authority welcomed the merger talks."),
        ("b4", "Petra Halloran of Nordmark Rail questioned the budget. Halloran met Simon Brekke in Kessmark."),
        ("b5", "Halloran met Mira Santel in Kessmark. Santel defended the safety review."),
        ("b6", "Elena Varga of Corvane Industries criticised the wage offer in Brandfort on Tuesday."),
        ("b5", "Halloran met Mira Santel in Ostvik on Friday. Santel criticised the safety review, and the BFA agreed."),
        ("b7", "Brekke said the Nordmark Rail strike would end. \"We will not pay,\" Varga said of the levy."),
    ];
    articles
        .iter()
        .map(|(id, text)| {
            format!(
                "{}\n",
                serde_json::json!({"id": id, "title": format!("Bulletin {id}"), "text": text})
            )
        })
        .collect()
}

/// `newskg ARGS` with `input` on standard input; expects success.
fn ok_with_stdin(wd: &Workdir, args: &[&str], input: &[u8]) -> Vec<u8> {
    let out = wd.output_with_stdin(args, input);
    assert!(
        out.status.success(),
        "`newskg {}` failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_reduce_of_docfacts_stores_what_a_direct_ingest_stores() {
    let wd = Workdir::new();
    wd.write("news.jsonl", news());
    let articles = examples();
    let articles = articles.to_str().unwrap();
    // Small batches, so that both sides commit several (and the replaced
    // "b5" goes through a transaction of its own).
    let summary = wd.ok(&[
        "ingest",
        "news.jsonl",
        articles,
        "--store",
        "direct.db",
        "--batch",
        "3",
    ]);
    assert_contains!(summary, "10 documents: 8 new, 1 unchanged, 1 replaced");
    let direct = masked_quads(&wd, "direct.db");
    assert!(direct.len() > 1000, "{} quads", direct.len());

    // The map in one piece.
    let docfacts = wd.ok(&["extract", "--format", "docfacts", "news.jsonl", articles]);
    assert_eq!(docfacts.lines().count(), 10);
    wd.write("all.docfacts", &docfacts);
    let summary = wd.ok(&[
        "ingest",
        "--from-docfacts",
        "all.docfacts",
        "--store",
        "reduced.db",
        "--batch",
        "3",
    ]);
    assert_contains!(summary, "10 documents: 8 new, 1 unchanged, 1 replaced");
    let reduced = masked_quads(&wd, "reduced.db");
    assert!(
        direct == reduced,
        "{}",
        crate::util::quad_difference(("direct", &direct), ("reduced", &reduced))
    );

    // The map in parts, as a Spark job runs it: the news piped through in
    // two pieces, each recorded as news.jsonl, the second part gzipped.
    let news = news();
    let lines: Vec<&str> = news.lines().collect();
    let (head, tail) = lines.split_at(3);
    let part = |records: &[&str]| {
        let input = format!("{}\n", records.join("\n"));
        let args = [
            "extract",
            "--format",
            "docfacts",
            "--stdin-name",
            "news.jsonl",
            "-",
        ];
        ok_with_stdin(&wd, &args, input.as_bytes())
    };
    wd.write("parts/part-00000", part(head));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&part(tail)).unwrap();
    wd.write("parts/part-00001.gz", gz.finish().unwrap());
    wd.write("parts/_SUCCESS", "");
    let examples_only = wd.ok(&["extract", "--format", "docfacts", articles]);
    wd.write("examples.docfacts", examples_only);
    wd.ok(&[
        "ingest",
        "--from-docfacts",
        "parts",
        "examples.docfacts",
        "--store",
        "parts.db",
    ]);
    let from_parts = masked_quads(&wd, "parts.db");
    assert!(
        direct == from_parts,
        "{}",
        crate::util::quad_difference(("direct", &direct), ("from_parts", &from_parts))
    );

    // The comparison sees the order of resolution: with "b3" (a bare
    // "Varga") before "b1" (Ronald Varga, who leads the BFA), the same
    // lines make other entities.
    let mut swapped: Vec<&str> = docfacts.lines().collect();
    swapped.swap(0, 2);
    wd.write("backwards.docfacts", format!("{}\n", swapped.join("\n")));
    wd.ok(&[
        "ingest",
        "--from-docfacts",
        "backwards.docfacts",
        "--store",
        "backwards.db",
    ]);
    assert!(masked_quads(&wd, "backwards.db") != direct);

    // Run again, as ingest: what is stored stays, except that the first
    // "b5" replaces the second and the second replaces it back, on both
    // sides alike.
    let args = ["--store", "direct.db", "--batch", "3"];
    let again = wd.ok(&[&["ingest", "news.jsonl", articles][..], &args].concat());
    assert_contains!(again, "10 documents: 0 new, 9 unchanged, 1 replaced");
    let args = ["--store", "reduced.db", "--batch", "3"];
    let again = wd.ok(&[&["ingest", "--from-docfacts", "all.docfacts"][..], &args].concat());
    assert_contains!(again, "10 documents: 0 new, 9 unchanged, 1 replaced");
    let (direct, reduced) = (
        masked_quads(&wd, "direct.db"),
        masked_quads(&wd, "reduced.db"),
    );
    assert!(
        direct == reduced,
        "{}",
        crate::util::quad_difference(("direct", &direct), ("reduced", &reduced))
    );
}

#[test]
fn a_line_the_reduce_cannot_use_is_named_and_the_others_go_in() {
    let wd = Workdir::new();
    wd.write("news.jsonl", news());
    let docfacts = wd.ok(&["extract", "--format", "docfacts", "news.jsonl"]);
    let lines: Vec<&str> = docfacts.lines().collect();
    // What is stored before the bad file must stay.
    wd.write("first.docfacts", format!("{}\n", lines[0]));
    wd.ok(&[
        "ingest",
        "--from-docfacts",
        "first.docfacts",
        "--store",
        "kg.db",
    ]);
    let bad = [
        lines[1].to_string(),
        lines[2][..40].to_string(),
        lines[3].replacen("{\"docfacts\":1,", "{\"docfacts\":2,", 1),
        String::new(),
        lines[4].replacen(" gazetteer=", " gazetteer=00", 1),
        lines[5].replacen("\"entity\":0", "\"entity\":99", 1),
        lines[7].to_string(),
    ];
    wd.write("bad.docfacts", format!("{}\n", bad.join("\n")));
    let out = wd.output(&[
        "ingest",
        "--from-docfacts",
        "bad.docfacts",
        "missing.docfacts",
        "--store",
        "kg.db",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let messages: Vec<&str> = stderr.lines().collect();
    let expected: [&str; 6] = [
        "newskg: bad.docfacts:2: malformed docfacts line: not valid JSON: EOF while parsing",
        "newskg: bad.docfacts:3: docfacts format version 2, but this newskg reads version 1 only (make the docfacts again with this newskg's `extract --format docfacts`)",
        &format!("newskg: bad.docfacts:5: made by {VERSION} with models gazetteer=00"),
        "newskg: bad.docfacts:6: inconsistent docfacts line: mention ",
        "newskg: missing.docfacts: no such file or directory",
        "newskg: 5 inputs failed; the others were processed",
    ];
    assert_eq!(messages.len(), expected.len(), "{stderr}");
    for (got, expected) in messages.iter().zip(expected) {
        assert!(
            got.starts_with(expected),
            "\nexpected: {expected}\ngot:      {got}\n"
        );
    }
    assert_contains!(
        messages[2],
        format!("but this ingest runs {VERSION} with models gazetteer=")
    );
    assert_contains!(
        String::from_utf8_lossy(&out.stdout),
        "2 documents: 2 new, 0 unchanged, 0 replaced"
    );
    // The store holds what two direct ingests of the good lines' articles
    // leave: the first article, kept, then lines 1 and 7 of the bad file.
    let news = news();
    let records: Vec<&str> = news.lines().collect();
    let direct = |records: &[&str]| {
        let input = format!("{}\n", records.join("\n"));
        let args = [
            "ingest",
            "-",
            "--stdin-name",
            "news.jsonl",
            "--store",
            "direct.db",
        ];
        ok_with_stdin(&wd, &args, input.as_bytes());
    };
    direct(&records[..1]);
    direct(&[records[1], records[7]]);
    let direct = masked_quads(&wd, "direct.db");
    let reduced = masked_quads(&wd, "kg.db");
    assert!(
        direct == reduced,
        "{}",
        crate::util::quad_difference(("direct", &direct), ("reduced", &reduced))
    );
}
