"""Programme content in the admin: levels, courses, venues, editions, cases, cohorts."""

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import models
from .services.programme import refresh_edition_schedule
from .slide_image import slide_image_from_upload


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


class CaseSlideForm(forms.ModelForm):
    """A slide, with its image uploaded here and made small before it is stored."""

    image_file = forms.FileField(
        label=_("New image"),
        required=False,
        help_text=_("JPEG, PNG, GIF or WebP; it is fitted in 1600 × 1600 pixels."),
    )
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)

    class Meta:
        model = models.CaseSlide
        fields = [
            "position",
            "stage",
            "heading_nl",
            "heading_en",
            "body_nl",
            "body_en",
            "notes_nl",
            "notes_en",
            "canvas",
            "exercise_minutes",
            "image_alt_nl",
            "image_alt_en",
        ]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or self.cleaned_data
        upload = cleaned.get("image_file")
        if upload:
            try:
                self.instance.image = slide_image_from_upload(upload, upload.size or 0)
            except forms.ValidationError as error:
                self.add_error("image_file", error)
        elif cleaned.get("remove_image"):
            self.instance.image = ""
        return cleaned


class CaseSlideInline(admin.StackedInline):
    model = models.CaseSlide
    form = CaseSlideForm
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
