"""Every error a user can cause: one line on stderr, a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def quotas(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess, as cron or a shell would."""
    full_env = {**os.environ, "QUOTAS_DATABASE_URL": "", **(env or {})}
    full_env.pop("QUOTAS_DATABASE_URL")
    return subprocess.run(
        [sys.executable, "-m", "scraper", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("quotas: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_missing_file(tmp_path: Path) -> None:
    result = quotas("extract", str(tmp_path / "nope.html"))
    assert_one_line_error(result, "nope.html")


def test_ingest_missing_file(tmp_path: Path) -> None:
    result = quotas("--db", str(tmp_path / "q.db"), "ingest", str(tmp_path / "gone.html"))
    assert_one_line_error(result, "gone.html")


def test_folder_of_binary_files(tmp_path: Path) -> None:
    folder = tmp_path / "blobs"
    folder.mkdir()
    for i in range(3):
        (folder / f"blob{i}.bin").write_bytes(os.urandom(2048))
    result = quotas("--db", str(tmp_path / "q.db"), "ingest", str(folder))
    assert_one_line_error(result, str(folder))


def test_binary_file_named_html_is_reported_and_not_stored(tmp_path: Path) -> None:
    page = tmp_path / "fake.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = quotas("extract", str(page))
    assert_one_line_error(result, "fake.html")


def test_unwritable_db_path(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = quotas("--db", str(blocker / "sub" / "q.db"), "status")
    assert_one_line_error(result, "a-file")
    assert result.returncode == 4


def test_corrupt_database(tmp_path: Path) -> None:
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not a database at all " * 200)
    result = quotas("--db", str(db), "status")
    assert_one_line_error(result, "corrupt.db")
    assert result.returncode == 4
    assert db.read_bytes().startswith(b"this is not a database"), "the file must be left alone"


def test_unknown_option() -> None:
    result = quotas("crawl", "--frobnicate")
    assert_one_line_error(result, "--frobnicate")
    assert result.returncode == 2


def test_bad_date(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    result = quotas("extract", str(page), "--published", "29/11/2026")
    assert_one_line_error(result, "--published")
    assert result.returncode == 2


def test_bad_sources_file(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "miit"\nkind = \n', encoding="utf-8")
    result = quotas("--db", str(tmp_path / "q.db"), "--sources", str(bad), "crawl")
    assert_one_line_error(result, "sources.toml")
    assert result.returncode == 2


@pytest.mark.parametrize(
    "command", ["crawl", "backfill", "ingest", "extract", "reextract", "status"]
)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command: str) -> None:
    result = quotas(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Example" in result.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"`{command}`" in readme


def test_version() -> None:
    result = quotas("--version")
    assert result.returncode == 0
    assert "quotas" in result.stdout
