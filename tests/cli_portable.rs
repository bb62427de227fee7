//! A binary that runs anywhere (issue 9, item 3): the `newskg` executable,
//! copied alone into an empty folder, finds its models at run time and never
//! in the folder it was built from.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::assert_contains;
use crate::util::{examples, models};

/// `newskg` copied (hard-linked when possible: same bytes, its own path) to
/// `dir/rel`.
fn copy_binary(dir: &Path, rel: &str) -> PathBuf {
    let to = dir.join(rel);
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    let from = Path::new(env!("CARGO_BIN_EXE_newskg"));
    if std::fs::hard_link(from, &to).is_err() {
        std::fs::copy(from, &to).unwrap();
    }
    to
}

/// Runs `exe ARGS` in `cwd` with `NEWSKG_MODELS` as given (unset by default).
fn run(exe: &Path, cwd: &Path, env: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(exe);
    cmd.args(args).current_dir(cwd).env_remove("NEWSKG_MODELS");
    if let Some(dir) = env {
        cmd.env("NEWSKG_MODELS", dir);
    }
    cmd.output().unwrap()
}

fn show(out: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A folder of model files that are not weight files: a search that picks
/// it fails to load, naming it, which shows which place won.
fn broken_models(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for name in newskg::nlp::MODEL_FILES {
        std::fs::write(dir.join(name), b"not a weight file").unwrap();
    }
}

#[test]
fn a_copied_binary_runs_extract_from_an_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = copy_binary(tmp.path(), "newskg");
    let articles = examples();
    let out = run(
        &exe,
        tmp.path(),
        None,
        &["extract", articles.to_str().unwrap()],
    );
    if cfg!(feature = "bundled-models") {
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("\"kind\":\"fact\""), "{}", show(&out));
        assert_contains!(stdout, "Claudia Sheinbaum");
    } else {
        // Without bundled models a lone binary has nothing to load, and says
        // where it looked.
        assert_eq!(out.status.code(), Some(2), "{}", show(&out));
        assert_contains!(
            String::from_utf8_lossy(&out.stderr),
            "the models built into the program (this build has none"
        );
    }
}

#[test]
fn without_bundled_models_the_error_names_every_place_tried() {
    if cfg!(feature = "bundled-models") {
        eprintln!("skipped: this build has bundled models (see models::tests in newskg-nlp)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let exe = copy_binary(tmp.path(), "bin/newskg");
    let out = run(&exe, tmp.path(), None, &["extract", "-"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let root = tmp.path().display();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "newskg: finding the models (name a folder with --models DIR or NEWSKG_MODELS=DIR): \
             no models found; tried $NEWSKG_MODELS (not set), {root}/bin/models (no such folder), \
             {root}/share/newskg/models (no such folder), the models built into the program \
             (this build has none: cargo feature bundled-models)\n"
        )
    );
}

#[test]
fn models_are_searched_flag_env_beside_share_then_built_in() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = copy_binary(tmp.path(), "bin/newskg");
    let input = tmp.path().join("a.txt");
    std::fs::write(&input, "The council approved the bridge on Monday.\n").unwrap();
    let input = input.to_str().unwrap();
    let fails_on = |out: &Output, dir: &Path| {
        assert_eq!(out.status.code(), Some(2), "{}", show(out));
        assert_contains!(
            String::from_utf8_lossy(&out.stderr),
            format!("loading models from {0}: {0}/", dir.display())
        );
    };
    // ../share/newskg/models from the executable's folder...
    let share = tmp.path().join("share/newskg/models");
    broken_models(&share);
    fails_on(&run(&exe, tmp.path(), None, &["extract", input]), &share);
    // ... comes after models/ beside the executable ...
    let beside = tmp.path().join("bin/models");
    broken_models(&beside);
    fails_on(&run(&exe, tmp.path(), None, &["extract", input]), &beside);
    // ... which comes after $NEWSKG_MODELS ...
    let good = models();
    let out = run(&exe, tmp.path(), Some(&good), &["extract", input]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    // ... which comes after --models.
    let out = run(
        &exe,
        tmp.path(),
        Some(&good),
        &["--models", beside.to_str().unwrap(), "extract", input],
    );
    fails_on(&out, &beside);
    // A folder named explicitly that is not there is an error, not a fallback.
    let out = run(
        &exe,
        tmp.path(),
        None,
        &["extract", input, "--models", "nowhere"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert_contains!(
        String::from_utf8_lossy(&out.stderr),
        "newskg: finding the models: no models found; tried nowhere (--models: no such folder)"
    );
}

#[test]
fn provenance_names_the_model_versions() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("a.txt");
    std::fs::write(&input, "The council approved the bridge on Monday.\n").unwrap();
    let out = run(
        Path::new(env!("CARGO_BIN_EXE_newskg")),
        tmp.path(),
        Some(&models()),
        &["extract", "--format", "nq", input.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let want = newskg::nlp::ModelSource::Dir(models()).versions();
    assert!(want.starts_with("facts="), "{want}");
    assert_contains!(String::from_utf8_lossy(&out.stdout), format!("\"{want}\""));
}
