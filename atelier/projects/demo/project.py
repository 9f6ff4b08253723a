"""The demo project of Geel: its challenge, its team, its plan per phase and its decision log."""

import datetime
from dataclasses import dataclass

from atelier.accounts.models import User
from atelier.method.models import Phase, Technique
from atelier.projects.models import Project
from atelier.projects.services import (
    add_member,
    mark_done,
    open_project,
    plan_technique,
    record_decision,
    set_phase,
)

D = datetime.date

TITLE = "Eén voordeur voor het sociaal huis"
PROBLEM = (
    "De sociale dienstverlening van stad en OCMW Geel zit verspreid over verschillende "
    "gebouwen, diensten en loketten, elk met een eigen werkwijze. Inwoners met een sociale "
    "vraag weten niet aan welk loket ze moeten aankloppen. Ze worden doorverwezen, moeten "
    "hun verhaal telkens opnieuw vertellen en haken soms af, waardoor ze hulp en premies "
    "mislopen waar ze recht op hebben."
)
TARGET_GROUP = (
    "Inwoners van Geel met een vraag over inkomen, huur, schulden, zorg of opvoeding, in het "
    "bijzonder wie het financieel moeilijk heeft of weinig digitaal vaardig is. Daarnaast de "
    "medewerkers van onthaal, sociale dienst, woonloket en burgerzaken die hen helpen."
)


@dataclass(frozen=True)
class Planned:
    """A technique of the method library in the plan, and when it happens."""

    slug: str
    planned_for: datetime.date
    done_on: datetime.date | None
    note: str


PLAN = (
    Planned(
        "project-team-set-up",
        D(2026, 1, 13),
        D(2026, 1, 13),
        "Kernteam van onthaal, sociale dienst, woonloket en burgerzaken; stuurgroep met de "
        "algemeen directeur.",
    ),
    Planned(
        "design-brief",
        D(2026, 1, 20),
        D(2026, 1, 20),
        "Opdracht afgebakend tot het eerste contact; goedgekeurd door de stuurgroep.",
    ),
    Planned(
        "stakeholder-map",
        D(2026, 1, 27),
        D(2026, 1, 27),
        "Wie bij het eerste contact betrokken is, binnen en buiten stad en OCMW.",
    ),
    Planned(
        "observation",
        D(2026, 2, 10),
        D(2026, 2, 12),
        "Twee voormiddagen aan het onthaal van het stadhuis en in de wachtzaal van het OCMW.",
    ),
    Planned(
        "interviews-with-citizens",
        D(2026, 2, 16),
        D(2026, 2, 27),
        "Twaalf gesprekken met inwoners, in het sociaal huis en bij hen thuis.",
    ),
    Planned(
        "interviews-with-staff",
        D(2026, 3, 2),
        D(2026, 3, 6),
        "Negen gesprekken met onthaalmedewerkers, maatschappelijk werkers en stadsdiensten.",
    ),
    Planned(
        "questionnaire",
        D(2026, 3, 2),
        D(2026, 3, 31),
        "Vragenlijst op papier en online, ingevuld door 185 inwoners en 127 medewerkers.",
    ),
    Planned(
        "insight-clustering",
        D(2026, 4, 14),
        D(2026, 4, 14),
        "Inzichten uit gesprekken en vragenlijst geclusterd in vier thema's.",
    ),
    Planned("personas", D(2026, 4, 21), D(2026, 4, 21), "Twee persona's: Sofie en Marcel."),
    Planned(
        "customer-journey-map",
        D(2026, 4, 28),
        D(2026, 4, 28),
        "De reis van een bezoek aan de sociale dienst zoals die vandaag loopt.",
    ),
    Planned(
        "how-might-we",
        D(2026, 5, 5),
        D(2026, 5, 5),
        "Vier vragen 'Hoe kunnen we …' als vertrekpunt voor workshop 1.",
    ),
    Planned(
        "co-creation-workshop",
        D(2026, 5, 19),
        D(2026, 5, 19),
        "Workshop 1 met acht medewerkers en zes inwoners.",
    ),
    Planned(
        "service-staging",
        D(2026, 9, 15),
        D(2026, 9, 15),
        "Het nieuwe onthaal nagespeeld met medewerkers en inwoners.",
    ),
    Planned(
        "test-with-users",
        D(2026, 10, 5),
        D(2026, 10, 16),
        "Proefperiode van twee weken met warme doorverwijzing aan het onthaal van het stadhuis.",
    ),
    Planned(
        "mock-ups",
        D(2026, 12, 1),
        None,
        "Papieren proefversie van de nieuwe bewegwijzering in de inkomhal.",
    ),
    Planned(
        "service-blueprint",
        D(2026, 12, 8),
        None,
        "De to-be-blueprint afwerken met de ICT-dienst en de facilitaire dienst.",
    ),
    Planned(
        "roadmap",
        D(2027, 1, 19),
        None,
        "Actieplan voor de opening van het vernieuwde sociaal huis.",
    ),
)

