"""Curated renewable-energy potential (RUEN) and energy figures found only in text.

* ``re_potential``: the "Indonesia Energy Potentials 2019" workbook (national totals as used in RUEN):
  solar and wind by province, large and mini/micro hydro by province, ocean by province or strait,
  geothermal by island group, and a summary by region, for all of Indonesia (so that briefings can
  compare). Fixed here: the large-hydro value labelled "Bali" (624 MW) is the Bali–Nusa Tenggara value
  (it equals the "Bali & Nusa Tenggara Region" summary; NTB and NTT are blank) and is re-labelled; the
  other large-hydro labels are flagged because that table groups provinces; Sulawesi Selatan's repeated
  mini-hydro label is left without a province code; typos in province labels are corrected; the
  ``geothermal_locations`` rows are counts. The OSeMOSYS Global potentials
  (``energy/osemosys_global_feo_idn_tables_bali_ntb_ntt_SUSPECT.csv``) stay out: the upstream marks
  them SUSPECT (Bali solar 1,100.71 GW, NTT hydro 0).
* ``energy_text_figures``: the 170 energy numbers quoted in news, PLN/ESDM/BPS pages and documents, each
  with its own source title and URL, the region as given, a BPS code where the region is a whole province,
  kab/kota or Indonesia, and the year parsed where unambiguous.
"""

from __future__ import annotations

import re

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.errors import UnknownRegionError
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import require, require_close
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.subjects.energy.common import flags_column, join_flags
from krbnn_analysis.pipeline.upstream import UpstreamFiles

RUEN = "re-potential-by-province-ruen-archensys"
TEXT = "figures-energy-from-text"

# --- facts of the RUEN workbook ------------------------------------------------------------------------
RUEN_ROWS = 280
SHEETS = {
    "Solar": "solar",
    "Wind": "wind",
    "Hydro": "hydro",
    "Ocean": "ocean",
    "Geothermal": "geothermal",
    "Potential": "regional_summary",
}
AREA_TYPES = {
    "province": "province",
    "national": "country",
    "province/strait": "province_or_strait",
    "island group": "island_group",
    "region": "region",
}
LABEL_FIXES = {"SulawesiBarat": "Sulawesi Barat", "Kapulauan Riau": "Kepulauan Riau"}  # spacing, spelling
STRAITS = {"Jawa Barat - Lampung"}  # Sunda Strait: between two provinces, no code
NATIONAL_TOTALS_MW = {  # README and RUEN
    "solar_potential": 207_898.0,
    "wind_potential": 60_647.0,
    "large_hydro_potential": 75_091.0,
    "mini_micro_hydro_potential": 19_385.0,
}
BALI_LARGE_HYDRO_MW = 624.0
BALI_NUSA_TENGGARA = "Bali & Nusa Tenggara Region"
REPEATED_LABEL = ("mini_micro_hydro_potential", "Sulawesi Selatan")  # 762 and 370 MW under one label
SUMMARY_INDICATORS = {
    "Geothermal Potential": "geothermal_potential",
    "Large Hydro Potential": "large_hydro_potential",
    "Small Hydro Potential": "small_hydro_potential",
    "Solar Potential": "solar_potential",
    "Wind Potential": "wind_potential",
    "Bioenergy Potential": "bioenergy_potential",
    "Ocean Potential": "ocean_potential",
    "Total": "total_potential",
}
# The province figures add up to the Bali–Nusa Tenggara regional summary (checked on every build).
BNT_PROVINCES = ("51", "52", "53")
BNT_CHECKS = {
    "solar_potential": ("solar_potential", 18_457.0),
    "wind_potential": ("wind_potential", 13_812.0),
    "mini_micro_hydro_potential": ("small_hydro_potential", 141.0),
    "ocean_potential_practical": ("ocean_potential", 9_297.0),
}


def _area_code(area: str, area_type: str, file: str) -> object:
    if area_type == "country":
        return regions.INDONESIA
    if area_type in ("province", "province_or_strait") and area not in STRAITS:
        return regions.harmonise([area], file=file, column="area")[0]
    return pd.NA


