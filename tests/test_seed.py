"""The user's own example page (``../shared/seeds/``): a July 2025 repost of a news story on the
2025 quotas issued without figures, with the 2024 totals and a block of unrelated related
articles under it. What the tool must make of it, exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import extractors

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
PAGES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
# The saved text carries no date of its own; the story ran in July 2025.
PUBLISHED = date(2025, 7, 21)


@pytest.mark.skipif(not PAGES, reason="../shared/seeds is not beside the project")
def test_the_seed_page_gives_the_2024_totals_and_the_undisclosed_2025_issuance() -> None:
    text = PAGES[0].read_text(encoding="utf-8")
    found = extractors.extract_text(text, "https://example.org/seed", published=PUBLISHED)
    keys = {fact.key() for fact in found.facts}
    assert keys == {
        ("rare_earth", "mining", 2024, "annual", None, None, 270000),
        ("rare_earth", "smelting_separation", 2024, "annual", None, None, 254000),
        ("rare_earth", "mining", 2025, "batch:1", None, None, None),
        ("rare_earth", "smelting_separation", 2025, "batch:1", None, None, None),
    }
    for fact in found.facts:
        if fact.year == 2024:  # stated this year, for last year: not announced in 2025
            assert fact.announced is None or fact.announced.year == 2024, fact
        else:
            assert fact.status == "reported"  # "said the sources"
    story = text[: text.index("Related Articles")]
    assert all(fact.evidence and fact.evidence in story for fact in found.facts)
