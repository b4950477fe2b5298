"""English fact rules: sentences → mentions (``mentions``) → binding (``binding``, ``comparing``),
placed by the words around them (``placing``) → facts with their document context (``context``,
``readings``, ``rules``), tables of text (``tables``); the words are data in ``lexicon``."""

from __future__ import annotations

from extractors.en.rules import find_facts, find_readings, is_relevant

__all__ = ["find_facts", "find_readings", "is_relevant"]
