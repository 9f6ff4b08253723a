import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from atelier.knowledge.models import Attachment, Audience, Kind, KnowledgeItem, Status, Topic
from atelier.knowledge.services import add_attachment
from atelier.lib.uploads import MB

from .factories import docx_bytes, make_item, pdf_bytes

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider_of_non_member", "participant", "coordinator", "trainer"]
# Which audiences each kind of reader may read.
MAY_READ = {
    "anonymous": {"public"},
    "outsider_of_non_member": {"public"},
    "participant": {"public", "members"},
    "coordinator": {"public", "members"},
    "trainer": {"public", "members", "staff"},
}


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def readers(participant, coordinator, trainer, outsider) -> dict:
    outsider.organisation.is_member = False
    outsider.organisation.save()
    return {
        "anonymous": None,
        "outsider_of_non_member": outsider,
        "participant": participant,
        "coordinator": coordinator,
        "trainer": trainer,
    }


@pytest.fixture
def by_audience() -> dict[str, KnowledgeItem]:
    items = {}
    for audience in Audience.values:
        item = make_item(f"Item voor {audience}", audience=audience)
        add_attachment(item=item, name=f"{audience}.pdf", content=pdf_bytes(audience), by=None)
        items[audience] = item
    return items


def _as(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_each_reader_sees_only_their_audiences_on_list_page_and_download(
    client, readers, by_audience, role
):
    client = _as(client, readers[role])
    listed = client.get(reverse("knowledge:list")).content.decode()
    for audience, item in by_audience.items():
        allowed = audience in MAY_READ[role]
        assert (item.title in listed) is allowed
        page = client.get(reverse("knowledge:item", args=[item.pk]))
        assert page.status_code == (200 if allowed else 404)
        attachment = item.attachments.get()
        download = client.get(reverse("knowledge:attachment", args=[item.pk, attachment.pk]))
        assert download.status_code == (200 if allowed else 404)
        if allowed:
            assert download.content.startswith(b"%PDF")
            assert download["Content-Disposition"].startswith("attachment")


def test_drafts_are_for_staff_only(client, participant, trainer):
    draft = make_item("Ontwerp", status=Status.DRAFT, audience=Audience.PUBLIC)
    url = reverse("knowledge:item", args=[draft.pk])
    assert _as(client, participant).get(url).status_code == 404
    assert _as(client, trainer).get(url).status_code == 200


def test_an_attachment_of_another_item_answers_404(client, by_audience):
    public, members = by_audience["public"], by_audience["members"]
    hidden = members.attachments.get()
    url = reverse("knowledge:attachment", args=[public.pk, hidden.pk])
    assert client.get(url).status_code == 404


def test_the_list_filters_by_topic_kind_and_year(client):
    make_item("Leefloon FAQ", topics=("social-policy",), kind=Kind.FAQ)
    make_item("Begroting nieuws", topics=("finance",), kind=Kind.NEWS)
    old = make_item("Oude nota", topics=("finance",), kind=Kind.LEGAL_NOTE)
    old.published_at = datetime.datetime(2021, 3, 1, tzinfo=datetime.UTC)
    old.save()
    url = reverse("knowledge:list")
    by_topic = client.get(url, {"topic": "finance"}).content.decode()
    assert "Begroting nieuws" in by_topic and "Leefloon FAQ" not in by_topic
    by_kind = client.get(url, {"kind": "faq"}).content.decode()
    assert "Leefloon FAQ" in by_kind and "Begroting nieuws" not in by_kind
    by_year = client.get(url, {"year": "2021"}).content.decode()
    assert "Oude nota" in by_year and "Begroting nieuws" not in by_year


def test_the_list_pages_by_twenty(client):
    for number in range(25):
        make_item(f"Nieuws nummer {number:02d}", kind=Kind.NEWS)
    first = client.get(reverse("knowledge:list")).content.decode()
    second = client.get(reverse("knowledge:list"), {"page": 2}).content.decode()
    assert first.count("Nieuws nummer") == 20 and second.count("Nieuws nummer") == 5


def test_the_list_query_count_does_not_grow_with_items(
    client, participant, django_assert_max_num_queries
):
    client.force_login(participant)
    make_item("Eerste", topics=("finance", "digital"), audience=Audience.MEMBERS)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("knowledge:list"))
    for number in range(15):
        make_item(f"Item {number}", topics=("finance", "housing"), author=participant)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("knowledge:list"))
    assert response.content.decode().count("knowledge-row__title") == 16


