"""The chart's data (batches stacked, the rest of a year hatched) and the HTML page."""

from __future__ import annotations

import struct
from datetime import date
from pathlib import Path

from models.reconcile import reconcile_quotas
from scraper.report import bars, html_page, png_bytes

try:
    from tests.test_reconcile import RE, M, S, seed
except ImportError:  # tests/ on sys.path rather than the project root
    from test_reconcile import RE, M, S, seed  # type: ignore[no-redef]


def test_bars_stack_batches_and_the_rest_of_the_year(tmp_path: Path) -> None:
    data = bars(reconcile_quotas(seed(tmp_path / "q.db")), RE)
    assert data[(M, 2023)].segments == [
        ("batch 1", 120000),
        ("batch 2", 120000),
        ("batch 3", 15000),
    ]
    assert data[(M, 2023)].total == 255000
    assert data[(M, 2019)].segments == [("batch 1", 60000), ("rest of year", 72000)]
    assert data[(S, 2018)].segments == [("whole year", 115000)]
    assert data[(M, 2022)].derived_from == "cumulative:2"
    assert sum(v for _, v in data[(S, 2024)].segments) == 254000
    assert (M, 2025) not in data  # an issuance without a figure draws nothing


def test_the_png_is_a_real_image_of_report_size(tmp_path: Path) -> None:
    image = png_bytes(reconcile_quotas(seed(tmp_path / "q.db")))
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", image[16:24])
    assert width >= 1200 and height >= 700


def test_an_empty_database_still_gives_a_chart(tmp_path: Path) -> None:
    assert png_bytes(reconcile_quotas(seed(tmp_path / "q.db", []))).startswith(b"\x89PNG")


def test_the_page_embeds_the_chart_links_the_evidence_and_escapes_text(tmp_path: Path) -> None:
    docs = [
        ('https://a.example/x?a=1&b="2"', date(2024, 8, 19), "official",
         [(RE, M, 2024, "annual", None, None, 270000, None)]),
        ("https://b.example/y", date(2023, 12, 14), "official",
         [(RE, M, 2023, "annual", None, None, 255000, None)]),
    ]  # fmt: skip
    page = html_page(reconcile_quotas(seed(tmp_path / "q.db", docs)))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<img alt="' in page and "data:image/png;base64,iVBOR" in page
    assert 'href="https://a.example/x?a=1&amp;b=&quot;2&quot;"' in page
    assert "<td>2024</td>" in page and ">270,000<" in page and "+5.9%" in page
    assert "https://b.example/y" in page
