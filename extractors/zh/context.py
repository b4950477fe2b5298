"""The reading state of the Chinese fact rules: what is in force at each point of a sentence
(year, period, commodity, and the lists of types, categories, holders, periods and years that
amounts map onto), and the rows of facts it gives. What the whole document says is in
``document``.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from extractors.dates import resolve_relative_year
from extractors.numbers import chinese_numeral
from extractors.zh.tables import TableFigure

# The commodity a category implies.
CATEGORY_COMMODITY = {
    "light": "rare_earth",
    "medium_heavy": "rare_earth",
    "tungsten_primary": "tungsten",
    "tungsten_byproduct": "tungsten",
}

# Groups that hold rare earth quotas only: a figure given to one is a rare earth figure even where
# the text has not named the commodity yet ("北方稀土获得开采指标…" under "各集团指标"). Minmetals
# and Xiamen Tungsten also trade tungsten, so they do not say which commodity a figure is.
RARE_EARTH_GROUPS = frozenset((
    "china_rare_earth_group", "china_northern_rare_earth", "guangdong_rare_earth",
    "chinalco_rare_earth", "china_southern_rare_earth",
))  # fmt: skip

AMBIGUOUS = object()  # more items in a list than amounts to map them on
UNNAMED = "?"  # a holder the text names only as "公司"
OTHER = "other"  # another commodity's place in a list of commodities
_LISTS = ("quota_type", "category", "holder")


class Token(NamedTuple):  # a tuple: a document has thousands, made fast
    start: int
    end: int
    kind: str
    value: Any  # a re.Match for pattern tokens, an id for vocabulary tokens


class Row(NamedTuple):  # a tuple: made for every figure read, so made fast
    """A fact's key and stated change, before status and evidence are known."""

    commodity: str
    quota_type: str
    year: int
    period: str
    category: str | None
    holder: str | None
    amount_t: float | None  # None for an issuance whose volume was not disclosed
    change_pct: float | None = None
    others: tuple[Row, ...] = ()  # other readings of the same figure, less likely
    issuer: str | None = None  # the one ministry its sentence names, where it names one


@dataclass
class Group:
    """The facts of one run of amounts in a sentence."""

    clause: int
    rows: list[Row]
    temporary: bool  # read inside a comparison scope


# A whole figure stated: its quota type, holder, commodity, year, period and amount.
Whole = tuple[str, str | None, str, int, str, float]
# How many whole figures stated before a "其中" its parts may divide.
MAX_WHOLES = 6


def _pick(items: list[Any], count: int, position: int) -> Any:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return items[position] if len(items) == count else AMBIGUOUS


