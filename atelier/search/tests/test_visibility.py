"""Nobody finds what they may not read: every audience and status against every role."""

import pytest

from atelier.canvases.services.canvases import create_canvas
from atelier.knowledge.models import Audience, Status
from atelier.projects.services import open_project
from atelier.search.engine import facets, search
from atelier.search.models import DocumentType

from .conftest import make_item

pytestmark = pytest.mark.django_db

AUDIENCES = [Audience.PUBLIC, Audience.MEMBERS, Audience.STAFF]
STATUSES = [Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED, Status.ARCHIVED]
# Which audiences each role may read (published and archived items; staff everything).
READS = {
    "anonymous": {Audience.PUBLIC},
    "participant": {Audience.PUBLIC, Audience.MEMBERS},
    "coordinator": {Audience.PUBLIC, Audience.MEMBERS},
    "outsider": {Audience.PUBLIC, Audience.MEMBERS},  # Lennik is a member too
    "expert": {Audience.PUBLIC},
    "trainer": {Audience.PUBLIC, Audience.MEMBERS, Audience.STAFF},
}


@pytest.fixture
def people(participant, coordinator, outsider, expert, trainer):
    return {
        "anonymous": None,
        "participant": participant,
        "coordinator": coordinator,
        "outsider": outsider,
        "expert": expert,
        "trainer": trainer,
    }


@pytest.fixture
def items():
    return {
        (audience, status): make_item(
            f"Zonnepanelen {audience} {status}",
            "Zonnepanelen op het gemeentehuis.",
            audience=audience,
            status=status,
        )
        for audience in AUDIENCES
        for status in STATUSES
    }


@pytest.mark.parametrize("role", READS)
def test_knowledge_items_found_by_audience_and_status(role, people, items):
    user = people[role]
    found = {hit.object_id for hit in search(user, "zonnepanelen", limit=100).hits}
    expected = {
        item.pk
        for (audience, status), item in items.items()
        if role == "trainer"
        or (audience in READS[role] and status in (Status.PUBLISHED, Status.ARCHIVED))
    }
    assert found == expected
    assert search(user, "zonnepanelen").count == len(expected)
    assert sum(total for _, total in facets(user, "zonnepanelen")["types"]) == len(expected)


@pytest.fixture
def team_work(participant, outsider, coordinator):
    """A Geel project with a canvas (participant on the team) and a Lennik project."""
    geel = open_project(
        title="Loket voor huisvesting", problem_statement="Wachtlijsten", by=participant
    )
    create_canvas(project=geel, kind="persona", title="Persona huisvesting", by=participant)
    lennik = open_project(title="Huisvesting voor senioren", by=outsider)
    create_canvas(project=lennik, kind="persona", title="Persona senior huisvesting", by=outsider)
    return geel, lennik


def team_titles(user):
    results = search(user, "huisvesting", types=[DocumentType.PROJECT, DocumentType.CANVAS])
    return sorted(hit.title for hit in results.hits)


def test_team_finds_its_project_and_canvases(participant, team_work):
    assert team_titles(participant) == ["Loket voor huisvesting", "Persona huisvesting"]


def test_coordinator_finds_every_project_of_the_organisation(coordinator, team_work):
    assert team_titles(coordinator) == ["Loket voor huisvesting", "Persona huisvesting"]


def test_other_organisation_never_finds_the_project(outsider, team_work):
    assert team_titles(outsider) == ["Huisvesting voor senioren", "Persona senior huisvesting"]


def test_participant_outside_the_team_does_not_find_it(geel, team_work):
    from conftest import make_person

    colleague = make_person("colleague@geel.example.org", "participant", geel)
    assert team_titles(colleague) == []


@pytest.mark.parametrize("role", ["anonymous", "expert"])
def test_no_team_no_projects(role, people, team_work):
    assert team_titles(people[role]) == []


def test_staff_find_every_project(trainer, team_work):
    assert len(team_titles(trainer)) == 4


def test_inactive_person_finds_public_items_only(participant, items):
    participant.is_active = False
    participant.save()
    found = {hit.title for hit in search(participant, "zonnepanelen", limit=100).hits}
    assert found == {"Zonnepanelen public published", "Zonnepanelen public archived"}


def test_team_member_who_leaves_no_longer_finds_the_project(participant, team_work):
    geel, _ = team_work
    geel.members.filter(user=participant).delete()
    assert team_titles(participant) == []
