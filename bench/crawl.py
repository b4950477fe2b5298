"""A first crawl and a no-change crawl of a local mirror of 1,000 pages on 127.0.0.1.

    python bench/crawl.py [--pages 1000] [--seed 0] [--json] [--keep DIR]

The mirror is built from the corpus of ``bench/corpus.py`` in the layout of the three
shipped sources: MIIT notices behind its column shells and jpaas list API (24 rows a page),
MNR notices in static lists, and the rest (gov.cn notices, reposts, Chinese and English news
pages) in the gov.cn policy library's static lists, 20 rows a page. It is served by the test
mirror (``tests/mirror.py``: ETag, Last-Modified, 304s), with the sources file the mirror
writes (pacing off, fast retries).

``quotas crawl`` runs twice as a subprocess against a fresh database: the first run pages
back through every listing and stores every page; the second finds nothing new. For each
run: wall time, requests and bytes the mirror served, and the child's peak memory. Target
(issue 6): the no-change crawl asks only for listings (and robots.txt), each answered 304
or unchanged, and fetches no page again.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, emit, run_measured, table
from bench.common import parser as make_parser
from bench.corpus import Page, corpus
from scraper.sources import is_quota_title
from tests.mirror import Mirror, _Answer, _Handler

FIXTURE_SITES = ROOT / "fixtures" / "sites"
MIIT, MNR, GOVCN = "www.miit.gov.cn", "www.mnr.gov.cn", "www.gov.cn"
# Files of the real sites' shells the mirror keeps as they are.
KEPT = {
    MIIT: ("robots.txt", "jgsj/ycls/wjfb/index.html", "zwgk/zcwj/wjfb/tz/index.html"),
    MNR: ("robots.txt",),
    GOVCN: ("robots.txt",),
}
MIIT_LIST = (
    "api-gateway/jpaas-publish-server/front/page/build/unit/1b56e5adc362428299dfc3eb444fe23a"
)
MIIT_ROWS = 24  # the shipped page_size
STATIC_ROWS = 20
NO_DATE = date(2020, 1, 1)  # listing date of a copy whose template states none
# Links to a notice's attachments (.xls, .docx, .pdf ...): the copies are filed at new paths
# where the files are not, and the fixtures' attachments include deliberately unreadable ones;
# this benchmark times the crawl of pages, so the copies keep the link text without the link.
ATTACHMENT_LINK = re.compile(
    rb'<a\b[^>]*href="[^"]+\.(?:xlsx?|docx?|pdf|wps|et)"[^>]*>(.*?)</a>', re.I | re.S
)


@dataclass(frozen=True)
class Listed:
    host: str
    path: str
    title: str
    day: date


class CountingMirror(Mirror):
    """The test mirror, also counting the bytes of every answer body."""

    def __init__(self, root: Path, challenge_dir: Path, sources_file: Path) -> None:
        super().__init__(root, challenge_dir, sources_file)
        self.sent: list[tuple[str, str, int, int]] = []  # host, path, status, body bytes
        self._sent_lock = threading.Lock()

    def start(self) -> CountingMirror:
        # The mirror sends headers and body in two writes; with Nagle's algorithm on, each
        # answer then waits for the client's delayed ACK (~40 ms on Linux), which would time
        # the mirror, not the crawler (16 instead of 77 pages/s). Real servers do not wait.
        _Handler.disable_nagle_algorithm = True
        super().start()
        return self

    def answer(self, site: str, target: str, headers: dict[str, str]) -> _Answer:
        answer = super().answer(site, target, headers)
        with self._sent_lock:
            self.sent.append((site, target, answer.status, len(answer.body)))
        return answer

    def take(self) -> list[tuple[str, str, int, int]]:
        with self._sent_lock:
            taken, self.sent = self.sent, []
        return taken


def build_mirror(folder: Path, pages: Sequence[Page]) -> tuple[Path, set[str]]:
    """Write the mirror's sites under ``folder``; returns its root and every page's path."""
    root = folder / "sites"
    for host, files in KEPT.items():
        for name in files:
            target = root / host / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(FIXTURE_SITES / host / name, target)
    shutil.copytree(ROOT / "fixtures" / "challenge", folder / "challenge", dirs_exist_ok=True)
    listed: dict[str, list[Listed]] = {MIIT: [], MNR: [], GOVCN: []}
    for index, page in enumerate(pages):
        host = page.template.host if page.template.host in (MIIT, MNR) else GOVCN
        path = page.path if page.template.host in listed else _filed(page)
        target = root / host / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(ATTACHMENT_LINK.sub(rb"\1", page.body))
        title = page.title.split("_")[0]
        if not is_quota_title(title):
            title = f"稀土开采、冶炼分离总量控制指标相关报道（{index}）"
        listed[host].append(Listed(host, path, title, page.published or NO_DATE))
    _miit_lists(root, listed[MIIT])
    _static_lists(root / MNR / "gk/tzgg", "index.html", listed[MNR], _mnr_row)
    _static_lists(root / GOVCN / "zhengce/zhengceku/bmwj", "index.htm", listed[GOVCN], _gov_row)
    return root, {row.path for rows in listed.values() for row in rows}


def _filed(page: Page) -> str:
    """Where a page of another site sits on the gov.cn mirror."""
    return f"/zhengce/bench/{page.template.host}{page.path}"


def _newest_first(rows: list[Listed]) -> list[Listed]:
    return sorted(rows, key=lambda row: (row.day, row.path), reverse=True)


def _miit_lists(root: Path, rows: list[Listed]) -> None:
    folder = root / MIIT / MIIT_LIST
    folder.mkdir(parents=True, exist_ok=True)
    ordered = _newest_first(rows)
    for number, start in enumerate(range(0, len(ordered), MIIT_ROWS), 1):
        items = "".join(
            f'<li><a href="{escape(row.path)}" target="_blank" title="{escape(row.title)}">'
            f'{escape(row.title[:24])}...</a><span class="fr">{row.day}</span></li>\n'
            for row in ordered[start : start + MIIT_ROWS]
        )
        answer = {
            "success": True,
            "code": "200",
            "message": "操作成功",
            "data": {"html": f'<div class="page-content">\n<ul>\n{items}</ul></div>'},
        }
        (folder / f"{number}.json").write_text(json.dumps(answer, ensure_ascii=False), "utf-8")


def _mnr_row(row: Listed) -> str:
    title = escape(row.title)
    return (
        f'<li><a href="{escape(row.path)}" title="{title}">{title}</a><span>{row.day}</span></li>'
    )


def _gov_row(row: Listed) -> str:
    link = f'<a href="{escape(row.path)}" target="_blank">{escape(row.title)}</a>'
    return f'<li><h4>{link}<span class="date">{row.day}</span></h4></li>'


def _static_lists(
    folder: Path, first: str, rows: list[Listed], render_row: Callable[[Listed], str]
) -> None:
    """``first`` (index.html) and its followers index_1.html, ..., newest rows first."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = first.split(".")
    ordered = _newest_first(rows)
    starts = range(0, max(len(ordered), 1), STATIC_ROWS)  # an empty list is a page too
    for number, start in enumerate(starts):
        name = first if number == 0 else f"{stem}_{number}.{suffix}"
        items = "\n".join(render_row(row) for row in ordered[start : start + STATIC_ROWS])
        more = (
            f'<a href="{stem}_{number + 1}.{suffix}">下一页</a>' if number + 1 < len(starts) else ""
        )
        (folder / name).write_text(
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>列表</title></head>\n'
            f'<body><div class="list gu-list"><ul>\n{items}\n</ul></div>'
            f'<div class="pages">{more}</div></body></html>\n',
            encoding="utf-8",
        )


