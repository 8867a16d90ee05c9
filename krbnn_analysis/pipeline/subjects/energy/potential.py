"""Curated renewable-energy potential (RUEN). (Energy figures found only in text: ``subjects.text_figures``.)

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
"""

from __future__ import annotations

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import join_flags, require, require_close
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.subjects.energy.common import flags_column
from krbnn_analysis.pipeline.upstream import UpstreamFiles

RUEN = "re-potential-by-province-ruen-archensys"

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
        "Angka potensi yang dipakai RUEN, penerbit lembar kerja tidak disebut; pengelompokan tabel tidak "
        "seragam.",
        "Potential figures used in RUEN; the workbook's publisher is not named; tables group areas unevenly.",
    ),
    caveats=(
        (
            "Tabel tenaga air besar mengelompokkan provinsi: 624 MW berlabel 'Bali' adalah nilai Bali–Nusa "
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
            "'2019' adalah label lembar kerja, bukan tahun survei.",
            "Ocean potential is given by province or strait (e.g. 'Jawa Barat - Lampung'). Labels '2017' and "
            "'2019' are the workbook's labels, not survey years.",
        ),
        (
            "Tabel potensi dari model energi OSeMOSYS Global tidak dipakai: penyedia data menandainya "
            "meragukan, dan nilainya tampak bergeser (surya Bali 1.100,71 GW, air NTT 0).",
            "The potential table of the OSeMOSYS Global energy model is not used: the data provider marks it "
            "doubtful, and its values look misaligned (Bali solar 1,100.71 GW, NTT hydro 0).",
        ),
    ),
    vintage="Workbook 'Indonesia Energy Potentials 2019' (labels 2017 and 2019; RUEN national totals)",
)

STEPS = (step("re_potential", (RUEN,), (POTENTIAL_SPEC,), run_potential),)
