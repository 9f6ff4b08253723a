"""The learning path: the coach's cohort page, team pages and milestone progress."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from atelier.academy.demo.learning_path import load_demo_learning_path
from atelier.academy.models import Cohort, Milestone, MilestoneProgress, PeerReview, Team
from atelier.academy.services.learning_path import StaleProgress, progress_of, update_progress
from atelier.accounts.models import Role
from atelier.members.models import Organisation
from conftest import make_municipality, make_person

pytestmark = pytest.mark.django_db

Status = MilestoneProgress.Status
YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)
NEXT_YEAR = timezone.localdate() + datetime.timedelta(days=365)


def make_cohort(coach, organisations: list[Organisation], *, peer_review: bool = True) -> Cohort:
    """A cohort with a team per organisation, an overdue milestone and a later one."""
    cohort = Cohort.objects.create(
        name="Leertraject 2026",
        starts_on=timezone.localdate() - datetime.timedelta(days=100),
        ends_on=NEXT_YEAR,
        coach=coach,
    )
    for organisation in organisations:
        Team.objects.create(cohort=cohort, organisation=organisation, challenge="Eén loket")
    Milestone.objects.create(cohort=cohort, title="Briefing", phase=0, due_on=YESTERDAY)
    Milestone.objects.create(
        cohort=cohort, title="Research", phase=1, due_on=NEXT_YEAR, peer_review=peer_review
    )
    return cohort


def more_municipalities(province, count: int) -> list[Organisation]:
    return [
        make_municipality(f"{71000 + index}", f"Gemeente {index}", province)
        for index in range(count)
    ]


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_coach_sees_every_team_against_every_milestone(trainer, geel, lennik):
    cohort = make_cohort(trainer, [geel, lennik])
    geel_team = cohort.teams.get(organisation=geel)
    progress = progress_of(team=geel_team, milestone=cohort.milestones.get(title="Briefing"))
    progress.status = Status.DONE
    progress.save()

    response = signed_in(trainer).get(reverse("academy:cohort", args=[cohort.pk]))

    rows = {row.team.organisation.name: row for row in response.context["rows"]}
    assert [cell.status for cell in rows["Geel"].cells] == [Status.DONE, Status.NOT_STARTED]
    assert [cell.overdue for cell in rows["Lennik"].cells] == [True, False]
    assert "overdue" in response.content.decode()  # in text, not colour alone


def test_cohort_page_queries_do_not_grow_with_teams(trainer, antwerp):
    def queries(teams: int) -> int:
        cohort = make_cohort(trainer, more_municipalities(antwerp, teams))
        client = signed_in(trainer)
        client.get(reverse("academy:cohort", args=[cohort.pk]))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("academy:cohort", args=[cohort.pk])).status_code == 200
        Cohort.objects.filter(pk=cohort.pk).delete()
        Organisation.objects.filter(name_nl__startswith="Gemeente").delete()
        return len(captured)

    assert queries(3) == queries(30)


def test_cohort_page_is_for_the_coach_and_staff_only(trainer, administrator, coordinator, geel):
    cohort = make_cohort(trainer, [geel])
    url = reverse("academy:cohort", args=[cohort.pk])

    assert signed_in(administrator).get(url).status_code == 200
    assert signed_in(coordinator).get(url).status_code == 404


def test_coach_lists_their_cohorts(trainer, geel):
    cohort = make_cohort(trainer, [geel])

    response = signed_in(trainer).get(reverse("academy:cohorts"))

    assert reverse("academy:cohort", args=[cohort.pk]) in response.content.decode()


def test_team_page_shows_challenge_and_the_missing_workspace_link(trainer, coordinator, geel):
    cohort = make_cohort(trainer, [geel])
    team = cohort.teams.get()

    response = signed_in(coordinator).get(reverse("academy:team", args=[team.pk]))

    html = response.content.decode()
    assert "Eén loket" in html
    assert "No workspace project linked yet." in html
    assert "Save progress on Briefing" in html


def test_team_page_links_the_workspace_project_for_those_who_may_open_it(
    trainer, coordinator, geel
):
    from atelier.projects.services import open_project

    team = make_cohort(trainer, [geel]).teams.get()
    team.project = open_project(title="One front door", by=coordinator)
    team.save(update_fields=["project"])
    link = reverse("projects:detail", args=[team.project.pk])

    for person in (coordinator, trainer):
        html = signed_in(person).get(reverse("academy:team", args=[team.pk])).content.decode()
        assert f'href="{link}"' in html and "One front door" in html


def test_outsider_gets_404_on_another_organisations_team(trainer, outsider, geel):
    team = make_cohort(trainer, [geel]).teams.get()

    assert signed_in(outsider).get(reverse("academy:team", args=[team.pk])).status_code == 404


def test_participant_who_is_not_a_member_gets_404(trainer, participant, geel):
    team = make_cohort(trainer, [geel]).teams.get()

    assert signed_in(participant).get(reverse("academy:team", args=[team.pk])).status_code == 404
    team.members.add(participant)
    assert signed_in(participant).get(reverse("academy:team", args=[team.pk])).status_code == 200


def test_team_member_updates_progress(trainer, participant, geel):
    team = make_cohort(trainer, [geel]).teams.get()
    team.members.add(participant)
    milestone = team.cohort.milestones.get(title="Briefing")
    prefix = f"m{milestone.pk}"

    response = signed_in(participant).post(
        reverse("academy:team_progress", args=[team.pk, milestone.pk]),
        {f"{prefix}-status": "done", f"{prefix}-note": "Brief approved", f"{prefix}-revision": 1},
    )

    progress = MilestoneProgress.objects.get(team=team, milestone=milestone)
    assert response.status_code == 302
    assert (progress.status, progress.note, progress.revision) == ("done", "Brief approved", 2)
    assert progress.done_on == timezone.localdate()


def test_stale_edit_is_refused_and_shows_the_current_state(trainer, participant, coordinator, geel):
    team = make_cohort(trainer, [geel]).teams.get()
    team.members.add(participant)
    milestone = team.cohort.milestones.get(title="Briefing")
    progress = progress_of(team=team, milestone=milestone)
    update_progress(
        progress=progress,
        status="in_progress",
        note="Interviews planned",
        revision=1,
        by=coordinator,
    )
    prefix = f"m{milestone.pk}"

    response = signed_in(participant).post(
        reverse("academy:team_progress", args=[team.pk, milestone.pk]),
        {f"{prefix}-status": "done", f"{prefix}-note": "", f"{prefix}-revision": 1},
        follow=True,
    )

    html = response.content.decode()
    assert "Someone else saved Briefing" in html
    assert "Interviews planned" in html
    assert MilestoneProgress.objects.get(pk=progress.pk).status == "in_progress"


def test_update_progress_with_an_old_revision_raises_with_the_current_row(
    trainer, coordinator, geel
):
    team = make_cohort(trainer, [geel]).teams.get()
    progress = progress_of(team=team, milestone=team.cohort.milestones.first())
    update_progress(progress=progress, status="done", note="", revision=1, by=coordinator)

    with pytest.raises(StaleProgress) as stale:
        update_progress(
            progress=progress, status="in_progress", note="", revision=1, by=coordinator
        )

    assert stale.value.current.status == "done"


def test_the_coach_may_read_but_not_edit_a_team(trainer, geel):
    team = make_cohort(trainer, [geel]).teams.get()
    milestone = team.cohort.milestones.first()
    assert milestone is not None

    response = signed_in(trainer).get(reverse("academy:team", args=[team.pk]))

    assert response.status_code == 200
    assert "Save progress" not in response.content.decode()
    with pytest.raises(PermissionDenied):
        update_progress(
            progress=progress_of(team=team, milestone=milestone),
            status="done",
            note="",
            revision=1,
            by=trainer,
        )


def test_demo_cohort_loads_once_with_a_review_round_and_a_re_review(geel, lennik, antwerp):
    for nis, name in [("36008", "Izegem"), ("13049", "Westerlo"), ("13037", "Rijkevorsel")]:
        make_municipality(nis, name, antwerp)
    make_person("trainer@atelier.example", Role.TRAINER)
    make_person("coordinator.geel@atelier.example", Role.COORDINATOR, geel)

    cohort = load_demo_learning_path()
    load_demo_learning_path()

    assert cohort is not None and Cohort.objects.count() == 1
    assert cohort.teams.count() == 5 and cohort.milestones.count() == 5
    assert cohort.teams.get(organisation=geel).members.count() == 1
    assert (
        PeerReview.objects.filter(follows_up__isnull=False, submitted_at__isnull=False).count() == 1
    )
