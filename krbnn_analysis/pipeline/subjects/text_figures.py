"""Figures that exist only in text, in one table shape read by one parser (``tidy_figures``):

* ``text_figures``: numbers from news reports of BPS releases, BPS pages and a World Bank DAPOER extract;
* ``energy_text_figures``: energy numbers quoted in news, PLN/ESDM/BPS pages and documents.

Both upstream files have the columns region (``province`` / ``region``), indicator, year, value, unit,
source_title and source_url_or_repo_path. Nothing is corrected; each row is tagged so it can be used with
care:

* ``indicator``: a snake_case identifier; a parenthetical qualifier of the upstream name moves to
  ``indicator_note`` ("avg_foreign_visitor_spending_per_visit (Passenger Exit Survey)");
* ``region_code``: the province (or 00 Indonesia) the figure lies in; ``kabkota_code`` where the region or
  the indicator names a kab/kota; ``area`` the system, island or plant when the figure covers less;
* ``year`` parsed from the raw period text where unambiguous (``period_raw`` keeps the text);
  ``period_within_year`` from a month in the period or explicit tokens of the indicator name;
* ``topic`` from the indicator name through ``TOPIC_RULES`` (exactly one rule must match; energy rows:
  energy);
* ``source_kind``: database_extract (the DAPOER rows), official_release (bps.go.id pages) or news_or_web;
* ``flags``: the known issues of the upstream README (see ``FLAGS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.errors import SchemaValidationError, UnknownRegionError
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import join_flags, require
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles
from krbnn_analysis.validation import first_position

FIGURES = "figures-statistics-from-text"
ENERGY_FIGURES = "figures-energy-from-text"
# BPS GRDP table of May 2021 (the source of `grdp`): the DAPOER GRDP rows are compared with it.
ARCHENSYS = "bps-prov-grdp-energy-pop-2010-2020-archensys"

# --- facts of the upstream releases, checked on every build ----------------------------------------------

EXPECTED_ROWS = 247
EXPECTED_PROVINCE_ROWS = {"Bali": 87, "Nusa Tenggara Barat": 78, "Nusa Tenggara Timur": 75, "Indonesia": 7}
ENERGY_ROWS = 170
DAPOER_ROWS = 123  # World Bank INDO-DAPOER extract: GRDP ADHK/ADHB 2010–2019 and population 2000–2020
DAPOER_PREFIX = "github:"
DAPOER_POPULATION = "population_total"  # note SP.POP.TOTL
DAPOER_GRDP = {  # indicator → price basis of the BPS table
    "grdp_total_incl_oil_gas_sna2008_constant_2010": "ADHK2010",  # note NA.GDP.INC.OG.SNA08.KR
    "grdp_total_incl_oil_gas_sna2008_current": "ADHB",  # note NA.GDP.INC.OG.SNA08.CR
}
DAPOER_GRDP_YEARS = range(2010, 2020)
DAPOER_TO_BN = 1e-3  # DAPOER GRDP is in IDR million, the BPS table in billion IDR
SAME_AS_BPS_TOLERANCE_BN = 0.01  # the BPS table gives two decimals of a billion
# Where DAPOER differs from the BPS table (found on this release; the upstream README says "from 2015", but
# 2018–2019 are equal again): 2016 and 2017 for all three provinces and both price bases, plus NTB 2015 ADHB.
EXPECTED_OLDER_VINTAGE_ROWS = 3 * 2 * 2 + 1
INTERPOLATED_YEARS = range(2001, 2010)  # DAPOER population: non-integer (interpolated) exactly in these years
# Text figures that BPS later revised: (region, indicator, period) → value in the BPS WebAPI (var 291)
# recorded upstream (the `grdp_growth_published` table). Checked by tests/test_data_text_figures.py.
REVISED_LATER = {
    ("53", "grdp_growth", "2021"): 2.52,
    ("53", "grdp_growth_c_to_c", "2023"): 3.49,  # note "as released Feb 2024"
}

# Topic of each indicator: exactly one pattern must match (searched in the snake_case indicator).
TOPIC_RULES: tuple[tuple[str, str], ...] = (
    (r"^(grdp_|share_\w*_in_grdp|population_total)", "macro"),
    (r"foreign_visitor|hotel_room_occupancy|tourist_visits|komodo_national_park", "tourism"),
    (r"^lombok_airport_", "transport"),
    (r"electrification|renewable|installed_capacity|system_capacity|power_plants", "energy"),
    (r"cattle|buffalo", "agriculture"),
    (r"exports", "trade"),
)
TOPICS = ("macro", "tourism", "transport", "energy", "agriculture", "trade")

# Sub-annual period named in the indicator (first match wins; none → not_stated).
PERIOD_TOKENS: tuple[tuple[str, str], ...] = (
    (r"_q([1-4])(?:_|$)", "Q{0}"),
    (r"_jan_jun(?:_|$)", "Jan-Jun"),
    (r"_jan_sep(?:_|$)", "Jan-Sep"),
    (r"_jan_oct(?:_|$)", "Jan-Oct"),
    (r"_october(?:_|$)", "Oct"),
    (r"_november(?:_|$)", "Nov"),
    (r"_december(?:_|$)", "Dec"),
    (r"_annual(?:_|$)|_c_to_c(?:_|$)", "year"),
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PERIODS = ("year", "Q1", "Q2", "Q3", "Q4", "Jan-Jun", "Jan-Sep", "Jan-Oct", *MONTHS, "not_stated")

# Indicators (upstream names) naming a kab/kota (the region column then holds its province).
KABKOTA_IN_INDICATOR = {
    "cattle_population_Kab_Sumbawa": "Kabupaten Sumbawa",
    "cattle_population_Kab_Bima": "Kabupaten Bima",
    "cattle_population_Kab_Lombok_Tengah": "Kabupaten Lombok Tengah",
    "cattle_population_Kab_Dompu": "Kabupaten Dompu",
    "cattle_population_Kab_Lombok_Timur": "Kabupaten Lombok Timur",
    "Labuan_Bajo_(Manggarai_Barat)_tourist_visits_total": "Kabupaten Manggarai Barat",
    "Labuan_Bajo_(Manggarai_Barat)_foreign_tourist_visits": "Kabupaten Manggarai Barat",
    "Labuan_Bajo_(Manggarai_Barat)_domestic_tourist_visits": "Kabupaten Manggarai Barat",
}
KABKOTA_MENTION = re.compile(r"_Kab_|\(Manggarai_Barat\)|Kota_")

# Regions as given that are a whole province or Indonesia; "NTB: …" / "NTT: …" name a part of one.
WHOLE_REGIONS = {
    "Bali": "51",
    "NTB": "52",
    "Nusa Tenggara Barat": "52",
    "NTT": "53",
    "Nusa Tenggara Timur": "53",
    "Indonesia": "00",
}
ACROSS_PROVINCES = {"Java-Bali"}  # the Java–Bali crossing: in no single province
PREFIXED = re.compile(r"^(?P<province>NTB|NTT)(?::\s*(?P<part>.+)|\s+\((?P<group>.+)\))$")

FLAGS = (
    "as_released",  # GRDP figure as released at the time (news, BPS page): BPS revises GRDP later
    "revised_later",  # BPS has since published a different value (REVISED_LATER)
    "base_2000",  # old 2000-base GRDP series, not comparable with the 2010 series
    "interpolated",  # DAPOER population between censuses (non-integer)
    "older_vintage",  # DAPOER GRDP that differs from the BPS table of May 2021 (an older vintage)
    "rounded_in_text",  # the text gave a rounded number ("2.91 million", "sekitar 470 MW")
    "weak_source",  # a user blog, or a source the compiler marked weak: a pointer only
    "year_inferred",  # the compiler inferred the year (it is not in the source)
)
FLAGS_PATTERN = rf"(?:{'|'.join(FLAGS)})(?:;(?:{'|'.join(FLAGS)}))*"
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
PARENTHESES = re.compile(r"\(([^()]*)\)")
GITHUB_PATH = re.compile(r"^github:(?P<repo>[^@]+)@(?P<commit>[0-9a-f]{40}):(?P<path>.+)$")
URL = re.compile(r"https?://\S+")
WEAK_SOURCE = re.compile(r"weak source|blog", re.IGNORECASE)


# --- the one parser ----------------------------------------------------------------------------------------


def split_indicator(name: str) -> tuple[str, str | None]:
    """'Labuan_Bajo_(Manggarai_Barat)_tourist_visits_total' → ('labuan_bajo_tourist_visits_total',
    'Manggarai Barat'): parenthetical qualifiers move to the note; the rest becomes snake_case."""
    notes = [note.replace("_", " ").strip() for note in PARENTHESES.findall(name)]
    bare = PARENTHESES.sub("_", name).lower()
    identifier = re.sub(r"[^a-z0-9]+", "_", bare).strip("_")
    if not SNAKE_CASE.fullmatch(identifier):
        raise ValueError(f"indicator {name!r} gives no snake_case identifier ({identifier!r})")
    return identifier, "; ".join(notes) or None


def parse_period(text: object) -> tuple[int | None, int | None]:
    """(year, month): '2019' → (2019, None); '2017-02' or '2021-01-23' → (2017, 2); blank, 'c. 2019'
    (approximate) and '2022-2023' (a range) → (None, None); any other form fails loudly."""
    raw = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text).strip()
    dated = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-\d{2})?)?", raw)
    if dated:
        return int(dated[1]), int(dated[2]) if dated[2] else None
    if raw == "" or re.fullmatch(r"c\.\s*\d{4}|\d{4}-\d{4}", raw):
        return None, None
    raise ValueError(f"period {raw!r} is neither a year, a date, 'c. YYYY', a range YYYY-YYYY nor blank")


def topic_of(indicator: str) -> str:
    """The one topic whose rule matches the snake_case indicator (none or several → error)."""
    matched = [topic for pattern, topic in TOPIC_RULES if re.search(pattern, indicator)]
    if len(matched) != 1:
        raise ValueError(f"indicator {indicator!r} matches topics {matched}; extend TOPIC_RULES")
    return matched[0]


def period_within_year(indicator: str, month: int | None) -> str:
    if month is not None:
        return MONTHS[month - 1]
    for pattern, label in PERIOD_TOKENS:
        match = re.search(pattern, indicator)
        if match:
            return label.format(*match.groups())
    return "not_stated"


def locate(region: str) -> tuple[object, object, object]:
    """(region_code, kabkota_code, area) of a region as given: a whole province or Indonesia; 'NTB: Lombok
    Barat' (a kab/kota: bare names are kabupaten, as in BPS tables); 'NTB: Lombok system' (a part: area)."""
    if region in WHOLE_REGIONS:
        return WHOLE_REGIONS[region], pd.NA, pd.NA
    if region in ACROSS_PROVINCES:
        return pd.NA, pd.NA, region
    match = PREFIXED.match(region)
    if not match:
        raise ValueError(
            f"region {region!r} is neither a whole region, 'NTB: …'/'NTT: …' nor in ACROSS_PROVINCES"
        )
    province = WHOLE_REGIONS[match["province"]]
    part = match["part"] or match["group"]
    try:
        code = regions.to_bps_code(part, bare_name_means_kabupaten=True)
    except UnknownRegionError:
        return province, pd.NA, part  # a system, island or plant ("Lombok system", "Flores")
    if regions.get(code).level != "kabkota" or code[:2] != province:
        raise ValueError(f"{region!r} resolves to {code}, not a kab/kota of {match['province']}")
    return province, code, pd.NA


