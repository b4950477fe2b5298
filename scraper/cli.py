"""The ``quotas`` command: a thin click group over the pipeline and the store.

Every error a user can cause ends as one line on stderr and a non-zero exit code (see
``EXIT_CODES``); ``-v`` adds the details. Logging is configured here and nowhere else.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from sqlalchemy.exc import SQLAlchemyError

import extractors
from extractors.canonical import page_metadata
from extractors.errors import QuotaError
from scraper.cli_admin import register as register_admin_commands
from scraper.cli_query import register as register_query_commands
from scraper.output import FORMATS, write_rows

if TYPE_CHECKING:
    from scraper.pipeline import RunReport

# Heavy modules (the pipeline with httpx, the rule modules with trafilatura) are imported by
# the commands that use them, so `quotas query` and `quotas --help` start without them.

log = logging.getLogger("quotas")

# Exit codes, in one place. Crawls: 0 ok, 1 some documents failed, 3 nothing fetched at all.
EXIT_CODES = {
    "ok": 0,
    "partial": 1,
    "usage": 2,  # bad option or argument, bad sources file
    "nothing_fetched": 3,
    "database": 4,  # the database cannot be opened, migrated or written
    "locked": 5,  # another run holds the lock
    "output": 6,  # an output file or stdout cannot be written (a full disk, a missing folder)
    "internal": 70,  # a bug: please report it with the -v output
}

FACT_COLUMNS = (
    "commodity",
    "quota_type",
    "year",
    "period",
    "category",
    "holder",
    "amount_t",
    "status",
    "issuer",
    "change_pct",
    "evidence",
)


class QuotasGroup(click.Group):
    """Turns every error into one line and an exit code, never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        argv = list(kwargs.get("args") or (args[0] if args else sys.argv[1:]))
        verbose = any(a in ("--verbose", "-v", "-vv") for a in argv)
        sys.unraisablehook = _log_unraisable  # e.g. a zip file closed on a full disk at exit
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            _fail("interrupted", 130)
        except click.exceptions.NoArgsIsHelpError as exc:  # plain `quotas`: the help, not an error
            click.echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
            sys.exit(0)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _fail(f"{exc.format_message()}{hint}", EXIT_CODES["usage"])
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except QuotaError as exc:
            if verbose:
                log.exception("details")
            _fail(str(exc), exc.exit_code)
        except SQLAlchemyError as exc:
            if verbose:
                log.exception("details")
            orig = getattr(exc, "orig", None)
            first = (str(orig or exc).splitlines() or [type(exc).__name__])[0]
            _fail(f"database error: {first}", EXIT_CODES["database"])
        except OSError as exc:
            if verbose:
                log.exception("details")
            where = f": {exc.filename}" if exc.filename else " (writing the output)"
            _fail(f"{exc.strerror or exc}{where}", EXIT_CODES["output"])
        except Exception as exc:
            if verbose:
                log.exception("details")
            _fail(
                f"internal error: {type(exc).__name__}: {exc} (run with -v for details)",
                EXIT_CODES["internal"],
            )


def _log_unraisable(unraisable: Any) -> None:
    """An error in a finaliser is a detail for -v, not a traceback on the user's terminal."""
    exc = unraisable.exc_value
    log.debug("ignored in %r", unraisable.object, exc_info=(type(exc), exc, exc.__traceback__))


def _fail(message: str, code: int) -> None:
    click.echo(f"quotas: error: {message}", err=True)
    sys.exit(code)


class Context:
    """What every command may need, opened lazily so `extract` never touches a database."""

    def __init__(self, db: str | None, sources: Path | None, verbose: int) -> None:
        self.db_option = db
        self.sources_option = sources
        self.verbose = verbose
        self._engine: Any = None

    @property
    def database_url(self) -> str:
        from models.base import resolve_database_url

        return resolve_database_url(self.db_option)

    @property
    def engine(self) -> Any:
        if self._engine is None:
            from models.base import open_engine

            self._engine = open_engine(self.database_url)
        return self._engine

    def store(self) -> Any:
        from models.store import Store

        return Store(self.engine)

    def config(self) -> Any:
        from scraper.config import load_config

        return load_config(self.sources_option)


