"""Questions about the whole store: ``gaps``, ``search``, ``cypher``, ``stats``."""

from __future__ import annotations

import json
from typing import Any

import click

from vbgraph import output
from vbgraph.cli.base import cli, configured_store, emit, output_options
from vbgraph.queries import corpus, guard
from vbgraph.tables import STATS_COLUMNS, stats_rows


@cli.command()
@output_options
@click.pass_context
def gaps(ctx: click.Context, fmt: str | None) -> None:
    """Coverage: documents cited but not in the corpus, and central directives per province.

    \b
    Example:
      vbgraph gaps
      vbgraph gaps --json > gaps.json
    """
    with configured_store(ctx) as store:
        result = corpus.gaps(store)
    rows = [{"symbol": m["symbol"], "type": m.get("type"), "year": m.get("year"),
             "cited by": m["citing"], "relations": m["relations"], "issuer": m.get("issuer")}
            for m in result["missing"]]
    if fmt:
        emit(rows, ["symbol", "type", "year", "cited by", "relations", "issuer"], fmt, "",
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
@output_options
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, fmt: str | None) -> None:
    """Find documents by title or symbol and tasks by text, ignoring case and diacritics.

    \b
    Example:
      vbgraph search "hoi nhap quoc te"
    """
    with configured_store(ctx) as store:
        result = corpus.search(store, text, limit)
    rows = [{"kind": "document", "symbol": d["symbol"], "section": "",
             "text": d.get("title") or ""} for d in result["documents"]]
    rows += [{"kind": "task", "symbol": t["symbol"], "section": t["section"],
              "text": t["text"]} for t in result["tasks"]]
    emit(rows, ["kind", "symbol", "section", "text"], fmt, f"Nothing matches {text!r}.",
         data=result)


@cli.command()
@click.argument("query")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter (repeatable); VALUE is read as JSON when it parses.")
@output_options
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
    with configured_store(ctx) as store:
        rows = guard.run_read_query(store, query, parsed)
    emit(rows, list(rows[0]) if rows else [], fmt, "(no rows)")


@cli.command()
@output_options
@click.pass_context
def stats(ctx: click.Context, fmt: str | None) -> None:
    """Counts of documents (in corpus / stubs), agencies, tasks and edges by type.

    \b
    Example:
      vbgraph --store ./kho stats --json
    """
    with configured_store(ctx) as store:
        result = corpus.stats(store)
    emit(stats_rows(result), STATS_COLUMNS, fmt, "", data=result)
