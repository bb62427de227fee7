//! A temporary working folder with the example articles, and a runner for the
//! real binary that shows everything when an expectation fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's example articles.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

/// The repository's models.
pub fn models() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models")
}

/// `../shared`, when present (CI has it; a user's fresh clone does not).
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("data").is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/data not found");
        None
    }
}

/// A fresh folder for one test; removed when dropped.
pub struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir {
            dir: tempfile::Builder::new()
                .prefix("newskg-test-")
                .tempdir()
                .unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file (bytes) into the folder and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// A `newskg` command running in this folder, with the repository's
    /// models (so the tests pass in a build without bundled models too;
    /// `cli_portable.rs` tests how a lone binary finds its models).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newskg"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env("NEWSKG_MODELS", models());
        cmd
    }

    /// Runs `newskg ARGS` and returns its output, whatever the status.
    pub fn output(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs `newskg ARGS` with `input` on its standard input.
    pub fn output_with_stdin(&self, args: &[&str], input: &[u8]) -> Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    }

    /// Runs `newskg ARGS`, expects exit code `code`, returns stdout.
    pub fn expect(&self, args: &[&str], code: i32) -> String {
        let out = self.output(args);
        if out.status.code() != Some(code) {
            panic!(
                "\n`newskg {}` in {}\nexpected exit {code}, got {:?}\n--- stdout\n{}\n--- stderr\n{}\n",
                args.join(" "),
                self.dir.path().display(),
                out.status.code(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `newskg ARGS`, expects success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        self.expect(args, 0)
    }

    /// Number of quads in the store at `store`.
    pub fn quads(&self, store: &str) -> u64 {
        let out = self.ok(&[
            "query",
            "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
            "--store",
            store,
            "--format",
            "tsv",
        ]);
        let default = self.ok(&[
            "query",
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
            "--store",
            store,
            "--format",
            "tsv",
        ]);
        let _ = default;
        parse_count(&out)
    }

    /// Ingests the example articles into `store` and returns the stdout.
    pub fn ingest_examples(&self, store: &str) -> String {
        self.ok(&["ingest", examples().to_str().unwrap(), "--store", store])
    }
}

/// One N-Quads line with the run's identity masked: the run IRI
/// (`…/id/run/<hex>`) and the start time literals.
pub fn mask(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("/id/run/") {
        out.push_str(&rest[..at + "/id/run/".len()]);
        out.push_str("RUN");
        rest = &rest[at + "/id/run/".len()..];
        rest = rest.trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    if out.contains("prov#generatedAtTime>") || out.contains("prov#startedAtTime>") {
        if let (Some(open), Some(close)) = (out.find(" \""), out.find("\"^^")) {
            out.replace_range(open + 2..close, "TIME");
        }
    }
    out
}

/// Every quad of `store` as N-Quads lines, run ids and start times masked
/// ([`mask`]), sorted: what two ingests of the same articles must agree on.
pub fn masked_quads(wd: &Workdir, store: &str) -> Vec<String> {
    let nq = wd.ok(&["export", "--format", "nq", "--store", store]);
    let mut quads: Vec<String> = nq.lines().map(mask).collect();
    quads.sort();
    quads
}

/// The number in a one-cell TSV result (`?n\n"3"^^xsd:integer` or `?n\n3`).
pub fn parse_count(tsv: &str) -> u64 {
    let cell = tsv
        .lines()
        .nth(1)
        .unwrap_or_else(|| panic!("no result row in {tsv:?}"));
    let digits: String = cell
        .trim_start_matches('"')
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("not a count: {cell:?}"))
}

/// Shows expected and actual as blocks when they differ.
#[macro_export]
macro_rules! assert_contains {
    ($haystack:expr, $needle:expr) => {{
        let (h, n): (&str, &str) = (&$haystack, &$needle);
        if !h.contains(n) {
            panic!("\nexpected to find:\n{n}\n\nin:\n{h}\n");
        }
    }};
}

/// The first quads (up to ten) only one side has, for a failure message:
/// `a` and `b` are each a name ("direct", "remote") and sorted quads.
pub fn quad_difference(a: (&str, &[String]), b: (&str, &[String])) -> String {
    let only = |x: &[String], y: &[String]| -> String {
        let y: std::collections::BTreeSet<&String> = y.iter().collect();
        let lines: Vec<&str> = x
            .iter()
            .filter(|q| !y.contains(q))
            .take(10)
            .map(String::as_str)
            .collect();
        lines.join("\n")
    };
    format!(
        "{} quads {}, {} {}\n--- only {}:\n{}\n--- only {}:\n{}",
        a.1.len(),
        a.0,
        b.1.len(),
        b.0,
        a.0,
        only(a.1, b.1),
        b.0,
        only(b.1, a.1)
    )
}

/// The token of the resolver snapshot that the version record of the store
/// folder `store` names, if any (on-disk stores only).
#[cfg(feature = "rocksdb")]
pub fn snapshot_token(store: &Path) -> Option<String> {
    std::fs::read_to_string(store.join("newskg.version"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("resolver-snapshot: "))
        .map(str::to_owned)
}

/// Copies a (closed) store folder, subfolders included (on-disk stores only).
#[cfg(feature = "rocksdb")]
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
