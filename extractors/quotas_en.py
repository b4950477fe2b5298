"""English fact rules: placeholder until the English rules land (issue 3)."""

from __future__ import annotations

from extractors.facts import Content, QuotaFact


def find_facts(content: Content) -> list[QuotaFact]:
    return []
