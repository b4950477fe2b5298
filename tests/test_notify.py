"""The webhook: new facts POSTed as JSON to a local receiver on 127.0.0.1."""

from __future__ import annotations

import json
import socket
from datetime import date

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from extractors.errors import ConfigError, FetchError
from extractors.facts import QuotaFact
from scraper.notify import EVENT, post_new_facts, rows_from_extraction

FACT = QuotaFact(
    "rare_earth", "mining", 2024, "batch:2", None, None, 135000.0,
    announced=date(2024, 8, 19), evidence="The second batch was set at 135,000 t.", span=(0, 38),
)  # fmt: skip
URL = "https://www.miit.gov.cn/jgsj/ycls/wjfb/art/2024/l.html"


def test_new_facts_arrive_as_json(httpserver: HTTPServer) -> None:
    received: list[Request] = []

    def receive(request: Request) -> Response:
        received.append(request)
        return Response(status=204)

    httpserver.expect_request("/hook", method="POST").respond_with_handler(receive)
    status = post_new_facts(httpserver.url_for("/hook"), rows_from_extraction([(URL, FACT)]))
    assert status == 204
    (request,) = received
    assert request.headers["Content-Type"].startswith("application/json")
    body = json.loads(request.get_data())
    assert body["event"] == EVENT and body["count"] == 1
    (fact,) = body["facts"]
    assert fact["amount_t"] == 135000 and isinstance(fact["amount_t"], int)
    assert (fact["url"], fact["period"], fact["announced"]) == (URL, "batch:2", "2024-08-19")


def test_nothing_is_sent_without_new_facts(httpserver: HTTPServer) -> None:
    assert post_new_facts(httpserver.url_for("/hook"), []) == 0
    assert httpserver.log == []


def test_a_receiver_error_is_a_fetch_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hook").respond_with_data("down", status=503)
    with pytest.raises(FetchError, match="HTTP 503"):
        post_new_facts(httpserver.url_for("/hook"), rows_from_extraction([(URL, FACT)]))


def test_an_unreachable_receiver_is_a_fetch_error() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="could not be reached"):
        post_new_facts(f"http://127.0.0.1:{port}/hook", [{"year": 2024}], timeout=2)


def test_a_bad_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        post_new_facts("ftp://example.org/hook", [{"year": 2024}])
