"""The landing page (``reports/index.html`` in Bahasa Indonesia, ``reports/index.en.html`` in English).

It says what KR BNN is, lists the focus areas in the MoU's order (with the overview first and the
synthesis last) and for each area with a briefing gives one line and one key figure computed from the
briefing module's ``compute()`` result, the latest year of the tables the briefing used (from the
catalog's freshness fields), and links to the briefing in both languages. An area without a briefing
is listed as "not yet available". Self-contained (inline CSS, no scripts), readable on a phone and in
print.

Adding a briefing to the page is one entry in ``REGISTRY``: its notebook, its area and a function
from its result to a ``KeyFigure``.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from krbnn_analysis import config, i18n

INDEX_FILES = {"id": "index.html", "en": "index.en.html"}


@dataclass(frozen=True)
class KeyFigure:
    """One computed number with the sentence that explains it, in both languages."""

    value: dict[str, str]  # the formatted number by language
    caption: dict[str, str]  # what it is, by language (with its year)


@dataclass(frozen=True)
class Area:
    key: str
    name: dict[str, str]
    line: dict[str, str]  # one line on the area's question


@dataclass(frozen=True)
class RegistryEntry:
    """A briefing on the landing page: its notebook, its area, its module and its key figure."""

    notebook: str  # file stem, e.g. "05_trade"
    area: str  # key in AREAS
    module: str  # module with compute()
    key_figure: Callable[[Any], KeyFigure]


def _percent(value: float, decimals: int = 1) -> dict[str, str]:
    return {lang: f"{i18n.number(value, lang, decimals)}%" for lang in config.LANGUAGES}


def _count(value: int, total: int) -> dict[str, str]:
    return {"id": f"{value} dari {total}", "en": f"{value} of {total}"}


def overview_figure(result: Any) -> KeyFigure:
    year = result.levels_end
    return KeyFigure(
        _percent(result.three_share_of_indonesia),
        {
            "id": f"PDRB Bali, NTB dan NTT sebagai bagian dari PDRB Indonesia, {year}",
            "en": f"GRDP of Bali, NTB and NTT as a share of Indonesia's, {year}",
        },
    )


def tourism_figure(result: Any) -> KeyFigure:
    year = result.last_year
    return KeyFigure(
        _percent(100 * result.gateway_share_last),
        {
            "id": f"Wisatawan mancanegara ke tiga provinsi yang masuk lewat Bandara Ngurah Rai, {year}",
            "en": f"Foreign visitors to the three provinces who arrived through Ngurah Rai airport, {year}",
        },
    )


def connectivity_figure(result: Any) -> KeyFigure:
    year = result.last_year
    return KeyFigure(
        _percent(100 * result.network.hub_passenger_share),
        {
            "id": f"Penumpang penerbangan di dalam kawasan yang terbang dari atau ke Denpasar, {year}",
            "en": f"Intra-region air passengers flying from or to Denpasar, {year}",
        },
    )


def renewables_figure(result: Any) -> KeyFigure:
    year = result.mix_year
    return KeyFigure(
        _percent(100 * result.used_of_potential_region),
        {
            "id": f"Potensi energi terbarukan tiga provinsi yang sudah terpasang sebagai pembangkit PLN, "
            f"{year}",
            "en": f"Renewable energy potential of the three provinces installed as PLN plants, {year}",
        },
    )


def agriculture_figure(result: Any) -> KeyFigure:
    year = result.map_year
    return KeyFigure(
        _count(result.kabkota_specialised, result.kabkota_count),
        {
            "id": f"Kabupaten/kota yang lebih bertumpu pada pertanian daripada Indonesia (LQ > 1), {year}",
            "en": f"Regencies and cities more reliant on agriculture than Indonesia (LQ > 1), {year}",
        },
    )


def trade_figure(result: Any) -> KeyFigure:
    year = result.nonoil_years[1]
    return KeyFigure(
        _percent(result.region_exports_share, 2),
        {
            "id": f"Ekspor nonmigas Indonesia yang berasal dari tiga provinsi, {year}",
            "en": f"Indonesia's non-oil exports that come from the three provinces, {year}",
        },
    )


def synthesis_figure(result: Any) -> KeyFigure:
    first, last = result.panel_years
    counts = result.klassen_counts.set_index("quadrant")["total"]
    return KeyFigure(
        _count(int(counts.loc[3]), result.panel_regions),
        {
            "id": "Kab/kota yang tumbuh lebih cepat dari kawasan tetapi PDRB per kapitanya di bawahnya, "
            f"{first}–{last}",
            "en": "Kab/kota growing faster than the region but with GRDP per capita below it, "
            f"{first}–{last}",
        },
    )


AREAS: tuple[Area, ...] = (
    Area(
        "overview",
        {"id": "Gambaran ekonomi regional", "en": "Regional economic overview"},
        {
            "id": (
                "Seberapa besar tiga perekonomian, seberapa "
                "cepat tumbuh, dan bagaimana kesejahteraan warganya."
            ),
            "en": "How large the three economies are, how fast they grow, and how their people fare.",
        },
    ),
    Area(
        "tourism",
        {"id": "Pariwisata terintegrasi", "en": "Integrated tourism"},
        {
            "id": (
                "Berapa banyak permintaan Bali yang dapat "
                "disebarkan ke Lombok/Mandalika dan Labuan Bajo/Komodo."
            ),
            "en": "How much of Bali's demand could spread to Lombok/Mandalika and Labuan Bajo/Komodo.",
        },
    ),
    Area(
        "connectivity",
        {"id": "Konektivitas transportasi dan energi", "en": "Transport and energy connectivity"},
        {
            "id": (
                "Bagaimana bandara, pelabuhan, penyeberangan dan "
                "jaringan listrik menghubungkan tiga provinsi."
            ),
            "en": "How airports, seaports, ferries and the power grid connect the three provinces.",
        },
    ),
    Area(
        "renewables",
        {"id": "Energi terbarukan", "en": "Renewable energy"},
        {
            "id": (
                "Berapa besar potensi energi terbarukan, berapa sedikit yang terpakai, dan di mana memulai."
            ),
            "en": "How large the renewable potential is, how little is used, and where to start.",
        },
    ),
    Area(
        "agriculture",
        {
            "id": "Pertanian dalam arti luas",
            "en": "Agriculture in the broad sense",
        },
        {
            "id": "Apa yang lebih banyak dihasilkan tiap provinsi, dan dapatkah NTB dan NTT memasok Bali.",
            "en": "What each province produces more of, and whether NTB and NTT can supply Bali.",
        },
    ),
    Area(
        "trade",
        {"id": "Perdagangan dan rantai pasok", "en": "Trade and supply chains"},
        {
            "id": "Seberapa terbuka tiga perekonomian dan produksi mana yang saling melengkapi.",
            "en": "How open the three economies are and which productions complement each other.",
        },
    ),
    Area(
        "synthesis",
        {"id": "Sintesis dan prioritas kerja sama", "en": "Synthesis and cooperation priorities"},
        {
            "id": "Apa yang disimpulkan dari semua bidang untuk program kerja bersama.",
            "en": "What all areas together suggest for a joint work programme.",
        },
    ),
)

REGISTRY: tuple[RegistryEntry, ...] = (
    RegistryEntry("00_overview", "overview", "krbnn_analysis.briefings.overview", overview_figure),
    RegistryEntry("01_tourism", "tourism", "krbnn_analysis.briefings.tourism", tourism_figure),
    RegistryEntry(
        "02_connectivity", "connectivity", "krbnn_analysis.briefings.connectivity", connectivity_figure
    ),
    RegistryEntry(
        "03_renewable_energy", "renewables", "krbnn_analysis.briefings.renewables", renewables_figure
    ),
    RegistryEntry(
        "04_agriculture", "agriculture", "krbnn_analysis.briefings.agriculture", agriculture_figure
    ),
    RegistryEntry("05_trade", "trade", "krbnn_analysis.briefings.trade", trade_figure),
    RegistryEntry("06_synthesis", "synthesis", "krbnn_analysis.briefings.synthesis", synthesis_figure),
)

TEXT = {
    "page_title": {"id": "KR BNN — Briefing analisis", "en": "KR BNN — Analytical briefings"},
    "heading": {
        "id": "Kerja Sama Regional Bali–NTB–NTT: briefing analisis",
        "en": "Regional cooperation Bali–NTB–NTT: analytical briefings",
    },
    "about": {
        "id": (
            "Gubernur Bali, Nusa Tenggara Barat dan Nusa Tenggara Timur menandatangani Nota Kesepahaman "
            "Kerja Sama Regional Bali–NTB–NTT (KR BNN) di Mandalika pada 25 November 2025. Kerja sama ini "
            "disusun dalam dua klaster dengan lima bidang fokus: pariwisata terintegrasi; konektivitas "
            "transportasi dan energi; energi terbarukan; pertanian dalam arti luas (tanaman pangan, "
            "perkebunan, peternakan, perikanan); serta perdagangan dan rantai pasok. Perjanjian Kerja Sama "
            "(PKS) antarperangkat daerah menjabarkannya menjadi kegiatan."
        ),
        "en": (
            "The governors of Bali, Nusa Tenggara Barat and Nusa Tenggara Timur signed the Memorandum of "
            "Understanding on the Bali–NTB–NTT Regional Cooperation (KR BNN) at Mandalika on 25 November "
            "2025. It is organised in two clusters with five focus areas: integrated tourism; transport "
            "and energy connectivity; renewable energy; agriculture in the broad sense (food crops, estate "
            "crops, livestock, fisheries); and trade and supply chains. Cooperation agreements (PKS) "
            "between the provincial agencies turn it into activities."
        ),
    },
    "purpose": {
        "id": (
            "Setiap briefing menjawab satu pertanyaan kebijakan dengan data resmi yang bersumber jelas; "
            "setiap angka dihitung ulang dari data. Grafik dan tabel utama dapat diunduh sebagai CSV, dan "
            "semua tabel data ada dalam satu buku kerja Excel."
        ),
        "en": (
            "Each briefing answers one policy question with clearly sourced official data; every number "
            "is computed from the data. Charts and headline tables can be downloaded as CSV, and every "
            "data table is in one Excel workbook."
        ),
    },
    "areas_heading": {"id": "Briefing per bidang", "en": "Briefings by area"},
    "not_yet": {"id": "Belum tersedia", "en": "Not yet available"},
    "latest_year": {
        "id": "Tahun data terakhir, menurut tabel: {years}",
        "en": "Latest year of data, by table: {years}",
    },
    "read": {"id": "Baca", "en": "Read"},
    "other": {"id": "Briefing lain", "en": "Other briefings"},
    "workbook": {
        "id": "Semua tabel data (Excel): krbnn_tables.xlsx",
        "en": "All data tables (Excel): krbnn_tables.xlsx",
    },
    "footer": {
        "id": "Dibuat oleh krbnn-analysis versi {version} · commit {commit} · tanggal {date}",
        "en": "Generated by krbnn-analysis version {version} · commit {commit} · date {date}",
    },
}


def text(key: str, lang: str, **values: object) -> str:
    """A landing-page text in ``lang``, with ``{placeholders}`` filled and HTML-escaped."""
    template = TEXT[key][i18n.check_language(lang)]
    return template.format(**{k: html.escape(str(v)) for k, v in values.items()})


def registry_by_notebook(registry: Iterable[RegistryEntry] = REGISTRY) -> dict[str, RegistryEntry]:
    return {entry.notebook: entry for entry in registry}


def compute_key_figure(entry: RegistryEntry) -> KeyFigure:
    """Run the briefing module's ``compute()`` and take its key figure."""
    module = importlib.import_module(entry.module)
    return entry.key_figure(module.compute())


