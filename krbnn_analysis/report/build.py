"""Execute briefing notebooks and export them as self-contained, offline HTML in two languages.

For each notebook ``notebooks/NN_name.ipynb`` and each language (one *job*):

1. execute it with papermill, injecting ``LANG`` after the cell tagged ``parameters``, on a kernel
   of its own that runs this very Python (a private kernelspec is put first on ``JUPYTER_PATH``);
   a last, hidden cell reports what the run depended on: the ``krbnn_analysis`` modules imported and
   the curated tables loaded;
2. refuse it if any cell wrote to stderr (warnings belong fixed, not shipped to readers);
3. export it with nbconvert (no ``--execute``: execution happened in step 1), removing all code and
   prompts, the cells tagged for the other language (``lang-id`` / ``lang-en``) and cells tagged
   ``remove-cell``, through the ``krbnn`` template (extends ``lab``; no CDN scripts, no web fonts);
4. stamp the footer with the package version, the git commit and a build date taken from the commit
   (or ``--build-date`` / ``SOURCE_DATE_EPOCH``), never from the clock.

**Incremental.** Beside the outputs, ``reports/.build/<lang>/<name>.json`` keeps content hashes of
everything a job depended on, and ``<name>.ipynb`` its executed notebook. A job is executed again only
when its notebook, an imported library module, a package resource (``*.yaml``), a loaded table (file
or catalog entry), the language or the Python environment changed; it is exported again (from the
stored run, without a kernel) when only the template, the export code or the stamp changed; otherwise
the briefing in ``reports/`` is reused as it is. ``force=True`` (``krbnn reports --force``) rebuilds all.

**Parallel.** Jobs run in up to ``jobs`` worker processes (default: every core), each execution on its
own kernel. Output bytes do not depend on the number of workers.

**All-or-nothing.** Briefings are written to a staging directory and moved into ``reports/`` (each
move atomic) only if every job succeeded; otherwise the error names each failing notebook, language
and cell, and every existing briefing stays byte-identical. Successful runs of a failed build are kept
in the cache, so the build after the fix only redoes what is needed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from krbnn_analysis import config, i18n
from krbnn_analysis.errors import ReportBuildError

if TYPE_CHECKING:
    import nbformat

LANGUAGE_TAG = "lang-{}"
REMOVE_CELL_TAGS = ("remove-cell",)
CACHE_DIR = ".build"  # inside the reports directory: the hashes live next to the outputs
CACHE_FORMAT = 1  # bump when the manifest layout or the meaning of a key changes


@dataclass(frozen=True)
class Briefing:
    name: str  # file stem, e.g. "00_overview"
    path: Path
    title: dict[str, str]

    @classmethod
    def from_path(cls, path: Path) -> Briefing:
        # Plain JSON, not nbformat: listing briefings must stay cheap (nbformat costs ~1 s to import).
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
            meta = notebook.get("metadata", {}).get("krbnn", {})
        except (OSError, ValueError, AttributeError) as error:
            raise ReportBuildError(f"{path}: not a readable notebook ({error})") from None
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
KERNEL_ENV = {"PYTHONHASHSEED": "0"}


@contextmanager
def project_kernel() -> Iterator[Path]:
    """A kernelspec named ``python3`` that runs this interpreter, first on ``JUPYTER_PATH``.

    A user-level kernelspec could otherwise win and run the notebook in a different environment.
    Yields the temporary root, which also holds the kernels' IPC sockets. Worker processes started
    inside this context inherit the variable.
    """
    with tempfile.TemporaryDirectory(prefix="krbnn-kernel-") as root:
        spec_dir = Path(root) / "kernels" / "python3"
        spec_dir.mkdir(parents=True)
        spec = {
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (krbnn-analysis)",
            "language": "python",
            "env": KERNEL_ENV,
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


# The last cell of every run (never shown, never stored): which package modules the notebook imported
# and which curated tables it loaded. Only modules already imported are looked at, so it adds none.
DEPENDENCY_CELL_ID = "krbnn-build-dependencies"
DEPENDENCY_MIME = "application/vnd.krbnn.dependencies+json"
_DEPENDENCY_SOURCE = f"""\
def _krbnn_dependencies():
    import sys
    from IPython.display import display
    modules = sorted(
        module.__file__
        for name, module in list(sys.modules.items())
        if name.split(".")[0] == "krbnn_analysis" and getattr(module, "__file__", None)
    )
    loaders = sys.modules.get("krbnn_analysis.loaders")
    tables = sorted(dataset.name for dataset in loaders.loaded_datasets()) if loaders else []
    display({{"{DEPENDENCY_MIME}": {{"modules": modules, "tables": tables}}}}, raw=True)
