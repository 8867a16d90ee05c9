"""Briefing build: language split, no code, offline, escaping, provenance stamp, all-or-nothing, identical."""

from __future__ import annotations

import html
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell
from synthetic_notebooks import write_notebook

from krbnn_analysis import catalog, config
from krbnn_analysis.catalog import Text, replace
from krbnn_analysis.errors import ReportBuildError, UnknownLanguageError
from krbnn_analysis.report import Findings, note, sources_table, table
from krbnn_analysis.report.build import build_reports, build_stamp, discover

CODE_MARKER = "CODE_MARKER_4711"
# Under pytest-xdist (make unit: --dist loadgroup) the tests that use the module fixture ``built`` run on
# one worker, so the synthetic briefing is built once.
USES_BUILT = pytest.mark.xdist_group("test_report_built")


def _synthetic_notebook(path, *, fail=False, stderr=False):
    """A SYNTHETIC briefing: one narrative cell per language, hidden code, a table and the sources."""
    cells = [
        new_markdown_cell("# Judul sintetis", metadata={"tags": ["lang-id"]}),
        new_markdown_cell("# Synthetic title", metadata={"tags": ["lang-en"]}),
        new_markdown_cell("Teks untuk semua bahasa / text for all languages"),
        new_markdown_cell("Only in the notebook", metadata={"tags": ["remove-cell"]}),
        new_code_cell('LANG = "id"', metadata={"tags": ["parameters"]}),
        new_code_cell(f"{CODE_MARKER} = 1\nfrom krbnn_analysis import i18n, load, report\nhdi = load('hdi')"),
        new_code_cell("report.note(LANG, id='Angka {x}', en='Number {x}', x=i18n.number(1.5, LANG))"),
        new_code_cell(
            "from krbnn_analysis import plotting\nplotting.setup(LANG)\nimport pandas as pd\n"
            "fig = plotting.line_chart(pd.DataFrame({'region_code': ['51', '51'], 'year': [2020, 2021], "
            "'value': [1.0, 2.5]}), lang=LANG, title='Synthetic chart')"
        ),
        new_code_cell("report.sources_table(LANG)"),
    ]
    if stderr:
        cells.append(new_code_cell("import sys\nprint('a warning', file=sys.stderr)"))
    write_notebook(path, cells, title=("Briefing sintetis", "Synthetic briefing"), fail=fail)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("briefings")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    _synthetic_notebook(notebooks / "90_synthetic.ipynb")
    out = root / "reports"
    build_reports(notebooks_dir=notebooks, out_dir=out, build_date="2026-01-31", jobs=2)  # in parallel
    return notebooks, out


