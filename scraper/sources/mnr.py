"""Ministry of Natural Resources (www.mnr.gov.cn): the 通知公告 notice lists.

Static pages ``/gk/tzgg/index.html``, ``index_1.html``, ... each row
``<li><a href="./202003/t20200325_2503561.html" title="…">…</a><span>2020-03-25</span></li>``.
MNR publishes the rare earth and tungsten (sometimes antimony) mining quota notices.
"""

from __future__ import annotations

from typing import Any, ClassVar

from scraper.sources import StaticListSource, register


@register("mnr")
class MnrListing(StaticListSource):
    kind = "mnr"
    DEFAULTS: ClassVar[dict[str, Any]] = {"lists": ["/gk/tzgg/index.html"]}
    CANONICAL_HOSTS = ("www.mnr.gov.cn", "mnr.gov.cn")
    FOLLOWS_ATTACHMENTS = True  # per-group tables come as .xls/.doc/.pdf attachments
    ROW_SELECTOR = "li"  # list rows; menu items have no date and are dropped
    LINK_SELECTOR = "a[href]"
    DATE_SELECTOR = "span"
