"""Byte-level safety for the fetcher: capped decompression and a total time bound.

``BodyDecoder`` inflates gzip/deflate (and chains of them) without ever producing more than
a cap, so a decompression bomb costs a few KB past it. ``DeadlineBackend`` wraps httpcore's
sockets so that every connect, read and write of one response stops at a deadline: httpx's
timeouts bound each read, not their sum, and a server trickling bytes could otherwise hold a
fetch for ever.
"""

from __future__ import annotations

import logging
import time
import zlib
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from extractors.errors import FetchError, TooLargeError

log = logging.getLogger(__name__)

# Content-Encodings inflated under the cap, with their zlib window bits (identity is no-op).
INFLATE_WBITS = {
    "gzip": 16 + zlib.MAX_WBITS,
    "x-gzip": 16 + zlib.MAX_WBITS,
    "deflate": zlib.MAX_WBITS,
}


class BodyDecoder:
    """Undoes a Content-Encoding (``gzip``, ``deflate``, chains of them, ``identity``) while
    never producing more than ``limit`` bytes: ``feed`` raises ``TooLargeError`` as soon as
    the output would pass it, having inflated at most one byte more. Unknown encodings (br,
    zstd, ...) are a ``FetchError``: we never ask for them, and cannot check their size."""

    def __init__(self, content_encoding: str | None, limit: int, url: str) -> None:
        names = [n.strip().lower() for n in (content_encoding or "").split(",")]
        names = [n for n in names if n and n != "identity"]
        for name in names:
            if name not in INFLATE_WBITS:
                raise FetchError(f"unsupported Content-Encoding {name!r} from {url}", url=url)
        # The last encoding applied is undone first.
        self._stages = [_Stage(name, zlib.decompressobj(INFLATE_WBITS[name])) for name in names]
        self._stages.reverse()
        self.limit = limit
        self.size = 0  # bytes produced so far
        self.url = url

    def feed(self, data: bytes) -> bytes:
        for stage in self._stages:
            data = self._inflate(stage, data)
        self.size += len(data)
        if self.size > self.limit:
            raise TooLargeError(f"{self.url} is over the {self.limit}-byte cap", url=self.url)
        return data

    def _inflate(self, stage: _Stage, data: bytes) -> bytes:
        pieces: list[bytes] = []
        room = self.limit - self.size + 1  # one byte past the cap proves it is passed
        while data and room > 0:
            try:
                piece = stage.inflater.decompress(data, room)
            except zlib.error as exc:
                if stage.name == "deflate" and not stage.started:  # raw, without zlib's header
                    stage.inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    stage.started = True
                    continue
                message = f"corrupt {stage.name} body from {self.url}: {exc}"
                raise FetchError(message, url=self.url) from None
            stage.started = True
            pieces.append(piece)
            room -= len(piece)
            data = stage.inflater.unconsumed_tail
        return b"".join(pieces)


@dataclass
class _Stage:
    """One Content-Encoding being undone."""

    name: str
    inflater: zlib._Decompress
    started: bool = False


class DeadlineBackend(httpcore.SyncBackend):
    """Sockets whose every connect, read and write stops at ``deadline`` (a time.monotonic()
    value, set per response), so a server trickling even its headers cannot hold a fetch past
    ``max_fetch_s``: httpx's timeouts bound each read, not their sum."""

    def __init__(self) -> None:
        self.deadline: float | None = None

    def install(self, transport: httpx.HTTPTransport) -> None:
        pool = getattr(transport, "_pool", None)  # httpx keeps its httpcore pool here
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = self
        else:  # another httpx layout: the body-phase check in _read_body still bounds trickles
            log.debug("total time bound covers response bodies only with this httpx")

    def expired(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def bound(self, timeout: float | None) -> float | None:
        if self.deadline is None:
            return timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("past the total time bound")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        stream = super().connect_tcp(host, port, self.bound(timeout), local_address, socket_options)
        return DeadlineStream(stream, self)


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, backend: DeadlineBackend) -> None:
        self._stream = stream
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._backend.bound(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._backend.bound(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, self._backend.bound(timeout))
        return DeadlineStream(tls, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)