# (date, phase position, what was decided, why, by whom)
DECISIONS = (
    (
        D(2026, 1, 20),
        0,
        "We beperken het project tot het eerste contact met de sociale dienstverlening.",
        "De hulpverlening zelf werkt goed; het probleem zit in hoe inwoners bij de juiste hulp "
        "geraken. De verbouwing van het gebouw volgt in een apart dossier.",
        "stuurgroep sociaal huis",
    ),
    (
        D(2026, 2, 3),
        1,
        "We bevragen inwoners én medewerkers, met gesprekken en met een vragenlijst.",
        "Gesprekken tonen waarom mensen vastlopen, de vragenlijst hoe vaak dat gebeurt. "
        "Kwetsbare inwoners zoeken we zelf op, via de maatschappelijk werkers en de "
        "armoedevereniging.",
        "projectteam",
    ),
    (
        D(2026, 4, 28),
        2,
        "We ontwerpen voor twee persona's: Sofie en Marcel.",
        "Ze staan voor de twee groepen die in het onderzoek het vaakst vastliepen: werkende "
        "ouders met een laag inkomen en alleenstaande ouderen met weinig digitale vaardigheden.",
        "projectteam",
    ),
    (
        D(2026, 5, 26),
        3,
        "Het sociaal huis wordt de enige voordeur voor alle sociale vragen van stad en OCMW.",
        "In workshop 1 kwamen medewerkers en inwoners los van elkaar uit bij hetzelfde idee: "
        "één onthaal, waar niemand vertrekt zonder afspraak of warme doorverwijzing.",
        "college van burgemeester en schepenen en vast bureau",
    ),
    (
        D(2026, 10, 13),
        4,
        "Warme doorverwijzing wordt de regel; het nummertjessysteem in de wachtzaal verdwijnt.",
        "In de proefperiode kwamen 31 van de 34 doorverwezen bezoekers aan bij de juiste "
        "dienst. Bezoekers vonden een volgnummer onpersoonlijk.",
        "stuurgroep sociaal huis",
    ),
)


def _plan(project: Project, by: User) -> list[Phase]:
    """Plan the techniques the library holds (staff may have removed some); the phases done."""
    techniques = Technique.objects.in_bulk([entry.slug for entry in PLAN], field_name="slug")
    done_phases = []
    for entry in PLAN:
        technique = techniques.get(entry.slug)
        if technique is None:
            continue
        planned = plan_technique(
            project=project,
            technique=technique,
            planned_for=entry.planned_for,
            note=entry.note,
            by=by,
        )
        if entry.done_on is not None:
            mark_done(planned=planned, done_on=entry.done_on, by=by)
            done_phases.append(planned.phase)
    return done_phases


def _decide(project: Project, by: User) -> None:
    for decided_on, position, title, rationale, decided_by in DECISIONS:
        record_decision(
            project=project,
            decided_on=decided_on,
            title=title,
            rationale=rationale,
            decided_by=decided_by,
            phase=Phase.objects.filter(position=position).first(),
            by=by,
        )


def open_demo_project(*, coordinator: User, participant: User) -> Project:
    """Open the project with its team, plan and decisions, in the phase of the latest work done."""
    project = open_project(
        title=TITLE, problem_statement=PROBLEM, target_group=TARGET_GROUP, by=coordinator
    )
    add_member(project=project, user=participant, by=coordinator)
    done_phases = _plan(project, coordinator)
    _decide(project, coordinator)
    latest = max(done_phases, key=lambda phase: phase.position, default=None)
    if latest is not None:
        set_phase(project=project, phase=latest, by=coordinator)
    return project
