//! Issue 15 item 3: limits on every input dimension. Each pathological
//! input is generated here (nothing is read from elsewhere): a gzip bomb, a
//! 50 MB line, 100,000 nested `<div>`s, a 20,000-token sentence without
//! punctuation, 10,000 distinct names. Each must end in a clear message
//! naming the file and the limit, with a good article beside it still
//! extracted, and the process's peak memory bounded.

use std::io::Write;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::assert_contains;
use crate::util::Workdir;

/// A good article that goes beside each pathological input: it must still
/// be extracted.
const GOOD: &str = "Mira Kessel opened the new harbour office in Lindhaven on Monday.\n";

/// What one run of `newskg` gave, with its peak memory when it can be measured.
struct Run {
    out: Output,
    /// Peak resident set size in MiB (from `wait4`).
    peak_mib: Option<u64>,
    took: Duration,
}

impl Run {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }

    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }

    /// Checks the peak memory against `mib`, and prints the figures.
    fn bounded(&self, what: &str, mib: u64) {
        eprintln!(
            "{what}: {:.2} s, peak RSS {} MiB",
            self.took.as_secs_f64(),
            self.peak_mib
                .map_or_else(|| "unknown".into(), |m| m.to_string())
        );
        if let Some(peak) = self.peak_mib {
            assert!(peak < mib, "{what}: peak RSS {peak} MiB, over {mib} MiB");
        }
    }
}

/// Runs `newskg extract --format tsv ARGS…` and measures it.
fn extract(wd: &Workdir, args: &[&str]) -> Run {
    let mut all = vec!["extract", "--format", "tsv"];
    all.extend_from_slice(args);
    let started = Instant::now();
    let child = wd
        .command(&all)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (out, peak_mib) = wait_measured(child);
    Run {
        out,
        peak_mib,
        took: started.elapsed(),
    }
}

/// Waits for `child`, reading its output, and returns its peak RSS (of
/// this child alone: `wait4` on its pid) where the platform tells it.
#[cfg(all(unix, feature = "rocksdb"))]
fn wait_measured(mut child: std::process::Child) -> (Output, Option<u64>) {
    use std::io::Read;
    let (mut so, mut se) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out_thread = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = so.read_to_end(&mut b);
        b
    });
    let mut stderr = Vec::new();
    let _ = se.read_to_end(&mut stderr);
    let stdout = out_thread.join().unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it and `status`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers outlive the call; `pid` is our unwaited child.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid, "wait4 failed");
    use std::os::unix::process::ExitStatusExt;
    let out = Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout,
        stderr,
    };
    // Linux reports ru_maxrss in KiB.
    (out, Some(usage.ru_maxrss as u64 / 1024))
}

#[cfg(not(all(unix, feature = "rocksdb")))]
fn wait_measured(child: std::process::Child) -> (Output, Option<u64>) {
    (child.wait_with_output().unwrap(), None)
}

/// Gzip of `data`, fast.
fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A gzip bomb: one small member that decompresses to 4 MiB of `unit`,
/// repeated `copies` times (a multi-member file, which gzip readers read
/// whole): `copies` × 4 MiB decompressed from a few KiB a copy.
fn bomb(unit: &[u8], copies: usize) -> Vec<u8> {
    let member = gzip(&unit.repeat((4 << 20) / unit.len()));
    member.repeat(copies)
}

/// The peak RSS any of these runs may reach (MiB): the models and the
/// program take about 200 MiB in a debug build; each input here would take
/// 1 GiB or more if it were held whole.
const PEAK_MIB: u64 = 700;

#[test]
fn a_gzip_bomb_stops_at_the_article_limit() {
    let wd = Workdir::new();
    // 1 GiB of words, about 1 MiB on disk.
    wd.write("bomb.txt.gz", bomb(b"harbour pilots ", 256));
    wd.write("good.txt", GOOD);
    let run = extract(&wd, &["bomb.txt.gz", "good.txt"]);
    run.bounded("gzip bomb (.txt.gz, 1 GiB)", PEAK_MIB);
    assert_eq!(run.out.status.code(), Some(2), "{}", run.stderr());
    assert_contains!(
        run.stderr(),
        "newskg: bomb.txt.gz: article longer than the limit of 33554432 bytes (32 MiB) (raise it with --max-document-bytes)\n"
    );
    assert_contains!(run.stdout(), "Mira Kessel");
}

