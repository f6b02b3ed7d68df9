"""Where an agency's name ends after its head word (the agency-name grammar's reading).

Words are read one token at a time until a verb pair (``chủ trì``, ``phối hợp`` ...),
a particle, punctuation that ends a name, or the start of a known mention; a proper
name keeps its capitalised words; a local unit's name runs to its locality
(``... tỉnh``, ``... thành phố Vinh``).  The vocabulary is ``vocab/agency_names.toml``.
"""

from __future__ import annotations

import re

from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.patterns import LOWER
from vbgraph.loaders.vocab.agency_names import (
    AFTER_AND_GENERIC,
    LOCALITIES,
    NEXT_AGENCY,
    NOT_IN_NAME,
    STOP_PAIRS,
    STOP_WORDS,
    UNIT_NAME_PAIRS,
)

#: A line break ends a name, unless the next line goes on in lower case (a name wrapped
#: over the line's end: "các Ban Xây\ndựng Đảng").
TOKEN = re.compile(r"[^\s,;:.()\[\]\"“”|]+|[,;:.()\[\]\"“”|]|\n(?![ \t]*[" + LOWER + "])")
ANY_PLACE = r"(?=$|[\s,;.:)])"
_LOCALITY = re.compile(rf"\s({'|'.join(LOCALITIES)}){ANY_PLACE}")

class Tokens:
    """The tokens of ``text[pos:limit]`` (start, end, text), read only as far as asked for."""

    def __init__(self, text: str, pos: int, limit: int, token: re.Pattern[str] = TOKEN) -> None:
        self._matches = token.finditer(text, pos, limit)
        self._read: list[tuple[int, int, str]] = []

    def has(self, k: int) -> bool:
        """Whether there is a ``k``-th token (reading up to it)."""
        while len(self._read) <= k:
            m = next(self._matches, None)
            if m is None:
                return False
            self._read.append((m.start(), m.end(), m.group(0)))
        return True

    def __getitem__(self, k: int) -> tuple[int, int, str]:
        if not self.has(k):
            raise IndexError(k)
        return self._read[k]


def name_end(
    text: str,
    pos: int,
    limit: int,
    known_starts: set[int],
    unit: bool,
    lenient: frozenset[str] = frozenset(),
) -> int:
    """Where an open-class name that continues at ``pos`` ends (``lenient``: pairs let through)."""
    tokens = Tokens(text, pos, limit)
    end = pos
    words = 0
    k = 0
    while tokens.has(k) and words < 14:
        s, e, tok = tokens[k]
        if s in known_starts or tok in '\n;:()[]"“”.|':
            break
        if tok == ",":
            nxt = tokens[k + 1][2] if tokens.has(k + 1) else ""
            if not (unit and words <= 2 and nxt[:1].islower() and fold_name(nxt) != "cac"):
                break
            k += 1
            continue
        f = fold_name(tok)
        pair = f + " " + fold_name(tokens[k + 1][2]) if tokens.has(k + 1) else f
        prev = tokens[k - 1][2].lower() if k else ""
        if words and prev not in ("về", "và") and pair in STOP_PAIRS - lenient:
            break
        if tok.lower() in STOP_WORDS:
            break
        if f == "va" and tokens.has(k + 1):
            nxt = tokens[k + 1][2]
            nf = fold_name(nxt)
            if tokens[k + 1][0] in known_starts or (nxt[:1].isupper() and nf in NEXT_AGENCY):
                break
            if (
                nf == "cac"
                and tokens.has(k + 2)
                and fold_name(tokens[k + 2][2]) in AFTER_AND_GENERIC
            ):
                break
        end = e
        words += 1
        k += 1
    # no dangling connector
    while True:
        tail = text[pos:end].rstrip()
        last = tail.rsplit(None, 1)[-1] if tail.split() else ""
        if fold_name(last) in ("va", "cac", "cua", "-") and tail:
            end = pos + len(tail) - len(last)
            continue
        return pos + len(text[pos:end].rstrip())


