//! Where the model files come from: a folder, or bytes compiled into the
//! program (cargo feature `bundled-models`).
//!
//! A newskg binary may be copied anywhere or installed with `cargo install`,
//! so it never looks in the folder it was built from (issue 9, item 3).
//! [`ModelSearch`] finds the models at run time, in this order:
//!
//! 1. a folder named by the caller (the CLI's `--models DIR`);
//! 2. the folder in `$NEWSKG_MODELS`;
//! 3. `models/` beside the running executable;
//! 4. `../share/newskg/models` relative to the executable's folder;
//! 5. the models compiled into the program, when it was built with them.
//!
//! A folder counts when it holds every file of [`MODEL_FILES`]. A folder
//! named explicitly (1 or 2) that does not is an error at once, so a typo
//! never silently falls back on other models; when nothing is found, the
//! error lists every place tried and why each was passed over.
//!
//! Every loader reads a [`ModelFile`] (bytes plus the place they came
//! from, for messages), so a folder and the bundled models go through the
//! same decoding.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::perceptron::WeightFile;
use crate::ModelError;

/// The files of a complete set of models, in the order provenance lists them.
pub const MODEL_FILES: [&str; 6] = [
    "facts.nkw",
    "gazetteer.nkw",
    "lemmas.nkw",
    "ner.nkw",
    "parser.nkw",
    "tagger.nkw",
];

/// The environment variable naming a models folder.
pub const MODELS_ENV: &str = "NEWSKG_MODELS";

/// Where a set of models is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelSource {
    /// A folder holding the files of [`MODEL_FILES`].
    Dir(PathBuf),
    /// The files compiled into this program (feature `bundled-models`).
    Bundled,
}

impl ModelSource {
    /// The bundled models, when this program was built with them.
    pub fn bundled() -> Option<ModelSource> {
        bundled::AVAILABLE.then_some(ModelSource::Bundled)
    }

    /// Reads the model file `name` (one of [`MODEL_FILES`]).
    pub fn open(&self, name: &str) -> Result<ModelFile, ModelError> {
        match self {
            ModelSource::Dir(dir) => ModelFile::read(&dir.join(name)),
            ModelSource::Bundled => match bundled::file(name) {
                Some(bytes) => Ok(ModelFile {
                    origin: bundled_origin(name),
                    bytes: Cow::Borrowed(bytes),
                }),
                None => Err(ModelError::NotBundled {
                    name: name.to_string(),
                }),
            },
        }
    }

    /// The version of each model: `name=<checksum>` for every file of
    /// [`MODEL_FILES`], space-separated (`facts=… gazetteer=… lemmas=…
    /// ner=… parser=… tagger=…`). A weight file ends with the checksum of its
    /// content, so this reads 8 bytes per file, not the 20-odd MB; a file
    /// that cannot be read shows as `name=unreadable`.
    pub fn versions(&self) -> String {
        MODEL_FILES
            .iter()
            .map(|name| {
                let stem = name.trim_end_matches(".nkw");
                let sum = match self {
                    ModelSource::Dir(dir) => trailing_checksum(&dir.join(name)),
                    ModelSource::Bundled => bundled::file(name).and_then(last_u64),
                };
                match sum {
                    Some(sum) => format!("{stem}={sum:016x}"),
                    None => format!("{stem}=unreadable"),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Display for ModelSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelSource::Dir(dir) => write!(f, "{}", dir.display()),
            ModelSource::Bundled => f.write_str("the models built into the program"),
        }
    }
}

/// The name shown for a bundled file in messages.
fn bundled_origin(name: &str) -> PathBuf {
    PathBuf::from(format!("(built in) {name}"))
}

/// One model file's bytes and where they came from.
#[derive(Clone, Debug)]
pub struct ModelFile {
    /// The file's path, or `(built in) NAME` for a bundled file; errors name it.
    pub origin: PathBuf,
    /// The whole file.
    pub bytes: Cow<'static, [u8]>,
}

impl ModelFile {
    /// Reads the file at `path`.
    pub fn read(path: &Path) -> Result<ModelFile, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.to_owned(),
            source,
        })?;
        Ok(ModelFile {
            origin: path.to_owned(),
            bytes: Cow::Owned(bytes),
        })
    }

    /// Decodes the weight file and checks that it holds a `kind` model.
    pub fn weights(&self, kind: &str) -> Result<WeightFile, ModelError> {
        WeightFile::from_bytes(&self.bytes, kind).map_err(|message| self.corrupt(message))
    }

    /// The error for a file whose content cannot be used.
    pub fn corrupt(&self, message: String) -> ModelError {
        ModelError::Corrupt {
            path: self.origin.clone(),
            message,
        }
    }
}

/// The last 8 bytes of a weight file (its checksum), if readable.
fn trailing_checksum(path: &Path) -> Option<u64> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(SeekFrom::End(-8)).ok()?;
    let mut last = [0u8; 8];
    file.read_exact(&mut last).ok()?;
    Some(u64::from_le_bytes(last))
}

