"""The `text_figures` table: numbers that exist only in text (news reports of BPS releases, BPS pages, a
World Bank DAPOER extract), one row each, every row with its own source title and URL.

Nothing is corrected here; each row is tagged so it can be used with care:

* ``topic`` from the indicator name through ``TOPIC_RULES`` (exactly one rule must match);
* ``year`` parsed from the raw period text where unambiguous (``period_raw`` keeps the text);
* ``period_within_year`` (Q1, Jan-Jun, …) from explicit tokens of the indicator name;
* ``kabkota_code`` where the indicator names a kab/kota (``KABKOTA_IN_INDICATOR``);
* ``source_kind``: database_extract (the DAPOER rows), official_release (bps.go.id pages) or news_or_web;
* ``flags``: the known issues of the upstream README (see ``FLAGS``).
"""

from __future__ import annotations

import re

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.errors import SchemaValidationError
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import require, with_region_columns
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles

FIGURES = "figures-statistics-from-text"
# BPS GRDP table of May 2021 (the source of `grdp`): the DAPOER GRDP rows are compared with it.
ARCHENSYS = "bps-prov-grdp-energy-pop-2010-2020-archensys"

# --- facts of the upstream release, checked on every build -----------------------------------------------

EXPECTED_ROWS = 247
EXPECTED_PROVINCE_ROWS = {"Bali": 87, "Nusa Tenggara Barat": 78, "Nusa Tenggara Timur": 75, "Indonesia": 7}
DAPOER_ROWS = 123  # World Bank INDO-DAPOER extract: GRDP ADHK/ADHB 2010–2019 and population 2000–2020
DAPOER_PREFIX = "github:"
DAPOER_POPULATION = "population_total (SP.POP.TOTL)"
DAPOER_GRDP = {  # indicator → price basis of the BPS table
    "GRDP_total_incl_oil_gas_SNA2008_constant_2010 (NA.GDP.INC.OG.SNA08.KR)": "ADHK2010",
    "GRDP_total_incl_oil_gas_SNA2008_current (NA.GDP.INC.OG.SNA08.CR)": "ADHB",
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
    ("53", "GRDP_growth", "2021"): 2.52,
    ("53", "GRDP_growth_c_to_c (as released Feb 2024)", "2023"): 3.49,
}

# Topic of each indicator: exactly one pattern must match (searched in the indicator name).
TOPIC_RULES: tuple[tuple[str, str], ...] = (
    (r"^(GRDP_|share_\w*_in_GRDP|population_total)", "macro"),
    (r"foreign_visitor|hotel_room_occupancy|tourist_visits|Komodo_National_Park", "tourism"),
    (r"^Lombok_airport_", "transport"),
    (r"electrification|renewable|installed_capacity|system_capacity|power_plants", "energy"),
    (r"cattle|buffalo", "agriculture"),
    (r"exports", "trade"),
)
TOPICS = ("macro", "tourism", "transport", "energy", "agriculture", "trade")

# Sub-annual period named in the indicator (first match wins; none → not_stated).
PERIOD_TOKENS: tuple[tuple[str, str], ...] = (
    (r"_Q([1-4])(?:_|\b)", "Q{0}"),
    (r"_Jan_Jun", "Jan-Jun"),
    (r"_Jan_Sep", "Jan-Sep"),
    (r"_Jan_Oct", "Jan-Oct"),
    (r"_October\b", "Oct"),
    (r"_November\b", "Nov"),
    (r"_December\b", "Dec"),
    (r"_annual\b|_c_to_c\b", "year"),
)
PERIODS = ("year", "Q1", "Q2", "Q3", "Q4", "Jan-Jun", "Jan-Sep", "Jan-Oct", "Oct", "Nov", "Dec", "not_stated")

# Indicators naming a kab/kota (the `province` column then holds its province).
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

FLAGS = (
    "as_released",  # GRDP figure as released at the time (news, BPS page): BPS revises GRDP later
    "revised_later",  # BPS has since published a different value (REVISED_LATER)
    "base_2000",  # old 2000-base GRDP series, not comparable with the 2010 series
    "interpolated",  # DAPOER population between censuses (non-integer)
    "older_vintage",  # DAPOER GRDP that differs from the BPS table of May 2021 (an older vintage)
    "rounded_in_text",  # the text gave a rounded number ("2.91 million", "sekitar 470 MW")
)
FLAGS_PATTERN = rf"(?:{'|'.join(FLAGS)})(?:;(?:{'|'.join(FLAGS)}))*"
GITHUB_PATH = re.compile(r"^github:(?P<repo>[^@]+)@(?P<commit>[0-9a-f]{40}):(?P<path>.+)$")
UNIT_REMARK = re.compile(r"\s*\((?:reported as [^)]*|2000-base series)\)\s*$")


