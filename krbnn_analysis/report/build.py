"""Execute briefing notebooks and export them as self-contained, offline HTML in two languages.

For each notebook ``notebooks/NN_name.ipynb`` and each language:

1. execute it with papermill, injecting ``LANG`` after the cell tagged ``parameters``, on a kernel
   that runs this very Python (a private kernelspec is put first on ``JUPYTER_PATH``);
2. refuse it if any cell wrote to stderr (warnings belong fixed, not shipped to readers);
3. export it with nbconvert (no ``--execute``: execution happened in step 1), removing all code and
   prompts, the cells tagged for the other language (``lang-id`` / ``lang-en``) and cells tagged
   ``remove-cell``, through the ``krbnn`` template (extends ``lab``; no CDN scripts, no web fonts);
4. stamp the footer with the package version, the git commit and a build date taken from the commit
   (or ``--build-date`` / ``SOURCE_DATE_EPOCH``), never from the clock.

All briefings are first written to a staging directory. Only if every notebook succeeded are they
moved into ``reports/``, with ``reports/index.html``; otherwise the error names the notebook, the
cell and the exception, and every existing briefing stays byte-identical.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat

from krbnn_analysis import config, i18n
from krbnn_analysis.errors import ReportBuildError

LANGUAGE_TAG = "lang-{}"
REMOVE_CELL_TAGS = ("remove-cell",)


@dataclass(frozen=True)
class Briefing:
    name: str  # file stem, e.g. "00_overview"
    path: Path
    title: dict[str, str]

    @classmethod
    def from_path(cls, path: Path) -> Briefing:
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception as error:
            raise ReportBuildError(f"{path}: not a readable notebook ({error})") from None
        meta = notebook.metadata.get("krbnn", {})
        title = meta.get("title") or {}
        missing = [lang for lang in config.LANGUAGES if not title.get(lang)]
        if missing:
            raise ReportBuildError(f"{path}: notebook metadata krbnn.title lacks {', '.join(missing)}")
        return cls(path.stem, path, dict(title))


def discover(names: Iterable[str] | None = None, notebooks_dir: Path | None = None) -> list[Briefing]:
    """Briefing notebooks (``NN_name.ipynb``), all or the named ones, in file-name order."""
    notebooks_dir = notebooks_dir or config.notebooks_dir()
    found = {p.stem: p for p in sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb"))}
    names = list(names or [])
    unknown = [n for n in names if n not in found]
    if unknown:
        raise ReportBuildError(
            f"no notebook named {', '.join(unknown)} in {notebooks_dir}; "
            f"known: {', '.join(found) or '(none)'}"
        )
    return [Briefing.from_path(found[n]) for n in (names or found)]


# --- provenance stamp ---------------------------------------------------------------------------------


def _git(*args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=config.REPO_ROOT, capture_output=True, text=True, check=True, timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def build_stamp(build_date: str | None = None) -> dict[str, str]:
    """Version, commit and build date; the date comes from the commit, never from the clock."""
    from krbnn_analysis import __version__

    commit = _git("describe", "--always", "--dirty", "--abbrev=12") or "unknown"
    if build_date is None and os.environ.get("SOURCE_DATE_EPOCH"):
        stamp = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=dt.UTC)
        build_date = stamp.date().isoformat()
    if build_date is None:
        build_date = _git("log", "-1", "--format=%cs") or "unknown"
    else:
        try:
            dt.date.fromisoformat(build_date)
        except ValueError:
            raise ReportBuildError(f"build date {build_date!r} is not YYYY-MM-DD") from None
    return {"version": __version__, "commit": commit, "date": build_date}


def _format_date(iso: str, lang: str) -> str:
    from babel.dates import format_date

    try:
        return format_date(dt.date.fromisoformat(iso), format="long", locale=i18n.LOCALES[lang])
    except ValueError:
        return iso


# --- execution ---------------------------------------------------------------------------------------


KERNEL_NAME = "python3"


@contextmanager
def project_kernel() -> Iterator[Path]:
    """A kernelspec named ``python3`` that runs this interpreter, first on ``JUPYTER_PATH``.

    A user-level kernelspec could otherwise win and run the notebook in a different environment.
    Yields the temporary root, which also holds the kernels' IPC sockets.
    """
    with tempfile.TemporaryDirectory(prefix="krbnn-kernel-") as root:
        spec_dir = Path(root) / "kernels" / "python3"
        spec_dir.mkdir(parents=True)
        spec = {
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (krbnn-analysis)",
            "language": "python",
            "env": {"PYTHONHASHSEED": "0"},
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        previous = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [root, previous]))
        try:
            yield Path(root)
        finally:
            if previous is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = previous


@contextmanager
def kernel_manager(root: Path) -> Iterator:
    """A kernel manager on IPC sockets (local only; no 'TCP without encryption' warning), shut down on exit.

    The socket path is absolute, under ``root``: a relative one would resolve against the kernel's
    working directory (the notebook folder). nbclient does not shut down a kernel manager it was
    given, so this context does.
    """
    from jupyter_client.manager import KernelManager

    sockets = Path(tempfile.mkdtemp(prefix="ipc-", dir=root))
    manager = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=str(sockets / "kernel"))
    try:
        yield manager
    finally:
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)


def _failing_cell(executed: nbformat.NotebookNode, original: nbformat.NotebookNode) -> str:
    """'cell N (first line of its source)' in the ORIGINAL notebook's numbering, plus the error.

    Papermill inserts a parameters cell and error-banner cells, so positions in the executed copy are
    not the author's; cells keep their ids, which map back.
    """
    positions = {cell.get("id"): number for number, cell in enumerate(original.cells)}
    for cell in executed.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                number = positions.get(cell.get("id"), "?")
                first_line = (cell.get("source") or "").strip().splitlines()[:1]
                snippet = first_line[0][:60] if first_line else ""
                return f"cell {number} ({snippet}) failed: {output.get('ename')}: {output.get('evalue')}"
    return "a cell failed"


def execute(briefing: Briefing, lang: str, kernel_root: Path, workdir: Path) -> nbformat.NotebookNode:
    """Run the notebook with ``LANG = lang``; raise ``ReportBuildError`` naming the failing cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    output = workdir / f"{briefing.name}.{lang}.ipynb"
    try:
        with kernel_manager(kernel_root) as manager:
            papermill.execute_notebook(
                str(briefing.path),
                str(output),
                parameters={"LANG": lang},
                kernel_name=KERNEL_NAME,
                cwd=str(briefing.path.parent),
                progress_bar=False,
                log_output=False,
                report_mode=False,
                km=manager,
            )
    except PapermillExecutionError as error:
        if output.exists():
            original = nbformat.read(briefing.path, as_version=4)
            where = _failing_cell(nbformat.read(output, as_version=4), original)
        else:
            where = f"a cell failed: {error.ename}: {error.evalue}"
        raise ReportBuildError(f"{briefing.path.name} [{lang}]: {where}") from None
    except Exception as error:  # kernel could not start, notebook unreadable…
        raise ReportBuildError(f"{briefing.path.name} [{lang}]: could not execute: {error}") from None
    notebook = nbformat.read(output, as_version=4)
    for number, cell in enumerate(notebook.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                text = "".join(out.get("text", "")).strip().splitlines()
                raise ReportBuildError(
                    f"{briefing.path.name} [{lang}]: cell {number} wrote to stderr: {text[0] if text else ''}"
                )
    return notebook


# --- export ------------------------------------------------------------------------------------------


def export_html(notebook: nbformat.NotebookNode, briefing: Briefing, lang: str, stamp: dict[str, str]) -> str:
    """Self-contained HTML of an executed notebook, for readers of language ``lang``."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    other = [x for x in config.LANGUAGES if x != lang]
    settings = Config()
    settings.TagRemovePreprocessor.enabled = True
    settings.TagRemovePreprocessor.remove_cell_tags = {
        *(LANGUAGE_TAG.format(x) for x in other),
        *REMOVE_CELL_TAGS,
    }
    settings.TagRemovePreprocessor.remove_input_tags = {"remove-input"}
    settings.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
    exporter = HTMLExporter(
        config=settings,
        template_name="krbnn",
        extra_template_basedirs=[str(config.TEMPLATES_DIR)],
    )
    exporter.register_preprocessor(TagRemovePreprocessor(config=settings), enabled=True)
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    exporter.language_code = lang
    notebook = nbformat.from_dict(json.loads(json.dumps(notebook)))  # private copy
    # Code is never shown, so a code cell without output would only leave an empty gap.
    notebook.cells = [c for c in notebook.cells if c.cell_type != "code" or c.get("outputs")]
    notebook.metadata["title"] = briefing.title[lang]
    languages = [
        {"code": x, "label": i18n.t("language_name", x), "href": f"../{x}/{briefing.name}.html"}
        for x in config.LANGUAGES
    ]
    resources = {
        "krbnn": {
            **stamp,
            "date_text": _format_date(stamp["date"], lang),
            "lang": lang,
            "languages": languages,
            "index_href": "../index.html",
            "labels": {
                k: i18n.t(k, lang)
                for k in (
                    "footer_generated",
                    "footer_commit",
                    "footer_date",
                    "footer_version",
                    "back_to_index",
                    "other_language",
                )
            },
        }
    }
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return body


def write_index(briefings: list[Briefing], stamp: dict[str, str], target: Path) -> None:
    """``reports/index.html``: every briefing in both languages, offline, no scripts."""
    template = (config.TEMPLATES_DIR / "krbnn" / "static" / "briefing.css").read_text(encoding="utf-8")
    rows = []
    for briefing in briefings:
        name = html.escape(briefing.name)
        links = " · ".join(
            f'<a href="{x}/{name}.html" hreflang="{x}">{html.escape(briefing.title[x])}</a>'
            for x in config.LANGUAGES
        )
        rows.append(f"<li><code>{html.escape(briefing.name)}</code> — {links}</li>")
    page = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>KR BNN — Briefing / Kertas kebijakan</title>
<style>{template}</style>
</head>
<body class="krbnn-index">
<main>
<h1>Kerja Sama Regional Bali–NTB–NTT: briefing analisis</h1>
<p lang="en"><em>Regional cooperation Bali–NTB–NTT: analytical briefings</em></p>
<ul class="krbnn-index-list">{"".join(rows)}</ul>
</main>
<footer class="krbnn-footer">krbnn-analysis {html.escape(stamp["version"])} · commit
<code>{html.escape(stamp["commit"])}</code> · {html.escape(stamp["date"])}</footer>
</body>
</html>
"""
    target.write_text(page, encoding="utf-8")


def build_reports(
    names: Iterable[str] | None = None,
    *,
    languages: Iterable[str] | None = None,
    build_date: str | None = None,
    out_dir: Path | None = None,
    notebooks_dir: Path | None = None,
) -> list[Path]:
    """Execute and export the briefings; all-or-nothing. Returns the written HTML files."""
    languages = [i18n.check_language(x) for x in (languages or config.LANGUAGES)]
    out_dir = out_dir or config.reports_dir()
    briefings = discover(names, notebooks_dir)
    if not briefings:
        raise ReportBuildError(f"no briefing notebooks found in {notebooks_dir or config.notebooks_dir()}")
    stamp = build_stamp(build_date)
    out_dir.mkdir(parents=True, exist_ok=True)
    clean_staging(out_dir)  # leftovers of a killed build (never finished briefings)
    written: list[Path] = []
    with (
        tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as staging_name,
        project_kernel() as root,
    ):
        staging = Path(staging_name)
        for briefing in briefings:
            for lang in languages:
                notebook = execute(briefing, lang, root, staging)
                html_text = export_html(notebook, briefing, lang, stamp)
                target = staging / lang / f"{briefing.name}.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html_text, encoding="utf-8")
        all_briefings = discover(None, notebooks_dir)
        write_index(all_briefings, stamp, staging / "index.html")
        # Every briefing built: move them into place (each move is atomic on one filesystem).
        for lang in languages:
            (out_dir / lang).mkdir(exist_ok=True)
            for briefing in briefings:
                final = out_dir / lang / f"{briefing.name}.html"
                os.replace(staging / lang / f"{briefing.name}.html", final)
                written.append(final)
        os.replace(staging / "index.html", out_dir / "index.html")
        written.append(out_dir / "index.html")
    for path in written:
        path.chmod(0o644)
    return written


def clean_staging(out_dir: Path | None = None) -> None:
    """Remove staging folders left behind by an interrupted build (never finished briefings)."""
    out_dir = out_dir or config.reports_dir()
    for leftover in out_dir.glob(".staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)


__all__ = ["Briefing", "build_reports", "build_stamp", "discover", "export_html"]