fn last_u64(bytes: &[u8]) -> Option<u64> {
    let tail = bytes.get(bytes.len().checked_sub(8)?..)?;
    Some(u64::from_le_bytes(tail.try_into().ok()?))
}

/// One place searched for the models, and why it was passed over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Searched {
    /// The place: a folder (and what named it), or the built-in models.
    pub place: String,
    /// Why it was not used: "not set", "no such folder", "no ner.nkw", ….
    pub reason: String,
}

impl fmt::Display for Searched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.place, self.reason)
    }
}

/// The places a program looks for its models (see the module doc).
///
/// ```
/// use newskg_nlp::ModelSearch;
/// // A folder named explicitly is the only place tried.
/// let search = ModelSearch::with_explicit(Some("/no/such/folder".into()));
/// let err = search.find().unwrap_err().to_string();
/// assert!(err.contains("/no/such/folder (--models: no such folder)"), "{err}");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModelSearch {
    /// A folder named on the command line (`--models`): the only place
    /// tried when given.
    pub explicit: Option<PathBuf>,
    /// The value of `$NEWSKG_MODELS`: the only place tried when set (and no
    /// folder is named explicitly).
    pub env: Option<PathBuf>,
    /// The running executable: `models/` beside it and
    /// `../share/newskg/models` from its folder are tried.
    pub exe: Option<PathBuf>,
    /// Whether the models built into the program are the last resort (they
    /// are used only when this program was built with them).
    pub bundled: bool,
}

impl ModelSearch {
    /// The search of this process: `explicit` (the `--models` folder, if
    /// any), then `$NEWSKG_MODELS`, the running executable's folder, and the
    /// built-in models.
    pub fn with_explicit(explicit: Option<PathBuf>) -> ModelSearch {
        ModelSearch {
            explicit,
            env: std::env::var_os(MODELS_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            exe: std::env::current_exe().ok(),
            bundled: true,
        }
    }

    /// The first place that holds a complete set of models.
    pub fn find(&self) -> Result<ModelSource, ModelError> {
        let mut tried = Vec::new();
        if let Some(dir) = &self.explicit {
            return check_dir(dir).map_err(|reason| {
                not_found(
                    &mut tried,
                    dir.display().to_string(),
                    format!("--models: {reason}"),
                )
            });
        }
        match &self.env {
            Some(dir) => {
                return check_dir(dir).map_err(|reason| {
                    not_found(
                        &mut tried,
                        format!("${MODELS_ENV}={}", dir.display()),
                        reason,
                    )
                });
            }
            None => tried.push(Searched {
                place: format!("${MODELS_ENV}"),
                reason: "not set".into(),
            }),
        }
        match self.exe.as_deref().and_then(Path::parent) {
            Some(exe_dir) => {
                let mut dirs = vec![exe_dir.join("models")];
                if let Some(prefix) = exe_dir.parent() {
                    dirs.push(prefix.join("share/newskg/models"));
                }
                for dir in dirs {
                    match check_dir(&dir) {
                        Ok(source) => return Ok(source),
                        Err(reason) => tried.push(Searched {
                            place: dir.display().to_string(),
                            reason,
                        }),
                    }
                }
            }
            None => tried.push(Searched {
                place: "the executable's folder".into(),
                reason: "unknown".into(),
            }),
        }
        let built_in = ModelSource::Bundled.to_string();
        match ModelSource::bundled() {
            Some(source) if self.bundled => return Ok(source),
            Some(_) => tried.push(Searched {
                place: built_in,
                reason: "not wanted".into(),
            }),
            None => tried.push(Searched {
                place: built_in,
                reason: "this build has none: cargo feature bundled-models".into(),
            }),
        }
        Err(ModelError::NotFound { tried })
    }
}

/// The error listing `tried` plus one last place.
fn not_found(tried: &mut Vec<Searched>, place: String, reason: String) -> ModelError {
    tried.push(Searched { place, reason });
    ModelError::NotFound {
        tried: std::mem::take(tried),
    }
}

/// `dir` as a source when it holds every model file, or why not.
fn check_dir(dir: &Path) -> Result<ModelSource, String> {
    if !dir.is_dir() {
        return Err(if dir.exists() {
            "not a folder".into()
        } else {
            "no such folder".into()
        });
    }
    let missing: Vec<&str> = MODEL_FILES
        .iter()
        .copied()
        .filter(|name| !dir.join(name).is_file())
        .collect();
    if missing.is_empty() {
        Ok(ModelSource::Dir(dir.to_owned()))
    } else {
        Err(format!("no {}", missing.join(", ")))
    }
}

/// The model files compiled into the program.
#[cfg(feature = "bundled-models")]
mod bundled {
    pub const AVAILABLE: bool = true;

