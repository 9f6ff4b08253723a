"""Read-only shared links: the team makes and revokes them; anyone with one reads one canvas."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from atelier.canvases.models import Canvas, Card, LaneKind, ShareLink
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import link_evidence
from atelier.canvases.services.sharing import (
    check_share_password,
    create_share_link,
    open_share_link,
    revoke_share_link,
)
from atelier.method.models import ArtefactKind

from .factories import make_journey, make_project


@pytest.fixture(autouse=True)
def _no_counted_tries():
    cache.clear()


@pytest.fixture
def journey(participant) -> Canvas:
    return make_journey(make_project(participant), participant, stages=2, steps=2)


@pytest.fixture
def link(journey, participant) -> ShareLink:
    return create_share_link(
        canvas=journey, label="Alderman", expires_at=None, password="", by=participant
    )


@pytest.fixture
def locked(journey, participant) -> ShareLink:
    return create_share_link(
        canvas=journey,
        label="Steering group",
        expires_at=None,
        password="desk-2440",
        by=participant,
    )


def shared_url(link: ShareLink) -> str:
    return reverse("shared:view", args=[link.token])


def a_card_text(canvas: Canvas) -> str:
    return Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS)[0].text


def test_a_link_has_a_long_random_token_and_a_hashed_password(locked):
    assert len(locked.token) >= 32
    assert locked.password and "desk-2440" not in locked.password
    assert check_share_password(link=locked, password="desk-2440")
    assert not check_share_password(link=locked, password="desk 2440")


def test_a_link_cannot_expire_in_the_past(journey, participant):
    with pytest.raises(ValidationError, match="future"), translation.override("en"):
        create_share_link(
            canvas=journey,
            label="",
            expires_at=timezone.now() - datetime.timedelta(minutes=1),
            password="",
            by=participant,
        )


def test_team_member_makes_a_link_with_password_and_expiry(client, participant, journey):
    client.force_login(participant)
    url = reverse("canvases:share", args=[journey.pk])
    expires_on = timezone.localdate() + datetime.timedelta(days=7)
    response = client.post(
        url, {"label": "Alderman", "expires_on": expires_on.isoformat(), "password": "desk-2440"}
    )
    assert response.status_code == 302
    link = ShareLink.objects.get(canvas=journey)
    assert link.label == "Alderman" and link.password and link.created_by == participant
    assert timezone.localtime(link.expires_at).date() == expires_on + datetime.timedelta(days=1)
    with translation.override("en"):
        body = client.get(url).content.decode()
    assert "http://testserver" + shared_url(link) in body
    assert "readonly" in body and f'for="share-url-{link.pk}"' in body
    assert "active" in body


def test_share_page_queries_do_not_grow_with_links(
    client, participant, journey, django_assert_max_num_queries
):
    client.force_login(participant)
    url = reverse("canvases:share", args=[journey.pk])
    create_share_link(canvas=journey, label="one", expires_at=None, password="", by=participant)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for number in range(6):
        create_share_link(
            canvas=journey, label=f"n{number}", expires_at=None, password="", by=participant
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_anonymous_visitor_reads_only_that_canvas(client, participant, journey, link):
    secret = create_canvas(
        project=journey.project, kind=ArtefactKind.INSIGHT_BOARD, title="Interviews", by=participant
    )
    quote = add_card(
        canvas=secret, section="quotes", text="A quote nobody outside may read", by=participant
    )
    backed = Card.objects.filter(canvas=journey, lane__kind=LaneKind.CARDS)[0]
    link_evidence(card=backed, evidence=quote, by=participant)
    with translation.override("en"):
        response = client.get(shared_url(link))
    body = response.content.decode()
    assert response.status_code == 200
    assert journey.title in body and a_card_text(journey) in body
    assert "A quote nobody outside may read" not in body and "Interviews" not in body
    assert journey.project.title not in body
    assert reverse("projects:detail", args=[journey.project_id]) not in body
    assert "card-edit" not in body
    assert "backed by 1 source" in body  # the count of evidence, never the quote itself


def test_shared_page_keeps_out_of_search_engines_and_referers(client, link, locked):
    for url in (shared_url(link), shared_url(locked)):
        response = client.get(url)
        assert response["X-Robots-Tag"] == "noindex"
        assert response["Referrer-Policy"] == "no-referrer"
        assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_each_view_is_counted(client, link):
    client.get(shared_url(link))
    client.get(shared_url(link))
    link.refresh_from_db()
    assert link.view_count == 2


def test_a_password_link_asks_for_the_password_first(client, journey, locked):
    url = shared_url(locked)
    with translation.override("en"):
        first = client.get(url).content.decode()
        assert 'type="password"' in first and a_card_text(journey) not in first
        wrong = client.post(url, {"password": "guess"}).content.decode()
        assert "That is not the password of this link." in wrong
        assert a_card_text(journey) not in wrong
        right = client.post(url, {"password": "desk-2440"}, follow=True)
    assert a_card_text(journey) in right.content.decode()
    # Remembered for this visitor's session; another visitor is asked again.
    assert a_card_text(journey) in client.get(url).content.decode()
    assert a_card_text(journey) not in Client().get(url).content.decode()
    locked.refresh_from_db()
    assert locked.view_count == 2


def test_five_wrong_passwords_lock_the_link_for_a_while(client, journey, locked):
    url = shared_url(locked)
    with translation.override("en"):
        for _attempt in range(5):
            client.post(url, {"password": "guess"})
        response = client.post(url, {"password": "desk-2440"})
    body = response.content.decode()
    assert "Too many wrong passwords" in body
    assert a_card_text(journey) not in body
    cache.clear()  # ten minutes later
    assert (
        a_card_text(journey)
        in client.post(url, {"password": "desk-2440"}, follow=True).content.decode()
    )


def test_an_expired_link_is_404(client, link):
    ShareLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert open_share_link(link.token) is None
    assert client.get(shared_url(link)).status_code == 404


def test_a_revoked_link_is_404(client, participant, journey, link):
    client.force_login(participant)
    response = client.post(reverse("canvases:share_revoke", args=[journey.pk, link.pk]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    client.logout()
    assert client.get(shared_url(link)).status_code == 404


def test_an_unknown_token_is_404(client, link):
    assert client.get(reverse("shared:view", args=["no-such-token"])).status_code == 404


def test_revoking_twice_keeps_the_first_moment(link, participant):
    first = revoke_share_link(link=link, by=participant).revoked_at
    assert revoke_share_link(link=link, by=participant).revoked_at == first


def test_staff_may_not_manage_links(client, trainer, journey, link):
    client.force_login(trainer)
    assert client.get(reverse("canvases:share", args=[journey.pk])).status_code == 403
    assert (
        client.post(reverse("canvases:share", args=[journey.pk]), {"label": "x"}).status_code == 403
    )
    revoke = reverse("canvases:share_revoke", args=[journey.pk, link.pk])
    assert client.post(revoke).status_code == 403
    assert ShareLink.objects.filter(canvas=journey).count() == 1


def test_lennik_outsider_gets_404_on_the_share_pages(client, outsider, journey, link):
    client.force_login(outsider)
    for url in (
        reverse("canvases:share", args=[journey.pk]),
        reverse("canvases:share_revoke", args=[journey.pk, link.pk]),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"label": "x"}).status_code == 404, url
    link.refresh_from_db()
    assert link.revoked_at is None and ShareLink.objects.count() == 1


def test_a_link_of_another_canvas_cannot_be_revoked_through_this_one(
    client, participant, journey, link
):
    other = create_canvas(
        project=journey.project, kind=ArtefactKind.PERSONA, title="Maria", by=participant
    )
    client.force_login(participant)
    assert (
        client.post(reverse("canvases:share_revoke", args=[other.pk, link.pk])).status_code == 404
    )


def test_an_expiry_date_in_the_past_is_refused_by_the_form(client, participant, journey):
    client.force_login(participant)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with translation.override("en"):
        response = client.post(
            reverse("canvases:share", args=[journey.pk]), {"expires_on": yesterday.isoformat()}
        )
    assert "Choose an expiry date in the future." in response.content.decode()
    assert not ShareLink.objects.exists()


def test_revoking_asks_for_a_post(client, participant, journey, link):
    client.force_login(participant)
    assert (
        client.get(reverse("canvases:share_revoke", args=[journey.pk, link.pk])).status_code == 405
    )


def test_head_on_a_shared_link_answers_like_get_without_a_body_or_a_counted_view(client, link):
    url = shared_url(link)

    head = client.head(url)
    get = client.get(url)

    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for header in ("Content-Type", "X-Robots-Tag", "Referrer-Policy", "Cache-Control"):
        assert head[header] == get[header]
    link.refresh_from_db()
    assert link.view_count == 1  # the GET only


def test_head_on_an_unknown_or_password_link_answers_like_get(client, link, locked):
    unknown = reverse("shared:view", args=["no-such-token"])

    assert client.head(unknown).status_code == client.get(unknown).status_code == 404
    assert client.head(shared_url(locked)).status_code == 200
