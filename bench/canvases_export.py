"""Canvas export benchmark: the PDF of a journey of 12 stages × 3 steps × 8 lanes (~300 cards).

Called by bench/absolute.py (`make bench-absolute`: `canvas_export_benchmarks`), or alone
on a throw-away SQLite database: `.venv/bin/python bench/canvases_export.py [--runs 5]`
prints the result lines.
The journey stays in the scratch database: later benchmarks do not look at canvases.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
BUDGET_S = 2


def _median_seconds(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    action()  # warm-up: fonts and templates load once per process
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _journey():  # type: ignore[no-untyped-def]
    from atelier.accounts.models import Role, User
    from atelier.canvases.tests.factories import make_journey, make_project
    from atelier.members.models import Organisation, OrganisationType

    organisation, _ = Organisation.objects.get_or_create(
        name_nl="Bench canvases", defaults={"type": OrganisationType.OTHER}
    )
    person, _ = User.objects.get_or_create(
        email="bench-canvases@example.org",
        defaults={"role": Role.PARTICIPANT, "organisation": organisation},
    )
    return make_journey(make_project(person), person, stages=12, steps=3)


def canvas_export_benchmarks(runs: int = RUNS) -> list[tuple[str, str, str]]:
    from atelier.canvases.exports.pdf import canvas_pdf
    from atelier.canvases.models import Card
    from atelier.canvases.serialize import serialize_canvas

    canvas = _journey()
    cards = Card.objects.filter(canvas=canvas).count()
    rows = []
    for paper in ("A3", "A4"):

        def export(paper: str = paper) -> None:
            data = serialize_canvas(canvas)
            canvas_pdf(data, paper=paper, project_title=canvas.project.title)

        median = _median_seconds(export, runs)
        rows.append(
            (
                f"canvas PDF export, {paper} landscape: journey 12 stages × 3 steps × 8 lanes "
                f"({cards} cards)",
                f"{median * 1000:.0f} ms",
                f"budget {BUDGET_S} s (median of {runs})",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print("| what | median | queries / memory |\n|---|---|---|")
    for what, median, note in canvas_export_benchmarks(args.runs):
        print(f"| {what} | {median} | {note} |")


if __name__ == "__main__":
    main()
