"""Registry of regions: Indonesia, its 38 provinces, and the 41 kab/kota of Bali, NTB and NTT.

Codes are BPS codes: ``"00"`` Indonesia, two digits for a province (``"51"`` Bali), four digits for a
kab/kota (``"5171"`` Kota Denpasar). Kemendagri (Ministry of Home Affairs) codes are dotted
(``"53.01"``) and, for NTT, number the kab/kota in a different order: 16 of NTT's 22 differ. The
mapping below is explicit, one row per kab/kota, and is never derived by position or sorting.

Sources of the kab/kota table: Kemendagri codes and official names from cahyadsn/wilayah_boundaries
(Kepmendagri No 300.2.2-2430 Tahun 2025); BPS codes from
``boundaries/kabkota_codes_kemendagri_bps_bali_ntb_ntt.csv`` in the upstream folder, cross-checked by
name against the BPS-coded Bappenas PDRB export, the QuaRCS district files and the BPS WebAPI
mean-years-of-schooling response (``tests/test_regions.py`` repeats those checks). Not yet checked
against the BPS Master File Desa.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from krbnn_analysis.errors import AmbiguousRegionError, UnknownLanguageError, UnknownRegionError

INDONESIA = "00"
KR_BNN_PROVINCES: tuple[str, ...] = ("51", "52", "53")


@dataclass(frozen=True)
class Region:
    code: str  # BPS code
    name: str  # official Indonesian name, e.g. "Kabupaten Bima", "Nusa Tenggara Barat"
    name_en: str
    level: str  # "country" | "province" | "kabkota"
    parent: str | None = None  # BPS code of the province (kab/kota) or of Indonesia (province)
    kemendagri: str | None = None  # dotted Kemendagri code (kab/kota only)
    short_name: str | None = None  # name without "Kabupaten"; cities keep "Kota", as BPS tables write them
    abbreviation: str | None = None

    def label(self, lang: str = "id") -> str:
        if lang == "id":
            return self.abbreviation or self.short_name or self.name
        if lang == "en":
            return self.abbreviation or self.name_en
        raise UnknownLanguageError(f"unknown language {lang!r}; use one of 'id', 'en'")


# (BPS code, Indonesian name, English name, extra aliases)
_PROVINCES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("11", "Aceh", "Aceh", ("NANGROE ACEH DARUSALAM", "NANGGROE ACEH DARUSSALAM")),
    ("12", "Sumatera Utara", "North Sumatra", ("NORTH SUMATERA",)),
    ("13", "Sumatera Barat", "West Sumatra", ("WEST SUMATERA",)),
    ("14", "Riau", "Riau", ()),
    ("15", "Jambi", "Jambi", ()),
    ("16", "Sumatera Selatan", "South Sumatra", ("SOUTH SUMATERA",)),
    ("17", "Bengkulu", "Bengkulu", ()),
    ("18", "Lampung", "Lampung", ()),
    ("19", "Kepulauan Bangka Belitung", "Bangka Belitung Islands", ("BANGKA BELITUNG",)),
    ("21", "Kepulauan Riau", "Riau Islands", ()),
    ("31", "DKI Jakarta", "Jakarta", ("DAERAH KHUSUS IBUKOTA JAKARTA",)),
    ("32", "Jawa Barat", "West Java", ()),
    ("33", "Jawa Tengah", "Central Java", ()),
    ("34", "DI Yogyakarta", "Yogyakarta", ("DAERAH ISTIMEWA YOGYAKARTA", "DIY")),
    ("35", "Jawa Timur", "East Java", ()),
    ("36", "Banten", "Banten", ()),
    ("51", "Bali", "Bali", ()),
    ("52", "Nusa Tenggara Barat", "West Nusa Tenggara", ("NTB",)),
    ("53", "Nusa Tenggara Timur", "East Nusa Tenggara", ("NTT",)),
    ("61", "Kalimantan Barat", "West Kalimantan", ()),
    ("62", "Kalimantan Tengah", "Central Kalimantan", ()),
    ("63", "Kalimantan Selatan", "South Kalimantan", ()),
    ("64", "Kalimantan Timur", "East Kalimantan", ()),
    ("65", "Kalimantan Utara", "North Kalimantan", ()),
    ("71", "Sulawesi Utara", "North Sulawesi", ()),
    ("72", "Sulawesi Tengah", "Central Sulawesi", ()),
    ("73", "Sulawesi Selatan", "South Sulawesi", ()),
    ("74", "Sulawesi Tenggara", "Southeast Sulawesi", ()),
    ("75", "Gorontalo", "Gorontalo", ()),
    ("76", "Sulawesi Barat", "West Sulawesi", ()),
    ("81", "Maluku", "Maluku", ()),
    ("82", "Maluku Utara", "North Maluku", ()),
    ("91", "Papua Barat", "West Papua", ()),
    ("92", "Papua Barat Daya", "Southwest Papua", ()),
    ("94", "Papua", "Papua", ()),
    ("95", "Papua Selatan", "South Papua", ()),
    ("96", "Papua Tengah", "Central Papua", ()),
    ("97", "Papua Pegunungan", "Highland Papua", ()),
)

# (BPS code, Kemendagri code, official name, English name). Order follows BPS codes; the Kemendagri
# column is the explicit mapping (README "Region codes" table of the upstream folder).
_KABKOTA: tuple[tuple[str, str, str, str], ...] = (
    ("5101", "51.01", "Kabupaten Jembrana", "Jembrana Regency"),
    ("5102", "51.02", "Kabupaten Tabanan", "Tabanan Regency"),
    ("5103", "51.03", "Kabupaten Badung", "Badung Regency"),
    ("5104", "51.04", "Kabupaten Gianyar", "Gianyar Regency"),
    ("5105", "51.05", "Kabupaten Klungkung", "Klungkung Regency"),
    ("5106", "51.06", "Kabupaten Bangli", "Bangli Regency"),
    ("5107", "51.07", "Kabupaten Karangasem", "Karangasem Regency"),
    ("5108", "51.08", "Kabupaten Buleleng", "Buleleng Regency"),
    ("5171", "51.71", "Kota Denpasar", "Denpasar City"),
    ("5201", "52.01", "Kabupaten Lombok Barat", "West Lombok Regency"),
    ("5202", "52.02", "Kabupaten Lombok Tengah", "Central Lombok Regency"),
    ("5203", "52.03", "Kabupaten Lombok Timur", "East Lombok Regency"),
    ("5204", "52.04", "Kabupaten Sumbawa", "Sumbawa Regency"),
    ("5205", "52.05", "Kabupaten Dompu", "Dompu Regency"),
    ("5206", "52.06", "Kabupaten Bima", "Bima Regency"),
    ("5207", "52.07", "Kabupaten Sumbawa Barat", "West Sumbawa Regency"),
    ("5208", "52.08", "Kabupaten Lombok Utara", "North Lombok Regency"),
    ("5271", "52.71", "Kota Mataram", "Mataram City"),
    ("5272", "52.72", "Kota Bima", "Bima City"),
    ("5301", "53.12", "Kabupaten Sumba Barat", "West Sumba Regency"),
    ("5302", "53.11", "Kabupaten Sumba Timur", "East Sumba Regency"),
    ("5303", "53.01", "Kabupaten Kupang", "Kupang Regency"),
    ("5304", "53.02", "Kabupaten Timor Tengah Selatan", "South Central Timor Regency"),
    ("5305", "53.03", "Kabupaten Timor Tengah Utara", "North Central Timor Regency"),
    ("5306", "53.04", "Kabupaten Belu", "Belu Regency"),
    ("5307", "53.05", "Kabupaten Alor", "Alor Regency"),
    ("5308", "53.13", "Kabupaten Lembata", "Lembata Regency"),
    ("5309", "53.06", "Kabupaten Flores Timur", "East Flores Regency"),
    ("5310", "53.07", "Kabupaten Sikka", "Sikka Regency"),
    ("5311", "53.08", "Kabupaten Ende", "Ende Regency"),
    ("5312", "53.09", "Kabupaten Ngada", "Ngada Regency"),
    ("5313", "53.10", "Kabupaten Manggarai", "Manggarai Regency"),
    ("5314", "53.14", "Kabupaten Rote Ndao", "Rote Ndao Regency"),
    ("5315", "53.15", "Kabupaten Manggarai Barat", "West Manggarai Regency"),
    ("5316", "53.17", "Kabupaten Sumba Tengah", "Central Sumba Regency"),
    ("5317", "53.18", "Kabupaten Sumba Barat Daya", "Southwest Sumba Regency"),
    ("5318", "53.16", "Kabupaten Nagekeo", "Nagekeo Regency"),
    ("5319", "53.19", "Kabupaten Manggarai Timur", "East Manggarai Regency"),
    ("5320", "53.20", "Kabupaten Sabu Raijua", "Sabu Raijua Regency"),
    ("5321", "53.21", "Kabupaten Malaka", "Malaka Regency"),
    ("5371", "53.71", "Kota Kupang", "Kupang City"),
)

_ABBREVIATIONS = {"52": "NTB", "53": "NTT"}


def _short_name(official: str) -> str:
    return official.removeprefix("Kabupaten ")


def _build_registry() -> dict[str, Region]:
    registry = {INDONESIA: Region(INDONESIA, "Indonesia", "Indonesia", "country")}
    for code, name, name_en, _ in _PROVINCES:
        registry[code] = Region(
            code, name, name_en, "province", parent=INDONESIA, abbreviation=_ABBREVIATIONS.get(code)
        )
    for code, kemendagri, name, name_en in _KABKOTA:
        registry[code] = Region(
            code,
            name,
            name_en,
            "kabkota",
            parent=code[:2],
            kemendagri=kemendagri,
            short_name=_short_name(name),
        )
    return registry


REGIONS: dict[str, Region] = _build_registry()
KEMENDAGRI_TO_BPS: dict[str, str] = {r.kemendagri: r.code for r in REGIONS.values() if r.kemendagri}
BPS_TO_KEMENDAGRI: dict[str, str] = {bps: kmd for kmd, bps in KEMENDAGRI_TO_BPS.items()}


def get(code: str) -> Region:
    """The region with this BPS code."""
    try:
        return REGIONS[code]
    except KeyError:
        raise UnknownRegionError(f"unknown BPS region code {code!r}") from None


def provinces(*, kr_bnn_only: bool = False) -> list[Region]:
    codes = KR_BNN_PROVINCES if kr_bnn_only else [c for c, r in REGIONS.items() if r.level == "province"]
    return [REGIONS[c] for c in codes]


def kabkota(province: str | None = None) -> list[Region]:
    """The 41 kab/kota of Bali, NTB and NTT (or of one of them), in BPS code order."""
    return [
        r for r in REGIONS.values() if r.level == "kabkota" and (province is None or r.parent == province)
    ]


def label(code: str, lang: str = "id") -> str:
    """Display name of a region in a briefing ("NTB", "Kota Kupang", "West Nusa Tenggara"…)."""
    return get(code).label(lang)


# --- name and code resolution ---------------------------------------------------------------------

_PUNCTUATION = re.compile(r"[.,_/\-]+")
_TRAILING_CODE = re.compile(r"\(\s*\d+\s*\)\s*$")
_SPACES = re.compile(r"\s+")


def _collapse_spaced_letters(text: str) -> str:
    """'B A L I' → 'BALI', 'D K I JAKARTA' → 'DKI JAKARTA' (a layout found in Kemendag tables)."""
    out: list[str] = []
    run: list[str] = []
    for token in text.split(" "):
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            out.append("".join(run))
            run = []
        out.append(token)
    if run:
        out.append("".join(run))
    return " ".join(out)


def normalise_name(name: str) -> str:
    """Upper-case, punctuation-free, single-spaced form used to compare names across files."""
    text = _TRAILING_CODE.sub("", str(name)).upper()
    text = re.sub(r"<[^>]*>?", " ", text)  # HTML tags from BPS labels, incl. malformed '<b>X<b>'
    text = _PUNCTUATION.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    text = _collapse_spaced_letters(text)
    for prefix in ("PROVINSI ", "PROV "):
        text = text.removeprefix(prefix)
    if text.startswith("KEP "):
        text = "KEPULAUAN " + text[4:]
    return text


@cache
def _name_index() -> dict[str, frozenset[str]]:
    """Normalised name → set of BPS codes that carry it (more than one = ambiguous)."""
    index: dict[str, set[str]] = {}

    def add(alias: str, code: str) -> None:
        index.setdefault(normalise_name(alias), set()).add(code)

    add("Indonesia", INDONESIA)
    add("Nasional", INDONESIA)
    for code, name, name_en, aliases in _PROVINCES:
        for alias in (name, name_en, *aliases):
            add(alias, code)
    for region in kabkota():
        short = region.short_name or region.name
        add(region.name, region.code)
        add(region.name_en, region.code)
        add(region.kemendagri or "", region.code)
        if short.startswith("Kota "):
            bare = short.removeprefix("Kota ")
            add(bare, region.code)  # "Denpasar", "Kupang", "Bima": ambiguous where a kabupaten shares it
            add(f"{bare} City", region.code)
        else:
            for prefix in ("", "Kab ", "Kab. ", "Kabupaten "):
                add(prefix + short, region.code)
            add(region.name_en.removesuffix(" Regency"), region.code)
    index.pop("", None)
    return {k: frozenset(v) for k, v in index.items()}


_BPS_CODE = re.compile(r"^\d{2}(\d{2})?$")
_KEMENDAGRI_CODE = re.compile(r"^\d{2}\.\d{2}$")


def to_bps_code(value: object, *, bare_name_means_kabupaten: bool = False) -> str:
    """Turn any upstream region name or code into its BPS code.

    Accepts BPS codes (``51``, ``"5171"``, the WebAPI's ``5100`` for a province and ``9999`` for
    Indonesia), dotted Kemendagri codes (``"53.01"`` → ``"5303"``), and names in the variants found
    upstream (upper case, "KAB."/"KOTA", English names, "B A L I", "KEP. RIAU", "Bali (51)").

    A bare name shared by a kabupaten and a kota ("Bima", "Kupang") raises ``AmbiguousRegionError``
    unless ``bare_name_means_kabupaten`` is set, which follows the BPS table convention that a name
    without "Kota" is the kabupaten.
    """
    if isinstance(value, bool) or value is None or (isinstance(value, float) and pd.isna(value)):
        raise UnknownRegionError(f"missing region name or code ({value!r})")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if _KEMENDAGRI_CODE.match(text):
        if text in KEMENDAGRI_TO_BPS:
            return KEMENDAGRI_TO_BPS[text]
        raise UnknownRegionError(f"unknown Kemendagri code {text!r}")
    if text.isdigit():
        if text == "9999":
            return INDONESIA
        if len(text) == 4 and text.endswith("00") and text[:2] in REGIONS:
            return text[:2]  # WebAPI province code, e.g. 5100
        if _BPS_CODE.match(text) and text in REGIONS:
            return text
        raise UnknownRegionError(f"unknown BPS region code {text!r}")
    normalised = normalise_name(text)
    codes = _name_index().get(normalised)
    if not codes:
        raise UnknownRegionError(f"unknown region name {text!r} (normalised {normalised!r})")
    if len(codes) > 1:
        kabupaten = [c for c in codes if not (REGIONS[c].short_name or "").startswith("Kota ")]
        if bare_name_means_kabupaten and len(kabupaten) == 1:
            return kabupaten[0]
        raise AmbiguousRegionError(
            f"region name {text!r} is shared by {', '.join(sorted(REGIONS[c].name for c in codes))}; "
            "use a code or a 'Kota'/'Kabupaten' prefix"
        )
    return next(iter(codes))


def harmonise(
    values: Iterable[object],
    *,
    file: str | None = None,
    column: str | None = None,
    bare_name_means_kabupaten: bool = False,
) -> list[str]:
    """Vectorised ``to_bps_code``; an unknown value raises an error naming file, column and row."""
    cache_: dict[object, str] = {}
    out: list[str] = []
    for row, value in enumerate(values):
        key = (type(value).__name__, str(value))
        if key not in cache_:
            try:
                cache_[key] = to_bps_code(value, bare_name_means_kabupaten=bare_name_means_kabupaten)
            except UnknownRegionError as error:
                kind = type(error)
                raise kind(error.reason, file=file, column=column, row=row) from None
        out.append(cache_[key])
    return out


def kemendagri_to_bps(code: str) -> str:
    """Dotted Kemendagri kab/kota code → BPS code, through the explicit table (never by position)."""
    try:
        return KEMENDAGRI_TO_BPS[code]
    except KeyError:
        raise UnknownRegionError(f"unknown Kemendagri code {code!r}") from None


def bps_to_kemendagri(code: str) -> str:
    try:
        return BPS_TO_KEMENDAGRI[code]
    except KeyError:
        raise UnknownRegionError(f"BPS code {code!r} is not one of the 41 kab/kota") from None
