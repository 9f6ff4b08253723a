"""What the HTTP benchmarks look at, on top of the demo: a 288-card journey and 200 editions.

Every function here can run again on the same database without adding anything twice.
"""

from dataclasses import dataclass

from django.test import Client

from atelier.academy.models import Edition
from atelier.accounts.models import Role, User
from atelier.canvases.models import Canvas, Card
from atelier.members.models import Organisation, OrganisationType
from atelier.projects.models import Project
from bench.academy import EDITIONS, _published_editions

JOURNEY_STAGES, JOURNEY_STEPS = 12, 3  # × 8 lanes: 288 cards
JOURNEY_TITLE = "Bench journey, 12 stages"


@dataclass
class BenchData:
    journey: Canvas
    journey_cards: int
    project: Project
    edition: Edition
    editor_cookie: str
    member_cookie: str


def _team_member() -> User:
    organisation, _ = Organisation.objects.get_or_create(
        name_nl="Bench editor", defaults={"type": OrganisationType.OTHER}
    )
    person, _ = User.objects.get_or_create(
        email="bench-editor@example.org",
        defaults={"role": Role.PARTICIPANT, "organisation": organisation},
    )
    return person


def _big_journey(person: User) -> Canvas:
    from atelier.canvases.tests.factories import make_journey, make_project

    existing = Canvas.objects.filter(title=JOURNEY_TITLE, project__organisation=person.organisation)
    if existing.exists():
        return existing.get()
    project = make_project(person, title="Bench project")
    journey = make_journey(project, person, stages=JOURNEY_STAGES, steps=JOURNEY_STEPS)
    Canvas.objects.filter(pk=journey.pk).update(title=JOURNEY_TITLE)
    journey.refresh_from_db()
    return journey


def session_cookie(person: User) -> str:
    """A signed-in session stored in the database, as the server will read it."""
    client = Client()
    client.force_login(person)
    return f"sessionid={client.cookies['sessionid'].value}"


def bench_data() -> BenchData:
    editor = _team_member()
    journey = _big_journey(editor)
    _published_editions(EDITIONS)
    coordinator = User.objects.get(email="coordinator.geel@atelier.example")
    project = Project.objects.filter(organisation=coordinator.organisation).order_by("pk").first()
    assert project is not None, "the demo's Geel project is missing: run load_demo first"
    return BenchData(
        journey=journey,
        journey_cards=Card.objects.filter(canvas=journey).count(),
        project=project,
        edition=Edition.objects.filter(status=Edition.Status.PUBLISHED).order_by("pk").first(),  # type: ignore[misc]
        editor_cookie=session_cookie(editor),
        member_cookie=session_cookie(coordinator),
    )
