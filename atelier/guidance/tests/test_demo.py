"""The guidance demo: Geel's project from fit check to a ranked tender, and maturity rounds."""

import pytest

from atelier.academy.demo.learning_path import load_demo_learning_path
from atelier.academy.models import Cohort
from atelier.accounts.models import User
from atelier.demo.people import load_demo_people
from atelier.guidance.demo import load_demo_guidance
from atelier.guidance.models import (
    Bid,
    ExpertisePlan,
    FitCheck,
    JurorSubmission,
    MaturityResponse,
    MaturityRound,
    Score,
    SkillAssessment,
    Tender,
    TenderJuror,
)
from atelier.guidance.services.maturity import cohort_comparison, trend
from atelier.guidance.services.scoring import quality_criteria, tender_results
from atelier.projects.demo import load_demo_workspace
from atelier.projects.models import Project
from conftest import make_municipality

MODELS = (
    FitCheck,
    SkillAssessment,
    ExpertisePlan,
    Tender,
    Bid,
    TenderJuror,
    Score,
    JurorSubmission,
    MaturityRound,
    MaturityResponse,
)


@pytest.fixture
def project(geel, lennik, antwerp) -> Project:
    """The demo people, Geel's workspace and the cohort, then the guidance demo."""
    for nis, name in [("36008", "Izegem"), ("13049", "Westerlo"), ("13037", "Rijkevorsel")]:
        make_municipality(nis, name, antwerp)
    load_demo_people()
    load_demo_workspace()
    load_demo_learning_path()
    load_demo_guidance()
    return Project.objects.get(organisation=geel)


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in MODELS)


def test_geel_project_has_a_fit_check_and_a_plan_that_buys_a_phase(project):
    check = project.fit_checks.get()
    plan = project.expertise_plans.get()

    assert check.result["recommendation"] in ("go", "partly")
    assert SkillAssessment.objects.filter(project=project).count() == 2
    assert "buy" in [phase["decision"] for phase in plan.plan["phases"]]
    assert plan.plan["language"] == "nl"


def test_tender_comes_from_the_plan_with_three_bids_and_three_jurors(project):
    tender = project.tenders.get()

    assert tender.plan == project.expertise_plans.get()
    assert tender.language == "nl" and tender.estimated_value > 0
    assert tender.bids.count() == 3
    assert {juror.person.email for juror in tender.jurors.all()} == {
        "coordinator.geel@atelier.example",
        "trainer@atelier.example",
        "expert@atelier.example",
    }


def test_every_juror_scored_every_bid_with_a_note_and_submitted(project):
    tender = project.tenders.get()
    cells = tender.bids.count() * len(quality_criteria(tender))

    for juror in tender.jurors.all():
        assert hasattr(juror, "submission")
        assert juror.scores.count() == cells
        assert all(score.note for score in juror.scores.all())


def test_results_rank_three_bids_and_flag_jurors_who_differ(project):
    outcome = tender_results(project.tenders.get())

    assert outcome.result is not None and not outcome.problems
    assert [bid.rank for bid in outcome.result.bids] == [1, 2, 3]
    flagged = [c for bid in outcome.result.bids for c in bid.criteria if c.jurors_differ]
    assert flagged and all(c.highest - c.lowest >= 4 for c in flagged)


def test_geel_has_two_rounds_of_four_submitted_answers_and_a_rising_trend(project):
    rounds = list(MaturityRound.objects.filter(organisation=project.organisation))
    shown = trend(project.organisation, "nl")

    assert [r.name for r in rounds] == ["Voor het leertraject", "Halverwege het leertraject"]
    assert all(r.responses.filter(submitted_at__isnull=False).count() == 4 for r in rounds)
    assert rounds[0].closed_at is not None and rounds[1].closed_at is None
    assert all(r.cohort and r.cohort.name == "Leertraject 2026" for r in rounds)
    assert all(r.shared_with_cohort for r in rounds)
    rising = [a for a in shown["areas"] if a["medians"][1] > a["medians"][0]]
    assert len(shown["rounds"]) == 2 and len(rising) > len(shown["areas"]) / 2


def test_coach_sees_geel_by_name_and_lennik_anonymised(project):
    cohort = Cohort.objects.get(name="Leertraject 2026")
    coach = User.objects.get(email="trainer@atelier.example")

    labels = [row["label"] for row in cohort_comparison(cohort, coach, "en")["rows"]]

    assert "Geel" in labels
    assert "Lennik" not in labels and len(labels) == 2


def test_running_the_demo_again_duplicates_nothing(project):
    before = counts()

    summary = load_demo_guidance()

    assert counts() == before
    assert "3 bids" in summary and "2 maturity rounds" in summary
