"""Two people of Geel on one journey's team, for the change log, undo, comments and live tests."""

import pytest

from atelier.accounts.models import Role, User
from atelier.canvases.models import Canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.tests.factories import make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import MemberRole, Project, ProjectMember
from conftest import make_person


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


@pytest.fixture
def colleague(geel, project: Project) -> User:
    """A second participant of Geel, on the same team: Bram Peeters."""
    person = make_person("bram.peeters@geel.example.org", Role.PARTICIPANT, geel)
    person.first_name, person.last_name = "Bram", "Peeters"
    person.save(update_fields=["first_name", "last_name"])
    ProjectMember.objects.create(project=project, user=person, role=MemberRole.MEMBER)
    return person


@pytest.fixture
def journey(project: Project, participant: User) -> Canvas:
    return create_canvas(project=project, kind=ArtefactKind.JOURNEY, title="Visit", by=participant)
