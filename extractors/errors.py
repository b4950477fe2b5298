"""The one exception hierarchy of quota-tracker.

    QuotaError                  anything a user can cause or meet; the CLI prints one line
    ├── ConfigError             bad sources file, bad option value, unknown source
    ├── FetchError              a download that did not give a usable page
    │   ├── BlockedError        robots.txt forbids it, or a host outside a source's allow-list
    │   ├── ChallengeError      an anti-bot challenge page (HTTP 412, or a tiny script page)
    │   ├── TooLargeError       the body went over the size cap
    │   └── HTTPStatusError     a final 4xx/5xx after retries
    ├── ExtractError            a page that cannot be decoded or read
    └── StoreError              the database cannot be opened, migrated or written

It lives in ``extractors`` because that package depends on nothing, so ``models`` and
``scraper`` can both import it.
"""

from __future__ import annotations


class QuotaError(Exception):
    """Base class: every error the CLI reports as one line."""

    exit_code = 1


class ConfigError(QuotaError):
    exit_code = 2


class FetchError(QuotaError):
    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class BlockedError(FetchError):
    pass


class ChallengeError(FetchError):
    pass


class TooLargeError(FetchError):
    pass


class HTTPStatusError(FetchError):
    pass


class ExtractError(QuotaError):
    pass


class StoreError(QuotaError):
    exit_code = 4
