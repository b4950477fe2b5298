"""Chinese fact rules: the document's context (title year and batch, issuer, carried state) in
``context``, sentence rules in ``rules``, table rows in ``tables``."""

from __future__ import annotations

from extractors.zh.rules import find_facts

__all__ = ["find_facts"]