@dataclass
class State:
    """What is in force at one point of a sentence."""

    base: date | None  # the date relative years are resolved against
    start_year: int | None  # the year in force when the sentence began
    commodity: str | None
    year: int | None
    period: str | None
    period_explicit: bool = False
    lists: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in _LISTS})
    stale: set[str] = field(default_factory=set)
    saved: State | None = None
    scope_changed: bool = False
    prior_period: str | None = None  # the period before a bare year made it annual
    cued: bool = False  # the sentence spoke of quotas
    title_cued: bool = False  # no sentence read yet, under a title that speaks of quotas
    start_period: str | None = None  # the period in force when the sentence began
    figures_since_period: bool = False  # amounts were read since the period was last named
    holders_bound: bool = False  # figures were given to the holders listed
    among: bool = False  # after "其中": figures are parts of the one before
    totals: dict[tuple[Any, ...], float] = field(default_factory=dict)  # figures before, by key
    national: bool = False  # the sentence named the national figure ("全国")
    province: str | None = None  # a provincial notice's own province ("我省")
    default_type: str | None = None  # the one quota type the document's notice sets
    default_commodity: str | None = None  # the commodity of the document's title
    last_ours: str | None = None  # our commodity before another one was named
    other_named: bool = False  # the sentence named another commodity
    year_named: bool = False  # the sentence named a year of its own
    last_row: tuple[int, str] | None = None  # year and period of its last figure (not compared)
    periods: list[str] = field(default_factory=list)  # "第一批、第二批各为…": periods in order
    alt_year: int | None = None  # the year a relative word means against the publication date
    years: list[int] = field(default_factory=list)  # "2019年至2021年…分别为…": years in order
    commodities: list[str] = field(default_factory=list)  # "稀土矿、钨矿…分别为…": in order
    last_province: str | None = None  # the province the text last named
    title_company: str | None = None  # the group the title names (an announcement's issuer)
    sentence_company: str | None = None  # the group the sentence last named
    vague: bool = False  # years were left vague ("近年来") and no year was named since
    clause_figures: bool = False  # amounts were read in the clause so far
    clause: int = 0  # clauses read in the sentence so far
    period_clause: int = -1  # the clause the period was last named in
    among_category: str | None = None  # the category of the figure a "其中" list divides
    last_category: str | None = None  # the category of the last figure read
    figure_types: list[str] = field(default_factory=list)  # the national figures' types, in order
    prior_types: list[str] = field(default_factory=list)  # figure_types of the sentence before
    figure_holder: str | None = None  # the holder of the last figure read
    scope_period: bool = False  # a period was named inside the open comparison scope
    issuers: list[str] = field(default_factory=list)  # the ministries the sentence named so far
    wholes: tuple[Whole, ...] = ()  # the last whole figures stated, for a 其中's parts
    own_year: int | None = None  # the year of the notice's own issuance, as its title names it
    read_figures: bool = False  # amounts were read in the sentence so far
    type_named: bool = False  # the sentence named a quota type so far
    trailing_holder: bool = False  # a holder was named after the sentence's last amount

    @property
    def temporary(self) -> bool:
        return self.saved is not None

    def copy(self, *, keep_lists: bool) -> State:
        """The state a next sentence starts from.

        A sentence opening with 其中, or after a ；, continues this one and keeps its
        holders; any other keeps only the quota types. Either way a list is replaced as soon
        as the sentence names its own ("…分别为X吨、Y吨。前两批合计分别为X吨、Y吨").
        """
        # After another commodity's figure ("…钼出口配额…"), a new sentence is ours again.
        commodity = self.commodity
        other = commodity is None and self.other_named  # it ended on another commodity's quota
        if commodity is None and not keep_lists:
            commodity = self.last_ours or self.default_commodity
        state = State(self.base, self.year, commodity, self.year, self.period)
        state.start_period = self.period
        state.cued = self.cued
        state.prior_types = self.figure_types
        state.province, state.default_type = self.province, self.default_type
        state.own_year, state.wholes = self.own_year, self.wholes
        state.default_commodity, state.last_ours = self.default_commodity, self.last_ours
        state.last_province, state.title_company = self.last_province, self.title_company
        if keep_lists:
            state.totals = dict(self.totals)
            state.last_category = self.last_category  # "…1.9万吨。其中，某集团…" divides it
        if not other:  # the types named with another commodity are its own
            state.lists["quota_type"] = list(self.lists["quota_type"])
        holders = self.lists["holder"]
        if keep_lists and (len(holders) == 1 or self.holders_bound):
            # "北方稀土获得…。其中岩矿型…"; not a list of recipients without figures
            # ("计划已下达至甲、乙、丙等省。其中，矿产品为…").
            state.lists["holder"] = list(holders)
            state.holders_bound = self.holders_bound
        if (
            keep_lists
            and self.province is not None
            and self.province == self.figure_holder
            and (self.trailing_holder or set(self.lists["holder"]) == {UNNAMED})
        ):
            # "…下达我区…44130吨，全部分配给某公司；钨精矿…1200吨", "…其中主采1000吨，分配给
            # 某公司200吨…；综合利用500吨": the firms a province's figure goes to do not hold
            # the next figure of the province's own notice; the province still does
            state.lists["holder"] = [self.province]
            state.holders_bound = True
        state.stale = {"quota_type", "holder"}
        return state

    def settled(self) -> State:
        """The state to carry into the next sentence: no open scope, and the year and period of
        its last figure (not a compared one). A year it only refers to ("按上年总量的一半确定")
        is read in a scope of its own, so it does not carry on either."""
        self.end_clause()
        if self.last_row is not None:
            self.year, self.period = self.last_row
        return self

    def read(self, kind: str, value: Any) -> None:
        # The commonest kinds first (each kind has one branch, so the order is only speed).
        if kind in ("quota_type", "category"):
            self._add(kind, str(value))
            self.type_named = self.type_named or kind == "quota_type"
            if kind == "category" and len(self.commodities) > 1:
                # "稀土矿钨矿…指标分两批下达，本次…岩矿型稀土…": the category names its commodity
                self.commodity = CATEGORY_COMMODITY.get(str(value), self.commodity)
                self.commodities = [self.commodity] if self.commodity else []
        elif kind == "commodity":
            self.commodity = str(value)
            self.commodities = [self.commodity]
        elif kind in ("company", "province"):
            self._add("holder", str(value))
            if kind == "province":
                self.last_province = str(value)
            else:
                self.sentence_company = str(value)
        elif kind == "year":
            self._set_year(int(value["y"]))
            if value["annual"]:
                self._set_period("annual")
        elif kind == "issuedate":
            base = self.base or (date(self.start_year, 7, 1) if self.start_year else None)
            year = int(value["y"]) if value["y"] else resolve_relative_year(value["rel"], base)
            if year is not None:
                self._set_year(year)
        elif kind == "relyear":
            base = self.base or (date(self.start_year, 7, 1) if self.start_year else None)
            year = resolve_relative_year(value["word"], base)
            alternative = None
            if self.saved is not None and self.saved.year is not None:
                # Compared with "去年": the year before the figure's own ("2012年第一批…较去年
                # 第一批" in a text of December 2011 means 2011); the publication date's
                # reading stays as a second one.
                alternative = year
                year = resolve_relative_year(value["word"], date(self.saved.year, 7, 1))
            elif self.start_year is not None and value.string.startswith("同期", value.end()):
                # "去年同期…" on its own: the same time of the year before the one the text
                # speaks of (in a text of December 2011 about 2012's quotas, 2011)
                alternative = year
                year = resolve_relative_year(value["word"], date(self.start_year, 7, 1))
            if value["word"] == "当年" and self.year is not None:
                year = self.year  # "that same year": the year the text is speaking of
            if year is not None:
                self._set_year(year)
                self.alt_year = alternative if alternative != year else None
            if value["annual"]:
                self._set_period("annual")
        elif kind == "cumulative":
            count = chinese_numeral(value["n"] or value["m"])
            if count:  # "前0批" or a garbled numeral names no running total
                self._set_period(f"cumulative:{count}")
        elif kind == "batch":
            number = chinese_numeral(value["n"])
            if number:  # "第十十十批", "第0批" name no batch
                self._set_period(f"batch:{number}")
        elif kind == "first":
            self._set_period("batch:1")
        elif kind == "half":
            first = value["half"] == "上" or value["first"] is not None
            self._set_period("batch:1" if first else "batch:2")
        elif kind == "annual":
            self._set_period("annual")
        elif kind == "sameperiod" and self.prior_period is not None:
            self._set_period(self.prior_period)  # "去年同期": last year's same batch
        elif kind in ("compare", "exclude"):
            self.open_scope()
        elif kind == "national":
            if self.last_category is not None and value.group() != "全国":
                # the sum of parts ("岩矿型X吨，离子型Y吨，合计Z吨") is of their commodity
                self.commodity = CATEGORY_COMMODITY.get(self.last_category, self.commodity)
                if len(self.lists["holder"]) == 1:
                    # "湖南省钨精矿9750吨、综合利用2050吨，合计11800吨": one holder's parts
                    self.lists["category"] = []
                    return
            self.lists["holder"] = []
            self.holders_bound = False
            self.national = True
        elif kind == "issuer":
            self.issuers.append(str(value))
        elif kind == "thisissue" and self.own_year is not None:
            self._set_year(self.own_year)  # "本次下达我区…": the notice's own issuance
        elif kind == "vague":
            self.vague = True
        elif kind == "among":
            self.among = True
            self.among_category = self.last_category
        elif kind == "ownprovince":
            # "全省…", "我省…": the notice's own province, or else the one the text last named
            # ("记者从某省获悉…。全省矿产品下达4500吨"); with neither, a holder we cannot name.
            self._add("holder", self.province or self.last_province or UNNAMED)
        elif kind == "speech":  # "…自治区政府网站发布消息:": a place quoted is no holder
            self.lists["holder"] = [
                h for h in self.lists["holder"] if not h.startswith("province:")
            ]
        elif kind in ("speaker", "stock"):
            self.sentence_company = str(value)  # "北方稀土董秘表示，公司获得…": the group spoken of
        elif kind == "unnamed":
            self._add("holder", UNNAMED)
        elif kind == "receiver" and not self.lists["holder"]:
            # "盛和资源获得…": a recipient we cannot name (in a group's own announcement, the group)
            self._add("holder", self.title_company or UNNAMED)
        elif kind == "ourcompany":
            # "北方稀土公告，公司获得…", "本公司": the group the sentence named before it, or the
            # title's (an announcement's issuer); a group named further back may not be the one
            self._add("holder", self.sentence_company or self.title_company or UNNAMED)
        elif kind == "othercommodity":
            self.last_ours = self.commodity or self.last_ours
            self.commodity, self.other_named = None, True  # "…钼出口配额12000吨": not ours
            self.commodities = [OTHER]

    def add_commodity(self, commodity: str | None) -> None:
        """A commodity listed after another ("稀土矿、钨矿…分别为", "钨、锑、萤石矿分别为"): amounts
        map on them in turn; ``None`` is another commodity's place in the list."""
        current = self.commodity if self.commodity is not None else OTHER
        listed = self.commodities if current in self.commodities[-1:] else []
        if commodity is None:
            self.last_ours = self.commodity or self.last_ours
            self.other_named = True
        self.commodity = commodity
        named = commodity if commodity is not None else OTHER
        self.commodities = [named] if named in listed else [*listed, named]

    def _add(self, name: str, value: str) -> None:
        items = self.lists[name]
        if name == "holder":
            self.trailing_holder = self.read_figures
        if name in self.stale or value in items:  # a new list begins (or it is named again)
            self.lists[name] = [value]
            self.stale.discard(name)
            if name == "holder":
                self.holders_bound = False
        else:
            items.append(value)

    def add_year(self, year: int) -> None:
        """A year listed after another ("2019年、2020年…分别为"): amounts map on them in order."""
        years = self.years if self.years and self.year == self.years[-1] else []
        self._set_year(year)
        self.years = [*years, year]

    def set_years(self, years: list[int]) -> None:
        """A span of years ("2019年至2021年"), read as the list of its years."""
        self._set_year(years[-1])
        self.years = years

    def _set_year(self, year: int) -> None:
        self.alt_year = None
        self.vague = False
        self.years = [year]
        self.year_named = True
        if self.period_explicit or self.period != "annual" or self.prior_period is None:
            # not the year's default a year named just before set ("…(2022年2月下达)，去年同期
            # 为…": the same period is the batch before the date)
            self.prior_period = self.period
        if self.figures_since_period:  # a new subject: "…13.5万吨，2023年…为25.5万吨"
            self.period, self.period_explicit = self.start_period, False
        if not self.period_explicit and (year != self.start_year or self.period is None):
            self.period = "annual"  # "2023年稀土开采指标为25.5万吨" in a 2024 text
        self.year = year
        self.scope_changed = self.scope_changed or self.temporary
        if (
            self.saved is not None
            and not self.scope_period
            and year == self.saved.year
            and self.period not in (None, "annual")
        ):
            # compared with its own year ("前两批配额已突破2003年计划数值4万吨"): not the same
            # batch of that same year, but the year's whole quota
            self.period, self.period_explicit = "annual", False

    def _set_period(self, period: str) -> None:
        self.periods = [period]
        self.period = period
        self.period_explicit = True
        self.period_clause = self.clause
        self.figures_since_period = False
        self.scope_period = self.temporary
        self.scope_changed = self.scope_changed or self.temporary

    def add_period(self, kind: str, value: Any) -> None:
        """A period listed after another ("第一批、第二批分别为…"): amounts map on them in order."""
        periods = self.periods if self.periods and self.period == self.periods[-1] else []
        self.read(kind, value)
        if self.period is not None and self.period not in periods:
            self.periods = [*periods, self.period]

    def listed(self) -> int:
        """How many periods or years are listed for amounts to map onto (1 when none are)."""
        periods = len(self.periods) if self.periods and self.periods[-1] == self.period else 1
        years = len(self.years) if self.years and self.years[-1] == self.year else 1
        return periods if years == 1 else years if periods == 1 else 0

    def running_total(self) -> str | None:
        """ "cumulative:N" when the first N batches are listed ("第一批、第二批…合计")."""
        if len(self.periods) < 2 or self.periods[-1] != self.period:
            return None
        wanted = [f"batch:{n}" for n in range(1, len(self.periods) + 1)]
        return f"cumulative:{len(self.periods)}" if self.periods == wanted else None

    def set_periods(self, periods: list[str]) -> None:
        """Batches written together ("第一、二批"), read as the list of them."""
        self._set_period(periods[-1])
        self.periods = periods

    def open_scope(self) -> None:
        if self.saved is None:
            saved = copy(self)  # as replace(self, lists=…), without re-running __init__
            saved.lists = {k: list(v) for k, v in self.lists.items()}
            self.saved = saved
            self.scope_changed = self.scope_period = False

    def mark_amounts_read(self) -> None:
        self.read_figures, self.trailing_holder = True, False
        self.stale = set(_LISTS)
        self.figures_since_period = True
        self.clause_figures = True

    def end_clause(self) -> None:
        self.end_scope()
        self.clause += 1
        if self.clause_figures:
            # A category is its clause's ("岩矿型X吨，离子型Y吨"), unless the clause gave no figure
            # at all: "离子型稀土指标与上年持平，为19150吨" is still the ionic figure.
            self.lists["category"] = []
            self.stale.discard("category")
        self.clause_figures = False
        self.stale.add("holder")  # a holder named after a clause break starts a new list

    def end_scope(self) -> None:
        if self.saved is not None:
            saved = self.saved
            self.commodity, self.year, self.period = saved.commodity, saved.year, saved.period
            self.period_explicit, self.alt_year = saved.period_explicit, saved.alt_year
            self.years = saved.years
            self.saved, self.scope_changed = None, False

    def fact_row(
        self,
        position: int,
        count: int,
        bound_type: str | None,
        amount: float,
        period: str | None = None,
    ) -> Row | None:
        """The row of the amount at ``position`` of a run of ``count``, from what is in force;
        ``period`` overrides the period in force."""
        category = _pick(self.lists["category"], count, position)
        holder = _pick(self.lists["holder"], count, position)
        if self.among and category is None and holder is not None:
            # "离子型稀土指标1.9万吨，其中某集团1.5万吨": a group's part of the ionic figure
            category = self.among_category
        types = self.lists["quota_type"]
        if bound_type:
            quota_type = bound_type
        elif category is not None and ("quota_type" in self.stale or not types):
            # "…分别为X吨、Y吨，岩矿型和离子型分别为…": parts of mining (or of export quotas)
            quota_type = "export" if types == ["export"] else "mining"
        else:
            quota_type = _pick(types, count, position)
            if quota_type is AMBIGUOUS and category is not None and "mining" in types:
                quota_type = "mining"  # "开采、冶炼分离指标…其中岩矿型N吨"
        if AMBIGUOUS in (category, holder, quota_type) or holder == UNNAMED or self.vague:
            return None
        if holder is None and self.province is not None and not self.national:
            return None  # a provincial notice's own figures without a holder: not national
        if period is None:
            listed = len(self.periods) > 1 and self.periods[-1] == self.period
            period = _pick(self.periods, count, position) if listed else self.period
        if period is AMBIGUOUS:
            return None
        year = self.year
        if len(self.years) > 1 and self.years[-1] == self.year:
            year = _pick(self.years, count, position)
            if year is AMBIGUOUS:
                return None
        commodity = None
        current = self.commodity if self.commodity is not None else OTHER
        if len(self.commodities) > 1 and self.commodities[-1] == current:
            commodity = _pick(self.commodities, count, position)
            if commodity is AMBIGUOUS or commodity == OTHER:
                return None  # "稀土矿、钨矿开采指标为…": one amount for two; "萤石矿…": not ours
        row = self._row(quota_type, category, holder, year, period, amount, commodity)
        if row is None:
            return None
        others = []
        if self.alt_year is not None:
            others.append(row._replace(year=self.alt_year))
        if row.period.startswith("batch:") and self.year_named and not self.period_explicit:
            # "2024年稀土开采指标为13.5万吨" in a story of the first batch: that batch, or the year
            others.append(row._replace(period="annual"))
        key = (quota_type, category, holder, row.commodity, row.year, row.period)
        if others:
            row = row._replace(others=tuple(others))
        if self.among and self.totals.get(key, amount) != amount:
            return None  # "总指标10万吨，其中分到各省的7万吨": a part we have no field for
        if not self.among:
            self.totals[key] = amount
            if category is None:
                whole = (quota_type, holder, row.commodity, row.year, row.period, amount)
                self.wholes = (*self.wholes[-(MAX_WHOLES - 1) :], whole)
        if not self.temporary:
            self.last_row = (row.year, row.period)
        self.last_category = row.category
        self.holders_bound = self.holders_bound or holder is not None
        self.figure_holder = holder
        return row

    def undisclosed_rows(self) -> list[Row]:
        """ "指标已下达，但未公布具体数额": one figureless fact per quota type named."""
        rows = []
        types = self.lists["quota_type"]
        if not types and (self.commodity or self.default_commodity) == "rare_earth":
            types = ["mining", "smelting_separation"]  # "今年首批稀土指标已下发": both are issued
        for quota_type in types:
            row = self._row(quota_type, None, None, self.year, self.period, None)
            if row is not None:
                rows.append(row)
        return rows

    def table_row(self, figure: TableFigure) -> Row | None:
        period = figure.period or ("annual" if figure.year is not None else self.period)
        year = figure.year if figure.year is not None else self.year
        quota_type = figure.quota_type
        if quota_type is None and figure.parts:
            # a category column without a type: parts of export quotas under an export caption,
            # or in an export notice whose caption names no type; else of mining quotas
            types = self.lists["quota_type"]
            named = types == ["export"] or (not types and self.default_type == "export")
            quota_type = "export" if named else "mining"
        elif quota_type is None and len(self.lists["quota_type"]) == 1:
            # a column of the commodity or of "指标" alone under a caption naming one type
            # ("…年稀土矿开采总量控制指标分配表" over "省（区） | 指标")
            quota_type = self.lists["quota_type"][0]
        return self._row(
            quota_type,
            figure.category,
            figure.holder,
            year,
            period,
            figure.amount_t,
            figure.commodity,
        )

    def _row(
        self,
        quota_type: str | None,
        category: str | None,
        holder: str | None,
        year: int | None,
        period: str | None,
        amount: float | None,
        commodity: str | None = None,
    ) -> Row | None:
        commodity = commodity or self.commodity
        if commodity is None and holder in RARE_EARTH_GROUPS and not self.other_named:
            commodity = "rare_earth"  # "北方稀土获得开采指标…" where no commodity was named yet
        if (category or "").startswith("tungsten_") and commodity == "antimony":
            return None  # antimony's main and by-product parts have no category of their own
        commodity = CATEGORY_COMMODITY.get(category or "") or commodity
        if quota_type is None and commodity == "rare_earth":
            quota_type = self.default_type  # "稀土矿指标2000吨" in a mining notice
        if quota_type is None and commodity in ("tungsten", "antimony"):
            quota_type = "mining"  # the only quota these two have, besides export
        if quota_type == "smelting_separation":
            category = None  # categories split mining (and export) quotas only
        if commodity is None or quota_type is None or year is None or period is None:
            return None
        issuer = None
        if len(set(self.issuers)) == 1 and commodity == "rare_earth" and quota_type != "export":
            # "而工业和信息化部下达的2009年稀土矿产品指令性生产计划为…": that ministry's figure
            issuer = self.issuers[0]
        return Row(commodity, quota_type, year, period, category, holder, amount, issuer=issuer)
