"""What every command shares: the ``vbgraph`` group and its global options, the
store they configure, ``Error: ...`` for library errors, and the output and
document options."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from vbgraph import output
from vbgraph.errors import VbgraphError
from vbgraph.graph.store import GraphStore, open_store
from vbgraph.lookup import iso_day


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except VbgraphError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


class Settings:
    def __init__(self, store_dir: str | None, neo4j_uri: str | None,
                 query_timeout: float | None = None) -> None:
        self.store_dir = store_dir
        self.neo4j_uri = neo4j_uri
        self.query_timeout = query_timeout


@contextmanager
def configured_store(ctx: click.Context, write: bool = False) -> Iterator[GraphStore]:
    """The configured store; only writing commands (``write``) set up its schema."""
    settings: Settings = ctx.find_object(Settings)  # type: ignore[assignment]
    store = open_store(settings.store_dir, settings.neo4j_uri, settings.query_timeout,
                       read_only=not write)
    try:
        yield store
    finally:
        store.close()


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def output_options(f: Any) -> Any:
    """``--json`` / ``--csv`` (default: an aligned table)."""
    f = click.option("--csv", "fmt", flag_value="csv", help="Print CSV.")(f)
    f = click.option("--json", "fmt", flag_value="json", help="Print JSON.")(f)
    return f


def emit(rows: list[dict[str, Any]], columns: list[str], fmt: str | None, empty: str,
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
    ctx.obj = Settings(store_dir, neo4j_uri, query_timeout)


def doc_options(f: Any) -> Any:
    f = click.option("--year", help="Year, when the symbol matches several documents.")(f)
    f = click.option("--province", help="Province, when the symbol matches several documents.")(f)
    return f


def iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return iso_day(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD or YYYY)") from None
