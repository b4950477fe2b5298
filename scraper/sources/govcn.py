"""www.gov.cn policy library (政策文件库), ministries' documents (部门文件).

Static pages ``/zhengce/zhengceku/bmwj/index.htm``, ``index_1.htm``, ... each row inside
``div.list`` is ``<li><h4><a href="../2022-07/28/content_5703123.htm">…</a>``
``<span class="date">2022-07-28</span></h4></li>``. gov.cn republishes MIIT's and MNR's
notices and is the most reachable of the three.
"""

from __future__ import annotations

from typing import Any, ClassVar

from scraper.sources import StaticListSource, register


@register("govcn")
class GovcnListing(StaticListSource):
    kind = "govcn"
    DEFAULTS: ClassVar[dict[str, Any]] = {"lists": ["/zhengce/zhengceku/bmwj/index.htm"]}
    CANONICAL_HOSTS = ("www.gov.cn", "gov.cn")
    FOLLOWS_ATTACHMENTS = True  # per-group tables come as .xls/.doc/.pdf attachments
    ROW_SELECTOR = "div.list li"  # the document list, not the site's navigation
    LINK_SELECTOR = "a[href]"
    DATE_SELECTOR = "span.date"
