from django.contrib import admin

from .models import ClosingDay, DeskSettings, Question


@admin.register(DeskSettings)
class DeskSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "answer_within_days"]


@admin.register(ClosingDay)
class ClosingDayAdmin(admin.ModelAdmin):
    list_display = ["day", "reason"]
    date_hierarchy = "day"


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["subject", "organisation", "topic", "status", "assignee", "due_on"]
    list_filter = ["status", "topic"]
    list_select_related = ["organisation", "topic", "assignee"]
    raw_id_fields = ["asker", "organisation", "assignee", "faq_item"]
    filter_horizontal = ["sources"]
    search_fields = ["subject"]