@USES_BUILT
def test_language_split_and_html_lang(built):
    _, out = built
    indonesian = (out / "id" / "90_synthetic.html").read_text(encoding="utf-8")
    english = (out / "en" / "90_synthetic.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in indonesian and '<html lang="en">' in english
    assert "Judul sintetis" in indonesian and "Synthetic title" not in indonesian
    assert "Synthetic title" in english and "Judul sintetis" not in english
    assert "text for all languages" in indonesian and "text for all languages" in english
    assert "Only in the notebook" not in indonesian + english
    assert "Angka 1,5" in indonesian and "Number 1.5" in english  # local number format, computed value


@USES_BUILT
def test_briefings_contain_no_code(built):
    _, out = built
    for path in out.glob("*/90_synthetic.html"):
        text = path.read_text(encoding="utf-8")
        assert CODE_MARKER not in text
        assert "LANG =" not in text
        assert not re.search(r'class="[^"]*(jp-InputArea-editor|highlight|jp-InputPrompt)', text)


@USES_BUILT
def test_briefings_load_nothing_from_the_network(built):
    _, out = built
    for path in [*out.glob("*/*.html"), out / "index.html"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=", text), path
        assert not re.search(r"<link[^>]+href=", text), path
        assert not re.search(r"@import|url\((?!data:)", text), path
        assert not re.search(r"<(img|iframe|video|audio|source)[^>]+src=[\"']https?:", text), path


@USES_BUILT
def test_footer_and_sources_table(built):
    _, out = built
    text = (out / "id" / "90_synthetic.html").read_text(encoding="utf-8")
    stamp = build_stamp("2026-01-31")
    assert f"versi {stamp['version']}" in text and stamp["commit"] in text and "31 Januari 2026" in text
    assert "Ketersediaan dan sumber data" in text and "Indeks Pembangunan Manusia" in text  # from the catalog
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="id/90_synthetic.html"' in index and 'href="en/90_synthetic.html"' in index


@USES_BUILT
def test_two_builds_are_byte_identical(built, tmp_path):
    notebooks, out = built
    again = tmp_path / "again"
    build_reports(notebooks_dir=notebooks, out_dir=again, build_date="2026-01-31", jobs=1)  # in sequence
    assert sorted(p.relative_to(again) for p in again.rglob("*.html")) == sorted(
        p.relative_to(out) for p in out.rglob("*.html")
    )
    for path in out.rglob("*.html"):
        assert (again / path.relative_to(out)).read_bytes() == path.read_bytes(), path


def test_a_failing_notebook_leaves_existing_briefings_untouched(tmp_path):
    notebooks, out = tmp_path / "notebooks", tmp_path / "reports"
    notebooks.mkdir()
    _synthetic_notebook(notebooks / "89_first.ipynb")
    _synthetic_notebook(notebooks / "90_synthetic.ipynb")
    build_reports(notebooks_dir=notebooks, out_dir=out, build_date="2026-01-31", jobs=2)
    before = {p: p.read_bytes() for p in out.rglob("*.html")}
    # Change the first notebook (it would build fine) and break the second: nothing may be replaced.
    first = nbformat.read(notebooks / "89_first.ipynb", as_version=4)
    first.cells[2].source = "Teks yang diubah / changed text"
    nbformat.write(first, notebooks / "89_first.ipynb")
    _synthetic_notebook(notebooks / "90_synthetic.ipynb", fail=True)
    outcomes = []
    with pytest.raises(
        ReportBuildError,
        match=r"90_synthetic.ipynb \[id\]: cell 9 \(raise ValueError.*\) failed: ValueError: deliberate",
    ):
        build_reports(
            notebooks_dir=notebooks, out_dir=out, build_date="2026-01-31", jobs=2, progress=outcomes.append
        )
    assert {p: p.read_bytes() for p in out.rglob("*.html")} == before
    assert not list(out.glob(".staging-*"))
    assert sorted((o.name, o.lang, o.status) for o in outcomes) == [
        ("89_first", "en", "built"),
        ("89_first", "id", "built"),
        ("90_synthetic", "en", "failed"),
        ("90_synthetic", "id", "failed"),
    ]
    # Fixed: the good runs of the failed build were kept, so the first notebook is only exported.
    _synthetic_notebook(notebooks / "90_synthetic.ipynb")
    outcomes.clear()
    build_reports(notebooks_dir=notebooks, out_dir=out, build_date="2026-01-31", progress=outcomes.append)
    assert {(o.name, o.lang): o.detail for o in outcomes} == {
        ("89_first", "id"): "exported from the stored run",
        ("89_first", "en"): "exported from the stored run",
        ("90_synthetic", "id"): "executed",
        ("90_synthetic", "en"): "executed",
    }
    assert "changed text" in (out / "en" / "89_first.html").read_text(encoding="utf-8")


def test_stderr_output_fails_the_build(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _synthetic_notebook(notebooks / "91_noisy.ipynb", stderr=True)
    with pytest.raises(ReportBuildError, match="wrote to stderr: a warning"):
        build_reports(notebooks_dir=notebooks, out_dir=tmp_path / "reports", languages=["id"])


def test_unknown_notebook_language_and_date_are_rejected(tmp_path):
    with pytest.raises(ReportBuildError, match="no notebook named 99_nothing"):
        discover(["99_nothing"])
    with pytest.raises(UnknownLanguageError):
        build_reports(languages=["fr"], out_dir=tmp_path)
    with pytest.raises(ReportBuildError, match="YYYY-MM-DD"):
        build_stamp("29/11/2026")


def test_every_briefing_notebook_has_both_titles_and_a_parameters_cell():
    for briefing in discover():
        notebook = nbformat.read(briefing.path, as_version=4)
        tags = [tag for cell in notebook.cells for tag in cell.metadata.get("tags", [])]
        assert "parameters" in tags, briefing.name
        assert {"lang-id", "lang-en"} <= set(tags), briefing.name
        assert briefing.title["id"] != briefing.title["en"]


# --- escaping of strings that come from data ----------------------------------------------------------------


def test_strings_from_data_are_html_escaped():
    evil = "<script>alert('x')</script> & Kota <b>"
    dataset = replace(catalog()["hdi"], title=Text(id=evil, en=evil))
    html = sources_table("id", [dataset]).data
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    findings = Findings("en").add(id="{r}", en="Region {r}", r=evil)
    assert "<script>" not in findings._repr_html_()
    assert "<b>" not in note("id", id="{r}", en="{r}", r=evil).data
    import pandas as pd

    assert "<script>" not in table(pd.DataFrame({"region": [evil]}), "id").data


@pytest.mark.slow
def test_real_overview_briefing_has_no_code_and_both_languages(tmp_path):
    if not (config.notebooks_dir() / "00_overview.ipynb").exists():
        pytest.skip("no overview notebook")
    build_reports(["00_overview"], out_dir=tmp_path, build_date="2026-01-31")
    for lang, title in (("id", "Ikhtisar ekonomi regional"), ("en", "Regional economic overview")):
        text = (tmp_path / lang / "00_overview.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in text and title in text
        assert "tables.select(" not in text and "plotting.setup" not in text
        assert len(re.findall(r'<img[^>]+src="data:image/png;base64', text)) >= 6  # charts and map embedded
        assert "krbnn-sources" in text and "krbnn-findings" in text


@USES_BUILT
def test_chart_images_carry_alt_text_in_the_briefing_language(built):
    _, out = built
    text = (out / "id" / "90_synthetic.html").read_text(encoding="utf-8")
    assert re.findall(r'<img[^>]+alt="([^"]*)"', text) == ["Synthetic chart"]  # the chart's title
    assert "No description has been provided" not in text


# English words that have no place in an Indonesian briefing outside proper names and the collapsed
# technical annex (repository paths, licence names).
ENGLISH_MARKERS = re.compile(
    r"\b(the|and|of|with|from|not stated|as above|downloaded|accessed|vintage|source|sources|flights|"
    r"airport|spending|visitor|average|per visit|growth|share)\b",
    re.IGNORECASE,
)
PROPER_NAMES = ("The Jakarta Post", "World Port Index", "Global Power Plant Database")


def english_in_indonesian_briefing(page: str) -> list[str]:
    """English marker words in what a reader of an Indonesian briefing sees (no markup, no annex)."""
    body = re.sub(r"<(style|script|details)\b.*?</\1>", " ", page, flags=re.DOTALL | re.IGNORECASE)
    body = re.sub(r"<img[^>]*>", " ", body)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    return sorted({match.lower() for match in ENGLISH_MARKERS.findall(text)})


def test_the_english_marker_check_finds_what_the_review_found():
    page = "<p>avg foreign visitor spending per visit</p><td>not stated</td><details>MIT, the repo</details>"
    assert english_in_indonesian_briefing(page) == ["not stated", "per visit", "spending", "visitor"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "00_overview",
        "01_tourism",
        "05_trade",
    ],
)
def test_real_indonesian_briefings_hold_no_english(name, tmp_path):
    if not (config.notebooks_dir() / f"{name}.ipynb").exists():
        pytest.skip(f"no notebook {name}")
    build_reports([name], languages=["id"], out_dir=tmp_path, build_date="2026-01-31")
    page = (tmp_path / "id" / f"{name}.html").read_text(encoding="utf-8")
    assert english_in_indonesian_briefing(page) == []
    assert "No description has been provided" not in page


def _embedded_pngs(path) -> list[str]:
    return re.findall(r'<img[^>]+src="data:image/png;base64,([^"]+)"', path.read_text(encoding="utf-8"))


@USES_BUILT
def test_two_builds_embed_identical_figures(built, tmp_path):
    notebooks, out = built
    again = tmp_path / "again"
    build_reports(notebooks_dir=notebooks, out_dir=again, languages=["id"], build_date="2026-01-31")
    first = _embedded_pngs(out / "id" / "90_synthetic.html")
    second = _embedded_pngs(again / "id" / "90_synthetic.html")
    assert len(first) == 1  # the chart, embedded
    assert second == first  # the same PNG bytes, not only an image


@USES_BUILT
def test_cli_reports_failure_exits_1_in_one_line_and_keeps_briefings(built, tmp_path, monkeypatch, capsys):
    from krbnn_analysis.cli import main

    _, out = built
    before = {p: p.read_bytes() for p in out.rglob("*.html")}
    broken = tmp_path / "notebooks"
    broken.mkdir()
    _synthetic_notebook(broken / "90_synthetic.ipynb", fail=True)
    monkeypatch.setenv("KRBNN_NOTEBOOKS_DIR", str(broken))
    monkeypatch.setenv("KRBNN_REPORTS_DIR", str(out))
    assert main(["reports", "--build-date", "2026-01-31", "-j", "2"]) == 1
    captured = capsys.readouterr()
    err = captured.err
    assert (
        err.startswith("krbnn: error: 90_synthetic.ipynb [id]: cell 9") and len(err.strip().splitlines()) == 1
    )
    assert {p: p.read_bytes() for p in out.rglob("*.html")} == before
    # Progress on stdout: one line per briefing and language, then the summary.
    lines = captured.out.strip().splitlines()
    assert sorted(line.split()[:3] for line in lines[:-1]) == [
        ["failed", "90_synthetic", "[en]"],
        ["failed", "90_synthetic", "[id]"],
    ]
    assert lines[-1].startswith("2 briefings: 0 built, 0 reused, 2 failed in ")


def _csv_links(text):
    import base64

    found = re.findall(r'href="data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)"', text)
    return [base64.b64decode(x).decode("utf-8").removeprefix("\ufeff") for x in found]


@USES_BUILT
def test_chart_offers_exactly_the_plotted_rows_as_csv(built):
    import pandas as pd

    from krbnn_analysis.report.downloads import read_data_csv

    _, out = built
    for lang, label in (("id", "Unduh data (CSV)"), ("en", "Download data (CSV)")):
        text = (out / lang / "90_synthetic.html").read_text(encoding="utf-8")
        assert label in text
        (csv,) = _csv_links(text)
        plotted = pd.DataFrame({"region_code": [51, 51], "year": [2020, 2021], "value": [1.0, 2.5]})
        pd.testing.assert_frame_equal(read_data_csv(csv), plotted)
        assert csv.splitlines()[1].startswith("# Lisensi: " if lang == "id" else "# Licence: ")


@USES_BUILT
def test_landing_pages_link_each_other_and_every_file_they_name(built):
    _, out = built
    for name in ("index.html", "index.en.html"):
        page = (out / name).read_text(encoding="utf-8")
        targets = re.findall(r'href="([^"#:]+)"', page)
        assert targets and all((out / target).is_file() for target in targets), targets
        assert {"index.html", "index.en.html"} - {name} <= set(targets)
        assert len(page.encode("utf-8")) < 200_000
    assert "Belum tersedia" in (out / "index.html").read_text(encoding="utf-8")  # areas without briefing
    assert "Not yet available" in (out / "index.en.html").read_text(encoding="utf-8")


@USES_BUILT
def test_workbook_holds_the_tables_the_briefings_loaded(built, tmp_path):
    import zipfile

    notebooks, out = built
    with zipfile.ZipFile(out / "krbnn_tables.xlsx") as archive:
        sheets = re.findall(r'<sheet name="([^"]+)"', archive.read("xl/workbook.xml").decode("utf-8"))
    assert sheets == ["Daftar tabel - Tables", "hdi"]  # the synthetic notebook loads hdi only
    again = tmp_path / "again"
    build_reports(notebooks_dir=notebooks, out_dir=again, build_date="2026-01-31", jobs=1)
    assert (again / "krbnn_tables.xlsx").read_bytes() == (out / "krbnn_tables.xlsx").read_bytes()
