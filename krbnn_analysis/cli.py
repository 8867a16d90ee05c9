"""The ``krbnn`` command.

    krbnn data list                 the curated tables, with coverage and quality
    krbnn data build [TABLE ...]    derive curated tables from ../shared/data/upstream (all-or-nothing)
    krbnn data check                verify every table against the catalog (hash, schema); all problems
    krbnn data diff                 rebuild in memory and list tables that differ from the committed ones
    krbnn data log                  write docs/data_log.md (every table: source, licence, quality, caveats)
    krbnn data fetch-bps --var V --year Y [--year …] [--domain 0000]
                                    fetch BPS WebAPI responses into data/raw/bps/ (key: BPS_API_KEY)
                                    and record them (origin record in data/raw/bps/records.yaml)
    krbnn data record-bps FILE …    origin record for a response copied into data/raw/bps/ by hand
    krbnn reports [NOTEBOOK ...] [-j N] [--force]
                                    build the briefings that changed into reports/{id,en}/*.html, the
                                    landing pages (index.html, index.en.html) and krbnn_tables.xlsx,
                                    N at a time (default: all cores); --force rebuilds all
    krbnn notebooks execute [NB …]  re-run notebooks in place (stored outputs for nbval), Indonesian

Errors of the package print as one line, ``krbnn: error: …``, and exit with status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from krbnn_analysis.errors import KrbnnError


def _data_list(_: argparse.Namespace) -> int:
    from krbnn_analysis.catalog import catalog

    rows = []
    for name in catalog():
        entry = catalog()[name]
        years = entry.coverage.get("years")
        span = f"{years[0]}–{years[1]}" if years else "–"
        regions = len(entry.coverage.get("regions", [])) or "–"
        latest = str(entry.freshness.get("latest_year", "–"))
        status = entry.freshness.get("latest_year_status", "")
        upstream = str(entry.freshness.get("upstream_latest_year", "–"))
        rows.append(
            (
                name,
                str(entry.rows),
                span,
                latest,
                status,
                upstream,
                str(regions),
                entry.quality.rating,
                entry.title.en,
            )
        )
    header = ("table", "rows", "years", "latest", "status", "upstream latest", "regions", "quality", "title")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])
    return 0


def _data_build(args: argparse.Namespace) -> int:
    from krbnn_analysis import config
    from krbnn_analysis.datalog import write
    from krbnn_analysis.pipeline import build_tables

    built = build_tables(args.tables)
    for name, dataset in sorted(built.items()):
        print(f"built {name}: {dataset.rows} rows, sha256 {dataset.sha256[:12]}")
    if config.data_dir() == config.REPO_ROOT / "data":  # the committed tables: keep their log in step
        print(f"wrote {write()}")
    return 0


def _data_check(_: argparse.Namespace) -> int:
    from krbnn_analysis.catalog import catalog
    from krbnn_analysis.loaders import check_all

    problems = check_all()
    for problem in problems:
        print(f"FAIL {problem}")
    if problems:
        print(f"krbnn: {len(problems)} of {len(catalog())} tables failed the check", file=sys.stderr)
        return 1
    print(f"all {len(catalog())} tables match the catalog (sha256, columns, types, checks, keys)")
    return 0


def _data_diff(_: argparse.Namespace) -> int:
    from krbnn_analysis.pipeline import differences_from_committed

    differences = differences_from_committed()
    for line in differences:
        print(line)
    if not differences:
        print("every curated table equals a fresh build from upstream")
    return 1 if differences else 0


def _data_log(_: argparse.Namespace) -> int:
    from krbnn_analysis.datalog import write

    print(f"wrote {write()}")
    return 0


def _fetch_bps(args: argparse.Namespace) -> int:
    from krbnn_analysis.bps_client import fetch
    from krbnn_analysis.bps_webapi import parse_file
    from krbnn_analysis.pipeline import bps_cache

    bps_cache.require_known(int(args.var))  # before spending a request on a variable nothing reads
    for year in args.year:
        path = fetch(args.var, year=year, domain=args.domain)
        cells = parse_file(path)
        entry = bps_cache.record(path)
        print(
            f"cached {path} ({len(cells)} cells, {cells['vervar'].nunique()} regions); record {entry['id']}"
        )
    return 0


def _record_bps(args: argparse.Namespace) -> int:
    from krbnn_analysis.pipeline import bps_cache

    for path in args.files:
        entry = bps_cache.record(path)
        print(f"recorded {path} as {entry['id']} (var {entry['var']}, {entry['year']}, {entry['sha256']})")
    return 0


def _reports(args: argparse.Namespace) -> int:
    import time

    from tqdm import tqdm

    from krbnn_analysis import config
    from krbnn_analysis.report.build import FAILED, Outcome, build_reports, discover

    languages = args.lang or None
    total = len(discover(args.notebooks)) * len(set(languages or config.LANGUAGES))
    counts: dict[str, int] = {}
    start = time.perf_counter()
    # The bar shows only on a terminal (stderr); the lines and the summary go to stdout. No monitor
    # thread: the build starts worker processes.
    tqdm.monitor_interval = 0
    with tqdm(total=total, unit="briefing", disable=None, leave=False, file=sys.stderr) as bar:

        def show(outcome: Outcome) -> None:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            line = f"{outcome.status:<6}  {outcome.name} [{outcome.lang}]  {outcome.seconds:6.1f} s"
            if outcome.detail and outcome.status != FAILED:
                line += f"  ({outcome.detail})"
            bar.write(line, file=sys.stdout)
            bar.update()

        def summary() -> None:
            parts = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("built", "reused", "failed"))
            print(f"{sum(counts.values())} briefings: {parts} in {time.perf_counter() - start:.1f} s")

        try:
            build_reports(
                args.notebooks,
                languages=languages,
                build_date=args.build_date,
                jobs=args.jobs,
                force=args.force,
                progress=show,
            )
        finally:
            bar.close()
            if counts:
                summary()
    return 0


def _notebooks_execute(args: argparse.Namespace) -> int:
    from krbnn_analysis.report.notebooks import execute_in_place

    for path in execute_in_place(args.notebooks):
        print(f"executed {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="krbnn", description="krbnn-analysis: KR BNN evidence and briefings")
    commands = top.add_subparsers(dest="command", required=True)

    data = commands.add_parser("data", help="curated tables").add_subparsers(dest="action", required=True)
    data.add_parser("list", help="list curated tables").set_defaults(func=_data_list)
    build = data.add_parser("build", help="derive curated tables from upstream")
    build.add_argument("tables", nargs="*", help="tables to build (default: all)")
    build.set_defaults(func=_data_build)
    data.add_parser("check", help="verify every table against the catalog").set_defaults(func=_data_check)
    data.add_parser("diff", help="compare committed tables with a fresh build").set_defaults(func=_data_diff)
    data.add_parser("log", help="write docs/data_log.md").set_defaults(func=_data_log)
    fetch = data.add_parser("fetch-bps", help="fetch BPS WebAPI data responses into data/raw/bps/")
    fetch.add_argument("--var", required=True, help="BPS variable id, e.g. 291")
    fetch.add_argument("--year", required=True, type=int, action="append", help="year; repeatable")
    fetch.add_argument("--domain", default="0000", help="BPS domain (0000 national, 5100 Bali…)")
    fetch.set_defaults(func=_fetch_bps)
    record = data.add_parser("record-bps", help="give cached BPS responses in data/raw/bps/ an origin record")
    record.add_argument("files", nargs="+", type=Path, help="cached response files")
    record.set_defaults(func=_record_bps)

    reports = commands.add_parser("reports", help="build the HTML briefings")
    reports.add_argument("notebooks", nargs="*", help="notebook names, e.g. 00_overview (default: all)")
    reports.add_argument("--lang", action="append", help="language (id, en); repeatable; default both")
    reports.add_argument("--build-date", help="date printed in the footer, YYYY-MM-DD (default: commit date)")
    reports.add_argument(
        "-j", "--jobs", type=int, help="notebook runs at a time, each on its own kernel (default: all cores)"
    )
    reports.add_argument("--force", action="store_true", help="rebuild every briefing, even unchanged ones")
    reports.set_defaults(func=_reports)

    notebooks = commands.add_parser("notebooks", help="notebook maintenance").add_subparsers(
        dest="action", required=True
    )
    run = notebooks.add_parser("execute", help="re-run notebooks in place to refresh stored outputs")
    run.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    run.set_defaults(func=_notebooks_execute)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KrbnnError as error:
        message = " ".join(str(error).split())  # one readable line
        print(f"krbnn: error: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("krbnn: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
