"""Contacts by function: who may keep them, terms, import, export and erasure."""

import csv
import datetime
import io
import json

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from atelier.contacts.models import Contact, Function, FunctionKind, LawfulBasis
from atelier.contacts.services import (
    add_function,
    erase_contact,
    import_contacts,
    save_contact,
    start_new_term,
)
from atelier.knowledge.models import Topic

pytestmark = pytest.mark.django_db
OLD_TERM = datetime.date(2019, 1, 1)
NEW_TERM = datetime.date(2025, 1, 1)
HEADER = "first_name;last_name;email;phone;language;function;portfolios;starts_on;ends_on"


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def topics(db) -> dict[str, Topic]:
    return {
        slug: Topic.objects.create(slug=slug, name_nl=nl, name_en=en)
        for slug, nl, en in [
            ("welzijn", "Welzijn", "Social affairs"),
            ("financien", "Financiën", "Finance"),
            ("omgeving", "Omgeving", "Planning"),
        ]
    }


def make_contact(organisation, first: str, last: str, *functions) -> Contact:
    contact = save_contact(
        contact=None,
        organisation=organisation,
        first_name=first,
        last_name=last,
        email=f"{first.lower()}@{organisation.name_nl.lower()}.example",
        phone="014 56 66 00",
        language="nl",
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        by=None,  # type: ignore[arg-type]
    )
    for kind, topics in functions:
        add_function(contact=contact, kind=kind, topics=topics, starts_on=OLD_TERM, by=None)  # type: ignore[arg-type]
    return contact


def test_coordinator_keeps_own_contacts_and_others_get_404(
    client, coordinator, participant, outsider, trainer, geel, lennik
):
    contact = make_contact(geel, "Vera", "Celis", (FunctionKind.MAYOR, []))
    lennik_contact = make_contact(lennik, "Luc", "Peeters", (FunctionKind.MAYOR, []))
    urls = [reverse("contacts:list", args=[geel.pk]), reverse("contacts:detail", args=[contact.pk])]

    client.force_login(coordinator)
    assert [client.get(url).status_code for url in urls] == [200, 200]
    assert client.get(reverse("contacts:detail", args=[lennik_contact.pk])).status_code == 404
    assert client.get(reverse("contacts:list", args=[lennik.pk])).status_code == 404
    for person in (participant, outsider):
        client.force_login(person)
        assert [client.get(url).status_code for url in urls] == [404, 404]
    client.force_login(trainer)
    assert client.get(reverse("contacts:detail", args=[lennik_contact.pk])).status_code == 200


def test_coordinator_edits_a_contact_and_adds_a_portfolio(client, coordinator, geel, topics):
    contact = make_contact(geel, "Vera", "Celis")
    client.force_login(coordinator)

    client.post(
        reverse("contacts:detail", args=[contact.pk]),
        {
            "first_name": "Vera",
            "last_name": "Celis-Janssens",
            "email": "vera.celis@geel.example",
            "phone": "",
            "language": "nl",
            "lawful_basis": LawfulBasis.PUBLIC_TASK,
        },
    )
    client.post(
        reverse("contacts:function_add", args=[contact.pk]),
        {
            "kind": FunctionKind.ALDERMAN,
            "topics": [topics["welzijn"].pk],
            "starts_on": "2025-01-01",
        },
    )

    contact.refresh_from_db()
    assert contact.last_name == "Celis-Janssens"
    function = contact.functions.get()
    assert (function.kind, list(function.topics.all())) == (
        FunctionKind.ALDERMAN,
        [topics["welzijn"]],
    )


def test_new_term_ends_elected_functions_and_keeps_the_old_ones(geel, topics):
    mayor = make_contact(geel, "Vera", "Celis", (FunctionKind.MAYOR, []))
    alderman = make_contact(geel, "Jan", "Peeters", (FunctionKind.ALDERMAN, [topics["welzijn"]]))
    director = make_contact(geel, "An", "Wouters", (FunctionKind.GENERAL_DIRECTOR, []))

    ended = start_new_term(organisation=geel, starts_on=NEW_TERM, carry_over=True, by=None)  # type: ignore[arg-type]

    assert ended == 2
    old = Function.objects.get(contact=alderman, starts_on=OLD_TERM)
    assert old.ends_on == datetime.date(2024, 12, 31)
    again = Function.objects.get(contact=alderman, starts_on=NEW_TERM)
    assert again.ends_on is None and list(again.topics.all()) == [topics["welzijn"]]
    assert mayor.functions.count() == 2
    assert director.functions.get().ends_on is None