    /// The bytes of `name`, if it is one of the model files.
    pub fn file(name: &str) -> Option<&'static [u8]> {
        Some(match name {
            "facts.nkw" => include_bytes!("../../../models/facts.nkw"),
            "gazetteer.nkw" => include_bytes!("../../../models/gazetteer.nkw"),
            "lemmas.nkw" => include_bytes!("../../../models/lemmas.nkw"),
            "ner.nkw" => include_bytes!("../../../models/ner.nkw"),
            "parser.nkw" => include_bytes!("../../../models/parser.nkw"),
            "tagger.nkw" => include_bytes!("../../../models/tagger.nkw"),
            _ => return None,
        })
    }
}

/// This build has no models compiled in.
#[cfg(not(feature = "bundled-models"))]
mod bundled {
    pub const AVAILABLE: bool = false;

    pub fn file(_name: &str) -> Option<&'static [u8]> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(dir: &Path) -> ModelSearch {
        ModelSearch {
            explicit: None,
            env: None,
            exe: Some(dir.join("bin/newskg")),
            bundled: false,
        }
    }

    fn fake_models(dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        for name in MODEL_FILES {
            std::fs::write(dir.join(name), b"0123456789abcdef").unwrap();
        }
    }

    #[test]
    fn nothing_found_lists_every_place_tried() {
        let tmp = tempfile::tempdir().unwrap();
        let err = search(tmp.path()).find().unwrap_err().to_string();
        let root = tmp.path().display();
        let bundled = if cfg!(feature = "bundled-models") {
            "not wanted"
        } else {
            "this build has none: cargo feature bundled-models"
        };
        assert_eq!(
            err,
            format!(
                "no models found; tried $NEWSKG_MODELS (not set), {root}/bin/models (no such \
                 folder), {root}/share/newskg/models (no such folder), the models built into the \
                 program ({bundled})"
            )
        );
    }

    #[test]
    fn places_are_tried_in_order() {
        let tmp = tempfile::tempdir().unwrap();
        let share = tmp.path().join("share/newskg/models");
        fake_models(&share);
        assert_eq!(search(tmp.path()).find().unwrap(), ModelSource::Dir(share));
        let beside = tmp.path().join("bin/models");
        fake_models(&beside);
        assert_eq!(
            search(tmp.path()).find().unwrap(),
            ModelSource::Dir(beside.clone())
        );
        let env = tmp.path().join("env");
        fake_models(&env);
        let mut s = search(tmp.path());
        s.env = Some(env.clone());
        assert_eq!(s.find().unwrap(), ModelSource::Dir(env));
        s.explicit = Some(beside.clone());
        assert_eq!(s.find().unwrap(), ModelSource::Dir(beside));
    }

    #[test]
    fn a_named_folder_that_lacks_models_is_an_error_not_a_fallback() {
        let tmp = tempfile::tempdir().unwrap();
        fake_models(&tmp.path().join("bin/models"));
        let partial = tmp.path().join("partial");
        std::fs::create_dir_all(&partial).unwrap();
        std::fs::write(partial.join("tagger.nkw"), b"x").unwrap();
        let mut s = search(tmp.path());
        s.env = Some(partial.clone());
        assert_eq!(
            s.find().unwrap_err().to_string(),
            format!(
                "no models found; tried $NEWSKG_MODELS={} (no facts.nkw, gazetteer.nkw, \
                 lemmas.nkw, ner.nkw, parser.nkw)",
                partial.display()
            )
        );
        s.explicit = Some(tmp.path().join("nope"));
        assert_eq!(
            s.find().unwrap_err().to_string(),
            format!(
                "no models found; tried {}/nope (--models: no such folder)",
                tmp.path().display()
            )
        );
    }

    #[test]
    fn versions_name_each_file_by_its_checksum() {
        let tmp = tempfile::tempdir().unwrap();
        fake_models(tmp.path());
        std::fs::remove_file(tmp.path().join("ner.nkw")).unwrap();
        // The last 8 bytes, "89abcdef", little-endian.
        assert_eq!(
            ModelSource::Dir(tmp.path().to_owned()).versions(),
            "facts=6665646362613938 gazetteer=6665646362613938 lemmas=6665646362613938 \
             ner=unreadable parser=6665646362613938 tagger=6665646362613938"
        );
    }

    #[test]
    fn bundled_models_match_the_repository_files() {
        let Some(source) = ModelSource::bundled() else {
            assert!(matches!(
                ModelSource::Bundled.open("ner.nkw"),
                Err(ModelError::NotBundled { .. })
            ));
            return;
        };
        let dir = ModelSource::Dir(crate::Analyzer::default_dir());
        assert_eq!(source.versions(), dir.versions());
        assert!(!source.versions().contains("unreadable"));
        let analyzer = crate::Analyzer::from_source(&source).unwrap();
        assert_eq!(analyzer.source(), &ModelSource::Bundled);
        assert_eq!(analyzer.model_versions(), dir.versions());
    }
}
