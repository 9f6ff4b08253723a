from django.contrib import admin

from .models import Phase, Technique


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    list_display = ["position", "name_nl", "name_en", "slug"]
    ordering = ["position"]


@admin.register(Technique)
class TechniqueAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "name_en", "phase", "expertise", "produces", "is_published"]
    list_filter = ["phase", "expertise", "produces", "is_published"]
    search_fields = ["name_nl", "name_en", "summary_nl", "summary_en"]
    list_select_related = ["phase"]
    readonly_fields = ["revision", "updated_at"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        # A save here makes open edit forms stale, as a save through the site does.
        if change:
            obj.revision += 1
        super().save_model(request, obj, form, change)
