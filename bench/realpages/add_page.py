#!/usr/bin/env python3
"""Put one real page into the development corpus's text cache, or say why not.

    python bench/realpages/add_page.py --url URL --text-file /tmp/page.txt

Checks, in order: the page is not reserved for independent evaluation
(``../shared/eval/reserved_check.py``), it is not already in the cache, and its text is not a
near copy of a page already there (a syndicated repost adds nothing and would leak between the
dev and test splits). Then writes ``texts/<id>.txt`` and prints ``<id> <split>``. Exit 1 when
the page is refused; the reason is one line.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from schema import page_id, split_of  # noqa: E402

EVAL = HERE.parents[2] / "shared" / "eval" / "reserved_check.py"
NEAR_COPY = 0.5  # share of a page's 10-token shingles found in one cached page


def _reserved_check():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("reserved_check", EVAL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--text-file", required=True, type=Path)
    a = ap.parse_args()
    rc = _reserved_check()
    text = a.text_file.read_text(encoding="utf-8").strip() + "\n"
    urls = set(rc.URLS.read_text().split())
    reserved = set(rc.SHINGLES.read_text().split())
    why = rc.verdict(a.url, text, urls, reserved)
    if why:
        print(f"refused: RESERVED ({why}); do not use or read this page further")
        return 1
    pid = page_id(a.url)
    target = HERE / "texts" / f"{pid}.txt"
    if target.exists():
        print(f"refused: already in the cache as {pid}")
        return 1
    mine = rc.shingles(text)
    for other in sorted((HERE / "texts").glob("*.txt")):
        theirs = rc.shingles(other.read_text(encoding="utf-8"))
        if mine and len(mine & theirs) / len(mine) >= NEAR_COPY:
            print(f"refused: a near copy of {other.stem} (same story; keep one copy)")
            return 1
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(pid, split_of(a.url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
