//! The store's version record (issue 15, item 6): which store format a
//! folder holds, and which newskg and models last wrote it, so that a store
//! written by a newer or incompatible newskg is refused with a message
//! instead of being read (or worse, written) as if it were ours.
//!
//! The record is a small text file, [`VERSION_FILE`], beside `newskg.made`
//! in the store folder, and not quads in a metadata graph, because:
//!
//! - the store format is a property of the folder (RocksDB layout, oxigraph
//!   storage, the RDF model newskg writes there), not of the graph: an
//!   export is plain RDF, and a dump loaded with `newskg load` into another
//!   store takes that store's format and is stamped by the newskg loading it;
//! - quads would travel with `export`, so a dump loaded into a second store
//!   would carry the first store's record (two records after two dumps),
//!   and every query over the union of the graphs would see them;
//! - the file is read before RocksDB is opened, so a store of a newer
//!   format is refused before anything could touch it.
//!
//! What travels with an export is each run's provenance, already in the
//! quads (`prov:wasGeneratedBy`: software and model versions per document).
//!
//! The file is `key: value` lines; unknown keys are ignored (a later newskg
//! may add some without changing the format), and it is replaced atomically
//! (written beside, then renamed), so a crash never leaves half a record.

use std::path::{Path, PathBuf};

use super::StoreError;

/// The store format this newskg reads and writes. Raise it when what is in
/// a store folder changes so that an older newskg would misread it (a new
/// RDF model, a new layout); record here what each format is.
///
/// - 1: oxigraph 0.5 on RocksDB, the RDF model of docs/rdf-model.md, a named
///   graph per document. Every newskg before the version record wrote it.
/// - 2: format 1 plus precomputed counts the named queries read: per
///   document graph `nkg:entityCount`, `nkg:factCount`,
///   `nkg:negatedFactCount`; per entity (entity graph) `nkg:totalMentions`
///   and `nkg:documentCount`.
/// - 3: format 2 plus each document graph's stance links
///   (`nkg:StanceLink`: entity, stance, entity and number of facts), which
///   the stance-network query reads.
///
/// An older store is upgraded when a writer opens it (`newskg upgrade`, an
/// ingest, a load): everything precomputed is counted again. Readers read
/// it as it is, and refuse the named queries that need a newer format.
pub const STORE_FORMAT: u32 = 3;

/// The oldest store format this newskg still opens.
pub const OLDEST_STORE_FORMAT: u32 = 1;

/// The version record's file name in the store folder.
pub const VERSION_FILE: &str = "newskg.version";

/// The record's key for the token of the resolver snapshot (see
/// [`StoreVersion`]); unknown to a newskg older than the snapshot, which
/// therefore drops it whenever it writes the store.
const SNAPSHOT_KEY: &str = "resolver-snapshot";

/// What a store's version record says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreVersion {
    /// The store format (see [`STORE_FORMAT`]).
    pub format: u32,
    /// The newskg that last opened the store to write (`newskg 0.1.0`).
    pub software: Option<String>,
    /// The model versions of the last ingest (`facts=… gazetteer=… …`, see
    /// `Analyzer::model_versions`); `None` before the first ingest (a store
    /// filled by `newskg load` only).
    pub models: Option<String>,
    /// Whether the folder holds a record: `false` for a store written by a
    /// newskg older than the record (format 1, the only one there was), or
    /// for an in-memory store.
    pub recorded: bool,
    /// The token of the resolver snapshot that describes the store as it
    /// is (`resolver-snapshot:`; see `rdf/snapshot.rs`), if one does. Every
    /// writer's open removes it before the store can change, and a newskg
    /// that does not know the key drops it when it rewrites the record, so
    /// it is there only while nothing wrote the store since the snapshot.
    pub(crate) resolver_snapshot: Option<String>,
}

impl StoreVersion {
    /// The record this newskg writes.
    pub fn current(models: Option<String>) -> StoreVersion {
        StoreVersion {
            format: STORE_FORMAT,
            software: Some(software()),
            models,
            recorded: true,
            resolver_snapshot: None,
        }
    }

    /// What an older newskg's store without a record is: format 1, the only
    /// format before the record existed.
    fn unrecorded() -> StoreVersion {
        StoreVersion {
            format: 1,
            software: None,
            models: None,
            recorded: false,
            resolver_snapshot: None,
        }
    }

    /// Parses the record; `path` names the file in errors.
    fn parse(text: &str, path: &Path) -> Result<StoreVersion, StoreError> {
        let bad = |problem: String| StoreError::BadVersion {
            path: path.to_owned(),
            problem,
        };
        let mut version = StoreVersion {
            format: 0,
            software: None,
            models: None,
            recorded: true,
            resolver_snapshot: None,
        };
        let mut format = None;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                return Err(bad(format!("line {}: not `key: value`", i + 1)));
            };
            let value = value.trim();
            match key.trim() {
                "format" => {
                    format = Some(value.parse::<u32>().map_err(|_| {
                        bad(format!("line {}: format {value:?} is not a number", i + 1))
                    })?)
                }
                "software" => version.software = Some(value.to_owned()),
                "models" => version.models = Some(value.to_owned()).filter(|m| !m.is_empty()),
                SNAPSHOT_KEY => {
                    version.resolver_snapshot = Some(value.to_owned()).filter(|t| !t.is_empty())
                }
                _ => {}
            }
        }
        version.format = format.ok_or_else(|| bad("no `format:` line".into()))?;
        Ok(version)
    }

    /// The record's text.
    fn render(&self) -> String {
        let mut out = String::from(
            "# newskg store version record: written by newskg, read before the store is opened\n",
        );
        out.push_str(&format!("format: {}\n", self.format));
        if let Some(s) = &self.software {
            out.push_str(&format!("software: {s}\n"));
        }
        if let Some(m) = &self.models {
            out.push_str(&format!("models: {m}\n"));
        }
        if let Some(t) = &self.resolver_snapshot {
            out.push_str(&format!("{SNAPSHOT_KEY}: {t}\n"));
        }
        out
    }
}

