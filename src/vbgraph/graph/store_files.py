"""The embedded store's files on disk: checked before a server loads them, and repaired.

The store is Redis's append-only log in ``appendonlydir/``: a manifest naming a
base file and the incremental logs written after it.  A server started on a
damaged store either starts empty and writes on top of the old log (a deleted
manifest) or, with ``aof-load-truncated no``, refuses to load.  So opening checks
the files first and turns what the server's log says into a message naming the
file and the way out (issue 15, finding 2); ``repair`` does what can be done
safely: rebuild a lost manifest from the files, and cut a log that ends in the
middle of a write back to its last complete write, keeping copies of what it changes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from vbgraph.errors import StoreError

AOF_DIR = "appendonlydir"
AOF_BASENAME = "vbgraph.aof"
MANIFEST = f"{AOF_BASENAME}.manifest"

_LOG_FILE = re.compile(rf"^{re.escape(AOF_BASENAME)}\.(\d+)\.(base|incr)\.(rdb|aof)$")


def _repair_hint(directory: Path) -> str:
    return (f"run `vbgraph --store '{directory}' repair` (it keeps a copy of every file it "
            "changes), or move the directory aside and ingest the documents again")


def _rebuild_hint(directory: Path) -> str:
    return (f"it cannot be repaired: move {directory} aside and ingest the documents again "
            "into a new store")


@dataclass(slots=True)
class ManifestEntry:
    name: str
    seq: int
    kind: str  # "b" base, "i" incremental, "h" history (deleted after a rewrite)


def read_manifest(path: Path) -> list[ManifestEntry] | None:
    """The manifest's entries, or ``None`` when it is not a manifest Redis can read."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words = line.split()
        fields = dict(zip(words[0::2], words[1::2], strict=False))
        if "file" not in fields or "seq" not in fields or "type" not in fields:
            return None
        try:
            entries.append(ManifestEntry(fields["file"], int(fields["seq"]), fields["type"]))
        except ValueError:
            return None
    return entries or None


def log_files(aof_dir: Path) -> list[Path]:
    """The base and incremental log files in ``aof_dir``."""
    if not aof_dir.is_dir():
        return []
    return sorted(p for p in aof_dir.iterdir() if _LOG_FILE.match(p.name))


def check_store_files(directory: Path) -> None:
    """Refuse a store whose log a server would load wrongly or not at all."""
    aof_dir = directory / AOF_DIR
    if not aof_dir.exists():
        return
    if not aof_dir.is_dir():
        raise StoreError(f"{aof_dir} should be the store's log folder but is a file; "
                         + _rebuild_hint(directory))
    manifest = aof_dir / MANIFEST
    files = log_files(aof_dir)
    if not manifest.exists():
        if files:
            names = ", ".join(p.name for p in files)
            raise StoreError(
                f"the store's manifest {manifest} is missing while its log files are there "
                f"({names}); opening it would start an empty store on top of them. To "
                "recover, " + _repair_hint(directory))
        return
    entries = read_manifest(manifest)
    if entries is None:
        raise StoreError(f"the store's manifest {manifest} is damaged (not a list of log "
                         "files). To recover, " + _repair_hint(directory))
    for entry in entries:
        if entry.kind in ("b", "i") and not (aof_dir / entry.name).is_file():
            raise StoreError(
                f"the store's log file {aof_dir / entry.name}, listed in its manifest, is "
                f"missing, and what it held is lost; " + _rebuild_hint(directory))


_CRASH = re.compile(r"(Guru Meditation[^|\n]*|crashed by signal[^\n]*|ASSERTION FAILED[^\n]*)")
_CRASH_MESSAGE = ("the server crashed while loading the store's log ({0}): a write inside it "
                  "is damaged (its framing is intact, so `vbgraph repair` cannot tell where); "
                  "{rebuild}")

#: What the server's log says when it cannot load a store -> what vbgraph tells the user.
_FAILURES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Unexpected end of file reading the append only file (\S+?)\.?\s"),
     "the store's log {0} ends in the middle of a write (the server or the machine "
     "stopped while writing, or the disk filled up); vbgraph does not open a store with "
     "part of its data missing. To recover what was written before that point, {repair}"),
    (re.compile(r"Bad file format reading the append only file (\S+) at offset (\d+)"),
     "the store's log {0} is damaged at byte {1} (it was changed by something other than "
     "the server); opening it would lose everything after that byte. To keep what comes "
     "before it, {repair}"),
    (re.compile(r"Unable to obtain the AOF file (\S+) length"),
     "the store's log file {0} is missing; {rebuild}"),
    (re.compile(r"(Invalid AOF manifest file format|Found an empty AOF manifest)"),
     "the store's manifest is damaged ({0}). To recover, {repair}"),
    (re.compile(r"(Short read or OOM loading DB|Internal error in RDB reading[^\n]*)"),
     "the store's base file is damaged ({0}); {rebuild}"),
    (_CRASH, _CRASH_MESSAGE),
    (re.compile(r"(No space left on device)"),
     "the disk holding the store is full ({0}); free some space and try again"),
    (re.compile(r"(Permission denied|Read-only file system)"),
     "the server cannot write the store's files ({0}); check the directory is writable"),
)


