import datetime

from django.test import Client
from django.utils import timezone

from atelier.advice import services
from atelier.advice.models import QuestionStatus

from .factories import question


def signed_in(person) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(person)
    return client


def test_participant_home_lists_open_and_answered_questions(participant, trainer):
    question(participant, subject="Nog open vraag")
    answered = question(participant, subject="Beantwoorde vraag")
    services.reply(question=answered, by=trainer, body="Ja.")
    page = signed_in(participant).get("/").content.decode()
    assert "Nog open vraag" in page and "Beantwoorde vraag" in page


def test_coordinator_home_lists_the_organisations_open_questions(coordinator, participant):
    question(participant, subject="Vraag van de collega")
    page = signed_in(coordinator).get("/").content.decode()
    assert "Vraag van de collega" in page


def test_staff_home_shows_questions_waiting(trainer, outsider):
    question(outsider, subject="Vrij", due_on=timezone.localdate() - datetime.timedelta(days=1))
    mine = question(outsider, subject="Voor de trainer", status=QuestionStatus.ASSIGNED)
    services.assign(question=mine, assignee=trainer, by=trainer)
    page = signed_in(trainer).get("/").content.decode()
    assert "Voor de trainer" in page
    assert "1 question waits for someone to take it" in page
    assert "/advice/queue/" in page
