"""BPS WebAPI client: caching with a sidecar, bounded retries, typed errors — and the key never leaks.

No test touches the network: a fake session stands in for ``requests``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
import requests

from krbnn_analysis import bps_client
from krbnn_analysis.bps_client import ApiKey, BpsApiError, BpsRequestError, MissingApiKeyError, api_key, fetch
from krbnn_analysis.bps_webapi import parse_file
from krbnn_analysis.cli import main

SENTINEL = "SENTINEL-KEY-7f3a9c"
KEY = ApiKey(SENTINEL)
NOW = dt.datetime(2026, 11, 29, 8, 30, tzinfo=dt.UTC)

# SYNTHETIC response in the WebAPI layout (not BPS data).
PAYLOAD = {
    "status": "OK",
    "data-availability": "available",
    "last_update": "2026-02-19 10:27:07",
    "var": [{"val": 291, "label": "Synthetic growth", "unit": "Persen"}],
    "turvar": [{"val": "0", "label": "Tidak ada"}],
    "vervar": [{"val": 5100, "label": "BALI"}, {"val": 9999, "label": "INDONESIA"}],
    "tahun": [{"val": 124, "label": "2024"}],
    "turtahun": [{"val": 0, "label": "Tahun"}],
    "datacontent": {"510029101240": 5.48, "999929101240": 5.03},
}


class FakeResponse:
    def __init__(self, status_code=200, body=PAYLOAD):
        self.status_code = status_code
        self.content = body if isinstance(body, bytes) else json.dumps(body).encode()


class FakeSession:
    """Returns the queued replies in order; an Exception instance is raised instead of returned."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.urls = []

    def get(self, url, timeout):
        assert timeout == bps_client.TIMEOUT
        self.urls.append(url)
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply


def _fetch(tmp_path, *replies, sleeps=None):
    session = FakeSession(*replies)
    path = fetch(
        291,
        year=2024,
        key=KEY,
        session=session,
        cache_dir=tmp_path,
        now=lambda: NOW,
        sleep=(sleeps.append if sleeps is not None else lambda s: None),
    )
    return path, session


def test_a_response_is_cached_raw_with_a_sidecar(tmp_path):
    path, session = _fetch(tmp_path, FakeResponse())
    assert path == tmp_path / "0000" / "var291_th124.json"
    assert session.urls == [f"{bps_client.BASE_URL}/domain/0000/var/291/th/124/key/{SENTINEL}/"]
    assert json.loads(path.read_bytes()) == PAYLOAD
    sidecar = json.loads((tmp_path / "0000" / "var291_th124.json.meta.json").read_text())
    assert sidecar["url"].endswith("/th/124/key/<redacted>/")
    assert sidecar["params"] == {"model": "data", "domain": "0000", "var": "291", "th": 124, "year": 2024}
    assert sidecar["retrieved_at"] == "2026-11-29T08:30:00+00:00"
    assert sidecar["api_last_update"] == "2026-02-19 10:27:07"
    assert sidecar["sha256"] == __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    assert parse_file(path).set_index("vervar").loc["5100", "value"] == 5.48


def test_retries_are_bounded_with_backoff(tmp_path):
    sleeps = []
    path, session = _fetch(tmp_path, requests.Timeout("t"), FakeResponse(503), FakeResponse(), sleeps=sleeps)
    assert path.exists() and len(session.urls) == 3 and sleeps == [2.0, 4.0]
    with pytest.raises(BpsRequestError, match="on attempt 3 of 3"):
        _fetch(tmp_path, *(requests.ConnectionError("c") for _ in range(3)))
    with pytest.raises(BpsApiError, match="HTTP 502 on attempt 3 of 3"):
        _fetch(tmp_path, *(FakeResponse(502) for _ in range(3)))


@pytest.mark.parametrize(
    ("reply", "match"),
    [
        (FakeResponse(404), "HTTP 404"),
        (FakeResponse(body=b'{"status": "OK", "data-av'), "invalid JSON"),
        (FakeResponse(body={"status": "Error", "message": "Invalid key"}), "status 'Error'"),
        (FakeResponse(body={**PAYLOAD, "data-availability": "list-not-available"}), "data-availability"),
        (FakeResponse(body={**PAYLOAD, "datacontent": {"51002910124": 1}}), "does not parse"),
    ],
)
def test_bad_replies_raise_typed_errors_and_cache_nothing(tmp_path, reply, match):
    with pytest.raises(BpsApiError, match=match):
        _fetch(tmp_path, reply)
    assert not list(tmp_path.rglob("*.json"))


def test_a_failed_refetch_keeps_the_good_cache(tmp_path):
    path, _ = _fetch(tmp_path, FakeResponse())
    good = path.read_bytes()
    with pytest.raises(BpsApiError):
        _fetch(tmp_path, FakeResponse(body=b"<html>maintenance</html>"))
    assert path.read_bytes() == good


# --- the key never leaks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "replies",
    [
        [requests.ConnectionError(f"HTTPSConnectionPool: Max retries exceeded with url: /key/{SENTINEL}/")]
        * 3,
        [requests.Timeout(f"read timed out: key/{SENTINEL}")] * 3,
        [FakeResponse(500)] * 3,
        [FakeResponse(body={"status": "Error", "message": f"Invalid key {SENTINEL}"[:5]})],
        [FakeResponse(body={**PAYLOAD, "echo": SENTINEL})],
    ],
)
def test_the_key_appears_in_no_error_traceback_log_or_file(tmp_path, caplog, replies):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(BpsApiError) as caught:
        _fetch(tmp_path, *replies)
    error = caught.value
    texts = [str(error), repr(error), repr(error.__cause__), repr(error.__context__), caplog.text]
    assert all(SENTINEL not in text for text in texts)
    assert error.__cause__ is None  # the HTTP library's exception (whose text has the URL) is not chained
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert SENTINEL not in path.read_text(encoding="utf-8", errors="replace")


def test_the_key_object_does_not_print_itself():
    assert SENTINEL not in repr(KEY) and SENTINEL not in str(KEY) and SENTINEL not in f"{KEY}"
    assert KEY.reveal() == SENTINEL


def test_key_from_environment_or_file_or_a_clear_error(tmp_path):
    key_file = tmp_path / ".bps_api_key"
    assert api_key({"BPS_API_KEY": f" {SENTINEL} "}, key_file).reveal() == SENTINEL
    key_file.write_text(SENTINEL + "\n")
    assert api_key({}, key_file).reveal() == SENTINEL
    with pytest.raises(MissingApiKeyError, match="BPS_API_KEY"):
        api_key({}, tmp_path / "absent")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"var": "29a", "year": 2024}, "var must be"),
        ({"var": 291, "year": 1850}, "year must be"),
        ({"var": 291, "year": "2024"}, "year must be"),
        ({"var": 291, "year": 2024, "domain": "51"}, "domain must be a 4-digit"),
    ],
)
def test_bad_parameters_are_refused_before_any_request(tmp_path, kwargs, match):
    session = FakeSession()
    with pytest.raises(BpsApiError, match=match):
        fetch(key=KEY, session=session, cache_dir=tmp_path, **kwargs)
    assert session.urls == []


def test_cli_without_a_key_prints_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("BPS_API_KEY", raising=False)
    monkeypatch.setattr(bps_client.config, "REPO_ROOT", tmp_path)
    assert main(["data", "fetch-bps", "--var", "291", "--year", "2024"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("krbnn: error: no BPS WebAPI key") and len(err.strip().splitlines()) == 1