_krbnn_dependencies()
del _krbnn_dependencies
"""


@dataclass(frozen=True)
class Dependencies:
    """What one run used: package modules (paths relative to the package) and curated table names."""

    modules: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()


def _instrumented(original: nbformat.NotebookNode) -> nbformat.NotebookNode:
    import nbformat

    notebook = nbformat.from_dict(json.loads(json.dumps(original)))  # private copy
    cell = nbformat.v4.new_code_cell(_DEPENDENCY_SOURCE, metadata={"tags": list(REMOVE_CELL_TAGS)})
    cell["id"] = DEPENDENCY_CELL_ID
    notebook.cells.append(cell)
    return notebook


def _take_dependencies(notebook: nbformat.NotebookNode) -> Dependencies:
    """Remove the dependency cell from an executed notebook and return what it reported."""
    for position, cell in enumerate(notebook.cells):
        if cell.get("id") != DEPENDENCY_CELL_ID:
            continue
        del notebook.cells[position]
        for output in cell.get("outputs", []):
            reported = output.get("data", {}).get(DEPENDENCY_MIME)
            if reported is not None:
                modules = tuple(sorted({_package_relative(Path(p)) for p in reported["modules"]}))
                return Dependencies(modules, tuple(reported["tables"]))
    raise ReportBuildError("the dependency cell reported nothing")


def _package_relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(config.PACKAGE_DIR).as_posix()
    except ValueError:
        return str(path)  # outside the package (should not happen): tracked by absolute path


def _execute(
    briefing: Briefing, lang: str, kernel_root: Path, workdir: Path
) -> tuple[nbformat.NotebookNode, Dependencies]:
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    output = workdir / f"{briefing.name}.{lang}.ipynb"
    original = nbformat.read(briefing.path, as_version=4)
    try:
        with kernel_manager(kernel_root) as manager:
            notebook = papermill.execute_notebook(
                _instrumented(original),
                str(output),  # written once at the end (or at the failing cell)
                parameters={"LANG": lang},
                kernel_name=KERNEL_NAME,
                cwd=str(briefing.path.parent),
                progress_bar=False,
                log_output=False,
                report_mode=False,
                # Saving after every cell re-serialises and re-validates the whole notebook, images
                # included, twice per cell: seconds per briefing for a file nobody reads meanwhile.
                request_save_on_cell_execute=False,
                km=manager,
            )
    except PapermillExecutionError as error:
        if output.exists():
            where = _failing_cell(nbformat.read(output, as_version=4), original)
        else:
            where = f"a cell failed: {error.ename}: {error.evalue}"
        raise ReportBuildError(f"{briefing.path.name} [{lang}]: {where}") from None
    except Exception as error:  # kernel could not start, notebook unreadable…
        raise ReportBuildError(f"{briefing.path.name} [{lang}]: could not execute: {error}") from None
    output.unlink()
    dependencies = _take_dependencies(notebook)
    for number, cell in enumerate(notebook.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                text = "".join(out.get("text", "")).strip().splitlines()
                raise ReportBuildError(
                    f"{briefing.path.name} [{lang}]: cell {number} wrote to stderr: {text[0] if text else ''}"
                )
    return notebook, dependencies


def execute(briefing: Briefing, lang: str, kernel_root: Path, workdir: Path) -> nbformat.NotebookNode:
    """Run the notebook with ``LANG = lang``; raise ``ReportBuildError`` naming the failing cell."""
    return _execute(briefing, lang, kernel_root, workdir)[0]


# --- export ------------------------------------------------------------------------------------------


def export_html(notebook: nbformat.NotebookNode, briefing: Briefing, lang: str, stamp: dict[str, str]) -> str:
    """Self-contained HTML of an executed notebook, for readers of language ``lang``."""
    import nbformat
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
    _add_download_links(notebook, briefing.name, lang)
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
            "index_href": f"../{_index_file(lang)}",
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


def _attached_csv(output: dict) -> str | None:
    """The CSV a chart or table output carries in its metadata (see ``report.downloads``), if any."""
    from krbnn_analysis.report.downloads import DATA_METADATA_KEY

    metadata = output.get("metadata") or {}
    for value in metadata.values():
        if isinstance(value, dict) and DATA_METADATA_KEY in value:
            return value[DATA_METADATA_KEY]
    return metadata.get(DATA_METADATA_KEY)


def _add_download_links(notebook: nbformat.NotebookNode, name: str, lang: str) -> None:
    """After each output that carries its data, a link downloading that data as a CSV (data URI)."""
    import nbformat

    from krbnn_analysis.report.downloads import download_link

    number = 0
    for cell in notebook.cells:
        outputs = []
        for output in cell.get("outputs", []):
            outputs.append(output)
            csv = _attached_csv(output)
            if csv is None:
                continue
            number += 1
            link = download_link(csv, f"{name}_{lang}_{number:02d}.csv", lang)
            outputs.append(nbformat.v4.new_output("display_data", data={"text/html": link}))
        if "outputs" in cell:
            cell["outputs"] = outputs


def _index_file(lang: str) -> str:
    from krbnn_analysis.report.landing import INDEX_FILES

    return INDEX_FILES[lang]


def briefing_tables(briefing: Briefing, cache_dir: Path) -> tuple[str, ...]:
    """The curated tables the briefing's last runs loaded (from the manifests, any language)."""
    tables: set[str] = set()
    for lang in config.LANGUAGES:
        manifest = Manifest.read(cache_dir / lang / f"{briefing.name}.json")
        if manifest is not None:
            tables.update(manifest.dependencies.tables)
    return tuple(sorted(tables))