# Figures quoted from text: their "latest year" can be a target year (a 2030 goal), not data.
QUOTED_FIGURE_TABLES = frozenset({"text_figures", "energy_text_figures"})


def latest_years(tables: Iterable[str]) -> tuple[int, int] | None:
    """The earliest and the latest of the tables' latest years of data (catalog freshness).

    A span, not one year: an area's tables end in different years (a census, a production table
    with this year's forecast), and one number would hide which. Tables of figures quoted from text
    are left out (their years include targets). None when no table states one.
    """
    from krbnn_analysis.catalog import catalog

    entries = catalog()
    years = [
        entries[name].freshness.get("latest_year")
        for name in tables
        if name in entries
        and name not in QUOTED_FIGURE_TABLES
        and entries[name].freshness.get("latest_year") is not None
    ]
    return (min(years), max(years)) if years else None


@dataclass(frozen=True)
class ListedBriefing:
    """A built briefing as the landing page shows it."""

    name: str  # notebook stem
    title: dict[str, str]
    area: str | None  # area key, None for briefings outside the registry
    figure: KeyFigure | None
    latest_years: tuple[int, int] | None  # span of the latest years of its tables


def _briefing_links(briefing: ListedBriefing, lang: str) -> str:
    other = [x for x in config.LANGUAGES if x != lang]
    name = html.escape(briefing.name)
    title = html.escape(briefing.title[lang])
    main = f'<a class="krbnn-read" href="{lang}/{name}.html" hreflang="{lang}">{title}</a>'
    others = " ".join(
        f'<a href="{x}/{name}.html" hreflang="{x}">({html.escape(i18n.t("language_name", x))})</a>'
        for x in other
    )
    return f"{main} {others}"


