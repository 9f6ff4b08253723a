"""The project pages as the people of Geel, an outsider of Lennik and association staff see them."""

import pytest
from django.urls import reverse
from django.utils import translation

from atelier.canvases.models import Canvas
from atelier.method.models import ArtefactKind
from atelier.projects import services
from atelier.projects.models import MemberRole, Project, ProjectMember

BASE_URL = "https://atelier.example.org"


@pytest.fixture
def other_project(coordinator) -> Project:
    """A second project of Geel, with a member and a planned technique of its own."""
    project = services.open_project(title="Town hall desk", by=coordinator)
    services.plan_technique(
        project=project, technique=services.Technique.objects.first(), by=coordinator
    )
    return project


@pytest.fixture
def planned(project, participant, technique):
    return services.plan_technique(project=project, technique=technique, by=participant)


def project_urls(project: Project, member_pk: int, planned_pk: int) -> list[str]:
    pk = project.pk
    return [
        reverse("projects:detail", args=[pk]),
        reverse("projects:edit", args=[pk]),
        reverse("projects:set_phase", args=[pk]),
        reverse("projects:canvas_create", args=[pk]),
        reverse("projects:team", args=[pk]),
        reverse("projects:member_add", args=[pk]),
        reverse("projects:expert_invite", args=[pk]),
        reverse("projects:member_remove", args=[pk, member_pk]),
        reverse("projects:plan", args=[pk]),
        reverse("projects:plan_done", args=[pk, planned_pk]),
        reverse("projects:plan_remove", args=[pk, planned_pk]),
        reverse("projects:decisions", args=[pk]),
    ]


def test_every_project_url_is_listed_in_this_test(project, planned):
    from atelier.projects.urls import urlpatterns

    per_project = [p for p in urlpatterns if "<int:pk>" in str(p.pattern)]
    urls = project_urls(project, project.members.get().pk, planned.pk)
    assert len(urls) == len(per_project)


def test_participant_opens_a_project_and_leads_it(client, participant):
    client.force_login(participant)
    response = client.post(
        reverse("projects:create"),
        {"title": "One front door", "problem_statement": "Too many desks", "target_group": ""},
    )
    project = Project.objects.get()
    assert response.url == reverse("projects:detail", args=[project.pk])
    assert project.members.get().role == MemberRole.LEAD


