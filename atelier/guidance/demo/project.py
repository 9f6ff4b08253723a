"""Geel's demo project in the guidance tools: a fit check, the team's skills and a plan.

The answers and levels describe Geel at the start of its learning path: a real service
with many channels and departments, backing from the top, a team that knows the
organisation well but has done little research with residents itself.
"""

from atelier.accounts.models import User
from atelier.guidance.models import ExpertisePlan, FitCheck
from atelier.guidance.services.expertise import make_plan, save_skills
from atelier.guidance.services.fit import record_fit_check
from atelier.projects.models import Project

# Question key → option key of the shipped fit check.
FIT_ANSWERS = {
    "is_service": "clearly",
    "channels": "many",
    "user_count": "thousands",
    "user_diversity": "diverse",
    "unknown_users": "figures",
    "departments": "many",
    "backing": "explicit",
    "willingness": "open",
    "time": "longer",
    "budget": "small",
    "access_users": "effort",
    "access_data": "scattered",
}

# Each team member's own levels (0–3) per area of expertise.
SKILLS = {
    "coordinator": {
        "user_research": 1,
        "facilitation": 1,
        "visualisation": 1,
        "prototyping": 0,
        "implementation": 2,
        "leadership": 3,
    },
    "participant": {
        "user_research": 1,
        "facilitation": 1,
        "visualisation": 2,
        "prototyping": 1,
        "implementation": 1,
        "leadership": 1,
    },
}


def add_fit_check(*, project: Project, by: User) -> FitCheck:
    """The project's fit check; the first one stays when there is one."""
    existing = FitCheck.objects.filter(project=project).order_by("created_at", "pk").first()
    return existing or record_fit_check(project=project, answers=FIT_ANSWERS, by=by)


def add_expertise_plan(*, project: Project, coordinator: User, participant: User) -> ExpertisePlan:
    """The team's skills and the project's make-or-buy plan; the first plan stays."""
    existing = ExpertisePlan.objects.filter(project=project).order_by("created_at", "pk").first()
    if existing is not None:
        return existing
    for person, levels in (
        (coordinator, SKILLS["coordinator"]),
        (participant, SKILLS["participant"]),
    ):
        save_skills(project=project, person=person, levels=levels, by=person)
    return make_plan(project=project, by=coordinator, language="nl")
