"""The demo workspace: Geel's project "Eén voordeur voor het sociaal huis" and its canvases.

The Geel case of the introduction workshop (DOMAIN §2), told in our own words: the social
services of city and OCMW worked apart, residents did not know which desk to go to, and
research with residents and staff led to one social house as a single front door. Every
person named in it is fictitious.
"""

from django.db import transaction

from atelier.academy.models import Team
from atelier.accounts.models import User
from atelier.projects.models import Project

from .blueprint import add_blueprint
from .brief import add_brief, add_personas
from .ideas import add_idea_list, add_test_plan
from .insights import add_insight_board
from .journey import add_journey
from .project import TITLE, open_demo_project
from .stakeholders import add_stakeholder_map

COORDINATOR_EMAIL = "coordinator.geel@atelier.example"
PARTICIPANT_EMAIL = "participant.geel@atelier.example"


def _add_canvases(project: Project, coordinator: User, participant: User) -> None:
    add_brief(project=project, by=coordinator)
    sofie, _marcel = add_personas(project=project, by=participant)
    add_stakeholder_map(project=project, by=coordinator)
    evidence = add_insight_board(project=project, by=participant)
    add_journey(project=project, persona=sofie, evidence=evidence, by=participant)
    add_blueprint(project=project, evidence=evidence, by=coordinator)
    add_idea_list(project=project, by=coordinator)
    add_test_plan(project=project, by=participant)


def _summary(project: Project, done: str) -> str:
    return (
        f"Geel: project “{project.title}” {done}, {project.canvases.count()} canvases, "
        f"{project.plan.count()} planned techniques, {project.decisions.count()} decisions."
    )


@transaction.atomic
def load_demo_workspace() -> str:
    """Open Geel's demo project with its plan, decisions and canvases once; a one-line summary."""
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    existing = Project.objects.filter(organisation=coordinator.organisation, title=TITLE).first()
    if existing is not None:
        _link_learning_path_team(existing)
        return _summary(existing, "kept as it is")
    participant = User.objects.get(email=PARTICIPANT_EMAIL)
    project = open_demo_project(coordinator=coordinator, participant=participant)
    _add_canvases(project, coordinator, participant)
    _link_learning_path_team(project)
    return _summary(project, "opened")


def _link_learning_path_team(project: Project) -> None:
    """Geel's team in the learning path works on this project (when the academy demo is there)."""
    Team.objects.filter(organisation=project.organisation, project__isnull=True).update(
        project=project
    )
