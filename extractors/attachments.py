"""Attachments (附件) of quota notices: bytes and a file name in, rows of cells out.

One well-kept library per format, each imported only when a file of its format comes:

    .xls (and .et saved as BIFF)  xlrd          .xlsx           openpyxl
    .docx                         python-docx   .pdf            pdfplumber
    .html saved as .xls/.doc      lxml (government sites often serve an HTML table so named)
    .doc, .wps, .et               only through a converter the caller passes in (LibreOffice's
                                  ``soffice``, or ``antiword`` for .doc; see scraper/convert.py)

The format is read from the bytes (PDF, zip, OLE2 and HTML signatures), the file name only
decides between the kinds a signature leaves open. Merged cells are filled with their
top-left value, so a spanned header or a "合计" across two columns reads in every cell it
covers. What cannot be read raises ``AttachmentError`` with a one-line reason: a scanned
image (a PDF without a text layer), a corrupt file, a format with no reader or converter.

Pure: no network, no database, no clock. The converter is the one seam to the outside: a
function given by the caller, so ``quotas reextract`` and the tests decide what it is.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from extractors.errors import ExtractError

# Suffixes of the files a notice attaches; a link to one of them is an attachment.
ATTACHMENT_SUFFIXES = (".xls", ".xlsx", ".et", ".doc", ".docx", ".wps", ".pdf")
# Formats read only through a converter, and the file type each is named by.
CONVERTED = {".doc": "Word .doc", ".wps": "WPS .wps", ".et": "WPS spreadsheet .et"}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls, .doc, .wps, .et
# Directory entry names in an OLE2 file, UTF-16LE: a Word or WPS text, an Excel workbook.
_OLE_WORD = "WordDocument".encode("utf-16-le")
_OLE_BOOK = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
# An HTML table saved under an Office name ("2024年指标表.xls" that is really a web page).
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype|html|table|meta|head)", re.I)
MIN_PDF_CHARS = 10  # fewer text characters than this on every page: a scanned image

# (body, suffix) -> (converted body, its suffix): ".docx", ".xlsx" or ".txt" (cells split by |)
Converter = Callable[[bytes, str], tuple[bytes, str]]


class AttachmentError(ExtractError):
    """An attachment that cannot be read; the message is the one-line reason."""


@dataclass(frozen=True)
class Sheet:
    """One table-like part of an attachment: a worksheet, a Word table with the paragraphs
    before it, a PDF page. Rows are lists of cell texts, merged cells filled."""

    name: str
    rows: tuple[tuple[str, ...], ...]


def filename_of(url: str) -> str:
    """The file name a URL ends in: ``/a/b/3f8e.xls?x=1`` -> ``3f8e.xls``."""
    return PurePosixPath(unquote(urlsplit(url).path)).name


def suffix_of(name: str) -> str:
    return PurePosixPath(name.lower()).suffix


def is_attachment_name(name: str) -> bool:
    return suffix_of(name) in ATTACHMENT_SUFFIXES


def attachment_links(html: bytes | str) -> list[tuple[str, str]]:
    """(href, link text) of a page's attachment links, in page order, each href once: links
    to the file types of ATTACHMENT_SUFFIXES, or whose text starts with 附件. The caller
    resolves them and keeps those on the notice's own site."""
    from lxml import html as lxml_html

    if isinstance(html, bytes):
        from extractors.decode import decode_body

        html, _ = decode_body(html, "text/html")
    if not html.strip():
        return []
    try:
        tree = lxml_html.fromstring(html)
    except ValueError:  # an XML declaration with an encoding in a str, and the like
        tree = lxml_html.fromstring(html.encode("utf-8"))
    found: dict[str, str] = {}
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        text = _clean(link.text_content())
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        if is_attachment_name(filename_of(href)) or text.startswith("附件"):
            found.setdefault(href, text)
    return list(found.items())