# --- small named steps -----------------------------------------------------------------------------------


def parse_year(text: object) -> int | None:
    """'2019' → 2019; blank or 'c. 2019' (approximate) → None; any other form fails loudly."""
    raw = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text).strip()
    if re.fullmatch(r"\d{4}", raw):
        return int(raw)
    if raw == "" or re.fullmatch(r"c\.\s*\d{4}", raw):
        return None
    raise ValueError(f"period {raw!r} is neither a year, 'c. YYYY' nor blank")


def topic_of(indicator: str) -> str:
    """The one topic whose rule matches the indicator name (none or several → error)."""
    matched = [topic for pattern, topic in TOPIC_RULES if re.search(pattern, indicator)]
    if len(matched) != 1:
        raise ValueError(f"indicator {indicator!r} matches topics {matched}; extend TOPIC_RULES")
    return matched[0]


def period_within_year(indicator: str) -> str:
    for pattern, label in PERIOD_TOKENS:
        match = re.search(pattern, indicator)
        if match:
            return label.format(*match.groups())
    return "not_stated"


def source_url(text: str) -> str:
    """'github:owner/repo@commit:path' → the file's GitHub URL at that commit; URLs stay as they are."""
    match = GITHUB_PATH.match(text)
    if match:
        return f"https://github.com/{match['repo']}/blob/{match['commit']}/{match['path']}"
    return text


def source_kind(text: str) -> str:
    if text.startswith(DAPOER_PREFIX):
        return "database_extract"
    host = re.sub(r"^https?://([^/]+).*$", r"\1", text)
    return "official_release" if re.search(r"(^|\.)bps\.go\.id$", host) else "news_or_web"


def _per_row(values: pd.Series, function, *, file: str, column: str) -> list:
    out = []
    for row, value in enumerate(values):
        try:
            out.append(function(value))
        except ValueError as error:
            raise SchemaValidationError(str(error), file=file, column=column, row=row) from None
    return out


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


def row_flags(row: pd.Series) -> str | None:
    flags = []
    grdp_family = row["topic"] == "macro" and not row["indicator"].startswith("population")
    is_dapoer = row["source_kind"] == "database_extract"
    if grdp_family and not is_dapoer:
        flags.append("as_released")
    if (row["region_code"], row["indicator"], row["period_raw"]) in REVISED_LATER:
        flags.append("revised_later")
    if "2000-base" in row["indicator"] or "2000-base" in row["unit_as_given"]:
        flags.append("base_2000")
    if is_dapoer and row["indicator"] == DAPOER_POPULATION and not float(row["value"]).is_integer():
        flags.append("interpolated")
    if row["differs_from_bps"]:
        flags.append("older_vintage")
    if "(reported as" in row["unit_as_given"] or "approx" in row["indicator"]:
        flags.append("rounded_in_text")
    return ";".join(flags) or None


def check_release(raw: pd.DataFrame, tidy: pd.DataFrame, file: str) -> None:
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
    empty = (raw["source_title"].str.strip() == "") | (raw["source_url_or_repo_path"].str.strip() == "")
    require(
        not empty.any(),
        "a row without source title or URL",
        file=file,
        row=None if not empty.any() else int(empty.idxmax()),
    )
    interpolated = tidy[tidy["flags"].fillna("").str.contains("interpolated")]
    require(
        set(interpolated["year"]) == set(INTERPOLATED_YEARS)
        and len(interpolated) == 3 * len(INTERPOLATED_YEARS),
        f"non-integer DAPOER population in years {sorted(set(interpolated['year']))}",
        file=file,
        column="value",
    )
    keys = set(zip(tidy["region_code"], tidy["indicator"], tidy["period_raw"], strict=True))
    require(set(REVISED_LATER) <= keys, "a row listed in REVISED_LATER is missing", file=file)
    mentions = {i for i in tidy["indicator"] if KABKOTA_MENTION.search(i)}
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
    indicators = raw["indicator"].str.strip()
    kab_names = indicators.map(KABKOTA_IN_INDICATOR)
    kab_codes = pd.Series(pd.NA, index=raw.index, dtype="string")
    named = kab_names.notna()
    kab_codes[named] = regions.harmonise(kab_names[named], file=file, column="indicator")
    tidy = pd.DataFrame(
        {
            "region_code": regions.harmonise(raw["province"], file=file, column="province"),
            "kabkota_code": kab_codes,
            "topic": _per_row(indicators, topic_of, file=file, column="indicator"),
            "indicator": indicators,
            "period_raw": raw["year"].str.strip(),
            "year": pd.array(_per_row(raw["year"], parse_year, file=file, column="year"), dtype="Int64"),
            "period_within_year": indicators.map(period_within_year),
            "value": _per_row(raw["value"], lambda v: float(v.replace(",", "")), file=file, column="value"),
            "unit": raw["unit"].str.replace(UNIT_REMARK, "", regex=True).str.strip(),
            "unit_as_given": raw["unit"].str.strip(),
            "source_kind": raw["source_url_or_repo_path"].map(source_kind),
            "source_title": raw["source_title"].str.strip(),
            "source_url": raw["source_url_or_repo_path"].str.strip().map(source_url),
            "source": FIGURES,
        }
    )
    tidy["value"] = tidy["value"].astype("float64")
    bps = bps_grdp(files.read_csv(ARCHENSYS), archensys_file)
    tidy["differs_from_bps"] = differs_from_bps(tidy, bps, file)
    flags = [row_flags(row) for _, row in tidy.iterrows()]
    tidy["flags"] = pd.Series(flags, index=tidy.index, dtype="string")
    check_release(raw, tidy, file)
    return {"text_figures": with_region_columns(tidy.drop(columns="differs_from_bps"))}


