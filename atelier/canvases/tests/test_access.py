"""Who may see and change a canvas: whoever may see and change its project."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from atelier.accounts.models import Role, User
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.models import Canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.tests.factories import make_project
from atelier.method.models import ArtefactKind
from atelier.projects.services import add_member, invite_expert
from conftest import make_person

BASE_URL = "https://atelier.example.org"


@pytest.fixture
def canvas(participant: User) -> Canvas:
    project = make_project(participant)
    return create_canvas(project=project, kind=ArtefactKind.JOURNEY, title="Visit", by=participant)


def reads(user, canvas: Canvas) -> bool:
    try:
        return get_canvas_for_user(user, canvas.pk) == canvas
    except Http404:
        return False


def writes(user, canvas: Canvas) -> bool:
    return get_canvas_for_user(user, canvas.pk, write=True) == canvas


def test_the_participant_who_opened_the_project_reads_and_writes(canvas, participant):
    assert reads(participant, canvas) and writes(participant, canvas)


def test_a_geel_team_member_reads_and_writes(canvas, participant, geel):
    colleague = make_person("colleague@geel.example.org", Role.PARTICIPANT, geel)
    add_member(project=canvas.project, user=colleague, by=participant)
    assert reads(colleague, canvas) and writes(colleague, canvas)


def test_a_geel_participant_off_the_team_gets_404(canvas, geel):
    colleague = make_person("colleague@geel.example.org", Role.PARTICIPANT, geel)
    with pytest.raises(Http404):
        get_canvas_for_user(colleague, canvas.pk)


def test_the_geel_coordinator_reads_and_writes(canvas, coordinator):
    assert reads(coordinator, canvas) and writes(coordinator, canvas)


@pytest.mark.parametrize("write", [False, True])
def test_a_lennik_outsider_gets_404(canvas, outsider, write):
    with pytest.raises(Http404):
        get_canvas_for_user(outsider, canvas.pk, write=write)


def test_a_lennik_coordinator_gets_404(canvas, lennik):
    coordinator = make_person("coordinator@lennik.example.org", Role.COORDINATOR, lennik)
    with pytest.raises(Http404):
        get_canvas_for_user(coordinator, canvas.pk)


@pytest.mark.parametrize("staff", ["trainer", "administrator"])
def test_association_staff_read_and_get_403_on_write(canvas, request, staff):
    user = request.getfixturevalue(staff)
    assert reads(user, canvas)
    with pytest.raises(PermissionDenied):
        get_canvas_for_user(user, canvas.pk, write=True)


def test_the_expert_of_the_project_reads_and_writes(canvas, participant, expert):
    invite_expert(project=canvas.project, email=expert.email, by=participant, base_url=BASE_URL)
    assert reads(expert, canvas) and writes(expert, canvas)


def test_an_expert_of_another_project_gets_404(canvas, participant, expert):
    other = make_project(participant, title="Waiting lists")
    invite_expert(project=other, email=expert.email, by=participant, base_url=BASE_URL)
    with pytest.raises(Http404):
        get_canvas_for_user(expert, canvas.pk)


@pytest.mark.parametrize("anonymous", [None, AnonymousUser()])
def test_nobody_signed_in_gets_404(canvas, anonymous):
    with pytest.raises(Http404):
        get_canvas_for_user(anonymous, canvas.pk)


def test_a_deactivated_team_member_gets_404(canvas, participant):
    participant.is_active = False
    participant.save(update_fields=["is_active"])
    with pytest.raises(Http404):
        get_canvas_for_user(participant, canvas.pk)


def test_a_canvas_that_does_not_exist_is_404(canvas, coordinator):
    with pytest.raises(Http404):
        get_canvas_for_user(coordinator, canvas.pk + 1000)