def _is_built(briefing: Briefing, cache_dir: Path) -> bool:
    """True when a successful run of the briefing is stored in every language (so it is published)."""
    return all((cache_dir / lang / f"{briefing.name}.json").is_file() for lang in config.LANGUAGES)


def _key_figure(briefing: Briefing, entry, cache_dir: Path):
    """The briefing's key figure, from ``compute()``; kept beside the manifests while its run is current."""
    from krbnn_analysis.report.landing import KeyFigure, compute_key_figure

    manifest = Manifest.read(cache_dir / config.LANGUAGES[0] / f"{briefing.name}.json")
    key = _sha256_json(
        {
            "run": manifest.execution_key if manifest else None,
            "landing": _sha256_file(Path(__file__).with_name("landing.py")),
        }
    )
    stored_path = cache_dir / "landing" / f"{briefing.name}.json"
    try:
        stored = json.loads(stored_path.read_text(encoding="utf-8"))
        if stored["key"] == key:
            return KeyFigure(**stored["figure"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    figure = compute_key_figure(entry)
    _write_atomically(stored_path, json.dumps({"key": key, "figure": asdict(figure)}, sort_keys=True))
    return figure


def listed_briefings(briefings: list[Briefing], cache_dir: Path) -> list:
    """The built briefings with their area, key figure and latest year of data, for the landing page.

    A briefing not built yet (or whose notebook fails) is left out: its area shows as not available.
    """
    from krbnn_analysis.report.landing import ListedBriefing, latest_years, registry_by_notebook

    registry = registry_by_notebook()
    listed = []
    for briefing in (b for b in briefings if _is_built(b, cache_dir)):
        entry = registry.get(briefing.name)
        listed.append(
            ListedBriefing(
                briefing.name,
                briefing.title,
                entry.area if entry else None,
                _key_figure(briefing, entry, cache_dir) if entry else None,
                latest_years(briefing_tables(briefing, cache_dir)),
            )
        )
    return listed


def landing_pages(listed: list, stamp: dict[str, str], *, workbook: bool) -> dict[str, str]:
    """The landing page's HTML by file name (one per language)."""
    from krbnn_analysis.report.landing import INDEX_FILES, landing_html

    css = (config.TEMPLATES_DIR / "krbnn" / "static" / "briefing.css").read_text(encoding="utf-8")
    return {
        INDEX_FILES[lang]: landing_html(
            lang, listed, stamp, css=css, date_text=_format_date(stamp["date"], lang), workbook=workbook
        )
        for lang in config.LANGUAGES
    }


def _workbook_key(tables: list[str], stamp: dict[str, str]) -> str:
    """Hash of what the workbook holds: the tables (file and catalog entry), its writer and its date."""
    return _sha256_json(
        {
            "tables": {t: _table_fingerprint(t) for t in tables},
            "writer": _sha256_file(Path(__file__).with_name("workbook.py")),
            "environment": environment_fingerprint(),
            "date": stamp["date"],
        }
    )


def write_delivery(
    briefings: list[Briefing], stamp: dict[str, str], cache_dir: Path, staging: Path
) -> list[Path]:
    """The landing pages and the workbook of every table the briefings used, written into ``staging``.

    The workbook is written again only when its tables, its writer or the date changed (its key is
    kept in the cache; the published file must still be the one recorded there).
    """
    from krbnn_analysis.report.workbook import WORKBOOK_NAME, write_workbook

    tables = sorted({t for b in briefings for t in briefing_tables(b, cache_dir)})
    written = []
    if tables:
        key, record = _workbook_key(tables, stamp), cache_dir / "workbook.json"
        published = _sha256_file(cache_dir.parent / WORKBOOK_NAME)
        try:
            current = json.loads(record.read_text(encoding="utf-8")) == {"key": key, "sha256": published}
        except (OSError, ValueError):
            current = False
        if not current:
            workbook = write_workbook(tables, staging / WORKBOOK_NAME, stamp["date"])
            stored = {"key": key, "sha256": _sha256_file(workbook)}
            _write_atomically(record, json.dumps(stored, sort_keys=True))
            written.append(workbook)
    pages = landing_pages(listed_briefings(briefings, cache_dir), stamp, workbook=bool(tables))
    for name, text in pages.items():
        (staging / name).write_text(text, encoding="utf-8")
        written.append(staging / name)
    return written


# --- content hashes: what decides whether a job is redone -----------------------------------------------


def _sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sha256_file(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return "missing"


def _sha256_json(value: object) -> str:
    return _sha256_bytes(json.dumps(value, sort_keys=True, default=str).encode("utf-8"))


@cache
def environment_fingerprint() -> str:
    """Python and every installed distribution with its version (pandas, matplotlib… shape outputs)."""
    from importlib.metadata import distributions

    installed = sorted({(d.metadata["Name"] or "").lower(): d.version for d in distributions()}.items())
    return _sha256_json(
        {"python": sys.version, "platform": platform.platform(), "kernel": KERNEL_ENV, "installed": installed}
    )


def _package_resources() -> dict[str, str]:
    """Data files of the package read at run time (translations, origin records)."""
    return {
        p.relative_to(config.PACKAGE_DIR).as_posix(): _sha256_file(p)
        for p in sorted(config.PACKAGE_DIR.rglob("*.yaml"))
    }


def _table_fingerprint(name: str) -> str:
    """The table's file content and its catalog entry (title, caveats, sources, quality shown to readers)."""
    from krbnn_analysis.catalog import catalog

    try:
        entry = catalog()[name]
    except Exception:  # no catalog, or the table was removed: the briefing must run again (and fail)
        return "missing"
    return _sha256_json({"entry": asdict(entry), "file": _sha256_file(entry.file)})


def execution_key(briefing: Briefing, lang: str, dependencies: Dependencies) -> str:
    """Hash of everything a run's output depends on, given what the last run reported using."""
    return _sha256_json(
        {
            "format": CACHE_FORMAT,
            "lang": lang,
            "notebook": _sha256_file(briefing.path),
            "environment": environment_fingerprint(),
            "resources": _package_resources(),
            "modules": {m: _sha256_file(config.PACKAGE_DIR / m) for m in dependencies.modules},
            "tables": {t: _table_fingerprint(t) for t in dependencies.tables},
        }
    )


def export_key(execution: str, briefing: Briefing, stamp: dict[str, str]) -> str:
    """Hash of what turns a run into HTML: the run, the template, this module, the titles and the stamp."""
    template = {
        p.relative_to(config.TEMPLATES_DIR).as_posix(): _sha256_file(p)
        for p in sorted(config.TEMPLATES_DIR.rglob("*"))
        if p.is_file()
    }
    return _sha256_json(
        {
            "execution": execution,
            "template": template,
            "exporter": _sha256_file(Path(__file__)),
            "translations": _sha256_file(config.TRANSLATIONS_FILE),
            "title": briefing.title,
            "stamp": stamp,
        }
    )


# --- jobs ---------------------------------------------------------------------------------------------


BUILT, REUSED, FAILED = "built", "reused", "failed"


@dataclass(frozen=True)
class Outcome:
    """What happened to one briefing in one language (reported as each job ends)."""

    name: str
    lang: str
    status: str  # built | reused | failed
    seconds: float
    detail: str = ""  # "executed", "exported from the stored run", or the error


@dataclass(frozen=True)
class _Task:
    """A job for a worker process (picklable): execute and export, or export a stored run."""

    briefing: Briefing
    lang: str
    stamp: dict[str, str]
    staging: Path
    kernel_root: Path
    stored_run: Path | None = None  # export only: the cached executed notebook


@dataclass
class _Done:
    task: _Task
    seconds: float
    error: str | None = None
    dependencies: Dependencies | None = None  # set when the notebook was executed
    executed: Path | None = None  # executed notebook written to staging
    html: Path | None = None


def _staged_paths(staging: Path, briefing: Briefing, lang: str) -> tuple[Path, Path]:
    html_path = staging / lang / f"{briefing.name}.html"
    run_path = staging / CACHE_DIR / lang / f"{briefing.name}.ipynb"
    return html_path, run_path


def _run_task(task: _Task) -> _Done:
    """Execute (unless a stored run is given) and export one briefing in one language, into staging."""
    import nbformat

    start = time.perf_counter()
    html_path, run_path = _staged_paths(task.staging, task.briefing, task.lang)
    try:
        dependencies = None
        if task.stored_run is None:
            workdir = Path(tempfile.mkdtemp(prefix="run-", dir=task.staging))
            notebook, dependencies = _execute(task.briefing, task.lang, task.kernel_root, workdir)
            run_path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, run_path)
        else:
            notebook = nbformat.read(task.stored_run, as_version=4)
        text = export_html(notebook, task.briefing, task.lang, task.stamp)
        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(text, encoding="utf-8")
    except ReportBuildError as error:
        return _Done(task, time.perf_counter() - start, error=str(error))
    return _Done(task, time.perf_counter() - start, None, dependencies, run_path, html_path)


def _pool_context() -> multiprocessing.context.BaseContext:
    # spawn, not fork: a forked worker would share the parent's asyncio event loop (its epoll
    # descriptor) with its siblings once the parent has talked to a kernel, as in a test session.
    # Workers import papermill and nbconvert side by side, so the start costs one import in wall time.
    return multiprocessing.get_context("spawn")


def _exit_with_parent(parent: int) -> None:
    """Worker start: end this worker when the build process is gone (killed, not just interrupted);
    an idle pool worker would otherwise wait for work forever. Its kernel follows its parent too."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="krbnn-parent-watch", daemon=True).start()


def _run_tasks(tasks: list[_Task], jobs: int, on_done: Callable[[_Done], None]) -> None:
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            on_done(_run_task(task))
        return
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(tasks)),
        mp_context=_pool_context(),
        initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )
    with pool:
        futures = [pool.submit(_run_task, task) for task in tasks]
        for future in as_completed(futures):
            on_done(future.result())


# --- the manifest beside the outputs -------------------------------------------------------------------


@dataclass
class Manifest:
    """Content hashes of one job: of its run (and what it depended on) and of its published HTML."""

    execution_key: str
    dependencies: Dependencies
    run_sha256: str  # the stored executed notebook
    seconds: float  # how long the last execution took (long jobs are started first)
    export_key: str | None = None  # None while the HTML of this run is not published
    html_sha256: str | None = None

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.pop("format") != CACHE_FORMAT:
                return None
            raw["dependencies"] = Dependencies(**{k: tuple(v) for k, v in raw["dependencies"].items()})
            return cls(**raw)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or unreadable: the job is simply redone

    def text(self) -> str:
        return json.dumps({"format": CACHE_FORMAT, **asdict(self)}, indent=1, sort_keys=True) + "\n"


@dataclass
class _Plan:
    briefing: Briefing
    lang: str
    action: str  # "reuse" | "export" | "execute"
    manifest: Manifest | None
    execution_key: str | None = None  # known when the stored run is still valid
    export_key: str | None = None
    seconds: float = 0.0  # time spent deciding (hashing)


def _plan(briefing: Briefing, lang: str, cache_dir: Path, out_dir: Path, stamp: dict, force: bool) -> _Plan:
    start = time.perf_counter()
    manifest_path = cache_dir / lang / f"{briefing.name}.json"
    manifest = None if force else Manifest.read(manifest_path)
    plan = _Plan(briefing, lang, "execute", manifest)
    if manifest is not None:
        key = execution_key(briefing, lang, manifest.dependencies)
        run = cache_dir / lang / f"{briefing.name}.ipynb"
        if key == manifest.execution_key and _sha256_file(run) == manifest.run_sha256:
            plan.execution_key = key
            plan.export_key = export_key(key, briefing, stamp)
            published = _sha256_file(out_dir / lang / f"{briefing.name}.html")
            current = plan.export_key == manifest.export_key and published == manifest.html_sha256
            plan.action = "reuse" if current else "export"
    plan.seconds = time.perf_counter() - start
    return plan


def _replace_if_changed(source: Path, target: Path) -> None:
    """Atomic move; a target with the same bytes is left alone (keeps its time stamp)."""
    if target.exists() and _sha256_file(target) == _sha256_file(source):
        source.unlink()
        return
    os.replace(source, target)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def build_reports(
    names: Iterable[str] | None = None,
    *,
    languages: Iterable[str] | None = None,
    build_date: str | None = None,
    out_dir: Path | None = None,
    notebooks_dir: Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    progress: Callable[[Outcome], None] | None = None,
) -> list[Path]:
    """Execute and export the briefings that changed; all-or-nothing. Returns the briefing files.

    ``jobs``: worker processes (default: every core). ``force``: ignore the stored hashes and redo
    every job. ``progress`` is called once per briefing and language as soon as its job ends.
    """
    languages = [i18n.check_language(x) for x in (languages or config.LANGUAGES)]
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ReportBuildError(f"the number of parallel jobs must be at least 1, not {jobs}")
    out_dir = out_dir or config.reports_dir()
    briefings = discover(names, notebooks_dir)
    if not briefings:
        raise ReportBuildError(f"no briefing notebooks found in {notebooks_dir or config.notebooks_dir()}")
    stamp = build_stamp(build_date)
    report = progress or (lambda _: None)
    out_dir.mkdir(parents=True, exist_ok=True)
    clean_staging(out_dir)  # leftovers of a killed build (never finished briefings)
    cache_dir = out_dir / CACHE_DIR
    plans = [_plan(b, lang, cache_dir, out_dir, stamp, force) for b in briefings for lang in languages]
    for plan in plans:
        if plan.action == "reuse":
            report(Outcome(plan.briefing.name, plan.lang, REUSED, plan.seconds))
    pending = [p for p in plans if p.action != "reuse"]
    with (
        tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as staging_name,
        project_kernel() as root,
    ):
        staging = Path(staging_name)
        by_job = {(p.briefing.name, p.lang): p for p in pending}
        tasks = [
            _Task(
                p.briefing,
                p.lang,
                stamp,
                staging,
                root,
                stored_run=cache_dir / p.lang / f"{p.briefing.name}.ipynb" if p.action == "export" else None,
            )
            for p in pending
        ]
        # Executions before exports, the longest (as last measured) first: the pool ends sooner.
        tasks.sort(key=lambda t: (t.stored_run is not None, -_last_seconds(by_job[t.briefing.name, t.lang])))
        done: list[_Done] = []

        def finished(result: _Done) -> None:
            done.append(result)
            task, plan = result.task, by_job[result.task.briefing.name, result.task.lang]
            seconds = result.seconds + plan.seconds
            if result.error is not None:
                report(Outcome(task.briefing.name, task.lang, FAILED, seconds, result.error))
            else:
                how = "executed" if result.dependencies is not None else "exported from the stored run"
                report(Outcome(task.briefing.name, task.lang, BUILT, seconds, how))

        _run_tasks(tasks, jobs, finished)
        _store_runs(done, by_job, cache_dir)  # successful runs are kept even if another job failed
        order = {(p.briefing.name, p.lang): n for n, p in enumerate(plans)}
        failures = sorted(
            (r for r in done if r.error), key=lambda r: order[r.task.briefing.name, r.task.lang]
        )
        if failures:
            raise ReportBuildError("; ".join(r.error for r in failures))
        delivered = write_delivery(discover(None, notebooks_dir), stamp, cache_dir, staging)
        # Every job succeeded: move the new briefings into place (each move is atomic on one filesystem).
        for result in done:
            final = out_dir / result.task.lang / f"{result.task.briefing.name}.html"
            final.parent.mkdir(exist_ok=True)
            os.replace(result.html, final)
            final.chmod(0o644)
        for path in delivered:
            _replace_if_changed(path, out_dir / path.name)
            (out_dir / path.name).chmod(0o644)
        _record_published(done, by_job, cache_dir, out_dir)
    briefing_files = [out_dir / p.lang / f"{p.briefing.name}.html" for p in plans]
    return briefing_files + [out_dir / p.name for p in delivered]


def _last_seconds(plan: _Plan) -> float:
    return plan.manifest.seconds if plan.manifest else float("inf")


def _store_runs(done: list[_Done], by_job: dict, cache_dir: Path) -> None:
    """Move new runs into the cache with a manifest that does not (yet) vouch for any published HTML."""
    for result in done:
        if result.error is not None or result.dependencies is None:
            continue
        briefing, lang = result.task.briefing, result.task.lang
        target = cache_dir / lang / f"{briefing.name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        manifest = Manifest(
            execution_key=execution_key(briefing, lang, result.dependencies),
            dependencies=result.dependencies,
            run_sha256=_sha256_file(result.executed),
            seconds=round(result.seconds, 1),
        )
        os.replace(result.executed, target)
        _write_atomically(cache_dir / lang / f"{briefing.name}.json", manifest.text())
        by_job[briefing.name, lang].manifest = manifest


def _record_published(done: list[_Done], by_job: dict, cache_dir: Path, out_dir: Path) -> None:
    """After the move into reports/: record which export each published briefing is."""
    for result in done:
        plan = by_job[result.task.briefing.name, result.task.lang]
        manifest = plan.manifest
        briefing, lang = plan.briefing, plan.lang
        key = manifest.execution_key
        manifest.export_key = export_key(key, briefing, result.task.stamp)
        manifest.html_sha256 = _sha256_file(out_dir / lang / f"{briefing.name}.html")
        _write_atomically(cache_dir / lang / f"{briefing.name}.json", manifest.text())


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def clean_staging(out_dir: Path | None = None) -> None:
    """Remove staging folders left behind by an interrupted build (never finished briefings)."""
    out_dir = out_dir or config.reports_dir()
    for leftover in out_dir.glob(".staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)


__all__ = [
    "BUILT",
    "FAILED",
    "REUSED",
    "Briefing",
    "Outcome",
    "build_reports",
    "build_stamp",
    "default_jobs",
    "discover",
    "export_html",
]
