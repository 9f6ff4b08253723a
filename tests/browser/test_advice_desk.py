"""The advice desk in a browser: a Lennik participant asks (and is shown an existing FAQ
while typing), staff take and answer the question, the participant rates the answer, staff
publish it as an anonymised FAQ, and Geel's coordinator gets 404 on Lennik's question."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atelier.advice.models import Question, QuestionStatus
from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic

from .browsing import settled

SUBJECT = "Leefloon voor een student op kot"


@pytest.fixture
def social(db):
    # Live-server tests may start from a flushed database, where the seeded topics are gone.
    topic, _ = Topic.objects.get_or_create(
        slug="social-policy",
        defaults={"name_nl": "Sociaal beleid en OCMW", "name_en": "Social policy and OCMW"},
    )
    return topic


@pytest.fixture
def existing_faq(db, social):
    item = KnowledgeItem.objects.create(
        kind=Kind.FAQ,
        title="Leefloon en studenten: wie is bevoegd?",
        status=Status.PUBLISHED,
        audience=Audience.MEMBERS,
        published_at=timezone.now(),
    )
    item.topics.add(social)
    return item


@pytest.mark.browser
def test_ask_answer_rate_publish_and_404_for_another_organisation(
    open_visit, outsider, trainer, coordinator, social, existing_faq
):
    asker = open_visit(locale="en-GB")
    asker.sign_in(outsider)
    page = asker.open("/advice/ask/")
    page.get_by_label("Topic").select_option(str(social.pk))
    page.get_by_label("Subject").fill(SUBJECT)
    expect(page.locator("#suggestions")).to_contain_text(existing_faq.title)
    settled(page)
    asker.audit()
    page.get_by_label("Your question").fill(
        "Een student van Lennik woont op kot in Leuven. Welk OCMW is bevoegd? Groeten, Participant"
    )
    asker.follow(page.get_by_role("button", name="Send the question"))
    expect(page.locator("h1")).to_have_text(SUBJECT)
    question = Question.objects.get(subject=SUBJECT)

    staff = open_visit(locale="en-GB")
    staff.sign_in(trainer)
    desk = staff.open("/advice/queue/")
    desk.get_by_label(f"Select “{SUBJECT}”").check()
    staff.follow(desk.get_by_role("button", name="Assign the selected to me"))
    question.refresh_from_db()
    assert question.assignee == trainer
    desk = staff.open(f"/advice/{question.pk}/")
    desk.get_by_label("Your message").fill(
        "Het OCMW van de gemeente waar de student ingeschreven is, dus Lennik."
    )
    staff.follow(desk.get_by_role("button", name="Send", exact=True))
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED

    page = asker.open(f"/advice/{question.pk}/")
    expect(page.locator("main")).to_contain_text("dus Lennik")
    page.get_by_label("4", exact=True).check()
    page.get_by_label("Comment (optional)").fill("Duidelijk antwoord.")
    asker.follow(page.get_by_role("button", name="Send the rating"))
    question.refresh_from_db()
    assert question.rating == 4

    desk = staff.open(f"/advice/{question.pk}/")
    staff.follow(desk.get_by_role("link", name="Publish as FAQ"))
    expect(desk.get_by_label("Answer")).not_to_contain_text("Lennik")
    desk.get_by_label("Publish at once (otherwise saved as a draft)").check()
    staff.follow(desk.get_by_role("button", name="Save the FAQ"))
    question.refresh_from_db()
    faq = question.faq_item
    assert faq is not None and faq.kind == Kind.FAQ and faq.status == Status.PUBLISHED
    assert "Lennik" not in faq.body and "Participant" not in faq.body

    geel = open_visit(locale="en-GB")
    geel.sign_in(coordinator)
    response = geel.page.goto(f"/advice/{question.pk}/")
    assert response is not None and response.status == 404
    geel.audit()
