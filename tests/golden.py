"""Golden files: the facts each saved page states, set against what the extractor finds.

    python tests/golden.py diff [TEXT ...]

runs the extractor over every fixture page that has a ``<page>.facts.json`` beside it (only
pages whose path contains one of the TEXTs, if given) and prints, per page, the facts the
extractor missed and the facts it found that the golden file does not have. It exits 1 when
any page differs. It never writes a golden file: those are typed by hand from the page and
read against it by a person (``fixtures/README.md``), so the extractor cannot grade itself.

The same functions back ``tests/test_golden.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractors.facts import Extraction

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "fixtures" / "sites"
GOLDEN_SUFFIX = ".facts.json"

# A fact as scored (FACTS.md): the key fields plus the status.
FACT_FIELDS = (
    "commodity",
    "quota_type",
    "year",
    "period",
    "category",
    "holder",
    "amount_t",
    "status",
)
FactKey = tuple[Any, ...]

# The FACTS.md vocabulary, repeated here so that golden files can be checked without the extractor.
COMMODITIES = {"rare_earth", "tungsten", "antimony"}
QUOTA_TYPES = {"mining", "smelting_separation", "export"}
CATEGORIES = {None, "light", "medium_heavy", "tungsten_primary", "tungsten_byproduct"}
STATUSES = {"official", "reported"}
COMPANIES = {
    "china_rare_earth_group",
    "china_northern_rare_earth",
    "xiamen_tungsten",
    "guangdong_rare_earth",
    "china_minmetals",
    "chinalco_rare_earth",
    "china_southern_rare_earth",
}
PERIOD = re.compile(r"annual|(?:batch|cumulative):[1-9]")  # annual, batch:2, cumulative:2
PROVINCE = re.compile(r"province:[a-z]+")  # province:neimenggu (toneless pinyin, no spaces)

# Category parts that make up a whole (the whole has category null), per commodity.
CATEGORY_PARTS = {
    "rare_earth": ("light", "medium_heavy"),
    "tungsten": ("tungsten_primary", "tungsten_byproduct"),
}

# Fixture pages carry no Content-Type of their own; a server would send these, by suffix.
CONTENT_TYPES = {".txt": "text/plain"}
DEFAULT_CONTENT_TYPE = "text/html"


@dataclass(frozen=True)
class Golden:
    """One golden file and the page beside it."""

    path: Path  # the .facts.json file
    url: str
    published: date
    facts: frozenset[FactKey]

    @property
    def page(self) -> Path:
        return self.path.with_name(self.path.name.removesuffix(GOLDEN_SUFFIX))

    @property
    def name(self) -> str:
        """The page's path under fixtures/sites, e.g. ``www.gov.cn/zhengce/...htm``."""
        return self.page.relative_to(SITES).as_posix()


def golden_files(sites: Path = SITES) -> list[Path]:
    return sorted(sites.rglob(f"*{GOLDEN_SUFFIX}"))


def normalise_amount(amount: float | int | None) -> float | int | None:
    """94580.0 and 94580 are one amount; keep integers as int so messages read well."""
    if amount is not None and float(amount).is_integer():
        return int(amount)
    return amount


def fact_key(fact: Mapping[str, Any]) -> FactKey:
    return tuple(
        normalise_amount(fact[name]) if name == "amount_t" else fact[name] for name in FACT_FIELDS
    )


def sort_key(key: FactKey) -> tuple[Any, ...]:
    """The order golden files list their facts in: nulls sort as empty strings."""
    commodity, quota_type, year, period, category, holder, amount, _ = key
    return (commodity, quota_type, year, period, category or "", holder or "", amount or 0)


def load_golden(path: Path) -> Golden:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Golden(
        path=path,
        url=data["url"],
        published=date.fromisoformat(data["published"]),
        facts=frozenset(fact_key(fact) for fact in data["facts"]),
    )


