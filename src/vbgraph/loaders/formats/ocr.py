"""OCR of scanned PDF pages: Tesseract with its Vietnamese model, through pytesseract.

Pages are rendered by PDFium at ``DPI`` in grey and read by the ``tesseract``
program (Debian: ``apt-get install tesseract-ocr tesseract-ocr-vie``), one
thread each (``OMP_THREAD_LIMIT=1`` unless set).  Without the program or its
``vie`` model, ``OcrUnavailable`` says what to install.
OCR'd text carries the damage the text normaliser repairs ("quố: tế",
"ôn định"); it is NFC-normalised.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

#: Tesseract's language model.
LANGUAGE = "vie"
#: Rendering resolution: Tesseract reads 300 dpi best.
DPI = 300
#: Seconds Tesseract may take on one page.
PAGE_TIMEOUT = 180

INSTALL_HINT = (
    "OCR needs Tesseract and its Vietnamese model: apt-get install tesseract-ocr "
    "tesseract-ocr-vie (or run OCR first: ocrmypdf -l vie in.pdf out.pdf)"
)


class OcrUnavailable(Exception):
    """Tesseract or its Vietnamese model is not installed (the message says what to do)."""


@lru_cache(maxsize=1)
def _check() -> None:
    import pytesseract

    command = pytesseract.pytesseract.tesseract_cmd
    if shutil.which(command) is None:
        raise OcrUnavailable(f"the program '{command}' is not installed; {INSTALL_HINT}")
    try:
        languages = pytesseract.get_languages(config="")
    except Exception as exc:  # pytesseract wraps the program's failures in several kinds
        raise OcrUnavailable(f"tesseract does not run ({exc}); {INSTALL_HINT}") from None
    if LANGUAGE not in languages:
        raise OcrUnavailable(
            f"Tesseract has no Vietnamese model (it has: {', '.join(languages) or 'none'}); "
            "apt-get install tesseract-ocr-vie"
        )


def available() -> bool:
    """Whether OCR can run here."""
    try:
        _check()
    except OcrUnavailable:
        return False
    return True


def read_pages(document: Any, indexes: list[int], path: Path | str) -> list[str]:
    """The OCR'd text of pages ``indexes`` of a pypdfium2 ``document``."""
    _check()
    import pytesseract

    # One thread per Tesseract: its OpenMP threads slow it down several times when the
    # cores are busy (ingest workers); a value the user set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    texts = []
    for index in indexes:
        page = document[index]
        try:
            image = page.render(scale=_scale(page), grayscale=True).to_pil()
        finally:
            page.close()
        try:
            text = pytesseract.image_to_string(image, lang=LANGUAGE, timeout=PAGE_TIMEOUT)
        except RuntimeError as exc:  # pytesseract's timeout
            raise OcrUnavailable(
                f"Tesseract did not finish page {index + 1} in {PAGE_TIMEOUT} s ({exc})"
            ) from None
        texts.append(_clean(text))
    return texts


#: Pixels a page is rendered to at most: an A4 page at 300 dpi is 8.7 million; a page
#: declared 200 inches wide would take gigabytes at that resolution.
MAX_PIXELS = 40_000_000


def _scale(page: Any) -> float:
    """``DPI``, or less for a page so large that it would pass ``MAX_PIXELS``."""
    width, height = page.get_size()
    scale = DPI / 72
    pixels = width * height * scale * scale
    return scale if pixels <= MAX_PIXELS else scale * (MAX_PIXELS / pixels) ** 0.5


def _clean(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\f", "\n").split("\n"))
    return unicodedata.normalize("NFC", "\n".join(line for line in lines if line))


__all__ = ["DPI", "INSTALL_HINT", "LANGUAGE", "OcrUnavailable", "available", "read_pages"]
