#!/usr/bin/env python3
"""Check label files' shape: ``python bench/realpages/check_labels.py FILE.jsonl ...``.

Every line must satisfy ``schema.record_errors``; with ``--texts`` each page's text must be in
the cache. Exit 1 and one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from schema import record_errors  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--texts", type=Path, help="require texts/<id>.txt for every line")
    a = ap.parse_args()
    bad = 0
    for path in a.files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{number}: not JSON ({exc})")
                bad += 1
                continue
            errors = record_errors(record)
            if a.texts and not (a.texts / f"{record.get('id')}.txt").exists():
                errors.append("no cached text")
            for error in errors:
                print(f"{path}:{number}: {error}")
            bad += bool(errors)
    print(f"{bad} bad lines")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
