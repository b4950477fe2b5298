"""The shape of a real-page label line (``labels.jsonl``), checked in one place.

One JSON object a line: ``id``, ``url``, ``query`` (the search words that find the page
again), ``lang`` (``en`` / ``zh``), ``published`` (``YYYY-MM-DD`` or null), ``negative``
(true for a near miss: a page that states no quota figure), ``facts`` (a list of quota facts,
``../shared/FACTS.md``) and ``notes``. Facts and URLs only: the texts never enter git.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from extractors import facts, vocab

FIELDS = {"id", "url", "query", "lang", "published", "negative", "facts", "notes"}
FACT_FIELDS = ("commodity", "quota_type", "year", "period", "category", "holder", "amount_t")
# FACTS.md's values, as the extractor declares them (extractors.facts, extractors.vocab)
COMMODITIES = set(facts.COMMODITIES)
QUOTA_TYPES = set(facts.QUOTA_TYPES)
CATEGORIES = set(facts.CATEGORIES)
COMPANIES = set(vocab.COMPANIES)
PERIOD = re.compile(r"annual|(batch|cumulative):[1-9]")
PROVINCE = re.compile(r"province:[a-z]+")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def page_id(url: str) -> str:
    """A page's id: 12 hex digits of the URL, compared as reserved_check.py compares URLs."""
    key = re.sub(r"^www\.", "", re.sub(r"^[a-z]+://", "", url.strip().lower())).rstrip("/")
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def split_of(url: str) -> str:
    """The fixed split: a third of the pages (by a hash of the URL) are held out as *test*."""
    return "test" if int(hashlib.sha256(page_id(url).encode()).hexdigest(), 16) % 3 == 0 else "dev"


def fold_of(url: str) -> str:
    """Halves of *dev* ("a", "b"): tune on one half and read the other to see whether a rule
    generalizes, without looking at *test*."""
    return "ab"[int(hashlib.sha256(f"fold:{page_id(url)}".encode()).hexdigest(), 16) % 2]


def fact_errors(fact: Any) -> list[str]:
    if not isinstance(fact, dict):
        return ["a fact is not an object"]
    errors = []
    if set(fact) - {*FACT_FIELDS, "status"}:
        errors.append(f"unknown fact fields {sorted(set(fact) - {*FACT_FIELDS, 'status'})}")
    for name in FACT_FIELDS:
        if name not in fact:
            errors.append(f"fact without {name}")
    if errors:
        return errors
    checks = [
        (fact["commodity"] in COMMODITIES, "commodity"),
        (fact["quota_type"] in QUOTA_TYPES, "quota_type"),
        (isinstance(fact["year"], int) and 2000 <= fact["year"] <= 2030, "year"),
        (isinstance(fact["period"], str) and PERIOD.fullmatch(fact["period"]), "period"),
        (fact["category"] in CATEGORIES, "category"),
        (
            fact["holder"] is None
            or fact["holder"] in COMPANIES
            or (isinstance(fact["holder"], str) and PROVINCE.fullmatch(fact["holder"])),
            "holder",
        ),
        (
            fact["amount_t"] is None
            or (isinstance(fact["amount_t"], int | float) and 0 < fact["amount_t"] < 10_000_000),
            "amount_t",
        ),
        (fact.get("status", "official") in {"official", "reported"}, "status"),
    ]
    return [f"bad {name}: {fact.get(name)!r}" for ok, name in checks if not ok]


def record_errors(record: Any) -> list[str]:
    """What is wrong with one label line (empty when it is well formed)."""
    if not isinstance(record, dict):
        return ["not an object"]
    errors = []
    if set(record) != FIELDS:
        errors.append(f"fields {sorted(record)} are not {sorted(FIELDS)}")
        return errors
    if not (isinstance(record["url"], str) and record["url"].startswith(("http://", "https://"))):
        errors.append("url is not http(s)")
    elif record["id"] != page_id(record["url"]):
        errors.append(f"id {record['id']!r} is not page_id(url) {page_id(record['url'])!r}")
    if not (isinstance(record["query"], str) and record["query"].strip()):
        errors.append("query is empty")
    if record["lang"] not in {"en", "zh"}:
        errors.append(f"lang {record['lang']!r}")
    if record["published"] is not None and not (
        isinstance(record["published"], str) and DATE.fullmatch(record["published"])
    ):
        errors.append(f"published {record['published']!r}")
    if not isinstance(record["negative"], bool):
        errors.append("negative is not a boolean")
    if not isinstance(record["facts"], list):
        errors.append("facts is not a list")
    else:
        for fact in record["facts"]:
            errors.extend(fact_errors(fact))
        if record["negative"] and any(f.get("amount_t") for f in record["facts"]):
            errors.append("a negative page with quota figures")
    if not isinstance(record["notes"], str):
        errors.append("notes is not a string")
    return errors
