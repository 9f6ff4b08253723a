from django.urls import path

from . import charge_views, payment_views, settings_views, views

app_name = "fees"
urlpatterns = [
    path("", views.index, name="index"),
    path("tariffs/new/", views.tariff_create, name="tariff_create"),
    path("tariffs/<int:pk>/", views.tariff_detail, name="tariff_detail"),
    path("tariffs/<int:pk>/edit/", views.tariff_edit, name="tariff_edit"),
    path("tariffs/<int:pk>/rules/<int:rule_pk>/", views.rule_edit, name="rule_edit"),
    path("tariffs/<int:pk>/preview/", views.tariff_preview, name="tariff_preview"),
    path("tariffs/<int:pk>/adopt/", views.tariff_adopt, name="tariff_adopt"),
    path("tariffs/<int:pk>/copy/", views.tariff_copy, name="tariff_copy"),
    path("tariffs/<int:pk>/delete/", views.tariff_delete, name="tariff_delete"),
    path("tariffs/<int:pk>/run/", views.run_create, name="run_create"),
    path("runs/<int:pk>/", views.run_detail, name="run_detail"),
    path("runs/<int:pk>/issue/", views.run_issue, name="run_issue"),
    path("runs/<int:pk>/delete/", views.run_delete, name="run_delete"),
    path("invoices/", views.invoice_list, name="invoice_list"),
    path("invoices/export.<str:file_format>", views.invoice_export, name="invoice_export"),
    path("invoices/<int:pk>/", views.invoice_detail, name="invoice_detail"),
    path("invoices/<int:pk>/pdf/", views.invoice_pdf, name="invoice_pdf"),
    path("invoices/<int:pk>/ubl/", views.invoice_ubl_view, name="invoice_ubl"),
    path("my-invoices/", views.member_invoices, name="member_invoices"),
    path("invoices/<int:pk>/credit/", views.invoice_credit, name="invoice_credit"),
    path("invoices/<int:pk>/reminders/", payment_views.hold, name="invoice_hold"),
    path("settings/", settings_views.billing_settings, name="billing_settings"),
    path("accounting/", settings_views.accounting, name="accounting"),
    path(
        "accounting/export.<str:file_format>",
        settings_views.accounting_export,
        name="accounting_export",
    ),
    path("charges/", charge_views.charge_list, name="charge_list"),
    path("charges/run/", charge_views.charges_run, name="charges_run"),
    path("payments/", views.bank_import_list, name="bank_imports"),
    path("payments/import/", views.bank_import, name="bank_import"),
    path("payments/<int:pk>/", views.bank_import_detail, name="bank_import_detail"),
    path(
        "payments/follow-up/",
        payment_views.payments_to_follow_up,
        name="payments_follow_up",
    ),
    path("payments/lines/<int:pk>/match/", payment_views.match_line, name="match_line"),
    path("payments/lines/<int:pk>/refund/", payment_views.refund_line, name="refund_line"),
    path("payments/booked/<int:pk>/unmatch/", payment_views.unmatch, name="unmatch_payment"),
]
