"""The analyst's commands: query, series, evidence, timeline, export, report, check, new.

They are plain click commands; ``register(cli)`` adds them to the ``quotas`` group (the group's
``Context`` is ``ctx.obj``; only its ``engine`` is used). Numbers print grouped in tables and
plain in CSV and JSON, never in scientific notation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

import click

from extractors.errors import ConfigError
from extractors.facts import COMMODITIES, QUOTA_TYPES, STATUSES
from models.queries import (
    Filters,
    evidence_rows,
    iter_facts,
    load_facts,
    new_fact_rows,
    parse_key,
    parse_years,
    series_rows,
    timeline_rows,
)
from models.reconcile import ReconciledQuota, iter_quotas, reconcile_facts, reconcile_quotas
from scraper.output import cell, write_rows

FORMATS = ("table", "csv", "json")
QUOTA_COLUMNS = (
    "commodity", "quota_type", "year", "period", "category", "holder", "amount_t",
    "derived_from", "n_documents", "has_official", "disagreements",
)  # fmt: skip
FACT_COLUMNS = (
    "fact_id", "commodity", "quota_type", "year", "period", "category", "holder", "amount_t",
    "status", "issuer", "change_pct", "published", "outlet", "evidence", "url",
)  # fmt: skip
# Units shown in table headers and cells, by column-name suffix.
UNITS = {"_t": "t", "_pct": "%"}
_DATE = click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"])


def register(group: click.Group) -> None:
    """Add every analyst command to the ``quotas`` group."""
    for command in (query, series, evidence, timeline, export, report, check, new):
        group.add_command(command)


def _filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--commodity", type=click.Choice(COMMODITIES), help="rare_earth, tungsten, antimony."
        ),
        click.option("--type", "quota_type", type=click.Choice(QUOTA_TYPES), help="Quota type."),
        click.option(
            "--year", "years", metavar="YYYY[..YYYY]", help="A year or a range: 2019..2024."
        ),
        click.option("--period", metavar="P", help="annual, batch:N or cumulative:N."),
        click.option(
            "--category", metavar="C", help="light, medium_heavy, …; '-' for all categories."
        ),
        click.option(
            "--holder", metavar="H", help="A company id or province:<pinyin>; '-' for national."
        ),
        click.option(
            "--status", type=click.Choice(STATUSES), help="Only official or reported facts."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filters(**given: Any) -> Filters:
    years = given.pop("years", None)
    first, last = parse_years(years) if years else (None, None)
    return Filters(year_from=first, year_to=last, **given)


def _format_option(choices: Sequence[str] = FORMATS) -> Callable[..., Any]:
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default="table", show_default=True,
        help="table for people; csv or json for pipes.",
    )  # fmt: skip


def emit(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str, out: TextIO | None = None
) -> None:
    """Rows as a table with units (``amount_t`` → "270,000 t"), or clean CSV/JSON.

    CSV and JSON consume ``rows`` as they come, so a generator is written without being held.
    """
    if fmt != "table":
        write_rows(rows, columns, fmt, out)
        return
    rows = list(rows)  # a table's widths need every row
    if not rows:
        click.echo("(nothing matches)", file=out)
        return
    unit_of = {c: u for c in columns for suffix, u in UNITS.items() if c.endswith(suffix)}
    pretty = [{c: _with_unit(row.get(c), unit_of.get(c)) for c in columns} for row in rows]
    write_rows(pretty, columns, "table", out, right=unit_of)


def _with_unit(value: Any, unit: str | None) -> Any:
    if unit is None or value is None or isinstance(value, str):
        return value
    if unit == "%":
        return f"{value:+.1f} %"
    return f"{value:,.0f} t" if float(value).is_integer() else f"{value:,.2f} t"


def _engine() -> Any:
    """The database of the ``quotas`` group's Context (opened, and migrated, on first use)."""
    obj = click.get_current_context().obj
    if obj is None:
        raise click.UsageError("run these commands through the quotas group")
    return obj.engine


@click.command()
@_filter_options
@click.option(
    "--facts", "raw", is_flag=True, help="Raw facts, one per document, instead of quotas."
)
@click.option(
    "--reconciled", "raw", flag_value=False, help="One value per quota key (the default)."
)
@_format_option()
def query(raw: bool, fmt: str, **given: Any) -> None:
    """Quotas (one chosen value per key) or raw facts, filtered.

    \b
    Examples:
      quotas query --commodity rare_earth --type mining --year 2019..2024 --period annual
      quotas query --holder china_northern_rare_earth --format csv > northern.csv
      quotas query --facts --year 2024 --status reported
    """
    filters = _filters(**given)
    if raw:
        emit((f.to_row() for f in iter_facts(_engine(), filters)), FACT_COLUMNS, fmt)
    else:
        emit((q.to_row() for q in iter_quotas(_engine(), filters)), QUOTA_COLUMNS, fmt)


