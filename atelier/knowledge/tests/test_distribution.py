"""Following topics, the weekly digest (each item once, only what the person may read),
unsubscribing by the mail's link without signing in, and the Atom feeds."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from atelier.knowledge.distribution.links import unsubscribe_token
from atelier.knowledge.distribution.services import follow_topic, send_topic_digests
from atelier.knowledge.models import (
    Audience,
    DigestEntry,
    Kind,
    KnowledgeItem,
    Status,
    Topic,
    TopicFollow,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def publish(
    title: str,
    topic: str = "social-policy",
    audience: str = Audience.PUBLIC,
    kind: str = Kind.NEWS,
    days_ago: int = 1,
    status: str = Status.PUBLISHED,
) -> KnowledgeItem:
    item = KnowledgeItem.objects.create(
        kind=kind,
        title=title,
        summary=f"Over {title}",
        audience=audience,
        status=status,
        published_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    item.topics.add(Topic.objects.get(slug=topic))
    return item


def signed_in(person) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(person)
    return client


def topic(slug: str) -> Topic:
    return Topic.objects.get(slug=slug)


def run_digests(capture) -> None:
    with capture(execute=True):
        send_topic_digests()


def test_following_page_saves_the_chosen_topics(participant):
    client = signed_in(participant)
    chosen = [topic("housing").pk, topic("mobility").pk]
    response = client.post("/knowledge/topics/following/", {"topics": chosen})
    assert response.status_code == 302
    assert set(
        TopicFollow.objects.filter(person=participant).values_list("topic__slug", flat=True)
    ) == {
        "housing",
        "mobility",
    }
    page = client.get("/knowledge/topics/following/").content.decode()
    assert f'value="{chosen[0]}" id="topic-housing" checked' in page
    client.post("/knowledge/topics/following/", {"topics": [chosen[1]]})
    assert TopicFollow.objects.filter(person=participant).count() == 1


def test_follow_button_follows_and_unfollows_and_returns_to_the_listing(participant):
    client = signed_in(participant)
    response = client.post(
        "/knowledge/topics/housing/follow/", {"next": "/knowledge/?topic=housing"}
    )
    assert response["Location"] == "/knowledge/?topic=housing"
    assert TopicFollow.objects.filter(person=participant, topic__slug="housing").exists()
    client.post(
        "/knowledge/topics/housing/follow/", {"action": "unfollow", "next": "https://evil.example/"}
    )
    assert not TopicFollow.objects.filter(person=participant).exists()


def test_following_needs_signing_in():
    response = Client().get("/knowledge/topics/following/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_digest_lists_new_items_on_followed_topics_once(
    participant, mailoutbox, django_capture_on_commit_callbacks
):
    follow_topic(person=participant, topic=topic("social-policy"))
    publish("Leefloon in 2027")
    publish("Nieuwe mobiliteitsregels", topic="mobility")
    publish("Oud nieuws", days_ago=30)
    publish("Nog een ontwerp", status=Status.DRAFT)

    run_digests(django_capture_on_commit_callbacks)
    run_digests(django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [participant.email]
    assert "Leefloon in 2027" in mail.body
    assert "mobiliteitsregels" not in mail.body and "Oud nieuws" not in mail.body
    assert "Nog een ontwerp" not in mail.body
    assert "/knowledge/unsubscribe/" in mail.body
    assert mail.extra_headers["List-Unsubscribe"].startswith("<http")
    assert DigestEntry.objects.filter(person=participant).count() == 1


def test_a_later_digest_sends_only_what_is_new(
    participant, mailoutbox, django_capture_on_commit_callbacks
):
    follow_topic(person=participant, topic=topic("social-policy"))
    publish("Eerste bericht", days_ago=2)
    run_digests(django_capture_on_commit_callbacks)
    publish("Tweede bericht", days_ago=0)
    run_digests(django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 2
    assert "Tweede bericht" in mailoutbox[1].body
    assert "Eerste bericht" not in mailoutbox[1].body


def test_digest_holds_only_items_the_person_may_read(
    participant, outsider, trainer, mailoutbox, django_capture_on_commit_callbacks
):
    outsider.organisation.is_member = False
    outsider.organisation.save()
    for person in (participant, outsider, trainer):
        follow_topic(person=person, topic=topic("social-policy"))
    publish("Voor iedereen")
    publish("Voor leden", audience=Audience.MEMBERS)
    publish("Voor personeel", audience=Audience.STAFF)

    run_digests(django_capture_on_commit_callbacks)

    bodies = {mail.to[0]: mail.body for mail in mailoutbox}
    assert "Voor leden" in bodies[participant.email]
    assert "Voor personeel" not in bodies[participant.email]
    assert "Voor iedereen" in bodies[outsider.email]
    assert "Voor leden" not in bodies[outsider.email]
    assert "Voor personeel" in bodies[trainer.email]


def test_unsubscribe_link_works_without_signing_in_and_for_good(
    participant, mailoutbox, django_capture_on_commit_callbacks
):
    follow_topic(person=participant, topic=topic("social-policy"))
    publish("Eerste bericht")
    run_digests(django_capture_on_commit_callbacks)
    link = re.search(r"https?://\S+/knowledge/unsubscribe/\S+/", mailoutbox[0].body).group(0)
    path = "/" + link.split("/", 3)[3]

    anonymous = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert anonymous.get(path).status_code == 200
    assert "You are unsubscribed" in anonymous.post(path).content.decode()
    assert "You are unsubscribed" in anonymous.post(path).content.decode()  # again: harmless

    publish("Tweede bericht", days_ago=0)
    run_digests(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    assert not TopicFollow.objects.filter(person=participant).exists()


def test_a_forged_unsubscribe_token_is_refused(participant):
    token = unsubscribe_token(participant)
    assert Client().get(f"/knowledge/unsubscribe/{token}x/").status_code == 404
    assert Client().post(f"/knowledge/unsubscribe/{token[:-3]}abc/").status_code == 404


def test_digest_command_queues_the_digests(
    participant, mailoutbox, django_capture_on_commit_callbacks
):
    follow_topic(person=participant, topic=topic("housing"))
    publish("Huurpremie", topic="housing")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_topic_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mailoutbox) == 1


def feed_titles(path: str) -> list[str]:
    response = Client().get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_topic_feed_holds_public_published_items_only():
    publish("Openbaar over OCMW")
    publish("Alleen leden", audience=Audience.MEMBERS)
    publish("Ontwerp", status=Status.DRAFT)
    publish("Over wonen", topic="housing")
    assert feed_titles("/knowledge/feeds/topics/social-policy/") == ["Openbaar over OCMW"]


def test_kind_feed_holds_public_items_of_that_kind():
    publish("Een nieuwtje")
    publish("Een standpunt", kind=Kind.POSITION_PAPER)
    assert feed_titles("/knowledge/feeds/kinds/position_paper/") == ["Een standpunt"]
    assert Client().get("/knowledge/feeds/kinds/nonsense/").status_code == 404
    assert Client().get("/knowledge/feeds/topics/nonsense/").status_code == 404


def test_following_page_query_count_does_not_grow_with_topics(participant):
    client = signed_in(participant)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/knowledge/topics/following/").status_code == 200
        return len(captured)

    before = queries()
    for number in range(20):
        Topic.objects.create(slug=f"extra-{number}", name_nl=f"Extra {number}")
        follow_topic(person=participant, topic=Topic.objects.get(slug=f"extra-{number}"))
    assert queries() == before
