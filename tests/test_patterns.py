"""The factored patterns the English rules run match exactly what the lexicon's patterns match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.en import context, lexicon, mentions
from extractors.patterns import factor_boundaries, top_level_alternatives

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"

# (factored, original) for every pattern the rules use in factored form.
PAIRS: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = []
for module, names in (
    (mentions, ("COMMODITY", "QUOTA_TYPE", "PERIOD", "CATEGORY")),
    (context, ("ISSUER", "PERIOD")),
):
    for name in names:
        for key, pattern in getattr(module, name).items():
            PAIRS.append((f"{name}[{key}]", pattern, getattr(lexicon, name)[key]))
for module, names in (
    (mentions, ("PRIOR_YEAR", "NOT_QUOTA", "QUOTA_WORD")),
    (context, ("FLAT", "ISSUED", "OFFICIAL_CUE", "QUOTA_WORD", "REPORTED_CUE", "SHIPPED")),
):
    for name in names:
        PAIRS.append((name, getattr(module, name), getattr(lexicon, name)))

# Words of the lexicon and what surrounds them, so random texts hit the patterns often.
WORDS = sorted(set(re.findall(r"[A-Za-z]{2,}", " ".join(p.pattern for _, p, _ in PAIRS))))
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(["2023", "2024's", "$", " ", "  ", "-", "/", "&", ",", ".", "'s", "\u2019s"]),
    st.text(alphabet="abcXYZ \u0130\u017f\u212a-", max_size=3),
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _matches(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _fixture_texts() -> list[str]:
    texts = []
    for page in sorted(FIXTURES.rglob("*")):
        if page.is_file() and not page.name.endswith(".json"):
            texts.append(page.read_text(encoding="utf-8", errors="replace"))
    return texts


def test_factoring_changes_the_patterns_it_is_for() -> None:
    assert any(new.pattern != old.pattern for _, new, old in PAIRS)
    for _, new, old in PAIRS:
        assert new.flags == old.flags


@pytest.mark.parametrize(("name", "new", "old"), PAIRS, ids=[name for name, _, _ in PAIRS])
def test_factored_pattern_matches_as_the_original_on_every_fixture(
    name: str, new: re.Pattern[str], old: re.Pattern[str]
) -> None:
    for text in _fixture_texts():
        assert _matches(new, text) == _matches(old, text), name


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_factored_patterns_match_as_the_originals_on_any_text(text: str) -> None:
    for name, new, old in PAIRS:
        assert _matches(new, text) == _matches(old, text), name


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\ba|\bb", [r"\ba", r"\bb"]),
        (r"\b(?:b|c)d|e", [r"\b(?:b|c)d", "e"]),
        (r"[|\]]x|[]|]y|[^]|]z", [r"[|\]]x", "[]|]y", "[^]|]z"]),
        (r"\|a|b", [r"\|a", "b"]),
        ("abc", ["abc"]),
    ],
)
def test_top_level_alternatives(source: str, expected: list[str]) -> None:
    assert top_level_alternatives(source) == expected


def test_runs_of_boundary_alternatives_share_one_boundary_in_order() -> None:
    pattern = re.compile(r"\bprices?\b|\byuan\b|\$|\bUSD\b|x\b", re.I)
    assert factor_boundaries(pattern).pattern == r"\b(?:prices?\b|yuan\b)|\$|\b(?:USD\b)|x\b"
    verbose = re.compile(r"\ba | \bb", re.VERBOSE)
    assert factor_boundaries(verbose) is verbose


# (gate words, pattern) for every word-table pattern the English mentions run behind a gate.
GATED = [
    (f"{kind}[{value}]", words, getattr(lexicon, table)[value])
    for kind, table in (
        ("commodity", "COMMODITY"),
        ("type", "QUOTA_TYPE"),
        ("period", "PERIOD"),
        ("category", "CATEGORY"),
    )
    for value, words in lexicon.GATES[kind].items()
]


def test_every_table_pattern_has_a_gate() -> None:
    for kind, table in mentions.TABLES.items():
        assert set(table) == set(lexicon.GATES[kind]), kind


@pytest.mark.parametrize(("name", "words", "pattern"), GATED, ids=[n for n, _, _ in GATED])
def test_a_gate_never_hides_a_match_on_a_fixture(
    name: str, words: tuple[str, ...], pattern: re.Pattern[str]
) -> None:
    for text in _fixture_texts():
        for line in text.splitlines():
            if pattern.search(line):
                assert any(word in line.casefold() for word in words), (name, line)


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_a_gate_never_hides_a_match_on_any_text(text: str) -> None:
    for name, words, pattern in GATED:
        if pattern.search(text):
            assert any(word in text.casefold() for word in words), (name, text)
