from django.urls import path

from atelier.guidance.views import rules as views

urlpatterns = [
    path("rules/", views.rule_sets, name="rules"),
    path("rules/<str:kind>/new/", views.rules_new, name="rules_new"),
    path("rules/<int:rules_pk>/", views.rules_edit, name="rules_edit"),
    path("rules/<int:rules_pk>/publish/", views.rules_publish, name="rules_publish"),
]