def test_list_query_count_does_not_grow_with_contacts(client, trainer, geel, topics):
    client.force_login(trainer)
    url = reverse("contacts:list", args=[geel.pk])
    for i in range(3):
        make_contact(geel, f"P{i}", "X", (FunctionKind.COUNCILLOR, [topics["omgeving"]]))
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(3, 30):
        make_contact(geel, f"P{i}", "X", (FunctionKind.ALDERMAN, list(topics.values())))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.decode().count("/contacts/") >= 30
    assert len(many) == len(few)


def contacts_csv(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def test_import_refuses_the_whole_list_naming_each_bad_line(geel, topics):
    content = contacts_csv(
        "Vera;Celis;vera@geel.example;;nl;burgemeester;;2025-01-01;",
        "Jan;Peeters;jan@geel;;nl;schepen;Welzijn|Sport;2025-01-01;",
        "An;Wouters;;;nl;kok;;2025-01-01;",
    )

    result = import_contacts(
        organisation=geel,
        content=content,
        file_name="lijst.csv",
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        by=None,
    )

    assert [(p.line, p.reason) for p in result.problems] == [
        (3, "'jan@geel' is not an e-mail address"),
        (3, "unknown portfolio or policy domain: Sport"),
        (4, "unknown function 'kok'"),
    ]
    assert not Contact.objects.exists()


def test_import_adds_contacts_with_functions_and_portfolios(geel, topics):
    content = contacts_csv(
        "Vera;Celis;vera@geel.example;;nl;burgemeester;;2025-01-01;",
        "Jan;Peeters;jan@geel.example;;nl;schepen;Welzijn|financien;2025-01-01;",
        "Jan;Peeters;jan@geel.example;;nl;gemeenteraadslid;;01/01/2019;31/12/2024",
    )

    result = import_contacts(
        organisation=geel, content=content, file_name="lijst.csv", lawful_basis="consent", by=None
    )

    assert result.applied, result.problems
    assert (result.contacts_created, result.functions_added) == (2, 3)
    jan = Contact.objects.get(last_name="Peeters")
    assert jan.lawful_basis == "consent"
    kinds = {(f.kind, f.ends_on) for f in jan.functions.all()}
    assert kinds == {("alderman", None), ("councillor", datetime.date(2024, 12, 31))}
    alderman = jan.functions.get(kind="alderman")
    assert set(alderman.topics.all()) == {topics["welzijn"], topics["financien"]}


def test_import_page_for_a_coordinator(client, coordinator, geel, topics):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("lijst.csv", contacts_csv("Vera;Celis;;;nl;mayor;;2025-01-01;"))
    response = client.post(
        reverse("contacts:import", args=[geel.pk]), {"file": upload, "lawful_basis": "public_task"}
    )
    assert "New contacts: 1" in response.content.decode()


def test_export_as_json_and_csv_holds_the_persons_data(client, coordinator, geel, topics):
    contact = make_contact(geel, "Vera", "Celis", (FunctionKind.ALDERMAN, [topics["welzijn"]]))
    client.force_login(coordinator)

    data = json.loads(client.get(reverse("contacts:export", args=[contact.pk, "json"])).content)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("contacts:export", args=[contact.pk, "csv"])).content.decode()
            )
        )
    )

    assert data["contact"]["email"] == "vera@geel.example"
    assert data["contact"]["lawful_basis"] == "public_task"
    assert data["functions"][0]["portfolios"] == ["Social affairs"]
    assert ["last_name", "Celis"] in rows
    assert ["alderman", "alderman", "Social affairs", "2019-01-01", ""] in rows


def test_erasure_forgets_the_person_and_the_trail(client, coordinator, trainer, geel):
    contact = make_contact(geel, "Vera", "Celis", (FunctionKind.MAYOR, []))
    erase_url = reverse("contacts:erase", args=[contact.pk])
    client.force_login(coordinator)
    assert client.post(erase_url).status_code == 403

    client.force_login(trainer)
    client.post(erase_url)

    contact.refresh_from_db()
    assert (contact.first_name, contact.last_name, contact.email, contact.phone) == ("", "", "", "")
    assert contact.erased_at is not None
    assert contact.functions.count() == 1
    assert not LogEntry.objects.filter(object_repr__contains="Celis").exists()
    assert client.get(reverse("contacts:detail", args=[contact.pk])).status_code == 404
    assert erase_contact(contact=contact, by=trainer).erased_at == contact.erased_at
