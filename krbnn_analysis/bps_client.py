"""Fetch BPS WebAPI ``data`` responses and cache them, raw, with a provenance sidecar.

    krbnn data fetch-bps --var 291 --domain 0000 --year 2023 --year 2024

The key comes from the environment variable ``BPS_API_KEY`` or from the git-ignored file
``.bps_api_key`` at the repository root. It never appears in a log, a cached file, a sidecar, an
exception or a repr: URLs are only ever shown with the key replaced by ``<redacted>``, and errors of
the HTTP library (whose messages contain the URL) are replaced, not chained.

A response is cached under ``data/raw/bps/<domain>/var<var>_th<th>.json`` exactly as received, with
``…json.meta.json`` beside it: the redacted URL, the parameters, the retrieval time, the API's own
``last_update``, and the sha256 of the cached bytes. It is written only after it parsed as a valid
``data`` response (``krbnn_analysis.bps_webapi.parse_response``), so a broken reply never replaces a
good cache. Timeouts and retries are bounded.

Reference: BPS WebAPI, https://webapi.bps.go.id/documentation/ (``/v1/api/list/model/data/…``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from krbnn_analysis import config
from krbnn_analysis.bps_webapi import parse_response
from krbnn_analysis.errors import KrbnnError, ParseError

BASE_URL = "https://webapi.bps.go.id/v1/api/list/model/data/lang/ind"
KEY_VARIABLE = "BPS_API_KEY"
KEY_FILE_NAME = ".bps_api_key"
REDACTED = "<redacted>"
TIMEOUT = (5.0, 30.0)  # seconds: connect, read
MAX_ATTEMPTS = 3
BACKOFF_SECONDS = 2.0  # doubled after each failed attempt: 2 s, 4 s
RETRY_STATUSES = {429, 500, 502, 503, 504}


class BpsApiError(KrbnnError):
    """The WebAPI answered, but not with usable data (HTTP error, status not OK, no data)."""


class BpsRequestError(BpsApiError):
    """No answer: connection failure or timeout, after the bounded retries."""


class MissingApiKeyError(KrbnnError):
    """No key in ``BPS_API_KEY`` nor in ``.bps_api_key``."""


@dataclass(frozen=True)
class ApiKey:
    """A BPS WebAPI key that does not print itself."""

    _secret: str

    def reveal(self) -> str:
        return self._secret

    def __repr__(self) -> str:
        return f"ApiKey({REDACTED})"

    __str__ = __repr__


def api_key(environ: Mapping[str, str] | None = None, key_file: Path | None = None) -> ApiKey:
    """The key from ``BPS_API_KEY``, else from ``.bps_api_key``; ``MissingApiKeyError`` otherwise."""
    environ = os.environ if environ is None else environ
    key_file = key_file or config.REPO_ROOT / KEY_FILE_NAME
    value = environ.get(KEY_VARIABLE, "").strip()
    if not value and key_file.exists():
        value = key_file.read_text(encoding="utf-8").strip()
    if not value:
        raise MissingApiKeyError(
            f"no BPS WebAPI key: set {KEY_VARIABLE} or write it to {key_file} (git-ignored); "
            "register at https://webapi.bps.go.id/developer/"
        )
    return ApiKey(value)


def year_code(year: int) -> int:
    """BPS ``th`` code of a calendar year: ``th = year − 1900`` (2024 → 124)."""
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 2100:
        raise BpsApiError(f"year must be an integer between 1901 and 2099, not {year!r}")
    return year - 1900


def _check_code(name: str, value: object, digits: int | None = None) -> str:
    text = str(value)
    if not text.isdigit() or (digits is not None and len(text) != digits):
        width = f"{digits}-digit " if digits else ""
        raise BpsApiError(f"{name} must be a {width}number, not {value!r}")
    return text


def data_url(*, var: int | str, domain: str = "0000", th: int, key: ApiKey | None = None) -> str:
    """The request URL; with ``key=None`` the key is shown as ``<redacted>`` (for logs and sidecars)."""
    secret = key.reveal() if key is not None else REDACTED
    return (
        f"{BASE_URL}/domain/{_check_code('domain', domain, 4)}/var/{_check_code('var', var)}"
        f"/th/{_check_code('th', th)}/key/{secret}/"
    )


def cache_path(*, var: int | str, domain: str, th: int, cache_dir: Path | None = None) -> Path:
    cache_dir = cache_dir or config.data_dir() / "raw" / "bps"
    return cache_dir / domain / f"var{var}_th{th}.json"


def _get(session: Any, url: str, shown: str, sleep: Callable[[float], None]) -> Any:
    """GET with bounded retries on timeouts, connection errors and 429/5xx; never leaks ``url``."""
    import requests

    delay = BACKOFF_SECONDS
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            response = session.get(url, timeout=TIMEOUT)
        except (requests.Timeout, requests.ConnectionError) as error:
            failure = f"{type(error).__name__} on attempt {attempt} of {MAX_ATTEMPTS}"
            response = None
        else:
            if response.status_code not in RETRY_STATUSES:
                return response
            failure = f"HTTP {response.status_code} on attempt {attempt} of {MAX_ATTEMPTS}"
        if attempt < MAX_ATTEMPTS:
            sleep(delay)
            delay *= 2
    if response is None:
        raise BpsRequestError(f"no answer from {shown}: {failure}") from None
    raise BpsApiError(f"{shown} answered {failure}") from None


def _payload(response: Any, shown: str) -> dict[str, Any]:
    if response.status_code != 200:
        raise BpsApiError(f"{shown} answered HTTP {response.status_code}")
    try:
        payload = json.loads(response.content)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BpsApiError(f"{shown} returned invalid JSON ({type(error).__name__})") from None
    if not isinstance(payload, dict):
        raise BpsApiError(f"{shown} returned JSON that is not an object")
    if payload.get("status") != "OK":
        message = str(payload.get("message", ""))[:200]
        raise BpsApiError(f"{shown} answered status {payload.get('status')!r} {message}".strip())
    if payload.get("data-availability") != "available":
        raise BpsApiError(f"{shown}: data-availability is {payload.get('data-availability')!r}")
    return payload


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def fetch(
    var: int | str,
    *,
    year: int,
    domain: str = "0000",
    key: ApiKey | None = None,
    session: Any = None,
    cache_dir: Path | None = None,
    now: Callable[[], dt.datetime] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Path:
    """Fetch one ``data`` response (``var`` × ``year`` × ``domain``) and cache it; returns the path."""
    th = year_code(year)
    key = key or api_key()
    url = data_url(var=var, domain=domain, th=th, key=key)
    shown = data_url(var=var, domain=domain, th=th)
    if session is None:
        import requests

        session = requests.Session()
    response = _get(session, url, shown, sleep)
    payload = _payload(response, shown)
    try:
        parse_response(payload, source=shown)
    except ParseError as error:
        raise BpsApiError(f"{shown}: response does not parse: {error.reason}") from None
    raw = bytes(response.content)
    if key.reveal() in raw.decode("utf-8", errors="replace"):
        raise BpsApiError(f"{shown}: the response echoes the API key; not caching it")
    target = cache_path(var=var, domain=domain, th=th, cache_dir=cache_dir)
    retrieved = (now or (lambda: dt.datetime.now(dt.UTC)))().replace(microsecond=0)
    sidecar = {
        "url": shown,
        "params": {"model": "data", "domain": domain, "var": str(var), "th": th, "year": year},
        "retrieved_at": retrieved.isoformat(),
        "api_last_update": payload.get("last_update"),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "bytes": len(raw),
    }
    _atomic_write(target, raw)
    _atomic_write(
        target.with_name(target.name + ".meta.json"),
        (json.dumps(sidecar, indent=2, sort_keys=True) + "\n").encode("utf-8"),
    )
    return target