#[test]
fn a_gzip_bomb_of_json_lines_stops_at_the_decompression_limit() {
    let wd = Workdir::new();
    // 512 MiB of one endless line: the record is refused at the line limit,
    // and reading through it stops at the decompression limit.
    wd.write("bomb.jsonl.gz", bomb(b"aaaaaaaaaaaaaaaa", 128));
    wd.write("good.txt", GOOD);
    let run = extract(
        &wd,
        &[
            "bomb.jsonl.gz",
            "good.txt",
            "--max-decompressed-bytes",
            "64M",
        ],
    );
    run.bounded("gzip bomb (.jsonl.gz, 512 MiB, one line)", PEAK_MIB);
    assert_eq!(run.out.status.code(), Some(2), "{}", run.stderr());
    assert_contains!(
        run.stderr(),
        "newskg: bomb.jsonl.gz:1: line longer than the limit of 8388608 bytes (8 MiB) (raise it with --max-line-bytes)\n\
         newskg: bomb.jsonl.gz:1: input decompresses to more than the limit of 67108864 bytes (64 MiB); the rest of the file is not read (raise it with --max-decompressed-bytes)\n"
    );
    assert_contains!(run.stdout(), "Mira Kessel");
}

#[test]
fn a_50_mb_line_is_skipped_and_the_next_record_read() {
    let wd = Workdir::new();
    let mut data =
        String::from("{\"id\":\"a\",\"text\":\"Tomas Vantor praised the ferry plan.\"}\n");
    data.push_str("{\"id\":\"b\",\"text\":\"");
    data.push_str(&"word ".repeat(10 << 20));
    data.push_str("\"}\n");
    data.push_str("{\"id\":\"c\",\"text\":\"Ilse Marrow rejected the budget.\"}\n");
    wd.write("long.jsonl", data);
    // A text file of one 10 MB line: over the line limit, under the article one.
    wd.write("long.txt", "word ".repeat(2 << 20));
    wd.write("good.txt", GOOD);
    let run = extract(&wd, &["long.jsonl", "long.txt", "good.txt"]);
    run.bounded("50 MB JSON Lines record, 10 MB text line", PEAK_MIB);
    assert_eq!(run.out.status.code(), Some(2), "{}", run.stderr());
    assert_contains!(
        run.stderr(),
        "newskg: long.jsonl:2: line longer than the limit of 8388608 bytes (8 MiB) (raise it with --max-line-bytes)\n\
         newskg: long.txt:1: line longer than the limit of 8388608 bytes (8 MiB) (raise it with --max-line-bytes)\n\
         newskg: 2 inputs failed; the others were processed\n"
    );
    let stdout = run.stdout();
    for name in ["Tomas Vantor", "Ilse Marrow", "Mira Kessel"] {
        assert_contains!(stdout, name);
    }
}

#[test]
fn markup_nested_100k_deep_is_refused_before_parsing() {
    let wd = Workdir::new();
    let deep = "<html><body>".to_string() + &"<div>".repeat(100_000) + "deep text";
    wd.write("deep.html", deep);
    wd.write("good.txt", GOOD);
    let run = extract(&wd, &["deep.html", "good.txt"]);
    run.bounded("100,000 nested <div>", PEAK_MIB);
    assert_eq!(run.out.status.code(), Some(2), "{}", run.stderr());
    assert_contains!(
        run.stderr(),
        "newskg: deep.html: HTML elements nested deeper than the limit of 512 levels (raise it with --max-html-depth)\n"
    );
    assert_contains!(run.stdout(), "Mira Kessel");
}