def _figure_html(briefing: ListedBriefing, lang: str) -> str:
    parts = []
    if briefing.figure is not None:
        parts.append(
            '<p class="krbnn-keyfigure"><span class="krbnn-keyvalue">'
            f"{html.escape(briefing.figure.value[lang])}</span>"
            f" {html.escape(briefing.figure.caption[lang])}</p>"
        )
    if briefing.latest_years is not None:
        first, last = briefing.latest_years
        span = str(last) if first == last else f"{first}–{last}"
        parts.append(f'<p class="krbnn-vintage">{text("latest_year", lang, years=span)}</p>')
    return "".join(parts)


def _area_card(area: Area, briefing: ListedBriefing | None, lang: str) -> str:
    name = html.escape(area.name[lang])
    line = html.escape(area.line[lang])
    if briefing is None:
        return (
            f'<li class="krbnn-area krbnn-area-missing"><h3>{name}</h3><p>{line}</p>'
            f'<p class="krbnn-status">{text("not_yet", lang)}</p></li>'
        )
    return (
        f'<li class="krbnn-area"><h3>{name}</h3><p>{line}</p>{_figure_html(briefing, lang)}'
        f"<p>{_briefing_links(briefing, lang)}</p></li>"
    )


def _language_switch(lang: str) -> str:
    items = []
    for x in config.LANGUAGES:
        label = html.escape(i18n.t("language_name", x))
        if x == lang:
            items.append(f'<strong aria-current="page">{label}</strong>')
        else:
            items.append(f'<a href="{INDEX_FILES[x]}" hreflang="{x}" lang="{x}">{label}</a>')
    return f'<nav class="krbnn-lang-switch">{" · ".join(items)}</nav>'


