"""The sources file: which sites to crawl and how politely.

A TOML file with one ``[fetch]`` table (any ``FetchSettings`` field) and one
``[sources.<name>]`` table per source::

    [fetch]
    min_interval_s = 2.0

    [sources.miit]
    kind = "miit"                       # the registry kind; defaults to the table's name
    base_url = "https://www.miit.gov.cn"
    enabled = true                      # optional; disabled sources run only when named
    columns = ["/jgsj/ycls/wjfb/index.html"]   # every other key is an option of the kind

``load_config()`` reads ``$QUOTAS_SOURCES`` or else the packaged ``scraper/sources.toml``.
Every problem is a ``ConfigError`` naming the file and the line or the key. Options are
checked by the source kinds themselves when ``build_sources`` builds them.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from extractors.errors import ConfigError
from scraper.fetch import FetchSettings

PACKAGED_SOURCES = Path(__file__).with_name("sources.toml")
SOURCES_ENV = "QUOTAS_SOURCES"
# A source name: lower-case, usable on a command line (miit, mnr, govcn, feeds-en).
_NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")
_SOURCE_KEYS = ("kind", "base_url", "enabled")
# FetchSettings annotations (strings under postponed evaluation) and the TOML types they take.
_FIELD_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: str
    base_url: str  # scheme and host, no trailing slash
    options: Mapping[str, Any]
    enabled: bool = True


@dataclass(frozen=True)
class SourcesConfig:
    fetch: FetchSettings
    sources: tuple[SourceConfig, ...]
    path: str

    def source(self, name: str) -> SourceConfig:
        for source in self.sources:
            if source.name == name:
                return source
        raise ConfigError(f"{self.path}: no source named {name!r}")


def load_config(path: Path | None = None) -> SourcesConfig:
    """Read a sources file; None means ``$QUOTAS_SOURCES`` or the packaged defaults."""
    if path is None:
        env = os.environ.get(SOURCES_ENV)
        path = Path(env) if env else PACKAGED_SOURCES
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the sources file ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the sources file is not UTF-8 text") from None
    return parse_config(text, str(path))


def parse_config(text: str, where: str) -> SourcesConfig:
    """Parse the text of a sources file; ``where`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib gives line and column, except for an error at the very end
        last = f"at the end, line {len(text.splitlines()) or 1}"
        raise ConfigError(f"{where}: {str(exc).replace('at end of document', last)}") from None
    unknown = sorted(set(data) - {"fetch", "sources"})
    if unknown:
        hint = "use [fetch] or [sources.NAME]"
        raise ConfigError(f"{where}: unknown top-level key {unknown[0]!r} ({hint})")
    fetch = _fetch_settings(data.get("fetch", {}), where)
    sources_table = data.get("sources", {})
    if not isinstance(sources_table, dict):
        raise ConfigError(f"{where}: 'sources' must be tables [sources.NAME]")
    sources = tuple(_source(name, table, where) for name, table in sources_table.items())
    return SourcesConfig(fetch=fetch, sources=sources, path=where)


def _fetch_settings(table: object, where: str) -> FetchSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [fetch] must be a table")
    types = {
        field.name: _FIELD_TYPES[str(field.type)] for field in dataclasses.fields(FetchSettings)
    }
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in types:
            known = ", ".join(types)
            raise ConfigError(f"{where}: [fetch] has unknown key {key!r} (known: {known})")
        values[key] = _checked(value, types[key], f"[fetch] {key}", where)
    return FetchSettings(**values)


def _checked(value: object, expected: type, label: str, where: str) -> object:
    """``value`` if it is an ``expected`` (an int is a float too) and not negative."""
    if expected is float and type(value) is int:
        value = float(value)
    if type(value) is not expected:  # exact: true is not an int here
        raise ConfigError(f"{where}: {label} must be a {expected.__name__}, not {value!r}")
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
        raise ConfigError(f"{where}: {label} must not be negative")
    return value


def _source(name: str, table: object, where: str) -> SourceConfig:
    if not _NAME.match(name):
        raise ConfigError(f"{where}: bad source name {name!r} (lower-case letters, digits, - or _)")
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [sources.{name}] must be a table")
    kind = table.get("kind", name)
    base_url = table.get("base_url")
    enabled = table.get("enabled", True)
    if not isinstance(kind, str) or not kind:
        raise ConfigError(f"{where}: [sources.{name}] kind must be a string")
    if not isinstance(base_url, str):
        raise ConfigError(f'{where}: [sources.{name}] needs base_url = "https://host"')
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{where}: [sources.{name}] base_url {base_url!r} is not an http(s) URL")
    if not isinstance(enabled, bool):
        raise ConfigError(f"{where}: [sources.{name}] enabled must be true or false")
    options = {key: value for key, value in table.items() if key not in _SOURCE_KEYS}
    return SourceConfig(
        name=name,
        kind=kind,
        base_url=base_url.rstrip("/"),
        options=MappingProxyType(options),
        enabled=enabled,
    )
