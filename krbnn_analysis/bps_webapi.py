"""Parse BPS WebAPI ``data`` responses into tidy tables.

A response (``model=data``) carries code lists — ``vervar`` (regions), ``var`` (the variable),
``turvar`` (derived variable / breakdown), ``tahun`` (years), ``turtahun`` (sub-year periods) — and a
``datacontent`` mapping whose keys are the *concatenation* of one code from each list, in that order,
without separators: Gini ``51009819112161`` = 5100 / 98 / 191 / 121 / 61. Code widths vary between
variables and even inside one list (turtahun 1 and 13), so keys are never cut at fixed positions.
Instead every combination of the listed codes is concatenated and matched to the keys; a key that no
combination produces, or a key two combinations produce, is an error naming the key.

Quirks handled (all seen in recorded responses): ``turvar`` ``val`` given as the string "0" when there
is no breakdown but as an integer otherwise; labels with HTML tags, including a malformed
``<b>JAWA TIMUR<b>``; values that are integers, floats, negative, "-" or empty (→ missing).

Reference: BPS WebAPI documentation, https://webapi.bps.go.id/documentation/ (model ``data``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from krbnn_analysis.errors import ParseError

CODE_LISTS = ("vervar", "var", "turvar", "tahun", "turtahun")
MONTHS_ID = {
    "januari": 1,
    "februari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
}
ANNUAL_LABELS = {"tahun", "tahunan"}
TIDY_COLUMNS = [
    "vervar",
    "region_label",
    "var",
    "var_label",
    "turvar",
    "turvar_label",
    "year",
    "turtahun",
    "turtahun_label",
    "month",
    "is_annual",
    "value",
    "unit",
    "key",
]

_TAG = re.compile(r"<[^>]*>?")


def clean_label(label: object) -> str:
    """Strip HTML tags (also unclosed ones), unescape entities and collapse whitespace."""
    text = html.unescape(_TAG.sub(" ", str(label)))
    return re.sub(r"\s+", " ", text).strip()


def month_of(label: str) -> int | None:
    """Month named in a sub-period label: 'Semester 1 (Maret)' → 3, 'Agustus' → 8, 'Tahunan' → None."""
    words = re.findall(r"[a-z]+", label.lower())
    for word in words:
        if word in MONTHS_ID:
            return MONTHS_ID[word]
    return None


def bps_region_code(vervar: str) -> str:
    """WebAPI region code → BPS code: '9999' → '00' (Indonesia), '5100' → '51', '5171' stays."""
    if vervar == "9999":
        return "00"
    if len(vervar) == 4 and vervar.endswith("00"):
        return vervar[:2]
    return vervar


def _code_list(payload: Mapping[str, Any], name: str, source: str) -> pd.DataFrame:
    entries = payload.get(name)
    if entries is None:
        raise ParseError(f"response has no {name!r} code list", file=source, column=name)
    if not isinstance(entries, list) or not entries:
        raise ParseError(f"code list {name!r} is empty or not a list", file=source, column=name)
    rows = []
    for position, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or "val" not in entry:
            raise ParseError(f"entry without 'val': {entry!r}", file=source, column=name, row=position)
        code = str(entry["val"]).strip()  # turvar "0" (string) and 191 (integer) alike
        if not code.isdigit():
            raise ParseError(f"code {entry['val']!r} is not numeric", file=source, column=name, row=position)
        rows.append((code, clean_label(entry.get("label", ""))))
    frame = pd.DataFrame(rows, columns=[name, f"{name}_label"])
    if frame[name].duplicated().any():
        dup = frame.loc[frame[name].duplicated(), name].iloc[0]
        raise ParseError(f"code {dup!r} listed twice", file=source, column=name)
    return frame


def _to_number(raw: pd.Series, keys: pd.Series, source: str) -> pd.Series:
    text = raw.map(lambda v: "" if v is None else str(v).strip())
    missing = text.isin(["", "-", "–", "…", "...", "NA", "null"])
    numbers = pd.to_numeric(text.where(~missing), errors="coerce")
    bad = ~missing & numbers.isna()
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy())[0])
        raise ParseError(
            f"value {raw.iloc[position]!r} is not a number",
            file=source,
            column="datacontent",
            row=f"key {keys.iloc[position]}",
        )
    return numbers.astype("float64")


def parse_response(payload: Mapping[str, Any], *, source: str = "<response>") -> pd.DataFrame:
    """Tidy table of one WebAPI ``data`` response (one row per ``datacontent`` cell).

    Columns: vervar (WebAPI region code), region_label, var, var_label, turvar, turvar_label, year,
    turtahun, turtahun_label, month (named in the sub-period label, else missing), is_annual, value
    (float, missing for '-' or empty), unit, key.
    """
    if not isinstance(payload, Mapping):
        raise ParseError("response is not a JSON object", file=source)
    status = payload.get("status")
    if status is not None and status != "OK":
        raise ParseError(f"response status is {status!r}, not 'OK'", file=source, column="status")
    if payload.get("data-availability") not in (None, "available"):
        raise ParseError(
            f"data-availability is {payload.get('data-availability')!r}",
            file=source,
            column="data-availability",
        )
    content = payload.get("datacontent")
    if not isinstance(content, Mapping):
        raise ParseError("response has no 'datacontent' object", file=source, column="datacontent")

    lists = [_code_list(payload, name, source) for name in CODE_LISTS]
    combos = lists[0]
    for frame in lists[1:]:
        combos = combos.merge(frame, how="cross")
    combos["key"] = combos[list(CODE_LISTS)].agg("".join, axis=1)
    clash = combos["key"].duplicated(keep=False)
    if clash.any():
        used = combos.loc[clash & combos["key"].isin(content.keys()), "key"]
        if len(used):
            raise ParseError(
                "key is produced by two different code combinations",
                file=source,
                column="datacontent",
                row=f"key {used.iloc[0]}",
            )
        combos = combos.loc[~clash]

    cells = pd.DataFrame({"key": list(content.keys()), "raw": list(content.values())})
    cells["key"] = cells["key"].astype(str)
    table = cells.merge(combos, on="key", how="left", validate="one_to_one")
    unmatched = table["vervar"].isna()
    if unmatched.any():
        key = table.loc[unmatched, "key"].iloc[0]
        raise ParseError(
            f"key matches no combination of the listed codes ({int(unmatched.sum())} such keys)",
            file=source,
            column="datacontent",
            row=f"key {key}",
        )

    years = pd.to_numeric(table["tahun_label"], errors="coerce")
    if years.isna().any():
        label = table.loc[years.isna(), "tahun_label"].iloc[0]
        raise ParseError(f"year label {label!r} is not a year", file=source, column="tahun")
    var_entry = payload["var"][0]
    table["var_label"] = clean_label(var_entry.get("label", ""))
    table["unit"] = clean_label(var_entry.get("unit", ""))
    table["year"] = years.astype("int64")
    table["month"] = table["turtahun_label"].map(month_of).astype("Int64")
    table["is_annual"] = table["turtahun_label"].str.lower().isin(ANNUAL_LABELS)
    table["value"] = _to_number(table["raw"], table["key"], source)
    table = table.rename(columns={"vervar_label": "region_label"})
    return table[TIDY_COLUMNS].sort_values("key", kind="mergesort").reset_index(drop=True)


def read_recorded(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """The responses held in a recorded file, as (label, payload) pairs.

    Understands the raw response, the ``{captured_at, request, payload}`` wrapper of
    feb027/etl-bps-dashboard-analitik and the ``{"th_125": {success, data, …}}`` wrapper of
    kamilramadhan/GIS-Microservice.
    """
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 text ({error.reason})", file=path) from None
    except json.JSONDecodeError as error:
        raise ParseError(
            f"invalid JSON (truncated?): {error.msg}", file=path, row=f"line {error.lineno} col {error.colno}"
        ) from None
    if not isinstance(document, dict):
        raise ParseError("top level is not a JSON object", file=path)
    if "datacontent" in document:
        return [(path.name, document)]
    if "payload" in document:
        return [(path.name, document["payload"])]
    wrapped = [(k, v) for k, v in document.items() if isinstance(v, dict) and "data" in v]
    if wrapped:
        for key, item in wrapped:
            if item.get("success") is False:
                raise ParseError("recorded request did not succeed", file=path, column=key)
        return [(key, item["data"]) for key, item in sorted(wrapped)]
    raise ParseError(
        "no WebAPI response found (expected 'datacontent', 'payload' or wrapped 'data')", file=path
    )


def parse_file(path: Path) -> pd.DataFrame:
    """All responses of a recorded file, parsed and stacked."""
    responses = read_recorded(path)
    frames = [
        parse_response(payload, source=str(path) if len(responses) == 1 else f"{path}:{label}")
        for label, payload in responses
    ]
    return pd.concat(frames, ignore_index=True)
