"""Saving fit checks, their rules version, and the pages: questionnaire, result, PDF."""

import copy
import io
import json
from pathlib import Path

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from atelier.guidance.models import FitCheck
from atelier.guidance.rules.fit_check import DEFAULT
from atelier.guidance.services.fit import record_fit_check
from atelier.guidance.services.rules import current_rules, publish, save_draft, start_draft
from atelier.projects.services import open_project

PRINT_CSS = Path(__file__).resolve().parents[1] / "static" / "guidance"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def best_answers(data=DEFAULT):
    return {q["key"]: max(q["options"], key=lambda o: o["score"])["key"] for q in data["questions"]}


@pytest.fixture
def check(project, participant):
    return record_fit_check(project=project, answers=best_answers(), by=participant)


def publish_new_version(trainer, change):
    draft = start_draft(kind="fit_check", by=trainer)
    data = copy.deepcopy(draft.data)
    change(data)
    save_draft(rules=draft, document=json.dumps(data), note="test", by=trainer)
    return publish(rules=draft, by=trainer)


def test_recording_keeps_answers_rules_and_language_neutral_figures(check):
    assert check.rules == current_rules("fit_check")
    assert check.answers == best_answers()
    assert check.result["recommendation"] == "go"
    assert check.result["percent"] == 100
    assert check.result["level"] == 3
    assert [row["key"] for row in check.result["dimensions"]][0] == "problem"
    assert "title" not in check.result  # texts are rendered from the rules, per reader


def test_recording_refuses_missing_answers(project, participant):
    answers = best_answers()
    del answers["backing"]
    with pytest.raises(ValidationError):
        record_fit_check(project=project, answers=answers, by=participant)
    assert not FitCheck.objects.exists()


def test_a_stored_check_keeps_its_rules_version_after_staff_publish_a_new_one(
    client, check, trainer, participant
):
    def rename_first_question(data):
        data["questions"][0]["text"] = {"nl": "Nieuwe vraag?", "en": "A brand new question?"}

    newer = publish_new_version(trainer, rename_first_question)
    assert current_rules("fit_check") == newer
    check.refresh_from_db()
    assert check.rules.version == 1
    client.force_login(participant)
    page = client.get(reverse("guidance:fit_result", args=[check.pk])).content.decode()
    assert "Is the challenge about a service that people use?" in page
    assert "A brand new question?" not in page
    later = record_fit_check(project=check.project, answers=best_answers(), by=participant)
    assert later.rules == newer


def test_a_new_version_with_a_new_question_needs_it_answered(project, participant, trainer):
    def add_question(data):
        extra = copy.deepcopy(data["questions"][0])
        extra["key"] = "extra"
        extra["text"] = {"nl": "Extra?", "en": "One more question?"}
        data["questions"].append(extra)

    publish_new_version(trainer, add_question)
    with pytest.raises(ValidationError, match="One more question"):
        record_fit_check(project=project, answers=best_answers(), by=participant)


