#!/usr/bin/env python3
"""Fill the git-ignored text cache (``texts/<id>.txt``) for every page in ``labels.jsonl``.

    python bench/realpages/fill_cache.py [--restore DIR] [--download] [--backup DIR] [--manifest]

The labels were made on the texts as they were kept (for most pages the excerpt a search
returned), and ``texts.sha256`` records each kept text's hash, so a filled cache can be checked
against what was labelled. In order:

1. ``--restore DIR`` copies texts from a backup folder (default
   ``~/.cache/quota-tracker/realpages``) where their hash matches the manifest.
2. ``--download`` fetches each page still missing, where the network allows, and keeps its main
   text (title first) as read by ``extractors``; a downloaded text whose hash differs from the
   manifest is the whole live page, not the labelled excerpt, and is reported as such (its
   labels may then miss figures outside the excerpt).
3. Pages still missing are listed with their ``query``: the words that find the page again in
   the search corpus it came from; keep the excerpt of that URL as ``texts/<id>.txt``.

``--backup DIR`` copies the cache out of the work tree; ``--manifest`` rewrites ``texts.sha256``
from the cache (run it after adding pages, never to paper over a changed text).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
MANIFEST = HERE / "texts.sha256"
BACKUP = Path.home() / ".cache" / "quota-tracker" / "realpages"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest() -> dict[str, str]:
    if not MANIFEST.exists():
        return {}
    return dict(line.split() for line in MANIFEST.read_text().splitlines() if line.strip())


def labels() -> list[dict[str, str]]:
    lines = (HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def download(url: str) -> str | None:
    sys.path.insert(0, str(HERE.parents[1]))
    import httpx

    import extractors

    try:
        answer = httpx.get(url, follow_redirects=True, timeout=20, headers={"User-Agent": UA})
        answer.raise_for_status()
    except httpx.HTTPError as exc:
        print(f"  download failed: {url}: {exc}")
        return None
    page = extractors.extract(answer.content, url, content_type=answer.headers.get("content-type"))
    if page.error or not page.content.text:
        print(f"  no text read from {url}: {page.error or 'empty'}")
        return None
    return f"{page.content.title or ''}\n{page.content.text}\n"


UA = "Mozilla/5.0 (X11; Linux x86_64) quota-tracker-corpus/1.0"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--restore", nargs="?", const=BACKUP, type=Path, help=f"default {BACKUP}")
    ap.add_argument("--download", action="store_true", help="fetch missing pages (network)")
    ap.add_argument("--backup", nargs="?", const=BACKUP, type=Path, help=f"default {BACKUP}")
    ap.add_argument("--manifest", action="store_true", help="rewrite texts.sha256 from the cache")
    a = ap.parse_args()
    TEXTS.mkdir(exist_ok=True)
    pages = labels()
    known = manifest()
    if a.restore:
        for page in pages:
            source, target = a.restore / f"{page['id']}.txt", TEXTS / f"{page['id']}.txt"
            if not target.exists() and source.exists() and digest(source) == known.get(page["id"]):
                shutil.copyfile(source, target)
    if a.download:
        for page in pages:
            target = TEXTS / f"{page['id']}.txt"
            if not target.exists() and (text := download(page["url"])) is not None:
                target.write_text(text, encoding="utf-8")
                if digest(target) != known.get(page["id"]):
                    print(f"  {page['id']}: the live page, not the labelled excerpt")
    if a.manifest:
        ids = [p["id"] for p in pages if (TEXTS / f"{p['id']}.txt").exists()]
        MANIFEST.write_text("".join(f"{i} {digest(TEXTS / f'{i}.txt')}\n" for i in sorted(ids)))
    if a.backup:
        a.backup.mkdir(parents=True, exist_ok=True)
        for path in TEXTS.glob("*.txt"):
            shutil.copyfile(path, a.backup / path.name)
    missing = [p for p in pages if not (TEXTS / f"{p['id']}.txt").exists()]
    changed = [
        p["id"]
        for p in pages
        if (path := TEXTS / f"{p['id']}.txt").exists()
        and known.get(p["id"]) not in {None, digest(path)}
    ]
    for page in missing:
        print(
            f"missing {page['id']}: search corpus 'pages' for {page['query']!r}, keep {page['url']}"
        )
    if changed:
        print(f"{len(changed)} cached texts differ from the labelled ones: {' '.join(changed)}")
    print(f"{len(pages) - len(missing)} of {len(pages)} pages cached")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
