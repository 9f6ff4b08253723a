"""The Django admin shows every guidance model; a published rule set is read-only there."""

import json

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from atelier.accounts.models import User
from atelier.guidance import models
from atelier.guidance.models import RuleSet, RuleSetStatus
from atelier.guidance.services.rules import current_rules, start_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def root() -> Client:
    superuser = User.objects.create_superuser("root@example.org", "root-password-long-enough")
    client = Client()
    client.force_login(superuser, backend="django.contrib.auth.backends.ModelBackend")
    return client


def change_url(rules: RuleSet) -> str:
    return reverse("admin:guidance_ruleset_change", args=[rules.pk])


def test_every_guidance_model_is_in_the_admin():
    for name in models.__all__:
        model = getattr(models, name)
        if isinstance(model, type) and hasattr(model, "_meta"):
            assert admin.site.is_registered(model), name


def test_a_published_rule_set_is_read_only_in_the_admin(root):
    published = current_rules("tender")
    page = root.get(change_url(published)).content.decode()
    assert 'name="_save"' not in page
    response = root.post(change_url(published), {"data": "{}", "note": "emptied"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.data["minimum_quality_share"] == 60 and published.note != "emptied"


def test_a_published_rule_set_cannot_be_deleted_or_added_in_the_admin(root):
    published = current_rules("tender")
    delete_url = reverse("admin:guidance_ruleset_delete", args=[published.pk])
    assert root.post(delete_url, {"post": "yes"}).status_code == 403
    assert root.get(reverse("admin:guidance_ruleset_add")).status_code == 403
    assert RuleSet.objects.filter(pk=published.pk).exists()


def test_a_draft_edited_in_the_admin_passes_the_same_checks(root, trainer):
    draft = start_draft(kind="tender", by=trainer)
    bad = {**draft.data, "minimum_quality_share": 150}
    response = root.post(change_url(draft), {"data": json.dumps(bad), "note": "too much"})
    assert "minimum_quality_share: a whole number from 0 to 100." in response.content.decode()
    draft.refresh_from_db()
    assert draft.data["minimum_quality_share"] == 60

    good = {**draft.data, "minimum_quality_share": 75}
    response = root.post(change_url(draft), {"data": json.dumps(good), "note": "75%"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.data["minimum_quality_share"], draft.note) == (75, "75%")
    assert draft.status == RuleSetStatus.DRAFT


def test_the_rule_set_list_in_the_admin_opens(root, trainer):
    start_draft(kind="tender", by=trainer)
    page = root.get(reverse("admin:guidance_ruleset_changelist")).content.decode()
    assert "tender builder" in page


def make_one_of_each(project, participant, trainer) -> list:
    """One row of every guidance model, written directly: the admin only shows them."""
    fit, expertise, tender_rules, maturity = (
        current_rules(kind) for kind in ("fit_check", "expertise", "tender", "maturity")
    )
    plan = models.ExpertisePlan.objects.create(project=project, rules=expertise, created_by=trainer)
    tender = models.Tender.objects.create(project=project, rules=tender_rules, title="Design")
    criterion = models.Criterion.objects.create(tender=tender, family="award", name="Method")
    bid = models.Bid.objects.create(tender=tender, bidder="Studio", price="25000.00")
    juror = models.TenderJuror.objects.create(tender=tender, person=trainer)
    round_ = models.MaturityRound.objects.create(
        organisation=project.organisation, rules=maturity, name="Before", opened_on="2026-01-05"
    )
    return [
        models.FitCheck.objects.create(project=project, rules=fit, created_by=participant),
        models.SkillAssessment.objects.create(project=project, person=participant, rules=expertise),
        plan,
        tender,
        criterion,
        bid,
        juror,
        models.Score.objects.create(juror=juror, bid=bid, criterion=criterion, value=7),
        models.JurorSubmission.objects.create(juror=juror),
        round_,
        models.MaturityResponse.objects.create(round=round_, label="Head of services"),
    ]


def test_every_guidance_admin_page_opens_for_the_superuser(root, project, participant, trainer):
    for row in make_one_of_each(project, participant, trainer):
        meta = row._meta
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        assert root.get(reverse(f"{prefix}_changelist")).status_code == 200, meta.model_name
        assert root.get(reverse(f"{prefix}_change", args=[row.pk])).status_code == 200
        assert root.get(reverse(f"{prefix}_add")).status_code == 403, meta.model_name


def test_the_jury_record_cannot_be_deleted_in_the_admin(root, project, participant, trainer):
    for row in make_one_of_each(project, participant, trainer):
        meta = row._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[row.pk])
        expected = (
            403
            if meta.model_name in {"score", "jurorsubmission", "bid", "criterion", "tenderjuror"}
            else 200
        )
        assert root.get(url).status_code == expected, meta.model_name
