"""Questions about documents: ``lineage``, ``path``, ``show``."""

from __future__ import annotations

import dataclasses

import click

from vbgraph import output
from vbgraph.cli.base import (
    cli,
    configured_store,
    doc_options,
    emit,
    output_options,
    print_json,
)
from vbgraph.models import RELATION_ORDER
from vbgraph.queries import documents, lineage
from vbgraph.queries.cypher.documents import MAX_DEPTH, PATH_DEPTH
from vbgraph.tables import LINEAGE_COLUMNS, SHOW_COLUMNS, lineage_rows, short, show_rows


@cli.command("lineage")
@click.argument("doc")
@click.option("--direction", type=click.Choice(["up", "down", "both"]), default="up",
              show_default=True, help="up: what DOC descends from; down: what implements it.")
@click.option("--depth", type=click.IntRange(1, MAX_DEPTH), default=6, show_default=True)
@click.option("--relation", "relations", multiple=True, type=click.Choice(RELATION_ORDER),
              help="Follow only these relations (repeatable; default: all but cites/proposal).")
@click.option("--by-province", is_flag=True,
              help="With --direction down: the descendants grouped by province.")
@doc_options
@output_options
@click.pass_context
def lineage_command(ctx: click.Context, doc: str, direction: str, depth: int,
                    relations: tuple[str, ...], by_province: bool, province: str | None,
                    year: str | None, fmt: str | None) -> None:
    """The lineage of DOC: which documents it rests on and implements, transitively.

    \b
    Example:
      vbgraph lineage 590/QĐ-UBND
      vbgraph lineage 22-NQ/TW --direction down --json
      vbgraph lineage 22-NQ/TW --direction down --by-province
    """
    rels = relations or lineage.LINEAGE_RELATIONS
    with configured_store(ctx) as store:
        if by_province:
            key = documents.find_document(store, doc, province, year)
            groups = lineage.descendants_by_province(store, key, rels)
            rows = [{"province": p or "(trung ương)", "symbol": d["symbol"],
                     "in corpus": d["in_corpus"], "depth": d["depth"], "date": d["date"],
                     "title": d["title"]}
                    for p, docs in groups.items() for d in docs]
            emit(rows, ["province", "symbol", "in corpus", "depth", "date", "title"], fmt,
                 f"Nothing in the store implements {short(key)}.",
                 data={"root": key, "provinces": groups})
            return
        result = lineage.lineage(store, doc, direction, depth, rels, province, year)
    root = next(n for n in result.nodes if n.key == result.root)
    emit(lineage_rows(result), LINEAGE_COLUMNS, fmt,
         f"{root.symbol}: no lineage edges in the store.", data=result.to_json())


@cli.command()
@click.argument("doc_a")
@click.argument("doc_b")
@output_options
@click.pass_context
def path(ctx: click.Context, doc_a: str, doc_b: str, fmt: str | None) -> None:
    """How DOC_A and DOC_B are connected: the shortest chain of relations between them.

    \b
    Example:
      vbgraph path 590/QĐ-UBND 22-NQ/TW
    """
    with configured_store(ctx) as store:
        edges = lineage.path(store, doc_a, doc_b)
    rows = [{"source": short(e.source), "relation": e.relation, "target": short(e.target),
             "stated by": short(e.asserted_by), "sentence": e.raw} for e in edges]
    emit(rows, ["source", "relation", "target", "stated by", "sentence"], fmt,
         f"{doc_a} and {doc_b} are not connected within {PATH_DEPTH} steps.",
         data=[dataclasses.asdict(e) for e in edges])


@cli.command()
@click.argument("doc")
@doc_options
@output_options
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
    with configured_store(ctx) as store:
        card = documents.show(store, doc, province, year)
    if fmt == "json":
        print_json(card.to_json())
        return
    if fmt == "csv":
        click.echo(output.to_csv(show_rows(card), SHOW_COLUMNS))
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
                           f"{short(r.get('asserted_by'))}")
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