def test_the_team_sees_the_questionnaire_in_fieldsets(client, project, participant):
    client.force_login(participant)
    response = client.get(reverse("guidance:fit", args=[project.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<fieldset") == 12
    assert page.count("<legend>") == 12
    assert 'type="radio"' in page and 'name="backing"' in page
    assert "No fit check yet." in page


def test_posting_all_answers_records_a_check_and_shows_its_result(client, project, participant):
    client.force_login(participant)
    response = client.post(reverse("guidance:fit", args=[project.pk]), best_answers())
    check = FitCheck.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("guidance:fit_result", args=[check.pk])
    assert check.created_by == participant


def test_posting_with_a_missing_answer_names_it_and_keeps_the_others(client, project, participant):
    client.force_login(participant)
    answers = best_answers()
    del answers["time"]
    response = client.post(reverse("guidance:fit", args=[project.pk]), answers)
    page = response.content.decode()
    assert response.status_code == 400
    assert "How much time is there before decisions must be made?" in page
    assert 'value="explicit" checked' in page
    assert not FitCheck.objects.exists()


def test_the_coordinator_of_the_organisation_may_take_the_check(client, project, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("guidance:fit", args=[project.pk]), best_answers())
    assert response.status_code == 302


def test_staff_read_the_checks_but_take_none(client, check, trainer):
    client.force_login(trainer)
    page = client.get(reverse("guidance:fit", args=[check.project.pk])).content.decode()
    assert "only its team can take a new one" in page
    assert "<fieldset" not in page
    assert client.get(reverse("guidance:fit_result", args=[check.pk])).status_code == 200
    response = client.post(reverse("guidance:fit", args=[check.project.pk]), best_answers())
    assert response.status_code == 403
    assert FitCheck.objects.count() == 1


def test_outsider_gets_404_on_the_questionnaire_the_result_and_the_pdf(client, check, outsider):
    client.force_login(outsider)
    assert client.get(reverse("guidance:fit", args=[check.project.pk])).status_code == 404
    assert (
        client.post(reverse("guidance:fit", args=[check.project.pk]), best_answers()).status_code
        == 404
    )
    assert client.get(reverse("guidance:fit_result", args=[check.pk])).status_code == 404
    assert client.post(reverse("guidance:fit_result", args=[check.pk])).status_code == 404
    assert client.get(reverse("guidance:fit_pdf", args=[check.pk])).status_code == 404


def test_a_check_of_another_organisations_project_is_404(client, outsider, participant):
    lennik_project = open_project(title="Lennik desk", by=outsider)
    other = record_fit_check(project=lennik_project, answers=best_answers(), by=outsider)
    client.force_login(outsider)
    assert client.get(reverse("guidance:fit_result", args=[other.pk])).status_code == 200
    client.force_login(participant)
    assert client.get(reverse("guidance:fit_result", args=[other.pk])).status_code == 404
    assert client.get(reverse("guidance:fit_pdf", args=[other.pk])).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, check):
    response = client.get(reverse("guidance:fit", args=[check.project.pk]))
    assert response.status_code == 302


def test_the_result_page_shows_bars_table_reasons_advice_and_steps(client, project, participant):
    answers = best_answers() | {"backing": "none", "departments": "few"}
    check = record_fit_check(project=project, answers=answers, by=participant)
    client.force_login(participant)
    page = client.get(reverse("guidance:fit_result", args=[check.pk])).content.decode()
    assert 'role="img"' in page and '<title id="fit-chart-title">' in page
    assert '<th scope="row">The organisation</th>' in page
    assert "a journey across them shows the gaps people fall into" in page
    assert "Partly: start small" in page
    assert "Level 2 · one-day training" in page
    assert "Do the council and management back the project?" in page
    assert "holds the advice back" in page
    assert "Narrow the question to one part of the service" in page
    assert "guidance/fit.css" in page  # its print rules: @media print
    assert "@media print" in (PRINT_CSS / "fit.css").read_text()
    assert reverse("guidance:fit_pdf", args=[check.pk]) in page


def test_the_result_reads_in_dutch_for_a_dutch_reader(client, check, participant, settings):
    client.force_login(participant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    page = client.get(reverse("guidance:fit_result", args=[check.pk])).content.decode()
    assert "Ga ervoor: service design past" in page
    assert "Gaat de uitdaging over een dienst die mensen gebruiken?" in page


def test_the_project_page_lists_earlier_checks_newest_first(client, project, participant):
    first = record_fit_check(project=project, answers=best_answers(), by=participant)
    second = record_fit_check(
        project=project, answers=best_answers() | {"is_service": "no"}, by=participant
    )
    client.force_login(participant)
    page = client.get(reverse("guidance:fit", args=[project.pk])).content.decode()
    assert page.index(reverse("guidance:fit_result", args=[second.pk])) < page.index(
        reverse("guidance:fit_result", args=[first.pk])
    )
    assert "Latest result" in page and "Not now" in page
    assert "version 1" in page
    assert 'value="no" checked' in page  # a new round starts from the latest answers


def test_the_project_page_does_not_query_more_with_more_checks(
    client, project, participant, django_assert_max_num_queries
):
    client.force_login(participant)
    url = reverse("guidance:fit", args=[project.pk])
    record_fit_check(project=project, answers=best_answers(), by=participant)
    client.get(url)
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    for _ in range(5):
        record_fit_check(project=project, answers=best_answers(), by=participant)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_pdf_reads_back_with_the_advice_and_the_scores(client, project, participant):
    answers = best_answers() | {"access_users": "not_at_all"}
    check = record_fit_check(project=project, answers=answers, by=participant)
    client.force_login(participant)
    response = client.get(reverse("guidance:fit_pdf", args=[check.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    assert "One front door for social services" in text
    assert "Partly: start small" in text
    assert "Access to users and data" in text
    assert "Can you reach and talk to the users?" in text
    assert "Level 2" in text


def test_a_get_on_the_result_by_post_is_not_allowed(client, check, participant):
    client.force_login(participant)
    assert client.post(reverse("guidance:fit_result", args=[check.pk])).status_code == 405
