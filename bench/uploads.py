"""Memory of the population import on hostile files, each measured in a fresh process.

Issue 12 measured 3.4 GB for a 19.9 MB CSV of bad lines and 5.4 GB for a 307 KB XLSX whose
one shared string unpacks to 300 MB. Each case here runs `import_population` in a child
process and reports its peak resident memory (VmHWM, reset after Django's start through
/proc/self/clear_refs) and how much the import added to the memory it started with.

Called by bench/absolute.py (`make bench-absolute`: `upload_benchmarks`), or alone on a
throw-away SQLite database:
`.venv/bin/python bench/uploads.py` prints the result lines and, with `--record`, appends
them to bench/RESULTS.md with the machine, date and commit.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
# A budget for what one import may add to a process, whatever the file.
BUDGET_MB = 300


def _bad_lines_csv(path: Path, megabytes: int = 20) -> int:
    """About `megabytes` MB of well-formed lines whose codes no municipality had: all bad."""
    line_count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("nis_code;inhabitants;name\n")
        while out.tell() < megabytes * MB - 64:
            out.write(f"{90000 + line_count % 9999};{line_count % 50000};Gemeente {line_count}\n")
            line_count += 1
    return line_count


def _huge_shared_string_xlsx(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from atelier.lib.tests.bad_files import xlsx_with_huge_shared_string

    path.write_bytes(xlsx_with_huge_shared_string(megabytes=300, compresslevel=6))


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def _reset_peak() -> float:
    """The process's resident memory now, after resetting its peak (Linux: clear_refs 5)."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def _peak() -> float:
    return _status_mb("VmHWM")


def _child(path: str, file_name: str) -> None:
    """Runs in the child process: one import, then its memory and outcome as JSON."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    from atelier.members.services import import_population

    translation.activate("en")
    start_mb = _reset_peak()
    started = time.perf_counter()
    record = import_population(
        content=Path(path).read_bytes(),
        file_name=file_name,
        reference_date=datetime.date(2026, 1, 1),
        by=None,
    )
    seconds = time.perf_counter() - started
    peak_mb = _peak()
    print(
        json.dumps(
            {
                "start_mb": start_mb,
                "peak_mb": peak_mb,
                "seconds": seconds,
                "status": record.status,
                "problems": record.problem_count,
                "kept": len(record.errors),
                "first": record.errors[0]["reason"] if record.errors else "",
            }
        )
    )


def _measure(path: Path, file_name: str) -> dict:
    result = subprocess.run(  # noqa: S603  (this very script, with our own arguments)
        [sys.executable, __file__, "--child", str(path), file_name],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def upload_benchmarks() -> list[tuple[str, str, str]]:
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bench-uploads-"))
    csv_path, xlsx_path = scratch / "bad-lines.csv", scratch / "shared-string.xlsx"
    lines = _bad_lines_csv(csv_path)
    _huge_shared_string_xlsx(xlsx_path)
    rows = []
    for label, path, name in [
        (
            f"population CSV of {csv_path.stat().st_size / MB:.1f} MB, {lines:,} bad lines",
            csv_path,
            "bad-lines.csv",
        ),
        (
            f"population XLSX of {xlsx_path.stat().st_size // 1024:,} KB, one shared string "
            "of 300 MB",
            xlsx_path,
            "shared-string.xlsx",
        ),
    ]:
        outcome = _measure(path, name)
        added = outcome["peak_mb"] - outcome["start_mb"]
        rows.append(
            (
                f"{label}: {outcome['status']}, {outcome['problems']:,} problems, "
                f"{outcome['kept']:,} kept (“{outcome['first'][:60]}”)",
                f"{outcome['seconds'] * 1000:.0f} ms",
                f"peak RSS {outcome['peak_mb']:.0f} MiB, of which the import "
                f"{added:.0f} MiB (budget {BUDGET_MB} MiB; issue 12 measured 3.4 GB and 5.4 GB)",
            )
        )
    return rows


def _commit() -> str:
    result = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],  # noqa: S607
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() or "unknown"


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2, metavar=("PATH", "NAME"))
    parser.add_argument("--record", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    sys.path.insert(0, str(ROOT))
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from atelier.members.reference_data import load_flemish_registry

    call_command("migrate", verbosity=0)
    load_flemish_registry()
    table = "| what | time | memory |\n|---|---|---|\n" + "".join(
        f"| {what} | {median} | {note} |\n" for what, median, note in upload_benchmarks()
    )
    header = (
        f"\n## {datetime.datetime.now(datetime.UTC).date().isoformat()} · {_cpu_model()} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()} · {connection.vendor} · "
        f"commit {_commit()}\n\n"
        "Population imports of hostile files (bench/uploads.py), one child process each: "
        "peak resident memory of the process, and what the import added after Django's "
        "start.\n\n"
    )
    print(header + table)
    if args.record:
        with (ROOT / "bench" / "RESULTS.md").open("a") as handle:
            handle.write(header + table)


if __name__ == "__main__":
    main()
