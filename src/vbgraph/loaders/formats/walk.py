"""Walk files and folders, reading every document and reporting every failure.

``iter_documents`` yields ``(path, SourceDocument)`` or ``(path, InputError)``
so one broken file never stops a folder.  Order is deterministic (sorted by
path within each argument, arguments in the order given); a file reached
twice is read once.  Inside folders, hidden files and folders (``.name``),
editor lock and temporary files (``~$x.docx``, ``~WRL0001.tmp``,
``.~lock.x#``, ``x~``) are skipped; files of an unsupported type are reported
as ``InputError`` (nothing is dropped silently) unless ``glob`` narrows the
walk.  A path named explicitly is always read.

What cannot be walked is reported, one ``WalkIssue`` each, and the rest is walked
(issue 15, finding 13): a folder that cannot be read, a link that loops or points
nowhere, and a file name that is not valid UTF-8 are errors; a link to a folder (not
followed: name the folder itself) and a FIFO, device or socket are skipped.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from vbgraph.errors import InputError
from vbgraph.loaders.formats.read import read_document
from vbgraph.models import SourceDocument

PathLike = str | os.PathLike[str]


def is_skipped(name: str) -> bool:
    """Hidden, lock, temporary and backup files that are never documents."""
    return (
        name.startswith((".", "~"))
        or name.endswith(("~", "#"))
        or name.lower()
        in (
            "thumbs.db",
            "desktop.ini",
        )
    )


@dataclass(frozen=True, slots=True)
class WalkIssue:
    """Something the walk met and could not read: an error, or ``skipped`` (not a document)."""

    path: Path
    message: str  # names the path (printable), says why and what to do
    skipped: bool = False


def printable(path: PathLike) -> str:
    """``path`` as text that can always be printed (undecodable bytes as ``\\xNN``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def iter_entries(
    paths: PathLike | Iterable[PathLike], glob: str | None = None, recursive: bool = True
) -> Iterator[Path | WalkIssue]:
    """The files to read and the issues met on the way, in walk order."""
    seen: set[Path] = set()
    for arg in _as_list(paths):
        root = Path(arg)
        if root.is_dir():
            found: Iterable[Path | WalkIssue] = _walk(root, glob, recursive)
        else:
            issue = _not_a_file(root, explicit=True)
            found = [issue if issue is not None else root]
        for entry in found:
            if isinstance(entry, WalkIssue):
                yield entry
                continue
            key = _identity(entry)
            if key in seen:
                continue
            seen.add(key)
            yield entry


def iter_paths(
    paths: PathLike | Iterable[PathLike], glob: str | None = None, recursive: bool = True
) -> Iterator[Path]:
    """The files ``iter_documents`` would read, in order, without reading them."""
    for entry in iter_entries(paths, glob, recursive):
        if isinstance(entry, Path):
            yield entry


def iter_documents(
    paths: PathLike | Iterable[PathLike], glob: str | None = None, recursive: bool = True
) -> Iterator[tuple[Path, SourceDocument | InputError]]:
    """Read every document under ``paths``; yield errors instead of raising them.

    ``glob`` (e.g. ``"*.docx"``) filters the files found inside folders by
    name; ``recursive=False`` stays in the folders given.  A path that does
    not exist yields an ``InputError`` too.
    """
    for entry in iter_entries(paths, glob, recursive):
        if isinstance(entry, WalkIssue):
            yield entry.path, InputError(entry.message)
            continue
        try:
            yield entry, read_document(entry)
        except InputError as exc:
            yield entry, exc


def _as_list(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return list(paths)


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.12)
        return path.absolute()


def _walk(root: Path, glob: str | None, recursive: bool) -> Iterator[Path | WalkIssue]:
    found: list[tuple[Path, Path | WalkIssue]] = []

    def unreadable(exc: OSError) -> None:
        folder = Path(exc.filename) if exc.filename else root
        found.append((folder, WalkIssue(
            folder, f"{printable(folder)}: cannot read this folder ({exc.strerror}); its "
                    "files are not ingested: check its permissions")))

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=False):
        kept = []
        for d in sorted(dirs):
            if is_skipped(d):
                continue
            path = Path(folder, d)
            if not recursive:
                continue
            if path.is_symlink():
                found.append((path, WalkIssue(
                    path, f"{printable(path)}: a link to a folder, not followed (name "
                          f"{printable(os.path.realpath(path))} itself to ingest it)",
                    skipped=True)))
                continue
            issue = _bad_name(path)
            if issue is not None:
                found.append((path, issue))
                continue
            kept.append(d)
        dirs[:] = kept
        for name in files:
            if is_skipped(name):
                continue
            path = Path(folder, name)
            relative = PurePath(os.path.relpath(path, root))
            if glob is not None and not (relative.match(glob) or PurePath(name).match(glob)):
                continue
            issue = _bad_name(path) or _not_a_file(path, explicit=False)
            found.append((path, issue if issue is not None else path))
    found.sort(key=lambda item: _sort_key(item[0].relative_to(root)))
    for _, entry in found:
        yield entry


def _bad_name(path: Path) -> WalkIssue | None:
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return WalkIssue(path, f"{printable(path)}: the name is not valid UTF-8 (it was "
                               "written in another encoding); rename it to ingest it")
    return None


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _not_a_file(path: Path, explicit: bool) -> WalkIssue | None:
    """Why ``path`` cannot be read as a document file (``None``: it can, or it is missing
    and the reader says so)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return WalkIssue(path, f"{printable(path)}: a symbolic link that loops back on "
                                   "itself; remove or fix the link")
        if path.is_symlink():
            return WalkIssue(path, f"{printable(path)}: a link to "
                                   f"{printable(os.readlink(path))}, which does not exist")
        return None
    for test, kind in _KINDS:
        if test(mode):
            return WalkIssue(path, f"{printable(path)}: {kind}, not a document file",
                             skipped=not explicit)
    return None


def _sort_key(relative: Path) -> tuple[list[str], list[str]]:
    return [part.casefold() for part in relative.parts], list(relative.parts)