@click.command()
@click.option(
    "--commodity", type=click.Choice(COMMODITIES), default="rare_earth", show_default=True
)
@click.option(
    "--type", "quota_types", type=click.Choice(QUOTA_TYPES), multiple=True,
    help="Quota types to show (repeatable). Default: mining and smelting_separation.",
)  # fmt: skip
@_format_option()
def series(commodity: str, quota_types: tuple[str, ...], fmt: str) -> None:
    """National annual totals per year, with the change on the year before.

    Years without a figure are empty rows; a *_derived_from cell says how a year no document
    states was summed from its batches and running totals.

    \b
    Examples:
      quotas series
      quotas series --commodity tungsten --format csv
      quotas series --type export
    """
    quotas = reconcile_quotas(_engine(), Filters(commodity=commodity, category="-", holder="-"))
    rows = series_rows(quotas, commodity, quota_types or ("mining", "smelting_separation"))
    emit(rows, list(rows[0]) if rows else ["year"], fmt)


@click.command()
@click.argument("key")
@_format_option()
def evidence(key: str, fmt: str) -> None:
    """Every document behind a quota value: date, outlet, status, the sentence, the URL.

    KEY is commodity/type/year/period, optionally /category/holder ('-' for none).

    \b
    Examples:
      quotas evidence rare_earth/mining/2024/annual
      quotas evidence rare_earth/mining/2024/batch:1/light/china_northern_rare_earth
    """
    filters = parse_key(key)
    engine = _engine()
    facts = load_facts(engine, filters)
    quotas = [q for q in reconcile_quotas(engine, filters) if not q.derived or not facts]
    quota = quotas[0] if quotas else None
    if quota is not None and quota.derived:  # no document states it: show its parts
        parts = {s.fact_id for s in quota.sources}
        facts = [f for f in load_facts(engine, filters.without_period()) if f.fact_id in parts]
    if not facts:
        raise ConfigError(f"no document states {key}")
    if fmt == "table" and quota is not None:
        click.echo(_headline(quota))
    emit(evidence_rows(facts, quota.amount_t if quota else None), EVIDENCE_COLUMNS, fmt)


EVIDENCE_COLUMNS = (
    "published",
    "outlet",
    "status",
    "period",
    "amount_t",
    "agrees",
    "evidence",
    "url",
    "notice",
)


def _headline(q: ReconciledQuota) -> str:
    value = "no figure disclosed" if q.amount_t is None else _with_unit(q.amount_t, "t")
    how = f", derived from {q.derived_from}" if q.derived else ""
    official = "official" if q.has_official else "reported only"
    others = "; ".join(
        f"{_with_unit(d.amount_t, 't')} in {len(d.documents)}" for d in q.disagreements
    )
    conflict = f"; other values: {others}" if others else ""
    docs = f"{q.n_documents} document{'s' if q.n_documents != 1 else ''}"
    return f"{q.key_text} = {value} ({official}, {docs}{how}{conflict})"


@click.command()
@_filter_options
@_format_option()
def timeline(fmt: str, **given: Any) -> None:
    """When each batch (or year) was announced, including issuances without a figure.

    National figures unless --holder or --category is given.

    \b
    Examples:
      quotas timeline --commodity rare_earth --year 2022..2025
    """
    given["holder"] = given.get("holder") or "-"
    given["category"] = given.get("category") or "-"
    filters = _filters(**given)
    facts = load_facts(_engine(), filters)
    rows = timeline_rows(facts, reconcile_facts(facts))
    emit(rows, TIMELINE_COLUMNS, fmt)


TIMELINE_COLUMNS = (
    "announced", "commodity", "quota_type", "year", "period", "category", "holder", "amount_t",
    "status", "n_documents", "first_url",
)  # fmt: skip


