""".doc (Word 97-2003): read in Python, else through an external converter on PATH.

* ``formats.word97`` reads Word 97-2003 files itself (the OLE container, the FIB, the
  piece table, paragraph and table properties): ~0.01-0.1 s a file instead of the
  2-3 s of starting LibreOffice, the same lines as LibreOffice's .docx gives.
  Files it does not read (encrypted, Word 6/95, fast-saved, damaged) go to:
* LibreOffice (``soffice``/``libreoffice``), when installed, converts the file
  to .docx headless and the .docx reader reads it: tables come out as pipe rows.
* Otherwise ``catdoc`` (Debian package ``catdoc``) prints the text as UTF-8,
  one paragraph per line; a line whose cells catdoc separated by tabs becomes
  a pipe row ``| a | b |``.  Legacy 8-bit documents are read as Windows-1258.
* With neither, ``InputError`` says what to install.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from vbgraph.errors import InputError
from vbgraph.loaders.models import DecodedText

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Seconds a converter may run on one file.
TIMEOUT = 180

_INSTALL_HINT = (
    "install catdoc (apt-get install catdoc) or LibreOffice (apt-get install "
    "libreoffice-writer-nogui), or save the file as .docx"
)


def read_doc(data: bytes, path: Path | str) -> DecodedText:
    """Text of a Word 97-2003 file; raise ``InputError`` naming ``path`` when it cannot be read."""
    if not data.startswith(OLE_MAGIC):
        raise InputError(
            f"{path}: not a Word 97-2003 .doc (no OLE signature); the file is damaged or has "
            "the wrong extension; open it in Word/LibreOffice and save it as .docx"
        )
    from vbgraph.loaders.formats.word97 import Unsupported, read_word97

    try:
        return DecodedText(read_word97(data), "", ())
    except Unsupported as exc:
        why = str(exc)
    for route in ROUTES:
        if route_available(route):
            decoded = read_doc_with(route, data, path)
            note = f"not read by vbgraph's .doc reader ({why})"
            return DecodedText(decoded.text, decoded.encoding, (note, *decoded.warnings))
    raise InputError(
        f"{path}: this .doc is not one vbgraph reads itself ({why}) and no converter is "
        f"installed; {_INSTALL_HINT}"
    )


#: Converters in order of preference: LibreOffice keeps table structure (merged cells);
#: catdoc is 100 times faster and gives the same words.  (antiword was tried: it lays a
#: table row's cells out over several lines, which splits the task rows.)
ROUTES = ("libreoffice", "catdoc")


def _program(route: str) -> str | None:
    if route == "libreoffice":
        return shutil.which("soffice") or shutil.which("libreoffice")
    if route == "catdoc":
        return shutil.which("catdoc")
    raise ValueError(f"unknown .doc route {route!r}; one of {ROUTES}")


def route_available(route: str) -> bool:
    """Whether the converter of ``route`` (``libreoffice``/``catdoc``) is on PATH."""
    return _program(route) is not None


def read_doc_with(route: str, data: bytes, path: Path | str) -> DecodedText:
    """Text of a Word 97-2003 file through one converter (``libreoffice`` or ``catdoc``)."""
    program = _program(route)
    if program is None:
        raise InputError(f"{path}: reading .doc with {route} needs it installed; {_INSTALL_HINT}")
    if route == "libreoffice":
        return _via_libreoffice(program, Path(path))
    return _via_catdoc(program, Path(path))


def _run(command: list[str], path: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(
            f"{path}: {Path(command[0]).name} did not finish in {TIMEOUT} s; "
            "open the file in Word/LibreOffice and save it as .docx"
        ) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot run {command[0]} ({exc}); {_INSTALL_HINT}") from None


def _via_catdoc(catdoc: str, path: Path) -> DecodedText:
    result = _run([catdoc, "-w", "-d", "utf-8", "-s", "cp1258", str(path.resolve())], path)
    stderr = " ".join(result.stderr.decode("utf-8", errors="replace").split())
    if result.returncode != 0:
        raise InputError(
            f"{path}: catdoc could not read the .doc ({stderr or 'exit ' + str(result.returncode)})"
            "; the file is damaged or encrypted; open it in Word/LibreOffice and save it as .docx"
        )
    text = result.stdout.decode("utf-8", errors="replace")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\f", "\n")
    lines = [_tabs_to_pipes(line) for line in text.split("\n")]
    warnings = ["read with catdoc: table rows rebuilt from tab-separated cells"]
    if "\ufffd" in text:
        warnings.append("catdoc output had undecodable bytes (shown as U+FFFD)")
    return DecodedText("\n".join(lines).strip("\n"), "", tuple(warnings))


def _tabs_to_pipes(line: str) -> str:
    inner = line.strip("\t ")
    if "\t" not in inner:
        return line
    cells = [cell.strip().replace("|", "¦") for cell in inner.split("\t")]
    return "| " + " | ".join(cells) + " |"


def _via_libreoffice(soffice: str, path: Path) -> DecodedText:
    from vbgraph.loaders.formats.docx import read_docx

    with tempfile.TemporaryDirectory(prefix="vbgraph-doc-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        out = Path(tmp, "out")
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(path.resolve()),
        ]
        result = _run(command, path)
        converted = out / (path.stem + ".docx")
        if result.returncode != 0 or not converted.is_file():
            stderr = " ".join(result.stderr.decode("utf-8", errors="replace").split())
            raise InputError(
                f"{path}: LibreOffice could not convert the .doc "
                f"({stderr or 'exit ' + str(result.returncode)}); the file is damaged or "
                "encrypted; open it in Word and save it as .docx"
            )
        decoded = read_docx(converted.read_bytes(), path)
    return DecodedText(decoded.text, "", ("converted with LibreOffice", *decoded.warnings))


def converter_available() -> bool:
    """Whether a .doc converter is on PATH (tests skip without one)."""
    return any(route_available(route) for route in ROUTES)


__all__ = ["OLE_MAGIC", "ROUTES", "converter_available", "read_doc", "read_doc_with",
           "route_available"]
