"""Absolute timings (secondary figures): registry pages, API, imports, fee run, canvases.

Runs against a throw-away SQLite database (or DATABASE_URL if set to a scratch database),
takes the median of several runs and appends the results, with machine and date, to
bench/RESULTS.md. Usage: `make bench-absolute` (or `python bench/absolute.py --runs 15`);
`make bench` (bench/run.py) gives the ratios under load that the budgets are set on.
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings")
os.environ["DEBUG"] = "false"
os.environ["STATIC_ROOT"] = str(SCRATCH / "static")
os.environ["MEDIA_ROOT"] = str(SCRATCH / "media")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from atelier.members.models import Organisation, OrganisationType  # noqa: E402
from atelier.members.reference_data import load_flemish_registry  # noqa: E402
from atelier.members.services import import_population  # noqa: E402
from bench.academy import academy_benchmarks  # noqa: E402
from bench.academy_coach import coach_benchmarks  # noqa: E402
from bench.canvases import canvas_benchmarks  # noqa: E402
from bench.canvases_export import canvas_export_benchmarks  # noqa: E402
from bench.charges import charges_benchmarks  # noqa: E402
from bench.fees import fee_benchmarks  # noqa: E402
from bench.uploads import upload_benchmarks  # noqa: E402


def median_ms(action, runs: int) -> float:
    action()  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def page(client: Client, url: str):
    def get():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, (url, response.status_code)
        return response

    return get


def query_count(action) -> int:
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def population_csv(rows: int) -> bytes:
    codes = list(
        Organisation.objects.current()
        .filter(type=OrganisationType.MUNICIPALITY)
        .values_list("nis_code", flat=True)
    )
    lines = ["nis_code;inhabitants"] + [f"{c};{10000 + i}" for i, c in enumerate(codes)]
    # Foreign codes (as in a national file) fill the rest; they are skipped, not written.
    for i in range(rows - len(codes)):
        lines.append(f"{90000 + i % 9999};{i % 50000}")
    return "\n".join(lines).encode()


def measure_import(content: bytes, runs: int) -> tuple[float, float]:
    def run_import():
        record = import_population(
            content=content,
            file_name="bench.csv",
            reference_date=datetime.date(2026, 1, 1),
            by=None,
            ignore_unknown=True,
        )
        assert record.status == "applied", record.errors[:3]

    timing = median_ms(run_import, runs)
    tracemalloc.start()
    run_import()
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return timing, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--only", choices=["charges", "canvases"], help="run one benchmark alone")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    load_flemish_registry()
    if args.only == "canvases":
        runs = max(5, args.runs)
        write_results(canvas_benchmarks(runs), runs, how=f"The canvas editor alone, {runs} runs")
        return
    if args.only == "charges":
        runs = max(1, args.runs // 4)
        write_results(charges_benchmarks(runs), runs, how=f"The charges run alone, {runs} runs")
        return
    client = Client()
    rows = []
    for label, url in [
        ("member list, first page (50 rows)", "/members/"),
        ("member list, search 'gee'", "/members/?q=gee"),
        ("member list, all types incl. former, page 7", "/members/?former=on&page=7"),
        (
            "member detail (Bilzen-Hoeselt)",
            f"/members/{Organisation.objects.get(nis_code='73110').pk}/",
        ),
        (
            "API organisations?type=municipality (285 items)",
            "/api/v1/organisations?type=municipality&limit=1000",
        ),
    ]:
        action = page(client, url)
        rows.append((label, f"{median_ms(action, args.runs):.1f} ms", str(query_count(action))))
    reset_queries()
    for size in (285, 20_000):
        timing, peak = measure_import(population_csv(size), max(3, args.runs // 3))
        rows.append(
            (
                f"population import, {size:,} rows (all checked, 285 written)",
                f"{timing:.0f} ms",
                f"peak {peak:.1f} MiB",
            )
        )
    rows += fee_benchmarks(args.runs)
    rows += academy_benchmarks(args.runs)
    rows += coach_benchmarks(args.runs)
    rows += canvas_benchmarks(args.runs)
    rows += canvas_export_benchmarks(max(3, args.runs // 2))
    rows += upload_benchmarks()
    rows += charges_benchmarks(max(3, args.runs // 4))
    write_results(rows, args.runs)


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def git_commit() -> str:
    found = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],  # noqa: S607
        capture_output=True,
        text=True,
    )
    return found.stdout.strip() or "unknown"


def write_results(rows: list[tuple[str, str, str]], runs: int, *, how: str = "") -> None:
    vendor = connection.vendor
    how = how or f"Median of {runs} runs (imports: of {max(3, runs // 3)})"
    header = (
        f"\n## {datetime.datetime.now(datetime.UTC).date().isoformat()} · {cpu_model()} · "
        f"{os.cpu_count()} cores · "
        f"Python {platform.python_version()} · {vendor} · commit {git_commit()}\n\n"
        f"{how}, server time through Django's test client (no network); "
        f"load average {os.getloadavg()[0]:.1f} when written.\n\n"
        "| what | median | queries / memory |\n|---|---|---|\n"
    )
    body = "".join(f"| {a} | {b} | {c} |\n" for a, b, c in rows)
    results = ROOT / "bench" / "RESULTS.md"
    if not results.exists():
        results.write_text("# Benchmark results\n\nAppended by `make bench` (bench/run.py).\n")
    with results.open("a") as handle:
        handle.write(header + body)
    print(header + body)


if __name__ == "__main__":
    main()
