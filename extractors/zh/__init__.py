"""Chinese fact rules: what the whole document says (title year and batch, issuer, province) in
``document``, the state in force within and between sentences in ``context``, the wordings
known in ``lexicon``, the text's tokens in ``tokens``, sentences and the passes over the whole
text's figures in ``rules``, a run of amounts read into facts in ``figures``, table rows in
``tables``.

``find_readings`` gives every stated figure's readings, the likeliest first, for a resolver to
choose among; ``find_facts`` the likeliest reading of each."""

from __future__ import annotations

from extractors.zh.rules import find_facts, find_readings

__all__ = ["find_facts", "find_readings"]
