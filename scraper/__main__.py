"""`python -m scraper` is `quotas`."""

from scraper.cli import main

main()
