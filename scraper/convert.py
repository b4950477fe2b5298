"""Converters for the attachment formats no Python library reads: .doc, .wps, .et.

``find_converter()`` looks for LibreOffice (``soffice``/``libreoffice``: .doc and .wps to
.docx, .et to .xlsx) and then ``antiword`` (.doc to text, table cells between ``|``) on the
PATH, and returns a function for ``extractors.attachments.read_sheets``, or None when there
is none: those files are then stored and reported unreadable with a reason naming what to
install. ``QUOTAS_CONVERTER`` chooses: ``none`` turns conversion off, ``soffice`` or
``antiword`` (or a path to either) picks one.

Each conversion runs in a temporary folder with a time limit; a failure is an ExtractError
whose message is the one-line reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from extractors.attachments import Converter
from extractors.errors import ExtractError

CONVERTER_ENV = "QUOTAS_CONVERTER"
TIMEOUT_S = 120.0  # LibreOffice's first start in a fresh profile takes a few seconds
# What LibreOffice turns each format into.
SOFFICE_TARGETS = {".doc": "docx", ".wps": "docx", ".et": "xlsx"}


def find_converter(choice: str | None = None) -> Converter | None:
    """The converter to use: ``choice``, else ``$QUOTAS_CONVERTER``, else the first found."""
    choice = (choice if choice is not None else os.environ.get(CONVERTER_ENV, "")).strip()
    if choice.lower() == "none":
        return None
    candidates = [choice] if choice else ["soffice", "libreoffice", "antiword"]
    for name in candidates:
        program = shutil.which(name)
        if program is None:
            continue
        if Path(program).name.startswith("antiword"):
            return _antiword(program)
        return _soffice(program)
    return None


def _soffice(program: str) -> Converter:
    def convert(body: bytes, suffix: str) -> tuple[bytes, str]:
        target = SOFFICE_TARGETS.get(suffix)
        if target is None:
            raise ExtractError(f"LibreOffice is not used for {suffix} files")
        with tempfile.TemporaryDirectory(prefix="quotas-convert-") as folder:
            source = Path(folder) / f"attachment{suffix}"
            source.write_bytes(body)
            profile = Path(folder, "profile").as_uri()  # no clash with a desktop session
            _run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    target,
                    "--outdir",
                    folder,
                    str(source),
                ],
                "LibreOffice",
            )
            out = source.with_suffix("." + target)
            if not out.is_file():
                raise ExtractError(f"LibreOffice could not convert the {suffix} file")
            return out.read_bytes(), "." + target

    return convert


def _antiword(program: str) -> Converter:
    def convert(body: bytes, suffix: str) -> tuple[bytes, str]:
        if suffix != ".doc":
            raise ExtractError(f"antiword reads .doc files only, not {suffix}")
        with tempfile.TemporaryDirectory(prefix="quotas-convert-") as folder:
            source = Path(folder) / "attachment.doc"
            source.write_bytes(body)
            done = _run([program, "-m", "UTF-8.txt", str(source)], "antiword")
            return done.stdout, ".txt"

    return convert


def _run(command: list[str], name: str) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise ExtractError(f"{name} took longer than {TIMEOUT_S:.0f} s to convert") from None
    except OSError as exc:
        raise ExtractError(f"{name} could not be started: {exc.strerror or exc}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1][:160] if detail else f"exit status {done.returncode}"
        raise ExtractError(f"{name} could not convert the file ({reason})")
    return done