def golden_problems(path: Path) -> list[str]:
    """Everything wrong with the form of one golden file; empty when it is well formed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"not JSON: {exc}"]
    if not isinstance(data, dict) or set(data) != {"url", "published", "facts"}:
        return ['want exactly the keys "url", "published", "facts"']
    problems = []
    page = path.with_name(path.name.removesuffix(GOLDEN_SUFFIX))
    if not page.is_file():
        problems.append(f"no page beside it: {page.name}")
    expected_url = "https://" + page.relative_to(SITES).as_posix()
    if data["url"] != expected_url:
        problems.append(f"url {data['url']!r} is not where the page lies ({expected_url!r})")
    try:
        date.fromisoformat(data["published"])
    except (TypeError, ValueError):
        problems.append(f"published {data['published']!r} is not YYYY-MM-DD")
    facts = data["facts"]
    if not isinstance(facts, list):
        return [*problems, "facts must be a list (empty for a page that states no quota)"]
    for number, fact in enumerate(facts, 1):
        problems.extend(f"fact {number}: {problem}" for problem in fact_problems(fact))
    if problems:
        return problems
    keys = [fact_key(fact) for fact in facts]
    if len(set(keys)) != len(keys):
        problems.append("a fact is listed twice")
    if keys != sorted(keys, key=sort_key):
        problems.append("facts are not sorted by (commodity, quota_type, year, period, ...)")
    return problems


def fact_problems(fact: Any) -> list[str]:
    if not isinstance(fact, dict) or set(fact) != set(FACT_FIELDS):
        return [f"want exactly the fields {', '.join(FACT_FIELDS)}"]
    checks = [
        (fact["commodity"] in COMMODITIES, "commodity"),
        (fact["quota_type"] in QUOTA_TYPES, "quota_type"),
        (type(fact["year"]) is int and 1990 <= fact["year"] <= 2100, "year"),
        (isinstance(fact["period"], str) and PERIOD.fullmatch(fact["period"]), "period"),
        (fact["category"] in CATEGORIES, "category"),
        (_is_holder(fact["holder"]), "holder"),
        (_is_amount(fact["amount_t"]), "amount_t (an integer, or null for an undisclosed volume)"),
        (fact["status"] in STATUSES, "status"),
    ]
    return [f"bad {name}: {fact[name.split()[0]]!r}" for ok, name in checks if not ok]


def _is_amount(amount: Any) -> bool:
    return amount is None or (type(amount) is int and amount > 0)


def _is_holder(holder: Any) -> bool:
    return (
        holder is None
        or holder in COMPANIES
        or bool(isinstance(holder, str) and PROVINCE.fullmatch(holder))
    )


def arithmetic_problems(facts: Iterable[FactKey]) -> list[str]:
    """Figures of one notice that do not add up: a hand-typing slip in the golden file.

    Where a whole and both its category parts are given (for one holder), the parts sum to
    the whole; the parts held by companies or provinces never exceed the national figure.
    """
    amounts: dict[tuple[Any, ...], int] = {}
    for commodity, quota_type, year, period, category, holder, amount, _ in facts:
        if amount is None:
            continue
        amounts[(commodity, quota_type, year, period, category, holder)] = amount
    problems = []
    for (commodity, quota_type, year, period, category, holder), whole in amounts.items():
        parts = CATEGORY_PARTS.get(commodity, ())
        if category is not None or not parts:
            continue
        values = [
            amounts.get((commodity, quota_type, year, period, part, holder)) for part in parts
        ]
        if None not in values and sum(v for v in values if v is not None) != whole:
            where = f"{commodity} {quota_type} {year} {period} {holder or 'national'}"
            problems.append(f"{where}: {' + '.join(map(str, values))} != {whole}")
    held: dict[tuple[Any, ...], int] = defaultdict(int)
    for (commodity, quota_type, year, period, category, holder), amount in amounts.items():
        if holder is not None:
            kind = "province" if holder.startswith("province:") else "company"
            held[(commodity, quota_type, year, period, category, kind)] += amount
    for (commodity, quota_type, year, period, category, kind), total in held.items():
        national = amounts.get((commodity, quota_type, year, period, category, None))
        if national is not None and total > national:
            where = f"{commodity} {quota_type} {year} {period} {category or 'all'}"
            problems.append(f"{where}: {kind} parts sum to {total} > national {national}")
    return problems


def extract_page(golden: Golden, *, gate: bool = True) -> Extraction:
    """The page's extraction; ``gate=False`` reads it in full even if the relevance gate would
    settle it (a page without quota words keeps no date or text then)."""
    from extractors import extract  # late: golden files can be checked before extractors exist

    content_type = CONTENT_TYPES.get(golden.page.suffix, DEFAULT_CONTENT_TYPE)
    return extract(golden.page.read_bytes(), golden.url, content_type=content_type, gate=gate)


def extracted_keys(extraction: Extraction) -> frozenset[FactKey]:
    """The facts compared: issuances without a disclosed volume are kept, as the timeline needs
    them (FACTS.md leaves them out of precision and recall, not out of the product)."""
    return frozenset(
        fact_key({name: getattr(fact, name) for name in FACT_FIELDS}) for fact in extraction.facts
    )


def describe_diff(expected: frozenset[FactKey], found: frozenset[FactKey]) -> str:
    """A readable list of the facts missing and extra; empty when the sets are equal."""
    missing = sorted(expected - found, key=sort_key)
    extra = sorted(found - expected, key=sort_key)
    lines = []
    if missing:
        lines.append(f"missing ({len(missing)}):")
        lines.extend(f"  - {_show(key)}" for key in missing)
    if extra:
        lines.append(f"extra ({len(extra)}):")
        lines.extend(f"  + {_show(key)}" for key in extra)
    return "\n".join(lines)


def _show(key: FactKey) -> str:
    commodity, quota_type, year, period, category, holder, amount, status = key
    return (
        f"{commodity} {quota_type} {year} {period} category={category} holder={holder} "
        f"amount_t={amount} [{status}]"
    )


def diff(needles: Sequence[str] = ()) -> int:
    """Print the disagreements between extractor and golden files; 1 if there are any."""
    differing = 0
    paths = [p for p in golden_files() if not needles or any(n in str(p) for n in needles)]
    for path in paths:
        golden = load_golden(path)
        extraction = extract_page(golden)
        found = extracted_keys(extraction)
        report = describe_diff(golden.facts, found)
        if extraction.error:
            report = f"extraction error: {extraction.error}\n{report}".rstrip()
        matched = len(golden.facts & found)
        status = "differs" if report else "ok"
        print(f"{golden.name}: {matched}/{len(golden.facts)} matched, {len(found)} found, {status}")
        if report:
            differing += 1
            print("\n".join(f"    {line}" for line in report.splitlines()))
    print(f"{len(paths)} golden page(s), {differing} differ")
    return 1 if differing else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="golden.py", description="Check the golden files.")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("diff", help="extractor vs golden facts, page by page")
    show.add_argument("needles", nargs="*", metavar="TEXT", help="only pages whose path has TEXT")
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run as a script from anywhere: find the packages
    return diff(args.needles)


if __name__ == "__main__":
    sys.exit(main())
