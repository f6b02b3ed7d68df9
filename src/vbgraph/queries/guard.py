"""The ``cypher`` console's guard: only reading queries reach the store.

An allowlist, not a blocklist.  The query is cut into Cypher tokens by a
tokenizer that knows strings (both quotes, backslash escapes), backticked names
(with doubled backticks), line and block comments and parameters, so nothing
hides a keyword from it and nothing inside a string or a name trips it.  Then:

* every clause that writes or administers is refused (``CREATE``, ``MERGE``,
  ``SET``, ``DELETE``, ``REMOVE``, ``DROP``, ``LOAD CSV``, ``FOREACH``, ``INSERT``,
  ``TERMINATE``, ``SHOW``, ``USE``, ``ALTER``, ``GRANT``, ``CALL ... IN
  TRANSACTIONS``, ...) wherever it stands, as an unquoted word;
* ``CALL`` of a procedure is allowed only for the read-only procedures in
  ``ALLOWED_PROCEDURES``; the name is read the way the server reads it, parts
  unquoted from backticks and joined across spaces and comments
  (```apoc`.`load`.json``, ``apoc . load . json``);
* a namespaced function (``apoc.text.join(...)``) is allowed only from the
  built-in namespaces in ``ALLOWED_FUNCTION_NAMESPACES``.

The store then runs what passed in a read transaction with a timeout (both
backends): ``run_read_query``, what ``vbgraph cypher`` and the web console call.
Table-driven tests (``tests/test_guard.py``) hold every bypass found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vbgraph.errors import QueryError
from vbgraph.graph.store import GraphStore, Row

#: Read-only procedures the console may call (lower case).
ALLOWED_PROCEDURES: frozenset[str] = frozenset({
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.schema.visualization",
    "db.schema.nodetypeproperties",
    "db.schema.reltypeproperties",
    "db.indexes",
    "db.constraints",
})

#: Built-in function namespaces (``date.truncate``, ``point.distance``, ...).
ALLOWED_FUNCTION_NAMESPACES: frozenset[str] = frozenset({
    "date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "vector",
})

#: Words that start a clause or command that writes, administers or reaches outside the
#: database; refused wherever they stand unquoted (a property or label of that name is
#: written after ``.`` or ``:``, a map key before ``:``, and those stay allowed).
REFUSED_WORDS: frozenset[str] = frozenset({
    "create", "merge", "set", "delete", "detach", "remove", "drop", "load", "foreach",
    "insert", "terminate", "show", "use", "alter", "rename", "grant", "deny", "revoke",
    "transactions", "periodic",
})

#: Administration verbs, refused when the next word is what they administer
#: (``START DATABASE x``); alone they are ordinary names (``MATCH (start:Document)``).
ADMIN_VERBS: frozenset[str] = frozenset({
    "start", "stop", "enable", "deallocate", "reallocate", "dryrun",
})
ADMIN_OBJECTS: frozenset[str] = frozenset({
    "database", "databases", "server", "servers", "composite", "alias", "user", "role",
})


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "word", "quoted" (a backticked name), "string", "number", "param", "punct"
    text: str  # the word, the unquoted name, the string body, or the punctuation
    start: int


_PUNCT2 = ("<>", "<=", ">=", "=~", "..", "->", "<-", "+=", "::")


def tokenize(text: str) -> list[Token]:
    """Cypher tokens, comments and whitespace dropped; raises ``QueryError`` on an
    unterminated string, name or comment (the server would refuse it anyway)."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise QueryError("the query has an unterminated /* comment")
            i = end + 2
        else:
            reader = _READERS.get(c) or (_word if c.isalpha() or c == "_" else
                                         _number if c.isdigit() else _punct)
            token, i = reader(text, i)
            out.append(token)
    return out


def _string(text: str, i: int) -> tuple[Token, int]:
    quote, j, body = text[i], i + 1, []
    while True:
        if j >= len(text):
            raise QueryError("the query has an unterminated string")
        if text[j] == "\\" and j + 1 < len(text):
            body.append(text[j : j + 2])
            j += 2
        elif text[j] == quote:
            return Token("string", "".join(body), i), j + 1
        else:
            body.append(text[j])
            j += 1


def _quoted(text: str, i: int) -> tuple[Token, int]:
    j, name = i + 1, []
    while True:
        end = text.find("`", j)
        if end < 0:
            raise QueryError("the query has an unterminated `name`")
        name.append(text[j:end])
        if not text.startswith("``", end):
            return Token("quoted", "".join(name), i), end + 1
        name.append("`")
        j = end + 2


def _param(text: str, i: int) -> tuple[Token, int]:
    j = i + 1
    if j < len(text) and text[j] == "`":
        end = text.find("`", j + 1)
        j = len(text) if end < 0 else end + 1
    else:
        while j < len(text) and (text[j].isalnum() or text[j] == "_"):
            j += 1
    return Token("param", text[i:j], i), j


def _number(text: str, i: int) -> tuple[Token, int]:
    j, n = i, len(text)
    while j < n and (text[j].isalnum() or text[j] == "_"
                     or (text[j] == "." and j + 1 < n and text[j + 1].isdigit())):
        j += 1
    return Token("number", text[i:j], i), j


def _word(text: str, i: int) -> tuple[Token, int]:
    j = i
    while j < len(text) and (text[j].isalnum() or text[j] == "_"):
        j += 1
    return Token("word", text[i:j], i), j


def _punct(text: str, i: int) -> tuple[Token, int]:
    size = 2 if text[i : i + 2] in _PUNCT2 else 1
    return Token("punct", text[i : i + size], i), i + size


_READERS = {"'": _string, '"': _string, "`": _quoted, "$": _param}


def _is_name(token: Token) -> bool:
    return token.kind in ("word", "quoted")


def _dotted_name(tokens: list[Token], i: int) -> tuple[str, int]:
    """The dotted name starting at ``tokens[i]`` (parts unquoted, lower case) and the
    index after it."""
    parts = [tokens[i].text]
    i += 1
    while (i + 1 < len(tokens) and tokens[i].kind == "punct" and tokens[i].text == "."
           and _is_name(tokens[i + 1])):
        parts.append(tokens[i + 1].text)
        i += 2
    return ".".join(parts).lower(), i


def run_read_query(store: GraphStore, text: str, params: dict[str, Any]) -> list[Row]:
    """Run a user's Cypher read query: anything but reading is refused before it reaches
    the store (``queries/guard.py``), which then runs it in a read transaction."""
    check_read_only(text)
    return store.read(text, params)


def check_read_only(text: str) -> None:
    """Raise ``QueryError`` unless ``text`` only reads (see the module doc)."""
    tokens = tokenize(text)
    if not tokens:
        raise QueryError("the query is empty")
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if before is not None and before.kind == "punct" and before.text in (".", ":", "::"):
            continue  # a property, label or relationship type of that name
        if after is not None and after.kind == "punct" and after.text == ":" \
                and before is not None and before.kind == "punct" and before.text in "{,":
            continue  # a map key
        word = tok.text.lower()
        if word in REFUSED_WORDS:
            raise QueryError(
                f"the query contains {tok.text.upper()!r} (at character {tok.start + 1}); "
                "`vbgraph cypher` is read-only (use `vbgraph ingest` to change the graph)"
            )
        if word in ADMIN_VERBS and after is not None and after.kind == "word" \
                and after.text.lower() in ADMIN_OBJECTS:
            raise QueryError(
                f"the query administers the server ({tok.text.upper()} {after.text.upper()}); "
                "`vbgraph cypher` is read-only"
            )
        if word == "call" and after is not None and _is_name(after):
            name, _ = _dotted_name(tokens, i + 1)
            if name not in ALLOWED_PROCEDURES:
                raise QueryError(
                    f"the query calls the procedure {name!r}; `vbgraph cypher` is read-only "
                    f"and allows only the procedures {', '.join(sorted(ALLOWED_PROCEDURES))}"
                )
    _check_functions(tokens)


def _check_functions(tokens: list[Token]) -> None:
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        before = tokens[i - 1] if i else None
        if not _is_name(tok) or (before is not None and before.kind == "punct"
                                 and before.text in (".", ":")):
            i += 1
            continue
        name, j = _dotted_name(tokens, i)
        called = j < len(tokens) and tokens[j].kind == "punct" and tokens[j].text == "("
        preceded_by_call = before is not None and before.kind == "word" \
            and before.text.lower() == "call"
        if called and "." in name and not preceded_by_call \
                and name.split(".", 1)[0] not in ALLOWED_FUNCTION_NAMESPACES:
            raise QueryError(
                f"the query calls the function {name!r}; `vbgraph cypher` is read-only and "
                "allows built-in functions only"
            )
        i = max(j, i + 1)
