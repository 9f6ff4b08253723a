"""Coach page benchmark: a cohort of 30 teams, 5 milestones and their progress.

Measured through django.test.Client signed in as the coach: median server time and the
number of queries, which must not grow with the teams.
"""

import datetime
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from atelier.academy.models import Cohort, Milestone, MilestoneProgress, Team
from atelier.accounts.models import Role, User
from atelier.members.models import Organisation, OrganisationType

TEAMS = 30
STATUSES = list(MilestoneProgress.Status.values)


def _cohort(coach: User) -> Cohort:
    cohort, created = Cohort.objects.get_or_create(
        name="Bench cohort",
        defaults={
            "starts_on": datetime.date(2026, 1, 15),
            "ends_on": datetime.date(2026, 12, 15),
            "coach": coach,
        },
    )
    if not created:
        return cohort
    municipalities = Organisation.objects.current().filter(type=OrganisationType.MUNICIPALITY)
    teams = [
        Team.objects.create(cohort=cohort, organisation=organisation, challenge="Eén loket")
        for organisation in municipalities.order_by("nis_code")[:TEAMS]
    ]
    milestones = [
        Milestone.objects.create(
            cohort=cohort,
            title=f"Mijlpaal {phase}",
            phase=phase,
            due_on=datetime.date(2026, 2 * phase + 2, 1),
            peer_review=phase in (1, 4),
        )
        for phase in range(5)
    ]
    MilestoneProgress.objects.bulk_create(
        MilestoneProgress(team=team, milestone=milestone, status=STATUSES[(i + j) % 3])
        for i, team in enumerate(teams)
        for j, milestone in enumerate(milestones)
    )
    return cohort


# Staff must set up a second factor before they see any page; that is the sign-in's concern,
# not the page's, so the benchmark leaves it out.
@override_settings(REQUIRE_STAFF_MFA=False)
def coach_benchmarks(runs: int) -> list[tuple[str, str, str]]:
    coach, _ = User.objects.get_or_create(
        email="bench-coach@example.org", defaults={"role": Role.TRAINER}
    )
    cohort = _cohort(coach)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(coach)
    url = f"/academy/cohorts/{cohort.pk}/"

    def get() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code  # noqa: S101

    get()  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        get()
        samples.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        get()
    teams = cohort.teams.count()
    return [
        (
            f"coach page, cohort of {teams} teams × 5 milestones",
            f"{statistics.median(samples):.1f} ms",
            str(len(queries)),
        )
    ]