pass_ctx = click.make_pass_decorator(Context)


@click.group(cls=QuotasGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    metavar="URL|PATH",
    help="Database: a SQLAlchemy URL or a SQLite file path. Default: $QUOTAS_DATABASE_URL, "
    "else a per-user SQLite file (see `quotas status`).",
)
@click.option(
    "--sources",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Sources file (TOML). Default: $QUOTAS_SOURCES, else the shipped sources.toml.",
)
@click.option("-v", "--verbose", count=True, help="Log progress; -vv logs every request.")
@click.version_option(package_name="quota-tracker", prog_name="quotas")
@click.pass_context
def cli(ctx: click.Context, db: str | None, sources: Path | None, verbose: int) -> None:
    """Chinese rare earth and tungsten quotas, from official notices and the news.

    \b
    Examples:
      quotas crawl                     # the scheduled job: new notices and news
      quotas backfill --since 2018     # page back through the archives
      quotas extract notice.html --json
      quotas status
    """
    # Quiet by default: failures reach the user through the run's summary, once. -v shows the
    # warnings and progress of the library, -vv every request.
    level = {0: logging.ERROR, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:
        logging.getLogger("httpx").setLevel(logging.WARNING)
    ctx.obj = Context(db, sources, verbose)


# -- crawl, backfill ---------------------------------------------------------------------------


def _progress(enabled: bool) -> Callable[[str, int, int], None]:
    """A one-line progress bar on stderr when it is a terminal; silent in cron."""
    if not enabled:
        return lambda what, done, total: None

    def show(what: str, done: int, total: int) -> None:
        if total <= 0:  # a stream of unknown length: records so far, every 100
            if done % 100 == 0:
                click.echo(f"\r{what[-40:]:<40} {done:,} records", err=True, nl=False)
            return
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "." * (width - filled)
        end = "\n" if done >= total else ""
        click.echo(f"\r{what:<10} [{bar}] {done}/{total}", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show


def _run_crawl(
    obj: Context, kind: str, names: tuple[str, ...], *, retry_failed: bool, **window: Any
) -> RunReport:
    from models.store import HttpCache
    from scraper.fetch import Fetcher
    from scraper.lock import run_lock
    from scraper.pipeline import Pipeline
    from scraper.sources import build_sources

    config = obj.config()
    sources = build_sources(config, names or None)
    url = obj.database_url
    with run_lock(url, obj.engine, shared=True) as lease:
        store = obj.store()
        cache = HttpCache(obj.engine)

        def make_fetcher(on_request: Callable[..., None]) -> Fetcher:
            return Fetcher(config.fetch, cache=cache, on_request=on_request)

        pipeline = Pipeline(store, progress=_progress(sys.stderr.isatty()), claims=lease)
        return pipeline.crawl(
            make_fetcher,
            sources,
            kind=kind,
            retry_failed_after=timedelta(days=config.fetch.retry_failed_after_days),
            retry_failed=retry_failed,
            **window,
        )


def _summarise(report: RunReport) -> None:
    click.echo(
        f"{report.kind}: {report.leads} leads, {report.known} already stored, "
        f"{report.stored} new or changed documents, {report.unchanged} unchanged, "
        f"{report.failed} failed, {report.facts_new} new facts"
    )
    if report.attachments or report.unreadable or report.parked:
        click.echo(
            f"  {report.attachments} attachments fetched, "
            f"{len(report.unreadable)} unreadable attachments (why: below, and `quotas status`), "
            f"{report.parked} parked (failed for good lately; --retry-failed asks again)"
        )
    for url, fact in report.new_facts[:50]:
        amount = "undisclosed" if fact.amount_t is None else f"{fact.amount_t:,.0f} t"
        holder = f" {fact.holder}" if fact.holder else ""
        category = f" {fact.category}" if fact.category else ""
        click.echo(
            f"  new: {fact.year} {fact.commodity} {fact.quota_type} {fact.period}"
            f"{category}{holder} = {amount} ({fact.status})  {url}"
        )
    if len(report.new_facts) > 50:
        click.echo(f"  … and {len(report.new_facts) - 50} more (see `quotas status`)")
    counts = report.counts()
    if counts.get("archives") or counts.get("archives_done_before"):
        click.echo(
            f"archives: {counts['archives']} scanned, {counts['archives_done_before']} scanned "
            f"before; records: {counts['records']:,} read, {counts['pages']:,} pages, "
            f"{counts['gated']:,} skipped by the gate, {counts['irrelevant']:,} not about "
            f"quotas, {report.stored:,} stored"
        )
    for line in report.errors[:20]:
        click.echo(f"quotas: warning: {line}", err=True)
    if report.sources_failed:
        click.echo(f"quotas: warning: sources failed: {', '.join(report.sources_failed)}", err=True)


_RETRY_FAILED = click.option(
    "--retry-failed",
    is_flag=True,
    help="Ask again for attachments parked after failing for good (404, 410, too large), "
    "before [fetch] retry_failed_after_days (7) have passed.",
)

_NOTIFY = click.option(
    "--notify",
    metavar="URL",
    envvar="QUOTAS_NOTIFY_URL",
    help="POST the run's new facts as JSON to this webhook (default: $QUOTAS_NOTIFY_URL).",
)


def _finish(report: RunReport, notify: str | None) -> None:
    """Print the run's summary, tell the webhook, and exit with the run's code."""
    _summarise(report)
    code = report.exit_code
    if notify and report.new_facts:
        from scraper.notify import post_new_facts, rows_from_extraction

        try:
            post_new_facts(notify, rows_from_extraction(report.new_facts))
        except QuotaError as exc:
            click.echo(f"quotas: warning: {exc}", err=True)
            code = max(code, 1)
    sys.exit(code)


@cli.command()
@click.option("--source", "names", multiple=True, metavar="NAME", help="Only these sources.")
@_RETRY_FAILED
@_NOTIFY
@pass_ctx
def crawl(obj: Context, names: tuple[str, ...], retry_failed: bool, notify: str | None) -> None:
    """Fetch what is new from every source and store its facts (for cron).

    Reads the first page of each listing, fetches only pages not yet stored, and asks for
    listings conditionally, so a run with nothing new costs a few requests. Exit codes:
    0 all went well, 1 some documents failed, 2 usage or configuration error, 3 nothing
    could be fetched at all, 4 database error, 5 another run is in progress.

    \b
    Examples:
      quotas crawl
      quotas crawl --source miit
      quotas crawl --notify https://hooks.example.org/quotas
      quotas crawl --retry-failed
      QUOTAS_DATABASE_URL=/data/quotas.db quotas crawl
    """
    _finish(_run_crawl(obj, "crawl", names, retry_failed=retry_failed), notify)


@cli.command()
@click.option(
    "--since", type=click.IntRange(2000, 2100), required=True, help="Oldest year to reach."
)
@click.option(
    "--until", type=click.IntRange(2000, 2100), help="Newest year to take (default: all)."
)
@click.option("--source", "names", multiple=True, metavar="NAME", help="Only these sources.")
@_RETRY_FAILED
@_NOTIFY
@pass_ctx
def backfill(
    obj: Context,
    since: int,
    until: int | None,
    names: tuple[str, ...],
    retry_failed: bool,
    notify: str | None,
) -> None:
    """Page back through every listing until it is older than --since, storing what is new.

    \b
    Examples:
      quotas backfill --since 2018
      quotas backfill --since 2010 --until 2015 --source miit
    """
    if until is not None and until < since:
        raise click.BadParameter(f"--until {until} is before --since {since}")
    report = _run_crawl(
        obj, "backfill", names, retry_failed=retry_failed, since=since, until=until, full=True
    )
    _finish(report, notify)


# -- local pages -------------------------------------------------------------------------------

_KEEP_ALL = click.option(
    "--keep-all", is_flag=True, help="From WARC files store every page, not only those on quotas."
)
_RESCAN = click.option("--rescan", is_flag=True, help="Read archives scanned before again.")

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _page_url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--url: an absolute http(s) URL, as stored documents are keyed by it."""
    from urllib.parse import urlsplit

    if value is None:
        return None
    try:
        parts = urlsplit(value.strip())
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # "http://[::1"
        ok = False
    if not ok:
        raise click.BadParameter(f"{value!r} is not an absolute http(s) URL")
    return value.strip()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--url", callback=_page_url, help="The page's original URL (when the page does not state it)."
)
@click.option(
    "--published", type=_DATE, help="Publication date YYYY-MM-DD (when the page has none)."
)
@_KEEP_ALL
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help="Processes that read WARC records (the database has one writer).",
)
@_RESCAN
@pass_ctx
def ingest(
    obj: Context,
    paths: tuple[Path, ...],
    url: str | None,
    published: datetime | None,
    keep_all: bool,
    workers: int,
    rescan: bool,
) -> None:
    """Store saved pages (.html, .htm, .txt, .warc, .warc.gz, or folders of them) and their facts.

    Pages keep the URL they state (canonical link) or --url; WARC records keep their
    original URL and capture date. From WARC files only the pages about quotas are stored
    (--keep-all stores every page); an archive read to its end before is passed over, one a
    killed run left part-way resumes.

    \b
    Examples:
      quotas ingest saved/notice-2024.html --url https://www.miit.gov.cn/... --published 2024-02-06
      quotas ingest ~/clippings/
      quotas ingest --workers 2 CC-NEWS-20240101000000-00001.warc.gz
    """
    from scraper.pipeline import Pipeline

    pipeline = Pipeline(obj.store(), progress=_progress(sys.stderr.isatty()))
    report = pipeline.ingest(
        paths,
        url=url,
        published=published.date() if published else None,
        keep_all=keep_all,
        workers=workers,
        rescan=rescan,
    )
    _summarise(report)
    sys.exit(report.exit_code)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="A Dask scheduler (tcp://host:8786). Default: a LocalCluster for this run.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=2,
    show_default=True,
    help="Worker processes of the LocalCluster (without --scheduler).",
)
@click.option(
    "--base-url",
    default="https://data.commoncrawl.org/",
    show_default=True,
    help="What the relative paths of a warc.paths listing are relative to.",
)
@_KEEP_ALL
@_RESCAN
@pass_ctx
def scan(
    obj: Context,
    sources: tuple[str, ...],
    scheduler: str | None,
    workers: int,
    base_url: str,
    keep_all: bool,
    rescan: bool,
) -> None:
    """Scan many WARC files on a Dask cluster; store the pages about quotas and their facts.

    SOURCES are WARC files or folders of them, http(s) URLs of WARC files, and paths
    listings (warc.paths, warc.paths.gz; a file or a URL). Workers read and extract; this
    process stores. An archive scanned before is passed over; a killed scan, run again,
    redoes only the archives it had not finished.

    \b
    Examples:
      quotas scan crawl/*.warc.gz
      quotas scan https://data.commoncrawl.org/crawl-data/CC-NEWS/2024/01/warc.paths.gz
      quotas scan --scheduler tcp://10.0.0.5:8786 warc.paths
    """
    from scraper.lock import run_lock
    from scraper.scan import ScanReport
    from scraper.scan_dask import archive_locations, scan_cluster

    locations = archive_locations(sources, base_url)
    store = obj.store()
    report = ScanReport("scan")
    with run_lock(obj.database_url, obj.engine):
        run_id = store.start_run("scan")
        outcome = "interrupted"
        try:
            scan_cluster(
                store,
                locations,
                report,
                run_id=run_id,
                scheduler=scheduler,
                workers=workers,
                keep_all=keep_all,
                rescan=rescan,
                progress=_progress(sys.stderr.isatty()),
            )
            outcome = report.outcome
        finally:
            store.finish_run(run_id, outcome=outcome, counts=report.counts())
    _summarise(report)
    sys.exit(report.exit_code)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--url",
    callback=_page_url,
    help="The page's URL (default: read from the page, else the file's).",
)
@click.option(
    "--published", type=_DATE, help="Publication date YYYY-MM-DD (when the page has none)."
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object: url, title, published, language, facts.",
)
def extract(path: Path, url: str | None, published: datetime | None, as_json: bool) -> None:
    """Show the facts a page yields, storing nothing (PATH may be - for stdin).

    \b
    Examples:
      quotas extract notice.html
      curl -s https://www.gov.cn/... | quotas extract - --url https://www.gov.cn/... --json
    """
    from scraper.pipeline import PAGE_SUFFIXES, read_file

    if str(path) == "-":
        body = sys.stdin.buffer.read()
        content_type = "text/html"
        page_url = url or "stdin:"
    else:
        if path.is_dir():
            raise QuotaError(f"{path} is a folder; extract reads one page (use ingest for folders)")
        if not path.exists():
            raise QuotaError(f"no such file: {path}")
        body = read_file(path)
        content_type = PAGE_SUFFIXES.get(path.suffix.lower(), "text/html")
        page_url = url or ""
        if not page_url and content_type == "text/html":
            page_url = page_metadata(body[:20000].decode("utf-8", "replace")).get("url", "")
        page_url = page_url or path.resolve().as_uri()
    result = extractors.extract(
        body, page_url, content_type=content_type, published=published.date() if published else None
    )
    if result.error:
        raise QuotaError(f"cannot read {path}: {result.error}")
    if as_json:
        doc = {
            "url": result.url,
            "title": result.content.title,
            "published": result.content.published.date().isoformat()
            if result.content.published
            else None,
            "language": result.content.language,
            "companies": list(result.companies),
            "facts": [fact.to_dict() for fact in result.facts],
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    published_on = result.content.published.date() if result.content.published else "unknown date"
    click.echo(
        f"{result.content.title or '(no title)'}  [{published_on}, {result.content.language}]"
    )
    if not result.facts:
        click.echo("no quota facts")
        return
    write_rows(
        [f.to_dict() for f in result.facts], FACT_COLUMNS, "table", right=("amount_t", "change_pct")
    )


@cli.command()
@pass_ctx
def reextract(obj: Context) -> None:
    """Re-run the extractors over every stored raw page, replacing their facts.

    \b
    Example:
      quotas reextract
    """
    from scraper.lock import run_lock
    from scraper.pipeline import Pipeline

    with run_lock(obj.database_url, obj.engine):
        report = Pipeline(obj.store(), progress=_progress(sys.stderr.isatty())).reextract()
    click.echo(
        f"reextract: {report.stored} documents, {report.failed} unreadable, "
        f"{report.facts_new} new facts"
    )
    sys.exit(report.exit_code)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@pass_ctx
def status(obj: Context, fmt: str) -> None:
    """Where the database is, what it holds, the last runs and recent failures.

    \b
    Example:
      quotas status
    """
    from models.base import describe

    info = obj.store().status()
    where = describe(obj.database_url)  # a file path, or the URL without its password
    if fmt == "json":
        click.echo(
            json.dumps({"database": where, **info}, ensure_ascii=False, default=str, indent=2)
        )
        return
    click.echo(f"database: {where}")
    for key, value in info.items():
        if isinstance(value, list):
            click.echo(f"{key}:")
            rows = [dict(item) for item in value]
            if rows:
                write_rows(rows, list(rows[0]), fmt)
            else:
                click.echo("  (none)")
        else:
            click.echo(f"{key}: {value}")


register_query_commands(cli)
register_admin_commands(cli)


def main() -> None:
    cli(prog_name="quotas")


__all__ = ["cli", "main"]
