"""What FalkorDB's Cypher parser cannot be trusted with: it is exponential in nesting.

Measured on the embedded server (FalkorDB's ``TIMEOUT`` does not cover parsing, so
such a query holds one of the server's two threads until it is parsed, even after
its client is gone; issue 15, finding 8): ``RETURN [[[…1…]]]`` takes 0.18 s at 16
levels, 0.72 s at 18 and 11 s at 22; ``-(-(…))`` 0.19 s at 8 and 3.2 s at 10;
``- - - … 1`` 0.12 s at 16 and 27 s at 24; a path of 1,000 relationship patterns 15.6 s.
So before a query is sent it is measured: brackets (``( [ {`` and ``CASE … END``)
and prefix operators (``NOT``, unary ``-``/``+``) each count one level, and the
levels open at any point must stay within ``MAX_NESTING``; relationship patterns
within ``MAX_RELATIONSHIPS``; and a parameter's value within ``MAX_NESTING`` levels
of lists and maps.  vbgraph's own queries stay far below these limits.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from vbgraph.errors import QueryError

#: Levels of nesting a query may open at once (about 0.1 s of parsing at the worst).
MAX_NESTING = 14
#: Relationship patterns in one query.
MAX_RELATIONSHIPS = 150

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)
  | (?P<quoted>`[^`]*`?)
  | (?P<word>[A-Za-z_$][\w$]*)
  | (?P<number>\d[\w.]*)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<rel>-\[|\]-|<-|->|--)
  | (?P<sign>[-+])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_NAME_FOLLOWS = re.compile(r"\s*:(?!:)")
#: Tokens after which ``-``/``+`` is an operator on what came before, not a prefix.
_OPERAND_END = frozenset({"word", "number", "string", "quoted", "close"})
_KEYWORD_NOT_OPERAND = frozenset({
    "and", "or", "xor", "not", "in", "is", "return", "with", "where", "when", "then", "else",
    "case", "unwind", "as", "set", "by", "skip", "limit", "contains", "starts", "ends",
})


def check_query(query: str, params: dict[str, Any] | None = None) -> None:
    """Raise ``QueryError`` when ``query`` or a parameter would take the parser too long."""
    depth, relationships = measure(query)
    if depth > MAX_NESTING:
        raise QueryError(
            f"the query nests {depth} levels deep (brackets, CASE and NOT/- each count one); "
            f"FalkorDB's parser takes exponential time on that, so at most {MAX_NESTING} are "
            "accepted: flatten it (WITH steps, UNWIND) or pass the value as a parameter")
    if relationships > MAX_RELATIONSHIPS:
        raise QueryError(
            f"the query has {relationships} relationship patterns; FalkorDB plans that in "
            f"time that grows steeply, so at most {MAX_RELATIONSHIPS} are accepted: use a "
            "variable-length pattern ([*1..n]) instead")
    for name, value in (params or {}).items():
        levels = value_depth(value, MAX_NESTING + 1)
        if levels > MAX_NESTING:
            raise QueryError(
                f"the parameter {name!r} is nested more than {MAX_NESTING} levels deep "
                "(lists or maps inside each other); FalkorDB's parser takes exponential time "
                "on that")


@lru_cache(maxsize=512)
def measure(query: str) -> tuple[int, int]:
    """(deepest nesting, relationship patterns) of ``query``, ignoring strings and comments."""
    stack: list[int] = []  # per open bracket: prefix operators pending when it opened
    pending = 0  # prefix operators since the last operand, at this level
    deepest = 0
    relationships = 0
    previous, previous_text = "start", ""
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        text = match.group()
        if kind == "space":
            continue
        if kind == "word":
            named = previous_text == "." or bool(_NAME_FOLLOWS.match(query, match.end()))
            kind, pending = _word(text.lower(), named, stack, pending)
        elif kind == "sign":
            if previous in _OPERAND_END:
                kind = "operator"
            else:
                pending += 1
                kind = "prefix"
        elif kind == "open":
            stack.append(pending)
            pending = 0
        elif kind == "close":
            pending = 0
            if stack:
                stack.pop()
        elif kind == "rel":
            relationships += text in ("-[", "--") or (text == "<-" and previous == "close")
            pending = 0
        elif kind in ("number", "string", "quoted"):
            pending = 0
        level = len(stack) + sum(stack) + pending
        deepest = max(deepest, level)
        previous, previous_text = kind, text
    return deepest, relationships


def _word(lowered: str, named: bool, stack: list[int], pending: int) -> tuple[str, int]:
    """A word's kind and the prefix operators pending after it (``stack`` kept)."""
    if named:
        return "word", 0  # a property or map key named like a keyword (t.end, {end: 1})
    if lowered == "not":
        return "prefix", pending + 1
    if lowered == "case":
        stack.append(pending)
        return "open", 0
    if lowered == "end" and stack:
        stack.pop()
        return "close", 0
    if lowered in _KEYWORD_NOT_OPERAND:
        return "keyword", pending
    return "word", 0


def value_depth(value: Any, limit: int) -> int:
    """Levels of lists and maps in ``value`` (counting stops past ``limit``)."""
    deepest = 0
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, (list, tuple)):
            continue
        level += 1
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        todo.extend((x, level) for x in item)
    return deepest