def sniff(body: bytes, name: str) -> str:
    """The format of an attachment: xls, xlsx, docx, pdf, html, or a CONVERTED suffix."""
    suffix = suffix_of(name)
    head = body[:2048]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(body)).namelist())
        except zipfile.BadZipFile:
            raise AttachmentError(f"corrupt {suffix or 'zip'} file (a damaged zip)") from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise AttachmentError("a zip file that is neither a .docx nor a .xlsx")
    if head.startswith(OLE2):
        if suffix in (".doc", ".wps") or (_OLE_WORD in body and suffix not in (".xls", ".et")):
            return suffix if suffix in (".doc", ".wps") else ".doc"
        if suffix == ".et":
            return ".et"
        if suffix == ".xls" or any(marker in body for marker in _OLE_BOOK):
            return "xls"
        raise AttachmentError(f"an Office file of unknown kind ({suffix or 'no suffix'})")
    if _HTML_START.match(head):
        return "html"
    if not body.strip():
        raise AttachmentError("empty file")
    raise AttachmentError(f"not a spreadsheet, Word file or PDF ({suffix or 'no suffix'})")


def read_sheets(body: bytes, name: str, convert: Converter | None = None) -> list[Sheet]:
    """Every table-like part of an attachment, in order; raises AttachmentError."""
    kind = sniff(body, name)
    if kind in CONVERTED:
        if convert is None:
            raise AttachmentError(
                f"cannot read a {CONVERTED[kind]} file: no converter is installed "
                "(install LibreOffice for soffice, or antiword for .doc)"
            )
        try:
            body, converted = convert(body, kind)
        except ExtractError as exc:
            raise AttachmentError(str(exc)) from None
        if converted == ".txt":
            return [_text_sheet(body.decode("utf-8", "replace"), name)]
        kind = converted.lstrip(".")
        if kind not in READERS:
            raise AttachmentError(f"the converter gave a {converted} file, which is not read")
    try:
        sheets = READERS[kind](body)
    except AttachmentError:
        raise
    except Exception as exc:  # every library has its own errors for a damaged file
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise AttachmentError(f"corrupt or unreadable {kind} file ({reason})") from None
    sheets = [sheet for sheet in sheets if any(any(cell for cell in row) for row in sheet.rows)]
    if not sheets:
        raise AttachmentError(f"the {kind} file holds no table or text")
    return sheets


# -- readers -------------------------------------------------------------------------------------


def _xls(body: bytes) -> list[Sheet]:
    import xlrd

    quiet = io.StringIO()  # xlrd writes its warnings to stdout unless given a log file
    try:
        book = xlrd.open_workbook(file_contents=body, formatting_info=True, logfile=quiet)
    except NotImplementedError:  # formatting_info is not read from some writers' files
        book = xlrd.open_workbook(file_contents=body, logfile=quiet)
    sheets = []
    for sheet in book.sheets():
        grid = [
            [_cell_text(sheet.cell_value(r, c)) for c in range(sheet.ncols)]
            for r in range(sheet.nrows)
        ]
        merges = [(r0, r1, c0, c1) for r0, r1, c0, c1 in sheet.merged_cells]
        sheets.append(Sheet(sheet.name, _filled(grid, merges)))
    return sheets


def _xlsx(body: bytes) -> list[Sheet]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(body), data_only=True)  # values, not formulas
    sheets = []
    for sheet in book.worksheets:
        grid = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        merges = [
            (m.min_row - 1, m.max_row, m.min_col - 1, m.max_col) for m in sheet.merged_cells.ranges
        ]
        sheets.append(Sheet(sheet.title, _filled(grid, merges)))
    return sheets


def _docx(body: bytes) -> list[Sheet]:
    import docx  # python-docx

    document = docx.Document(io.BytesIO(body))
    sheets: list[Sheet] = []
    notes: list[tuple[str, ...]] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            width = len(block.columns)
            rows = [
                tuple(_clean(block.cell(r, c).text) for c in range(width))
                for r in range(len(block.rows))
            ]
            sheets.append(Sheet(f"table {len(sheets) + 1}", (*notes, *rows)))
            notes = []
        elif block.text.strip():
            notes.append((_clean(block.text),))
    if notes and sheets:  # paragraphs after the last table: its notes too (a signature, a date)
        last = sheets[-1]
        sheets[-1] = Sheet(last.name, (*last.rows, *notes))
    elif notes:
        sheets.append(Sheet("text", tuple(notes)))
    return sheets