# -- the runs -------------------------------------------------------------------------------


def crawl_once(mirror: CountingMirror, db: Path, article_paths: set[str]) -> dict[str, Any]:
    """``quotas crawl`` as a subprocess; what it cost, as the mirror and the child saw it."""
    mirror.take()
    command = [sys.executable, "-m", "scraper", "--db", str(db)]
    run = run_measured([*command, "--sources", str(mirror.sources_file), "crawl"])
    if run.returncode not in (0, 1):
        raise SystemExit(f"quotas crawl failed ({run.returncode}): {run.stderr.strip()}")
    sent = mirror.take()
    kinds = Counter(_kind(path, article_paths) for _, path, _, _ in sent)
    listings = [s for s in sent if _kind(s[1], article_paths) == "listing"]
    return {
        "seconds": round(run.seconds, 3),
        "requests": len(sent),
        "bytes": sum(size for *_, size in sent),
        "statuses": {str(code): n for code, n in sorted(Counter(s[2] for s in sent).items())},
        "page_requests": kinds["page"],
        "robots_requests": kinds["robots"],
        "listing_requests": len(listings),
        "listing_304": sum(1 for s in listings if s[2] == 304),
        "peak_rss_mb": round(run.peak_rss_mb, 1),
        "exit": run.returncode,
        **count_rows(db),
    }


