"""The guidance demo: Geel's project from fit check to scored tender, and maturity rounds.

Runs after the workspace demo (Geel's project) and the academy demo (the cohort "Leertraject
2026"), through the same services the pages use. Every step keeps what an earlier run made,
so running it again duplicates nothing. Bidders and respondents are fictitious.
"""

from django.db import transaction
from django.utils import translation

from atelier.accounts.models import User
from atelier.guidance.models import ExpertisePlan, Tender
from atelier.guidance.services.scoring import tender_results
from atelier.members.models import Organisation
from atelier.projects.demo import COORDINATOR_EMAIL, PARTICIPANT_EMAIL
from atelier.projects.demo.project import TITLE as PROJECT_TITLE
from atelier.projects.models import Project

from .maturity import LENNIK_ROUND, add_geel_rounds, add_round
from .project import add_expertise_plan, add_fit_check
from .tender import add_bids, add_jury, add_tender, score_and_submit

TRAINER_EMAIL = "trainer@atelier.example"
LENNIK_NIS = "23104"


def _tender(project: Project, plan: ExpertisePlan, coordinator: User) -> Tender:
    tender = add_tender(project=project, plan=plan, by=coordinator)
    add_bids(tender=tender, by=coordinator)
    jurors = add_jury(tender=tender, by=coordinator)
    score_and_submit(tender=tender, jurors=jurors)
    return tender


def _lennik_round(trainer: User) -> int:
    """Lennik's one round, opened by the coach (Lennik has no demo coordinator)."""
    lennik = Organisation.objects.current().filter(nis_code=LENNIK_NIS).first()
    if lennik is None:
        return 0
    add_round(organisation=lennik, demo=LENNIK_ROUND, by=trainer)
    return 1


def _summary(project: Project, tender: Tender, geel_rounds: int, lennik_rounds: int) -> str:
    plan = ExpertisePlan.objects.filter(project=project).order_by("created_at", "pk").first()
    buys = [p for p in (plan.plan["phases"] if plan else []) if p["decision"] == "buy"]
    outcome = tender_results(tender).result
    winner = outcome.bids[0].name if outcome and outcome.bids else "none yet"
    return (
        f"Geel: fit check, expertise plan with {len(buys)} phase(s) to buy, tender "
        f"“{tender.title}” with {tender.bids.count()} bids (first: {winner}), "
        f"{geel_rounds} maturity rounds; Lennik: {lennik_rounds} round."
    )


@transaction.atomic
def load_demo_guidance() -> str:
    """Fit check, expertise plan, scored tender and maturity rounds of the demo; a summary."""
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    participant = User.objects.get(email=PARTICIPANT_EMAIL)
    trainer = User.objects.get(email=TRAINER_EMAIL)
    project = Project.objects.get(organisation=coordinator.organisation, title=PROJECT_TITLE)
    with translation.override("nl"):
        add_fit_check(project=project, by=coordinator)
        plan = add_expertise_plan(project=project, coordinator=coordinator, participant=participant)
        tender = _tender(project, plan, coordinator)
        geel_rounds = add_geel_rounds(organisation=project.organisation, by=coordinator)
        lennik_rounds = _lennik_round(trainer)
    return _summary(project, tender, len(geel_rounds), lennik_rounds)