def source_url(text: str) -> object:
    """'github:owner/repo@commit:path' → the file's GitHub URL at that commit; URLs stay; else empty."""
    match = GITHUB_PATH.match(text)
    if match:
        return f"https://github.com/{match['repo']}/blob/{match['commit']}/{match['path']}"
    return text if URL.fullmatch(text) else pd.NA


def source_kind(text: str) -> str:
    if text.startswith(DAPOER_PREFIX):
        return "database_extract"
    host = re.sub(r"^https?://([^/]+).*$", r"\1", text)
    return "official_release" if re.search(r"(^|\.)bps\.go\.id$", host) else "news_or_web"


def _per_row(values: pd.Series, function: Callable, *, file: str, column: str) -> list:
    out = []
    for row, value in enumerate(values):
        try:
            out.append(function(value))
        except ValueError as error:
            raise SchemaValidationError(str(error), file=file, column=column, row=row) from None
    return out


def _name(code: object) -> object:
    return regions.get(code).name if isinstance(code, str) else pd.NA


def _level(code: object) -> object:
    return regions.get(code).level if isinstance(code, str) else pd.NA


def common_flags(frame: pd.DataFrame) -> list[list[str]]:
    """Flags that any figure from text can carry (rounded, 2000 base, weak source, inferred year)."""
    out = []
    for note, unit, name, title in zip(
        frame["indicator_note"].fillna(""),
        frame["unit_as_given"],
        frame["indicator"],
        frame["source_title"],
        strict=True,
    ):
        flags = []
        if "2000-base" in note or "2000-base" in unit:
            flags.append("base_2000")
        if "reported as" in unit or "approx" in name or "approx" in note:
            flags.append("rounded_in_text")
        if WEAK_SOURCE.search(title) or "blog" in unit:
            flags.append("weak_source")
        if "year inferred" in unit:
            flags.append("year_inferred")
        out.append(flags)
    return out


