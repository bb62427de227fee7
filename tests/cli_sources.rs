//! How inputs are named in the output (issue 9, item 6): relative to the
//! working folder by default, relative to `--source-base DIR` on request,
//! URLs of JSON Lines records untouched.

use crate::assert_contains;
use crate::util::Workdir;

const ARTICLE: &str = "Mayor Ana Lima approved the new harbour budget on Monday.\n";

/// The `source` of every fact line of `extract --format jsonl` output.
fn sources(jsonl: &str) -> Vec<String> {
    let mut out: Vec<String> = jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|r| r["kind"] == "fact")
        .filter_map(|r| r["source"].as_str().map(str::to_string))
        .collect();
    out.dedup();
    out
}

#[test]
fn paths_under_the_working_folder_are_recorded_relative_to_it() {
    let wd = Workdir::new();
    let file = wd.write("news/2025/a.txt", ARTICLE);
    // Given absolute, recorded relative: no home folder in the output.
    let out = wd.ok(&["extract", file.to_str().unwrap()]);
    assert_eq!(sources(&out), ["news/2025/a.txt"]);
    let out = wd.ok(&["extract", "./news/../news/2025/a.txt"]);
    assert_eq!(sources(&out), ["news/2025/a.txt"]);
    let nq = wd.ok(&["extract", "--format", "nq", file.to_str().unwrap()]);
    assert_contains!(
        nq,
        "<https://w3id.org/newskg/ns#source> \"news/2025/a.txt\""
    );
    assert!(!nq.contains(&*wd.path("").to_string_lossy()), "{nq}");
}

#[test]
fn paths_outside_the_working_folder_are_kept_as_given() {
    let wd = Workdir::new();
    wd.write("inside/a.txt", ARTICLE);
    let out = wd
        .command(&["extract", "../inside/a.txt"])
        .current_dir(wd.path("inside"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // From inside/, ../inside/a.txt is under the working folder again.
    assert_eq!(sources(&String::from_utf8_lossy(&out.stdout)), ["a.txt"]);
    let other = Workdir::new();
    let file = other.write("b.txt", ARTICLE);
    let out = wd.ok(&["extract", file.to_str().unwrap()]);
    assert_eq!(sources(&out), [file.to_string_lossy().into_owned()]);
}

#[test]
fn source_base_makes_paths_relative_to_it_and_refuses_files_outside() {
    let wd = Workdir::new();
    wd.write("corpus/day1/a.txt", ARTICLE);
    wd.write(
        "elsewhere/b.txt",
        "Mayor Ana Lima rejected the ferry plan on Tuesday.\n",
    );
    wd.write(
        "corpus/feed.jsonl",
        "{\"id\":\"r1\",\"url\":\"https://example.org/news/r1\",\"text\":\"Mayor Ana Lima opened the new ferry terminal.\"}\n",
    );
    let args = [
        "extract",
        "--source-base",
        "corpus",
        "corpus/day1/a.txt",
        "elsewhere/b.txt",
        "corpus/feed.jsonl",
    ];
    let out = wd.output(&args);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(sources(&stdout), ["day1/a.txt", "feed.jsonl#r1"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "newskg: elsewhere/b.txt: not under the source base folder corpus\n\
         newskg: 1 input failed; the others were processed\n"
    );
    // The record's URL is its own field, untouched.
    let mut nq_args = args.to_vec();
    nq_args.extend(["--format", "nq"]);
    let nq = String::from_utf8_lossy(&wd.output(&nq_args).stdout).into_owned();
    assert_contains!(nq, "<http://schema.org/url> <https://example.org/news/r1>");
    assert_contains!(nq, "ns#source> \"feed.jsonl#r1\"");
    // ingest takes the flag too.
    let out = wd.output(&[
        "ingest",
        "--store",
        ":memory:",
        "--source-base",
        "corpus",
        "corpus",
        "elsewhere",
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_contains!(String::from_utf8_lossy(&out.stdout), "2 documents: 2 new");
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "elsewhere/b.txt: not under the source base folder corpus"
    );
}
