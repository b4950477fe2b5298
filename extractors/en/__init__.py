"""English fact rules: sentences → mentions (``mentions``) → binding (``binding``) → facts with
their document context (``rules``); the words are data in ``lexicon``."""

from __future__ import annotations

from extractors.en.rules import find_facts, find_readings, is_relevant

__all__ = ["find_facts", "find_readings", "is_relevant"]
