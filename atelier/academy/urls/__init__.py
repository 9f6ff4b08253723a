"""The academy's URLs, gathered from one module per part of the programme."""

from . import attendance, catalogue, enrolment, materials, surveys, workshop

app_name = "academy"
urlpatterns = [
    *catalogue.urlpatterns,
    *enrolment.urlpatterns,
    *attendance.urlpatterns,
    *workshop.urlpatterns,
    *materials.urlpatterns,
    *surveys.urlpatterns,
]
