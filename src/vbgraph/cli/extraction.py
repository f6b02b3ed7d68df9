"""Commands over one file or a gold set, no store needed: ``extract``, ``eval``,
``annotate``."""

from __future__ import annotations

from pathlib import Path

import click

from vbgraph.cli.base import cli, print_json


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
        print_json(extraction.to_json())
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
        print_json(reports if len(reports) > 1 else reports[0])
    else:
        click.echo("\n\n".join(format_report(r) for r in reports))


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
