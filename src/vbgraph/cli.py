"""The ``vbgraph`` command line: thin commands over the library.

Library errors (``VbgraphError``) print ``Error: ...`` and exit 1; usage
errors exit 2; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import click

from vbgraph.errors import VbgraphError
from vbgraph.graph.store import GraphStore, open_store
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
    def __init__(self, store_dir: str | None, neo4j_uri: str | None) -> None:
        self.store_dir = store_dir
        self.neo4j_uri = neo4j_uri


@contextmanager
def _store(ctx: click.Context) -> Iterator[GraphStore]:
    settings: _Settings = ctx.find_object(_Settings)  # type: ignore[assignment]
    store = open_store(settings.store_dir, settings.neo4j_uri)
    try:
        yield store
    finally:
        store.close()


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_dir", envvar="VBGRAPH_STORE", type=click.Path(file_okay=False),
              help="Directory of the embedded store (default: the user data dir). Env VBGRAPH_STORE.")
@click.option("--neo4j", "neo4j_uri", metavar="URI",
              help="Use a Neo4j server instead (also NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, "
                   "NEO4J_DATABASE).")
@click.version_option(package_name="vbgraph")
@click.pass_context
def cli(ctx: click.Context, store_dir: str | None, neo4j_uri: str | None) -> None:
    """A knowledge graph of Vietnamese policy documents: lineage, references, responsibilities.

    \b
    Example:
      vbgraph --store ./kho ingest ./van-ban
      vbgraph --store ./kho lineage 590/QĐ-UBND
    """
    ctx.obj = _Settings(store_dir, neo4j_uri)


# --------------------------------------------------------------------------
# ingest / extract
# --------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--glob", "glob", help="Only files matching this pattern (e.g. '*.docx').")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome of each file as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], glob: str | None, as_json: bool,
           quiet: bool) -> None:
    """Read, extract and store documents (files or folders, recursively).

    A file that cannot be read is reported by name and the rest are still
    stored; the exit code is 1 when any file failed.

    \b
    Example:
      vbgraph --store ./kho ingest ./van-ban --glob '*.docx'
    """
    from vbgraph.pipeline import FileOutcome, ingest_paths

    def progress(outcome: FileOutcome) -> None:
        if outcome.status == "failed":
            click.echo(f"Error: {outcome.reason}", err=True)
        elif not quiet and not as_json:
            click.echo(f"{outcome.status:9} {outcome.key}  ({outcome.path})", err=True)

    with _store(ctx) as store:
        report = ingest_paths(store, paths, glob=glob, progress=progress)
    if as_json:
        _print_json({"files": [o.__dict__ if hasattr(o, "__dict__") else
                               {"path": o.path, "status": o.status, "key": o.key,
                                "reason": o.reason} for o in report.outcomes],
                     "counts": report.counts()})
    click.echo(report.summary(), err=True)
    if report.failed:
        ctx.exit(1)


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction in the gold-file shape.")
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


# --------------------------------------------------------------------------
# questions
# --------------------------------------------------------------------------


def _doc_options(f: Any) -> Any:
    f = click.option("--year", help="Year, when the symbol matches several documents.")(f)
    f = click.option("--province", help="Province, when the symbol matches several documents.")(f)
    return f


@cli.command()
@click.argument("doc")
@click.option("--direction", type=click.Choice(["up", "down", "both"]), default="up",
              show_default=True, help="up: what DOC descends from; down: what implements it.")
@click.option("--depth", type=click.IntRange(1, 12), default=6, show_default=True)
@click.option("--relation", "relations", multiple=True, type=click.Choice(RELATION_ORDER),
              help="Follow only these relations (repeatable; default: all but cites/proposal).")
@_doc_options
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def lineage(ctx: click.Context, doc: str, direction: str, depth: int,
            relations: tuple[str, ...], province: str | None, year: str | None,
            as_json: bool) -> None:
    """The lineage of DOC: which documents it rests on and implements, transitively.

    \b
    Example:
      vbgraph lineage 590/QĐ-UBND
      vbgraph lineage 22-NQ/TW --direction down --json
    """
    with _store(ctx) as store:
        result = api.lineage(store, doc, direction, depth, relations or api.LINEAGE_RELATIONS,
                             province, year)
    if as_json:
        _print_json(result.to_json())
        return
    click.echo(_format_lineage(result))


def _format_lineage(result: api.Lineage) -> str:
    symbols = {n.key: n for n in result.nodes}
    if not result.edges:
        return f"{symbols[result.root].symbol}: no lineage edges in the store."
    lines = []
    for e in result.edges:
        src, dst = symbols[e.source], symbols[e.target]
        stub = "" if dst.in_corpus else " [not in corpus]"
        by = e.asserted_by.split("|")[0]
        lines.append(f"{src.symbol} -[{e.relation}]-> {dst.symbol}{stub}   (stated by {by})")
    return "\n".join(lines)


@cli.command()
@click.argument("agency")
@click.option("--role", "roles", multiple=True, type=click.Choice(ROLES),
              help="Only these roles (repeatable).")
@click.option("--province", help="Only the agency of this province.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def assigned(ctx: click.Context, agency: str, roles: tuple[str, ...], province: str | None,
             as_json: bool) -> None:
    """Which documents give AGENCY a role (lead, coordinate, monitor, ...).

    The name is matched without regard to case or diacritics.

    \b
    Example:
      vbgraph assigned "Sở Ngoại vụ" --role lead
      vbgraph assigned "so ngoai vu" --province "Thanh Hóa" --json
    """
    with _store(ctx) as store:
        result = api.assigned(store, agency, roles or ROLES, province)
    if as_json:
        _print_json(result.to_json())
        return
    if not result.documents:
        click.echo(f"No document assigns {result.agency} a role.")
        return
    click.echo(f"{result.agency}:")
    for d in result.documents:
        click.echo(f"  {d.symbol:14} {d.province or '':12} {', '.join(d.roles):30} "
                   f"{d.tasks} task(s)  {(d.title or '')[:70]}")


@cli.command()
@click.argument("doc")
@_doc_options
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, doc: str, province: str | None, year: str | None,
         as_json: bool) -> None:
    """A document's card: header, what it rests on, what cites it, its tasks.

    \b
    Example:
      vbgraph show 214/KH-UBND
    """
    with _store(ctx) as store:
        card = api.show(store, doc, province, year)
    if as_json:
        _print_json(card.to_json())
        return
    d = card.document
    click.echo(f"{d['symbol']}  {d.get('type') or ''}  {d.get('date') or ''}  [{d['key']}]")
    if d.get("issuer"):
        click.echo(f"Issuer: {d['issuer']}")
    if d.get("title"):
        click.echo(f"Title:  {d['title']}")
    if not d.get("in_corpus"):
        click.echo("(cited only: the file is not in the corpus)")
    for heading, rows in (("Rests on / implements", card.rests_on), ("Cited by", card.cited_by)):
        if rows:
            click.echo(f"{heading}:")
            for r in rows:
                click.echo(f"  {r['relation']:11} {r['symbol']:16} (stated by "
                           f"{(r.get('asserted_by') or '').split('|')[0]})")
    if card.tasks:
        click.echo("Tasks:")
        for t in card.tasks:
            who = "; ".join(f"{a['agency']} ({a['role']})" for a in t["agencies"])
            click.echo(f"  {t['section'] or '-':6} {who}")


@cli.command()
@click.argument("query")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter (repeatable); VALUE is read as JSON when it parses.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def cypher(ctx: click.Context, query: str, params: tuple[str, ...], as_json: bool) -> None:
    """Run a read-only Cypher QUERY; a write clause is refused.

    \b
    Example:
      vbgraph cypher "MATCH (d:Document {in_corpus: true}) RETURN d.symbol AS symbol"
      vbgraph cypher "MATCH (d:Document) WHERE d.year = \\$y RETURN d.key" -p y='"2014"'
    """
    parsed: dict[str, Any] = {}
    for p in params:
        if "=" not in p:
            raise click.UsageError(f"parameter {p!r} is not NAME=VALUE")
        name, value = p.split("=", 1)
        try:
            parsed[name] = json.loads(value)
        except json.JSONDecodeError:
            parsed[name] = value
    with _store(ctx) as store:
        rows = api.run_read_query(store, query, parsed)
    if as_json:
        _print_json(rows)
        return
    if not rows:
        click.echo("(no rows)")
        return
    cols = list(rows[0])
    click.echo("\t".join(cols))
    for r in rows:
        click.echo("\t".join("" if r[c] is None else str(r[c]) for c in cols))


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Counts of documents (in corpus / stubs), agencies, tasks and edges by type.

    \b
    Example:
      vbgraph --store ./kho stats --json
    """
    with _store(ctx) as store:
        result = api.stats(store)
    if as_json:
        _print_json(result)
        return
    docs = result["documents"]
    click.echo(f"documents: {docs['in_corpus']} in corpus, {docs['stubs']} cited only")
    click.echo(f"agencies:  {result['agencies']}")
    click.echo(f"tasks:     {result['tasks']}")
    for rel, n in result["edges"].items():
        click.echo(f"  {rel:18} {n}")


