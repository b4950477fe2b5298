"""The analyst's commands through click's CliRunner, on a real migrated SQLite file."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from models.checks import load_findings
from scraper.cli import cli
from scraper.cli_query import register

try:
    from tests.test_reconcile import seed
except ImportError:  # tests/ on sys.path rather than the project root
    from test_reconcile import seed  # type: ignore[no-redef]

if "series" not in cli.commands:  # until scraper/cli.py registers them itself
    register(cli)

NOTICE_2024 = "https://www.miit.gov.cn/jgsj/ycls/wjfb/art/2024/l.html"
SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "quotas.db"
    seed(path).dispose()
    return path


def run(db: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def rows_of(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output)))


def test_series_prints_2018_to_2024_with_the_third_batch_and_derived_years(db: Path) -> None:
    out = run(db, "series", "--format", "csv").stdout
    rows = {int(r["year"]): r for r in rows_of(out)}
    assert sorted(rows) == list(range(2018, 2025))
    assert (rows[2024]["mining_t"], rows[2024]["smelting_t"]) == ("270000", "254000")
    assert (rows[2023]["mining_t"], rows[2023]["smelting_t"]) == ("255000", "243850")
    assert (
        rows[2022]["mining_derived_from"] == "cumulative:2" and rows[2022]["mining_t"] == "210000"
    )
    assert rows[2023]["mining_derived_from"] == ""
    assert rows[2024]["mining_yoy_pct"] == "5.88"
    assert not SCIENTIFIC.search(out)


def test_series_table_has_units_and_aligned_columns(db: Path) -> None:
    lines = run(db, "series").stdout.splitlines()
    assert "270,000 t" in lines[-1] and "+5.9 %" in lines[-1]
    widths = {len(line.rstrip()) for line in lines[:2]}
    assert len(widths) == 1  # header and rule line up


def test_query_filters_and_csv_round_trip(db: Path) -> None:
    out = run(db, "query", "--type", "mining", "--year", "2022..2024", "--period", "annual",
              "--holder", "-", "--format", "csv").stdout  # fmt: skip
    rows = rows_of(out)
    assert [(r["year"], r["amount_t"], r["derived_from"]) for r in rows] == [
        ("2022", "210000", "cumulative:2"), ("2023", "255000", ""), ("2024", "270000", "")
    ]  # fmt: skip
    assert "280,000 t (2 doc)" in rows[2]["disagreements"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(rows[0]))
    writer.writerows([list(r.values()) for r in rows])
    assert buffer.getvalue() == out  # what csv reads, csv writes back identically


def test_query_facts_json_and_status_filter(db: Path) -> None:
    out = run(db, "query", "--facts", "--status", "reported", "--year", "2024", "--format", "json")
    facts = json.loads(out.stdout)
    assert {f["url"] for f in facts} == {
        "https://news.example.com/2024/quota-raised", "https://wire.example.org/2024/quotas"
    }  # fmt: skip
    assert all(f["status"] == "reported" for f in facts)
    assert {f["amount_t"] for f in facts} == {280000, 135000, 254000}  # integers, not 2.8e5


def test_query_with_a_bad_year_is_one_line_and_exit_2(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "query", "--year", "soon"])
    assert result.exit_code == 2
    assert "not a year" in result.output and "Traceback" not in result.output


def test_evidence_lists_every_document_behind_the_2024_annual_mining_quota(db: Path) -> None:
    table = run(db, "evidence", "rare_earth/mining/2024/annual").stdout
    assert table.splitlines()[0].startswith("rare_earth/mining/2024/annual = 270,000 t (official")
    assert "other values: 280,000 t in 2" in table.splitlines()[0]
    rows = rows_of(run(db, "evidence", "rare_earth/mining/2024/annual", "--format", "csv").stdout)
    assert [(r["outlet"], r["status"], r["amount_t"], r["agrees"]) for r in rows] == [
        ("miit.gov.cn", "official", "270000", "yes"),
        ("news.example.com", "reported", "280000", "no"),
        ("wire.example.org", "reported", "280000", "no"),
    ]
    assert rows[0]["url"] == NOTICE_2024 and rows[0]["published"] == "2024-08-19"
    assert "270,000 tonnes" in rows[0]["evidence"]


def test_evidence_of_a_derived_year_shows_the_parts(db: Path) -> None:
    out = run(db, "evidence", "rare_earth/smelting_separation/2022/annual").stdout
    assert "derived from cumulative:2" in out.splitlines()[0]
    assert "gov.cn" in out and "202,000 t" in out


def test_evidence_of_an_unknown_key_is_one_line(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "evidence", "tungsten/mining/1999/annual"])
    assert result.exit_code != 0 and "no document states" in result.output


def test_timeline_keeps_issuances_without_figures(db: Path) -> None:
    rows = rows_of(run(db, "timeline", "--year", "2023..2025", "--format", "csv").stdout)
    assert rows[-1]["year"] == "2025" and rows[-1]["amount_t"] == ""
    assert rows[-1]["status"] == "reported"
    third = [r for r in rows if r["period"] == "batch:3" and r["quota_type"] == "mining"]
    assert third[0]["announced"] == "2023-12-14" and third[0]["amount_t"] == "15000"
    assert [r["announced"] for r in rows] == sorted(r["announced"] for r in rows)


def test_export_csv_json_and_xlsx(db: Path, tmp_path: Path) -> None:
    facts = rows_of(run(db, "export", "--what", "facts", "--format", "csv").stdout)
    assert any(f["amount_t"] == "76600000" for f in facts)  # no 7.66e7
    run(db, "export", "--what", "quotas", "--format", "json", "--out", str(tmp_path / "q.json"))
    quotas = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert {"key": "rare_earth/mining/2024/annual", "amount_t": 270000}.items() <= next(
        q for q in quotas if q["key"] == "rare_earth/mining/2024/annual"
    ).items()
    run(db, "export", "--what", "quotas", "--format", "xlsx", "--out", str(tmp_path / "q.xlsx"))
    sheet = load_workbook(tmp_path / "q.xlsx").active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    values = [
        dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    annual = next(v for v in values if v["key"] == "rare_earth/mining/2024/annual")
    assert annual["amount_t"] == 270000
    assert len(values) == len(quotas)


def test_export_xlsx_needs_a_file(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", "xlsx"])
    assert result.exit_code == 2 and "--out" in result.output


def test_check_reports_and_stores_the_misplaced_wan(db: Path) -> None:
    out = run(db, "check", "--format", "json").stdout
    findings = json.loads(out)
    assert any(
        f["check"] == "magnitude" and "misplaced 万" in f["message"]
        and "https://metals.example.net/2021/ionic" in f["documents"]
        for f in findings
    )  # fmt: skip
    assert len(load_findings_of(db)) == len(findings)


def load_findings_of(db: Path) -> list[object]:
    from models.base import open_engine

    engine = open_engine(f"sqlite:///{db}")
    try:
        return list(load_findings(engine))
    finally:
        engine.dispose()


def test_new_since_and_notify(db: Path, httpserver: HTTPServer) -> None:
    received: list[dict[str, object]] = []

    def receive(request: Request) -> Response:
        received.append(json.loads(request.get_data()))
        return Response("ok", status=200)

    httpserver.expect_request("/hook", method="POST").respond_with_handler(receive)
    everything = rows_of(run(db, "new", "--since", "2000-01-01", "--format", "csv").stdout)
    assert len(everything) > 50 and all(r["new_value"] == "yes" for r in everything[:3])
    later = run(db, "new", "--since", "2999-01-01", "--notify", httpserver.url_for("/hook"))
    assert "(nothing matches)" in later.stdout and received == []
    run(db, "new", "--since", "2000-01-01", "--notify", httpserver.url_for("/hook"))
    assert len(received) == 1 and received[0]["count"] == len(everything)


def test_report_writes_png_and_html(db: Path, tmp_path: Path) -> None:
    run(db, "report", "--out", str(tmp_path / "r.png"))
    assert (tmp_path / "r.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    run(db, "report", "--out", str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page and NOTICE_2024 in page
    bad = CliRunner().invoke(cli, ["--db", str(db), "report", "--out", str(tmp_path / "r.pdf")])
    assert bad.exit_code == 2


def test_every_command_has_help_with_an_example() -> None:
    for name in ("query", "series", "evidence", "timeline", "export", "report", "check", "new"):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "quotas " + name in result.output, name
