from django.urls import path

from atelier.guidance.views import maturity as views

urlpatterns: list = [
    path("maturity/", views.rounds, name="maturity"),
    path("maturity/<int:round_pk>/", views.round_detail, name="maturity_round"),
    path("maturity/<int:round_pk>/invite/", views.round_invite, name="maturity_invite"),
    path("maturity/<int:round_pk>/close/", views.round_close, name="maturity_close"),
    path("maturity/respond/<str:token>/", views.respond, name="maturity_respond"),
    path("maturity/cohorts/<int:cohort_pk>/", views.cohort, name="maturity_cohort"),
]
