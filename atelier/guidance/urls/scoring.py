"""Bid scoring: bids, the jury, each juror's scores, the results and the award report."""

from django.urls import path

from atelier.guidance.views import scoring

urlpatterns = [
    path("tenders/<int:tender_pk>/bids/", scoring.bids, name="bids"),
    path(
        "tenders/<int:tender_pk>/bids/<int:bid_pk>/remove/", scoring.bid_remove, name="bid_remove"
    ),
    path("tenders/<int:tender_pk>/jury/", scoring.jury, name="jury"),
    path(
        "tenders/<int:tender_pk>/jury/<int:juror_pk>/remove/",
        scoring.juror_remove,
        name="juror_remove",
    ),
    path("tenders/<int:tender_pk>/score/", scoring.score, name="score"),
    path("tenders/<int:tender_pk>/results/", scoring.results, name="results"),
    path("tenders/<int:tender_pk>/report.pdf", scoring.report, name="report"),
]