def test_expert_may_not_open_a_project(client, expert):
    client.force_login(expert)
    assert client.get(reverse("projects:create")).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(client, project):
    response = client.get(reverse("projects:detail", args=[project.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_coordinator_sees_the_project_of_their_organisation(client, coordinator, project):
    client.force_login(coordinator)
    assert project.title in client.get(reverse("projects:list")).content.decode()
    assert client.get(reverse("projects:detail", args=[project.pk])).status_code == 200


def test_outsider_gets_404_on_every_project_url(client, outsider, project, planned):
    client.force_login(outsider)
    for url in project_urls(project, project.members.get().pk, planned.pk):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    assert project.title not in client.get(reverse("projects:list")).content.decode()


def test_another_projects_member_and_plan_give_404(client, participant, project, other_project):
    client.force_login(participant)
    services.add_member(project=other_project, user=participant, by=other_project.created_by)
    foreign_member = other_project.members.exclude(user=participant).get()
    foreign_plan = other_project.plan.get()
    for url in [
        reverse("projects:member_remove", args=[project.pk, foreign_member.pk]),
        reverse("projects:plan_done", args=[project.pk, foreign_plan.pk]),
        reverse("projects:plan_remove", args=[project.pk, foreign_plan.pk]),
    ]:
        assert client.post(url, {"done_on": "2026-03-02"}).status_code == 404, url
    assert ProjectMember.objects.filter(pk=foreign_member.pk).exists()
    assert other_project.plan.filter(pk=foreign_plan.pk, done_on=None).exists()


def test_staff_read_every_page_without_forms(client, trainer, project, planned):
    client.force_login(trainer)
    for name in ("projects:detail", "projects:team", "projects:plan", "projects:decisions"):
        response = client.get(reverse(name, args=[project.pk]))
        assert response.status_code == 200, name
        assert 'method="post"' not in response.content.decode().split("<main", 1)[1], name


def test_staff_get_403_on_every_write(client, trainer, project, planned):
    client.force_login(trainer)
    urls = project_urls(project, project.members.get().pk, planned.pk)
    for url in urls[1:]:
        assert client.post(url, {}).status_code == 403, url
    assert client.get(reverse("projects:edit", args=[project.pk])).status_code == 403


def test_project_page_marks_the_current_phase_in_the_stepper(client, participant, project):
    client.force_login(participant)
    with translation.override("en"):
        page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert page.count('aria-current="step"') == 1
    assert "(current phase)" in page
    assert project.problem_statement in page


def test_phase_moves_forward(client, participant, project, phases):
    client.force_login(participant)
    client.post(reverse("projects:set_phase", args=[project.pk]), {"phase": phases[1].pk})
    project.refresh_from_db()
    assert project.current_phase == phases[1]


def test_stale_edit_shows_the_persons_input_and_the_current_version(
    client, participant, coordinator, project
):
    services.update_project(
        project=project,
        revision=1,
        title="Saved by the coordinator",
        problem_statement="",
        target_group="",
        status="active",
        by=coordinator,
    )
    client.force_login(participant)
    data = {"title": "My title", "problem_statement": "", "target_group": "", "status": "active"}
    with translation.override("en"):
        response = client.post(reverse("projects:edit", args=[project.pk]), data | {"revision": 1})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this project" in page
    assert 'value="My title"' in page and "Saved by the coordinator" in page
    assert 'name="revision" value="2"' in page
    project.refresh_from_db()
    assert project.title == "Saved by the coordinator"


def test_edit_saves_the_project(client, participant, project):
    client.force_login(participant)
    data = {"title": "New", "problem_statement": "p", "target_group": "t", "status": "closed"}
    response = client.post(reverse("projects:edit", args=[project.pk]), data | {"revision": 1})
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.title, project.status, project.revision) == ("New", "closed", 2)


def test_plan_add_done_and_remove(client, participant, project, technique):
    client.force_login(participant)
    plan_url = reverse("projects:plan", args=[project.pk])
    client.post(plan_url, {"technique": technique.pk, "planned_for": "2026-03-02"})
    planned = project.plan.get()
    assert planned.phase == technique.phase
    client.post(
        reverse("projects:plan_done", args=[project.pk, planned.pk]), {"done_on": "2026-03-09"}
    )
    planned.refresh_from_db()
    assert str(planned.done_on) == "2026-03-09"
    page = client.get(plan_url).content.decode()
    assert reverse("method:technique", args=[technique.slug]) in page
    client.post(reverse("projects:plan_remove", args=[project.pk, planned.pk]))
    assert not project.plan.exists()


def test_plan_page_groups_techniques_by_phase_and_suggests_unplanned(
    client, participant, project, phases
):
    client.force_login(participant)
    page = client.get(reverse("projects:plan", args=[project.pk])).content.decode()
    assert page.count("<optgroup") == len(phases)
    suggestion = phases[1].techniques.filter(is_published=True).first()
    assert reverse("method:technique", args=[suggestion.slug]) in page


def test_decision_log_records_a_decision(client, participant, project, phases):
    client.force_login(participant)
    url = reverse("projects:decisions", args=[project.pk])
    data = {"decided_on": "2026-03-02", "title": "One front door", "phase": phases[2].pk}
    assert client.post(url, data | {"rationale": "", "decided_by": "Team"}).status_code == 302
    assert "One front door" in client.get(url).content.decode()
    assert project.decisions.get().recorded_by == participant


def test_lead_adds_a_colleague_and_invites_an_expert(client, participant, coordinator, project):
    client.force_login(participant)
    client.post(reverse("projects:member_add", args=[project.pk]), {"user": coordinator.pk})
    client.post(reverse("projects:expert_invite", args=[project.pk]), {"email": "d@studio.example"})
    assert project.members.filter(user=coordinator, role=MemberRole.MEMBER).exists()
    pending = project.members.get(invitation__email="d@studio.example")
    page = client.get(reverse("projects:team", args=[project.pk])).content.decode()
    assert "d@studio.example" in page
    client.post(reverse("projects:member_remove", args=[project.pk, pending.pk]))
    assert not project.members.filter(pk=pending.pk).exists()


def test_second_project_for_an_expert_shows_the_refusal(
    client, participant, coordinator, expert, project, other_project
):
    services.invite_expert(
        project=other_project, email=expert.email, by=coordinator, base_url=BASE_URL
    )
    client.force_login(participant)
    with translation.override("en"):
        response = client.post(
            reverse("projects:expert_invite", args=[project.pk]), {"email": expert.email}
        )
    assert "works on another project already" in response.content.decode()
    assert not project.members.filter(user=expert).exists()


def test_new_canvas_form_creates_a_canvas_and_opens_it(client, participant, project):
    client.force_login(participant)
    response = client.post(
        reverse("projects:canvas_create", args=[project.pk]),
        {"kind": ArtefactKind.JOURNEY, "title": "Visit to the social house", "state": "as_is"},
    )
    canvas = Canvas.objects.get(project=project)
    assert (canvas.kind, canvas.state) == (ArtefactKind.JOURNEY, "as_is")
    assert response.status_code == 302 and response.url == reverse(
        "canvases:canvas", args=[canvas.pk]
    )


def test_new_canvas_without_a_title_shows_the_form_again(client, participant, project):
    client.force_login(participant)
    response = client.post(
        reverse("projects:canvas_create", args=[project.pk]), {"kind": "persona", "title": ""}
    )
    assert response.status_code == 200
    assert not Canvas.objects.exists()


def test_project_page_lists_canvases_by_kind(client, participant, project):
    persona = Canvas.objects.create(project=project, kind="persona", title="Mieke, 67")
    Canvas.objects.create(project=project, kind="journey", title="Visit", state="as_is")
    client.force_login(participant)
    with translation.override("en"):
        page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert f'href="{reverse("canvases:canvas", args=[persona.pk])}">Mieke, 67</a>' in page
    assert "<h3>Persona</h3>" in page and "<h3>Customer journey map</h3>" in page
    assert '<span class="badge">as is</span>' in page


def test_project_list_queries_do_not_grow_with_projects(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    services.open_project(title="First", by=coordinator)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("projects:list"))
    for number in range(10):
        project = services.open_project(title=f"Project {number}", by=coordinator)
        Canvas.objects.create(project=project, kind="persona", title="P")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("projects:list"))
    assert response.content.decode().count("Project ") >= 10


def test_staff_list_shows_every_project_with_its_organisation(client, trainer, project):
    client.force_login(trainer)
    page = client.get(reverse("projects:list")).content.decode()
    assert project.title in page and "Geel" in page
    assert reverse("projects:create") not in page


def test_admin_shows_a_project_with_its_team_plan_and_decisions(client, project, technique):
    from conftest import make_person

    superuser = make_person("root@example.org", "administrator")
    superuser.is_staff = superuser.is_superuser = True
    superuser.save()
    services.plan_technique(project=project, technique=technique, by=project.created_by)
    client.force_login(superuser)
    response = client.get(reverse("admin:projects_project_change", args=[project.pk]))
    assert response.status_code == 200
    assert client.get(reverse("admin:projects_project_changelist")).status_code == 200
    assert client.get(reverse("admin:projects_projectmember_changelist")).status_code == 200


def test_a_decision_posted_twice_is_logged_once(client, participant, project):
    client.force_login(participant)
    url = reverse("projects:decisions", args=[project.pk])
    data = {"decided_on": "2026-03-02", "title": "One front door", "decided_by": "Team"}
    assert [client.post(url, data).status_code for _ in range(2)] == [302, 302]
    assert project.decisions.count() == 1


def test_adding_a_member_twice_answers_clearly(client, participant, coordinator, project):
    client.force_login(participant)
    url = reverse("projects:member_add", args=[project.pk])
    client.post(url, {"user": coordinator.pk})
    assert client.post(url, {"user": coordinator.pk}).status_code == 200
    assert project.members.filter(user=coordinator).count() == 1
