"""`manage.py load_demo`: the registry and the demo people, as often as you like."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from atelier.accounts.models import User
from atelier.demo.people import DEMO_PASSWORD, DEMO_PEOPLE
from atelier.members.models import Organisation, OrganisationType, PopulationFigure


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> tuple[int, int, int]:
    return Organisation.objects.count(), User.objects.count(), PopulationFigure.objects.count()


@pytest.fixture
def demo(db, settings) -> str:
    return load_demo()


def test_load_demo_twice_duplicates_nothing(demo):
    after_first = counts()

    load_demo()

    assert counts() == after_first
    # The sign-ins, plus the askers the advice desk's demo questions come from.
    assert User.objects.filter(email__in=[p.email for p in DEMO_PEOPLE]).count() == len(DEMO_PEOPLE)
    assert Organisation.objects.filter(type=OrganisationType.INTERMUNICIPAL).count() == 50


def test_load_demo_reports_the_registry_and_the_sign_ins(demo):
    assert "285 municipalities in force (312 with history), 312 OCMWs" in demo
    assert DEMO_PASSWORD in demo
    for person in DEMO_PEOPLE:
        assert person.email in demo


def test_every_demo_person_can_sign_in_with_the_demo_password(client, demo):
    for person in DEMO_PEOPLE:
        assert client.login(email=person.email, password=DEMO_PASSWORD), person.email
        client.logout()


def test_demo_people_belong_to_their_municipality(demo):
    geel = Organisation.objects.get(nis_code="13008")

    assert set(geel.people.values_list("email", flat=True)) == {
        "coordinator.geel@atelier.example",
        "participant.geel@atelier.example",
    }
    assert User.objects.get(email="admin@atelier.example").is_administrator


def test_load_demo_restores_a_changed_demo_password(client, demo):
    person = User.objects.get(email="trainer@atelier.example")
    person.set_password("something-else-entirely")
    person.save()

    load_demo()

    assert client.login(email=person.email, password=DEMO_PASSWORD)


def test_the_demo_peoples_job_titles_are_dutch():
    titles = {person.email: person.job_title for person in DEMO_PEOPLE}

    assert titles["participant.geel@atelier.example"] == "onthaalmedewerker"
    english = re.compile(r"\b(staff|head|administrator|designer|coordinator|and|of)\b")
    assert [title for title in titles.values() if english.search(title)] == []


def test_every_demo_edition_has_a_language_the_api_can_answer(client, demo):
    from django.conf import settings

    from atelier.academy.models import Edition

    languages = {code for code, _name in settings.LANGUAGES}
    assert set(Edition.objects.values_list("language", flat=True)) <= languages
    assert client.get("/api/v1/editions?limit=1000").status_code == 200
