"""The sources file: the shipped defaults, $QUOTAS_SOURCES, and one clear error per mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import ConfigError
from scraper.config import PACKAGED_SOURCES, load_config
from scraper.fetch import FetchSettings

try:
    from tests.mirror import Mirror
except ImportError:
    from mirror import Mirror  # type: ignore[no-redef]

MIIT = '[sources.miit]\nbase_url = "https://www.miit.gov.cn"\n'


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTAS_SOURCES", raising=False)
    config = load_config()
    assert config.path == str(PACKAGED_SOURCES)
    assert config.fetch == FetchSettings()  # the file restates the defaults
    by_name = {source.name: source for source in config.sources}
    assert by_name["miit"].base_url == "https://www.miit.gov.cn"
    assert by_name["miit"].options["columns"] == [
        "/jgsj/ycls/wjfb/index.html",
        "/zwgk/zcwj/wjfb/tz/index.html",
    ]
    assert by_name["mnr"].base_url == "https://www.mnr.gov.cn"
    assert by_name["govcn"].base_url == "https://www.gov.cn"
    assert all(source.kind == source.name and source.enabled for source in config.sources)


def test_quotas_sources_env_picks_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "[fetch]\nmin_interval_s = 5\n" + MIIT)
    monkeypatch.setenv("QUOTAS_SOURCES", str(path))
    config = load_config()
    assert config.path == str(path)
    assert config.fetch.min_interval_s == 5.0 and isinstance(config.fetch.min_interval_s, float)
    assert [source.name for source in config.sources] == ["miit"]


def test_an_explicit_path_wins_over_the_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTAS_SOURCES", str(tmp_path / "missing.toml"))
    assert load_config(write(tmp_path, MIIT)).sources[0].name == "miit"


def test_options_are_kept_and_trailing_slashes_dropped(tmp_path: Path) -> None:
    text = '[sources.gov]\nkind = "govcn"\nbase_url = "https://www.gov.cn/"\n'
    text += 'lists = ["/a/index.htm"]\n'
    [source] = load_config(write(tmp_path, text)).sources
    assert (source.name, source.kind, source.base_url) == ("gov", "govcn", "https://www.gov.cn")
    assert dict(source.options) == {"lists": ["/a/index.htm"]}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[fetch]\nretries = 3\nmin_interval_s = \n", "line 3"),
        ("[fetch]\nretry = 3\n", "unknown key 'retry'"),
        ('[fetch]\nretries = "3"\n', "retries must be a int"),
        ("[fetch]\nretries = 2.5\n", "retries must be a int"),
        ("[fetch]\nrespect_robots = 1\n", "respect_robots must be a bool"),
        ("[fetch]\nmin_interval_s = -1\n", "must not be negative"),
        ("[fetch]\ntimeout_s = true\n", "timeout_s must be a float"),
        ("[source.miit]\nbase_url = 'https://a'\n", "unknown top-level key 'source'"),
        ("[sources.miit]\nkind = 'miit'\n", "needs base_url"),
        ("[sources.miit]\nbase_url = 'ftp://www.miit.gov.cn'\n", r"not an http\(s\) URL"),
        ("[sources.MIIT]\nbase_url = 'https://a'\n", "bad source name 'MIIT'"),
        ("[sources.miit]\nbase_url = 'https://a'\nenabled = 'no'\n", "enabled must be"),
        ("sources = 3\n", "must be tables"),
    ],
)
def test_mistakes_are_one_config_error_naming_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)


def test_an_unreadable_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nowhere.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes("# caf\xe9\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="UTF-8"):
        load_config(path)


def test_the_mirror_sources_file_points_every_source_at_127_0_0_1(mirror: Mirror) -> None:
    config = load_config(mirror.sources_file)
    names = {source.name for source in config.sources}
    assert names == {"miit", "mnr", "govcn", "feeds", "gdelt", "wayback"}
    assert all(source.base_url.startswith("http://127.0.0.1:") for source in config.sources)
    assert config.fetch.min_interval_s == 0 and config.fetch.retries == 1
    assert config.fetch.respect_robots
