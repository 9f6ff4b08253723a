"""Every page of the workspace and the guidance tools that no other browser test passes
through, audited with axe in Dutch (the default) on the demo's Geel data."""

import pytest

from atelier.canvases.models import Canvas, ShareLink
from atelier.guidance.models import ExpertisePlan, FitCheck, MaturityResponse, RuleSet, Tender
from atelier.method.models import Phase, Technique


@pytest.fixture
def demo(db):
    """The demo's people, Geel's workspace project and its guidance, as `make run` loads them."""
    from atelier.academy.demo.learning_path import load_demo_learning_path
    from atelier.demo.people import load_demo_people
    from atelier.guidance.demo import load_demo_guidance
    from atelier.method.services import load_library
    from atelier.projects.demo import load_demo_workspace
    from conftest import make_municipality, make_province

    load_library()
    antwerp, brabant = make_province("10000"), make_province("20001")
    make_municipality("13008", "Geel", antwerp, 40709)
    make_municipality("23104", "Lennik", brabant, 9096)
    for nis, name in (("13049", "Westerlo"), ("36008", "Izegem"), ("13037", "Rijkevorsel")):
        make_municipality(nis, name, antwerp, 20000)
    load_demo_people()
    load_demo_learning_path()
    load_demo_workspace()
    load_demo_guidance()


def record_statuses(visit) -> dict[str, int]:
    """The status of every document the tab loads: a 404 page would pass axe too."""
    statuses: dict[str, int] = {}

    def seen(response) -> None:
        if response.request.resource_type == "document":
            statuses[response.url] = response.status

    visit.page.on("response", seen)
    return statuses


def team_pages() -> list[str]:
    journey = Canvas.objects.get(kind="journey")
    project = journey.project
    snapshot = journey.snapshots.first()
    return [
        f"/projects/{project.pk}/",
        f"/projects/{project.pk}/team/",
        f"/projects/{project.pk}/plan/",
        f"/projects/{project.pk}/decisions/",
        f"/projects/{project.pk}/edit/",
        *(f"/canvases/{canvas.pk}/" for canvas in Canvas.objects.filter(project=project)),
        f"/canvases/{journey.pk}/settings/",
        f"/canvases/{journey.pk}/versions/",
        f"/canvases/{journey.pk}/versions/{snapshot.pk}/",
        f"/canvases/{journey.pk}/versions/compare/?a={snapshot.pk}&b=current",
        f"/canvases/{journey.pk}/copy/",
        f"/canvases/{journey.pk}/share/",
        f"/canvases/import/{project.pk}/",
        f"/guidance/projects/{project.pk}/fit/",
        f"/guidance/fit/{FitCheck.objects.get().pk}/",
        f"/guidance/projects/{project.pk}/skills/",
        f"/guidance/expertise/{ExpertisePlan.objects.first().pk}/",
        f"/guidance/tenders/{Tender.objects.get().pk}/",
        f"/guidance/tenders/{Tender.objects.get().pk}/bids/",
        f"/guidance/tenders/{Tender.objects.get().pk}/jury/",
        f"/guidance/tenders/{Tender.objects.get().pk}/results/",
        "/guidance/maturity/",
    ]


@pytest.mark.browser
def test_the_team_pages_pass_axe(open_visit, demo):
    from atelier.accounts.models import User

    visit = open_visit()
    visit.sign_in(User.objects.get(email="coordinator.geel@atelier.example"))
    statuses = record_statuses(visit)
    pages = team_pages()
    for path in pages:
        visit.open(path)
    assert len(statuses) == len(pages)
    assert {url: status for url, status in statuses.items() if status != 200} == {}


@pytest.mark.browser
def test_staff_and_public_pages_pass_axe(open_visit, demo):
    from atelier.accounts.models import User

    technique = Technique.objects.order_by("pk").first()
    staff = open_visit()
    staff.sign_in(User.objects.get(email="trainer@atelier.example"))
    statuses = record_statuses(staff)
    rules = RuleSet.objects.filter(kind="tender").order_by("version").first()
    for path in (
        f"/method/{technique.slug}/edit/",
        "/method/new/",
        "/method/phases/",
        "/guidance/rules/",
        f"/guidance/rules/{rules.pk}/",
        f"/guidance/maturity/cohorts/{_cohort_pk()}/",
    ):
        staff.open(path)
    public = open_visit()
    public_statuses = record_statuses(public)
    link = ShareLink.objects.create(
        canvas=Canvas.objects.get(kind="stakeholder_map"), token="a" * 32
    )
    public.open(f"/shared/{link.token}/")
    public.open(f"/method/{technique.slug}/")
    public.open(f"/method/?phase={Phase.objects.first().slug}")
    pending = MaturityResponse.objects.filter(submitted_at__isnull=True).first()
    if pending is None:
        from atelier.guidance.services.maturity import invite

        round = MaturityResponse.objects.first().round
        round.closed_at = None
        round.save(update_fields=["closed_at"])
        pending = invite(
            round=round, labels=["onthaal"], by=User.objects.get(email="trainer@atelier.example")
        )[0]
    public.open(f"/guidance/maturity/respond/{pending.token}/")
    everything = statuses | public_statuses
    assert len(everything) == 10
    assert {url: status for url, status in everything.items() if status != 200} == {}


def _cohort_pk() -> int:
    from atelier.academy.models import Cohort

    return Cohort.objects.get(name__icontains="Leertraject").pk
