"""Questions about agencies: ``assigned``, ``tasks``, ``coordination``, ``matrix``."""

from __future__ import annotations

import dataclasses

import click

from vbgraph.cli.base import cli, configured_store, emit, iso_date, output_options
from vbgraph.models import ROLES
from vbgraph.queries import agencies


@cli.command()
@click.argument("agency")
@click.option("--role", "roles", multiple=True, type=click.Choice(ROLES),
              help="Only these roles (repeatable).")
@click.option("--province", help="Only the agency of this province.")
@click.option("--since", help="Only documents dated on or after this day (YYYY-MM-DD or YYYY).")
@click.option("--until", help="Only documents dated on or before this day (YYYY-MM-DD).")
@click.option("--include-collective", is_flag=True,
              help="Also plans that assign collective addressees (\"Các sở, ban, ngành\").")
@output_options
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
    with configured_store(ctx) as store:
        result = agencies.assigned(store, agency, roles or ROLES, province, iso_date(since),
                                   iso_date(until), include_collective)
    rows = [{"symbol": d.symbol, "province": d.province, "date": d.date,
             "roles": list(d.roles), "tasks": d.tasks, "title": d.title}
            for d in result.documents]
    emit(rows, ["symbol", "province", "date", "roles", "tasks", "title"], fmt,
         f"No document in the store gives {result.agency} a role.", data=result.to_json())


@cli.command()
@click.option("--agency", required=True, help="The agency (any case or diacritics).")
@click.option("--doc", help="Only the tasks of this document.")
@click.option("--province", help="Only the agency of this province.")
@click.option("--due-before", help="Only tasks with a deadline before this day (YYYY-MM-DD).")
@output_options
@click.pass_context
def tasks(ctx: click.Context, agency: str, doc: str | None, province: str | None,
          due_before: str | None, fmt: str | None) -> None:
    """The tasks an agency is given, with role, deadline and the sentence that says so.

    \b
    Example:
      vbgraph tasks --agency "Sở Kế hoạch và Đầu tư" --doc 214/KH-UBND
      vbgraph tasks --agency "so tai chinh" --due-before 2026-01-01 --csv
    """
    with configured_store(ctx) as store:
        rows_ = agencies.tasks(store, agency, doc, iso_date(due_before), province)
    rows = [{"symbol": t.symbol, "section": t.section, "role": t.role, "deadline": t.deadline,
             "recurring": t.recurring, "agency": t.agency, "text": t.text or t.raw}
            for t in rows_]
    emit(rows, ["symbol", "section", "role", "deadline", "recurring", "text"], fmt,
         f"No task for {agency} in the store.",
         data=[dataclasses.asdict(t) for t in rows_])


@cli.command()
@click.argument("agency")
@click.option("--province", help="Only the agency of this province.")
@output_options
@click.pass_context
def coordination(ctx: click.Context, agency: str, province: str | None,
                 fmt: str | None) -> None:
    """Which agencies share tasks with AGENCY, and how many.

    \b
    Example:
      vbgraph coordination "Sở Ngoại vụ" --province "Quảng Ngãi"
    """
    with configured_store(ctx) as store:
        partners = agencies.coordination(store, agency, province)
    rows = [{"agency": p.name, "province": p.province, "collective": p.collective,
             "shared tasks": p.shared_tasks} for p in partners]
    emit(rows, ["agency", "province", "collective", "shared tasks"], fmt,
         f"No agency shares a task with {agency}.")


@cli.command()
@click.option("--province", help="Only the documents of this province.")
@output_options
@click.pass_context
def matrix(ctx: click.Context, province: str | None, fmt: str | None) -> None:
    """The agency x document responsibility matrix (roles in each cell).

    \b
    Example:
      vbgraph matrix --province "Thanh Hóa" --csv > trach-nhiem.csv
    """
    with configured_store(ctx) as store:
        m = agencies.matrix(store, province)
    columns = ["agency", *m.documents]
    rows = [{"agency": a, **{d: m.role_cell(a, d) for d in m.documents}} for a in m.agencies]
    data = {"documents": list(m.documents), "agencies": list(m.agencies),
            "cells": [{"agency": a, "document": d, "roles": roles}
                      for (a, d), roles in sorted(m.cells.items())]}
    emit(rows, columns, fmt, "No assignments in the store.", data=data)
