from django.contrib import admin

from .models import (
    Attendance,
    Body,
    ElectionResult,
    Mandate,
    Meeting,
    Party,
    Representative,
    Term,
)


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on"]


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["abbreviation", "name"]
    search_fields = ["abbreviation", "name"]


@admin.register(ElectionResult)
class ElectionResultAdmin(admin.ModelAdmin):
    list_display = ["term", "party", "votes"]
    list_filter = ["term"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "kind", "term", "seats"]
    list_filter = ["term", "kind"]


@admin.register(Representative)
class RepresentativeAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "gender", "email"]
    search_fields = ["last_name", "first_name", "email"]
    raw_id_fields = ["user"]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["representative", "body", "organisation", "party", "role", "status"]
    list_filter = ["body", "status", "role"]
    list_select_related = ["representative", "body__term", "organisation", "party"]
    search_fields = ["representative__last_name", "organisation__name_nl"]
    raw_id_fields = ["representative", "organisation", "substitute_for"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "body", "held_on", "location"]
    list_filter = ["body"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "mandate", "status"]
    list_select_related = ["meeting", "mandate__representative"]
    raw_id_fields = ["meeting", "mandate"]
