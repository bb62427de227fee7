//! No text of CoNLL-2003 dev in the repository (issue 9, item 5).
//!
//! CoNLL-2003 dev is for measuring only and must not be redistributed, so no
//! doc comment, test or list may quote it. `tests/guard/conll2003-dev-
//! trigrams.txt` holds the FNV-1a 64 hashes of its distinctive word trigrams
//! (no text; `scripts/conll_guard.py generate` makes it from
//! `../shared/data`, and its doc says which trigrams are listed). This test
//! hashes every trigram of the repository's text files the same way: words
//! are runs of ASCII letters and digits, lower-cased, joined by one space.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

const LIST: &str = "tests/guard/conll2003-dev-trigrams.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn listed() -> HashSet<u64> {
    let text = std::fs::read_to_string(root().join(LIST)).unwrap();
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| u64::from_str_radix(l, 16).unwrap_or_else(|_| panic!("{LIST}: bad line {l:?}")))
        .collect()
}

/// The repository's files: tracked and new ones (`git ls-files`, ignored
/// files left out), or, without git, every file outside hidden folders and
/// `target/`.
fn repository_files() -> Vec<PathBuf> {
    let git = std::process::Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root())
        .output();
    if let Some(out) = git
        .ok()
        .filter(|o| o.status.success() && !o.stdout.is_empty())
    {
        return String::from_utf8_lossy(&out.stdout)
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(|p| root().join(p))
            .collect();
    }
    let mut files = Vec::new();
    let mut stack = vec![root().to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || name == "target" {
                continue;
            }
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(entry.path());
            } else {
                files.push(entry.path());
            }
        }
    }
    files
}

/// The listed trigrams of `text`: `(line, words)`.
fn hits(text: &str, listed: &HashSet<u64>) -> Vec<(usize, String)> {
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut line = 1;
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
            continue;
        }
        if !current.is_empty() {
            words.push((std::mem::take(&mut current), line));
        }
        if c == '\n' {
            line += 1;
        }
    }
    words
        .windows(3)
        .filter_map(|w| {
            let gram = format!("{} {} {}", w[0].0, w[1].0, w[2].0);
            listed
                .contains(&fnv1a64(gram.as_bytes()))
                .then(|| (w[0].1, gram))
        })
        .collect()
}

#[test]
fn no_trigram_of_conll_dev_in_the_tree() {
    let listed = listed();
    assert!(
        listed.len() > 1000,
        "{LIST} holds only {} hashes",
        listed.len()
    );
    let mut found = Vec::new();
    let mut scanned = 0;
    for path in repository_files() {
        if path.ends_with(LIST) {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue; // deleted but still in the index
        };
        if bytes.contains(&0) {
            continue; // binary: weights, gzip
        }
        scanned += 1;
        let rel = path
            .strip_prefix(root())
            .unwrap_or(&path)
            .display()
            .to_string();
        for (line, gram) in hits(&String::from_utf8_lossy(&bytes), &listed) {
            found.push(format!("{rel}:{line}: {gram}"));
        }
    }
    assert!(scanned > 50, "only {scanned} files scanned");
    assert!(
        found.is_empty(),
        "\n{} trigram(s) of CoNLL-2003 dev, which must not be redistributed, are in the tree; \
         rewrite them with invented names and figures (scripts/conll_guard.py scan lists them \
         too):\n{}\n",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn trigrams_are_hashed_as_the_generator_hashes_them() {
    // FNV-1a 64 test vectors.
    assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    // Words: ASCII letters and digits, lower-cased; lines counted.
    let text = "One (TWO)\n3-four, fünf";
    let every: HashSet<u64> = ["one two 3", "two 3 four", "3 four f", "four f nf"]
        .iter()
        .map(|g| fnv1a64(g.as_bytes()))
        .collect();
    let got: Vec<(usize, String)> = hits(text, &every);
    assert_eq!(
        got,
        [
            (1, "one two 3".to_string()),
            (1, "two 3 four".to_string()),
            (2, "3 four f".to_string()),
            (2, "four f nf".to_string()),
        ]
    );
}
