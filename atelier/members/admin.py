from django.contrib import admin
from django.db import models

from .models import Organisation, PopulationFigure, PopulationImport, Province, Succession


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "nis_code", "iso_code", "nuts_code"]


class PopulationFigureInline(admin.TabularInline):
    model = PopulationFigure
    extra = 0
    raw_id_fields = ["population_import"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "type", "nis_code", "company_number", "province", "valid_until"]
    list_filter = ["type", "province", "is_member"]
    search_fields = ["name_nl", "name_fr", "nis_code", "company_number"]
    raw_id_fields = ["municipality"]
    inlines = [PopulationFigureInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Succession)
class SuccessionAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "effective_date"]
    raw_id_fields = ["predecessor", "successor"]


@admin.register(PopulationImport)
class PopulationImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "reference_date", "status", "created_at", "created_by"]
    readonly_fields = [f.name for f in PopulationImport._meta.fields]
