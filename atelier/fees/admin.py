"""The admin shows fee data; changes go through the fee pages, which apply the rules."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import BankImport, FeeRun, Invoice, Tariff, TariffRule


class TariffRuleInline(admin.TabularInline):
    model = TariffRule
    extra = 0


@admin.register(Tariff)
class TariffAdmin(admin.ModelAdmin):
    list_display = ["year", "status", "reference_date", "indexation_percent"]
    list_filter = ["status"]
    inlines = [TariffRuleInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Issued documents and imports are evidence: never added, changed or deleted here."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(FeeRun)
class FeeRunAdmin(ReadOnlyAdmin):
    list_display = ["year", "status", "total", "created_at", "issued_at"]


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyAdmin):
    list_display = [
        "display_number",
        "recipient_name",
        "amount",
        "issued_on",
        "structured_reference",
    ]
    list_filter = ["year", "kind"]
    search_fields = ["recipient_name", "structured_reference", "recipient_identifier"]


@admin.register(BankImport)
class BankImportAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "status", "created_at"]
