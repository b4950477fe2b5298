"""What every benchmark script shares: options, the machine, peak memory, tables, JSON.

Each script prints a small table of its figures and, with ``--json``, one JSON object on the
last line of its output (so ``tail -n 1`` gives the machine-readable result).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def parser(description: str) -> argparse.ArgumentParser:
    """Options every script takes: ``--seed`` for the corpus and ``--json``."""
    parse = argparse.ArgumentParser(description=description)
    parse.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parse.add_argument("--json", action="store_true", help="end with one JSON line")
    return parse


def machine() -> dict[str, Any]:
    """The machine the figures were taken on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": cpu, "cpus": os.cpu_count(), "python": platform.python_version()}


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its finished children), in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


@dataclass(frozen=True)
class Run:
    """A finished subprocess: exit code, wall and CPU seconds, its own peak memory, output."""

    returncode: int
    seconds: float  # wall clock, launch to exit
    cpu_seconds: float  # user + system time of the child alone
    peak_rss_mb: float
    stdout: str
    stderr: str


def run_measured(
    command: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path = ROOT
) -> Run:
    """Run ``command``, timing it from launch to exit; its peak memory comes from ``wait4``,
    so it is this child's alone, not the largest of all children so far."""
    clean = {k: v for k, v in (env or os.environ).items() if not k.startswith("QUOTAS_")}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(list(command), stdout=out, stderr=err, cwd=cwd, env=clean)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return Run(
            returncode=child.returncode,
            seconds=seconds,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            peak_rss_mb=usage.ru_maxrss / 1024,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain text table: the first column left-aligned, the others right-aligned."""
    cells = [[_cell(value) for value in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [title]
    for number, row in enumerate(cells):
        rest = zip(row[1:], widths[1:], strict=True)
        parts = [row[0].ljust(widths[0])] + [value.rjust(width) for value, width in rest]
        lines.append("  " + "  ".join(parts).rstrip())
        if number == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def emit(text: str, result: dict[str, Any], as_json: bool) -> None:
    """Print the table(s), then, with ``--json``, the result as the last line."""
    print(text)
    if as_json:
        print(json.dumps({**result, "machine": machine()}, ensure_ascii=False, sort_keys=True))


def _cell(value: Any) -> str:
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        return f"{value:.2f}" if value >= 1 else f"{value:.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)
