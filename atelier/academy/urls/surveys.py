"""URLs of the academy: the questionnaire per course and its trend."""

from django.urls import URLPattern, path

from atelier.academy.views import surveys as views

urlpatterns: list[URLPattern] = [
    path("courses/<int:pk>/survey/", views.course_survey, name="course_survey"),
    path("courses/<int:pk>/survey/copy/", views.course_survey_copy, name="course_survey_copy"),
    path(
        "courses/<int:pk>/survey/questions/<int:question_pk>/retire/",
        views.course_survey_retire,
        name="course_survey_retire",
    ),
    path("courses/<int:pk>/survey/trend/", views.course_survey_trend, name="course_survey_trend"),
]
