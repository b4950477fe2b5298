"""The benchmarks run, at a tiny size, and end with their JSON line; their corpus is
deterministic; the vocabulary's fast pattern finds what the plain alternation finds.

No figure is checked against a threshold: timings depend on the machine.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench import zyte
from bench.corpus import KINDS, corpus, templates, vary_path
from extractors import vocab

ROOT = Path(__file__).resolve().parents[1]


def run_bench(name: str, *args: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / f"{name}.py"), *args, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    *table, last = result.stdout.strip().splitlines()
    assert table, "a table comes before the JSON line"
    data = json.loads(last)
    assert data["bench"] == name
    assert {"cpu", "cpus", "python"} <= set(data["machine"])
    return data


def test_extract_reports_rate_and_both_ratios() -> None:
    data = run_bench("extract", "--pages", "12")
    assert {"pages", "pages_per_s", "ratio_vs_trafilatura", "ratio_vs_lxml"} <= set(data)
    assert data["pages"] == 12
    assert data["pages_per_s"] > 0 and data["ratio_vs_trafilatura"] > 0
    assert data["ratio_vs_lxml"] > 0
    assert set(data["by_kind"]) == set(KINDS)
    assert data["facts"] > 0


def test_reextract_stores_and_reextracts_every_document() -> None:
    data = run_bench("reextract", "--docs", "9")
    assert data["docs"] == 9
    assert {"docs_per_s", "seconds", "peak_rss_mb", "facts", "target_docs_per_s"} <= set(data)
    assert data["facts"] > 0 and data["peak_rss_mb"] > 0


def test_crawl_second_run_asks_only_for_listings() -> None:
    data = run_bench("crawl", "--pages", "15")
    first, again = data["first"], data["nochange"]
    assert first["exit"] == 0 and again["exit"] == 0
    assert first["documents"] == 15 and first["page_requests"] == 15
    assert again["documents"] == 15
    assert again["page_requests"] == 0, "an unchanged page was fetched again"
    assert again["listing_304"] == again["listing_requests"] > 0
    assert {"pages_per_s", "nochange_requests", "nochange_bytes", "peak_rss_mb"} <= set(data)


def test_scale_measures_every_size() -> None:
    data = run_bench("scale", "--sizes", "6", "--facts", "120")
    assert [row["docs"] for row in data["extract"]] == [6]
    assert [row["docs"] for row in data["reextract"]] == [6]
    assert {q["command"] for q in data["queries"]} == {
        "series",
        "query (reconciled)",
        "query --facts 2019..2024",
    }
    assert all(q["facts"] == 120 and q["output_lines"] > 0 for q in data["queries"])


def test_corpus_is_deterministic_and_every_copy_differs() -> None:
    first = list(corpus(30, seed=3))
    assert [p.body for p in first] == [p.body for p in corpus(30, seed=3)]
    assert len({p.url for p in first}) == 30
    assert len({p.body for p in first}) == 30, "copies must differ so no cache hides work"
    assert [p.kind for p in first[:3]] == list(KINDS)
    assert [p.body for p in corpus(30, seed=4)] != [p.body for p in first]


def test_copies_keep_their_shape() -> None:
    assert vary_path("/a/art/2024/art_" + "0" * 32 + ".html", 5) != vary_path(
        "/a/art/2024/art_" + "0" * 32 + ".html", 6
    )
    assert re.fullmatch(
        r"/a/art/2024/art_[0-9a-f]{32}\.html", vary_path("/a/art/2024/art_" + "0" * 32 + ".html", 1)
    )
    assert vary_path("/news/id/5123456", 2, 1) == "/news/id/5123456-1-2"
    for page in corpus(len(templates()) * 3):
        page.body.decode(page.template.encoding)  # re-encoded as the original was


def plain_term_pattern() -> re.Pattern[str]:
    keys = sorted(vocab._LOOKUP, key=len, reverse=True)
    return re.compile("|".join(vocab.alias_pattern(key) for key in keys), re.IGNORECASE)


@pytest.mark.parametrize("seed", [0, 1])
def test_fast_vocabulary_pattern_matches_the_plain_alternation(seed: int) -> None:
    plain = plain_term_pattern()
    texts = [page.body.decode(page.template.encoding) for page in corpus(60, seed)]
    texts += ["China Northern Rare-Earth (Group) and 中国北方稀土（集团）", "ree REEs Rare  earths"]
    for text in texts:
        fast = [(m.start(), m.end()) for m in vocab.TERM_RE.finditer(text)]
        assert fast == [(m.start(), m.end()) for m in plain.finditer(text)]


@pytest.mark.skipif(not zyte.pages(), reason="no shared/zyte pages here")
def test_extract_on_the_real_news_pages_finds_no_fact() -> None:
    data = run_bench("extract", "--corpus", "zyte", "--pages", "20")
    assert data["corpus"] == "zyte" and data["pages"] == 20
    assert set(data["by_kind"]) == {"zyte"}
    assert data["facts"] == 0, "none of these pages is about quotas"


def test_scan_reads_stores_the_stories_only_and_reports_every_run() -> None:
    data = run_bench("scan", "--records", "40", "--stories", "2")
    assert data["records"] == 41 and data["stories"] == 2  # with the warcinfo record
    assert set(data["records_per_s"]) == {
        "ingest, 1 worker",
        "ingest, 2 workers",
        "scan, LocalCluster of 2",
    }
    for run in data["runs"].values():
        assert run["only_stories"] and run["golden_facts_missing"] == 0
        assert run["records_read"] == 41
    assert data["floor"]["fastwarc_s"] > 0 and data["floor"]["warcio_s"] > 0


def test_series_holds_the_rebuilt_years_against_the_labelled_ones(tmp_path: Path) -> None:
    # Our own two pages: one read right, one whose label states a year the text does not give.
    pages = {
        "aaaaaaaaaaaa": (
            "China set this year's rare earth mining quota at 210,000 tonnes, up from 168,000"
            " tonnes last year, the ministry said.",
            [("mining", 2022, 210000), ("mining", 2021, 168000)],
        ),
        "bbbbbbbbbbbb": (
            "Rare earth prices rose 4% last week on thin trading.",
            [("smelting_separation", 2022, 202000)],
        ),
    }
    labels = tmp_path / "labels.jsonl"
    texts = tmp_path / "texts"
    texts.mkdir()
    with labels.open("w", encoding="utf-8") as out:
        for n, (page_id, (text, facts)) in enumerate(pages.items()):
            (texts / f"{page_id}.txt").write_text(text, encoding="utf-8")
            record = {
                "id": page_id,
                "url": f"https://news.example/{n}",
                "published": "2022-03-01",
                "lang": "en",
                "facts": [
                    {"commodity": "rare_earth", "quota_type": kind, "year": year,
                     "period": "annual", "category": None, "holder": None, "amount_t": amount}
                    for kind, year, amount in facts
                ],
            }  # fmt: skip
            out.write(json.dumps(record) + "\n")
    data = run_bench("series", "--labels", str(labels), "--texts", str(texts))
    assert data["pages"] == 2
    assert (data["right"], data["wrong"], data["missing"], data["extra"]) == (2, 0, 1, 0)