#[test]
fn a_sentence_of_20k_tokens_is_analysed_in_pieces_with_a_warning() {
    let wd = Workdir::new();
    let words = ["harbour", "pilots", "and", "ferry", "crews"];
    let text: Vec<&str> = (0..20_000).map(|i| words[i % words.len()]).collect();
    wd.write("endless.txt", format!("{}\n", text.join(" ")));
    wd.write("good.txt", GOOD);
    let run = extract(&wd, &["endless.txt", "good.txt"]);
    run.bounded("20,000-token sentence", PEAK_MIB);
    assert_eq!(run.out.status.code(), Some(0), "{}", run.stderr());
    assert_eq!(
        run.stderr(),
        "newskg: warning: endless.txt:1: sentence of 20000 tokens (at byte 0 of the text) analysed as 50 pieces of at most 400 tokens (raise the limit with --max-sentence-tokens)\n"
    );
    assert_contains!(run.stdout(), "Mira Kessel");
}

/// `n` distinct invented two-word names: syllables combined.
fn names(n: usize) -> Vec<String> {
    const A: [&str; 12] = [
        "Ka", "Lo", "Mi", "Ter", "Vos", "Bre", "Dal", "Fen", "Gor", "Hal", "Jun", "Pel",
    ];
    const B: [&str; 10] = [
        "ra", "ven", "dor", "mis", "tal", "ber", "nik", "sel", "wen", "lam",
    ];
    let word = |i: usize| format!("{}{}{}", A[i % 12], B[(i / 12) % 10], B[(i / 120) % 10]);
    (0..n)
        .map(|i| format!("{} {}", word(i % 1200), word(i / 1200 * 7 + 3)))
        .collect()
}

#[test]
fn a_page_of_10k_names_is_skipped_at_the_entity_limit() {
    let wd = Workdir::new();
    let names = names(10_000);
    let distinct: std::collections::HashSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), 10_000);
    let text: String = names
        .chunks(2)
        .map(|p| format!("{} met {} in Lindhaven.\n", p[0], p[1]))
        .collect();
    wd.write("names.txt", text);
    wd.write("good.txt", GOOD);
    let run = extract(&wd, &["names.txt", "good.txt"]);
    run.bounded("10,000 distinct names", PEAK_MIB);
    assert_eq!(run.out.status.code(), Some(2), "{}", run.stderr());
    let stderr = run.stderr();
    assert!(
        stderr.starts_with("newskg: names.txt: ")
            && stderr.contains(
                " named-entity mentions, over the limit of 2000 per document; the document is skipped (raise it with --max-entities)\n"
            ),
        "{stderr}"
    );
    assert_contains!(run.stdout(), "Mira Kessel");
}

/// `ingest` applies the same limits, with lowered values from its flags,
/// and stores the good documents.
#[test]
fn ingest_applies_the_limits_and_stores_the_rest() {
    let wd = Workdir::new();
    wd.write("deep.html", "<div>".repeat(20) + "Mira Kessel hid here.");
    wd.write(
        "two.jsonl",
        "{\"id\":\"a\",\"text\":\"Tomas Vantor praised the long ferry plan of the harbour board.\"}\n\
         {\"id\":\"b\",\"text\":\"Ilse Marrow rejected the budget.\"}\n",
    );
    wd.write("good.txt", GOOD);
    let out = wd.output(&[
        "ingest",
        "deep.html",
        "two.jsonl",
        "good.txt",
        "--store",
        "kg.db",
        "--max-html-depth",
        "10",
        "--max-line-bytes",
        "70",
        "--max-sentence-tokens",
        "5",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "newskg: warning: two.jsonl:2: sentence of 6 tokens (at byte 0 of the text) analysed as 2 pieces of at most 5 tokens (raise the limit with --max-sentence-tokens)\n\
         newskg: warning: good.txt:1: sentence of 12 tokens (at byte 0 of the text) analysed as 3 pieces of at most 5 tokens (raise the limit with --max-sentence-tokens)\n\
         newskg: deep.html: HTML elements nested deeper than the limit of 10 levels (raise it with --max-html-depth)\n\
         newskg: two.jsonl:1: line longer than the limit of 70 bytes (raise it with --max-line-bytes)\n\
         newskg: 2 inputs failed; the others were processed\n"
    );
    assert_contains!(String::from_utf8_lossy(&out.stdout), "2 documents: 2 new");
    let entities = wd.ok(&["entities", "--store", "kg.db"]);
    assert_contains!(entities, "Mira Kessel");
    assert_contains!(entities, "Ilse Marrow");
}
