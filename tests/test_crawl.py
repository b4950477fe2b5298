"""The crawl end to end: the real command against the fixture mirror on 127.0.0.1.

Facts are read back with plain sqlite3, independently of the code that wrote them.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "fixtures" / "sites"
CRAWLED_HOSTS = ("www.miit.gov.cn", "www.mnr.gov.cn", "www.gov.cn")
KEY = ("commodity", "quota_type", "year", "period", "category", "holder", "amount_t", "status")


def quotas(
    *args: str, db: Path, sources: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTAS_")}
    return subprocess.run(
        [sys.executable, "-m", "scraper", "--db", str(db), "--sources", str(sources), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )


def golden_notices() -> list[tuple[str, str, dict[str, Any]]]:
    """(host, path, golden) for every notice the crawler can reach."""
    found = []
    for host in CRAWLED_HOSTS:
        for golden in sorted((SITES / host).rglob("*.facts.json")):
            page = golden.with_name(golden.name.removesuffix(".facts.json"))
            path = "/" + page.relative_to(SITES / host).as_posix()
            found.append((host, path, json.loads(golden.read_text(encoding="utf-8"))))
    return found


def stored_facts(db: Path, url: str) -> set[tuple[Any, ...]] | None:
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT id FROM document WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        rows = con.execute(
            f"SELECT {', '.join(KEY)} FROM fact WHERE document_id = ?", (row[0],)
        ).fetchall()
    return {_norm(r) for r in rows}


def _norm(values: Any) -> tuple[Any, ...]:
    out = list(values)
    amount = KEY.index("amount_t")
    if out[amount] is not None:
        out[amount] = float(out[amount])
    return tuple(out)


def golden_set(golden: dict[str, Any]) -> set[tuple[Any, ...]]:
    return {_norm(fact[k] for k in KEY) for fact in golden["facts"]}


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("document", "fact")
        }


def test_crawl_stores_every_notice_with_exactly_its_golden_facts(
    mirror: Any, tmp_path: Path
) -> None:
    db = tmp_path / "q.db"
    result = quotas("crawl", db=db, sources=mirror.sources_file)
    assert "Traceback" not in result.stderr
    # the mirror serves one challenge page: reported plainly, the rest stored, exit 1
    assert result.returncode == 1, result.stderr
    assert "challenge" in result.stderr.lower()
    notices = golden_notices()
    assert len(notices) >= 12
    for host, path, golden in notices:
        url = mirror.base(host) + path
        facts = stored_facts(db, url)
        assert facts is not None, f"{url} was not stored"
        expected = golden_set(golden)
        assert facts == expected, (
            f"{path}: missing {sorted(expected - facts, key=str)}, "
            f"extra {sorted(facts - expected, key=str)}"
        )
    with sqlite3.connect(db) as con:
        challenge = con.execute(
            "SELECT count(*) FROM document WHERE url LIKE '%art_34e96fee%'"
        ).fetchone()
        assert challenge[0] == 0, "a challenge page must never be stored as a document"


def test_second_crawl_adds_nothing_and_fetches_no_notice_again(mirror: Any, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    quotas("crawl", db=db, sources=mirror.sources_file)
    before = counts(db)
    mirror.clear_log()
    result = quotas("crawl", db=db, sources=mirror.sources_file)
    assert "Traceback" not in result.stderr
    assert counts(db) == before
    notice_paths = {path for _, path, _ in golden_notices()}
    refetched = [r for r in mirror.requests if r.route in notice_paths]
    assert refetched == [], f"unchanged notices fetched again: {refetched}"
    assert any(r.status == 304 for r in mirror.requests), "listings are asked for conditionally"


def test_backfill_reaches_the_oldest_notice_by_paging(mirror: Any, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    result = quotas("backfill", "--since", "2018", db=db, sources=mirror.sources_file)
    assert "Traceback" not in result.stderr
    oldest = (
        mirror.base("www.miit.gov.cn")
        + "/n1146295/n1652858/n1652930/n3757016/c6078871/content.html"
    )
    facts = stored_facts(db, oldest)
    assert facts, f"backfill did not reach {oldest}: {result.stdout}{result.stderr}"
    assert ("rare_earth", "mining", 2018, "annual", None, None, 120000.0, "official") in facts


@pytest.mark.parametrize("kill_after", [0.4, 1.2, 2.5])
def test_crawl_killed_then_rerun_leaves_no_duplicate_and_no_half_document(
    mirror: Any, tmp_path: Path, kill_after: float
) -> None:
    reference = tmp_path / "reference.db"
    quotas("crawl", db=reference, sources=mirror.sources_file)

    db = tmp_path / "killed.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTAS_")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scraper",
            "--db",
            str(db),
            "--sources",
            str(mirror.slow_sources_file),
            "crawl",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    quotas("crawl", db=db, sources=mirror.sources_file)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        pending = con.execute(
            "SELECT count(*) FROM document WHERE extractor_version IS NULL"
        ).fetchone()[0]
        assert pending == 0, "every stored document is extracted by the next run"
        dupes = con.execute(
            "SELECT count(*) FROM (SELECT url FROM document GROUP BY url HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dupes == 0

    def snapshot(path: Path) -> set[tuple[Any, ...]]:
        with sqlite3.connect(path) as con:
            rows = con.execute(
                f"SELECT replace(d.url, '', ''), {', '.join('f.' + k for k in KEY)} "
                "FROM fact f JOIN document d ON d.id = f.document_id"
            ).fetchall()
        return {tuple(r) for r in rows}

    assert snapshot(db) == snapshot(reference)


NEWEST = "/jgsj/ycls/wjfb/art/2024/art_0073ece9e5b52d9f211ddcb253ea01cd.html"
NEWEST_ID = "art_0073ece9e5b52d9f211ddcb253ea01cd"


def _unpublish_newest(root: Path) -> dict[Path, bytes]:
    """Take the 2024 second-batch notice off the mirror (page and listing rows); return the
    files as they were, so the test can publish it again."""
    site = root / "www.miit.gov.cn"
    saved = {}
    for file in site.rglob("*.json"):
        raw = file.read_bytes()
        if (
            file.name.endswith((".facts.json", ".allocations.json"))
            or NEWEST_ID.encode() not in raw
        ):
            continue
        saved[file] = raw
        data = json.loads(raw)
        html = data.get("data", {}).get("html")
        if isinstance(html, str):
            data["data"]["html"] = "\n".join(
                line for line in html.splitlines() if NEWEST_ID not in line
            )
        else:
            results = data["data"]["searchResult"]["dataResults"]
            data["data"]["searchResult"]["dataResults"] = [
                r for r in results if NEWEST_ID not in json.dumps(r)
            ]
        file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page = site / NEWEST.lstrip("/")
    saved[page] = page.read_bytes()
    page.unlink()
    return saved


def test_a_notice_added_to_the_mirror_appears_on_the_next_run(mirror: Any, tmp_path: Path) -> None:
    saved = _unpublish_newest(mirror.root)
    db = tmp_path / "q.db"
    quotas("crawl", db=db, sources=mirror.sources_file)
    url = mirror.base("www.miit.gov.cn") + NEWEST
    assert stored_facts(db, url) is None
    before = counts(db)

    for file, raw in saved.items():  # the ministry publishes it
        file.write_bytes(raw)
    result = quotas("crawl", db=db, sources=mirror.sources_file)

    golden = json.loads(
        (SITES / "www.miit.gov.cn" / (NEWEST.lstrip("/") + ".facts.json")).read_text()
    )
    assert stored_facts(db, url) == golden_set(golden)
    # the notice, and the two files it attaches (a scan and a blank form: no facts)
    assert counts(db)["document"] == before["document"] + 3
    assert "270,000 t" in result.stdout, "the run's summary names the new facts"


def test_crawl_posts_its_new_facts_to_the_webhook_once(
    mirror: Any, tmp_path: Path, httpserver: Any
) -> None:
    received: list[dict[str, Any]] = []

    def hook(request: Any) -> Any:
        from werkzeug import Response

        received.append(json.loads(request.get_data()))
        return Response("ok")

    httpserver.expect_request("/hook", method="POST").respond_with_handler(hook)
    db = tmp_path / "q.db"
    hook_url = httpserver.url_for("/hook")
    quotas("crawl", "--notify", hook_url, db=db, sources=mirror.sources_file)
    assert len(received) == 1
    facts = received[0]["facts"]
    assert received[0]["count"] == len(facts) > 0
    annual = {
        (f["quota_type"], f["amount_t"])
        for f in facts
        if f["year"] == 2024 and f["period"] == "annual" and f["holder"] is None
    }
    assert annual == {("mining", 270000), ("smelting_separation", 254000)}

    quotas("crawl", "--notify", hook_url, db=db, sources=mirror.sources_file)
    assert len(received) == 1, "a run with nothing new sends nothing"
