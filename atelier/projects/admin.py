"""Projects in the Django admin, to look up and to delete: changes go through the site,
whose services keep the rules (one project per expert, the last lead, stale edits)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Decision, PlannedTechnique, Project, ProjectMember


class ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ProjectMemberInline(ReadOnly, admin.TabularInline):
    model = ProjectMember
    extra = 0
    fields = ("user", "invitation", "role", "added_by", "added_at")
    readonly_fields = fields


class PlannedTechniqueInline(ReadOnly, admin.TabularInline):
    model = PlannedTechnique
    extra = 0
    fields = ("phase", "technique", "planned_for", "done_on", "note")
    readonly_fields = fields


class DecisionInline(ReadOnly, admin.TabularInline):
    model = Decision
    extra = 0
    fields = ("decided_on", "title", "decided_by", "phase", "recorded_by")
    readonly_fields = fields


@admin.register(Project)
class ProjectAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "organisation", "current_phase", "status", "updated_at"]
    list_filter = ["status", "current_phase", "organisation"]
    search_fields = ["title", "problem_statement", "organisation__name_nl"]
    list_select_related = ["organisation", "current_phase"]
    inlines = [ProjectMemberInline, PlannedTechniqueInline, DecisionInline]


@admin.register(ProjectMember)
class ProjectMemberAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["__str__", "project", "role", "added_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "invitation__email", "project__title"]
    list_select_related = ["project", "user", "invitation"]
