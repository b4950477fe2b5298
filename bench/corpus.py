"""Benchmark corpora made from the fixture pages: copies with varied figures, dates and URLs.

Every page in ``fixtures/sites`` that has a golden file beside it is a *template* (official
notices, Chinese news, English news). ``corpus(n, seed)`` yields ``n`` pages cycling over the
three kinds, each a copy of a template with its tonnages nudged, its dates moved by a few
days and a URL of its own, so that no two pages are byte-equal (no cache can hide work) while
every page keeps the shape and the wording of a real one. The same ``n`` and ``seed`` give
the same pages, byte for byte; nothing touches the network.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "fixtures" / "sites"
GOLDEN_SUFFIX = ".facts.json"

# Hosts whose templates are official notices (or reposts of one); the rest are news.
NOTICE_HOSTS = frozenset({"www.miit.gov.cn", "www.mnr.gov.cn", "www.gov.cn", "news.cnyes.com"})
KINDS = ("notice", "news_zh", "news_en")
# What a server would send for a fixture file, by suffix (pages without one are HTML).
CONTENT_TYPES = {".txt": "text/plain"}
DEFAULT_CONTENT_TYPE = "text/html"

# Tonnages: "109200吨", "135,000 tonnes", "66,000t"; not ids (art_0073…, t20200325_2503561).
FIGURE = re.compile(r"(?<![0-9A-Za-z_.,/%#=-])(\d{1,3}(?:,\d{3})+|\d{5,6})(?![0-9A-Za-z_,])")
# Numeric dates in meta tags, datelines and bodies: 2024-02-06, 2024/02/06.
NUMERIC_DAY = re.compile(r"\b((?:19|20)\d{2})([-/])(\d{1,2})\2(\d{1,2})\b")
# Chinese dates: 2024年2月6日 (signing lines, 发布日期, news datelines).
CHINESE_DAY = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
# The declared charset of a page, to re-encode a varied copy the way the original was.
CHARSET = re.compile(rb"""charset=["']?([A-Za-z0-9_-]+)""")
# A MIIT article id in a URL: art_<32 hex>.html.
MIIT_ID = re.compile(r"art_[0-9a-f]{32}")
# The <title> element, for the listing title of a copy.
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
# CJK ideographs, to tell Chinese news from English.
CJK = re.compile(r"[\u4e00-\u9fff]")

MAX_FIGURE_STEP = 40  # figures move by up to 40 steps of 10 t, either way
MAX_DAY_SHIFT = 6  # days move forward by 0..6 within their month (capped at day 28)


@dataclass(frozen=True)
class Template:
    """A fixture page a corpus copies."""

    host: str
    path: str  # as served, starting with "/"
    body: bytes
    encoding: str  # the page's bytes decode with this
    content_type: str
    kind: str  # notice | news_zh | news_en
    published: date | None  # from the golden file
    title: str  # the <title> or first line, for listings


@dataclass(frozen=True)
class Page:
    """One generated page."""

    url: str
    body: bytes
    content_type: str
    kind: str
    published: date | None
    title: str
    template: Template

    @property
    def path(self) -> str:
        return urlsplit(self.url).path


@cache
def templates() -> tuple[Template, ...]:
    """Every fixture page with a golden file, in a stable order."""
    found = []
    for golden in sorted(SITES.rglob("*" + GOLDEN_SUFFIX)):
        file = golden.with_name(golden.name.removesuffix(GOLDEN_SUFFIX))
        host = file.relative_to(SITES).parts[0]
        path = "/" + file.relative_to(SITES / host).as_posix()
        body = file.read_bytes()
        encoding = _encoding(body)
        text = body.decode(encoding)
        stated = json.loads(golden.read_text(encoding="utf-8")).get("published")
        kind = "notice" if host in NOTICE_HOSTS else "news_zh" if CJK.search(text) else "news_en"
        found.append(
            Template(
                host=host,
                path=path,
                body=body,
                encoding=encoding,
                content_type=CONTENT_TYPES.get(file.suffix.lower(), DEFAULT_CONTENT_TYPE),
                kind=kind,
                published=date.fromisoformat(stated) if stated else None,
                title=_title(text),
            )
        )
    return tuple(found)


def corpus(n: int, seed: int = 0, kinds: Sequence[str] = KINDS) -> Iterator[Page]:
    """``n`` varied pages, the kinds in turn, templates of a kind in a seeded order."""
    by_kind = {kind: [t for t in templates() if t.kind == kind] for kind in kinds}
    order = random.Random(seed)
    for pool in by_kind.values():
        order.shuffle(pool)
    for index in range(n):
        kind = kinds[index % len(kinds)]
        pool = by_kind[kind]
        template = pool[(index // len(kinds)) % len(pool)]
        yield vary(template, index, seed)


def vary(template: Template, index: int, seed: int = 0) -> Page:
    """Copy ``index`` of a template: figures nudged, days shifted, its own URL."""
    rng = random.Random(f"{seed}:{index}")
    shift = rng.randrange(MAX_DAY_SHIFT + 1)
    text = template.body.decode(template.encoding)
    text = FIGURE.sub(lambda m: _nudge(m[1], rng), text)
    text = NUMERIC_DAY.sub(lambda m: _numeric_day(m, shift), text)
    text = CHINESE_DAY.sub(lambda m: _chinese_day(m, shift), text)
    published = template.published
    if published is not None:
        published = published + timedelta(days=_moved(published.day, shift) - published.day)
    return Page(
        url=f"https://{template.host}{vary_path(template.path, index, seed)}",
        body=text.encode(template.encoding),
        content_type=template.content_type,
        kind=template.kind,
        published=published,
        title=template.title,
        template=template,
    )


def vary_path(path: str, index: int, seed: int = 0) -> str:
    """A path of the same shape: a fresh MIIT article id, else ``-<index>`` before the suffix."""
    if MIIT_ID.search(path):
        digest = hashlib.md5(f"{seed}:{index}:{path}".encode()).hexdigest()
        return MIIT_ID.sub(f"art_{digest}", path)
    head, _, last = path.rpartition("/")
    stem, dot, suffix = last.partition(".")
    return f"{head}/{stem}-{seed}-{index}{dot}{suffix}"


def _nudge(figure: str, rng: random.Random) -> str:
    value = int(figure.replace(",", ""))
    value = max(10, value + 10 * rng.randint(-MAX_FIGURE_STEP, MAX_FIGURE_STEP))
    return f"{value:,}" if "," in figure else str(value)


def _moved(day: int, shift: int) -> int:
    return day if day > 28 else min(28, day + shift)


def _numeric_day(match: re.Match[str], shift: int) -> str:
    year, sep, month, day = match[1], match[2], match[3], match[4]
    moved = str(_moved(int(day), shift)).rjust(len(day), "0")
    return f"{year}{sep}{month}{sep}{moved}"


def _chinese_day(match: re.Match[str], shift: int) -> str:
    return f"{match[1]}年{match[2]}月{_moved(int(match[3]), shift)}日"


def _encoding(body: bytes) -> str:
    declared = CHARSET.search(body[:2048])
    name = declared[1].decode("ascii").lower() if declared else "utf-8"
    if name in ("gb2312", "gbk"):
        return "gb18030"
    try:
        body.decode(name)
    except (LookupError, UnicodeDecodeError):
        return "utf-8"
    return name


def _title(text: str) -> str:
    found = TITLE.search(text)
    line = found[1] if found else text.strip().split("\n", 1)[0]
    return " ".join(line.split())[:200]
