"""The results extraction hands on: a page's content and the quota facts found in it.

See ``shared/FACTS.md`` for the meaning of every field. These are small frozen dataclasses:
extraction produces them, storage and the CLI only read them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

COMMODITIES = ("rare_earth", "tungsten", "antimony")
QUOTA_TYPES = ("mining", "smelting_separation", "export")
CATEGORIES = (None, "light", "medium_heavy", "tungsten_primary", "tungsten_byproduct")
STATUSES = ("official", "reported")
ISSUERS = ("MIIT", "MNR", "MLR", "MOFCOM")

# The fields that identify a fact; two facts with the same key in one document are one.
KEY_FIELDS = ("commodity", "quota_type", "year", "period", "category", "holder", "amount_t")


@dataclass(frozen=True)
class QuotaFact:
    """One figure stated in one document."""

    commodity: str  # rare_earth | tungsten | antimony
    quota_type: str  # mining | smelting_separation | export
    year: int
    period: str  # annual | batch:N | cumulative:N
    category: str | None  # None | light | medium_heavy | tungsten_primary | tungsten_byproduct
    holder: str | None  # None (national) | company id | province:<pinyin>
    amount_t: float | None  # tonnes; None only for an issuance without a disclosed volume
    status: str = "official"  # official | reported
    issuer: str | None = None  # MIIT | MNR | MLR | MOFCOM
    change_pct: float | None = None  # stated change in percent, where the sentence gives one
    announced: date | None = None  # when the quota was announced, where the text says
    evidence: str = ""  # the sentence the figure came from
    span: tuple[int, int] = (0, 0)  # [start, end) of the evidence in Content.text

    def key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in KEY_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span)
        data["announced"] = self.announced.isoformat() if self.announced else None
        if self.amount_t is not None and float(self.amount_t).is_integer():
            data["amount_t"] = int(self.amount_t)
        return data


@dataclass(frozen=True)
class Content:
    """What a page says, independent of its markup."""

    title: str | None
    published: datetime | None  # Beijing time for Chinese government sites, naive
    language: str | None  # "zh" | "en" | None
    text: str  # the main text only: no navigation, sidebars or related-article lists
    doc_number: str | None = None  # e.g. 工信部联原〔2024〕25号
    signed: date | None = None  # the signing date that closes a notice
    site: str | None = None  # the name of the site rule that read the page


@dataclass(frozen=True)
class Extraction:
    """Everything extraction found in one document."""

    url: str
    content: Content
    facts: tuple[QuotaFact, ...] = ()
    companies: tuple[str, ...] = ()  # company ids mentioned, with or without figures
    relevant: bool = False  # about quotas of our commodities
    encoding: str | None = None
    error: str | None = None  # why the page could not be read, if it could not
    version: str = field(default="")
