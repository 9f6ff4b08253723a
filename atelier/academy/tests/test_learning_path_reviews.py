"""Peer reviews at milestones: rotation, red / amber / green with actions, and a re-review."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from atelier.academy.models import PeerReview, ReviewCriterion, ReviewScore
from atelier.academy.services.learning_path import (
    ScoreInput,
    assign_reviews,
    request_re_review,
    save_review,
)
from conftest import make_municipality

from .test_learning_path_pages import make_cohort

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def cohort(trainer, geel, lennik, antwerp):
    westerlo = make_municipality("13049", "Westerlo", antwerp)
    return make_cohort(trainer, [geel, lennik, westerlo])


def review_milestone(cohort):
    return cohort.milestones.get(peer_review=True)


def team_of(cohort, name: str):
    return cohort.teams.get(organisation__name_nl=name)


def all_green() -> list[ScoreInput]:
    return [ScoreInput(c, "green", "") for c in ReviewCriterion.objects.filter(is_active=True)]


def test_each_team_reviews_the_next_in_a_rotation_never_itself(cohort, trainer):
    reviews = assign_reviews(milestone=review_milestone(cohort), by=trainer)

    pairs = {(r.reviewer.organisation.name, r.reviewed.organisation.name) for r in reviews}
    assert pairs == {("Geel", "Lennik"), ("Lennik", "Westerlo"), ("Westerlo", "Geel")}


def test_assigning_twice_adds_nothing(cohort, trainer):
    assign_reviews(milestone=review_milestone(cohort), by=trainer)

    assert assign_reviews(milestone=review_milestone(cohort), by=trainer) == []
    assert PeerReview.objects.count() == 3


def test_only_the_coach_assigns_reviews(cohort, coordinator):
    with pytest.raises(PermissionDenied):
        assign_reviews(milestone=review_milestone(cohort), by=coordinator)


def test_a_milestone_without_peer_review_gets_no_reviewers(cohort, trainer):
    with pytest.raises(ValidationError):
        assign_reviews(milestone=cohort.milestones.get(peer_review=False), by=trainer)


def test_database_refuses_red_without_an_action(cohort, trainer):
    review = assign_reviews(milestone=review_milestone(cohort), by=trainer)[0]

    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewScore.objects.create(
            review=review, criterion=ReviewCriterion.objects.first(), rating="red"
        )


def test_reviewer_fills_in_and_submits_the_form(cohort, trainer, coordinator):
    assign_reviews(milestone=review_milestone(cohort), by=trainer)
    review = PeerReview.objects.get(reviewer=team_of(cohort, "Geel"))  # Geel's coordinator acts
    criteria = list(ReviewCriterion.objects.filter(is_active=True))
    data = {f"rating_{c.pk}": "green" for c in criteria}
    data |= {
        f"rating_{criteria[0].pk}": "red",
        f"action_{criteria[0].pk}": "Interview five residents",
    }
    data |= {
        f"rating_{criteria[1].pk}": "amber",
        f"action_{criteria[1].pk}": "Add desk staff",
        "submit": "",
    }

    response = signed_in(coordinator).post(reverse("academy:review", args=[review.pk]), data)

    review.refresh_from_db()
    assert response.status_code == 302
    assert review.submitted_at is not None
    ratings = dict(review.scores.values_list("criterion_id", "rating"))
    assert ratings[criteria[0].pk] == "red" and ratings[criteria[1].pk] == "amber"


def test_red_without_an_action_is_shown_as_an_error(cohort, trainer, coordinator):
    assign_reviews(milestone=review_milestone(cohort), by=trainer)
    review = PeerReview.objects.get(reviewer=team_of(cohort, "Geel"))
    criterion = ReviewCriterion.objects.filter(is_active=True).first()

    response = signed_in(coordinator).post(
        reverse("academy:review", args=[review.pk]), {f"rating_{criterion.pk}": "red", "save": ""}
    )

    assert response.status_code == 200
    assert "Red and amber need an action." in response.content.decode()
    assert not review.scores.exists()


def test_submitted_review_is_read_only(cohort, trainer, coordinator):
    assign_reviews(milestone=review_milestone(cohort), by=trainer)
    review = PeerReview.objects.get(reviewer=team_of(cohort, "Geel"))
    save_review(review=review, scores=all_green(), submit=True, by=coordinator)

    with pytest.raises(ValidationError):
        save_review(review=review, scores=all_green(), submit=True, by=coordinator)
    response = signed_in(coordinator).get(reverse("academy:review", args=[review.pk]))
    assert "Submit the review" not in response.content.decode()


def test_reviewed_team_sees_the_review_only_once_submitted(cohort, trainer, coordinator, outsider):
    assign_reviews(milestone=review_milestone(cohort), by=trainer)
    review = PeerReview.objects.get(reviewer=team_of(cohort, "Geel"))  # of Lennik
    team_of(cohort, "Lennik").members.add(outsider)
    url = reverse("academy:review", args=[review.pk])

    assert signed_in(outsider).get(url).status_code == 404
    save_review(review=review, scores=all_green(), submit=True, by=coordinator)
    assert signed_in(outsider).get(url).status_code == 200


def test_re_review_shows_before_and_after_on_the_team_page(cohort, trainer, coordinator, outsider):
    assign_reviews(milestone=review_milestone(cohort), by=trainer)
    review = PeerReview.objects.get(reviewer=team_of(cohort, "Geel"))
    lennik = team_of(cohort, "Lennik")
    lennik.members.add(outsider)
    criteria = list(ReviewCriterion.objects.filter(is_active=True))
    first = [ScoreInput(criteria[0], "red", "Interview residents"), *all_green()[1:]]
    save_review(review=review, scores=first, submit=True, by=coordinator)

    signed_in(outsider).post(reverse("academy:re_review", args=[review.pk]))
    re_review = PeerReview.objects.get(follows_up=review)
    save_review(review=re_review, scores=all_green(), submit=True, by=coordinator)
    response = signed_in(outsider).get(reverse("academy:team", args=[lennik.pk]))

    assert re_review.reviewer_id == review.reviewer_id
    comparison = response.context["received"][0].comparison
    assert (comparison[0].before.rating, comparison[0].after.rating) == ("red", "green")
    assert "Before and after the re-review" in response.content.decode()


def test_re_review_needs_a_submitted_review_and_happens_once(cohort, trainer, coordinator):
    assign_reviews(milestone=review_milestone(cohort), by=trainer)
    review = PeerReview.objects.get(reviewer=team_of(cohort, "Geel"))

    with pytest.raises(ValidationError):
        request_re_review(review=review, by=trainer)
    save_review(review=review, scores=all_green(), submit=True, by=coordinator)
    request_re_review(review=review, by=trainer)
    with pytest.raises(ValidationError):
        request_re_review(review=review, by=trainer)


def test_the_reviewer_team_may_not_ask_itself_for_a_re_review(cohort, trainer, coordinator):
    assign_reviews(milestone=review_milestone(cohort), by=trainer)
    review = PeerReview.objects.get(reviewer=team_of(cohort, "Geel"))
    save_review(review=review, scores=all_green(), submit=True, by=coordinator)

    with pytest.raises(PermissionDenied):
        request_re_review(review=review, by=coordinator)
