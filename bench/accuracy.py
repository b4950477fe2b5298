"""How right the fact rules are on real pages nobody here wrote (``bench/realpages/``).

    python bench/accuracy.py [--split dev|dev-a|dev-b|test|all] [--lang en|zh] [--show-errors]
                             [--json] [--labels FILE ...] [--texts DIR]
                             [--variant hant|hant-tw|hant-hk|fullwidth]

Each labelled page's cached text (``bench/realpages/texts/<id>.txt``; see its README for how the
cache is filled) goes through ``extractors.extract_text`` with the page's publication date, and
its facts are compared with the labels as ``shared/FACTS.md`` says: a fact matches when its
commodity, quota_type, year, period, category, holder and amount_t are all equal; a fact stated
twice in a document counts once; issuances without a volume (amount_t null) are left out.

Printed per language and split: precision, recall, F1 (over all facts), document F1 (the mean
of each page's F1, pages with neither labels nor extracted facts left out), exact pages, facts
extracted on negative pages, and the error classes: an extracted fact that differs from a missed
label in one field only is a wrong *year*, *period*, *category*, *holder*, *amount* (or *type*,
*commodity*); other extracted facts are *invented*, other labels *missed*. ``--show-errors``
lists them page by page with the sentence each extracted fact came from. Pages whose text is not
in the cache are counted and skipped.

``--variant`` rewrites each text before extraction as a repost might, the labels unchanged (the
same facts are stated): ``hant`` in traditional characters (OpenCC s2t, as a Hong Kong or Taiwan
repost; ``hant-tw`` with Taiwan's words too, s2twp; ``hant-hk``, s2hk), ``fullwidth`` with ASCII
digits and punctuation in their full-width forms. A fact lost
under a variant is a generalization bug of the rules, not of the page.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent / "realpages"))

from schema import FACT_FIELDS, fold_of, split_of  # bench/realpages/schema.py

import extractors
from bench.common import emit, parser, table

HERE = Path(__file__).resolve().parent / "realpages"
FIELD_CLASS = {
    "year": "year",
    "period": "period",
    "category": "category",
    "holder": "holder",
    "amount_t": "amount",
    "quota_type": "type",
    "commodity": "commodity",
}
CLASSES = ("year", "period", "category", "holder", "amount", "type", "commodity", "missed",
           "invented")  # fmt: skip

Key = tuple[Any, ...]


def fact_key(fact: dict[str, Any]) -> Key:
    values = [fact[name] for name in FACT_FIELDS]
    if values[-1] is not None:
        values[-1] = round(float(values[-1]), 3)
    return tuple(values)


@dataclass
class PageResult:
    id: str
    url: str
    lang: str
    split: str
    negative: bool
    gold: set[Key]
    found: set[Key]
    evidence: dict[Key, str] = field(default_factory=dict)

    @property
    def matched(self) -> set[Key]:
        return self.gold & self.found

    def errors(self) -> list[tuple[str, Key | None, Key | None]]:
        """(class, extracted, labelled) for every fact that did not match."""
        missed = sorted(self.gold - self.found, key=repr)
        out: list[tuple[str, Key | None, Key | None]] = []
        for found in sorted(self.found - self.gold, key=repr):
            for gold in missed:
                differ = [i for i, (a, b) in enumerate(zip(found, gold, strict=True)) if a != b]
                if len(differ) == 1:
                    out.append((FIELD_CLASS[FACT_FIELDS[differ[0]]], found, gold))
                    missed.remove(gold)
                    break
            else:
                out.append(("invented", found, None))
        out.extend(("missed", None, gold) for gold in missed)
        return out


def load_labels(paths: Sequence[Path]) -> list[dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record  # a later file corrects an earlier one
    return list(records.values())


# Traditional characters as OpenCC writes them: plain (s2t), Taiwan's with its words ("入口網站",
# "釋出訊息": s2twp), Hong Kong's (s2hk).
OPENCC_VARIANTS = {"hant": "s2t", "hant-tw": "s2twp", "hant-hk": "s2hk"}
# ASCII digits and punctuation (not letters, not the space) to their full-width forms (U+FF01..)
FULLWIDTH = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F) if not chr(c).isalpha()}


def variant_of(name: str | None) -> Callable[[str], str]:
    """The rewriting ``--variant name`` applies to each text (the identity without one)."""
    if name in OPENCC_VARIANTS:
        from opencc import OpenCC

        convert: Callable[[str], str] = OpenCC(OPENCC_VARIANTS[name]).convert
        return convert
    if name == "fullwidth":
        return lambda text: text.translate(FULLWIDTH)
    return lambda text: text


def run_page(record: dict[str, Any], text: str) -> PageResult:
    published = date.fromisoformat(record["published"]) if record["published"] else None
    extraction = extractors.extract_text(text, record["url"], published=published)
    found: dict[Key, str] = {}
    for fact in extraction.facts:
        if fact.amount_t is not None:
            found.setdefault(fact_key(fact.to_dict()), fact.evidence)
    gold = {fact_key(f) for f in record["facts"] if f["amount_t"] is not None}
    return PageResult(
        id=record["id"],
        url=record["url"],
        lang=record["lang"],
        split=split_of(record["url"]),
        negative=record["negative"],
        gold=gold,
        found=set(found),
        evidence=found,
    )


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(pages: Iterable[PageResult]) -> dict[str, Any]:
    pages = list(pages)
    gold = sum(len(p.gold) for p in pages)
    found = sum(len(p.found) for p in pages)
    matched = sum(len(p.matched) for p in pages)
    precision = matched / found if found else 1.0
    recall = matched / gold if gold else 1.0
    doc_f1s = []
    for page in pages:
        if page.gold or page.found:
            p = len(page.matched) / len(page.found) if page.found else 0.0
            r = len(page.matched) / len(page.gold) if page.gold else 0.0
            doc_f1s.append(f1(p, r))
    classes = Counter(kind for page in pages for kind, _, _ in page.errors())
    return {
        "pages": len(pages),
        "labelled": gold,
        "extracted": found,
        "matched": matched,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1(precision, recall), 3),
        "doc_f1": round(sum(doc_f1s) / len(doc_f1s), 3) if doc_f1s else 1.0,
        "exact_pages": sum(p.gold == p.found for p in pages),
        "negatives": sum(p.negative for p in pages),
        "facts_on_negatives": sum(len(p.found) for p in pages if p.negative),
        "errors": {kind: classes[kind] for kind in CLASSES if classes[kind]},
    }


def show(key: Key | None) -> str:
    if key is None:
        return "-"
    commodity, quota_type, year, period, category, holder, amount = key
    return f"{commodity}/{quota_type}/{year}/{period}/{category or '-'}/{holder or '-'}={amount:g}"


def print_errors(pages: Sequence[PageResult]) -> None:
    for page in pages:
        errors = page.errors()
        if not errors:
            continue
        print(f"\n{page.id} [{page.lang} {page.split}] {page.url}")
        for kind, found, gold in errors:
            line = f"  {kind:<9} got {show(found):<62} want {show(gold)}"
            print(line)
            if found is not None:
                print(f"            from: {page.evidence[found][:220]}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument(
        "--split",
        choices=("dev", "test", "all", "dev-a", "dev-b"),
        default="all",
        help="dev-a / dev-b: halves of dev, to tune on one and check the other",
    )
    ap.add_argument("--lang", choices=("en", "zh"))
    ap.add_argument("--labels", type=Path, nargs="+", default=[HERE / "labels.jsonl"])
    ap.add_argument("--texts", type=Path, default=HERE / "texts")
    ap.add_argument("--show-errors", action="store_true", help="list every error, page by page")
    ap.add_argument(
        "--variant",
        choices=("hant", "hant-tw", "hant-hk", "fullwidth"),
        help="rewrite each text first, labels unchanged: traditional characters (hant; hant-tw "
        "with Taiwan's words, hant-hk Hong Kong's) or full-width digits and punctuation "
        "(fullwidth)",
    )
    args = ap.parse_args(argv)
    rewrite = variant_of(args.variant)

    results: list[PageResult] = []
    uncached = 0
    for record in load_labels(args.labels):
        if args.lang and record["lang"] != args.lang:
            continue
        split = split_of(record["url"])
        fold = f"{split}-{fold_of(record['url'])}"  # dev-a, dev-b (test-a, test-b unused)
        if args.split != "all" and args.split not in (split, fold):
            continue
        path = args.texts / f"{record['id']}.txt"
        if not path.exists():
            uncached += 1
            continue
        results.append(run_page(record, rewrite(path.read_text(encoding="utf-8"))))
    if not results:
        print(f"no labelled page with a cached text ({uncached} uncached); see realpages/README.md")
        return 1

    groups: dict[str, list[PageResult]] = defaultdict(list)
    for page in results:
        names = [f"{page.lang} {page.split}", f"{page.lang} all", f"all {page.split}", "all"]
        if page.split == "dev" and args.split in ("dev", "dev-a", "dev-b"):
            fold = f"dev-{fold_of(page.url)}"
            names += [f"{page.lang} {fold}", f"all {fold}"]
        for name in names:
            groups[name].append(page)
    figures = {name: score(pages) for name, pages in sorted(groups.items())}
    columns = ("pages", "labelled", "extracted", "precision", "recall", "f1", "doc_f1",
               "exact_pages", "facts_on_negatives")  # fmt: skip
    rows = [[name, *(figures[name][c] for c in columns)] for name in figures]
    errors = [[name, *(figures[name]["errors"].get(c, 0) for c in CLASSES)] for name in figures]
    text = table("accuracy on real pages", ["set", *columns], rows)
    text += "\n\n" + table("error classes", ["set", *CLASSES], errors)
    if uncached:
        text += f"\n\n{uncached} labelled pages skipped: their text is not in the cache"
    if args.show_errors:
        print_errors(sorted(results, key=lambda p: (p.lang, p.split, p.id)))
        print()
    emit(text, {"uncached": uncached, "sets": figures}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