def tidy_ruen(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    require(len(raw) == RUEN_ROWS, f"expected {RUEN_ROWS} rows, found {len(raw)}", file=file)
    require(set(raw["sheet"]) == set(SHEETS), "sheets changed", file=file, column="sheet")
    require(set(raw["area_type"]) == set(AREA_TYPES), "area types changed", file=file, column="area_type")
    rows = raw.dropna(subset=["value"]).copy()  # blank = not given (e.g. NTB and NTT large hydro)
    rows["table"] = rows["sheet"].map(SHEETS)
    rows["area_type"] = rows["area_type"].map(AREA_TYPES)
    area = rows["area"].str.strip()
    rows["area"] = area.replace(LABEL_FIXES)
    total = rows["area"] == "Total"  # the national row of every sheet
    rows.loc[total, ["area", "area_type"]] = ["Indonesia", "country"]
    summary = rows["table"] == "regional_summary"
    unknown = set(rows.loc[summary, "indicator"]) - set(SUMMARY_INDICATORS)
    require(not unknown, f"unknown summary indicators {sorted(unknown)}", file=file, column="indicator")
    rows.loc[summary, "indicator"] = rows.loc[summary, "indicator"].map(SUMMARY_INDICATORS)
    rows["region_code"] = [
        _area_code(a, t, file) for a, t in zip(rows["area"], rows["area_type"], strict=True)
    ]
    rows["unit"] = rows["indicator"].map(lambda i: "locations" if i == "geothermal_locations" else "MW")
    require(set(raw["unit"]) == {"MW", "MW (count for locations)"}, "units changed", file=file, column="unit")
    rows["flags"] = [[] for _ in range(len(rows))]
    rows["note"] = pd.NA
    rows["note"] = rows["note"].astype("string")
    return rows


def fix_hydro_grouping(rows: pd.DataFrame, file: str) -> pd.DataFrame:
    out = rows.copy()
    large = (
        (out["table"] == "hydro")
        & (out["indicator"] == "large_hydro_potential")
        & (out["area_type"] == "province")
    )
    bali = large & (out["area"] == "Bali")
    require(
        bali.sum() == 1 and float(out.loc[bali, "value"].iloc[0]) == BALI_LARGE_HYDRO_MW,
        "Bali hydro changed",
        file=file,
    )
    summary = out[(out["area"] == BALI_NUSA_TENGGARA) & (out["indicator"] == "large_hydro_potential")]
    require(
        float(summary["value"].iloc[0]) == BALI_LARGE_HYDRO_MW, "Bali–NT summary hydro changed", file=file
    )
    nt_blank = (
        (out["table"] == "hydro")
        & (out["indicator"] == "large_hydro_potential")
        & out["region_code"].isin(["52", "53"])
    )
    require(not nt_blank.any(), "NTB or NTT large hydro is no longer blank: review the fix", file=file)
    for index in out.index[large]:
        out.at[index, "flags"] = ["grouped_provinces"]
    index = out.index[bali][0]
    out.loc[index, ["area", "area_type", "region_code"]] = [
        "Bali & Nusa Tenggara (labelled 'Bali')",
        "region",
        pd.NA,
    ]
    out.at[index, "flags"] = ["relabelled_bali_nusa_tenggara"]
    out.loc[index, "note"] = (
        "Labelled 'Bali' in the large-hydro table, where NTB and NTT are blank; equals the 'Bali & Nusa "
        "Tenggara Region' summary (624 MW), so it is the Bali–Nusa Tenggara value"
    )
    indicator, label = REPEATED_LABEL
    repeated = out.index[(out["indicator"] == indicator) & (out["area"] == label)]
    require(len(repeated) == 2, f"{label} {indicator} no longer appears twice", file=file)
    for n, index in enumerate(sorted(repeated, key=lambda i: -out.at[i, "value"])):
        out.loc[index, ["region_code", "area"]] = [pd.NA, f"{label} (label repeated, entry {n + 1})"]
        out.at[index, "flags"] = ["label_repeated"]
        out.loc[index, "note"] = (
            f"'{label}' appears twice (762 and 370 MW); both sum into the Sulawesi regional total (1,668 "
            f"MW); "
            "the 370 MW entry is probably Sulawesi Tengah, which has no value"
        )
    return out


def check_ruen(rows: pd.DataFrame, file: str) -> None:
    national = rows[rows["region_code"] == regions.INDONESIA]
    for indicator, total in NATIONAL_TOTALS_MW.items():
        value = national.loc[
            (national["indicator"] == indicator) & (national["table"] != "regional_summary"), "value"
        ]
        require(len(value) == 1, f"{indicator}: no national total", file=file)
        require_close(float(value.iloc[0]), total, 0.5, f"national {indicator}", file=file)
    summary = rows[(rows["area"] == BALI_NUSA_TENGGARA)].set_index("indicator")["value"]
    for indicator, (summary_indicator, expected) in BNT_CHECKS.items():
        part = rows[(rows["indicator"] == indicator) & rows["region_code"].isin(BNT_PROVINCES)]
        require(len(part) == 3, f"{indicator}: Bali, NTB and NTT expected", file=file)
        require_close(part["value"].sum(), expected, 0.5, f"Bali–NT {indicator}", file=file)
        require_close(
            float(summary[summary_indicator]), expected, 0.5, f"summary {summary_indicator}", file=file
        )
    require(
        not rows.duplicated(["table", "area", "indicator"]).any(), "duplicate area-indicator rows", file=file
    )


def run_potential(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(RUEN))
    rows = fix_hydro_grouping(tidy_ruen(files.read_csv(RUEN), file), file)
    check_ruen(rows, file)
    rows["flags"] = [join_flags(f) for f in rows["flags"]]
    rows["region_code"] = rows["region_code"].astype("string")
    rows["region_name"] = rows["region_code"].map(lambda c: regions.get(c).name if pd.notna(c) else pd.NA)
    out = rows.assign(source=RUEN)
    return {"re_potential": out.astype({"flags": "string", "region_name": "string", "year_label": "int64"})}


# --- figures from text ----------------------------------------------------------------------------------

TEXT_ROWS = 170
WHOLE_REGIONS = {
    "Bali": "51",
    "NTB": "52",
    "Nusa Tenggara Barat": "52",
    "NTT": "53",
    "Nusa Tenggara Timur": "53",
    "Indonesia": "00",
}
PREFIXED = re.compile(r"^(NTB|NTT): (.+)$")
UNIT = re.compile(
    r"^(?P<unit>MWe|MW|GWh|km|million USD|thousand|year|"
    r"percent(?: of households| of villages| y/y)?)(?P<rest>.*)$"
)
YEAR = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
WEAK_SOURCE = re.compile(r"weak source|blog", re.IGNORECASE)


def text_region_code(region: str, file: str, row: int) -> object:
    """BPS code when the region as given is a whole province, kab/kota or Indonesia; else missing."""
    if region in WHOLE_REGIONS:
        return WHOLE_REGIONS[region]
    match = PREFIXED.match(region)
    if not match:
        return pd.NA
    try:
        code = regions.to_bps_code(match[2], bare_name_means_kabupaten=True)
    except UnknownRegionError:
        return pd.NA  # a system, island or plant ("NTB: Lombok system", "NTT: Flores")
    require(
        regions.get(code).level == "kabkota" and code[:2] == WHOLE_REGIONS[match[1]],
        f"{region!r} resolves to {code}, outside {match[1]}",
        file=file,
        column="region",
        row=row,
    )
    return code


def parse_period(text: object, unit_rest: str) -> tuple[object, object, str]:
    """(year, month, basis): '2017-02' → (2017, 2, stated); 'c.2017' → (NA, NA, approximate)."""
    if pd.isna(text):
        return pd.NA, pd.NA, "not_stated"
    match = YEAR.match(str(text))
    if match:
        month = int(match["month"]) if match["month"] else pd.NA
        basis = "inferred_by_compiler" if "year inferred" in unit_rest else "stated"
        return int(match["year"]), month, basis
    if str(text).startswith("c."):
        return pd.NA, pd.NA, "approximate"
    if re.match(r"^\d{4}-\d{4}$", str(text)):
        return pd.NA, pd.NA, "range"
    return pd.NA, pd.NA, "unparsed"


def split_unit(text: str, file: str, row: int) -> tuple[str, object]:
    match = UNIT.match(str(text))
    require(match is not None, f"unknown unit {text!r}", file=file, column="unit", row=row)
    rest = match["rest"].strip()
    if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
        rest = rest[1:-1]
    return match["unit"], (rest or pd.NA)


def run_text_figures(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(TEXT))
    raw = files.read_csv(TEXT, dtype=str)
    require(len(raw) == TEXT_ROWS, f"expected {TEXT_ROWS} rows, found {len(raw)}", file=file)
    require(
        raw["source_title"].notna().all() and raw["source_url_or_repo_path"].notna().all(),
        "row without source",
        file=file,
    )
    require(
        not raw.duplicated(["region", "indicator", "year"]).any(),
        "duplicate region-indicator-year",
        file=file,
    )
    rows = []
    for position, record in enumerate(raw.to_dict("records")):
        unit, unit_note = split_unit(record["unit"], file, position)
        year, month, basis = parse_period(record["year"], str(record["unit"]))
        require(basis != "unparsed", f"period {record['year']!r}", file=file, column="year", row=position)
        value = pd.to_numeric(record["value"], errors="coerce")
        require(pd.notna(value), f"value {record['value']!r}", file=file, column="value", row=position)
        code = text_region_code(record["region"], file, position)
        rows.append(
            {
                "region": record["region"],
                "region_code": code,
                "region_name": regions.get(code).name if pd.notna(code) else pd.NA,
                "region_level": regions.get(code).level if pd.notna(code) else pd.NA,
                "indicator": record["indicator"],
                "period": record["year"] if pd.notna(record["year"]) else "not stated",
                "year": year,
                "month": month,
                "year_basis": basis,
                "value": float(value),
                "unit": unit,
                "unit_note": unit_note,
                "weak_source": bool(WEAK_SOURCE.search(record["source_title"])),
                "source_title": record["source_title"],
                "source_url": record["source_url_or_repo_path"],
                "source": TEXT,
            }
        )
    out = pd.DataFrame(rows).astype(
        {
            "region_code": "string",
            "region_name": "string",
            "region_level": "string",
            "year": "Int64",
            "month": "Int64",
            "unit_note": "string",
        }
    )
    return {"energy_text_figures": out}


# --- specifications -------------------------------------------------------------------------------------

POTENTIAL_SPEC = specs.spec(
    "re_potential",
    citation=(
        "Potensi Energi Indonesia 2019 (lembar kerja tanpa nama penerbit; total nasional sesuai RUEN)",
        "Indonesia Energy Potentials 2019 (workbook without a named publisher; national totals as in RUEN)",
    ),
    title_id="Potensi energi terbarukan menurut provinsi, kelompok pulau dan wilayah (RUEN)",
    title_en="Renewable-energy potential by province, island group and region (RUEN)",
    description=(
        "Potential (MW) from the 'Indonesia Energy Potentials 2019' workbook, whose national totals are "
        "those of RUEN: `table` solar and wind by province (label '2017'); hydro (large, mini/micro) by "
        "province ('2019'); ocean (theoretical, technical, practical) by province or strait; geothermal by "
        "island group (resources by class, reserves, installed, and `geothermal_locations` = count of "
        "locations); regional_summary by region. All of Indonesia, for comparison. `region_code` is set only "
        "where the area is a whole province or Indonesia. Flags: grouped_provinces, "
        "relabelled_bali_nusa_tenggara, label_repeated."
    ),
    columns=(
        Column("table", "string", "Sheet of the workbook", allowed=tuple(SHEETS.values())),
        Column("area", "string", "Area as labelled (typos fixed; 'Total' → Indonesia)"),
        Column(
            "area_type",
            "string",
            "province, province_or_strait (ocean), island_group (geothermal), region, country",
            allowed=("province", "province_or_strait", "island_group", "region", "country"),
        ),
        Column(
            "region_code",
            "string",
            "BPS code where the area is a whole province or Indonesia",
            nullable=True,
            pattern=r"\d{2}",
        ),
        Column("region_name", "string", "Official name of the region_code", nullable=True),
        Column(
            "indicator", "string", "Potential measure (snake case), e.g. solar_potential, geothermal_proven"
        ),
        Column(
            "year_label", "integer", "Year label of the workbook sheet (2017 or 2019)", allowed=(2017, 2019)
        ),
        specs.value("Potential in MW, or number of locations", minimum=0),
        Column("unit", "string", "MW or locations (geothermal_locations)", allowed=("MW", "locations")),
        flags_column("grouped_provinces, relabelled_bali_nusa_tenggara, label_repeated"),
        Column("note", "string", "Reason of a fix", nullable=True),
        specs.SOURCE,
    ),
    primary_key=("table", "area", "indicator"),
    quality=(
        "amber",
        "Angka potensi yang dipakai RUEN, penerbit workbook tidak disebut; pengelompokan tabel tidak "
        "seragam.",
        "Potential figures used in RUEN; the workbook's publisher is not named; tables group areas unevenly.",
    ),
    caveats=(
        (
            "Tabel hidro besar mengelompokkan provinsi: 624 MW berlabel 'Bali' adalah nilai Bali–Nusa "
            "Tenggara (NTB dan NTT kosong) dan diberi label ulang; label provinsi lain ditandai sebagai "
            "kelompok.",
            "The large-hydro table groups provinces: the 624 MW labelled 'Bali' is the Bali–Nusa Tenggara "
            "value (NTB and NTT blank) and is re-labelled; other province labels are marked as groups.",
        ),
        (
            "Panas bumi hanya per kelompok pulau (Bali; Nusa Tenggara = NTB + NTT), bukan per provinsi; "
            "baris lokasi panas bumi adalah jumlah lokasi, bukan MW.",
            "Geothermal is given only by island group (Bali; Nusa Tenggara = NTB + NTT), not by province; "
            "the geothermal-location rows are counts of locations, not MW.",
        ),
        (
            "Potensi laut disajikan per provinsi atau selat (mis. 'Jawa Barat - Lampung'). Label '2017' dan "
            "'2019' adalah label workbook, bukan tahun survei.",
            "Ocean potential is given by province or strait (e.g. 'Jawa Barat - Lampung'). Labels '2017' and "
            "'2019' are the workbook's labels, not survey years.",
        ),
        (
            "Tabel potensi OSeMOSYS Global (berkas SUSPECT) tidak dipakai: nilainya tampak bergeser (surya "
            "Bali 1.100,71 GW, hidro NTT 0).",
            "The OSeMOSYS Global potential table (SUSPECT file) is not used: its values look misaligned "
            "(Bali solar 1,100.71 GW, NTT hydro 0).",
        ),
    ),
    vintage="Workbook 'Indonesia Energy Potentials 2019' (labels 2017 and 2019; RUEN national totals)",
)

TEXT_SPEC = specs.spec(
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
        "figures, Java–Bali crossing, geothermal potentials and project capacities. `region` as given; "
        "`region_code` only where it is a whole province, kab/kota or Indonesia (systems, islands and plants "
        "have none). `period` as given; `year`/`month` parsed where unambiguous (`year_basis`: stated, "
        "inferred_by_compiler, approximate for 'c.', range, not_stated). Cite `source_title` and "
        "`source_url`."
    ),
    columns=(
        Column("region", "string", "Region, system or plant as given"),
        Column(
            "region_code",
            "string",
            "BPS code when the region is a whole province, kab/kota or Indonesia",
            nullable=True,
            pattern=r"\d{2}|\d{4}",
        ),
        Column("region_name", "string", "Official name of region_code", nullable=True),
        Column(
            "region_level",
            "string",
            "country, province or kabkota",
            nullable=True,
            allowed=specs.REGION_LEVELS,
        ),
        Column("indicator", "string", "Indicator as named by the compiler"),
        Column("period", "string", "Period as given ('2017-02', 'c.2017', '2022-2023', 'not stated')"),
        Column("year", "integer", "Year, where unambiguous", nullable=True, minimum=2000, maximum=2100),
        Column("month", "integer", "Month, where given", nullable=True, minimum=1, maximum=12),
        Column(
            "year_basis",
            "string",
            "stated, inferred_by_compiler, approximate, range or not_stated",
            allowed=("stated", "inferred_by_compiler", "approximate", "range", "not_stated"),
        ),
        specs.value("Value as quoted, in `unit`", minimum=0),
        Column("unit", "string", "Unit (MW, MWe, GWh, km, percent…, thousand, million USD, year)"),
        Column("unit_note", "string", "Qualifier that came with the unit", nullable=True),
        Column("weak_source", "boolean", "True for user blogs and sources the compiler marked weak"),
        Column("source_title", "string", "Title of the cited source"),
        Column("source_url", "string", "URL or repository path of the cited source"),
        specs.SOURCE,
    ),
    primary_key=("region", "indicator", "period"),
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
    step("re_potential", (RUEN,), (POTENTIAL_SPEC,), run_potential),
    step("energy_text_figures", (TEXT,), (TEXT_SPEC,), run_text_figures),
)
