import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from atelier.advice import reporting, services
from atelier.advice.models import ClosingDay, DeskSettings, Question, QuestionStatus
from atelier.advice.working_days import add_working_days
from atelier.knowledge.models import Kind, KnowledgeItem, Status
from atelier.notifications.models import Kind as NotificationKind
from atelier.notifications.models import Notification

from .factories import question, topic


@pytest.fixture
def social(trainer):
    return topic(expert=trainer)


def ask(person, subject="Leefloon voor een student", **fields):
    return services.ask(
        asker=person,
        topic=fields.pop("topic", None) or topic(),
        subject=subject,
        text="Mag het OCMW van Geel een leefloon toekennen? Groeten, Participant Test",
        **fields,
    )


def test_asking_assigns_the_topics_expert_and_tells_them(
    participant, trainer, social, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asked = ask(participant, topic=social)
    assert asked.status == QuestionStatus.ASSIGNED
    assert asked.assignee == trainer
    assert asked.organisation == participant.organisation
    assert Notification.objects.filter(
        recipient=trainer, kind=NotificationKind.QUESTION_ASSIGNED
    ).exists()
    assert mail.outbox and mail.outbox[-1].to == [trainer.email]


def test_without_an_expert_the_question_waits_in_the_queue_unassigned(participant):
    asked = ask(participant)
    assert asked.status == QuestionStatus.NEW
    assert asked.assignee is None


def test_the_promised_date_uses_the_desks_setting_and_closing_days(participant):
    DeskSettings.objects.create(answer_within_days=3)
    asked = ask(participant)
    assert asked.due_on == add_working_days(asked.asked_at.date(), 3)
    later = asked.asked_at.date() + datetime.timedelta(days=1)
    ClosingDay.objects.create(day=later)
    assert add_working_days(asked.asked_at.date(), 3) > asked.due_on


def test_outsiders_of_the_association_cannot_ask(trainer, expert):
    for person in (trainer, expert):
        with pytest.raises(services.AdviceRefused):
            ask(person)


def test_a_staff_answer_notifies_the_asker_and_counts_as_first_answer(
    participant, trainer, django_capture_on_commit_callbacks
):
    asked = ask(participant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(question=asked, by=trainer, body="Ja, onder voorwaarden.")
    asked.refresh_from_db()
    assert asked.status == QuestionStatus.ANSWERED
    assert asked.first_answered_at is not None
    assert asked.assignee == trainer  # whoever answers an unassigned question takes it
    assert [m.to for m in mail.outbox] == [[participant.email]]
    assert "beantwoord" in mail.outbox[0].body or "answered" in mail.outbox[0].body


def test_asking_the_member_for_more_waits_and_is_no_answer_yet(participant, trainer):
    asked = ask(participant)
    services.reply(question=asked, by=trainer, body="Welk leeftijd?", wait_for_member=True)
    asked.refresh_from_db()
    assert asked.status == QuestionStatus.WAITING
    assert asked.first_answered_at is None
    assert Notification.objects.get(recipient=participant).kind == NotificationKind.QUESTION_WAITING


def test_the_askers_reply_goes_back_to_the_assignee(
    participant, trainer, social, django_capture_on_commit_callbacks
):
    asked = ask(participant, topic=social)
    services.reply(question=asked, by=trainer, body="Welke leeftijd?", wait_for_member=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(question=asked, by=participant, body="19 jaar.")
    asked.refresh_from_db()
    assert asked.status == QuestionStatus.ASSIGNED
    assert [m.to for m in mail.outbox] == [[trainer.email]]


def test_internal_notes_are_never_mailed_to_the_asker(
    participant, trainer, django_capture_on_commit_callbacks
):
    asked = ask(participant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(question=asked, by=trainer, body="Intern: juridische dienst.", internal=True)
    asked.refresh_from_db()
    assert asked.status == QuestionStatus.NEW
    assert mail.outbox == []
    assert not Notification.objects.filter(recipient=participant).exists()


def test_the_asker_cannot_write_internal_notes_and_colleagues_cannot_write(
    participant, coordinator, trainer
):
    asked = ask(participant)
    with pytest.raises(services.AdviceRefused):
        services.reply(question=asked, by=participant, body="x", internal=True)
    with pytest.raises(services.AdviceRefused):
        services.reply(question=asked, by=coordinator, body="x")


def test_files_are_kept_with_the_question(participant):
    upload = SimpleUploadedFile("vraag.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    asked = ask(participant, files=[upload])
    assert [a.name for a in asked.attachments.all()] == ["vraag.pdf"]
    assert asked.attachments.get().file.read() == b"%PDF-1.4 test"


def test_rating_once_after_an_answer(participant, trainer):
    asked = ask(participant)
    with pytest.raises(services.AdviceRefused):
        services.rate(question=asked, by=participant, rating=5)
    services.reply(question=asked, by=trainer, body="Ja.")
    services.rate(question=asked, by=participant, rating=4, comment="Helder")
    asked.refresh_from_db()
    assert (asked.rating, asked.rating_comment) == (4, "Helder")
    with pytest.raises(services.AdviceRefused):
        services.rate(question=asked, by=participant, rating=1)


def test_only_the_asker_rates(participant, coordinator, trainer):
    asked = ask(participant)
    services.reply(question=asked, by=trainer, body="Ja.")
    with pytest.raises(services.AdviceRefused):
        services.rate(question=asked, by=coordinator, rating=5)


def test_close_and_reopen(participant, trainer):
    asked = ask(participant)
    services.close(question=asked, by=participant)
    assert asked.status == QuestionStatus.CLOSED
    services.reopen(question=asked, by=trainer)
    assert asked.status == QuestionStatus.NEW


def test_bulk_take_and_free(participant, trainer):
    first, second = ask(participant), ask(participant, subject="Tweede")
    chosen = type(first).objects.filter(pk__in=[first.pk, second.pk])
    assert services.assign_many(questions=chosen, assignee=trainer, by=trainer) == 2
    first.refresh_from_db()
    assert (first.assignee, first.status) == (trainer, QuestionStatus.ASSIGNED)
    assert services.assign_many(questions=chosen, assignee=None, by=trainer) == 2
    first.refresh_from_db()
    assert (first.assignee, first.status) == (None, QuestionStatus.NEW)


def test_publish_as_faq_strips_the_person_and_the_organisation(participant, trainer):
    asked = ask(participant, subject="Leefloon in Geel")
    services.reply(question=asked, by=trainer, body="Beste Participant, Geel mag dat.")
    item = services.publish_as_faq(
        question=asked,
        by=trainer,
        title=asked.subject,
        question_text=asked.text + " Mail participant@geel.example.org.",
        answer_text="Beste Participant, Geel mag dat.",
        publish=True,
    )
    assert item.kind == Kind.FAQ and item.status == Status.PUBLISHED
    assert list(item.topics.all()) == [asked.topic]
    for text in (item.title, item.summary, item.body):
        assert "Geel" not in text
        assert "Participant" not in text
        assert "geel.example.org" not in text
    assert "[organisation]" in item.title or "[organisatie]" in item.title
    asked.refresh_from_db()
    assert asked.faq_item == item
    with pytest.raises(services.AdviceRefused):
        services.publish_as_faq(
            question=asked, by=trainer, title="x", question_text="x", answer_text="x", publish=True
        )


def test_staff_may_keep_the_names_and_save_a_draft(participant, trainer):
    asked = question(participant, subject="Leefloon in Geel")
    services.reply(question=asked, by=trainer, body="Ja.")
    item = services.publish_as_faq(
        question=asked,
        by=trainer,
        title=asked.subject,
        question_text=asked.text,
        answer_text="Ja.",
        publish=False,
        keep_names=True,
    )
    assert item.status == Status.DRAFT and item.title == "Leefloon in Geel"
    assert "&lt;" not in item.title


def test_faq_text_is_escaped(participant, trainer):
    asked = question(participant)
    services.reply(question=asked, by=trainer, body="Ja.")
    item = services.publish_as_faq(
        question=asked,
        by=trainer,
        title="t",
        question_text="<script>alert(1)</script>",
        answer_text="a & b",
        publish=True,
    )
    assert "<script>" not in item.body and "&lt;script&gt;" in item.body


def test_a_research_request_is_answered_with_a_list_of_items(participant, trainer):
    asked = ask(participant, is_research_request=True)
    item = KnowledgeItem.objects.create(
        kind=Kind.ARTICLE, title="Participatief begroten", status=Status.PUBLISHED
    )
    services.reply(question=asked, by=trainer, body="Zie deze bronnen.", sources=[item])
    assert list(asked.sources.all()) == [item]
    assert asked.status == QuestionStatus.ANSWERED


def at(year: int, month: int, day: int) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(datetime.date(year, month, day), datetime.time(10))
    )


def test_the_report_measures_working_days_and_punctuality(participant, trainer):
    thursday = at(2026, 12, 24)
    late = question(participant, asked_at=thursday, due_on=datetime.date(2027, 1, 8))
    late.first_answered_at = at(2027, 1, 11)
    late.rating = 2
    late.save()
    on_time = question(participant, asked_at=thursday, due_on=datetime.date(2027, 1, 8))
    on_time.first_answered_at = at(2027, 1, 5)
    on_time.rating = 5
    on_time.save()
    for day in range(26, 32):
        ClosingDay.objects.create(day=datetime.date(2026, 12, day))
    result = reporting.report(Question.objects.all())
    # 24 Dec → 11 Jan: 4, 5, 6, 7, 8 and 11 January = 6; → 5 Jan: 2. Median 4.
    assert result.speed.median_working_days == 4
    assert result.speed.on_time == 1 and result.speed.on_time_percent == 50
    assert result.mean_rating == 3.5 and result.ratings == 2
    assert result.by_province == [("Antwerpen", 2)]
    assert late.is_overdue(datetime.date(2027, 1, 20)) and not on_time.is_overdue(
        datetime.date(2027, 1, 20)
    )


def test_a_file_sent_with_an_internal_note_is_kept_for_staff_only(participant, trainer, client):
    asked = ask(participant)
    upload = SimpleUploadedFile("advies.pdf", b"%PDF-1.4 intern", content_type="application/pdf")
    note = services.reply(
        question=asked, by=trainer, body="Zie bijlage.", internal=True, files=[upload]
    )
    attachment = asked.attachments.get(name="advies.pdf")
    assert attachment.message_id == note.pk
    url = f"/advice/{asked.pk}/files/{attachment.pk}/"
    client.force_login(participant)
    assert client.get(url).status_code == 404
    client.force_login(trainer)
    assert client.get(url).status_code == 200
