"""Walk files and folders, reading every document and reporting every failure.

``iter_documents`` yields ``(path, SourceDocument)`` or ``(path, InputError)``
so one broken file never stops a folder.  Order is deterministic (sorted by
path within each argument, arguments in the order given); a file reached
twice is read once.  Inside folders, hidden files and folders (``.name``),
editor lock and temporary files (``~$x.docx``, ``~WRL0001.tmp``,
``.~lock.x#``, ``x~``) are skipped; files of an unsupported type are reported
as ``InputError`` (nothing is dropped silently) unless ``glob`` narrows the
walk.  A path named explicitly is always read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
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


def iter_paths(
    paths: PathLike | Iterable[PathLike], glob: str | None = None, recursive: bool = True
) -> Iterator[Path]:
    """The files ``iter_documents`` would read, in order, without reading them."""
    seen: set[Path] = set()
    for arg in _as_list(paths):
        root = Path(arg)
        found = _walk(root, glob, recursive) if root.is_dir() else iter([root])
        for path in found:
            key = _identity(path)
            if key in seen:
                continue
            seen.add(key)
            yield path


def iter_documents(
    paths: PathLike | Iterable[PathLike], glob: str | None = None, recursive: bool = True
) -> Iterator[tuple[Path, SourceDocument | InputError]]:
    """Read every document under ``paths``; yield errors instead of raising them.

    ``glob`` (e.g. ``"*.docx"``) filters the files found inside folders by
    name; ``recursive=False`` stays in the folders given.  A path that does
    not exist yields an ``InputError`` too.
    """
    for path in iter_paths(paths, glob, recursive):
        try:
            yield path, read_document(path)
        except InputError as exc:
            yield path, exc


def _as_list(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return list(paths)


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _walk(root: Path, glob: str | None, recursive: bool) -> Iterator[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=None, followlinks=False):
        dirs[:] = [] if not recursive else sorted(d for d in dirs if not is_skipped(d))
        for name in files:
            if is_skipped(name):
                continue
            path = Path(folder, name)
            relative = PurePath(os.path.relpath(path, root))
            if glob is not None and not (relative.match(glob) or PurePath(name).match(glob)):
                continue
            found.append(path)
    found.sort(key=lambda p: _sort_key(p.relative_to(root)))
    yield from found


def _sort_key(relative: Path) -> tuple[list[str], list[str]]:
    return [part.casefold() for part in relative.parts], list(relative.parts)
