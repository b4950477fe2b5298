"""The real-page corpus's labels (``bench/realpages/labels.jsonl``): their shape, the corpus's
make-up the issue asks for, and that no page in it is reserved for independent evaluation.

The texts are other people's words and stay out of git, so CI checks the labels only; the
scores come from ``bench/accuracy.py`` where the text cache is filled (its README)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench.realpages.schema import page_id, record_errors, split_of

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "realpages"
RESERVED_CHECK = ROOT.parent / "shared" / "eval" / "reserved_check.py"


def records() -> list[dict]:  # type: ignore[type-arg]
    lines = (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_label_line_is_well_formed() -> None:
    problems = {r.get("id"): errors for r in records() if (errors := record_errors(r))}
    assert not problems, problems


def test_pages_are_unique_and_both_splits_are_used() -> None:
    pages = records()
    assert len({r["id"] for r in pages}) == len(pages)
    splits = Counter(split_of(r["url"]) for r in pages)
    assert splits["dev"] > splits["test"] > len(pages) / 5


def test_the_corpus_has_the_make_up_the_issue_asks_for() -> None:
    pages = records()
    langs = Counter(r["lang"] for r in pages)
    assert len(pages) >= 200 and langs["en"] >= 110 and langs["zh"] >= 60
    assert sum(r["negative"] for r in pages) >= 30
    years = {int(r["published"][:4]) for r in pages if r["published"]}
    assert min(years) <= 2010 and max(years) >= 2025
    families = {(f["quota_type"], f["holder"] is not None) for r in pages for f in r["facts"]}
    assert {("mining", False), ("smelting_separation", False), ("export", False)} <= families
    assert ("mining", True) in families  # company or province allocations


def test_the_split_is_a_fixed_hash_of_the_url() -> None:
    assert page_id("https://www.example.org/a/") == page_id("http://example.org/a")
    assert {split_of(f"https://example.org/{n}") for n in range(30)} == {"dev", "test"}


@pytest.mark.skipif(not RESERVED_CHECK.exists(), reason="../shared/eval is not beside the project")
def test_no_labelled_page_is_reserved_for_independent_evaluation() -> None:
    texts = CORPUS / "texts"
    args = ["--labels", str(CORPUS / "labels.jsonl")]
    if texts.is_dir():
        args += ["--texts", str(texts)]
    result = subprocess.run(
        [sys.executable, str(RESERVED_CHECK), *args], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert result.stdout.strip().endswith(f"0 of {len(records())} pages reserved")
