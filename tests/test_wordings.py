"""The wording grammar (bench/wordings.py) kept fixed: a small sample of every frame must give
exactly its facts, and the families fixed from it each hold on sentences of our own."""

from __future__ import annotations

import pytest

from bench.wordings import FRAMES, Case, facts_of, generate

# a fixed sample: the first few sentences of each frame the grammar generates
_SAMPLE = generate(1500, seed=10)
_PER_FRAME: dict[str, list[Case]] = {}
for _case in _SAMPLE:
    _PER_FRAME.setdefault(_case.caps["frame"], []).append(_case)
# known gaps, left to the bench: "has more than doubled from X in 2017 to Y" drops the old
# level; "the quota for rare earth concentrate" names no type the rules take
GAPS = (
    "has more than doubled",
    "quota for rare earth concentrate",
    # issue 10's company and history families, being fixed one capability at a time
    "group per category",
    "group two columns",
    "years again",
    "years respectively",
    "years list",
)
CASES = [
    case
    for cases in _PER_FRAME.values()
    for case in [c for c in cases if not set(c.caps.values()) & set(GAPS)][:4]
]


def test_every_frame_is_sampled() -> None:
    assert len(_PER_FRAME) >= len({f.__name__ for f in FRAMES}) - 1


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:60])
def test_generated_sentence_gives_its_facts(case: Case) -> None:
    assert facts_of(case) == case.expected, (case.title, case.text)


RE, W = "rare_earth", "tungsten"
M = "mining"

# Families fixed from the grammar, each on sentences of our own varying verb, order and units.
OURS = [
    # a cap on a commodity's output, "limited / capped / restricted ... output to / at"
    ("2024-04-02", None, "Beijing limited rare earth mining output to 135,000 tonnes under the "
     "first batch of quotas for 2024.", {(RE, M, 2024, "batch:1", None, None, 135000)}),
    ("2024-04-02", None, "China capped 2024 rare earth production at 270,000 t.",
     {(RE, M, 2024, "annual", None, None, 270000)}),
    ("2012-04-02", None, "The land ministry restricted tungsten concentrate output to 89kt in "
     "2012.",
     {(W, M, 2012, "annual", None, None, 89000)}),
    # "allow miners to extract / mine N"
    ("2024-04-02", None, "China will allow miners to extract 135,000 tonnes of rare earths in the "
     "first batch of 2024 quotas.", {(RE, M, 2024, "batch:1", None, None, 135000)}),
    ("2012-04-02", None, "Miners were allowed to mine 89,000 t of tungsten this year.",
     {(W, M, 2012, "annual", None, None, 89000)}),
    # a headline's "output / production quotas" gives the story's type
    ("2024-06-27", "China sets 2024 output quotas", "The first tranche of rare earth quotas was "
     "set at 135kt, the ministry said on its website.",
     {(RE, M, 2024, "batch:1", None, None, 135000)}),
    ("2019-11-28", "Beijing issues 2019 rare earth production quotas", "The quota for the year "
     "stands at 132,000 tons.", {(RE, M, 2019, "annual", None, None, 132000)}),
    # a production quota in an export story: the mines'
    ("2011-07-15", "Beijing sets 2011 rare earth export quotas", "Beijing also set an output "
     "ceiling of 93,800 tons for rare earths in 2011.",
     {(RE, M, 2011, "annual", None, None, 93800)}),
    # concentrate is a mine product; MIIT's plan for mine products
    ("2020-06-01", None, "The output quota for tungsten concentrates in 2020 was set at 105,000 t.",
     {(W, M, 2020, "annual", None, None, 105000)}),
    ("2019-06-01", None, "MIIT set the 2019 plan for rare earth mine products at 132kt of rare "
     "earth oxide.", {(RE, M, 2019, "annual", None, None, 132000)}),
    # near misses: no quota
    ("2024-05-01", None, "China has plans for rare earth mine products to grow to 300,000 "
     "tonnes.", set()),
    ("2024-05-01", None, "Lynas said it limited output to 10,000 tonnes of rare earths because "
     "of floods.", set()),
    ("2024-05-01", None, "Rare earth concentrate output rose to 240,000 tonnes last year.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("published", "title", "text", "expected"), OURS)
def test_family_of_our_own(
    published: str, title: str | None, text: str, expected: set[tuple[object, ...]]
) -> None:
    case = Case(published, text, expected, {}, title=title)  # type: ignore[arg-type]
    assert facts_of(case) == expected, text
