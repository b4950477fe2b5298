#!/usr/bin/env python3
"""Print one of the README's two quick-start commands, read from the README itself.

    python3 .ci/quickstart.py test    # the command that installs and runs the tests
    python3 .ci/quickstart.py crawl   # the command that installs and runs `quotas crawl`

The quick start is the first ```sh block under "## Quick start": exactly two commands, one
running `python -m pytest`, one running `quotas crawl` (a trailing `# comment` is dropped).
Anything else exits 1 with a one-line reason, so CI fails on a README that drifted.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"^## Quick start\n(?:(?!^## ).*\n)*?```sh\n(?P<body>(?:(?!```).*\n)*)```", re.M)
WANT = {"test": "python -m pytest", "crawl": "quotas crawl"}


def quickstart_commands(readme: str) -> list[str]:
    """The quick start's command lines, comments dropped; raises ValueError naming the fault."""
    match = BLOCK.search(readme)
    if match is None:
        raise ValueError("README.md has no ```sh block under '## Quick start'")
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in match["body"].splitlines()]
    commands = [line for line in lines if line and not line.startswith("#")]
    if len(commands) != 2:
        raise ValueError(f"README.md's quick start has {len(commands)} commands, not 2")
    return commands


def command_for(readme: str, which: str) -> str:
    found = [c for c in quickstart_commands(readme) if c.endswith(WANT[which])]
    if len(found) != 1:
        raise ValueError(f"README.md's quick start has no single command ending in {WANT[which]!r}")
    return found[0]


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] not in WANT:
        print("usage: quickstart.py test|crawl", file=sys.stderr)
        return 2
    try:
        print(command_for(README.read_text(encoding="utf-8"), sys.argv[1]))
    except ValueError as exc:
        print(f"ci: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
