"""The expertise planner with the database: skills, plans with their rules version, pages."""

import json
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from atelier.accounts.models import Role
from atelier.guidance.models import ExpertisePlan, SkillAssessment
from atelier.guidance.rules.expertise import DEFAULT
from atelier.guidance.services.expertise import make_plan, save_skills
from atelier.guidance.services.rules import current_rules, publish, save_draft, start_draft
from atelier.guidance.views.expertise import DECISIONS
from atelier.method.models import Technique
from atelier.projects.models import MemberRole, ProjectMember
from atelier.projects.services import add_member, plan_technique
from conftest import make_person

PRINT_CSS = Path(__file__).resolve().parents[1] / "static" / "guidance"

pytestmark = pytest.mark.django_db
AREAS = [area["key"] for area in DEFAULT["areas"]]


def levels(**given):
    return {area: given.get(area, 0) for area in AREAS}


def plan(project, slug, by):
    plan_technique(project=project, technique=Technique.objects.get(slug=slug), by=by)


def explore_research(expertise_plan):
    explore = next(p for p in expertise_plan.plan["phases"] if p["phase"] == "explore")
    return explore, next(a for a in explore["areas"] if a["area"] == "user_research")


@pytest.fixture
def colleague(geel, project, participant):
    person = make_person("colleague@geel.example.org", Role.PARTICIPANT, geel)
    add_member(project=project, user=person, by=participant)
    return person


# Skills


def test_a_team_member_saves_their_own_levels(project, participant):
    save_skills(project=project, person=participant, levels=levels(user_research=2), by=participant)
    assessment = SkillAssessment.objects.get(project=project, person=participant)
    assert assessment.levels["user_research"] == 2 and assessment.rules.kind == "expertise"
    save_skills(project=project, person=participant, levels=levels(user_research=3), by=participant)
    assessment.refresh_from_db()
    assert assessment.levels["user_research"] == 3
    assert SkillAssessment.objects.count() == 1


def test_levels_must_be_zero_to_three_for_every_area(project, participant):
    with pytest.raises(ValidationError):
        save_skills(
            project=project, person=participant, levels=levels(prototyping=4), by=participant
        )
    with pytest.raises(ValidationError):
        save_skills(
            project=project, person=participant, levels={"user_research": 2}, by=participant
        )


def test_a_non_member_cannot_save_skills(project, coordinator):
    with pytest.raises(PermissionDenied):
        save_skills(project=project, person=coordinator, levels=levels(), by=coordinator)


def test_nobody_saves_skills_for_someone_else(project, participant, colleague):
    with pytest.raises(PermissionDenied):
        save_skills(project=project, person=colleague, levels=levels(), by=participant)


def test_an_invited_expert_does_not_count_as_in_house(project, participant, expert):
    ProjectMember.objects.create(project=project, user=expert, role=MemberRole.EXPERT)
    with pytest.raises(PermissionDenied):
        save_skills(project=project, person=expert, levels=levels(), by=expert)


# Plans


def test_a_plan_uses_the_planned_techniques_and_the_best_level_in_the_team(
    project, participant, colleague
):
    plan(project, "observation", participant)
    save_skills(project=project, person=participant, levels=levels(), by=participant)
    save_skills(project=project, person=colleague, levels=levels(user_research=2), by=colleague)
    expertise_plan = make_plan(project=project, by=participant, language="en")
    explore, line = explore_research(expertise_plan)
    assert explore["techniques"] == ["observation"]
    assert line["in_house"] == 2 and line["decision"] == "make"
    assert expertise_plan.rules == current_rules("expertise")


def test_a_weak_team_buys_the_explore_phase(project, participant):
    plan(project, "interviews-with-staff", participant)
    expertise_plan = make_plan(project=project, by=participant, language="en")
    explore, line = explore_research(expertise_plan)
    assert explore["decision"] == "buy" and line["cost"] == "1900.00"


def test_skills_of_people_who_left_the_team_do_not_count(project, participant, colleague):
    save_skills(project=project, person=colleague, levels=levels(user_research=3), by=colleague)
    ProjectMember.objects.filter(project=project, user=colleague).delete()
    plan(project, "observation", participant)
    _explore, line = explore_research(make_plan(project=project, by=participant))
    assert line["in_house"] == 0


def test_a_plan_keeps_its_rules_version(project, participant, trainer):
    plan(project, "observation", participant)
    first = make_plan(project=project, by=participant, language="en")
    draft = start_draft(kind="expertise", by=trainer)
    data = {**draft.data, "day_rates": {**draft.data["day_rates"], "user_research": "1000.00"}}
    save_draft(rules=draft, document=json.dumps(data), note="dearer research", by=trainer)
    publish(rules=draft, by=trainer)
    second = make_plan(project=project, by=participant, language="en")
    first.refresh_from_db()
    assert (first.rules.version, second.rules.version) == (1, 2)
    assert explore_research(first)[1]["cost"] == "1900.00"
    assert explore_research(second)[1]["cost"] == "2000.00"


def test_staff_cannot_make_a_plan(project, trainer):
    with pytest.raises(PermissionDenied):
        make_plan(project=project, by=trainer)


# Pages


