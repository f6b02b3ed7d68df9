"""The agency noun-phrase grammar: bodies no list names, read from how they are written.

Three forms (their words are vocabulary, ``vocab/agency_names.toml``):

* *collectives*: "các" and plural nouns of bodies, each with its specifier, then
  qualifiers -- "các sở, ngành có liên quan", "các Bộ, cơ quan ngang bộ, cơ quan thuộc
  Chính phủ", "các cơ sở khám bệnh, chữa bệnh", "Các tổ chức thành viên của MTTQ xã";
* *bodies of every place*: a body and the levels it stands at -- "UBND các huyện, thành
  phố", "Uỷ ban nhân dân cấp tỉnh, cấp xã", "BHXH các tỉnh", "Ủy ban nhân dân tỉnh, thành
  phố trực thuộc Trung ương";
* *named bodies*: a head written with a capital and its name -- "Ban Công tác mặt trận
  thôn", "Hội đồng quản lý bảo hiểm xã hội", "Bộ Nông nghiệp và Môi trường", "Tổ Công
  tác"; and offices standing for their body ("Bộ trưởng", "Lãnh đạo Bộ").

Each gives an :class:`~vbgraph.loaders.models.AgencyMention` whose name is the phrase as
written (whitespace collapsed, first letter capitalised); the gazetteer only merges
aliases of the bodies it knows, which :mod:`.names` puts first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise

from vbgraph.loaders.find.agencies.matcher import find_mentions
from vbgraph.loaders.find.agencies.name_ends import Tokens, described_run
from vbgraph.loaders.models import Agency, AgencyMention
from vbgraph.loaders.text.fold import fold_name
from vbgraph.loaders.text.patterns import (
    Pattern,
    initial_alternation,
    phrase,
    phrases,
)
from vbgraph.loaders.text.shared_scan import WHOLE_TEXT
from vbgraph.loaders.vocab.agency_names import (
    COMPOUND_STARTS,
    HEADS,
    NEXT_AGENCY,
    NOT_IN_NAME,
    STOP_PAIRS,
    STOP_WORDS,
)
from vbgraph.loaders.vocab.files import load

_DATA = load("agency_names.toml")
_COLLECTIVES = _DATA["collectives"]
_PLACES = _DATA["places"]
_NAMED = _DATA["named"]

# --------------------------------------------------------------------------- collectives

_PLURAL = phrases(_COLLECTIVES["plural"])
_FIRST_NOUNS = [p for p in _COLLECTIVES["plural"] if p not in _COLLECTIVES["not_first"]]
_FIRST = phrases(_FIRST_NOUNS)
#: The first nouns lower-case or capitalised ("cơ quan", "Cơ quan"; not "CƠ QUAN"), and the
#: first words a match of them opens with (a prefilter that skips to those words).
_FIRST_EITHER = "|".join(
    f"[{w[0]}{w[0].upper()}]{phrase(w[1:])}" for w in sorted(_FIRST_NOUNS, key=len, reverse=True)
)
_FIRST_STARTS = tuple(
    {f for w in _FIRST_NOUNS for f in (w.split()[0], w[0].upper() + w.split()[0][1:])}
)
_SPEC = phrases(_COLLECTIVES["specifiers"])
_QUAL = phrases(_COLLECTIVES["qualifiers"])
#: An item ends where the list goes on, a specifier or qualifier follows, or the phrase ends.
_ITEM_END = rf"(?=\s*(?:[,;.:)\n]|và\b|hoặc\b|$)|\s+(?:{_SPEC}|{_QUAL})(?![^\W\d_]))"
_ITEM = rf"(?:các\s+)?(?:{_PLURAL})(?:\s+(?:{_SPEC}))?"
#: Not the plural noun but a word it starts: "mọi trường hợp", "các cơ sở dữ liệu".
_NOT_COMPOUND = rf"(?!\s+(?:{phrases(_COLLECTIVES['compound_tails'])})(?![^\W\d_]))"
_COLLECTIVE = Pattern(
    "collective",
    rf"(?:[Cc]ác|CÁC|[Mm]ọi|[Tt]ất\s+cả\s+các)\s+(?i:{_FIRST})(?![^\W\d_]){_NOT_COMPOUND}"
    rf"(?:\s+(?:{_SPEC}))?"
    rf"(?:\s*(?:,|và|hoặc)\s*(?i:{_ITEM})(?![^\W\d_]){_ITEM_END})*"
    # the last noun, in lower case, before the verb: "các tỉnh ủy, thành ủy chịu trách nhiệm"
    rf"(?:\s*(?:,|và)\s*(?:{_ITEM})(?![^\W\d_]){_NOT_COMPOUND}(?!\s*(?:,|và|hoặc)))?"
    rf"(?:\s+(?:{_QUAL})(?![^\W\d_]))*",
    starts=("các", "Các", "CÁC", "mọi", "Mọi", "tất", "Tất"),
    shared=WHOLE_TEXT,
)
#: Bodies named by plural nouns without "các", which a qualifier makes a collective: "phối
#: hợp với cơ quan, đơn vị có liên quan", "sở, ban, ngành liên quan".
_BARE_QUALIFIED = Pattern(
    "bare collective",
    # its first noun lower-case or capitalised: "Cơ quan, địa phương liên quan" opens a cell
    rf"(?<![^\W\d_])(?<![Cc]ác\s)(?:{_FIRST_EITHER})"
    rf"(?![^\W\d_])(?:\s*(?:,|và|hoặc)\s*(?:{_ITEM})(?![^\W\d_]){_ITEM_END})*"
    rf"\s+(?:có\s+liên\s+quan|liên\s+quan|hữu\s+quan)(?![^\W\d_])",
    starts=_FIRST_STARTS,
    shared=WHOLE_TEXT,
)
#: "cơ quan" and words saying which, without "các": "phối hợp với cơ quan BHXH", "cơ quan
#: quản lý nhà nước chuyên ngành", "cơ quan báo chí" -- the body of that kind concerned.
_BARE_SPECIFIED = Pattern(
    "bare specified body",
    # ("cơ quan nhà nước" alone is any state body: no one in particular)
    rf"(?<![^\W\d_])(?<![Cc]ác\s)[Cc]ơ\s+quan\s+(?!nhà\s+nước(?![ \t]+\w))(?:{_SPEC})"
    rf"(?![^\W\d_])"
    rf"(?:\s+(?:{_QUAL})(?![^\W\d_]))*",
    starts=("cơ", "Cơ"),
    shared=WHOLE_TEXT,
)
#: Three or more plural nouns of bodies without "các" are a collective too: "phối hợp với
#: sở, ban, ngành, Ủy ban nhân dân xã", "Sở, ban, ngành thành phố", "cơ quan, đơn vị, địa
#: phương" (two could be a pair of words; three are the genre's fixed enumerations).
_BARE_LIST = Pattern(
    "bare list collective",
    rf"(?<![^\W\d_])(?<![Cc]ác\s)(?:{_FIRST_EITHER})(?![^\W\d_]){_NOT_COMPOUND}"
    # (the last noun, in lower case, may be followed by the words saying which: "cơ quan, tổ
    # chức, đơn vị trực tiếp quản lý người ứng cử có trách nhiệm"; not "Ủy ban nhân dân")
    rf"(?:\s*,\s*(?i:{_ITEM})(?![^\W\d_]){_ITEM_END}){{1,}}"
    rf"\s*,\s*(?:{_ITEM})(?![^\W\d_])"
    rf"(?:\s+(?:{_QUAL})(?![^\W\d_]))*",
    starts=_FIRST_STARTS,
    shared=WHOLE_TEXT,
)
#: "các Ban" alone, its noun capitalised: before a capital, the noun heads a name.
_OF_NAMED = re.compile(r"[Cc]ác\s+Ban")
_NEXT_LETTER = re.compile(r"[ \t]+([^\W\d_])")
_CENTRAL_WORDS = re.compile(rf"(?<!\w)(?:{phrases(_COLLECTIVES['central'])})(?!\w)")

# --------------------------------------------------------------------------- places

_LEVEL = phrases(_PLACES["levels"])
#: Levels joined by "," or "/" ("các xã, phường, thị trấn", "xã/phường/thị trấn").
_LEVELS = rf"(?:{_LEVEL})(?:\s*[,/]\s*(?:cấp\s+)?(?:{_LEVEL}))*"
_EVERY_PLACE = Pattern(
    "body of every place",
    rf"(?:{phrases(_PLACES['bodies'])})\s+"
    rf"(?:(?:các|cấp)\s+{_LEVELS}|(?:{_LEVEL})\s*[,/]\s*(?:cấp\s+)?{_LEVELS})"
    r"(?:\s+trực\s+thuộc\s+(?:Trung\s+ương|trung\s+ương|tỉnh))?(?:\s+ở\s+địa\s+phương)?"
    rf"(?![^\W\d_])",
    starts=tuple({b.split()[0] for b in _PLACES["bodies"]}),
    shared=WHOLE_TEXT,
)

#: "xã / phường": levels joined by a slash are named as a list ("xã, phường").
_SLASH = re.compile(r"\s*/\s*")

# --------------------------------------------------------------------------- bodies of a level

_LOCAL = _DATA["local"]


def _variants(table: dict[str, list[str]]) -> dict[str, str]:
    """Folded variant -> canonical head."""
    return {fold_name(v): canon for canon, vs in table.items() for v in (canon, *vs)}


_LOCAL_HEADS = _variants(_LOCAL["bodies"])
_VILLAGE_HEADS = _variants(_LOCAL["offices"])
_VILLAGE = phrases(_LOCAL["village_levels"])
_LEVEL_ALTERNATION = rf"(?:{phrases(_LOCAL['levels'])}|{_VILLAGE})"
_BODY_HEADS = [v for vs in _LOCAL["bodies"].values() for v in vs]
_OFFICE_HEADS = [v for vs in _LOCAL["offices"].values() for v in vs]
#: The most words a head has.
_HEAD_WORDS = max(len(h.split()) for h in (*_BODY_HEADS, *_OFFICE_HEADS))
_LEVEL_ANCHOR = Pattern(
    "level word",
    rf"(?<=\s)(?:{_LEVEL_ALTERNATION})(?![^\W\d_])(?!\s+hội\b)",
    re.IGNORECASE,
    starts=tuple({w.split()[0] for w in (*_LOCAL["levels"], *_LOCAL["village_levels"])}),
    shared=WHOLE_TEXT,
)


def before_anchors(
    anchor: Pattern, head: re.Pattern[str], reach: int
) -> Callable[[str, int, int], list[int]]:
    """Candidate starts for a pattern that ends in a rarer word (``anchor``): where ``head``
    (the pattern's opening, ending at the anchor) starts within ``reach`` characters before
    one; the pattern itself decides."""

    def find(text: str, pos: int, end: int) -> list[int]:
        out: set[int] = set()
        for m in anchor.finditer(text, pos, end):  # its fast scan: fewer places than its starts
            a = max(pos, m.start() - reach)
            while (h := head.search(text, a, m.start())) is not None:
                out.add(h.start())
                a = h.start() + 1
        return sorted(out)

    return find


#: Spaces inside a head and before its level (bounded, so a head ends near its level).
GAP = r"\s{1,3}"
_GAP = GAP
_BODY_ALTERNATION = phrases(_BODY_HEADS, space=_GAP)
_OFFICE_ALTERNATION = phrases(_OFFICE_HEADS, space=_GAP)
_HEADS_SCAN = initial_alternation((*_BODY_HEADS, *_OFFICE_HEADS), space=_GAP)
_AT_LEVEL = Pattern(
    "body of a level",
    rf"(?<![^\W_])(?:(?P<body>{_BODY_ALTERNATION}){_GAP}(?P<level>{_LEVEL_ALTERNATION})"
    rf"|(?P<office>{_OFFICE_ALTERNATION}){_GAP}(?P<village>{_VILLAGE}))"
    r"(?![^\W\d_])(?!\s+hội\b)",
    re.IGNORECASE,
    candidates=before_anchors(
        _LEVEL_ANCHOR,
        re.compile(rf"(?<![^\W_])(?:{_HEADS_SCAN}){_GAP}\Z"),
        max(map(len, (*_BODY_HEADS, *_OFFICE_HEADS))) + 3 * _HEAD_WORDS,
    ),
)
_LEVEL_WORDS = {fold_name(w): w for w in (*_LOCAL["levels"], *_LOCAL["village_levels"])}
#: A word of the place's name after the level: capitalised or a number ("xã Lương Minh",
#: "thôn 3"); the word after it, whatever it is.
_PLACE_WORD = re.compile(r"[ \t]+([A-ZĐÀ-Ỹ][^\W_]*|\d+[A-Za-z]?)(?![^\s,;.:()])")
_NEXT_WORD = re.compile(r"[ \t]+([^\W_]+)")
#: A place's name has at most this many words.
_PLACE_WORDS = 4


def _place_end(text: str, pos: int, end: int) -> tuple[int, list[str]]:
    """Where the place's name after ``pos`` ends, and its words (none: no name)."""
    words: list[str] = []
    while len(words) < _PLACE_WORDS and (w := _PLACE_WORD.match(text, pos, end)):
        nxt = _NEXT_WORD.match(text, w.end(), end)
        pair = fold_name(f"{w.group(1)} {nxt.group(1)}") if nxt else ""
        # a head word starts the next body ("UBND xã Công an xã"), but a place's name may
        # begin with a two-syllable head's first syllable ("phường Văn Phú", "xã Công Hải")
        first = fold_name(w.group(1))
        place = first in COMPOUND_STARTS and nxt is not None and nxt.group(1)[:1].isupper()
        if pair in STOP_PAIRS or (first in NEXT_AGENCY and not place):
            break  # "MTTQ xã Phối hợp với ...", "UBND xã Công an xã"
        words.append(w.group(1))
        pos = w.end()
    return pos, words


def level_bodies(text: str, province: str | None, start: int, end: int) -> Iterator[AgencyMention]:
    """A body every commune, district or village has, named by its level: "UBND xã",
    "Công an xã", "Trưởng thôn", "Ban Thường trực Ủy ban MTTQ xã Lương Minh"."""
    for m in _AT_LEVEL.finditer(text, start, end):
        if m.group("body"):
            head, level = _LOCAL_HEADS[fold_name(m.group("body"))], m.group("level")
        else:
            head, level = _VILLAGE_HEADS[fold_name(m.group("office"))], m.group("village")
        stop, place = _place_end(text, m.end(), end)
        name = " ".join([head, _LEVEL_WORDS[fold_name(level)], *place])
        agency = Agency(name, province, False, "local", "state")
        yield AgencyMention(agency, m.start(), stop, text[m.start() : stop])


# --------------------------------------------------------------------------- named bodies

_HEAD = Pattern(
    "named head",
    "|".join(
        rf"{re.escape(h[0])}(?<![^\W\d_]{re.escape(h[0])}){phrase(h[1:])}(?=\s)"
        for h in sorted(_NAMED["heads"], key=len, reverse=True)
    ),
    starts=tuple({h.split()[0] for h in _NAMED["heads"]}),
    shared=WHOLE_TEXT,
)
_LOWER_OPENER = re.compile(rf"\s+(?:{phrases(_NAMED['lower_openers'])})(?!\w)")
_PLURAL_HEADS = frozenset(_NAMED["plural_heads"])
#: "các" opening a union's name before its members' capitalised head ("Liên hiệp các Hội").
_PLURAL_OPENER = re.compile(r"\s+các(?=\s+[A-ZĐÀ-Ỹ])")


def is_union(m: AgencyMention) -> bool:
    """Whether ``m`` names a union of bodies ("Liên hiệp các Hội Khoa học và Kỹ thuật")."""
    head, _, rest = m.agency.name.partition(" các ")
    return head in _PLURAL_HEADS and bool(rest)
_LOCALITY = re.compile(rf"(?:{phrases(_NAMED['localities'])})(?![^\W\d_])")
#: Heads of bodies that are national whatever document names them ("Quân khu 2").
_NATIONAL_HEADS = frozenset(_NAMED["national_heads"])
_CENTRAL_NAME = re.compile(rf"(?<!\w)(?:{phrases(_NAMED['central'])})(?!\w)")
_CONNECTORS = frozenset({"và", "-", "–", "&", ","})
#: Words that follow a capitalised word but do not finish it.
_NOT_CONTINUING = frozenset({"co", "duoc", "da", "se", "cac", "nhung", "moi"})
#: A locality word starting another word.
_NOT_LOCALITIES = frozenset({"xa hoi", "tinh hinh", "thanh pho"})
#: Heads of departments whose names go on in lower case ("Cục Kiểm soát thủ tục hành chính").
_DESCRIBED_HEADS = frozenset(HEADS["described"])
_PUNCTUATION = frozenset({"\n", ".", ";", ":", "(", ")", "[", "]", '"', "“", "”", "|"})
#: At most this many lower-case words inside a name before a capital or a locality.
_LOWER_RUN = 3
#: A name's words at most (head aside).
_MAX_WORDS = 12
def _is_capitalised(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit()


def _ends_name(run: list[str]) -> bool:
    """Whether lower-case words (and connectors) between two capitals end the name: a verb
    or particle among them ("chủ trì", "là"), or a connector before another body."""
    folded = [fold_name(w) for w in run]
    pairs = {f"{a} {b}" for a, b in pairwise(folded)}
    return bool(pairs & STOP_PAIRS) or any(
        w in STOP_WORDS or (w in NOT_IN_NAME and w not in _CONNECTORS) for w in run
    )


def _is_locality(tokens: Tokens, k: int) -> bool:
    """``tokens[k]`` names a locality ("thôn", "xã") rather than starting a word ("xã hội")."""
    if not _LOCALITY.fullmatch(tokens[k][2]):
        return False
    return not (tokens.has(k + 1) and fold_name(tokens[k][2] + " " + tokens[k + 1][2]) in
                _NOT_LOCALITIES)  # fmt: skip


def _name_stop(tokens: Tokens, known_starts: set[int], described: bool = False) -> int:
    """How many of ``tokens`` a body's name keeps after its head (see the module docs).

    Vietnamese capitalises a name's words' first syllables ("Tài chính", "Thương binh"),
    so one lower-case syllable after a capitalised one stays; longer lower-case runs stay
    only when a capital or a locality follows them and they hold no verb.
    """
    end, words = 0, 0
    while tokens.has(end) and words < _MAX_WORDS:
        s, _, tok = tokens[end]
        if s in known_starts and end:
            return end  # another body the gazetteer knows
        if _is_capitalised(tok) or _is_locality(tokens, end):
            end, words = end + 1, words + 1
            if tokens.has(end) and not _acronym(tok) and _continues_word(tokens, end):
                end, words = end + 1, words + 1  # "Tài chính", "Chỉ đạo"
            continue
        j = end  # a run of lower-case words and connectors, kept if a capital follows
        while tokens.has(j) and j - end < _LOWER_RUN and not _is_capitalised(tokens[j][2]):
            if tokens[j][2] in _PUNCTUATION or _is_locality(tokens, j):
                break
            j += 1
        tail = described_run(tokens, end, known_starts) if described else 0
        if not tokens.has(j) or tokens[j][2] in _PUNCTUATION or tokens[j][0] in known_starts:
            return end + tail
        run = [tokens[i][2] for i in range(end, j)]
        nxt = tokens[j][2]
        joined = any(t in _CONNECTORS for t in run)
        if _ends_name(run) or (
            joined and fold_name(nxt) in NEXT_AGENCY and not _hyphened_part(tokens, j, run)
        ):
            return end + _last_syllables(run)
        if not (_is_capitalised(nxt) or _is_locality(tokens, j)):
            return end + tail
        end, words = j + 1, words + len(run) + 1
        if tokens.has(end) and not _acronym(nxt) and _continues_word(tokens, end):
            end, words = end + 1, words + 1
    return end


def _hyphened_part(tokens: Tokens, j: int, run: list[str]) -> bool:
    """Whether the capitalised words at ``tokens[j]`` after a lone hyphen are the second
    part of the name ("Phòng Kế hoạch - Tổng hợp", "Phòng Hành chính - Tổng hợp"), though
    they read as a verb, rather than the next body's head."""
    return (
        run in (["-"], ["–"])
        and tokens.has(j + 1)
        and fold_name(f"{tokens[j][2]} {tokens[j + 1][2]}") in STOP_PAIRS
    )


def _last_syllables(run: list[str]) -> int:
    """How many lower-case words before a connector still end the name: "binh" of "Hội
    Cựu chiến binh, Hội ..." (at most two, no verb among them)."""
    k = next((i for i, w in enumerate(run) if w in _CONNECTORS), len(run))
    if k == len(run) or not 0 < k <= 2 or _ends_name(run[:k]):
        return 0
    return k


def _acronym(tok: str) -> bool:
    """An acronym ("UBND", "KCB"), which no lower-case syllable finishes; a one-letter
    syllable is a word's first ("Y" of "Y tế")."""
    return len(tok) > 1 and tok.isupper()


def _continues_word(tokens: Tokens, k: int) -> bool:
    """``tokens[k]`` may finish the capitalised word before it ("chính" of "Tài chính"):
    lower case, and not the first syllable of a verb ("lãnh" of "lãnh đạo")."""
    tok = tokens[k][2]
    if tokens.has(k + 1) and fold_name(f"{tok} {tokens[k + 1][2]}") in STOP_PAIRS:
        return False
    return (
        tok[:1].islower()
        and tok not in _CONNECTORS
        and tok not in STOP_WORDS
        and tok not in NOT_IN_NAME
        and fold_name(tok) not in _NOT_CONTINUING
    )


_FIRST_WORD = re.compile(r"\s+(\S+)")
#: A head ending its line, its name going on at the next ("phối hợp với Ban\nQuản lý ..."),
#: not a heading or an article there.
_WRAPPED_AFTER_HEAD = re.compile(r"[ \t]*\n[ \t]*(?!(?:Điều|Chương|Mục|Phần|Phụ)\b)[A-ZĐÀ-Ỹ]")
#: Characters read after a head at most: a name's words and the words that end it.
_NAME_WINDOW = 400


def named_bodies(
    text: str,
    province: str | None,
    start: int,
    end: int,
    known_starts: set[int],
    free: Callable[[int, int], bool] = lambda a, b: True,
) -> Iterator[AgencyMention]:
    """Bodies named after a capitalised head: "Ban Công tác mặt trận thôn", "Tổ Công tác"
    (heads inside a name already read, ``not free``, are skipped)."""
    for h in _HEAD.finditer(text, start, end):
        if not free(h.start(), h.end()):
            continue
        pos = h.end()
        opener = _LOWER_OPENER.match(text, pos, end)
        if opener is None and h.group() in _PLURAL_HEADS:
            opener = _PLURAL_OPENER.match(text, pos, end)
        first = _FIRST_WORD.match(text, pos, end)
        if opener is None and (first is None or not _is_capitalised(first.group(1))):
            continue
        if first is not None and first.group(1).isupper() and len(first.group(1)) > 5:
            continue  # a heading in capitals, not a name
        name_from = opener.end() if opener else pos
        if opener is None and first is not None and _WRAPPED_AFTER_HEAD.match(text, pos):
            name_from = first.start(1)  # "1. Ban\nQuản lý các khu công nghệ cao ...": wrapped
        tokens = Tokens(text, name_from, min(end, name_from + _NAME_WINDOW))
        keep = _name_stop(tokens, known_starts, h.group() in _DESCRIBED_HEADS)
        stop = tokens[keep - 1][1] if keep else name_from
        if stop <= pos + 1:
            continue
        name = " ".join(text[h.start() : stop].split())
        central = bool(_CENTRAL_NAME.search(name)) or h.group() in _NATIONAL_HEADS
        scope = None if central else province
        agency = Agency(name, scope, False, "central" if central else "local", "state")
        yield AgencyMention(agency, h.start(), stop, text[h.start() : stop])


@lru_cache(maxsize=1024)
def _named_collective(phrase: str, province: str | None) -> Agency | None:
    """The gazetteer's collective ``phrase`` opens with ("các cơ quan, đơn vị có liên quan"
    is "Các cơ quan, đơn vị liên quan"), if one."""
    known = find_mentions(phrase, province)
    if len(known) == 1 and known[0].start == 0 and known[0].agency.collective:
        return known[0].agency
    return None


def collectives(text: str, province: str | None, start: int, end: int) -> Iterator[AgencyMention]:
    """Collective addressees: "các sở, ngành liên quan", "UBND các huyện, thành phố"."""
    for pattern in (_COLLECTIVE, _EVERY_PLACE, _BARE_QUALIFIED, _BARE_LIST, _BARE_SPECIFIED):
        for m in pattern.finditer(text, start, end):
            raw = m.group()
            nxt = _NEXT_LETTER.match(text, m.end(), end)
            if pattern is _COLLECTIVE and _OF_NAMED.fullmatch(raw) and nxt and nxt[1].isupper():
                continue  # "các Ban Xây dựng Đảng": several bodies of one name, read as named
            stop = m.end()
            while stop > m.start() and text[stop - 1] in " ,":
                stop -= 1
            name = " ".join(_SLASH.sub(", ", text[m.start() : stop]).split())
            if pattern is _BARE_SPECIFIED:
                name = " ".join(text[m.start() : stop].split())
                body = Agency(name[:1].upper() + name[1:], province, True, "local", "collective")
                yield AgencyMention(body, m.start(), stop, text[m.start() : stop])
                continue
            if pattern is _BARE_QUALIFIED or pattern is _BARE_LIST:
                # named as its collective is: "cơ quan, đơn vị có liên quan" is the
                # gazetteer's "Các cơ quan, đơn vị liên quan"
                name = name[:1].lower() + name[1:]  # "Cơ quan, địa phương liên quan" in a cell
                agency = _named_collective("các " + name, province)
                if agency is not None:
                    yield AgencyMention(agency, m.start(), stop, text[m.start() : stop])
                    continue
                name = "các " + name
            name = name[:1].upper() + name[1:]
            central = bool(_CENTRAL_WORDS.search(raw))
            agency = Agency(name, None if central else province, True,
                            "central" if central else "local", "collective")  # fmt: skip
            yield AgencyMention(agency, m.start(), stop, text[m.start() : stop])