@click.command()
@click.option("--what", type=click.Choice(("facts", "quotas")), default="quotas", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(("csv", "json", "xlsx")), default="csv", show_default=True
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout)."
)
@_filter_options
def export(what: str, fmt: str, out: Path | None, **given: Any) -> None:
    """All facts or all reconciled quotas as CSV, JSON or a spreadsheet.

    \b
    Examples:
      quotas export --what facts --format csv > facts.csv
      quotas export --what quotas --format xlsx --out quotas.xlsx
    """
    filters = _filters(**given)
    columns: tuple[str, ...]
    if what == "facts":
        rows, columns = (
            [f.to_row() for f in load_facts(_engine(), filters)],
            (*FACT_COLUMNS, "first_seen_at"),
        )
    else:
        rows, columns = (
            [q.to_row() for q in reconcile_quotas(_engine(), filters)],
            (*QUOTA_COLUMNS, "key"),
        )
    if fmt == "xlsx":
        if out is None:
            raise click.UsageError("--format xlsx needs --out FILE.xlsx")
        write_xlsx(rows, columns, out, sheet=what)
    elif out is None:
        write_rows(rows, columns, fmt)
    else:
        with out.open("w", encoding="utf-8", newline="") as handle:
            write_rows(rows, columns, fmt, handle)
    if out is not None:
        click.echo(f"wrote {len(rows)} {what} to {out}", err=True)


def write_xlsx(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], path: Path, sheet: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    ws.append(list(columns))
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in rows:
        ws.append([_xlsx_value(row.get(col)) for col in columns])
    for i, col in enumerate(columns, 1):
        letter = ws.cell(row=1, column=i).column_letter
        if col.endswith("_t"):
            for (c,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                c.number_format = "#,##0"
        ws.column_dimensions[letter].width = (
            60 if col in ("evidence", "url") else max(12, len(col) + 2)
        )
    ws.freeze_panes = "A2"
    book.save(path)


def _xlsx_value(value: Any) -> Any:
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    return cell(value)


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="FILE.png or FILE.html",
)
@click.option(
    "--commodity", type=click.Choice(COMMODITIES), default="rare_earth", show_default=True
)
def report(out: Path, commodity: str) -> None:
    """A chart of annual mining and smelting quotas, batches stacked (PNG), or a page with the
    chart, the table and links to the evidence (HTML).

    \b
    Examples:
      quotas report --out quotas.png
      quotas report --out quotas.html
    """
    from scraper.report import render_html, render_png

    suffix = out.suffix.lower()
    if suffix not in (".png", ".html", ".htm"):
        raise click.UsageError(f"--out must end in .png or .html, not {out.name!r}")
    engine = _engine()
    quotas = reconcile_quotas(engine, Filters(commodity=commodity, category="-", holder="-"))
    if suffix == ".png":
        render_png(quotas, out, commodity)
    else:
        holders = [
            q
            for q in reconcile_quotas(engine, Filters(commodity=commodity, category="-"))
            if q.holder is not None
        ]
        render_html(quotas, out, commodity, holders)
    click.echo(f"wrote {out}", err=True)


@click.command()
@_format_option()
def check(fmt: str) -> None:
    """Check stored figures against each other; findings are stored (replacing the last run's).

    Category parts against totals, group allocations against the national figure, batches
    against the year, stated growth against computed growth, and order-of-magnitude outliers.

    \b
    Example:
      quotas check
    """
    from models.checks import check_database, store_findings

    engine = _engine()
    findings = check_database(engine)
    store_findings(engine, findings)
    emit([f.to_row() for f in findings], ("severity", "check", "key", "message", "documents"), fmt)
    if fmt == "table":
        errors = sum(f.severity == "error" for f in findings)
        click.echo(f"{len(findings)} findings ({errors} errors)", err=True)


@click.command()
@click.option("--since", type=_DATE, required=True, help="YYYY-MM-DD[ HH:MM] (UTC).")
@click.option("--notify", "webhook", metavar="URL", help="Also POST them as JSON to this webhook.")
@_format_option()
def new(since: datetime, webhook: str | None, fmt: str) -> None:
    """Facts first stored since a date (re-extraction keeps their first-seen time).

    new_value is "yes" for a figure no earlier document stated (a new quota, not a
    restatement).

    \b
    Examples:
      quotas new --since 2024-08-01
      quotas new --since 2024-08-01 --notify https://hooks.example.com/quotas
    """
    rows = new_fact_rows(load_facts(_engine()), since)
    emit(rows, ("first_seen_at", "new_value", *FACT_COLUMNS[1:8], "status", "url"), fmt)
    if webhook:
        from scraper.notify import post_new_facts

        status = post_new_facts(webhook, rows)
        click.echo(
            f"posted {len(rows)} facts to {webhook} (HTTP {status})" if rows else "nothing to post",
            err=True,
        )


__all__ = ["emit", "register", "write_xlsx"]
