"""URLs of the academy: the workshop mode, the learning path and the reports."""

from django.urls import URLPattern, path

from atelier.academy.views import (
    impact,
    learning_path,
    outcomes,
    reporting,
    workshop,
    workshop_editing,
)

urlpatterns: list[URLPattern] = [
    path("workshop/", workshop.workshop_cases, name="workshop_cases"),
    path("workshop/<slug:slug>/", workshop.workshop, name="workshop"),
    # Two segments, so that no case's short name can stand in their way.
    path("workshop/cases/new/", workshop_editing.case_new, name="workshop_case_new"),
    path("workshop/<slug:slug>/edit/", workshop_editing.case_edit, name="workshop_case_edit"),
    path(
        "workshop/<slug:slug>/slides/new/",
        workshop_editing.slide_new,
        name="workshop_slide_new",
    ),
    path(
        "workshop/<slug:slug>/slides/<int:pk>/",
        workshop_editing.slide_edit,
        name="workshop_slide_edit",
    ),
    path(
        "workshop/<slug:slug>/slides/<int:pk>/move/",
        workshop_editing.slide_move,
        name="workshop_slide_move",
    ),
    path(
        "workshop/<slug:slug>/slides/<int:pk>/delete/",
        workshop_editing.slide_delete,
        name="workshop_slide_delete",
    ),
    path("cohorts/", learning_path.cohorts, name="cohorts"),
    path("cohorts/<int:pk>/", learning_path.cohort, name="cohort"),
    path(
        "cohorts/milestones/<int:pk>/assign-reviews/",
        learning_path.assign_reviews,
        name="assign_reviews",
    ),
    path("teams/<int:pk>/", learning_path.team, name="team"),
    path(
        "teams/<int:pk>/milestones/<int:milestone_pk>/progress/",
        learning_path.team_progress,
        name="team_progress",
    ),
    path("reviews/<int:pk>/", learning_path.review, name="review"),
    path("reviews/<int:pk>/re-review/", learning_path.request_re_review, name="re_review"),
    path("reports/", reporting.reports, name="reports"),
    path("reports/export.<str:file_format>", reporting.reports_export, name="reports_export"),
    path("impact/", impact.impact, name="impact"),
    path("projects/<int:pk>/outcome/", outcomes.project_outcome, name="project_outcome"),
    path("impact/export.<str:file_format>", impact.impact_export, name="impact_export"),
    path("impact/report.pdf", impact.impact_pdf, name="impact_pdf"),
]