def describe_start_failure(directory: Path, log: str, redis_server: str | None = None) -> str:
    """What went wrong, from the log of a server that exited while loading ``directory``;
    when the log does not say, ``redis-check-aof`` (``redis_server``) reads the log files."""
    last = log.rsplit("oO0OoO0OoO0Oo", 1)[-1]  # the banner line of the last start
    for pattern, message in _FAILURES:
        found = pattern.search(last)
        if found and pattern is _CRASH:
            break  # the framing check below may say where the damage is
        if found:
            return message.format(*found.groups(), repair=_repair_hint(directory),
                                  rebuild=_rebuild_hint(directory))
    damaged = _diagnose(directory, redis_server) if redis_server else None
    if damaged is not None:
        name, offset = damaged
        return (f"the store's log {name} is damaged at byte {offset:,} (the server could not "
                "read it); opening it would lose everything after that byte. To keep what "
                "comes before it, " + _repair_hint(directory))
    crashed = _CRASH.search(last)
    if crashed:
        return _CRASH_MESSAGE.format(crashed.group(1), rebuild=_rebuild_hint(directory))
    errors = [line.split(" # ", 1)[-1].strip() for line in last.splitlines()
              if " # " in line and "WARNING" not in line]
    detail = " | ".join(e for e in errors if e)[-500:] or "no reason in its log"
    return (f"the embedded FalkorDB server stopped while opening the store {directory}: "
            f"{detail}")


# --------------------------------------------------------------------------
# Repair
# --------------------------------------------------------------------------


@dataclass(slots=True)
class RepairReport:
    """What ``repair`` did (``actions``) and where it kept the originals (``backup``)."""

    actions: list[str] = field(default_factory=list)
    backup: Path | None = None


def repair_store_files(directory: Path, redis_server: str) -> RepairReport:
    """Rebuild a lost or damaged manifest; cut logs that end mid-write (copies kept).

    The caller holds the store's server lock and has checked no server runs on it."""
    aof_dir = directory / AOF_DIR
    report = RepairReport()
    if not aof_dir.is_dir():
        report.actions.append("nothing to repair: the store has no log yet")
        return report
    backup = directory / f"damaged-{time.strftime('%Y%m%d-%H%M%S')}"

    def keep(path: Path) -> None:
        backup.mkdir(exist_ok=True)
        shutil.copy2(path, backup / path.name)
        report.backup = backup

    manifest = aof_dir / MANIFEST
    entries = read_manifest(manifest) if manifest.exists() else None
    if entries is None:
        text = _manifest_from_files(aof_dir)
        if manifest.exists():
            keep(manifest)
        manifest.write_text(text, encoding="utf-8")
        report.actions.append(f"rebuilt the manifest {manifest} from the log files")
        entries = read_manifest(manifest) or []
    missing = [e.name for e in entries if e.kind in ("b", "i")
               and not (aof_dir / e.name).is_file()]
    if missing:
        raise StoreError(f"the store's log files {', '.join(missing)} are missing, and what "
                         "they held is lost; " + _rebuild_hint(directory))
    check = _check_aof(redis_server, manifest, fix=False)
    if check.returncode == 0:
        report.actions.append("the log files are complete (every write in them is whole)")
        return report
    for entry in entries:
        if entry.kind in ("b", "i"):
            keep(aof_dir / entry.name)
    keep(manifest)
    fixed = _check_aof(redis_server, manifest, fix=True)
    shrunk = re.findall(r"This will shrink the AOF (\S+) from (\d+) bytes, with (\d+) bytes",
                        fixed.stdout)
    if fixed.returncode != 0 or _check_aof(redis_server, manifest, fix=False).returncode != 0:
        raise StoreError(f"the store's log could not be repaired ({_last_line(fixed.stdout)}); "
                         + _rebuild_hint(directory))
    for name, size, cut in shrunk:
        report.actions.append(f"cut {name} from {int(size):,} to {int(size) - int(cut):,} bytes "
                              f"(the last {int(cut):,} bytes were not a complete write)")
    return report


def _diagnose(directory: Path, redis_server: str) -> tuple[str, int] | None:
    """The first damaged log file and the byte where it stops being readable, if any."""
    manifest = directory / AOF_DIR / MANIFEST
    if not manifest.is_file():
        return None
    checked = _check_aof(redis_server, manifest, fix=False)
    if checked.returncode == 0:
        return None
    for name, size, ok_up_to in re.findall(
            r"AOF analyzed: filename=(\S+), size=(\d+), ok_up_to=(\d+)", checked.stdout):
        if int(ok_up_to) < int(size):
            return name, int(ok_up_to)
    return None


def _manifest_from_files(aof_dir: Path) -> str:
    found = [(_LOG_FILE.match(p.name), p) for p in log_files(aof_dir)]
    bases = sorted((int(m.group(1)), p) for m, p in found if m and m.group(2) == "base")
    incrs = sorted((int(m.group(1)), p) for m, p in found if m and m.group(2) == "incr")
    if not bases and not incrs:
        raise StoreError(f"{aof_dir} holds no log files to rebuild the manifest from")
    base_seq = bases[-1][0] if bases else 0
    lines = [f"file {bases[-1][1].name} seq {base_seq} type b"] if bases else []
    lines += [f"file {p.name} seq {seq} type i" for seq, p in incrs if seq >= base_seq]
    return "\n".join(lines) + "\n"


def _check_aof(redis_server: str, manifest: Path, fix: bool) -> subprocess.CompletedProcess[str]:
    args = ["redis-check-aof", *(["--fix"] if fix else []), str(manifest)]
    try:
        return subprocess.run(args, executable=redis_server, capture_output=True, text=True,
                              input="y\n" if fix else None, timeout=3600, check=False,
                              cwd=manifest.parent)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StoreError(f"cannot run redis-check-aof on {manifest}: {exc}") from exc


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"
