"""Programme content in the admin: levels, courses, venues, editions, cases, cohorts."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import models
from .forms import CaseSlideForm
from .services.programme import refresh_edition_schedule


@admin.register(models.Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = ["number", "name_nl", "name_en"]


@admin.register(models.Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title_nl", "kind", "level", "audience", "attendance_share"]
    list_filter = ["kind", "level", "audience"]
    filter_horizontal = ["topics"]


@admin.register(models.Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "province"]


class SessionInline(admin.TabularInline):
    model = models.Session
    extra = 0


@admin.register(models.Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["course", "starts_at", "language", "status", "capacity", "confirmed_count"]
    list_filter = ["status", "language", "course__kind", "course__level"]
    readonly_fields = ["starts_at", "confirmed_count", "waitlist_count"]
    inlines = [SessionInline]

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        super().save_related(request, form, formsets, change)
        # The catalogue sorts and filters on the first session's start and province.
        refresh_edition_schedule(edition=form.instance)


@admin.register(models.FeedbackQuestion)
class FeedbackQuestionAdmin(admin.ModelAdmin):
    list_display = ["position", "text_nl", "kind", "course", "is_active"]
    list_filter = ["kind", "is_active", ("course", admin.EmptyFieldListFilter)]


@admin.register(models.ReviewCriterion)
class ReviewCriterionAdmin(admin.ModelAdmin):
    list_display = ["position", "text_nl", "is_active"]


class CaseSlideInline(admin.StackedInline):
    model = models.CaseSlide
    form = CaseSlideForm
    # The slide editor moves slides with buttons; here the position is typed in.
    fields = ["position", *CaseSlideForm.Meta.fields, "current_image"]
    extra = 0
    readonly_fields = ["current_image"]

    @admin.display(description=_("Current image"))
    def current_image(self, slide: models.CaseSlide) -> str:
        if not slide.image:
            return "—"
        return format_html('<img src="{}" alt="{}" width="320">', slide.image, slide.image_alt)


@admin.register(models.WorkshopCase)
class WorkshopCaseAdmin(admin.ModelAdmin):
    list_display = ["title_nl", "authority", "is_published"]
    inlines = [CaseSlideInline]


class TeamInline(admin.TabularInline):
    model = models.Team
    extra = 0
    filter_horizontal = ["members"]


class MilestoneInline(admin.TabularInline):
    model = models.Milestone
    extra = 0


@admin.register(models.Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on", "coach"]
    inlines = [TeamInline, MilestoneInline]


@admin.register(models.Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "course", "edition", "session", "visibility"]
    list_filter = ["kind", "visibility"]
    raw_id_fields = ["course", "edition", "session", "knowledge_item"]