impl std::fmt::Display for StoreVersion {
    /// `format 1, last written by newskg 0.1.0`, or what is known.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "format {}", self.format)?;
        match (&self.software, self.recorded) {
            (Some(s), _) => write!(f, ", last written by {s}"),
            (None, true) => Ok(()),
            (None, false) => f.write_str(
                " (no version record: written by an older newskg; the next ingest or load adds one)",
            ),
        }
    }
}

/// `newskg x.y.z`, this program.
pub fn software() -> String {
    format!("newskg {}", env!("CARGO_PKG_VERSION"))
}

/// Reads the record of the store in folder `dir` and checks that this newskg
/// can open that format. A folder without a record is an older newskg's
/// store (or a new one): format 1.
pub(crate) fn check(dir: &Path) -> Result<StoreVersion, StoreError> {
    let path = dir.join(VERSION_FILE);
    let version = match std::fs::read_to_string(&path) {
        Ok(text) => StoreVersion::parse(&text, &path)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => StoreVersion::unrecorded(),
        Err(source) => return Err(StoreError::VersionIo { path, source }),
    };
    if version.format > STORE_FORMAT {
        return Err(StoreError::NewerFormat {
            path: dir.to_owned(),
            found: version.format,
            writer: version.software.unwrap_or_else(|| "a newer newskg".into()),
            ours: STORE_FORMAT,
            software: software(),
        });
    }
    if version.format < OLDEST_STORE_FORMAT {
        return Err(StoreError::OlderFormat {
            path: dir.to_owned(),
            found: version.format,
            oldest: OLDEST_STORE_FORMAT,
            software: software(),
        });
    }
    Ok(version)
}

/// Replaces the record in `dir` with `version`: written beside, then
/// renamed over it, so that a reader or a crash sees the old record or the
/// new one, never half of one.
pub(crate) fn write(dir: &Path, version: &StoreVersion) -> Result<(), StoreError> {
    let path = dir.join(VERSION_FILE);
    let tmp: PathBuf = dir.join(format!("{VERSION_FILE}.tmp"));
    std::fs::write(&tmp, version.render())
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|source| StoreError::VersionIo { path, source })
}

/// [`write`], and on disk before it returns: the file is synced before the
/// rename and the folder after it, so that the record says what it says
/// before anything that relies on it happens (the resolver snapshot's token
/// goes before the store can change, and comes after the snapshot is on
/// disk).
pub(crate) fn write_synced(dir: &Path, version: &StoreVersion) -> Result<(), StoreError> {
    let path = dir.join(VERSION_FILE);
    let tmp: PathBuf = dir.join(format!("{VERSION_FILE}.tmp"));
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        std::io::Write::write_all(&mut file, version.render().as_bytes())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, &path)?;
        sync_dir(dir)
    })();
    written.map_err(|source| StoreError::VersionIo { path, source })
}

/// Syncs folder `dir`, so that the files renamed, made or removed in it
/// stay so after a power cut (on Unix; elsewhere nothing to do).
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_unknown_keys_are_ignored() {
        let v = StoreVersion::current(Some("facts=00ff tagger=0a0b".into()));
        let text = v.render();
        let back = StoreVersion::parse(&text, Path::new("x")).ok();
        assert_eq!(back.as_ref(), Some(&v));
        let later = format!("{text}written-at: 2031-01-01\n");
        assert_eq!(
            StoreVersion::parse(&later, Path::new("x")).ok(),
            Some(v.clone())
        );
        // The snapshot's token goes and comes back with the record.
        let with = StoreVersion {
            resolver_snapshot: Some("0a1b2c".into()),
            ..v
        };
        let text = with.render();
        assert!(text.contains("resolver-snapshot: 0a1b2c"), "{text}");
        assert_eq!(StoreVersion::parse(&text, Path::new("x")).ok(), Some(with));
    }

    #[test]
    fn bad_records_name_the_file_and_the_line() {
        let err = |t: &str| {
            StoreVersion::parse(t, Path::new("kg.db/newskg.version"))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            err("format: two\n"),
            "kg.db/newskg.version: unreadable store version record: line 1: format \"two\" is not a number"
        );
        assert_eq!(
            err("newskg: 0.1.0\n"),
            "kg.db/newskg.version: unreadable store version record: no `format:` line"
        );
    }

    #[test]
    fn newer_and_older_formats_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(check(dir.path()).ok(), Some(StoreVersion::unrecorded()));
        let future = StoreVersion {
            format: STORE_FORMAT + 1,
            software: Some("newskg 9.0.0".into()),
            models: None,
            recorded: true,
            resolver_snapshot: None,
        };
        assert!(write(dir.path(), &future).is_ok());
        let err = check(dir.path()).err().map(|e| e.to_string());
        let expected = format!(
            "store {} has store format {} (written by newskg 9.0.0), newer than {} reads (format {} at most)",
            dir.path().display(),
            STORE_FORMAT + 1,
            software(),
            STORE_FORMAT
        );
        assert!(
            err.as_deref().is_some_and(|e| e.starts_with(&expected)),
            "{err:?}"
        );
        let old = StoreVersion {
            format: 0,
            ..future
        };
        assert!(write(dir.path(), &old).is_ok());
        let err = check(dir.path()).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("has store format 0, older than")),
            "{err:?}"
        );
    }
}