def _kind(target: str, article_paths: set[str]) -> str:
    path = target.split("?")[0]
    if path == "/robots.txt":
        return "robots"
    return "page" if path in article_paths else "listing"


def count_rows(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {
            "documents": con.execute("SELECT count(*) FROM document").fetchone()[0],
            "facts": con.execute("SELECT count(*) FROM fact").fetchone()[0],
        }


def measure(pages_wanted: int, seed: int, folder: Path) -> dict[str, Any]:
    pages = list(corpus(pages_wanted, seed))
    root, article_paths = build_mirror(folder / "mirror", pages)
    mirror = CountingMirror(root, folder / "mirror" / "challenge", folder / "sources.toml")
    db = folder / "bench-crawl.db"
    with mirror:
        first = crawl_once(mirror, db, article_paths)
        again = crawl_once(mirror, db, article_paths)
    return {
        "bench": "crawl",
        "pages": len(pages),
        "pages_per_s": round(first["documents"] / first["seconds"], 1),
        "first": first,
        "nochange": again,
        "nochange_requests": again["requests"],
        "nochange_bytes": again["bytes"],
        "peak_rss_mb": max(first["peak_rss_mb"], again["peak_rss_mb"]),
        "meets_target": again["page_requests"] == 0
        and again["listing_304"] == again["listing_requests"]
        and again["documents"] == first["documents"],
    }


def render(res: dict[str, Any]) -> str:
    rows = []
    for name in ("first", "nochange"):
        run = res[name]
        rows.append(
            [
                "first crawl" if name == "first" else "no-change crawl",
                run["seconds"],
                run["requests"],
                run["listing_304"],
                run["page_requests"],
                f"{run['bytes'] / 1024:,.1f}",
                run["documents"],
                run["peak_rss_mb"],
            ]
        )
    verdict = "meets" if res["meets_target"] else "misses"
    return table(
        f"crawl: mirror of {res['pages']:,} pages on 127.0.0.1, {res['pages_per_s']} pages/s "
        f"on the first crawl; the no-change crawl {verdict} the target",
        ["run", "seconds", "requests", "304s", "pages asked", "KiB sent", "documents", "peak MiB"],
        rows,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parse = make_parser(__doc__.split("\n\n")[0])
    parse.add_argument("--pages", type=int, default=1000, help="pages in the mirror")
    parse.add_argument("--keep", type=Path, help="build the mirror and database in DIR")
    args = parse.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        res = measure(args.pages, args.seed, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
            res = measure(args.pages, args.seed, Path(tmp))
    emit(render(res), res, args.json)


if __name__ == "__main__":
    main()
