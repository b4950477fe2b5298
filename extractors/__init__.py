"""Pure extraction: bytes of a page in, its content and quota facts out.

Nothing here touches the network, the database, the clock or files, so every function can
be re-run over stored pages (``quotas reextract``) whenever the rules improve.

The rule modules (and trafilatura) are imported on the first extraction, not with the package:
``extractors.errors`` and ``extractors.facts`` are imported by every command, most of which
never extract a page.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime
from types import ModuleType

from extractors.errors import ExtractError
from extractors.facts import Content, Extraction, QuotaFact

# Bump when a rule changes what is extracted; stored facts carry the version that found them.
EXTRACTOR_VERSION = "2026.12.06.3"

__all__ = ["EXTRACTOR_VERSION", "Content", "Extraction", "QuotaFact", "extract", "extract_text"]


def extract(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    published: date | None = None,
    gate: bool = True,
) -> Extraction:
    """Decode, read and mine one page. ``published`` is used when the page gives no date.

    A page the relevance gate stops (``extractors.gate``: no quota word, or no commodity) is
    settled after decoding: no main-text extraction, no fact rules, ``relevant`` False, a title
    read cheaply, no text. ``gate=False`` reads every page in full (to compare, in tests).
    Never raises for a page it cannot read: the reason is returned in ``Extraction.error``.
    """
    from extractors import content, decode
    from extractors import gate as relevance

    plain = (content_type or "").split(";")[0].strip() == "text/plain"
    try:
        html, encoding = decode.decode_body(body, content_type)
        if gate and not relevance.passes(html):
            page = relevance.settled_content(html, plain=plain)
            return Extraction(url=url, content=page, encoding=encoding, version=EXTRACTOR_VERSION)
        if plain:
            page = content.read_text(html, url)
        else:
            page = content.read_content(html, url, content_type=content_type)
    except ExtractError as exc:
        empty = Content(title=None, published=None, language=None, text="")
        return Extraction(url=url, content=empty, error=str(exc), version=EXTRACTOR_VERSION)
    return _mine(url, page, published, encoding)


def extract_text(
    text: str, url: str, *, published: date | None = None, gate: bool = True
) -> Extraction:
    """Mine plain text (a pasted newsletter, a saved .txt page); the gate as in ``extract``."""
    from extractors import content
    from extractors import gate as relevance

    if gate and not relevance.passes(text):
        page = relevance.settled_content(text, plain=True)
        return Extraction(url=url, content=page, version=EXTRACTOR_VERSION)
    page = content.read_text(text, url)
    return _mine(url, page, published, None)


def _mine(url: str, page: Content, published: date | None, encoding: str | None) -> Extraction:
    from extractors import en, vocab, zh
    from extractors.resolve import resolve

    if page.published is None:
        page = _with_date(page, published, url)
    # only pages about quotas of our commodities are mined; every page is still stored. The
    # English rules know more ways to name a quota than the shared vocabulary, and
    # ``vocab.is_relevant`` asks them (``en.is_relevant``) when its own words find none.
    title = page.title or ""
    relevant = vocab.is_relevant(title, page.text)
    facts: tuple[QuotaFact, ...] = ()
    if relevant:
        # each stated figure with its readings, preferred first; the document's arithmetic
        # picks among them (extractors.resolve), for both languages.
        candidates = [*zh.find_readings(page), *en.find_readings(page)]
        facts = tuple(_dedupe(resolve(candidates)))
    return Extraction(
        url=url,
        content=page,
        facts=facts,
        companies=vocab.find_companies(page.text),
        relevant=relevant,
        encoding=encoding,
        version=EXTRACTOR_VERSION,
    )


def _with_date(page: Content, published: date | None, url: str) -> Content:
    """A page that states no date takes the one it was given, else the one its URL states
    (/2010/12/28/, /201107/), else its story's dateline ("BEIJING, Dec 28, 2010 (Reuters) -"):
    "this year" and "last year" then resolve as a reader of the page would resolve them."""
    from dataclasses import replace

    from extractors.content import date_from_dateline, date_from_url

    if published is not None:
        stamp: datetime | None = datetime(published.year, published.month, published.day)
    else:
        stamp = date_from_url(url) or date_from_dateline(page.text)
    return page if stamp is None else replace(page, published=stamp)


# Quota years the product believes: China's quota system began in 2006; a page dated in the
# year 1 or 9999 (a bad --published) must not turn "今年" into year 1.
PLAUSIBLE_YEARS = range(1990, 2101)


def _dedupe(facts: list[QuotaFact]) -> list[QuotaFact]:
    """One fact stated twice in a document counts once; the first statement is kept."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        if fact.year in PLAUSIBLE_YEARS and fact.key() not in seen:
            seen.add(fact.key())
            kept.append(fact)
    return kept


# Submodules the package used to import eagerly, still reachable as ``extractors.<name>``.
_SUBMODULES = frozenset({"content", "decode", "en", "gate", "vocab", "zh"})


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        return importlib.import_module(f"extractors.{name}")
    raise AttributeError(f"module 'extractors' has no attribute {name!r}")
