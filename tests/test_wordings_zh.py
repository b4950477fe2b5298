"""The Chinese wording grammar (bench/wordings_zh.py) kept fixed: a small sample of every frame
(group allocations and their near misses, in simplified and traditional characters) must give
exactly its facts."""

from __future__ import annotations

import pytest

from bench.wordings_zh import FRAMES, Case, facts_of, generate

# a fixed sample: the first few texts of each frame the grammar generates
_SAMPLE = generate(1200, seed=10)
_PER_FRAME: dict[str, list[Case]] = {}
for _case in _SAMPLE:
    _PER_FRAME.setdefault(_case.caps["frame"], []).append(_case)
CASES = [case for cases in _PER_FRAME.values() for case in cases[:3]]


def test_every_frame_and_script_is_sampled() -> None:
    assert len(_PER_FRAME) >= len({f.__name__ for f in FRAMES})
    scripts = {case.caps["script"] for case in CASES}
    assert scripts == {"简体", "繁体 s2t", "繁体 s2twp"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:40])
def test_generated_text_gives_its_facts(case: Case) -> None:
    assert facts_of(case) == case.expected, (case.title, case.text)
