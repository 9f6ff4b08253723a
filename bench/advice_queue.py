"""Advice desk queue benchmark: the staff queue with 100, 1,000 and 10,000 questions.

The number of queries must not grow with the questions (issue 14's budget); the page's
median server time through Django's test client is reported beside it. Runs on a throw-away
SQLite database (or DATABASE_URL if set to a scratch database) and prints a table to paste
into bench/RESULTS.md. Usage: `python bench/advice_queue.py --runs 7`.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="atelier-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings")
os.environ["DEBUG"] = "false"
os.environ["REQUIRE_STAFF_MFA"] = "false"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from atelier.accounts.models import Role, User  # noqa: E402
from atelier.advice.models import Question, QuestionStatus  # noqa: E402
from atelier.knowledge.models import Topic  # noqa: E402
from atelier.members.models import Organisation, OrganisationType  # noqa: E402

SIZES = (100, 1_000, 10_000)
STATUSES = [QuestionStatus.NEW, QuestionStatus.ASSIGNED, QuestionStatus.WAITING]


def _people(count: int) -> list[User]:
    organisations = [
        Organisation.objects.get_or_create(
            type=OrganisationType.MUNICIPALITY, nis_code=f"9{n:04d}", name_nl=f"Gemeente {n}"
        )[0]
        for n in range(count)
    ]
    return [
        User.objects.get_or_create(
            email=f"bench-asker-{n}@example.org",
            defaults={"role": Role.PARTICIPANT, "organisation": organisation},
        )[0]
        for n, organisation in enumerate(organisations)
    ]


def _grow_to(total: int, askers: list[User], staff: list[User], topics: list[Topic]) -> None:
    today = timezone.localdate()
    start = Question.objects.count()
    Question.objects.bulk_create(
        (
            Question(
                asker=askers[n % len(askers)],
                organisation_id=askers[n % len(askers)].organisation_id or 0,
                topic=topics[n % len(topics)],
                subject=f"Vraag {n} over het leefloon",
                text="Mag het OCMW dit beslissen?",
                status=STATUSES[n % len(STATUSES)],
                assignee=staff[n % len(staff)] if n % 4 else None,
                asked_at=timezone.now(),
                due_on=today + datetime.timedelta(days=n % 15 - 7),
            )
            for n in range(start, total)
        ),
        batch_size=1000,
    )


PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


# The page, not the sign-in's second factor or collectstatic's manifest, is measured.
@override_settings(REQUIRE_STAFF_MFA=False, ALLOWED_HOSTS=["*"])
def queue_benchmarks(runs: int) -> list[tuple[str, str, int]]:
    call_command("migrate", verbosity=0)
    settings.STORAGES = {**settings.STORAGES, "staticfiles": PLAIN_STATIC}
    staff = [
        User.objects.get_or_create(
            email=f"bench-staff-{n}@example.org", defaults={"role": Role.TRAINER}
        )[0]
        for n in range(5)
    ]
    askers, topics = _people(40), list(Topic.objects.all()[:10])
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(staff[0])
    rows = []
    for size in SIZES:
        _grow_to(size, askers, staff, topics)
        for url in (
            "/advice/queue/",
            "/advice/queue/?status=all&overdue=on",
            "/advice/queue/?assignee=me&page=2",
        ):
            assert client.get(url).status_code == 200  # noqa: S101 (warm-up)
            samples = []
            for _ in range(runs):
                begin = time.perf_counter()
                client.get(url)
                samples.append((time.perf_counter() - begin) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            rows.append(
                (
                    f"{size:,} questions · {url}",
                    f"{statistics.median(samples):.1f} ms",
                    len(queries),
                )
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rows = queue_benchmarks(args.runs)
    print(f"{connection.vendor}, median of {args.runs} runs")
    print("| what | median | queries |")
    print("|---|---|---|")
    for what, median, queries in rows:
        print(f"| advice queue, {what} | {median} | {queries} |")
    by_url: dict[str, set[int]] = {}
    for what, _median, queries in rows:
        by_url.setdefault(what.split(" · ", 1)[1], set()).add(queries)
    grown = {url: counts for url, counts in by_url.items() if len(counts) > 1}
    print("queries constant with the questions:", "yes" if not grown else f"NO {grown}")


if __name__ == "__main__":
    main()
