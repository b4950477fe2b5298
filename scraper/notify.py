"""Tell a team about new facts: POST them as JSON to a webhook URL.

The body is one JSON object::

    {"event": "quotas.new_facts", "count": 2, "facts": [{"commodity": "rare_earth", ...,
     "amount_t": 135000, "url": "https://www.miit.gov.cn/...", "evidence": "..."}]}

A receiver that answers with anything but 2xx, or cannot be reached, is a ``FetchError``
(one line in the CLI); the facts stay in the database and ``quotas new --since`` finds them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import httpx

from extractors.errors import ConfigError, FetchError
from extractors.facts import QuotaFact

EVENT = "quotas.new_facts"
TIMEOUT_S = 10.0
USER_AGENT = "quota-tracker (webhook)"


def payload(facts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON body for ``facts`` (rows from ``models.queries.new_fact_rows`` or alike)."""
    return {"event": EVENT, "count": len(facts), "facts": [_jsonable(f) for f in facts]}


def rows_from_extraction(new_facts: Iterable[tuple[str, QuotaFact]]) -> list[dict[str, Any]]:
    """Rows for ``post_new_facts`` from a run's ``(url, QuotaFact)`` pairs (``RunReport``)."""
    return [{**fact.to_dict(), "url": url} for url, fact in new_facts]


def post_new_facts(
    url: str,
    facts: Sequence[Mapping[str, Any]],
    *,
    client: httpx.Client | None = None,
    timeout: float = TIMEOUT_S,
) -> int:
    """POST ``facts`` to the webhook at ``url``; returns the HTTP status. Nothing is sent when
    there are no facts (returns 0)."""
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"not a webhook URL: {url!r} (http:// or https://)")
    if not facts:
        return 0
    body = json.dumps(payload(facts), ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT}
    own = client is None
    http = client or httpx.Client(timeout=timeout)
    try:
        response = http.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise FetchError(f"webhook {url} could not be reached: {exc}", url=url) from None
    finally:
        if own:
            http.close()
    if not response.is_success:
        raise FetchError(
            f"webhook {url} answered HTTP {response.status_code}",
            url=url,
            status=response.status_code,
        )
    return response.status_code


def _jsonable(row: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out
