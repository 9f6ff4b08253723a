from django.urls import path

from atelier.guidance.views import fit as views

urlpatterns = [
    path("projects/<int:pk>/fit/", views.fit, name="fit"),
    path("fit/<int:check_pk>/", views.fit_result, name="fit_result"),
    path("fit/<int:check_pk>/pdf/", views.fit_pdf, name="fit_pdf"),
]
