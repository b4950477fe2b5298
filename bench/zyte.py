"""The real news pages of the Zyte article-extraction benchmark, as a benchmark corpus.

181 pages from many sites, none about quotas, kept in the project workspace's
``shared/zyte/`` (``<id>.html.gz`` and ``ground-truth.json`` with each page's URL); read from
there, never copied into the repository. ``$QUOTAS_ZYTE`` names another folder.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from bench.corpus import Page, Template

ROOT = Path(__file__).resolve().parents[1]
KIND = "zyte"


def folder() -> Path | None:
    """Where the pages are: $QUOTAS_ZYTE, else ``shared/zyte`` beside the project (or beside
    the worktree folder it sits in); None when absent."""
    named = os.environ.get("QUOTAS_ZYTE")
    candidates = [Path(named)] if named else [p / "shared" / "zyte" for p in ROOT.parents[:2]]
    for candidate in candidates:
        if (candidate / "ground-truth.json").is_file():
            return candidate
    return None


@cache
def pages() -> tuple[Page, ...]:
    """Every page, in id order; empty when the folder is absent."""
    where = folder()
    if where is None:
        return ()
    truth = json.loads((where / "ground-truth.json").read_text(encoding="utf-8"))
    found = []
    for page_id in sorted(truth):
        file = where / f"{page_id}.html.gz"
        if not file.is_file():
            continue
        body = gzip.decompress(file.read_bytes())
        url = truth[page_id]["url"]
        template = Template(
            host=url.split("/")[2],
            path="/" + url.split("/", 3)[-1],
            body=body,
            encoding="utf-8",
            content_type="text/html",
            kind=KIND,
            published=None,
            title="",
        )
        found.append(
            Page(
                url=url,
                body=body,
                content_type="text/html",
                kind=KIND,
                published=None,
                title="",
                template=template,
            )
        )
    return tuple(found)


def corpus(n: int) -> Iterator[Page]:
    """``n`` pages: every page in turn, again from the first when ``n`` is larger."""
    every = pages()
    for index in range(n if every else 0):
        yield every[index % len(every)]