def tidy_figures(
    raw: pd.DataFrame,
    *,
    file: str,
    source_id: str,
    region_column: str,
    topic: Callable[[str], str],
    kabkota_in_indicator: Mapping[str, str] = {},
) -> pd.DataFrame:
    """The one parser of a figures-from-text file: every column of ``FIGURE_COLUMNS``; ``flags`` holds
    the common flags as lists (callers add their own, then join with ``join_flags``)."""
    indicators = raw["indicator"].str.strip()
    split = _per_row(indicators, split_indicator, file=file, column="indicator")
    names = [name for name, _ in split]
    located = _per_row(raw[region_column].str.strip(), locate, file=file, column=region_column)
    periods = _per_row(raw["year"], parse_period, file=file, column="year")
    kab_named = indicators.map(kabkota_in_indicator)
    kab_from_indicator = pd.Series(pd.NA, index=raw.index, dtype="string")
    kab_from_indicator[kab_named.notna()] = regions.harmonise(
        kab_named.dropna(), file=file, column="indicator"
    )
    kabkota = pd.Series([k for _, k, _ in located], index=raw.index, dtype="string")
    references = raw["source_url_or_repo_path"].str.strip()
    titles = raw["source_title"].str.strip()
    urls = references.map(source_url)
    tidy = pd.DataFrame(
        {
            "region_code": pd.array([c for c, _, _ in located], dtype="string"),
            "kabkota_code": kabkota.fillna(kab_from_indicator),
            "area": pd.array([a for _, _, a in located], dtype="string"),
            "area_as_given": raw[region_column].str.strip(),
            "topic": _per_row(pd.Series(names), topic, file=file, column="indicator"),
            "indicator": names,
            "indicator_note": pd.array([note for _, note in split], dtype="string"),
            "period_raw": raw["year"].fillna("").str.strip().replace("", "not stated"),
            "year": pd.array([y for y, _ in periods], dtype="Int64"),
            "period_within_year": [
                period_within_year(n, m) for n, (_, m) in zip(names, periods, strict=True)
            ],
            "value": _per_row(
                raw["value"], lambda v: float(str(v).replace(",", "")), file=file, column="value"
            ),
            "unit": raw["unit"].str.split("(").str[0].str.split(";").str[0].str.strip(),
            "unit_as_given": raw["unit"].str.strip(),
            "source_kind": references.map(source_kind),
            # a reference that is not an address (a repository's docs) stays readable in the title
            "source_title": titles.where(urls.notna(), titles + "; " + references),
            "source_url": urls.astype("string"),
            "source": source_id,
        },
        index=raw.index,
    )
    tidy["region_name"] = tidy["region_code"].map(_name).astype("string")
    tidy["region_level"] = tidy["region_code"].map(_level).astype("string")
    tidy["value"] = tidy["value"].astype("float64")
    tidy["flags"] = common_flags(tidy)
    empty_unit = tidy["unit"] == ""
    require(not empty_unit.any(), "a value without unit", file=file, column="unit")
    return tidy


