"""Every error a user can cause: one line on stderr, a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
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


def _commands() -> list[str]:
    from scraper.cli import cli

    return sorted(cli.commands)


def test_the_command_list_is_complete() -> None:
    assert {"crawl", "backfill", "ingest", "extract", "reextract", "status", "query"} <= set(
        _commands()
    )


@pytest.mark.parametrize("command", _commands())
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


# -- paths that are there but cannot be read as a page ------------------------------------------


def test_a_folder_where_a_page_is_expected(tmp_path: Path) -> None:
    folder = tmp_path / "notice.html"
    folder.mkdir()
    result = quotas("extract", str(folder))
    assert_one_line_error(result, "notice.html", "folder")


def test_a_fifo_is_refused_instead_of_read_forever(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    result = quotas("extract", str(fifo))  # no writer: reading it would block until the timeout
    assert_one_line_error(result, "pipe.html", "not a regular file")
    ingest = quotas("--db", str(tmp_path / "q.db"), "ingest", str(fifo))
    assert_one_line_error(ingest, "pipe.html")


def test_a_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.html"
    link.symlink_to(tmp_path / "nowhere.html")
    assert_one_line_error(quotas("extract", str(link)), "gone.html")
    assert_one_line_error(quotas("--db", str(tmp_path / "q.db"), "ingest", str(link)), "gone.html")


@pytest.mark.parametrize("kind", ["folder", "broken symlink"])
def test_an_unreadable_sources_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "sources.toml"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "nowhere.toml")
    result = quotas("--db", str(tmp_path / "q.db"), "--sources", str(path), "crawl")
    assert_one_line_error(result, "sources.toml")
    assert result.returncode == 2


# -- option values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["not a url", "ftp://example.com/a.html", "http://[::1", "javascript:alert(1)", "/a"]
)
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_bad_url_is_a_usage_error(tmp_path: Path, url: str, command: str) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    result = quotas("--db", str(tmp_path / "q.db"), command, str(page), "--url", url)
    assert_one_line_error(result, "--url")
    assert result.returncode == 2
    assert not (tmp_path / "q.db").exists() or command == "ingest"


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "2024/02/06"])
def test_a_bad_date_on_ingest(tmp_path: Path, value: str) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    result = quotas("--db", str(tmp_path / "q.db"), "ingest", str(page), "--published", value)
    assert_one_line_error(result, "--published", value)
    assert result.returncode == 2


def test_a_bad_year_on_backfill(tmp_path: Path) -> None:
    result = quotas("--db", str(tmp_path / "q.db"), "backfill", "--since", "twenty")
    assert_one_line_error(result, "--since")
    assert result.returncode == 2


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (
            "[fetch]\nretries = 1\n\n[sources.miit]\nbase_url = https://x\nenabled = true\n",
            5,
        ),
        (
            '[fetch]\nretries = 1\n\n[sources.miit]\nbase_url = "https://x"\ncolumns = [\n',
            6,
        ),
    ],
)
def test_an_invalid_sources_file_names_the_line_at_fault(
    tmp_path: Path, body: str, line: int
) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text(body, encoding="utf-8")
    result = quotas("--db", str(tmp_path / "q.db"), "--sources", str(bad), "crawl")
    assert_one_line_error(result, "sources.toml", f"line {line}")
    assert result.returncode == 2


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('[sources.miit]\nbase_url = "ftp://x"\n', "base_url"),
        ("[fetch]\nmin_interval_s = -1\n", "min_interval_s"),
        ("[fetch]\nno_such_key = 1\n", "no_such_key"),
        ('[sources.miit]\nkind = "nope"\nbase_url = "https://x"\n', "nope"),
    ],
)
def test_an_invalid_sources_file_names_the_key_at_fault(
    tmp_path: Path, body: str, needle: str
) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text(body, encoding="utf-8")
    result = quotas("--db", str(tmp_path / "q.db"), "--sources", str(bad), "crawl")
    assert_one_line_error(result, "sources.toml", needle)
    assert result.returncode == 2


def test_an_unknown_source(tmp_path: Path) -> None:
    result = quotas("--db", str(tmp_path / "q.db"), "crawl", "--source", "nope")
    assert_one_line_error(result, "'nope'", "miit")
    assert result.returncode == 2


def test_a_bad_busy_timeout_setting(tmp_path: Path) -> None:
    result = quotas("--db", str(tmp_path / "q.db"), "status", env={"QUOTAS_BUSY_TIMEOUT": "soon"})
    assert_one_line_error(result, "QUOTAS_BUSY_TIMEOUT", "soon")
    assert result.returncode == 2


# -- databases ----------------------------------------------------------------------------------


def _fresh_database(tmp_path: Path) -> Path:
    db = tmp_path / "q.db"
    result = quotas("--db", str(db), "status")
    assert result.returncode == 0, result.stderr
    return db


def test_a_database_from_a_newer_version(tmp_path: Path) -> None:
    db = _fresh_database(tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    for command in ("status", "query"):
        result = quotas("--db", str(db), command)
        assert_one_line_error(result, "q.db", "f00dfeedbeef", "newer version")
        assert result.returncode == 4
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "f00dfeedbeef",
        ), "a newer database is left alone, never downgraded"


def test_verbose_shows_the_details_and_still_ends_with_the_one_line(tmp_path: Path) -> None:
    db = _fresh_database(tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    result = quotas("-v", "--db", str(db), "status")
    assert result.returncode == 4
    assert "StoreError" in result.stderr, "-v shows where the error came from"
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("quotas: error: ") and "newer version" in last


def test_a_truncated_database(tmp_path: Path) -> None:
    db = _fresh_database(tmp_path)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    result = quotas("--db", str(db), "status")
    assert_one_line_error(result, "q.db")
    assert result.returncode == 4


def test_a_locked_database_gives_up_after_the_busy_timeout(tmp_path: Path) -> None:
    db = _fresh_database(tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"con = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "con.execute('BEGIN IMMEDIATE')\n"
            "print('holding', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        page = tmp_path / "p.html"
        page.write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
        result = quotas("--db", str(db), "ingest", str(page), env={"QUOTAS_BUSY_TIMEOUT": "0.2"})
    finally:
        holder.communicate("", timeout=30)
    assert_one_line_error(result, "q.db", "locked")
    assert result.returncode == 4
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- a full disk and write errors ---------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs, filled up by the test; skipped where mounting is not permitted."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder: Path, leave: int) -> None:
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    (folder / "filler").write_bytes(b"\0" * max(free - leave, 0))


def test_a_full_disk_under_the_database(tmp_path: Path, tiny_disk: Path) -> None:
    db = tiny_disk / "q.db"
    shutil.copy(_fresh_database(tmp_path), db)
    _fill(tiny_disk, leave=48 * 1024)
    page = tmp_path / "big.html"
    rng = random.Random(5)
    words = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz 稀土指标") for _ in range(300_000))
    page.write_text(f"<html><body><p>{words}</p></body></html>", encoding="utf-8")
    result = quotas("--db", str(db), "ingest", str(page))
    assert_one_line_error(result, "q.db", "disk is full")
    assert result.returncode == 4
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM document").fetchone()[0] == 0


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_an_export_to_a_full_disk(tmp_path: Path, tiny_disk: Path, fmt: str) -> None:
    db = tmp_path / "q.db"
    notice = ROOT / "fixtures/sites/www.miit.gov.cn/jgsj/ycls/wjfb/art/2024"
    stored = quotas("--db", str(db), "ingest", str(notice))
    assert stored.returncode == 0, stored.stderr
    _fill(tiny_disk, leave=0)
    result = quotas(
        "--db",
        str(db),
        "export",
        "--what",
        "facts",
        "--format",
        fmt,
        "--out",
        str(tiny_disk / f"x.{fmt}"),
    )
    assert_one_line_error(result, "No space left")
    assert result.returncode == 6


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_write_error_on_stdout(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    notice = ROOT / "fixtures/sites/www.miit.gov.cn/jgsj/ycls/wjfb/art/2024"
    assert quotas("--db", str(db), "ingest", str(notice)).returncode == 0
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "scraper", "--db", str(db), "export", "--what", "facts"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    assert_one_line_error(result, "No space left")
    assert result.returncode == 6


def test_an_output_folder_that_does_not_exist(tmp_path: Path) -> None:
    db = _fresh_database(tmp_path)
    result = quotas("--db", str(db), "export", "--out", str(tmp_path / "no" / "such" / "x.csv"))
    assert_one_line_error(result, "x.csv")
    assert result.returncode == 6
