from django.contrib import admin

from .models import Loan


@admin.register(Loan)
class LoanAdmin(admin.ModelAdmin):
    list_display = ["item", "borrower", "organisation", "lent_on", "due_on", "returned_on"]
    list_filter = ["returned_on"]
    raw_id_fields = ["item", "borrower", "organisation", "lent_by"]
