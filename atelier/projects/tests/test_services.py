"""The rules of a project's team, plan and decision log, as the services keep them."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from atelier.accounts.models import Invitation, Role
from atelier.accounts.services import accept_invitation
from atelier.method.models import Technique
from atelier.projects import services
from atelier.projects.access import can_edit, projects_visible_to
from atelier.projects.models import MemberRole, ProjectMember
from conftest import make_person

BASE_URL = "https://atelier.example.org"
DAY = datetime.date(2026, 3, 2)


def test_participant_who_opens_a_project_becomes_its_lead(project, participant, geel, phases):
    lead = project.members.get()
    assert (lead.user, lead.role) == (participant, MemberRole.LEAD)
    assert project.organisation == geel
    assert project.current_phase == phases[0]


def test_coordinator_of_the_organisation_sees_and_changes_its_projects(project, coordinator):
    assert project in projects_visible_to(coordinator)
    assert can_edit(coordinator, project)


def test_outsider_neither_sees_nor_changes_the_project(project, outsider):
    assert project not in projects_visible_to(outsider)
    with pytest.raises(PermissionDenied):
        services.set_phase(project=project, phase=project.current_phase, by=outsider)


def test_staff_see_the_project_but_change_nothing(project, trainer, phases):
    assert project in projects_visible_to(trainer)
    with pytest.raises(PermissionDenied):
        services.set_phase(project=project, phase=phases[1], by=trainer)


def test_stale_project_edit_is_refused_with_the_current_version(project, participant):
    fields = {"problem_statement": "", "target_group": "", "status": "active", "by": participant}
    services.update_project(project=project, revision=1, title="First", **fields)
    with translation.override("en"), pytest.raises(services.StaleProject) as refusal:
        services.update_project(project=project, revision=1, title="Second", **fields)
    assert "Someone else changed this project" in refusal.value.messages[0]
    assert refusal.value.current.title == "First"
    project.refresh_from_db()
    assert (project.title, project.revision) == ("First", 2)


def test_phase_change_does_not_make_an_open_edit_form_stale(project, participant, phases):
    services.set_phase(project=project, phase=phases[2], by=participant)
    fields = {"problem_statement": "", "target_group": "", "status": "active"}
    services.update_project(
        project=project, revision=1, title="Still fine", by=participant, **fields
    )
    project.refresh_from_db()
    assert project.current_phase == phases[2]


def test_lead_adds_a_colleague_of_the_organisation(project, participant, coordinator):
    member = services.add_member(project=project, user=coordinator, by=participant)
    assert member.role == MemberRole.MEMBER


def test_person_of_another_organisation_cannot_join_as_a_member(project, participant, outsider):
    with pytest.raises(ValidationError):
        services.add_member(project=project, user=outsider, by=participant)


def test_team_member_who_is_no_lead_cannot_change_the_team(project, participant, geel):
    colleague = make_person("colleague@geel.example.org", Role.PARTICIPANT, geel)
    services.add_member(project=project, user=colleague, by=participant)
    other = make_person("other@geel.example.org", Role.PARTICIPANT, geel)
    with pytest.raises(PermissionDenied):
        services.add_member(project=project, user=other, by=colleague)


def test_expert_with_an_account_joins_as_expert(project, participant, expert):
    member = services.invite_expert(
        project=project, email="Expert@Example.org", by=participant, base_url=BASE_URL
    )
    assert (member.user, member.role) == (expert, MemberRole.EXPERT)


def test_expert_is_refused_on_a_second_project(project, participant, coordinator, expert):
    services.invite_expert(project=project, email=expert.email, by=participant, base_url=BASE_URL)
    other = services.open_project(title="Town hall desk", by=coordinator)
    with translation.override("en"), pytest.raises(ValidationError) as refusal:
        services.invite_expert(project=other, email=expert.email, by=coordinator, base_url=BASE_URL)
    assert "works on another project already" in refusal.value.messages[0]
    assert ProjectMember.objects.filter(user=expert).count() == 1


def test_database_holds_an_expert_to_one_project(project, coordinator, expert):
    other = services.open_project(title="Town hall desk", by=coordinator)
    ProjectMember.objects.create(project=project, user=expert, role=MemberRole.EXPERT)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectMember.objects.create(project=other, user=expert, role=MemberRole.EXPERT)


def test_expert_without_an_account_gets_an_invitation_and_a_pending_membership(
    project, participant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        member = services.invite_expert(
            project=project, email="designer@studio.example", by=participant, base_url=BASE_URL
        )
    assert member.user is None and member.role == MemberRole.EXPERT
    invitation = member.invitation
    assert (invitation.role, invitation.organisation, invitation.invited_by) == (
        Role.EXPERT,
        None,
        participant,
    )
    assert invitation.is_open
    assert mail.outbox[0].to == ["designer@studio.example"]
    assert BASE_URL + "/" in mail.outbox[0].body


def test_accepted_invitation_puts_the_expert_on_the_project(project, participant):
    member = services.invite_expert(
        project=project, email="designer@studio.example", by=participant, base_url=BASE_URL
    )
    user = accept_invitation(
        token=member.invitation.token, first_name="Dee", last_name="Signer", password="x-Long-1!"
    )
    member.refresh_from_db()
    assert member.user == user


def test_address_invited_to_another_project_is_refused(project, participant, coordinator):
    email = "designer@studio.example"
    services.invite_expert(project=project, email=email, by=participant, base_url=BASE_URL)
    other = services.open_project(title="Town hall desk", by=coordinator)
    with pytest.raises(ValidationError):
        services.invite_expert(project=other, email=email, by=coordinator, base_url=BASE_URL)
    assert Invitation.objects.filter(email=email).count() == 1


def test_person_of_another_member_organisation_is_not_an_external_expert(
    project, participant, outsider
):
    with translation.override("en"), pytest.raises(ValidationError) as refusal:
        services.invite_expert(
            project=project, email=outsider.email, by=participant, base_url=BASE_URL
        )
    assert "another member organisation" in refusal.value.messages[0]


def test_last_lead_cannot_be_removed(project, participant, coordinator):
    lead = project.members.get(user=participant)
    with pytest.raises(ValidationError):
        services.remove_member(member=lead, by=coordinator)
    assert project.members.filter(pk=lead.pk).exists()


def test_removing_a_pending_expert_withdraws_the_invitation(project, participant):
    member = services.invite_expert(
        project=project, email="designer@studio.example", by=participant, base_url=BASE_URL
    )
    services.remove_member(member=member, by=participant)
    invitation = Invitation.objects.get(email="designer@studio.example")
    assert not invitation.is_open
    assert not project.members.filter(invitation=invitation).exists()


def test_technique_is_planned_in_its_own_phase_by_default(project, participant, technique):
    planned = services.plan_technique(project=project, technique=technique, by=participant)
    assert planned.phase == technique.phase and not planned.is_done


def test_planned_technique_is_marked_done_and_removed(project, participant, technique):
    planned = services.plan_technique(
        project=project, technique=technique, planned_for=DAY, note=" kick-off ", by=participant
    )
    services.mark_done(planned=planned, done_on=DAY, by=participant)
    planned.refresh_from_db()
    assert planned.done_on == DAY and planned.note == "kick-off"
    services.unplan(planned=planned, by=participant)
    assert not project.plan.exists()


def test_staff_cannot_plan(project, trainer):
    with pytest.raises(PermissionDenied):
        services.plan_technique(project=project, technique=Technique.objects.first(), by=trainer)


def test_decision_is_logged_with_who_recorded_it(project, participant, phases):
    decision = services.record_decision(
        project=project,
        decided_on=DAY,
        title=" One front door ",
        rationale="Residents asked for it.",
        decided_by="Steering group",
        phase=phases[2],
        by=participant,
    )
    assert (decision.title, decision.recorded_by) == ("One front door", participant)
    assert list(project.decisions.all()) == [decision]


def test_decision_needs_a_title(project, participant):
    with pytest.raises(ValidationError):
        services.record_decision(
            project=project,
            decided_on=DAY,
            title=" ",
            rationale="",
            decided_by="",
            phase=None,
            by=participant,
        )


def test_the_same_plan_sent_twice_plans_the_technique_once(project, participant, technique):
    first = services.plan_technique(project=project, technique=technique, by=participant)
    second = services.plan_technique(project=project, technique=technique, by=participant)
    assert first == second and project.plan.count() == 1


def test_a_done_technique_can_be_planned_again(project, participant, technique):
    done = services.plan_technique(project=project, technique=technique, by=participant)
    services.mark_done(planned=done, done_on=DAY, by=participant)
    services.plan_technique(project=project, technique=technique, by=participant)
    assert project.plan.count() == 2


def test_the_same_decision_sent_twice_is_logged_once(project, participant, phases):
    entry = {"decided_on": DAY, "title": "One front door", "rationale": "", "decided_by": ""}
    first = services.record_decision(project=project, phase=None, **entry, by=participant)
    second = services.record_decision(project=project, phase=None, **entry, by=participant)
    assert first == second and project.decisions.count() == 1


def test_a_membership_saved_twice_at_once_is_refused_not_a_crash(project, participant):
    # The lead is on the team already: as if a second request passed the check first.
    with translation.override("en"), pytest.raises(ValidationError, match="on the team already"):
        services._join(project=project, user=participant, role=MemberRole.MEMBER, added_by=None)
    assert project.members.count() == 1


def test_the_one_project_rule_for_experts_is_translated_into_dutch():
    with translation.override("nl"):
        message = str(services.EXPERT_ON_ANOTHER_PROJECT)

    assert message.startswith("Deze expert werkt al aan een ander project")
