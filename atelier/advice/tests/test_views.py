import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from atelier.accounts.models import Role
from atelier.advice import services
from atelier.advice.models import Question, QuestionStatus
from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status
from conftest import make_person

from .factories import question, topic


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def lennik_question(outsider):
    return question(outsider, subject="Leefloon in Lennik")


@pytest.fixture
def lennik_file(lennik_question):
    upload = SimpleUploadedFile("bijlage.pdf", b"%PDF-1.4 vertrouwelijk")
    services._attach(lennik_question, [upload], None)
    return lennik_question.attachments.get()


def test_participant_asks_with_a_file_and_lands_on_the_question(participant):
    social = topic()
    upload = SimpleUploadedFile("vraag.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    response = signed_in(participant).post(
        "/advice/ask/",
        {"topic": social.pk, "subject": "Leefloon", "text": "Mag dat?", "file": upload},
    )
    asked = Question.objects.get()
    assert response.status_code == 302 and response.url == f"/advice/{asked.pk}/"
    assert asked.attachments.get().name == "vraag.pdf"


def test_a_file_of_the_wrong_kind_is_refused(participant):
    upload = SimpleUploadedFile("script.exe", b"MZ")
    response = signed_in(participant).post(
        "/advice/ask/",
        {"topic": topic().pk, "subject": "Leefloon", "text": "Mag dat?", "file": upload},
    )
    assert response.status_code == 200
    assert not Question.objects.exists()


def test_staff_and_experts_cannot_open_the_ask_form(trainer, expert):
    assert signed_in(trainer).get("/advice/ask/").status_code == 403
    assert signed_in(expert).get("/advice/ask/").status_code == 403


def test_suggestions_show_published_items_matching_the_subject(participant):
    KnowledgeItem.objects.create(
        kind=Kind.FAQ, title="Leefloon voor studenten", status=Status.PUBLISHED
    )
    KnowledgeItem.objects.create(kind=Kind.FAQ, title="Leefloon (concept)", status=Status.DRAFT)
    KnowledgeItem.objects.create(
        kind=Kind.FAQ,
        title="Leefloon intern",
        status=Status.PUBLISHED,
        audience=Audience.STAFF,
    )
    page = signed_in(participant).get("/advice/ask/suggestions/", {"subject": "leefloon student"})
    html = page.content.decode()
    assert "Leefloon voor studenten" in html
    assert "concept" not in html and "intern" not in html


def test_geel_people_get_404_on_lennik_question(participant, coordinator, lennik_question):
    for person in (participant, coordinator):
        client = signed_in(person)
        assert client.get(f"/advice/{lennik_question.pk}/").status_code == 404
        reply = client.post(f"/advice/{lennik_question.pk}/reply/", {"body": "Hallo"})
        assert reply.status_code == 404
        assert client.post(f"/advice/{lennik_question.pk}/rate/", {"rating": 5}).status_code == 404
    assert not lennik_question.messages.exists()


def test_attachment_download_answers_404_across_organisations(
    coordinator, outsider, lennik_question, lennik_file
):
    url = f"/advice/{lennik_question.pk}/files/{lennik_file.pk}/"
    assert signed_in(coordinator).get(url).status_code == 404
    response = signed_in(outsider).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 vertrouwelijk"


def test_coordinator_sees_colleagues_questions_participant_only_their_own(
    participant, coordinator, geel
):
    colleague = make_person("collega@geel.example.org", Role.PARTICIPANT, geel)
    theirs = question(colleague, subject="Vraag van een collega")
    assert signed_in(coordinator).get(f"/advice/{theirs.pk}/").status_code == 200
    assert signed_in(participant).get(f"/advice/{theirs.pk}/").status_code == 404
    listing = signed_in(participant).get("/advice/").content.decode()
    assert "Vraag van een collega" not in listing
    assert "Vraag van een collega" in signed_in(coordinator).get("/advice/").content.decode()


def test_internal_notes_are_not_shown_to_the_asker(outsider, trainer, lennik_question):
    services.reply(question=lennik_question, by=trainer, body="NOTITIE-INTERN", internal=True)
    services.reply(question=lennik_question, by=trainer, body="Het publieke antwoord")
    asker_page = signed_in(outsider).get(f"/advice/{lennik_question.pk}/").content.decode()
    assert "Het publieke antwoord" in asker_page and "NOTITIE-INTERN" not in asker_page
    staff_page = signed_in(trainer).get(f"/advice/{lennik_question.pk}/").content.decode()
    assert "NOTITIE-INTERN" in staff_page


