"""A visitor tells seminars from training in the catalogue (also on a phone); a participant
follows a topic, gets the weekly digest and unsubscribes by its link without signing in."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atelier.academy.models import Course, CourseKind, SeminarAudience
from atelier.academy.tests.factories import make_course, make_edition
from atelier.knowledge.distribution.services import send_topic_digests
from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic, TopicFollow

from .browsing import Visit, settled


def seminar(title: str) -> Course:
    return Course.objects.create(
        kind=CourseKind.SEMINAR,
        title_nl=title,
        summary_nl="Een studiedag.",
        audience=SeminarAudience.COUNCILLORS,
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 800}, {"width": 375, "height": 740}]
)
def test_visitor_filters_seminars_from_training(open_visit, viewport):
    start = timezone.now() + datetime.timedelta(days=30)
    make_edition(make_course(2, title="Service design in één dag"), starts=start)
    make_edition(seminar("Studiedag nieuwe bestuursperiode"), starts=start)
    visit: Visit = open_visit(viewport=viewport)

    page = visit.open("/academy/")
    rows = page.locator("#editions tbody tr" if viewport["width"] > 600 else "#edition-cards > li")
    expect(rows).to_have_count(2)

    page.locator("#id_kind").select_option("seminar")
    expect(page).to_have_url(re.compile(r"[?&]kind=seminar"))
    settled(page)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Studiedag nieuwe bestuursperiode")
    expect(rows.first).to_contain_text("Studiedag")
    visit.audit()

    page.locator("#id_kind").select_option("training")
    expect(page).to_have_url(re.compile(r"[?&]kind=training"))
    settled(page)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Service design in één dag")
    visit.audit()


@pytest.mark.browser
def test_participant_follows_a_topic_and_unsubscribes_by_the_mails_link(
    open_visit, participant, mailoutbox
):
    housing = Topic.objects.create(slug="housing", name_nl="Wonen", name_en="Housing")
    Topic.objects.create(slug="mobility", name_nl="Mobiliteit", name_en="Mobility")
    visit: Visit = open_visit()
    visit.sign_in(participant)

    page = visit.open("/knowledge/topics/following/")
    page.get_by_label("Wonen").check()
    visit.follow(page.locator("#following-form button[type=submit]"))
    expect(page.get_by_label("Wonen")).to_be_checked()
    expect(page.get_by_label("Mobiliteit")).not_to_be_checked()
    assert TopicFollow.objects.filter(person=participant, topic=housing).exists()

    item = KnowledgeItem.objects.create(
        kind=Kind.NEWS,
        title="Nieuwe regels voor sociale huur",
        audience=Audience.MEMBERS,
        status=Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(hours=2),
    )
    item.topics.add(housing)
    assert send_topic_digests() == 1
    assert len(mailoutbox) == 1 and "Nieuwe regels voor sociale huur" in mailoutbox[0].body
    link = re.search(r"https?://\S+/knowledge/unsubscribe/\S+/", mailoutbox[0].body).group(0)

    anonymous: Visit = open_visit()
    page = anonymous.open("/" + link.split("/", 3)[3])
    anonymous.follow(page.get_by_role("button", name="Uitschrijven"))
    expect(page.locator("#unsubscribed")).to_be_visible()
    assert not TopicFollow.objects.filter(person=participant).exists()
    assert send_topic_digests() == 0