def described_run(tokens: Tokens, k: int, known_starts: set[int], most: int = 6) -> int:
    """How many lower-case words from ``tokens[k]`` a department's name keeps after its
    capitalised words ("Cục Kiểm soát| thủ tục hành chính| chủ trì", "Cục Biến đổi| khí hậu|,"):
    up to a verb pair, a particle, punctuation or another body.  None when no such end comes
    within ``most`` words, or a capital comes first: then the words are a predicate and its
    object ("Vụ Môi trường| hoàn thiện dự thảo Kế hoạch")."""
    j = k
    while tokens.has(j):
        s, _, tok = tokens[j]
        if s in known_starts or not tok[:1].isalnum():
            return j - k
        if not tok[:1].islower():
            return 0
        f = fold_name(tok)
        pair = f + " " + fold_name(tokens[j + 1][2]) if tokens.has(j + 1) else f
        if pair in STOP_PAIRS or tok in STOP_WORDS or tok in NOT_IN_NAME:
            return j - k
        if j - k == most:
            return 0
        j += 1
    return j - k


def is_name_word(tok: str) -> bool:
    """A capitalised word or a number: part of a proper name (``Vùng 1``, ``Hải``)."""
    return tok[:1].isupper() or tok[:1].isdigit()


def proper_end(text: str, pos: int, limit: int, known_starts: set[int]) -> int:
    """Where a proper name that continues at ``pos`` ends.

    Capitalised words and numbers belong to it; a lower-case syllable belongs to it
    when it finishes a capitalised word (``Hải quân``, ``Hàng hải``) or when at most
    two of them lead to another capitalised word (``Cảnh sát biển 1``).
    """
    tokens = Tokens(text, pos, limit)  # read lazily: ``limit`` is often the text's end
    end = pos
    k = 0
    while tokens.has(k) and k < 12:
        s, e, tok = tokens[k]
        if s in known_starts or not tok[:1].isalnum():
            break
        if is_name_word(tok):
            end, k = e, k + 1
            continue
        j = k
        while tokens.has(j) and tokens[j][2][:1].islower():
            j += 1
        run = [tokens[i][2] for i in range(k, j)]
        nxt = tokens[j][2] if tokens.has(j) else ""
        if any(w in NOT_IN_NAME for w in run):
            break
        pair = fold_name(" ".join(run[:2]))
        if len(run) <= 2 and is_name_word(nxt) and pair not in STOP_PAIRS:
            end, k = tokens[j - 1][1], j
            continue
        # the second syllable of a capitalised word (``Hải quân``), not a verb after a
        # place name (``Vũng Tàu đẩy nhanh``): only after a lone capitalised syllable
        caps = 0
        while caps < k and tokens[k - 1 - caps][2][:1].isupper():
            caps += 1
        if caps == 1 and pair not in STOP_PAIRS:
            end = e
        break
    return end


def local_unit_end(
    text: str, pos: int, limit: int, known_starts: set[int], province: str | None
) -> int:
    """Where a local unit's name ends: after its locality (``... tỉnh``, ``... thành phố
    Vinh``, ``... Hà Nội``) when one comes before the verb, else where the words stop."""
    wide = name_end(text, pos, limit, known_starts, unit=False, lenient=UNIT_NAME_PAIRS)
    loc = _LOCALITY.search(text, pos, wide)
    if province:
        own = re.compile(r"\s" + re.escape(province) + r"(?=$|[\s,;.:)])").search(text, pos, wide)
        if own and (loc is None or own.start() < loc.start()):
            return own.end()
    if loc is None:
        return name_end(text, pos, limit, known_starts, unit=False)
    end = loc.end()
    stop = wide
    for m in TOKEN.finditer(text, end, stop):
        tok = m.group(0)
        if tok == "\n" or not is_name_word(tok):
            break
        end = m.end()
    return end


def scoped_name(name: str, province: str | None) -> str:
    """``Trung tâm Khuyến nông tỉnh Nghệ An`` -> ``Trung tâm Khuyến nông tỉnh`` in Nghệ An."""
    if province:
        for word in ("tỉnh", "thành phố"):
            tail = f" {word} {province}"
            if name.endswith(tail):
                return name[: -len(province) - 1]
    return name

