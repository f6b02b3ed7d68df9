"""Commands that write or move the store: ``ingest``, ``repair``, ``export``,
``import``."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import click

from vbgraph.cli.base import Settings, cli, configured_store, print_json
from vbgraph.errors import VbgraphError
from vbgraph.graph.store import DOCUMENTS_PER_ROUND


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
@click.option("--file-timeout", type=click.FloatRange(0), default=None, metavar="SECONDS",
              help="Give up on a file after this long reading and extracting it (default "
                   "600, or VBGRAPH_FILE_TIMEOUT; 0: no limit); it is reported, the rest "
                   "are stored.")
@click.option("--reread", is_flag=True,
              help="Read every file again, even one whose size and modification time say "
                   "it is unchanged since it was stored or refused (after a copy that kept "
                   "the old times, e.g. rsync -t).")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome of each file as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress; only errors and the summary.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], glob: str | None, workers: int,
           prune: bool, prune_confirmed: bool, batch: int, file_timeout: float | None,
           reread: bool, as_json: bool, quiet: bool) -> None:
    """Read, extract and store documents (files or folders, recursively).

    A file that cannot be read is reported by name and the rest are still
    stored; the exit code is 1 when any file failed. A file refused for its
    content is reported again, unread, while it and vbgraph stay the same. A
    file whose size and
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
      vbgraph --store ./kho ingest ./scans --file-timeout 1800
    """
    from vbgraph.ingest_progress import IngestProgress
    from vbgraph.loaders.formats.walk import iter_entries
    from vbgraph.pipeline import ingest_paths
    from vbgraph.time_limit import seconds_from_env

    if file_timeout is not None:  # read by each worker (time_limit.seconds_from_env)
        os.environ["VBGRAPH_FILE_TIMEOUT"] = repr(file_timeout)
    seconds_from_env()  # a wrong VBGRAPH_FILE_TIMEOUT is one Error: line, before any work
    interactive = sys.stderr.isatty() and not quiet and not as_json
    total = len(list(iter_entries(list(paths), glob=glob))) if interactive else None
    with configured_store(ctx, write=True) as store, \
            IngestProgress(quiet, as_json, total) as progress:
        report = ingest_paths(store, paths, glob, progress, workers, prune, batch,
                              prune_confirmed, reread)
    progress.finish()
    if as_json:
        print_json({"files": [dataclasses.asdict(o) for o in report.outcomes],
                     "counts": report.counts()})
    click.echo(report.summary(), err=True)
    if report.failed:
        ctx.exit(1)


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

    settings: Settings = ctx.find_object(Settings)  # type: ignore[assignment]
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
    with configured_store(ctx) as store:
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

    with configured_store(ctx, write=True) as store:
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
