""".html/.htm pages saved from the national and provincial portals.

1. Decode: byte-order mark, then the page's declared charset, then the same
   checks as plain text (UTF-8, Windows-1258, mojibake repair).
2. Clean the tree (lxml): drop scripts, styles, forms and navigation/header/
   footer/sidebar boilerplate (by tag or ARIA role; by class/id token unless
   the element holds most of the page's text).  Data tables (tables with no
   table inside) become one paragraph per row, ``| cell | cell |``, with
   colspan/rowspan positions written empty; layout tables are unwrapped.
3. When the page has a document container a portal uses (vbpl.vn's
   ``#toanvancontent`` with the letterhead beside it, ``#divContentDoc``,
   thuvienphapluat's ``.content1``,
   ``articleBody``, ``<article>``, ``<main>``) holding a good share of the text,
   its block-level text is the document.  Otherwise extract the body with
   trafilatura (``favor_recall``); when it returns too little, fall back to
   block-level text of the cleaned page, recorded in ``warnings``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from vbgraph.errors import InputError
from vbgraph.loaders.formats.txt import decode_bytes, repair_mojibake
from vbgraph.loaders.models import DecodedText

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "template",
    "link",
    "meta",
    "object",
)
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu"}
#: class/id tokens (exact) or token prefixes that mark boilerplate on portals.
_DROP_TOKENS = {
    "header",
    "site-header",
    "page-header",
    "topbar",
    "top-bar",
    "footer",
    "site-footer",
    "sidebar",
    "side-bar",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "navbar",
    "nav",
    "banner",
    "social",
    "share",
    "comments",
    "comment",
    "related",
    "advert",
    "ads",
    "login",
    "search",
    "copyright",
    "pagination",
    "tags",
}
_DROP_PREFIXES = (
    "nav-",
    "navbar",
    "menu-",
    "mainmenu",
    "topmenu",
    "breadcrumb",
    "footer",
    "sidebar",
    "social",
    "share-",
    "sharing",
    "comment",
    "related-",
    "tinlienquan",
    "quangcao",
)
#: Containers of the document body on common portals and generic pages.
_BODY_XPATHS = (
    "//*[@id='toanvancontent']/..",  # vbpl.vn: the letterhead tables, then the text
    "//*[@id='divContentDoc']",
    "//*[contains(concat(' ', @class, ' '), ' content1 ')]",
    "//*[@itemprop='articleBody']",
    "//article",
    "//main",
    "//*[@role='main']",
)
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "center",
    "body",
    "html",
    "address",
    "figure",
    "figcaption",
    "tbody",
    "thead",
    "tfoot",
}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
#: trafilatura's text is used unless it is shorter than this share of the fallback's.
MIN_RECALL = 0.3


def read_html(data: bytes, path: Path | str) -> DecodedText:
    """Body text of a saved web page; raise ``InputError`` naming ``path`` when there is none."""
    html, encoding, warnings = _decode_html(data, path)
    try:
        import lxml.html

        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        root = lxml.html.fromstring(html.encode("utf-8"), parser=parser)
        clean_tree(root)
        container = _body_container(root)
        fallback = block_text(container)
        # A portal's document container holds the whole text: trafilatura's paragraph
        # scoring drops articles of long laws (Điều 3 of the Bộ luật Hình sự page).
        extracted = "" if container is not root else _trafilatura(
            lxml.html.tostring(root, encoding="unicode")
        )
    except InputError:
        raise
    except Exception as exc:  # lxml raises ParserError/XMLSyntaxError/ValueError
        raise InputError(
            f"{path}: cannot parse the HTML ({type(exc).__name__}: {exc}); "
            "save the page again from the browser (Save as: Web page, HTML only)"
        ) from None
    if extracted and len(extracted) >= MIN_RECALL * len(fallback):
        text = extracted
    else:
        text = fallback
        if fallback and container is root:
            warnings.append("trafilatura found too little; used block-level text of the page")
    if not text.strip():
        raise InputError(
            f"{path}: no document text in the page (only navigation or scripts?); "
            "save the page once it has loaded, or copy the document text into a .txt file"
        )
    return DecodedText(unicodedata.normalize("NFC", text), encoding, tuple(warnings))


def _decode_html(data: bytes, path: Path | str) -> tuple[str, str, list[str]]:
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _META_CHARSET.search(data[:8192])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            try:
                html = data.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                html, repaired = repair_mojibake(html, path)
                return _XML_DECL.sub("", html), name, [repaired] if repaired else []
    decoded = decode_bytes(data, path)
    return _XML_DECL.sub("", decoded.text), decoded.encoding, list(decoded.warnings)


def _trafilatura(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(
        html,
        favor_recall=True,
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        deduplicate=False,
    )
    if not text:
        return ""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _boilerplate(el: Any) -> str | None:
    """'tag' (a semantic tag or role: always boilerplate), 'class' (a class/id token: dropped
    unless it holds most of the page), or None."""
    if el.tag in ("header", "footer"):  # an article's own header holds its title
        inside = any(a.tag in ("article", "main") for a in el.iterancestors())
        return None if inside else "tag"
    if el.tag == "form":  # ASP.NET portals (vbpl.vn) wrap the whole page in one form
        return "class"
    if el.tag in _DROP_TAGS or (el.get("role") or "").lower() in _DROP_ROLES:
        return "tag"
    tokens = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    if any(t in _DROP_TOKENS or t.startswith(_DROP_PREFIXES) for t in tokens):
        return "class"
    return None


def clean_tree(root: Any) -> None:
    """Remove boilerplate and turn tables into pipe-row paragraphs, in place."""
    total = len(_text_of(root))
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        kind = _boilerplate(el)
        if kind == "tag" or (kind == "class" and len(_text_of(el)) <= 0.5 * total):
            _drop(el)
    tables = [(t, t.find(".//table") is not None) for t in root.iter("table")]
    for table, is_layout in reversed(tables):  # innermost first
        if table.getparent() is None:
            continue
        if is_layout:
            _unwrap_layout_table(table)
        else:
            _table_to_rows(table)


def _text_of(el: Any) -> str:
    return re.sub(r"\s+", "", el.text_content())


def _drop(el: Any) -> None:
    """Remove ``el`` but keep its tail text."""
    parent = el.getparent()
    if el.tail and el.tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def table_grid(table: Any) -> list[list[str]]:
    """Rows of cell texts with colspan/rowspan positions written empty."""
    rows: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
    for tr in table.iter("tr"):
        row: list[str] = []
        col = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while pending.get(col, 0) > 0:
                row.append("")
                pending[col] -= 1
                col += 1
            text = " ".join(block_text(cell).split())
            span = _int_attr(cell, "colspan")
            down = _int_attr(cell, "rowspan")
            for k in range(span):
                row.append(text.replace("|", "¦") if k == 0 else "")
                if down > 1:
                    pending[col] = down - 1
                col += 1
        while any(v > 0 for c, v in pending.items() if c >= col):
            if pending.get(col, 0) > 0:
                pending[col] -= 1
            row.append("")
            col += 1
        rows.append(row)
    return rows


def _int_attr(cell: Any, name: str) -> int:
    try:
        return max(1, min(100, int(cell.get(name) or 1)))
    except ValueError:
        return 1


def _table_to_rows(table: Any) -> None:
    from lxml import html as lhtml

    box = lhtml.Element("div")
    for cells in table_grid(table):
        if any(cells):
            p = lhtml.Element("p")
            p.text = "| " + " | ".join(cells) + " |"
            box.append(p)
    box.tail = table.tail
    table.getparent().replace(table, box)


def _unwrap_layout_table(table: Any) -> None:
    for el in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
        el.tag = "div"
        for attr in ("colspan", "rowspan"):
            el.attrib.pop(attr, None)


def _body_container(root: Any) -> Any:
    total = len(_text_of(root))
    for xpath in _BODY_XPATHS:
        for el in root.xpath(xpath):
            if len(_text_of(el)) >= 0.3 * total:
                return el
    return root


def block_text(el: Any) -> str:
    """Text of ``el`` with a line break between block elements (no blank lines)."""
    parts: list[str] = []
    _walk(el, parts)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(el: Any, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    block = tag in _BLOCK_TAGS or tag in ("td", "th")
    if block:
        parts.append("\n")
    if el.text and tag:
        parts.append(el.text.replace("\n", " "))
    for child in el:
        _walk(child, parts)
    if block:
        parts.append("\n")
    if el.tail:
        parts.append(el.tail.replace("\n", " "))
