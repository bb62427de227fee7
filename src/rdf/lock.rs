//! Who is using an on-disk store, so that a busy store is reported by name
//! ("store kg.db is being written by process 4242 (newskg ingest)") instead
//! of with RocksDB's raw `LOCK: Resource temporarily unavailable` (issue 9,
//! item 9).
//!
//! A writer holds an exclusive OS lock (`flock`) on `newskg.lock` in the
//! store folder and writes its process id and command there; readers hold a
//! shared lock on the same file. The kernel drops a lock when its process
//! ends, however it ends, so a file left behind by a killed process blocks
//! nothing: its content is read only while its lock is held.
//!
//! Why readers wait for writers instead of reading alongside them: oxigraph
//! 0.5 offers only `Store::open_read_only`, which its documentation calls
//! undefined behaviour while another process writes (RocksDB's read-only
//! mode takes a static view of the files, which the writer's compactions
//! delete), and no longer offers RocksDB's secondary mode, which is the one
//! built to follow a live writer. So several readers may share a store, and
//! a writer has it alone.
//!
//! Writers that are not newskg (`oxigraph serve`, an older newskg) do not
//! know `newskg.lock`; RocksDB's own `LOCK` file is probed for them, and its
//! POSIX record lock names their process too.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// The lock file's name in the store folder.
pub const LOCK_FILE: &str = "newskg.lock";

/// Whether a store is opened to write or to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// One writer, alone.
    Write,
    /// Any number of readers, no writer.
    Read,
}

/// A held lock on a store folder, released when dropped (or when the
/// process ends). `None` inside when the folder cannot hold a lock file
/// (a read-only folder opened for reading).
#[derive(Debug)]
pub(crate) struct StoreLock {
    _file: Option<File>,
}

/// The process holding a store, from its lock file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    /// Process id, when known.
    pub pid: Option<u32>,
    /// The command it runs (`newskg ingest`), when known.
    pub command: Option<String>,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.pid, &self.command) {
            (Some(pid), Some(cmd)) => write!(f, "process {pid} ({cmd})"),
            (Some(pid), None) => write!(f, "process {pid}"),
            _ => f.write_str("another process"),
        }
    }
}

/// Locks the store folder `dir` (which must exist) for `access`.
pub(crate) fn lock(dir: &Path, access: Access) -> Result<StoreLock, StoreError> {
    let path = dir.join(LOCK_FILE);
    let io = |source| StoreError::Lock {
        path: path.clone(),
        source,
    };
    let file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
    {
        Ok(f) => f,
        // A reader of a folder it may not write: lock if the file is there,
        // and otherwise read unprotected (no newskg writer can be there
        // either, as it could not have made the file).
        Err(e) if access == Access::Read && e.kind() == std::io::ErrorKind::PermissionDenied => {
            match File::open(&path) {
                Ok(f) => f,
                Err(_) => return Ok(StoreLock { _file: None }),
            }
        }
        Err(e) => return Err(io(e)),
    };
    let mode = match access {
        Access::Write => sys::Mode::Exclusive,
        Access::Read => sys::Mode::Shared,
    };
    if !sys::try_flock(&file, mode).map_err(io)? {
        return Err(busy(dir, &path, access));
    }
    // Someone that does not know our file may still hold RocksDB's.
    if let Some(pid) = sys::rocksdb_lock_holder(&dir.join("LOCK")) {
        return Err(StoreError::BeingWritten {
            path: dir.to_owned(),
            holder: Holder {
                pid: Some(pid),
                command: None,
            },
        });
    }
    if access == Access::Write {
        let mut file = &file;
        let record = format!("{}\n{}\n", std::process::id(), command());
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(record.as_bytes()))
            .map_err(io)?;
    }
    Ok(StoreLock { _file: Some(file) })
}

/// The error for a lock someone else holds: a writer (named from the file)
/// or, when a shared lock can still be had, readers.
fn busy(dir: &Path, path: &Path, access: Access) -> StoreError {
    let readers_only = access == Access::Write
        && File::open(path)
            .ok()
            .and_then(|f| sys::try_flock(&f, sys::Mode::Shared).ok())
            .unwrap_or(false);
    if readers_only {
        return StoreError::BeingRead {
            path: dir.to_owned(),
        };
    }
    StoreError::BeingWritten {
        path: dir.to_owned(),
        holder: read_holder(path),
    }
}

/// What the writer wrote in the lock file: `pid\ncommand\n`. A writer that
/// has just taken the lock may not have written yet: then the fields are
/// unknown.
fn read_holder(path: &Path) -> Holder {
    let mut text = String::new();
    let _ = File::open(path).and_then(|mut f| f.read_to_string(&mut text));
    let mut lines = text.lines();
    let pid = lines.next().and_then(|l| l.trim().parse().ok());
    let command = lines
        .next()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    Holder { pid, command }
}

