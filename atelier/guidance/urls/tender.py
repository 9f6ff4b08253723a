"""The tender builder: a project's tenders, the builder, its criteria and the exports."""

from django.urls import path

from atelier.guidance.views import tender

urlpatterns = [
    path("projects/<int:pk>/tenders/", tender.tenders, name="tenders"),
    path("tenders/<int:tender_pk>/", tender.tender, name="tender"),
    path(
        "tenders/<int:tender_pk>/criteria/add/", tender.criterion_add, name="tender_criterion_add"
    ),
    path(
        "tenders/<int:tender_pk>/criteria/<int:criterion_pk>/",
        tender.criterion_edit,
        name="tender_criterion",
    ),
    path(
        "tenders/<int:tender_pk>/criteria/<int:criterion_pk>/remove/",
        tender.criterion_remove,
        name="tender_criterion_remove",
    ),
    path("tenders/<int:tender_pk>/tender.docx", tender.docx_export, name="tender_docx"),
    path("tenders/<int:tender_pk>/tender.pdf", tender.pdf_export, name="tender_pdf"),
]