def _pdf(body: bytes) -> list[Sheet]:
    import pdfplumber

    sheets = []
    text_chars = 0
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            text_chars += len((page.extract_text() or "").strip())
            tables = page.find_tables()
            top = 0.0
            rows: list[tuple[str, ...]] = []
            for table in tables:
                rows += _pdf_lines(page, top, table.bbox[1])
                grid = [[_clean(cell or "") for cell in row] for row in table.extract()]
                rows += [tuple(row) for row in _filled_right(grid)]
                top = table.bbox[3]
            rows += _pdf_lines(page, top, page.height)
            sheets.append(Sheet(f"page {number}", tuple(rows)))
    if text_chars < MIN_PDF_CHARS:
        raise AttachmentError("a scanned image: the PDF has no text layer (OCR is not done)")
    return sheets


def _pdf_lines(page: Any, top: float, bottom: float) -> list[tuple[str, ...]]:
    if bottom - top < 1:
        return []
    text = page.crop((0, top, page.width, bottom)).extract_text() or ""
    return [(_clean(line),) for line in text.splitlines() if line.strip()]


def _html(body: bytes) -> list[Sheet]:
    from lxml import html as lxml_html

    from extractors.decode import decode_body

    text, _ = decode_body(body, "text/html")
    tree = lxml_html.fromstring(text)
    sheets = []
    for number, table in enumerate(tree.iter("table"), 1):
        rows = []
        for tr in table.iter("tr"):
            row: list[str] = []
            for cell in tr:
                if cell.tag in ("td", "th"):
                    span = cell.get("colspan", "1").strip()
                    width = min(int(span), 50) if span.isdigit() and int(span) > 0 else 1
                    row += [_clean(cell.text_content())] * width
            rows.append(tuple(row))
        sheets.append(Sheet(f"table {number}", tuple(rows)))
    return sheets


def _text_sheet(text: str, name: str) -> Sheet:
    """A converter's plain text (antiword): table rows as cells between |, the rest notes."""
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.count("|") >= 2:
            cells = [_clean(cell) for cell in line.strip().strip("|").split("|")]
            rows.append(tuple(cells))
        else:
            rows.append((_clean(line),))
    return Sheet(name, tuple(rows))


READERS: dict[str, Callable[[bytes], list[Sheet]]] = {
    "xls": _xls,
    "xlsx": _xlsx,
    "docx": _docx,
    "pdf": _pdf,
    "html": _html,
}


# -- cells ---------------------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    """A cell as text; whole floats without their ".0" (spreadsheets store 94580 as 94580.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean(str(value))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u3000", " ")).strip()


def _filled(
    grid: Sequence[Sequence[str]], merges: Iterable[tuple[int, int, int, int]]
) -> tuple[tuple[str, ...], ...]:
    """Rows with each merged range (row_lo, row_hi, col_lo, col_hi; hi exclusive) filled with
    its top-left value, and rows made equally wide."""
    width = max((len(row) for row in grid), default=0)
    rows = [list(row) + [""] * (width - len(row)) for row in grid]
    for r0, r1, c0, c1 in merges:
        if r0 >= len(rows) or c0 >= width:
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows))):
            for c in range(c0, min(c1, width)):
                rows[r][c] = value
    return tuple(tuple(row) for row in rows)


def _filled_right(grid: list[list[str]]) -> list[list[str]]:
    """pdfplumber leaves the cells a merged cell covers as None (here ""): a header cell
    spans to the right, so an empty cell of a row whose right part is text takes its left
    neighbour's text. Data rows (with figures) are left as they are."""
    out = []
    for row in grid:
        if any(re.fullmatch(r"[\d,.]+", cell) for cell in row[1:]):
            out.append(row)
            continue
        filled = list(row)
        for index in range(1, len(filled)):
            if not filled[index] and filled[index - 1]:
                filled[index] = filled[index - 1]
        out.append(filled)
    return out
