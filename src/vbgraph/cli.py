"""The ``vbgraph`` command line: thin commands over the library.

Library errors (``VbgraphError``) print ``Error: ...`` and exit 1; usage
errors exit 2; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import dataclasses
import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import click

from vbgraph import output
from vbgraph.errors import VbgraphError
from vbgraph.graph.store import DOCUMENTS_PER_ROUND, GraphStore, open_store
from vbgraph.models import RELATION_ORDER, ROLES
from vbgraph.queries import api


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except VbgraphError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


class _Settings:
    def __init__(self, store_dir: str | None, neo4j_uri: str | None,
                 query_timeout: float | None = None) -> None:
        self.store_dir = store_dir
        self.neo4j_uri = neo4j_uri
        self.query_timeout = query_timeout


@contextmanager
def _store(ctx: click.Context, write: bool = False) -> Iterator[GraphStore]:
    """The configured store; only writing commands (``write``) set up its schema."""
    settings: _Settings = ctx.find_object(_Settings)  # type: ignore[assignment]
    store = open_store(settings.store_dir, settings.neo4j_uri, settings.query_timeout,
                       read_only=not write)
    try:
        yield store
    finally:
        store.close()


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _output_options(f: Any) -> Any:
    """``--json`` / ``--csv`` (default: an aligned table)."""
    f = click.option("--csv", "fmt", flag_value="csv", help="Print CSV.")(f)
    f = click.option("--json", "fmt", flag_value="json", help="Print JSON.")(f)
    return f


def _emit(rows: list[dict[str, Any]], columns: list[str], fmt: str | None, empty: str,
          data: Any = None) -> None:
    click.echo(output.render(rows, columns, fmt or "table", empty=empty, data=data))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_dir", envvar="VBGRAPH_STORE", type=click.Path(file_okay=False),
              help="Directory of the embedded store (default: the user data dir). "
                   "Env VBGRAPH_STORE.")
@click.option("--neo4j", "neo4j_uri", metavar="URI",
              help="Use a Neo4j server instead (also NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, "
                   "NEO4J_DATABASE).")
@click.option("--query-timeout", type=click.FloatRange(min=0, min_open=True),
              envvar="VBGRAPH_QUERY_TIMEOUT", metavar="SECONDS",
              help="Stop a read query that runs longer than this (default 60). "
                   "Env VBGRAPH_QUERY_TIMEOUT.")
@click.version_option(package_name="vbgraph")
@click.pass_context
def cli(ctx: click.Context, store_dir: str | None, neo4j_uri: str | None,
        query_timeout: float | None) -> None:
    """A knowledge graph of Vietnamese policy documents: lineage, references, responsibilities.

    \b
    Example:
      vbgraph --store ./kho ingest ./van-ban
      vbgraph --store ./kho lineage 590/QĐ-UBND
    """
    ctx.obj = _Settings(store_dir, neo4j_uri, query_timeout)


# --------------------------------------------------------------------------
# ingest / extract
# --------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--glob", "glob", help="Only files matching this pattern (e.g. '*.docx').")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extract in this many parallel processes.")
@click.option("--prune", is_flag=True,
              help="Also remove documents whose files under PATHS are gone. Refused when "
                   "that is all, or more than half, of a path's documents (an unmounted "
                   "share?) unless --yes.")
@click.option("--yes", "prune_confirmed", is_flag=True,
              help="With --prune: remove them even when that is most or all of a path's "
                   "documents.")
@click.option("--batch", type=click.IntRange(1, 10_000), default=DOCUMENTS_PER_ROUND,
              show_default=True,
              help="Write new documents this many at a time.")
@click.option("--reread", is_flag=True,
              help="Read every file again, even one whose size and modification time say "
                   "it is unchanged since it was stored (after a copy that kept the old "
                   "times, e.g. rsync -t).")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome of each file as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress; only errors and the summary.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], glob: str | None, workers: int,
           prune: bool, prune_confirmed: bool, batch: int, reread: bool, as_json: bool,
           quiet: bool) -> None:
    """Read, extract and store documents (files or folders, recursively).

    A file that cannot be read is reported by name and the rest are still
    stored; the exit code is 1 when any file failed. A file whose size and
    modification time are those it had when stored is skipped without being
    read (one whose time changed is hashed, and skipped if its bytes are the
    same; --reread reads them all), a changed file replaces what it stated
    before, and an interrupted ingest is completed by running it again. The
    pace (files/s, MB/s) is reported every 10 s and the slowest files at the end.

    \b
    Example:
      vbgraph --store ./kho ingest ./van-ban --glob '*.docx' --workers 2
      vbgraph --store ./kho ingest ./van-ban --prune
      vbgraph --store ./kho ingest ./van-ban --reread
    """
    from vbgraph.ingest_progress import IngestProgress
    from vbgraph.loaders.formats.walk import iter_entries
    from vbgraph.pipeline import ingest_paths

    interactive = sys.stderr.isatty() and not quiet and not as_json
    total = len(list(iter_entries(list(paths), glob=glob))) if interactive else None
    with _store(ctx, write=True) as store, \
            IngestProgress(quiet, as_json, total) as progress:
        report = ingest_paths(store, paths, glob, progress, workers, prune, batch,
                              prune_confirmed, reread)
    progress.finish()
    if as_json:
        _print_json({"files": [dataclasses.asdict(o) for o in report.outcomes],
                     "counts": report.counts()})
    click.echo(report.summary(), err=True)
    if report.failed:
        ctx.exit(1)


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True,
              help="Print the extraction in the gold-file shape.")
def extract(path: str, as_json: bool) -> None:
    """Extract references and assignments from one file (no store needed).

    \b
    Example:
      vbgraph extract quyet-dinh-590.txt --json > 590.json
    """
    from vbgraph.loaders import extract as run_extract
    from vbgraph.loaders import read_document

    extraction = run_extract(read_document(path))
    if as_json:
        _print_json(extraction.to_json())
        return
    d = extraction.document
    click.echo(f"{d.symbol}  {d.type or ''}  {d.date or ''}  [{d.key}]")
    click.echo(f"  {d.issuer or ''}: {d.title or ''}")
    click.echo(f"References ({len(extraction.documents)}):")
    for e in extraction.edges:
        marker = "" if e.source == d.key else f"  (stated about {e.source.split('|')[0]})"
        click.echo(f"  {e.relation:11} {e.target}{marker}")
    click.echo(f"Assignments ({len(extraction.assignments)}):")
    for a in extraction.assignments:
        click.echo(f"  {a.role:11} {a.agency}")


@cli.command("eval")
@click.argument("gold_dir", required=False, type=click.Path(exists=True, file_okay=False))
@click.argument("corpus_dir", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def evaluate_command(gold_dir: str | None, corpus_dir: str | None, as_json: bool) -> None:
    """Score extraction against gold files: P/R/F1 per category, misses per document.

    Without arguments it scores every gold set there is: the samples and the real
    development set (../shared/gold/seeds, ../shared/gold/dev) and this repository's
    real documents (gold/real against corpus/real).

    \b
    Example:
      vbgraph eval
      vbgraph eval ../shared/gold/dev ../shared/corpus/dev
    """
    from vbgraph.evaluation import evaluate, evaluate_sets, format_report

    if gold_dir is None and corpus_dir is None:
        reports = evaluate_sets()
    else:
        reports = [evaluate(gold_dir, corpus_dir)]
    if as_json:
        _print_json(reports if len(reports) > 1 else reports[0])
    else:
        click.echo("\n\n".join(format_report(r) for r in reports))


# --------------------------------------------------------------------------
# questions
# --------------------------------------------------------------------------


def _doc_options(f: Any) -> Any:
    f = click.option("--year", help="Year, when the symbol matches several documents.")(f)
    f = click.option("--province", help="Province, when the symbol matches several documents.")(f)
    return f


def _short(key: str | None) -> str:
    return (key or "").split("|")[0]


def _lineage_rows(result: api.Lineage) -> list[dict[str, Any]]:
    nodes = {n.key: n for n in result.nodes}
    return [
        {"source": nodes[e.source].symbol, "relation": e.relation,
         "target": nodes[e.target].symbol,
         "target in corpus": nodes[e.target].in_corpus, "stated by": _short(e.asserted_by)}
        for e in result.edges
    ]


_LINEAGE_COLUMNS = ["source", "relation", "target", "target in corpus", "stated by"]


@cli.command()
@click.argument("doc")
@click.option("--direction", type=click.Choice(["up", "down", "both"]), default="up",
              show_default=True, help="up: what DOC descends from; down: what implements it.")
@click.option("--depth", type=click.IntRange(1, api.q.MAX_DEPTH), default=6, show_default=True)
@click.option("--relation", "relations", multiple=True, type=click.Choice(RELATION_ORDER),
              help="Follow only these relations (repeatable; default: all but cites/proposal).")
@click.option("--by-province", is_flag=True,
              help="With --direction down: the descendants grouped by province.")
@_doc_options
@_output_options
@click.pass_context
def lineage(ctx: click.Context, doc: str, direction: str, depth: int,
            relations: tuple[str, ...], by_province: bool, province: str | None,
            year: str | None, fmt: str | None) -> None:
    """The lineage of DOC: which documents it rests on and implements, transitively.

    \b
    Example:
      vbgraph lineage 590/QĐ-UBND
      vbgraph lineage 22-NQ/TW --direction down --json
      vbgraph lineage 22-NQ/TW --direction down --by-province
    """
    rels = relations or api.LINEAGE_RELATIONS
    with _store(ctx) as store:
        if by_province:
            key = api.find_document(store, doc, province, year)
            groups = api.descendants_by_province(store, key, rels)
            rows = [{"province": p or "(trung ương)", "symbol": d["symbol"],
                     "in corpus": d["in_corpus"], "depth": d["depth"], "date": d["date"],
                     "title": d["title"]}
                    for p, docs in groups.items() for d in docs]
            _emit(rows, ["province", "symbol", "in corpus", "depth", "date", "title"], fmt,
                  f"Nothing in the store implements {_short(key)}.",
                  data={"root": key, "provinces": groups})
            return
        result = api.lineage(store, doc, direction, depth, rels, province, year)
    root = next(n for n in result.nodes if n.key == result.root)
    _emit(_lineage_rows(result), _LINEAGE_COLUMNS, fmt,
          f"{root.symbol}: no lineage edges in the store.", data=result.to_json())


@cli.command()
@click.argument("doc_a")
@click.argument("doc_b")
@_output_options
@click.pass_context
def path(ctx: click.Context, doc_a: str, doc_b: str, fmt: str | None) -> None:
    """How DOC_A and DOC_B are connected: the shortest chain of relations between them.

    \b
    Example:
      vbgraph path 590/QĐ-UBND 22-NQ/TW
    """
    with _store(ctx) as store:
        edges = api.path(store, doc_a, doc_b)
    rows = [{"source": _short(e.source), "relation": e.relation, "target": _short(e.target),
             "stated by": _short(e.asserted_by), "sentence": e.raw} for e in edges]
    _emit(rows, ["source", "relation", "target", "stated by", "sentence"], fmt,
          f"{doc_a} and {doc_b} are not connected within {api.q.PATH_DEPTH} steps.",
          data=[dataclasses.asdict(e) for e in edges])


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        if len(value) == 4 and value.isdigit():
            return f"{value}-01-01"
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD or YYYY)") from None


@cli.command()
@click.argument("agency")
@click.option("--role", "roles", multiple=True, type=click.Choice(ROLES),
              help="Only these roles (repeatable).")
@click.option("--province", help="Only the agency of this province.")
@click.option("--since", help="Only documents dated on or after this day (YYYY-MM-DD or YYYY).")
@click.option("--until", help="Only documents dated on or before this day (YYYY-MM-DD).")
@click.option("--include-collective", is_flag=True,
              help="Also plans that assign collective addressees (\"Các sở, ban, ngành\").")
@_output_options
@click.pass_context
def assigned(ctx: click.Context, agency: str, roles: tuple[str, ...], province: str | None,
             since: str | None, until: str | None, include_collective: bool,
             fmt: str | None) -> None:
    """Which documents give AGENCY a role (lead, coordinate, monitor, report_hub, requested).

    The name is matched without regard to case or diacritics.

    \b
    Example:
      vbgraph assigned "Sở Ngoại vụ" --role lead
      vbgraph assigned "so ngoai vu" --province "Thanh Hóa" --json
    """
    with _store(ctx) as store:
        result = api.assigned(store, agency, roles or ROLES, province, _iso_date(since),
                              _iso_date(until), include_collective)
    rows = [{"symbol": d.symbol, "province": d.province, "date": d.date,
             "roles": list(d.roles), "tasks": d.tasks, "title": d.title}
            for d in result.documents]
    _emit(rows, ["symbol", "province", "date", "roles", "tasks", "title"], fmt,
          f"No document in the store gives {result.agency} a role.", data=result.to_json())


@cli.command()
@click.option("--agency", required=True, help="The agency (any case or diacritics).")
@click.option("--doc", help="Only the tasks of this document.")
@click.option("--province", help="Only the agency of this province.")
@click.option("--due-before", help="Only tasks with a deadline before this day (YYYY-MM-DD).")
@_output_options
@click.pass_context
def tasks(ctx: click.Context, agency: str, doc: str | None, province: str | None,
          due_before: str | None, fmt: str | None) -> None:
    """The tasks an agency is given, with role, deadline and the sentence that says so.

    \b
    Example:
      vbgraph tasks --agency "Sở Kế hoạch và Đầu tư" --doc 214/KH-UBND
      vbgraph tasks --agency "so tai chinh" --due-before 2026-01-01 --csv
    """
    with _store(ctx) as store:
        rows_ = api.tasks(store, agency, doc, _iso_date(due_before), province)
    rows = [{"symbol": t.symbol, "section": t.section, "role": t.role, "deadline": t.deadline,
             "recurring": t.recurring, "agency": t.agency, "text": t.text or t.raw}
            for t in rows_]
    _emit(rows, ["symbol", "section", "role", "deadline", "recurring", "text"], fmt,
          f"No task for {agency} in the store.",
          data=[dataclasses.asdict(t) for t in rows_])


@cli.command()
@click.argument("agency")
@click.option("--province", help="Only the agency of this province.")
@_output_options
@click.pass_context
def coordination(ctx: click.Context, agency: str, province: str | None,
                 fmt: str | None) -> None:
    """Which agencies share tasks with AGENCY, and how many.

    \b
    Example:
      vbgraph coordination "Sở Ngoại vụ" --province "Quảng Ngãi"
    """
    with _store(ctx) as store:
        partners = api.coordination(store, agency, province)
    rows = [{"agency": p.name, "province": p.province, "collective": p.collective,
             "shared tasks": p.shared_tasks} for p in partners]
    _emit(rows, ["agency", "province", "collective", "shared tasks"], fmt,
          f"No agency shares a task with {agency}.")


@cli.command()
@click.option("--province", help="Only the documents of this province.")
@_output_options
@click.pass_context
def matrix(ctx: click.Context, province: str | None, fmt: str | None) -> None:
    """The agency x document responsibility matrix (roles in each cell).

    \b
    Example:
      vbgraph matrix --province "Thanh Hóa" --csv > trach-nhiem.csv
    """
    with _store(ctx) as store:
        m = api.matrix(store, province)
    columns = ["agency", *m.documents]
    rows = [{"agency": a, **{d: m.role_cell(a, d) for d in m.documents}} for a in m.agencies]
    data = {"documents": list(m.documents), "agencies": list(m.agencies),
            "cells": [{"agency": a, "document": d, "roles": roles}
                      for (a, d), roles in sorted(m.cells.items())]}
    _emit(rows, columns, fmt, "No assignments in the store.", data=data)


@cli.command()
@_output_options
@click.pass_context
def gaps(ctx: click.Context, fmt: str | None) -> None:
    """Coverage: documents cited but not in the corpus, and central directives per province.

    \b
    Example:
      vbgraph gaps
      vbgraph gaps --json > gaps.json
    """
    with _store(ctx) as store:
        result = api.gaps(store)
    rows = [{"symbol": m["symbol"], "type": m.get("type"), "year": m.get("year"),
             "cited by": m["citing"], "relations": m["relations"], "issuer": m.get("issuer")}
            for m in result["missing"]]
    if fmt:
        _emit(rows, ["symbol", "type", "year", "cited by", "relations", "issuer"], fmt, "",
              data=result)
        return
    click.echo("Documents cited but not in the corpus (most cited first):")
    click.echo(output.render(rows, ["symbol", "type", "year", "cited by", "relations",
                                    "issuer"], "table", empty="  none"))
    click.echo("")
    click.echo("Central documents and the corpus provinces that implement them:")
    cov = [{"symbol": c["symbol"], "implemented in": c["implemented_in"],
            "no plan in": c["not_implemented_in"]}
           for c in result["central_coverage"]]
    click.echo(output.render(cov, ["symbol", "implemented in", "no plan in"], "table",
                             empty="  none"))
    if result["unresolved"]:
        click.echo("")
        click.echo("References without a year (could not be resolved to one document): "
                   + ", ".join(u["symbol"] for u in result["unresolved"]))


@cli.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@_output_options
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, fmt: str | None) -> None:
    """Find documents by title or symbol and tasks by text, ignoring case and diacritics.

    \b
    Example:
      vbgraph search "hoi nhap quoc te"
    """
    with _store(ctx) as store:
        result = api.search(store, text, limit)
    rows = [{"kind": "document", "symbol": d["symbol"], "section": "",
             "text": d.get("title") or ""} for d in result["documents"]]
    rows += [{"kind": "task", "symbol": t["symbol"], "section": t["section"],
              "text": t["text"]} for t in result["tasks"]]
    _emit(rows, ["kind", "symbol", "section", "text"], fmt, f"Nothing matches {text!r}.",
          data=result)


@cli.command()
@click.argument("doc")
@_doc_options
@_output_options
@click.pass_context
def show(ctx: click.Context, doc: str, province: str | None, year: str | None,
         fmt: str | None) -> None:
    """A document's card: header, what it rests on, what cites it, its tasks by agency.

    --csv prints one row per relation and per agency role, each with its sentence.

    \b
    Example:
      vbgraph show 214/KH-UBND
      vbgraph show 590/QĐ-UBND --csv > 590.csv
    """
    with _store(ctx) as store:
        card = api.show(store, doc, province, year)
    if fmt == "json":
        _print_json(card.to_json())
        return
    if fmt == "csv":
        rows = [{"kind": "points at", "relation": r["relation"], "other": r["symbol"],
                 "section": "", "stated by": _short(r.get("asserted_by")), "sentence": r["raw"]}
                for r in card.rests_on]
        rows += [{"kind": "pointed at by", "relation": r["relation"], "other": r["symbol"],
                  "section": "", "stated by": _short(r.get("asserted_by")),
                  "sentence": r["raw"]} for r in card.cited_by]
        rows += [{"kind": "task", "relation": a["role"], "other": a["agency"],
                  "section": t["section"], "stated by": card.document["symbol"],
                  "sentence": a["raw"]} for t in card.tasks for a in t["agencies"]]
        click.echo(output.to_csv(rows, ["kind", "relation", "other", "section", "stated by",
                                        "sentence"]))
        return
    d = card.document
    click.echo(f"{d['symbol']}  {d.get('type') or ''}  {d.get('date') or ''}  [{d['key']}]")
    if d.get("issuer"):
        click.echo(f"Issuer: {d['issuer']}")
    if d.get("title"):
        click.echo(f"Title:  {d['title']}")
    if not d.get("in_corpus"):
        click.echo("(cited only: the file is not in the corpus)")
    for heading, edges in (("Rests on / implements / cites", card.rests_on),
                           ("Pointed at by", card.cited_by)):
        if edges:
            click.echo(f"\n{heading}:")
            for r in edges:
                click.echo(f"  {r['relation']:11} {r['symbol']:16} stated by "
                           f"{_short(r.get('asserted_by'))}")
                if r.get("raw"):
                    click.echo(f"      “{output._clip(r['raw'], 160)}”")
    if card.tasks:
        click.echo("\nTasks:")
        for t in card.tasks:
            head = t["section"] or "(general)"
            due = f"  due {t['deadline']}" if t.get("deadline") else ""
            due += f"  every {t['recurring']}" if t.get("recurring") else ""
            click.echo(f"  {head}{due}  {output._clip(t.get('text') or '', 100)}")
            for a in t["agencies"]:
                click.echo(f"      {a['role']:11} {a['agency']}")


@cli.command()
@click.argument("query")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter (repeatable); VALUE is read as JSON when it parses.")
@_output_options
@click.pass_context
def cypher(ctx: click.Context, query: str, params: tuple[str, ...], fmt: str | None) -> None:
    """Run a read-only Cypher QUERY; anything that is not reading is refused.

    Write and administration clauses are refused, and procedures other than
    db.labels, db.relationshipTypes, db.propertyKeys, db.schema.* (and FalkorDB's
    db.indexes, db.constraints); the query runs in a read transaction with a
    timeout (VBGRAPH_QUERY_TIMEOUT seconds on Neo4j).

    \b
    Example:
      vbgraph cypher "MATCH (d:Document {in_corpus: true}) RETURN d.symbol AS symbol"
      vbgraph cypher 'MATCH (d:Document) WHERE d.year = $y RETURN d.key AS key' -p y='"2014"'
    """
    parsed: dict[str, Any] = {}
    for p in params:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        name, value = p.split("=", 1)
        try:
            parsed[name] = json.loads(value)
        except json.JSONDecodeError:
            parsed[name] = value
        except RecursionError:
            raise click.BadParameter(f"the value of {name!r} is nested too deeply to read",
                                     param_hint="--param") from None
    with _store(ctx) as store:
        rows = api.run_read_query(store, query, parsed)
    _emit(rows, list(rows[0]) if rows else [], fmt, "(no rows)")


@cli.command()
@_output_options
@click.pass_context
def stats(ctx: click.Context, fmt: str | None) -> None:
    """Counts of documents (in corpus / stubs), agencies, tasks and edges by type.

    \b
    Example:
      vbgraph --store ./kho stats --json
    """
    with _store(ctx) as store:
        result = api.stats(store)
    docs = result["documents"]
    rows = [{"what": "documents in corpus", "count": docs["in_corpus"]},
            {"what": "documents cited only", "count": docs["stubs"]},
            {"what": "agencies", "count": result["agencies"]},
            {"what": "tasks", "count": result["tasks"]}]
    rows += [{"what": rel, "count": n} for rel, n in result["edges"].items()]
    _emit(rows, ["what", "count"], fmt, "", data=result)


@cli.command()
@click.pass_context
def repair(ctx: click.Context) -> None:
    """Check the embedded store's files and repair what can be repaired.

    A lost or damaged manifest is rebuilt from the log files; a log that ends in
    the middle of a write (a crash, a full disk) is cut back to its last complete
    write.  A copy of every file it changes is kept in STORE/damaged-<time>/.  A
    batch of documents the cut removed is stored again by the next ingest of the
    same folders.  The store must not be open in another program.

    \b
    Example:
      vbgraph --store ./kho repair
    """
    from vbgraph.graph.falkor_server import repair as run_repair
    from vbgraph.graph.store import default_store_dir

    settings: _Settings = ctx.find_object(_Settings)  # type: ignore[assignment]
    if settings.neo4j_uri:
        raise click.UsageError("repair works on the embedded store (--store), not on Neo4j")
    directory = Path(settings.store_dir) if settings.store_dir else default_store_dir()
    report = run_repair(directory)
    for action in report.actions:
        click.echo(action)
    if report.backup is not None:
        click.echo(f"Copies of the files before the repair: {report.backup}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv", "cypher"]),
              required=True, help="graphml/gexf for Gephi, csv for neo4j-admin import "
                                  "(a folder), cypher for cypher-shell.")
@click.option("-o", "--output", "out", required=True, type=click.Path(),
              help="The file to write (a folder for csv).")
@click.pass_context
def export(ctx: click.Context, fmt: str, out: str) -> None:
    """Export the whole graph for Gephi, spreadsheets or a Neo4j import.

    \b
    Example:
      vbgraph export --format graphml -o corpus.graphml
      vbgraph export --format csv -o import/   # neo4j-admin database import full ...
    """
    from vbgraph.export import export as run_export

    _check_target(Path(out), folder=fmt == "csv")
    with _store(ctx) as store:
        try:
            written = run_export(store, fmt, out)
        except OSError as exc:  # the disk, not vbgraph: full, read-only, a device
            raise VbgraphError(f"cannot write {exc.filename or out}: {exc.strerror}") from exc
    click.echo(f"Wrote {written}")


@cli.command("import")
@click.argument("path", type=click.Path(exists=True))
@click.option("--merge", is_flag=True,
              help="Merge into a store that already holds documents (default: refuse).")
@click.pass_context
def import_command(ctx: click.Context, path: str, merge: bool) -> None:
    """Load an export (a --format cypher file or a --format csv folder) into the store.

    The store it builds gives the same stats and answers as the one exported, so
    this moves a laptop store to a Neo4j server (or back).

    \b
    Example:
      vbgraph --store ./kho export --format cypher -o kho.cypher
      vbgraph --neo4j neo4j://server:7687 import kho.cypher
    """
    from vbgraph.importer import import_path

    with _store(ctx, write=True) as store:
        report = import_path(store, path, merge)
    click.echo(f"Imported {report.summary()} from {path}")


def _check_target(out: Path, folder: bool) -> None:
    """Refuse an output path that cannot be written, before the store is opened."""
    if folder:
        if out.exists() and not out.is_dir():
            raise VbgraphError(f"{out} is a file; csv export writes a folder of files: give "
                               "a folder (it is created if missing)")
        return
    if out.is_dir():
        raise VbgraphError(f"{out} is a folder; give the name of the file to write "
                           f"(e.g. {out / 'corpus'}.graphml)")
    parent = out.parent
    if not parent.is_dir():
        raise VbgraphError(f"the folder {parent} does not exist; create it or write "
                           "somewhere else")


@cli.command()
@click.argument("doc", required=False)
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@click.option("--agency", help="View an agency: its documents, tasks and partners.")
@click.option("--all", "whole", is_flag=True, help="View the whole corpus.")
@click.option("--direction", type=click.Choice(["up", "down", "both"]), default="both",
              show_default=True, help="For a document: which side of its lineage.")
@click.option("--depth", type=click.IntRange(1, api.q.MAX_DEPTH), default=6, show_default=True)
@_doc_options
@click.pass_context
def view(ctx: click.Context, doc: str | None, out: str, agency: str | None, whole: bool,
         direction: str, depth: int, province: str | None, year: str | None) -> None:
    """Write an interactive, self-contained HTML view (opens offline, by double-click).

    One of: DOC (its lineage, newer above older), --agency NAME, or --all.

    \b
    Example:
      vbgraph view 590/QĐ-UBND -o 590.html
      vbgraph view --agency "Sở Ngoại vụ" --province "Quảng Ngãi" -o so-ngoai-vu.html
      vbgraph view --all -o corpus.html
    """
    chosen = [x for x in (doc, agency, whole or None) if x]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of DOC, --agency NAME or --all")
    with _store(ctx) as store:
        if agency:
            from vbgraph.views.agency import render_agency

            page = render_agency(store, agency, province)
            what = f"agency {agency}"
        elif whole:
            from vbgraph.views.corpus import render_corpus

            page = render_corpus(store)
            what = "the whole corpus"
        else:
            from vbgraph.views.lineage import render_lineage

            assert doc is not None
            result = api.lineage(store, doc, direction, depth, api.LINEAGE_RELATIONS, province,
                                 year)
            page = render_lineage(result)
            what = f"{len(result.nodes)} documents, {len(result.edges)} edges"
    Path(out).write_text(page, encoding="utf-8")
    click.echo(f"Wrote {out} ({what})")


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
def annotate(path: str, out: str) -> None:
    """Write FILE's own text with every extracted reference and agency highlighted.

    Each mark is labelled (relation and resolved key, or role and agency), so a
    researcher can check the extraction sentence by sentence. No store needed.

    \b
    Example:
      vbgraph annotate ke-hoach-214.txt -o 214-annotated.html
    """
    from vbgraph.loaders import extract as run_extract
    from vbgraph.loaders import read_document
    from vbgraph.views.annotate import render_annotation

    source = read_document(path)
    extraction = run_extract(source)
    Path(out).write_text(render_annotation(source, extraction), encoding="utf-8")
    click.echo(f"Wrote {out} ({len(extraction.edges)} references, "
               f"{len(extraction.assignments)} assignments)")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but a loopback address lets other "
                   "machines read the store (a warning says so).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port; the ready line names it).")
@click.option("--open", "open_browser", is_flag=True, help="Open the search page in a browser.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, open_browser: bool) -> None:
    """Serve a local research web app over the store, read-only, until Ctrl+C.

    Pages in Vietnamese: search, document cards with the sentence behind each
    edge, lineage graphs expanded on click, agencies (roles over time, tasks
    and deadlines, partners), coverage, a read-only Cypher console; every table
    downloads as CSV and JSON.  /api/<command> answers the query commands with
    their --json (/api/lineage?doc=590/QĐ-UBND&direction=up).  The store is
    opened once and kept open; no request leaves the machine.

    \b
    Example:
      vbgraph --store ./kho serve --open
      vbgraph --store ./kho serve --port 9000
    """
    from vbgraph.web.server import bind, is_loopback
    from vbgraph.web.server import serve as run_server

    sock = bind(host, port)  # a busy port fails before the store is opened
    if not is_loopback(sock):
        click.echo(f"Warning: listening on {host}, not on a loopback address: anyone who "
                   "can reach this machine can read the store.", err=True)

    def ready(url: str) -> None:
        click.echo(f"Ready: {url} (read-only; Ctrl+C to stop)")

    with _store(ctx) as store:
        run_server(store, sock, ready, open_browser)


# --------------------------------------------------------------------------
# demo
# --------------------------------------------------------------------------

DEMO_DOC = "590/QĐ-UBND"
DEMO_AGENCY = "Sở Ngoại vụ"


@cli.command()
@click.option("-o", "--output", "out", default="vbgraph-demo.html", show_default=True,
              type=click.Path(dir_okay=False), help="Where to write the lineage view.")
@click.pass_context
def demo(ctx: click.Context, out: str) -> None:
    """Ingest the bundled sample corpus and answer the project's two questions.

    Prints the lineage chain of 590/QĐ-UBND (22-NQ/TW <- 45-CTr/TU <-
    590/QĐ-UBND) with the document that states each edge, the plans that
    assign Sở Ngoại vụ and in what role, and writes the lineage as HTML.

    \b
    Example:
      vbgraph --store ./demo-store demo -o lineage.html
    """
    from vbgraph.pipeline import ingest_paths
    from vbgraph.views.lineage import render_lineage

    seeds = resources.files("vbgraph") / "data" / "seeds"
    with resources.as_file(seeds) as folder, _store(ctx, write=True) as store:
        report = ingest_paths(store, [folder])
        for o in report.failed:
            click.echo(f"Error: {o.reason}", err=True)
        click.echo(f"Ingested the sample corpus: {report.summary()}")
        click.echo("")
        chain = api.lineage(store, DEMO_DOC, "up", 6)
        click.echo(f"Lineage of {DEMO_DOC}: " + " <- ".join(api.longest_chain(chain)))
        click.echo(output.table(_lineage_rows(chain), _LINEAGE_COLUMNS))
        click.echo("")
        result = api.assigned(store, DEMO_AGENCY)
        click.echo(f"Plans that assign {result.agency}:")
        for d in result.documents:
            click.echo(f"  {d.symbol:14} {d.province or '':12} roles: {', '.join(d.roles)}")
        Path(out).write_text(render_lineage(api.lineage(store, DEMO_DOC, "both", 6)),
                             encoding="utf-8")
    click.echo("")
    click.echo(f"Wrote the lineage view to {out}")


def _stop_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM ends the command as Ctrl-C does: the store is closed (its server stopped if
    nobody else uses it), the write lock released and the extraction workers stopped."""
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    cli(prog_name="vbgraph")


if __name__ == "__main__":
    main()