def landing_html(
    lang: str,
    briefings: Sequence[ListedBriefing],
    stamp: Mapping[str, str],
    *,
    css: str,
    date_text: str,
    workbook: bool,
) -> str:
    """The landing page in ``lang``: every area (with or without a briefing), then other briefings."""
    by_area = {b.area: b for b in briefings if b.area is not None}
    cards = "".join(_area_card(area, by_area.get(area.key), lang) for area in AREAS)
    others = [b for b in briefings if b.area is None or b.area not in {a.key for a in AREAS}]
    other_html = ""
    if others:
        items = "".join(f"<li>{_briefing_links(b, lang)}{_figure_html(b, lang)}</li>" for b in others)
        other_html = f'<h2>{text("other", lang)}</h2><ul class="krbnn-index-list">{items}</ul>'
    workbook_html = (
        f'<p class="krbnn-workbook"><a href="krbnn_tables.xlsx" download>{text("workbook", lang)}</a></p>'
        if workbook
        else ""
    )
    footer = text("footer", lang, version=stamp["version"], commit=stamp["commit"], date=date_text)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{text("page_title", lang)}</title>
<style>{css}
{LANDING_CSS}</style>
</head>
<body class="krbnn-index krbnn-landing">
<main>
{_language_switch(lang)}
<h1>{text("heading", lang)}</h1>
<p>{text("about", lang)}</p>
<p>{text("purpose", lang)}</p>
{workbook_html}
<h2>{text("areas_heading", lang)}</h2>
<ul class="krbnn-areas">{cards}</ul>
{other_html}
</main>
<footer class="krbnn-footer">{footer}</footer>
</body>
</html>
"""


LANDING_CSS = """
.krbnn-landing main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.krbnn-lang-switch { text-align: right; font-size: 0.95rem; }
.krbnn-areas { list-style: none; padding: 0; display: grid;
  grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; }
.krbnn-area { border: 1px solid #cbd2d9; border-radius: 6px; padding: 0.75rem 1rem; break-inside: avoid; }
.krbnn-area h3 { margin: 0 0 0.4rem 0; font-size: 1.1rem; }
.krbnn-area p { margin: 0.35rem 0; }
.krbnn-area-missing { background: #f5f7fa; color: #52606d; }
.krbnn-status { font-style: italic; }
.krbnn-keyfigure { font-size: 0.95rem; }
.krbnn-keyvalue { display: block; font-size: 1.8rem; font-weight: bold; color: #0072b2; }
.krbnn-vintage { font-size: 0.85rem; color: #52606d; }
.krbnn-read { font-weight: bold; }
.krbnn-landing a { overflow-wrap: anywhere; }
@media (max-width: 600px) { .krbnn-landing h1 { font-size: 1.6rem; } }
@media print {
  .krbnn-lang-switch { display: none; }
  .krbnn-areas { display: block; }
  .krbnn-area { margin-bottom: 0.6rem; }
  .krbnn-keyvalue { color: #000; }
}
"""

__all__ = [
    "AREAS",
    "INDEX_FILES",
    "REGISTRY",
    "Area",
    "KeyFigure",
    "ListedBriefing",
    "RegistryEntry",
    "compute_key_figure",
    "landing_html",
    "latest_years",
    "registry_by_notebook",
]