def finish(tidy: pd.DataFrame) -> pd.DataFrame:
    out = tidy.assign(flags=pd.array([join_flags(f) for f in tidy["flags"]], dtype="string"))
    return out[[c.name for c in FIGURE_COLUMNS]].reset_index(drop=True)


# --- text_figures: the GRDP, tourism, agriculture … figures ------------------------------------------------


def bps_grdp(archensys: pd.DataFrame, file: str) -> pd.Series:
    """BPS GRDP (billion IDR) of Bali, NTB and NTT by (region_code, price_basis, year)."""
    rows = archensys[archensys["indicator"] == "grdp_total"].copy()
    rows["region_code"] = regions.harmonise(rows["province_std"], file=file, column="province_std")
    rows = rows[rows["region_code"].isin(regions.KR_BNN_PROVINCES)]
    return rows.set_index(["region_code", "price_basis", "year"])["value"]


def differs_from_bps(tidy: pd.DataFrame, bps: pd.Series, file: str) -> pd.Series:
    """True for each DAPOER GRDP row whose value is not the BPS table's (within rounding)."""
    out = pd.Series(False, index=tidy.index)
    dapoer = tidy[(tidy["source_kind"] == "database_extract") & tidy["indicator"].isin(DAPOER_GRDP)]
    require(
        set(dapoer["year"]) == set(DAPOER_GRDP_YEARS),
        f"DAPOER GRDP years {sorted(set(dapoer['year']))}",
        file=file,
    )
    for index, row in dapoer.iterrows():
        key = (row["region_code"], DAPOER_GRDP[row["indicator"]], int(row["year"]))
        require(key in bps.index, f"no BPS GRDP for {key}", file=file)
        out[index] = abs(row["value"] * DAPOER_TO_BN - bps[key]) > SAME_AS_BPS_TOLERANCE_BN
    require(
        int(out.sum()) == EXPECTED_OLDER_VINTAGE_ROWS,
        f"{int(out.sum())} DAPOER GRDP values differ from BPS, expected {EXPECTED_OLDER_VINTAGE_ROWS}",
        file=file,
    )
    return out


