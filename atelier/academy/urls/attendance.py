"""URLs of the academy: attendance, feedback, certificates and badges."""

from django.urls import URLPattern, path

from atelier.academy.views import attendance, certificates, feedback

urlpatterns: list[URLPattern] = [
    path("sessions/<int:pk>/attendance/", attendance.attendance_sheet, name="attendance"),
    path(
        "editions/<int:pk>/attendance.<str:extension>",
        attendance.attendance_export,
        name="attendance_export",
    ),
    path("sessions/<int:pk>/feedback/", feedback.feedback_form, name="feedback"),
    path("editions/<int:pk>/feedback/", feedback.feedback_results, name="feedback_results"),
    path("certificates/", certificates.my_certificates, name="my_certificates"),
    path("certificates/<uuid:code>.pdf", certificates.certificate_download, name="certificate_pdf"),
    path("verify/<uuid:code>/", certificates.verify, name="verify"),
    path(
        "staff/editions/<int:pk>/certificates/",
        certificates.issue,
        name="issue_certificates",
    ),
    path("badges/issuer.json", certificates.badge_issuer, name="badge_issuer"),
    path(
        "badges/levels/<int:number>/<str:language>.json",
        certificates.badge_class,
        name="badge_class",
    ),
    path(
        "badges/assertions/<uuid:uid>.json",
        certificates.badge_assertion,
        name="badge_assertion",
    ),
    path("badges/assertions/<uuid:uid>.png", certificates.badge_png, name="badge_png"),
]
