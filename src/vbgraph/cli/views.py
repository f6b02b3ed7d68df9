"""What a researcher looks at: ``view`` (a static HTML page), ``serve`` (the web app),
``demo``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from vbgraph import output
from vbgraph.cli.base import cli, configured_store, doc_options
from vbgraph.queries import agencies, lineage
from vbgraph.queries.cypher.documents import MAX_DEPTH
from vbgraph.tables import LINEAGE_COLUMNS, lineage_rows


@cli.command()
@click.argument("doc", required=False)
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@click.option("--agency", help="View an agency: its documents, tasks and partners.")
@click.option("--all", "whole", is_flag=True, help="View the whole corpus.")
@click.option("--direction", type=click.Choice(["up", "down", "both"]), default="both",
              show_default=True, help="For a document: which side of its lineage.")
@click.option("--depth", type=click.IntRange(1, MAX_DEPTH), default=6, show_default=True)
@doc_options
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
    with configured_store(ctx) as store:
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
            result = lineage.lineage(store, doc, direction, depth, lineage.LINEAGE_RELATIONS,
                                     province, year)
            page = render_lineage(result)
            what = f"{len(result.nodes)} documents, {len(result.edges)} edges"
    Path(out).write_text(page, encoding="utf-8")
    click.echo(f"Wrote {out} ({what})")


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

    with configured_store(ctx) as store:
        run_server(store, sock, ready, open_browser)


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
    with resources.as_file(seeds) as folder, configured_store(ctx, write=True) as store:
        report = ingest_paths(store, [folder])
        for o in report.failed:
            click.echo(f"Error: {o.reason}", err=True)
        click.echo(f"Ingested the sample corpus: {report.summary()}")
        click.echo("")
        chain = lineage.lineage(store, DEMO_DOC, "up", 6)
        click.echo(f"Lineage of {DEMO_DOC}: " + " <- ".join(lineage.longest_chain(chain)))
        click.echo(output.table(lineage_rows(chain), LINEAGE_COLUMNS))
        click.echo("")
        result = agencies.assigned(store, DEMO_AGENCY)
        click.echo(f"Plans that assign {result.agency}:")
        for d in result.documents:
            click.echo(f"  {d.symbol:14} {d.province or '':12} roles: {', '.join(d.roles)}")
        Path(out).write_text(render_lineage(lineage.lineage(store, DEMO_DOC, "both", 6)),
                             encoding="utf-8")
    click.echo("")
    click.echo(f"Wrote the lineage view to {out}")