def test_staff_answer_then_asker_rates_through_the_pages(outsider, trainer, lennik_question):
    staff = signed_in(trainer)
    staff.post(f"/advice/{lennik_question.pk}/reply/", {"body": "Ja", "kind": "answer"})
    lennik_question.refresh_from_db()
    assert lennik_question.status == QuestionStatus.ANSWERED
    asker = signed_in(outsider)
    assert "rating" in asker.get(f"/advice/{lennik_question.pk}/").content.decode()
    asker.post(f"/advice/{lennik_question.pk}/rate/", {"rating": "5", "comment": "Top"})
    lennik_question.refresh_from_db()
    assert lennik_question.rating == 5


def test_publish_as_faq_form_is_prefilled_anonymised(outsider, trainer, lennik_question):
    services.reply(question=lennik_question, by=trainer, body="Lennik mag dat, Participant.")
    page = signed_in(trainer).get(f"/advice/{lennik_question.pk}/faq/").content.decode()
    form_part = page.split('name="answer_text"', 1)[1].split("</textarea>", 1)[0]
    assert "Lennik" not in form_part and "Participant" not in form_part
    response = signed_in(trainer).post(
        f"/advice/{lennik_question.pk}/faq/",
        {"title": "Leefloon", "question_text": "Mag dat?", "answer_text": "Ja.", "publish": "on"},
    )
    assert response.status_code == 302
    lennik_question.refresh_from_db()
    assert lennik_question.faq_item.status == Status.PUBLISHED


def test_members_cannot_publish_or_assign(outsider, lennik_question):
    client = signed_in(outsider)
    assert client.get(f"/advice/{lennik_question.pk}/faq/").status_code == 403
    assert client.post(f"/advice/{lennik_question.pk}/assign/", {}).status_code == 403
    assert client.get("/advice/queue/").status_code == 403


def _many_questions(asker, count, start=0):
    today = timezone.localdate()
    social = topic()
    for number in range(start, start + count):
        question(
            asker,
            subject=f"Vraag {number}",
            topic=social,
            due_on=today + datetime.timedelta(days=number % 9 - 4),
        )


def test_queue_queries_do_not_grow_with_questions(trainer, outsider, django_assert_max_num_queries):
    _many_questions(outsider, 3)
    client = signed_in(trainer)
    with django_assert_max_num_queries(30) as few:
        assert client.get("/advice/queue/").status_code == 200
    _many_questions(outsider, 60, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/advice/queue/?status=all&overdue=on")
    assert page.status_code == 200


def test_questions_list_queries_do_not_grow(outsider, django_assert_max_num_queries):
    _many_questions(outsider, 3)
    client = signed_in(outsider)
    with django_assert_max_num_queries(30) as few:
        client.get("/advice/")
    _many_questions(outsider, 40, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/advice/")


def test_queue_filters_and_sorts_by_due_date(trainer, administrator, outsider):
    today = timezone.localdate()
    late = question(outsider, subject="Te laat", due_on=today - datetime.timedelta(days=2))
    question(outsider, subject="Later", due_on=today + datetime.timedelta(days=5))
    mine = question(outsider, subject="Van mij", due_on=today + datetime.timedelta(days=1))
    services.assign(question=mine, assignee=trainer, by=trainer)
    client = signed_in(trainer)
    html = client.get("/advice/queue/").content.decode()
    assert html.index("Te laat") < html.index("Van mij") < html.index("Later")
    overdue = client.get("/advice/queue/?overdue=on").content.decode()
    assert "Te laat" in overdue and "Later" not in overdue
    own = client.get("/advice/queue/?assignee=me").content.decode()
    assert "Van mij" in own and "Te laat" not in own
    client.post("/advice/queue/bulk/", {"question": [late.pk], "action": "mine"})
    late.refresh_from_db()
    assert late.assignee == trainer


def test_report_counts_and_speed(trainer, outsider, participant):
    asked = question(outsider, asked_at=timezone.now() - datetime.timedelta(days=3))
    services.reply(question=asked, by=trainer, body="Ja")
    services.rate(question=asked, by=outsider, rating=4)
    question(participant)
    page = signed_in(trainer).get("/advice/report/").content.decode()
    assert "Sociaal beleid (test)" in page
    assert "Vlaams-Brabant" in page and "Antwerpen" in page


def test_suggestions_take_a_whole_sentence_word_by_word(participant):
    from atelier.advice.selectors import suggest_items
    from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status

    item = KnowledgeItem.objects.create(
        kind=Kind.FAQ,
        title="Leefloon en studenten: wie is bevoegd?",
        status=Status.PUBLISHED,
        audience=Audience.MEMBERS,
    )
    KnowledgeItem.objects.create(kind=Kind.NEWS, title="Zwembaden", status=Status.PUBLISHED)

    assert suggest_items(participant, "Leefloon voor een student op kot") == [item]
    assert suggest_items(participant, "kot") == []