# --- specification ---------------------------------------------------------------------------------------

TEXT_FIGURES_SPEC = specs.spec(
    "text_figures",
    citation=(
        "Berbagai sumber per baris (rilis BPS sebagaimana dikutip media; Bank Dunia DAPOER), 2000–2024",
        "Various sources, one per row (BPS releases as quoted by news media; World Bank DAPOER), 2000–2024",
    ),
    title_id="Angka dari teks (berita, rilis BPS, ekstrak DAPOER) untuk Bali, NTB, NTT dan Indonesia",
    title_en="Figures found in text (news, BPS releases, DAPOER extract) for Bali, NTB, NTT and Indonesia",
    description=(
        "Numbers that exist only in text, one row each, as found: GRDP levels, growth and sector shares "
        "quoted from BPS releases, foreign arrivals and spending, Labuan Bajo and Komodo visitors, Lombok "
        "airport traffic, electrification and renewable capacity, cattle and buffalo numbers and Bali's "
        "export routing, plus World Bank INDO-DAPOER GRDP and population rows. Every row carries its own "
        "`source_title` and `source_url`. `topic` is derived from the indicator name; `period_raw` is the "
        "period text as given and `year` its parsed year; `period_within_year` names a quarter or months "
        "where the indicator does; `kabkota_code` is set where the indicator names a kab/kota. `flags` "
        "(semicolon-separated): as_released (GRDP figure as released at the time; BPS revises later), "
        "revised_later (BPS has since published a different value), base_2000 (old 2000-base GRDP series), "
        "interpolated (DAPOER population between censuses), older_vintage (DAPOER GRDP that differs from "
        "the BPS table of May 2021 used for `grdp`), rounded_in_text (the text gave a rounded number)."
    ),
    columns=(
        specs.REGION_CODE,
        specs.REGION_NAME,
        specs.REGION_LEVEL,
        Column(
            "kabkota_code",
            "string",
            "BPS code of the kab/kota the indicator names (e.g. 5204 Sumbawa); empty for province rows",
            nullable=True,
            pattern=r"\d{4}",
        ),
        Column("topic", "string", "Subject derived from the indicator name", allowed=TOPICS),
        Column("indicator", "string", "Indicator as written in the source file"),
        Column("period_raw", "string", "Period text as given in the source file"),
        Column(
            "year",
            "integer",
            "Year parsed from `period_raw` where unambiguous",
            nullable=True,
            minimum=1900,
            maximum=2100,
        ),
        Column(
            "period_within_year",
            "string",
            "Part of the year the indicator names (quarter, months), year, or not_stated",
            allowed=PERIODS,
        ),
        specs.value("Value in `unit`, as given"),
        Column("unit", "string", "Unit, without the remarks kept in `unit_as_given`"),
        Column("unit_as_given", "string", "Unit text as given (e.g. 'visits (reported as 2.91 million)')"),
        Column(
            "flags",
            "string",
            "Known issues of the row (see description)",
            nullable=True,
            pattern=FLAGS_PATTERN,
        ),
        Column(
            "source_kind",
            "string",
            "database_extract (World Bank DAPOER), official_release (bps.go.id page) or news_or_web",
            allowed=("database_extract", "official_release", "news_or_web"),
        ),
        Column("source_title", "string", "Title of the page or extract the number was read from"),
        Column(
            "source_url",
            "string",
            "Address of that page (GitHub file at a commit for DAPOER)",
            pattern=r"https?://\S+",
        ),
        specs.SOURCE,
    ),
    primary_key=("region_code", "indicator", "period_raw"),
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

STEPS = (step("text_figures", (FIGURES, ARCHENSYS), (TEXT_FIGURES_SPEC,), run_text_figures),)
