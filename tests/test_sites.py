"""News site rules: each outlet's pages are read by its own rule, not by trafilatura, and give
the article's paragraphs only; their markers never claim a page from another site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import sites
from extractors.content import read_content
from extractors.decode import decode_body

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"
MIRROR = "http://127.0.0.1:8765"
NEWS_HOSTS = {host: rule.name for rule in sites.NEWS_RULES for host in rule.hosts}

# Lines around the article that a news rule must leave out: source labels, copyright, credits.
NOT_ARTICLE = ("Copyright", "Data source statement", "海量资讯", "原创,未经授权", "责任编辑")


def _news_pages() -> list[Path]:
    pages = []
    for golden in sorted(FIXTURES.rglob("*.facts.json")):
        if golden.relative_to(FIXTURES).parts[0] in NEWS_HOSTS:
            pages.append(golden.with_name(golden.name.removesuffix(".facts.json")))
    return pages


def _read(page: Path, url: str) -> tuple[str | None, str]:
    markup, _ = decode_body(page.read_bytes(), "text/html")
    content = read_content(markup, url)
    return content.site, content.text


@pytest.mark.parametrize("page", _news_pages(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_news_page_is_read_by_its_sites_rule(page: Path) -> None:
    url = json.loads(page.with_name(page.name + ".facts.json").read_text("utf-8"))["url"]
    host = url.split("/")[2]
    site, text = _read(page, url)
    assert site == NEWS_HOSTS[host]
    assert text
    assert not [line for line in text.split("\n") if line.startswith(NOT_ARTICLE)]
    for marker in NOT_ARTICLE:
        assert marker not in text, marker


def test_every_news_rule_has_a_fixture_page() -> None:
    hosts = {page.relative_to(FIXTURES).parts[0] for page in _news_pages()}
    assert set(NEWS_HOSTS) <= hosts


def test_a_copy_on_an_unknown_host_is_read_by_the_rule_of_its_canonical_url() -> None:
    page = next(p for p in _news_pages() if p.relative_to(FIXTURES).parts[0] == "www.reuters.com")
    assert _read(page, f"{MIRROR}/copy")[0] == "reuters"


def test_news_markers_alone_never_claim_a_page() -> None:
    body = "<p>China set its rare earth mining quota at 135,000 tonnes this year.</p>" * 3
    markup = f"<html><body><div class='article-body__content'>{body}</div></body></html>"
    assert _read_markup(markup, "https://metalswire.example/a")[0] == "generic"
    declared = markup.replace(
        "<html>", "<html><head><link rel='canonical' href='https://www.reuters.com/a'></head>"
    )
    assert _read_markup(declared, "https://metalswire.example/a")[0] == "reuters"


def _read_markup(markup: str, url: str) -> tuple[str | None, str]:
    content = read_content(markup, url)
    return content.site, content.text


def test_news_rules_are_host_bound_and_named_once() -> None:
    names = [rule.name for rule in (*sites.RULES, sites.GENERIC, sites.TEXT)]
    assert len(names) == len(set(names))
    for rule in sites.NEWS_RULES:
        assert rule.hosts and not rule.by_markers and not rule.generic
        assert sites.rule_named(rule.name) is rule
