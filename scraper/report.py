"""The chart and the page for a report: annual mining and smelting quotas, batches stacked.

``render_png`` draws two bars per year (mining, smelting & separation), each stacked by batch;
the part of a year no batch figure covers is hatched. ``render_html`` writes one
self-contained page: the chart (embedded as base64), the table and links to the evidence.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, never a window

import matplotlib.pyplot as plt
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from models.queries import outlet, series_rows
from models.reconcile import ReconciledQuota

# Bar colours per quota type, darkest for the first batch; the last shade is the unsplit year.
SHADES = {
    "mining": ("#08306b", "#2171b5", "#6baed6", "#c6dbef"),
    "smelting_separation": ("#7f2704", "#d94801", "#fd8d3c", "#fdd0a2"),
}
TYPE_NAMES = {"mining": "Mining", "smelting_separation": "Smelting & separation"}
COMMODITY_NAMES = {"rare_earth": "rare earth", "tungsten": "tungsten", "antimony": "antimony"}
UNITS = {"rare_earth": "tonnes REO", "tungsten": "tonnes (65% WO3 concentrate)"}


@dataclass
class Bar:
    """One year's bar for one quota type: its stacked segments and the year's total."""

    segments: list[tuple[str, float]] = field(default_factory=list)  # (label, tonnes)
    total: float | None = None
    derived_from: str | None = None


def bars(quotas: Sequence[ReconciledQuota], commodity: str) -> dict[tuple[str, int], Bar]:
    """National figures per (type, year): batches in order, then what the year adds beyond them."""
    national = {
        (q.quota_type, q.year, q.period): q
        for q in quotas
        if q.commodity == commodity
        and q.quota_type in SHADES
        and q.amount_t
        and q.category is None
        and q.holder is None
    }
    result: dict[tuple[str, int], Bar] = {}
    for quota_type, year in sorted({(t, y) for t, y, _ in national}):
        bar = Bar()
        n = 1
        while (q := national.get((quota_type, year, f"batch:{n}"))) is not None:
            bar.segments.append((f"batch {n}", q.amount_t or 0.0))
            n += 1
        annual = national.get((quota_type, year, "annual"))
        if annual is not None:
            bar.total, bar.derived_from = annual.amount_t, annual.derived_from
            rest = (annual.amount_t or 0.0) - sum(v for _, v in bar.segments)
            if rest > 0.005 * (annual.amount_t or 0.0):
                label = "rest of year" if bar.segments else "whole year"
                bar.segments.append((label, rest))
        if bar.segments:
            result[(quota_type, year)] = bar
    return result


def render_png(
    quotas: Sequence[ReconciledQuota], out: Path | io.BytesIO, commodity: str = "rare_earth"
) -> None:
    """Write the chart as a PNG file (or into a buffer)."""
    data = bars(quotas, commodity)
    types = [t for t in SHADES if any(k[0] == t for k in data)]
    years = sorted({y for _, y in data})
    fig, ax = plt.subplots(figsize=(11, 6.2), dpi=150)
    width = 0.38
    legend: dict[str, Patch] = {}
    derived_any = False
    if years:
        span = range(years[0], years[-1] + 1)  # missing years stay as gaps
        for i, quota_type in enumerate(types):
            offset = (i - (len(types) - 1) / 2) * width
            for year in span:
                bar = data.get((quota_type, year))
                if bar is None:
                    continue
                bottom = 0.0
                for j, (label, value) in enumerate(bar.segments):
                    unsplit = label in ("rest of year", "whole year")
                    colour = SHADES[quota_type][3 if unsplit else min(j, 2)]
                    ax.bar(
                        year + offset,
                        value,
                        width * 0.94,
                        bottom=bottom,
                        color=colour,
                        edgecolor="white",
                        linewidth=0.6,
                        hatch="///" if unsplit else None,
                    )
                    part = "rest of year, no batch figure" if unsplit else label
                    name = f"{TYPE_NAMES[quota_type]}: {part}"
                    legend.setdefault(
                        name,
                        Patch(
                            facecolor=colour, hatch="///" if unsplit else None, edgecolor="white"
                        ),
                    )
                    bottom += value
                mark = "*" if bar.derived_from else ""
                derived_any |= bool(mark)
                ax.annotate(
                    f"{bottom / 1000:,.0f}k{mark}",
                    (year + offset, bottom),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=7.5,
                    color="#333333",
                )
        ax.set_xticks(list(span), [str(y) for y in span])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylabel(f"Quota ({UNITS.get(commodity, 'tonnes')})")
    ax.set_xlabel("Quota year")
    name = COMMODITY_NAMES.get(commodity, commodity)
    ax.set_title(f"China's {name} quotas per year, by batch", fontsize=14, loc="left", pad=12)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.margins(y=0.08)
    if legend:
        order = sorted(legend, key=lambda k: (k.split(":")[0] != "Mining", "batch" not in k, k))
        handles = [legend[k] for k in order]
        ax.legend(handles, order, loc="upper left", fontsize=8, frameon=False, ncol=2)
    documents = len({s.url for q in quotas if q.commodity == commodity for s in q.sources})
    note = (
        f"Source: official MIIT/MNR notices and news reports stored by quota-tracker "
        f"({documents} documents). Totals in thousand tonnes above each bar."
    )
    if derived_any:
        note += (
            "\n* no document states the year's total: the sum of its batches and running totals."
        )
    if not years:
        ax.text(
            0.5, 0.5, "no annual figures stored", ha="center", va="center", transform=ax.transAxes
        )
    fig.text(0.01, 0.01, note, fontsize=7.5, color="#555555", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    fig.savefig(out, format="png")
    plt.close(fig)


def png_bytes(quotas: Sequence[ReconciledQuota], commodity: str = "rare_earth") -> bytes:
    buffer = io.BytesIO()
    render_png(quotas, buffer, commodity)
    return buffer.getvalue()


def render_html(
    quotas: Sequence[ReconciledQuota],
    out: Path,
    commodity: str = "rare_earth",
    holders: Sequence[ReconciledQuota] = (),
) -> None:
    """Write one self-contained page: title, chart, table of the series, evidence links, and
    the groups' (provinces') shares per year when ``holders`` gives their figures."""
    out.write_text(html_page(quotas, commodity, holders), encoding="utf-8")


def share_rows(
    holders: Sequence[ReconciledQuota], national: Sequence[ReconciledQuota], commodity: str
) -> list[dict[str, object]]:
    """Each holder's all-category figure per year, period and type, with its share of the
    national figure of the same key (None when no national figure is stored), newest first."""
    totals = {
        (q.quota_type, q.year, q.period): q.amount_t
        for q in national
        if q.commodity == commodity and q.holder is None and q.category is None
    }
    rows = []
    for q in holders:
        if q.commodity != commodity or q.holder is None or q.category is not None:
            continue
        if q.amount_t is None:
            continue
        total = totals.get((q.quota_type, q.year, q.period))
        share = 100.0 * q.amount_t / total if total else None
        rows.append(
            {
                "year": q.year,
                "period": q.period,
                "quota_type": q.quota_type,
                "holder": q.holder,
                "amount_t": q.amount_t,
                "share_pct": share,
                "sources": q.sources,
            }
        )
    rows.sort(key=lambda r: (-int(str(r["year"])), str(r["period"]), str(r["quota_type"]),
                             -float(str(r["amount_t"]))))  # fmt: skip
    return rows


def _shares_html(rows: list[dict[str, object]]) -> str:
    if not rows:
        return ""
    body = []
    for row in rows:
        share = row["share_pct"]
        links = []
        for s in row["sources"]:  # type: ignore[attr-defined]  # a tuple of Support
            href = html.escape(s.url, quote=True)
            links.append(f'<a href="{href}">{html.escape(outlet(s.url))}</a>')
        cells = [
            str(row["year"]),
            html.escape(str(row["period"])),
            html.escape(TYPE_NAMES.get(str(row["quota_type"]), str(row["quota_type"]))),
            html.escape(str(row["holder"])),
        ]
        body.append(
            "<tr>"
            + "".join(f"<td>{cell}</td>" for cell in cells)
            + f'<td class="n">{float(str(row["amount_t"])):,.0f}</td>'
            + f'<td class="n">{"" if share is None else f"{float(str(share)):.1f}%"}</td>'
            + f"<td>{' '.join(links)}</td></tr>"
        )
    return SHARES.format(body="\n".join(body))


def html_page(
    quotas: Sequence[ReconciledQuota],
    commodity: str = "rare_earth",
    holders: Sequence[ReconciledQuota] = (),
) -> str:
    name = COMMODITY_NAMES.get(commodity, commodity)
    image = base64.b64encode(png_bytes(quotas, commodity)).decode("ascii")
    rows = series_rows(quotas, commodity)
    annual = {
        (q.quota_type, q.year): q
        for q in quotas
        if q.commodity == commodity
        and q.period == "annual"
        and q.category is None
        and q.holder is None
    }
    types = [t for t in SHADES if any(k[0] == t for k in annual)]
    head = "".join(
        f"<th>{html.escape(TYPE_NAMES.get(t, t))} (t)</th><th>change</th>" for t in types
    )
    body = []
    for row in rows:
        cells = [f"<td>{row['year']}</td>"]
        links = []
        for t in types:
            q = annual.get((t, row["year"]))
            value = (
                ""
                if q is None or q.amount_t is None
                else f"{q.amount_t:,.0f}{'*' if q.derived else ''}"
            )
            change = row.get(f"{_label(t)}_yoy_pct")
            cells.append(f'<td class="n">{value}</td>')
            cells.append(f'<td class="n">{"" if change is None else f"{change:+.1f}%"}</td>')
            links += _links(q, t)
        cells.append(f"<td>{' '.join(links)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return PAGE.format(
        title=html.escape(f"China's {name} quotas"),
        image=image,
        head=head,
        body="\n".join(body),
        shares=_shares_html(share_rows(holders, quotas, commodity)),
    )


def _label(quota_type: str) -> str:
    return {"smelting_separation": "smelting"}.get(quota_type, quota_type)


def _links(q: ReconciledQuota | None, quota_type: str) -> list[str]:
    if q is None:
        return []
    short = "M" if quota_type == "mining" else "S" if quota_type == "smelting_separation" else "E"
    out = []
    for s in q.sources:
        when = s.published.isoformat() if s.published else "undated"
        title = html.escape(f"{s.status}, {when}: {s.evidence}", quote=True)
        href = html.escape(s.url, quote=True)
        out.append(f'<a href="{href}" title="{title}">{short}: {html.escape(outlet(s.url))}</a>')
    return out


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }}
img {{ max-width: 100%; }}
table {{ border-collapse: collapse; font-size: 14px; }}
th, td {{ padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: left; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
a {{ color: #2171b5; margin-right: .6em; white-space: nowrap; }}
p.note {{ color: #555; font-size: 13px; }}
</style></head>
<body>
<h1>{title}</h1>
<img alt="Annual mining and smelting quotas, stacked by batch" src="data:image/png;base64,{image}">
<h2>Annual quotas</h2>
<table>
<thead><tr><th>Year</th>{head}<th>Evidence (M: mining, S: smelting)</th></tr></thead>
<tbody>
{body}
</tbody></table>
<p class="note">* derived: no document states the year's total; it is the sum of the year's
batches and running totals. Empty cells are years with no stored figure.
Every figure links to the documents that state it.</p>
{shares}
</body></html>
"""

SHARES = """<h2>Group shares per year</h2>
<table>
<thead><tr><th>Year</th><th>Period</th><th>Quota</th><th>Group or province</th><th>t</th>
<th>share of national</th><th>Evidence</th></tr></thead>
<tbody>
{body}
</tbody></table>
<p class="note">Each group's (or province's) figure for all categories, from the notices'
allocation tables where they have them, as a share of the national figure of the same year,
batch and quota.</p>
"""