@cli.command()
@click.argument("doc")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@click.option("--direction", type=click.Choice(["up", "down", "both"]), default="both",
              show_default=True)
@click.option("--depth", type=click.IntRange(1, 12), default=6, show_default=True)
@_doc_options
@click.pass_context
def view(ctx: click.Context, doc: str, output: str, direction: str, depth: int,
         province: str | None, year: str | None) -> None:
    """Write an interactive, self-contained HTML view of DOC's lineage.

    \b
    Example:
      vbgraph view 590/QĐ-UBND -o 590.html
    """
    from vbgraph.views.lineage import render_lineage

    with _store(ctx) as store:
        result = api.lineage(store, doc, direction, depth, api.LINEAGE_RELATIONS, province, year)
    Path(output).write_text(render_lineage(result), encoding="utf-8")
    click.echo(f"Wrote {output} ({len(result.nodes)} documents, {len(result.edges)} edges)")


# --------------------------------------------------------------------------
# demo
# --------------------------------------------------------------------------

DEMO_DOC = "590/QĐ-UBND"
DEMO_AGENCY = "Sở Ngoại vụ"


@cli.command()
@click.option("-o", "--output", default="vbgraph-demo.html", show_default=True,
              type=click.Path(dir_okay=False), help="Where to write the lineage view.")
@click.pass_context
def demo(ctx: click.Context, output: str) -> None:
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
    with resources.as_file(seeds) as folder, _store(ctx) as store:
        report = ingest_paths(store, [folder])
        for o in report.failed:
            click.echo(f"Error: {o.reason}", err=True)
        click.echo(f"Ingested the sample corpus: {report.summary()}")
        click.echo("")
        chain = api.lineage(store, DEMO_DOC, "up", 6)
        click.echo(f"Lineage of {DEMO_DOC} (newer -> older):")
        click.echo(_format_lineage(chain))
        click.echo("")
        result = api.assigned(store, DEMO_AGENCY)
        click.echo(f"Plans that assign {result.agency}:")
        for d in result.documents:
            click.echo(f"  {d.symbol:14} {d.province or '':12} roles: {', '.join(d.roles)}")
        Path(output).write_text(render_lineage(api.lineage(store, DEMO_DOC, "both", 6)),
                                encoding="utf-8")
    click.echo("")
    click.echo(f"Wrote the lineage view to {output}")


def main() -> None:
    cli(prog_name="vbgraph")


if __name__ == "__main__":
    sys.exit(main())
