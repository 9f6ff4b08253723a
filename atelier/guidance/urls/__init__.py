"""The guidance tools' URLs, one module per tool."""

from . import expertise, fit, maturity, rules, scoring, tender

app_name = "guidance"
urlpatterns = [
    *fit.urlpatterns,
    *expertise.urlpatterns,
    *tender.urlpatterns,
    *scoring.urlpatterns,
    *maturity.urlpatterns,
    *rules.urlpatterns,
]