/// This process's command for the lock file: the program's file name and
/// its first argument (`newskg ingest`).
fn command() -> String {
    let mut args = std::env::args();
    let program = args
        .next()
        .map(PathBuf::from)
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    match args.next() {
        Some(first) => format!("{program} {first}"),
        None => program,
    }
}

#[cfg(unix)]
mod sys {
    use std::fs::File;
    use std::os::unix::io::AsRawFd;
    use std::path::Path;

    /// Exclusive or shared.
    #[derive(Clone, Copy)]
    pub(super) enum Mode {
        Exclusive,
        Shared,
    }

    /// Takes the lock without waiting: `Ok(false)` when someone else holds
    /// a conflicting one.
    pub(super) fn try_flock(file: &File, mode: Mode) -> std::io::Result<bool> {
        let op = match mode {
            Mode::Exclusive => libc::LOCK_EX,
            Mode::Shared => libc::LOCK_SH,
        };
        // SAFETY: `flock` only reads the descriptor, which `file` keeps open.
        if unsafe { libc::flock(file.as_raw_fd(), op | libc::LOCK_NB) } == 0 {
            return Ok(true);
        }
        let err = std::io::Error::last_os_error();
        if err.kind() == std::io::ErrorKind::WouldBlock {
            Ok(false)
        } else {
            Err(err)
        }
    }

    /// The process holding RocksDB's `LOCK` file (a POSIX record lock on the
    /// whole file), if another process holds it.
    pub(super) fn rocksdb_lock_holder(path: &Path) -> Option<u32> {
        let file = File::open(path).ok()?;
        // SAFETY: an all-zero `flock` struct is a valid value; `fcntl` with
        // F_GETLK fills it in and reads only the open descriptor.
        let mut probe: libc::flock = unsafe { std::mem::zeroed() };
        probe.l_type = libc::F_WRLCK as libc::c_short;
        probe.l_whence = libc::SEEK_SET as libc::c_short;
        // SAFETY: `probe` outlives the call, which writes only into it.
        let rc = unsafe {
            libc::fcntl(
                file.as_raw_fd(),
                libc::F_GETLK,
                &mut probe as *mut libc::flock,
            )
        };
        if rc != 0 || probe.l_type == libc::F_UNLCK as libc::c_short {
            return None;
        }
        u32::try_from(probe.l_pid).ok()
    }
}

#[cfg(not(unix))]
mod sys {
    use std::fs::File;
    use std::path::Path;

    #[derive(Clone, Copy)]
    pub(super) enum Mode {
        Exclusive,
        Shared,
    }

    /// No lock on this platform: RocksDB's own lock still stops a second writer.
    pub(super) fn try_flock(_file: &File, _mode: Mode) -> std::io::Result<bool> {
        Ok(true)
    }

    pub(super) fn rocksdb_lock_holder(_path: &Path) -> Option<u32> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holders_read_from_the_lock_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(LOCK_FILE);
        let _ = std::fs::write(&path, "4242\nnewskg ingest\n");
        let holder = read_holder(&path);
        assert_eq!(holder.to_string(), "process 4242 (newskg ingest)");
        let _ = std::fs::write(&path, "");
        assert_eq!(read_holder(&path).to_string(), "another process");
    }

    #[test]
    fn one_writer_or_many_readers() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // A stale file from a killed writer blocks nothing.
        let _ = std::fs::write(dir.path().join(LOCK_FILE), "999999999\nnewskg ingest\n");
        let writer = lock(dir.path(), Access::Write).unwrap_or_else(|e| panic!("{e}"));
        let held = std::fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap_or_default();
        assert!(
            held.starts_with(&format!("{}\n", std::process::id())),
            "{held}"
        );
        // flock locks belong to open files, so a second open in this process
        // conflicts like another process would.
        let err = lock(dir.path(), Access::Write).err().map(|e| e.to_string());
        let expected = format!(
            "store {} is being written by process {}",
            dir.path().display(),
            std::process::id()
        );
        assert!(
            err.as_deref().is_some_and(|e| e.starts_with(&expected)),
            "{err:?}"
        );
        let err = lock(dir.path(), Access::Read).err().map(|e| e.to_string());
        assert!(
            err.as_deref().is_some_and(|e| e.starts_with(&expected)),
            "{err:?}"
        );
        drop(writer);
        let reader = lock(dir.path(), Access::Read).unwrap_or_else(|e| panic!("{e}"));
        let second = lock(dir.path(), Access::Read).unwrap_or_else(|e| panic!("{e}"));
        let err = lock(dir.path(), Access::Write).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("is being read by another process")),
            "{err:?}"
        );
        drop((reader, second));
        assert!(lock(dir.path(), Access::Write).is_ok());
    }
}