def statistics_flags(row: pd.Series, older_vintage: bool) -> list[str]:
    """The GRDP-specific flags of a text_figures row (added to its common flags)."""
    flags = []
    grdp_family = row["topic"] == "macro" and not row["indicator"].startswith("population")
    is_dapoer = row["source_kind"] == "database_extract"
    if grdp_family and not is_dapoer:
        flags.append("as_released")
    if (row["region_code"], row["indicator"], row["period_raw"]) in REVISED_LATER:
        flags.append("revised_later")
    if is_dapoer and row["indicator"] == DAPOER_POPULATION and not float(row["value"]).is_integer():
        flags.append("interpolated")
    if older_vintage:
        flags.append("older_vintage")
    return flags


def check_statistics_release(raw: pd.DataFrame, tidy: pd.DataFrame, file: str) -> None:
    require(len(raw) == EXPECTED_ROWS, f"expected {EXPECTED_ROWS} rows, found {len(raw)}", file=file)
    counts = raw["province"].value_counts().to_dict()
    require(counts == EXPECTED_PROVINCE_ROWS, f"rows by province {counts}", file=file, column="province")
    require(
        int((tidy["source_kind"] == "database_extract").sum()) == DAPOER_ROWS,
        "number of DAPOER rows changed",
        file=file,
        column="source_url_or_repo_path",
    )
    require(bool(tidy["year"].notna().all()), "this release gives a plain year on every row", file=file)
    require(bool(tidy["source_url"].notna().all()), "this release gives an address on every row", file=file)
    empty = (raw["source_title"].str.strip() == "") | (raw["source_url_or_repo_path"].str.strip() == "")
    require(
        not empty.any(),
        "a row without source title or URL",
        file=file,
        row=first_position(empty),
    )
    interpolated = tidy[[("interpolated" in f) for f in tidy["flags"]]]
    require(
        set(interpolated["year"]) == set(INTERPOLATED_YEARS)
        and len(interpolated) == 3 * len(INTERPOLATED_YEARS),
        f"non-integer DAPOER population in years {sorted(set(interpolated['year']))}",
        file=file,
        column="value",
    )
    keys = set(zip(tidy["region_code"], tidy["indicator"], tidy["period_raw"], strict=True))
    require(set(REVISED_LATER) <= keys, "a row listed in REVISED_LATER is missing", file=file)
    mentions = {i for i in raw["indicator"].str.strip() if KABKOTA_MENTION.search(i)}
    require(
        mentions == set(KABKOTA_IN_INDICATOR),
        f"kab/kota named in indicators {sorted(mentions ^ set(KABKOTA_IN_INDICATOR))} not mapped",
        file=file,
        column="indicator",
    )
    inside = tidy.dropna(subset=["kabkota_code"])
    require(
        bool((inside["kabkota_code"].str[:2] == inside["region_code"]).all()),
        "a kab/kota lies outside the row's province",
        file=file,
    )


