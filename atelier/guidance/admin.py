"""Guidance in the Django admin, to look things up: changes go through the site's services.

Rule sets: a draft's rules and note can be edited here, through the same checks as on the
rules page; a published version is read-only and never deleted, since assessments keep it.
Assessments, tenders and maturity rounds can be looked up and deleted, never added or
changed here; the jury's scores and submissions are evidence for the award and stay as given.
"""

import json
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from atelier.accounts.access import user_of

from .models import (
    Bid,
    Criterion,
    ExpertisePlan,
    FitCheck,
    JurorSubmission,
    MaturityResponse,
    MaturityRound,
    RuleSet,
    RuleSetStatus,
    Score,
    SkillAssessment,
    Tender,
    TenderJuror,
)
from .rules import rules_module
from .services import rules as rule_services


class ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class Evidence(ReadOnly):
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class RuleSetForm(forms.ModelForm):
    class Meta:
        model = RuleSet
        fields = ["data", "note"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "data" in cleaned:
            problems = rules_module(self.instance.kind).validate(cleaned["data"])
            if problems:
                raise ValidationError(problems)
        return cleaned


def _is_draft(obj: RuleSet | None) -> bool:
    return obj is not None and obj.status == RuleSetStatus.DRAFT


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    form = RuleSetForm
    list_display = ["kind", "version", "status", "note", "created_by", "created_at", "published_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["created_by"]
    readonly_fields = ["kind", "version", "status", "created_by", "created_at", "published_at"]
    actions = None  # a bulk delete would reach published versions

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # drafts start on the rules page, which numbers the versions

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return (obj is None or _is_draft(obj)) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_draft(obj) and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if _is_draft(obj):
            return self.readonly_fields
        return [*self.readonly_fields, "data", "note"]

    def save_model(self, request: HttpRequest, obj: RuleSet, form: Any, change: bool) -> None:
        rule_services.save_draft(
            rules=obj,
            document=json.dumps(form.cleaned_data["data"]),
            note=form.cleaned_data["note"],
            by=user_of(request),
        )


@admin.register(FitCheck)
class FitCheckAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["project", "rules", "created_by", "created_at"]
    list_select_related = ["project", "rules", "created_by"]
    search_fields = ["project__title"]


@admin.register(SkillAssessment)
class SkillAssessmentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["person", "project", "rules", "updated_at"]
    list_select_related = ["person", "project", "rules"]
    search_fields = ["project__title", "person__email"]


@admin.register(ExpertisePlan)
class ExpertisePlanAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["project", "rules", "created_by", "created_at"]
    list_select_related = ["project", "rules", "created_by"]
    search_fields = ["project__title"]


class CriterionInline(Evidence, admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ("family", "name", "weight", "is_price", "position")
    readonly_fields = fields


class BidInline(Evidence, admin.TabularInline):
    model = Bid
    extra = 0
    fields = ("bidder", "price", "received_on")
    readonly_fields = fields


class TenderJurorInline(Evidence, admin.TabularInline):
    model = TenderJuror
    extra = 0
    fields = ("person", "role")
    readonly_fields = fields


@admin.register(Tender)
class TenderAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "project", "language", "estimated_value", "rules", "updated_at"]
    list_filter = ["language"]
    list_select_related = ["project", "rules"]
    search_fields = ["title", "project__title"]
    inlines = [CriterionInline, BidInline, TenderJurorInline]


@admin.register(Criterion)
class CriterionAdmin(Evidence, admin.ModelAdmin):
    list_display = ["name", "tender", "family", "weight", "is_price"]
    list_filter = ["family"]
    list_select_related = ["tender"]


@admin.register(Bid)
class BidAdmin(Evidence, admin.ModelAdmin):
    list_display = ["bidder", "tender", "price", "received_on"]
    list_select_related = ["tender"]
    search_fields = ["bidder", "tender__title"]


@admin.register(TenderJuror)
class TenderJurorAdmin(Evidence, admin.ModelAdmin):
    list_display = ["person", "tender", "role"]
    list_select_related = ["person", "tender"]


@admin.register(Score)
class ScoreAdmin(Evidence, admin.ModelAdmin):
    list_display = ["juror", "bid", "criterion", "value"]
    list_select_related = ["juror__person", "bid", "criterion"]


@admin.register(JurorSubmission)
class JurorSubmissionAdmin(Evidence, admin.ModelAdmin):
    list_display = ["juror", "submitted_at"]
    list_select_related = ["juror__person"]


class MaturityResponseInline(ReadOnly, admin.TabularInline):
    model = MaturityResponse
    extra = 0
    fields = ("label", "submitted_at")
    readonly_fields = fields


@admin.register(MaturityRound)
class MaturityRoundAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["organisation", "name", "opened_on", "closed_at", "rules"]
    list_select_related = ["organisation", "rules"]
    search_fields = ["name", "organisation__name_nl"]
    inlines = [MaturityResponseInline]


@admin.register(MaturityResponse)
class MaturityResponseAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["__str__", "round", "submitted_at"]
    list_select_related = ["round__organisation"]
    exclude = ["token"]  # the token is the respondent's key to their answers
