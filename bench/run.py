"""`make bench`: every page as a ratio to a bare view under load, on PostgreSQL.

1. Prepares the bench database (created when missing, migrated, the demo loaded, then a
   288-card journey and 200 published editions), once; running again adds nothing.
2. Starts the server as deployed (gunicorn worker processes, each with its connection
   pool) and loads each page with wrk, 8 connections, right after the bare view, 3 runs:
   the ratio table with medians and spread; the journey editor with 1 and 8 connections.
3. Loads the editor and the catalogue for 60 s each while counting the server's
   PostgreSQL connections.
4. Times `manage.py invoice_pdfs` for the demo year.
The results, with machine, date and commit, are appended to bench/RESULTS.md. The exit
status is 1 when a row misses its target.

The database: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/atelier_bench).
Absolute timings through the test client stay in bench/absolute.py (`make bench-absolute`).
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/atelier_bench"
)
SERVER_WORKERS = (os.cpu_count() or 1) + 1
POOL_MAX = 2  # a gunicorn worker serves one request at a time
os.environ |= {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": DATABASE_URL,
    "DATABASE_POOL": "false",  # the bench's own single connection, not counted below
    # As deployed: Redis shared by the app processes (sessions' cache, the public pages).
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"),
    "CACHE_KEY_PREFIX": "atelier-bench",
    "DEBUG": "false",
    "STATIC_ROOT": str(SCRATCH / "static"),
    "MEDIA_ROOT": str(SCRATCH / "media"),
}


def create_database() -> None:
    """CREATE DATABASE when it does not exist yet (like `createdb`)."""
    import psycopg
    from django.conf import settings

    database = settings.DATABASES["default"]
    params = {
        k: v
        for k, v in {
            "host": database["HOST"],
            "port": database["PORT"] or None,
            "user": database["USER"],
            "password": database["PASSWORD"] or None,
        }.items()
        if v
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{database["NAME"]}"')


import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.data import bench_data  # noqa: E402
from bench.load import load_rows, run_command  # noqa: E402
from bench.server import Row, Server, log, measure, ratio_table, scaling  # noqa: E402

INVOICE_PDF_BUDGET_S = 30


def prepare() -> None:
    create_database()
    log("bench: migrating, collecting static files, loading the demo (once) …")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from atelier.accounts.models import User

    if not User.objects.filter(email="coordinator.geel@atelier.example").exists():
        call_command("load_demo", verbosity=0)


def page_rows() -> tuple[list[Row], Row]:
    data = bench_data()
    member = data.member_cookie
    rows = [
        Row("home", "/", 0.5),
        Row("member list", "/members/", 0.5),
        Row("method library", "/method/", 0.5),
        Row("academy catalogue (200 editions)", "/academy/", 0.5),
        Row("edition page", f"/academy/editions/{data.edition.pk}/", 0.5),
        Row("API organisations (first 100)", "/api/v1/organisations", 0.5),
        Row("API editions (first 100 of 200)", "/api/v1/editions", 0.5),
        Row("project page (Geel, coordinator)", f"/projects/{data.project.pk}/", 0.5, member),
    ]
    editor = Row(
        f"journey editor ({data.journey_cards} cards)",
        f"/canvases/{data.journey.pk}/",
        0.25,
        data.editor_cookie,
    )
    return [*rows, editor], editor


def invoice_pdf_seconds(runs: int) -> tuple[list[float], int, int]:
    from atelier.fees.models import Invoice

    year = Invoice.objects.order_by("-year").values_list("year", flat=True).first()
    assert year is not None, "the demo has no invoices"
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "atelier.settings"}
    seconds = []
    for _ in range(runs):
        count = Invoice.objects.filter(year=year).update(pdf="")
        command = [sys.executable, str(ROOT / "manage.py"), "invoice_pdfs", str(year)]
        seconds.append(run_command(command, env))
        log(f"  {count} invoice PDFs of {year}: {seconds[-1]:.1f} s")
    return seconds, count, year


def invoice_pdf_table(runs: int) -> tuple[str, bool]:
    seconds, count, year = invoice_pdf_seconds(runs)
    median = statistics.median(seconds)
    met = median < INVOICE_PDF_BUDGET_S
    return (
        "| what | median | spread | budget | met |\n|---|---|---|---|---|\n"
        f"| `manage.py invoice_pdfs {year}`: {count} invoice PDFs | {median:.1f} s | "
        f"{min(seconds):.1f}–{max(seconds):.1f} s | < {INVOICE_PDF_BUDGET_S} s | "
        f"{'yes' if met else 'NO'} |\n"
    ), met


def machine() -> str:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout  # noqa: S607
    model = next(
        (line.split(":", 1)[1].strip() for line in lscpu.splitlines() if "Model name" in line),
        platform.processor() or "unknown CPU",
    )
    return f"{model}, {os.cpu_count()} cores"


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(  # noqa: S603
            ["git", "-C", str(ROOT), *args],  # noqa: S607
            capture_output=True,
            text=True,
        ).stdout.strip()

    dirty = (
        " (with uncommitted changes)"
        if git("status", "--porcelain", "--", "atelier", "bench")
        else ""
    )
    return git("rev-parse", "HEAD") + dirty


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk load")
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--pdf-runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8090")))
    parser.add_argument("--server", choices=["gunicorn", "daphne"], default="gunicorn")
    args = parser.parse_args()
    prepare()
    rows, editor = page_rows()
    server_env = {
        "DATABASE_POOL": "true",
        "DATABASE_POOL_MIN": "1",
        "DATABASE_POOL_MAX": str(POOL_MAX),
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(SCRATCH / "media"),
    }
    processes, pool_max = (SERVER_WORKERS, POOL_MAX) if args.server == "gunicorn" else (1, 8)
    server_env["DATABASE_POOL_MAX"] = str(pool_max)
    log(f"bench: {args.server}, {processes} processes, on port {args.port}")
    server = Server(args.port, processes, server_env, kind=args.server)
    try:
        measure(server, rows, runs=args.runs, seconds=args.seconds)
        scaling_ratios = scaling(
            server, editor.url, editor.cookie, runs=args.runs, seconds=args.seconds * 2
        )
        table, pages_met = ratio_table(rows, scaling_ratios)
        load_lines, load_met = load_rows(
            server,
            [("journey editor", editor.url, editor.cookie), ("academy catalogue", "/academy/", "")],
            seconds=args.load_seconds,
            bound=processes * pool_max,
        )
    finally:
        server.stop()
    pdf_table, pdf_met = invoice_pdf_table(args.pdf_runs) if args.pdf_runs else ("", True)
    served = (
        f"gunicorn with {processes} workers" if args.server == "gunicorn" else "one daphne process"
    ) + f", each with a pool of at most {pool_max} connections"
    write_results(table, "\n".join(load_lines) + "\n", pdf_table, args, served)
    sys.exit(0 if pages_met and load_met and pdf_met else 1)


def write_results(
    table: str, load_table: str, pdf_table: str, args: argparse.Namespace, served: str
) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    now = datetime.datetime.now(datetime.UTC)
    entry = (
        f"\n## {now:%Y-%m-%d %H:%M} UTC · ratios under load · {machine()}\n\n"
        f"Commit {commit()}; Python {platform.python_version()}, PostgreSQL {postgres}; "
        f"{served}; `wrk`, 8 connections, {args.seconds} s per load, the bare view "
        f"loaded just before each page; median and spread of {args.runs} runs. A ratio is "
        "the page's requests per second over the bare view's.\n\n"
        f"{table}\n{load_table}\n{pdf_table}"
    )
    results = ROOT / "bench" / "RESULTS.md"
    with results.open("a") as handle:
        handle.write(entry)
    print(entry)


if __name__ == "__main__":
    main()