def run_text_figures(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file, archensys_file = str(files.path(FIGURES)), str(files.path(ARCHENSYS))
    raw = files.read_csv(FIGURES, dtype=str, keep_default_na=False)
    tidy = tidy_figures(
        raw,
        file=file,
        source_id=FIGURES,
        region_column="province",
        topic=topic_of,
        kabkota_in_indicator=KABKOTA_IN_INDICATOR,
    )
    older = differs_from_bps(tidy, bps_grdp(files.read_csv(ARCHENSYS), archensys_file), file)
    tidy["flags"] = [
        [*flags, *statistics_flags(row, bool(older[index]))]
        for (index, row), flags in zip(tidy.iterrows(), tidy["flags"], strict=True)
    ]
    check_statistics_release(raw, tidy, file)
    return {"text_figures": finish(tidy)}


# --- energy_text_figures ---------------------------------------------------------------------------------


def run_energy_text_figures(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(ENERGY_FIGURES))
    raw = files.read_csv(ENERGY_FIGURES, dtype=str)
    require(len(raw) == ENERGY_ROWS, f"expected {ENERGY_ROWS} rows, found {len(raw)}", file=file)
    require(
        raw["source_title"].notna().all() and raw["source_url_or_repo_path"].notna().all(),
        "row without source",
        file=file,
    )
    tidy = tidy_figures(
        raw, file=file, source_id=ENERGY_FIGURES, region_column="region", topic=lambda _: "energy"
    )
    return {"energy_text_figures": finish(tidy)}


# --- specification: one shape for both tables --------------------------------------------------------------

FIGURE_COLUMNS = (
    Column(
        "region_code",
        "string",
        "BPS code of the province (or 00 Indonesia) the figure lies in; empty when it spans provinces "
        "(the Java–Bali crossing)",
        nullable=True,
        pattern=r"\d{2}",
    ),
    Column("region_name", "string", "Official name of region_code", nullable=True),
    Column("region_level", "string", "country or province", nullable=True, allowed=("country", "province")),
    Column(
        "kabkota_code",
        "string",
        "BPS code of the kab/kota the region as given or the indicator names (e.g. 5204 Sumbawa); empty "
        "otherwise",
        nullable=True,
        pattern=r"\d{4}",
    ),
    Column(
        "area",
        "string",
        "The power system, island, plant or project the figure covers, when less than the region or "
        "kab/kota (e.g. 'Lombok system'); empty for a whole region",
        nullable=True,
    ),
    Column("area_as_given", "string", "Region text of the source file (province, or 'NTB: Lombok system')"),
    Column(
        "topic",
        "string",
        "Subject derived from the indicator (energy for energy_text_figures)",
        allowed=TOPICS,
    ),
    Column(
        "indicator",
        "string",
        "Indicator identifier: the source file's name in snake_case, without parenthetical qualifiers",
        pattern=SNAKE_CASE.pattern,
    ),
    Column(
        "indicator_note",
        "string",
        "Qualifier that was in parentheses in the source's indicator name (e.g. 'Passenger Exit Survey', "
        "'SP.POP.TOTL', 'as released Feb 2024'); several joined by '; '",
        nullable=True,
    ),
    Column(
        "period_raw",
        "string",
        "Period text as given ('2019', '2017-02', 'c.2017', '2022-2023', 'not stated')",
    ),
    Column(
        "year",
        "integer",
        "Year parsed from `period_raw` where unambiguous (not for 'c.', ranges or blanks)",
        nullable=True,
        minimum=1900,
        maximum=2100,
    ),
    Column(
        "period_within_year",
        "string",
        "Part of the year: the month of a dated period, else a quarter or months the indicator names, "
        "year (annual), or not_stated",
        allowed=PERIODS,
    ),
    specs.value("Value in `unit`, as given (growth rates can be negative)"),
    Column("unit", "string", "Unit, without the remarks kept in `unit_as_given`"),
    Column("unit_as_given", "string", "Unit text as given (e.g. 'visits (reported as 2.91 million)')"),
    Column(
        "flags", "string", "Known issues of the row (see description)", nullable=True, pattern=FLAGS_PATTERN
    ),
    Column(
        "source_kind",
        "string",
        "database_extract (World Bank DAPOER), official_release (bps.go.id page) or news_or_web",
        allowed=("database_extract", "official_release", "news_or_web"),
    ),
    Column(
        "source_title",
        "string",
        "Title of the cited page, extract or document (with its reference when that is not an address)",
    ),
    Column(
        "source_url",
        "string",
        "Address of the cited page (GitHub file at a commit for repository paths); empty when the source "
        "gives no address",
        nullable=True,
        pattern=URL.pattern,
    ),
    specs.SOURCE,
)
FIGURE_KEY = ("area_as_given", "indicator", "indicator_note", "period_raw")
SHAPE = (
    "One row per number, in the shape shared with the other figures-from-text table: `indicator` is a "
    "snake_case identifier and `indicator_note` the qualifier that was in parentheses; `region_code` is "
    "the province (or Indonesia) the figure lies in, `kabkota_code` the kab/kota it names and `area` the "
    "system, island or plant it covers when less (`area_as_given` keeps the source's text); `period_raw` "
    "is the period as given, `year` its parsed year and `period_within_year` a month, quarter or months. "
    "Every row carries its own `source_title` and `source_url`. `flags` (semicolon-separated): as_released "
    "(GRDP figure as released at the time; BPS revises later), revised_later (BPS has since published a "
    "different value), base_2000 (old 2000-base GRDP series), interpolated (DAPOER population between "
    "censuses), older_vintage (DAPOER GRDP that differs from the BPS table of May 2021 used for `grdp`), "
    "rounded_in_text (the text gave a rounded number), weak_source (a blog or a source the compiler "
    "marked weak), year_inferred (the compiler inferred the year)."
)

TEXT_FIGURES_SPEC = specs.spec(
    "text_figures",
    citation=(
        "Berbagai sumber per baris (rilis BPS sebagaimana dikutip media; Bank Dunia DAPOER), 2000–2024",
        "Various sources, one per row (BPS releases as quoted by news media; World Bank DAPOER), 2000–2024",
    ),
    title_id="Angka dari teks (berita, rilis BPS, ekstrak DAPOER) untuk Bali, NTB, NTT dan Indonesia",
    title_en="Figures found in text (news, BPS releases, DAPOER extract) for Bali, NTB, NTT and Indonesia",
    description=(
        "Numbers that exist only in text, as found: GRDP levels, growth and sector shares quoted from BPS "
        "releases, foreign arrivals and spending, Labuan Bajo and Komodo visitors, Lombok airport traffic, "
        "electrification and renewable capacity, cattle and buffalo numbers and Bali's export routing, plus "
        "World Bank INDO-DAPOER GRDP and population rows. `topic` is derived from the indicator. " + SHAPE
    ),
    columns=FIGURE_COLUMNS,
    primary_key=FIGURE_KEY,
    quality=(
        "amber",
        "Angka yang dikutip dari halaman yang disebut per baris (berita tentang rilis BPS, halaman BPS, "
        "ekstrak Bank Dunia); tidak dicek terhadap rilis asli; sebagian kemudian direvisi.",
        "Figures quoted from the page cited on each row (news reports of BPS releases, BPS pages, a World "
        "Bank extract); not checked against the original releases; some were revised later.",
    ),
    caveats=(
        (
            "Laporan sekunder: sebagian besar adalah angka BPS sebagaimana dikutip media, sebagian dari "
            "salinan (mirror) artikel atau blog; kutip sumber baris dan cek rilis asli sebelum dipakai.",
            "Secondary reporting: most rows are BPS figures as quoted by the media, some read on mirrors of "
            "articles or a blog; cite the row's source and check the original release before use.",
        ),
        (
            "Angka PDRB dari berita dan halaman BPS adalah angka saat dirilis yang "
            "kemudian direvisi BPS: pertumbuhan NTT 2023 dirilis 3,52% (Feb 2024) tetapi 3,49% di WebAPI "
            "BPS; NTT 2021 2,51% vs 2,52%.",
            "GRDP figures from the news and BPS pages are as released at the time; BPS "
            "revises them later: NTT's 2023 growth was released as 3.52% (Feb 2024) but is 3.49% in the BPS "
            "WebAPI; NTT 2021 2.51% vs 2.52%.",
        ),
        (
            "Baris seri lama tahun dasar 2000 tidak dapat dibandingkan dengan seri PDRB 2010.",
            "Old 2000-base series rows are not comparable with the 2010-base GRDP series.",
        ),
        (
            "Baris DAPOER adalah ekstrak basis data Bank Dunia, bukan teks: "
            "penduduk 2001–2009 hasil interpolasi (bukan bilangan bulat); PDRB sama "
            "dengan tabel BPS Mei 2021 kecuali 2016–2017 dan ADHB NTB 2015 (edisi lama; Bali 2016 ADHB "
            "194.617,98 vs 194.089,58 miliar).",
            "The DAPOER rows are a World Bank database extract, not text: "
            "population 2001–2009 is interpolated (non-integer); GRDP equals the BPS "
            "table of May 2021 except 2016–2017 and NTB ADHB 2015 (older edition; Bali 2016 ADHB 194,617.98 "
            "vs 194,089.58 bn).",
        ),
        (
            "Sebagian angka dibulatkan di teks ('2,91 juta', 'sekitar 470 MW'). "
            "Periode di dalam tahun (triwulan, Januari–Juni …) hanya diketahui bila disebut nama indikator.",
            "Some numbers were rounded in the text ('2.91 million', 'about 470 MW'). "
            "The part of the year (quarter, January–June …) is known only where the indicator names it.",
        ),
    ),
    vintage="Figures of 2000–2024 (plus a 2030 PLN NTT target) as quoted per row; DAPOER extract @ 5bac8f42",
)

ENERGY_TEXT_FIGURES_SPEC = specs.spec(
    "energy_text_figures",
    citation=(
        "Berbagai sumber per baris (PLN, ESDM, BPS, ADB, media), 2010–2026",
        "Various sources, one per row (PLN, ESDM, BPS, ADB, news media), 2010–2026",
    ),
    title_id="Angka energi dari teks (berita, halaman PLN/ESDM/BPS, dokumen), dengan sumber per baris",
    title_en="Energy figures found in text (news, PLN/ESDM/BPS pages, documents), with a source on every row",
    description=(
        "Numbers that exist only in text: electrification ratios, households with electric lighting (BPS), "
        "system capacity and peak load (Lombok, Sumbawa, Bima, Timor, Flores, Bali), RUPTL 2021–2030 Bali "
        "figures, Java–Bali crossing, geothermal potentials and project capacities. Whole-region figures "
        "have no `area`. " + SHAPE
    ),
    columns=FIGURE_COLUMNS,
    primary_key=FIGURE_KEY,
    quality=(
        "amber",
        "Angka sekunder yang dikutip dari teks; setiap baris menyebut sumbernya; beberapa sumber lemah "
        "(blog).",
        "Secondary figures quoted from text; every row names its source; some sources are weak (blogs).",
    ),
    caveats=(
        (
            "Pelaporan sekunder: kutip sumber yang tercatat pada setiap baris. Baris dari blog hanya "
            "sebagai petunjuk.",
            "Secondary reporting: cite the source recorded on each row. Rows from blogs are pointers only.",
        ),
        (
            "Rasio elektrifikasi PLN, rasio elektrifikasi ESDM dan rumah tangga berpenerangan listrik BPS "
            "adalah ukuran berbeda; tidak ada deret waktu rasio elektrifikasi provinsi di sumber.",
            "PLN's electrification ratio, ESDM's electrification ratio and BPS's households with electric "
            "lighting are different measures; no province electrification time series exists in the sources.",
        ),
        (
            "Wilayah mencampur provinsi, sistem kelistrikan dan pembangkit; kode BPS hanya untuk provinsi, "
            "kabupaten/kota dan Indonesia utuh. Tahun berawalan 'c.' atau kosong tidak diurai.",
            "Regions mix provinces, power systems and single plants; BPS codes only for whole provinces, "
            "kab/kota and Indonesia. Years prefixed 'c.' or blank are not parsed.",
        ),
        (
            "Angka RUPTL 2021–2030 Bali berasal dari salinan dokumen pihak ketiga.",
            "The RUPTL 2021–2030 Bali figures come from a third-party copy of the document.",
        ),
    ),
    vintage="Sources dated 2010–2026 (per row)",
)

STEPS = (
    step("text_figures", (FIGURES, ARCHENSYS), (TEXT_FIGURES_SPEC,), run_text_figures),
    step("energy_text_figures", (ENERGY_FIGURES,), (ENERGY_TEXT_FIGURES_SPEC,), run_energy_text_figures),
)