def test_item_page_shows_kind_topics_audience_body_and_book_prices(client, participant):
    client.force_login(participant)
    book = make_item(
        "Handboek OCMW-integratie",
        kind=Kind.BOOK,
        audience=Audience.MEMBERS,
        body="## Inhoud\n\n- deel een",
        isbn="9789082314503",
        member_price=Decimal("29.50"),
        non_member_price=Decimal("45.00"),
        author_name="Redactie Lokaal",
    )
    html = client.get(reverse("knowledge:item", args=[book.pk])).content.decode()
    assert "<h2>Inhoud</h2>" in html and "<li>deel een</li>" in html
    assert "Book" in html and "Members only" in html and "Social policy and OCMW" in html
    assert "Redactie Lokaal" in html and "9789082314503" in html
    assert re.search(r"29[.,]50", html) and re.search(r"45[.,]00", html)


def test_a_magazine_issue_lists_its_articles_and_an_article_links_its_issue(client):
    issue = make_item("Lokaal Magazine, april 2026", kind=Kind.MAGAZINE_ISSUE)
    article = make_item("Het sociaal huis als voordeur", kind=Kind.ARTICLE, magazine_issue=issue)
    hidden = make_item("Intern artikel", kind=Kind.ARTICLE, magazine_issue=issue,
                       audience=Audience.STAFF)  # fmt: skip
    issue_page = client.get(reverse("knowledge:item", args=[issue.pk])).content.decode()
    assert "Het sociaal huis als voordeur" in issue_page and hidden.title not in issue_page
    article_page = client.get(reverse("knowledge:item", args=[article.pk])).content.decode()
    assert "In magazine issue" in article_page and issue.title in article_page


def test_related_items_show_only_what_the_reader_may_read(client):
    item = make_item("Leefloon")
    seen = make_item("Armoedebeleid")
    unseen = make_item("Interne nota", audience=Audience.STAFF)
    item.related.add(seen, unseen)
    html = client.get(reverse("knowledge:item", args=[item.pk])).content.decode()
    assert "Armoedebeleid" in html and "Interne nota" not in html


def test_a_replaced_legal_note_shows_a_loud_banner_with_the_newer_note(client):
    newer = make_item("Nota 2025", kind=Kind.LEGAL_NOTE)
    older = make_item("Nota 2019", kind=Kind.LEGAL_NOTE, replaced_by=newer)
    html = client.get(reverse("knowledge:item", args=[older.pk])).content.decode()
    assert 'role="alert"' in html and "Out of date" in html
    assert f'href="{reverse("knowledge:item", args=[newer.pk])}">Nota 2025</a>' in html
    current = client.get(reverse("knowledge:item", args=[newer.pk])).content.decode()
    assert "Out of date" not in current


def test_a_legal_note_past_valid_until_shows_the_banner(client):
    expired = make_item("Verkiezingsuitgaven", kind=Kind.LEGAL_NOTE,
                        valid_until=datetime.date(2024, 10, 13))  # fmt: skip
    valid = make_item("Camerawet", kind=Kind.LEGAL_NOTE, valid_until=datetime.date(2099, 1, 1))
    html = client.get(reverse("knowledge:item", args=[expired.pk])).content.decode()
    assert "Out of date" in html and "valid until" in html
    assert (
        "Out of date" not in client.get(reverse("knowledge:item", args=[valid.pk])).content.decode()
    )


def _form_data(item: KnowledgeItem | None = None, **changes) -> dict:
    data = {
        "kind": "faq",
        "title": "Leefloon aanvragen",
        "summary": "Kort",
        "body": "## Stappen\n\n1. Aanvraag",
        "language": "nl",
        "audience": "members",
        "topics": [Topic.objects.get(slug="social-policy").pk],
        "revision": item.revision if item else "",
    }
    return data | changes


def test_staff_write_publish_and_edit_an_item_keeping_the_published_text(client, trainer):
    client.force_login(trainer)
    response = client.post(reverse("knowledge:item_create"), _form_data())
    item = KnowledgeItem.objects.get(title="Leefloon aanvragen")
    assert response.url == reverse("knowledge:item", args=[item.pk])
    client.post(reverse("knowledge:item_status", args=[item.pk]), {"status": "published"})
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.published_at is not None
    client.post(reverse("knowledge:item_edit", args=[item.pk]), _form_data(item, body="Nieuw"))
    item.refresh_from_db()
    assert item.body == "Nieuw"
    versions = client.get(reverse("knowledge:versions", args=[item.pk])).content.decode()
    assert "Leefloon aanvragen" in versions
    old = client.get(reverse("knowledge:version", args=[item.pk, 1])).content.decode()
    assert "<h2>Stappen</h2>" in old


