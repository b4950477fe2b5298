"""What a saved page says about itself: its own URL and date, for `quotas ingest`."""

from __future__ import annotations

import re

# <link rel="canonical" href=...> (either attribute order) and <meta property="og:url" ...>;
# [^<>] keeps each try inside one tag, so a head full of unclosed tags is read in linear time.
_CANONICAL = re.compile(
    r"""<link\b[^<>]*?\brel=["']canonical["'][^<>]*?\bhref=["']([^"'<>]+)["']"""
    r"""|<link\b[^<>]*?\bhref=["']([^"'<>]+)["'][^<>]*?\brel=["']canonical["']"""
    r"""|<meta\b[^<>]*?\bproperty=["']og:url["'][^<>]*?\bcontent=["']([^"'<>]+)["']""",
    re.IGNORECASE,
)
# the URL a browser writes at the top of a page it saves: <!-- saved from url=(0052)https://... -->
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def page_metadata(html: str) -> dict[str, str]:
    """The page's own absolute http(s) URL, where its head states one."""
    head = html[:20000]
    for pattern in (_CANONICAL, _SAVED_FROM):
        match = pattern.search(head)
        if match:
            url = next(group for group in match.groups() if group)
            if url.startswith(("http://", "https://")):
                return {"url": url}
    return {}
