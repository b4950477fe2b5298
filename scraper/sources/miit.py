"""Ministry of Industry and Information Technology (www.miit.gov.cn), a Hanweb "jpaas" site.

Two routes to the notices:

1. Column lists. A column page (``/jgsj/ycls/wjfb/index.html``) is a shell: its list comes
   from a script tag ``url="/api-gateway/jpaas-publish-server/front/page/build/unit"``
   whose ``queryData`` attribute holds single-quoted JSON (webId, tplSetId, pageId, ...).
   Those parameters, read at run time, plus ``paramJson={"pageNo":N,"pageSize":"24"}`` and the
   column page as Referer give ``{"success":true,"data":{"html":"..."}}`` whose rows are
   ``div.page-content ul li`` with ``a[href][title]`` (the text is cut with "...") and a
   ``span.fr`` date. An empty row list means the pages ran out.
2. Search. ``/search-front-server/api/search/info?websiteid=...&q=...&p=N&pg=SIZE`` answers
   ``data.searchResult.dataResults[]``, each ``.data`` or ``.groupData[0].data`` with title
   (may hold ``<em>`` highlights), url, jsearch_date, deploytime; ``searchResult`` is absent
   when nothing matched.

Leads are deduplicated across routes. Later list pages link pre-2020 pages (``/n1146295/...``).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, ClassVar
from urllib.parse import urlencode

from bs4 import BeautifulSoup

from scraper.fetch import Fetcher
from scraper.sources import (
    Lead,
    ListingSource,
    Window,
    parse_day,
    quota_leads,
    register,
    walk_pages,
)

log = logging.getLogger(__name__)

API_PATH = "/api-gateway/jpaas-publish-server/front/page/build/unit"
SEARCH_PATH = "/search-front-server/api/search/info"
BEIJING = timezone(timedelta(hours=8))
# One key/value pair of queryData: {webId:'8d82…', pageId: '1b56…'} or "pageId":"1b56…".
_QUERY_PAIR = re.compile(r"""['"]?(\w+)['"]?\s*:\s*['"]([^'"]*)['"]""")
# Highlight markup in search titles: <em>稀土</em>, <font color=red>指标</font>.
_TAG = re.compile(r"<[^>]+>")


def unit_params(shell_html: bytes | str) -> dict[str, str] | None:
    """The list-API parameters a column shell's script tag carries, None if it has none."""
    soup = BeautifulSoup(shell_html, "lxml")
    for script in soup.find_all("script"):
        if str(script.get("url") or "").strip() != API_PATH:
            continue
        raw = str(script.get("querydata") or script.get("queryData") or "")
        params = dict(_QUERY_PAIR.findall(raw))
        if "pageId" in params:
            return params
    return None


def list_html(body: bytes) -> str | None:
    """The ``data.html`` of a list-API answer, None (logged) if the answer is not one."""
    try:
        answer = json.loads(body)
    except ValueError:
        log.warning("MIIT list API answered something that is not JSON")
        return None
    data = answer.get("data") if isinstance(answer, dict) else None
    html = data.get("html") if isinstance(data, dict) else None
    if not answer.get("success") or not isinstance(html, str):
        log.warning(
            "MIIT list API answered without a list: %.200s", body.decode("utf-8", "replace")
        )
        return None
    return html


def search_records(body: bytes) -> list[dict[str, Any]]:
    """The result records of a search-API answer; [] when nothing matched."""
    try:
        answer = json.loads(body)
    except ValueError:
        log.warning("MIIT search API answered something that is not JSON")
        return []
    data = answer.get("data") if isinstance(answer, dict) else None
    result = data.get("searchResult") if isinstance(data, dict) else None
    items = result.get("dataResults") if isinstance(result, dict) else None
    records = []
    for item in items if isinstance(items, list) else []:
        record = item.get("data") if isinstance(item, dict) else None
        if not isinstance(record, dict) and isinstance(item, dict):
            group = item.get("groupData")
            if isinstance(group, list) and group and isinstance(group[0], dict):
                record = group[0].get("data")
        if isinstance(record, dict):
            records.append(record)
    return records


def _record_day(record: dict[str, Any]) -> date | None:
    day = parse_day(str(record.get("jsearch_date") or ""))
    stamp = record.get("deploytime")
    if day is None and isinstance(stamp, int | float | str) and str(stamp).isdigit():
        return datetime.fromtimestamp(int(stamp) / 1000, UTC).astimezone(BEIJING).date()
    return day


@register("miit")
class MiitListing(ListingSource):
    kind = "miit"
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "columns": ["/jgsj/ycls/wjfb/index.html", "/zwgk/zcwj/wjfb/tz/index.html"],
        "page_size": 24,  # rows per list-API page, sent as paramJson.pageSize
        "web_id": "",  # overrides the shell's webId when set
        "search_queries": [],  # each a search-API query; none: no search route
        "search_page_size": 20,
        "website_id": "110000000000000",  # the search API's id of the MIIT site
    }
    CANONICAL_HOSTS = ("www.miit.gov.cn", "miit.gov.cn")
    FOLLOWS_ATTACHMENTS = True  # per-group tables come as .xls/.doc/.pdf attachments
    ROW_SELECTOR = "div.page-content ul li"

    def discover(
        self,
        fetcher: Fetcher,
        *,
        since: int | None = None,
        until: int | None = None,
        full: bool = False,
        known: Callable[[str], bool] | None = None,
    ) -> Iterator[Lead]:
        window = Window(since, until, full, known)
        routes = [self._column(fetcher, column, window) for column in self.options["columns"]]
        routes += [self._search(fetcher, q, window) for q in self.options["search_queries"]]
        yield from quota_leads(routes)

    def _column(self, fetcher: Fetcher, column: str, window: Window) -> Iterator[Lead]:
        shell_url = self.base_url + column
        shell = self.list_page(fetcher, shell_url, referer=self.base_url + "/")
        params = unit_params(shell.body)
        if params is None:
            log.warning("%s: no list script in %s; skipping the column", self.name, shell_url)
            return
        if self.options["web_id"]:
            params["webId"] = self.options["web_id"]
        size = str(self.options["page_size"])

        def fetch_page(number: int) -> list[Lead] | None:
            paging = json.dumps({"pageNo": number + 1, "pageSize": size}, separators=(",", ":"))
            url = f"{self.base_url}{API_PATH}?{urlencode({**params, 'paramJson': paging})}"
            html = list_html(self.list_page(fetcher, url, referer=shell_url).body)
            return None if html is None else self.parse_rows(html, shell_url)

        max_pages = self.options["max_pages"]
        yield from walk_pages(fetch_page, max_pages=max_pages, **window._asdict())

    def parse_rows(self, html: str, column_url: str) -> list[Lead]:
        """The rows of one list-API page; hrefs are relative to the column page."""
        rows = []
        for row in BeautifulSoup(html, "lxml").select(self.ROW_SELECTOR):
            link = row.select_one("a[href]")
            when = row.select_one("span.fr")
            if link is None:
                continue
            url = self.absolute(str(link["href"]), column_url)
            if url is None:
                continue
            title = str(link.get("title") or "") or link.get_text(" ", strip=True)
            day = parse_day(when.get_text()) if when is not None else None
            rows.append(Lead(url, self.name, title or None, day, column_url))
        return rows

    def _search(self, fetcher: Fetcher, query: str, window: Window) -> Iterator[Lead]:
        referer = self.base_url + "/"

        def fetch_page(number: int) -> list[Lead] | None:
            params = {
                "websiteid": self.options["website_id"],
                "q": query,
                "p": number + 1,
                "pg": self.options["search_page_size"],
            }
            api_url = f"{self.base_url}{SEARCH_PATH}?{urlencode(params)}"
            page = self.list_page(fetcher, api_url, referer=referer)
            rows = []
            for record in search_records(page.body):
                url = self.absolute(str(record.get("url") or ""), referer)
                title = _TAG.sub("", str(record.get("title") or "")).strip()
                if url is not None:
                    rows.append(Lead(url, self.name, title or None, _record_day(record), referer))
            return rows

        max_pages = self.options["max_pages"]
        yield from walk_pages(fetch_page, max_pages=max_pages, **window._asdict())