def test_a_stale_edit_is_refused_showing_the_other_save_and_keeping_the_input(client, trainer):
    item = make_item("Origineel", body="Eerste tekst")
    client.force_login(trainer)
    opened = _form_data(item)
    client.post(reverse("knowledge:item_edit", args=[item.pk]),
                opened | {"body": "Tekst van de collega"})  # fmt: skip
    response = client.post(reverse("knowledge:item_edit", args=[item.pk]),
                           opened | {"body": "Mijn eigen tekst"})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this item" in html
    assert "Tekst van de collega" in html  # what the other person saved
    assert "Mijn eigen tekst" in html  # what this person typed, still in the form
    assert 'name="revision" value="2"' in html
    item.refresh_from_db()
    assert item.body == "Tekst van de collega"
    client.post(reverse("knowledge:item_edit", args=[item.pk]),
                _form_data(item, body="Mijn eigen tekst"))  # fmt: skip
    item.refresh_from_db()
    assert item.body == "Mijn eigen tekst"


def test_members_cannot_write(client, coordinator):
    item = make_item()
    client.force_login(coordinator)
    assert client.get(reverse("knowledge:item_create")).status_code == 403
    assert client.post(reverse("knowledge:item_edit", args=[item.pk]), {}).status_code == 403
    upload = client.post(reverse("knowledge:attachment_add", args=[item.pk]), {})
    assert upload.status_code == 403


def test_the_preview_is_sanitised(client, trainer):
    client.force_login(trainer)
    response = client.post(
        reverse("knowledge:preview"),
        {"body": "# Titel\n\n<script>alert(1)</script> [x](javascript:alert(1))"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "<h2>Titel</h2>" in html and "<script" not in html and "<a" not in html
    assert "<html" not in html  # only the fragment


def _upload(client, item, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("knowledge:attachment_add", args=[item.pk]),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kapot.pdf", b"%PDF-1.7\n1 0 obj <<", "damaged"),
        ("vermomd.docx", b"PK\x03\x04 not really a zip", "damaged"),
        ("script.exe", b"MZ\x90\x00", "Attach a PDF, Word"),
        ("tabel.xlsx", b"Gemeente;Bedrag\nGeel;1\n", "not the XLSX file"),
    ],
)
def test_bad_attachments_are_refused_with_a_message_never_a_server_error(
    client, trainer, name, content, message
):
    item = make_item()
    client.force_login(trainer)
    response = _upload(client, item, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_attachment_over_the_limit_is_refused(client, trainer, settings):
    from atelier.lib import uploads

    item = make_item()
    client.force_login(trainer)
    limit = uploads.UPLOAD_LIMITS["knowledge:attachment_add"]
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * MB
    response = _upload(client, item, "groot.pdf", b"%PDF" + b"0" * (limit + 10))
    assert "larger than 20 MB" in response.content.decode()
    assert not Attachment.objects.exists()


def test_staff_attach_a_docx_and_its_text_is_kept(client, trainer):
    item = make_item()
    client.force_login(trainer)
    response = _upload(client, item, "model.docx", docx_bytes("Delegatie aan de directeur."))
    assert "The file is attached." in response.content.decode()
    assert "Delegatie aan de directeur." in item.attachments.get().extracted_text


def test_staff_manage_topics(client, trainer, expert):
    client.force_login(trainer)
    client.post(reverse("knowledge:topics"), {"new-name_nl": "Dierenwelzijn", "new-name_en": ""})
    topic = Topic.objects.get(name_nl="Dierenwelzijn")
    client.post(reverse("knowledge:topic_edit", args=[topic.slug]),
                {"name_nl": "Dieren", "name_en": "Animals", "expert": expert.pk})  # fmt: skip
    topic.refresh_from_db()
    assert (topic.name_nl, topic.is_active, topic.expert) == ("Dieren", False, expert)
    client.post(reverse("knowledge:topic_move", args=[topic.slug]), {"direction": "up"})
    assert list(Topic.objects.values_list("slug", flat=True))[-2] == topic.slug
    page = client.get(reverse("knowledge:topics")).content.decode()
    assert "Dieren" in page and "out of use" in page


def test_topics_are_not_for_members(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("knowledge:topics")).status_code == 403