def test_a_member_assesses_themselves_on_the_skills_page(client, project, participant, colleague):
    client.force_login(participant)
    page = client.get(reverse("guidance:skills", args=[project.pk])).content.decode()
    assert "My own skills" in page and "Can teach it" in page and "<legend" in page
    answers = {area: "1" for area in AREAS} | {"facilitation": "3"}
    response = client.post(reverse("guidance:skills", args=[project.pk]), answers)
    assert response.status_code == 302
    assert SkillAssessment.objects.get(person=participant).levels["facilitation"] == 3
    page = client.get(reverse("guidance:skills", args=[project.pk])).content.decode()
    assert "3 · Can teach it" in page and "not assessed yet" in page  # the colleague


def test_a_coordinator_sees_the_team_levels_but_cannot_save_skills(client, project, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("guidance:skills", args=[project.pk])).content.decode()
    assert "Levels in the team" in page and "My own skills" not in page
    answers = {area: "2" for area in AREAS}
    response = client.post(reverse("guidance:skills", args=[project.pk]), answers)
    assert response.status_code == 403
    assert not SkillAssessment.objects.exists()


def test_a_member_makes_a_plan_and_reads_it(client, project, participant):
    plan(project, "interviews-with-citizens", participant)
    client.force_login(participant)
    response = client.post(reverse("guidance:expertise", args=[project.pk]))
    expertise_plan = ExpertisePlan.objects.get()
    assert response.url == reverse("guidance:expertise_plan", args=[expertise_plan.pk])
    page = client.get(response.url).content.decode()
    assert "First interviews with vulnerable residents" in page
    assert "Planned techniques: Interviews with citizens" in page
    assert "€ 3.800,00" in page and "bring in an expert" in page
    assert "guidance/expertise.css" in page and "version 1 of the rules" in page
    assert "@media print" in (PRINT_CSS / "expertise.css").read_text()


def test_the_plans_page_shows_the_latest_plan_and_the_history(client, project, participant):
    make_plan(project=project, by=participant, language="en")
    latest = make_plan(project=project, by=participant, language="en")
    client.force_login(participant)
    page = client.get(reverse("guidance:expertise", args=[project.pk])).content.decode()
    assert "Make a plan" in page and "Latest plan" in page
    assert reverse("guidance:expertise_plan", args=[latest.pk]) in page
    assert page.count("version 1") >= 2


def test_staff_read_plans_and_cannot_make_one(client, project, participant, trainer):
    expertise_plan = make_plan(project=project, by=participant)
    client.force_login(trainer)
    assert (
        client.get(reverse("guidance:expertise_plan", args=[expertise_plan.pk])).status_code == 200
    )
    page = client.get(reverse("guidance:expertise", args=[project.pk])).content.decode()
    assert "Make a plan" not in page
    assert client.post(reverse("guidance:expertise", args=[project.pk])).status_code == 403
    assert client.get(reverse("guidance:skills", args=[project.pk])).status_code == 200


def test_an_outsider_gets_404_on_every_page(client, project, participant, outsider):
    expertise_plan = make_plan(project=project, by=participant)
    client.force_login(outsider)
    urls = [
        reverse("guidance:skills", args=[project.pk]),
        reverse("guidance:expertise", args=[project.pk]),
        reverse("guidance:expertise_plan", args=[expertise_plan.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
        assert client.delete(url).status_code == 404
    assert ExpertisePlan.objects.count() == 1


def test_a_member_gets_405_for_other_methods(client, project, participant):
    expertise_plan = make_plan(project=project, by=participant)
    client.force_login(participant)
    assert client.put(reverse("guidance:expertise", args=[project.pk])).status_code == 405
    plan_url = reverse("guidance:expertise_plan", args=[expertise_plan.pk])
    assert client.post(plan_url).status_code == 405


def test_anonymous_visitors_are_sent_to_sign_in(client, project):
    response = client.get(reverse("guidance:expertise", args=[project.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_plans_page_queries_do_not_grow_with_plans(
    client, project, participant, django_assert_max_num_queries
):
    make_plan(project=project, by=participant)
    client.force_login(participant)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("guidance:expertise", args=[project.pk]))
    for _number in range(8):
        make_plan(project=project, by=participant)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("guidance:expertise", args=[project.pk]))
    assert response.content.decode().count("version 1") >= 9


def test_skills_page_queries_do_not_grow_with_the_team(
    client, geel, project, participant, django_assert_max_num_queries
):
    client.force_login(participant)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("guidance:skills", args=[project.pk]))
    for number in range(6):
        person = make_person(f"member{number}@geel.example.org", Role.PARTICIPANT, geel)
        add_member(project=project, user=person, by=participant)
        save_skills(project=project, person=person, levels=levels(prototyping=2), by=person)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("guidance:skills", args=[project.pk]))
    assert response.content.decode().count("2 · Can do it") >= 6


def test_plan_decisions_are_translated_on_the_dutch_expertise_plan():
    with translation.override("nl"):
        labels = [str(label) for label in DECISIONS.values()]

    assert labels == ["intern", "intern, met een coach", "een expert inschakelen"]


def test_a_nul_escaped_in_edited_rules_is_dropped_before_saving(trainer):
    draft = start_draft(kind="expertise", by=trainer)
    document = json.dumps(draft.data).replace("User research", "User\\u0000 research")

    saved = save_draft(rules=draft, document=document, note="pasted", by=trainer)

    saved.refresh_from_db()
    assert saved.data["areas"][0]["name"]["en"] == "User research"
