"""The search contract: the same tests on SQLite (FTS5) and PostgreSQL (tsvector, pg_trgm).

CI runs the suite on both databases; run it locally with and without DATABASE_URL.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from atelier.knowledge.models import Audience, Kind, Status
from atelier.search import engine
from atelier.search.engine import facets, search
from atelier.search.models import DocumentType, SearchDocument

from .conftest import make_item, pdf_attachment

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def test_runs_on_the_engine_of_the_database():
    assert connection.vendor in ("sqlite", "postgresql")


def test_inflected_form_finds_the_base_form():
    make_item("Fusies van gemeenten", "Wat verandert er voor de gemeente na een fusie?")
    make_item("Zwembaden", "Openingsuren van het zwembad.")
    assert titles(search(None, "gemeenten")) == ["Fusies van gemeenten"]
    assert titles(search(None, "gemeente")) == ["Fusies van gemeenten"]
    assert titles(search(None, "fusie")) == ["Fusies van gemeenten"]


def test_plural_with_a_shorter_vowel_finds_the_singular():
    make_item("Het leefloon", "Wie heeft recht op een leefloon van het OCMW?")
    assert titles(search(None, "leeflonen")) == ["Het leefloon"]


def test_first_part_of_a_compound_finds_the_compound():
    make_item("Lokaal armoedebeleid", "Een plan tegen kinderarmoede.")
    make_item("Verkeersveiligheid", "Zones 30 rond scholen.")
    assert titles(search(None, "armoede")) == ["Lokaal armoedebeleid"]


def test_misspelling_is_forgiven():
    make_item("Subsidie voor jeugdwerk", "Hoe vraag je de subsidie aan?")
    results = search(None, "subsidei")
    assert titles(results) == ["Subsidie voor jeugdwerk"]
    assert results.corrections == {"subsidei": ["subsidie"]}


def test_every_word_must_match():
    make_item("Subsidie voor jeugdwerk", "Hoe vraag je de subsidie aan?")
    make_item("Subsidie voor sport", "Sportclubs vragen ze aan bij de sportdienst.")
    assert titles(search(None, "subsidie jeugdwerk")) == ["Subsidie voor jeugdwerk"]


def test_phrase_matches_the_words_in_that_order_only():
    make_item("Sociaal huis", "Het sociaal huis is de eerste deur voor hulp.")
    make_item("Huis van het kind", "Een sociaal en warm huis voor ouders.")
    assert titles(search(None, '"sociaal huis"')) == ["Sociaal huis"]
    assert sorted(titles(search(None, "sociaal huis"))) == ["Huis van het kind", "Sociaal huis"]


def test_title_match_ranks_above_a_text_match():
    make_item("Nieuwe regels", "Wat de nieuwe regels betekenen voor de mobiliteit in de stad.")
    make_item("Mobiliteit in de gemeente", "Een overzicht van de regels.")
    assert titles(search(None, "mobiliteit"))[0] == "Mobiliteit in de gemeente"


def test_equal_relevance_ranks_the_newest_first():
    old = make_item("Kinderopvang", "Kinderopvang in de gemeente.")
    new = make_item("Kinderopvang", "Kinderopvang in de gemeente.")
    SearchDocument.objects.filter(object_id=old.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert [hit.object_id for hit in search(None, "kinderopvang").hits] == [new.pk, old.pk]


def test_snippet_marks_the_match_and_escapes_the_text():
    make_item("Bestuur", "<p>Het college &amp; de raad: &lt;script&gt; over de begroting.</p>")
    [hit] = search(None, "begroting").hits
    assert "<mark>begroting</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "college &amp; de raad" in hit.snippet


def test_sentence_of_a_pdf_attachment_is_found():
    item = make_item("Modelreglement", "Een reglement voor de gemeenteraad.")
    pdf_attachment(item, "De deontologische code geldt ook voor de voorzitter van het vast bureau.")
    results = search(None, "deontologische code voorzitter")
    assert titles(results) == ["Modelreglement"]
    assert "<mark>" in results.hits[0].snippet


def test_filters_by_type_topic_kind_and_year():
    make_item("Klimaatplan", "Klimaat", topics=("climate",), kind=Kind.NEWS)
    make_item(
        "Klimaatadaptatie",
        "Klimaat",
        topics=("spatial-planning",),
        kind=Kind.LEGAL_NOTE,
        published=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC),
    )
    assert titles(search(None, "klimaat", topics=["climate"])) == ["Klimaatplan"]
    assert titles(search(None, "klimaat", kinds=[Kind.LEGAL_NOTE])) == ["Klimaatadaptatie"]
    assert titles(search(None, "klimaat", years=[2024])) == ["Klimaatadaptatie"]
    assert search(None, "klimaat", types=[DocumentType.PROJECT]).count == 0


def test_facets_count_the_matches():
    make_item("Klimaatplan", "Klimaat", topics=("climate",), kind=Kind.NEWS)
    make_item("Klimaatnota", "Klimaat", topics=("climate", "mobility"), kind=Kind.ARTICLE)
    counted = facets(None, "klimaat")
    assert counted["types"] == [(DocumentType.KNOWLEDGE, 2)]
    assert dict(counted["topics"]) == {"climate": 2, "mobility": 1}
    assert dict(counted["kinds"]) == {Kind.NEWS: 1, Kind.ARTICLE: 1}
    # A facet ignores its own filter, so the other kinds stay on offer.
    assert dict(facets(None, "klimaat", kinds=[Kind.NEWS])["kinds"]) == {
        Kind.NEWS: 1,
        Kind.ARTICLE: 1,
    }


def test_paging_counts_all_and_returns_a_slice():
    for number in range(7):
        make_item(f"Begroting {number}", "De begroting van de gemeente.")
    page = search(None, "begroting", limit=3, offset=6)
    assert page.count == 7
    assert len(page.hits) == 1


def test_changes_and_deletions_reach_the_index():
    item = make_item("Waterbeleid", "Over water.")
    item.title = "Droogtebeleid"
    item.save()
    assert titles(search(None, "droogte")) == ["Droogtebeleid"]
    assert search(None, "waterbeleid").count == 0
    item.delete()
    assert search(None, "droogte").count == 0


def test_rebuild_command_fills_the_index_again():
    make_item("Waterbeleid", "Over water.")
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=None)
    assert titles(search(None, "water")) == ["Waterbeleid"]


def test_empty_or_stopword_query_finds_nothing():
    make_item("De gemeente", "Het is een gemeente.")
    assert search(None, "").count == 0
    assert search(None, "de het een").count == 0


def test_odd_characters_in_a_query_do_no_harm():
    make_item("Gemeenteraad", "De raad vergadert.")
    for query in ['"', "raad*", "raad OR NEAR(x)", "'; DROP TABLE x; --", "{title}: raad", "ü é"]:
        search(None, query)
    assert titles(search(None, "raad*")) == ["Gemeenteraad"]


def test_member_only_draft_is_found_by_staff_only(trainer, participant):
    make_item("Ontwerpnota personeel", "Personeel", audience=Audience.STAFF, status=Status.DRAFT)
    assert titles(search(trainer, "personeel")) == ["Ontwerpnota personeel"]
    assert search(participant, "personeel").count == 0


def test_a_card_edited_added_or_deleted_on_a_canvas_reaches_the_index(participant):
    from atelier.canvases.models import Card, Lane, Step
    from atelier.canvases.services.cards import add_card, delete_card, update_card
    from atelier.canvases.services.transfer import copy_canvas
    from atelier.canvases.tests.factories import make_journey, make_project

    journey = make_journey(make_project(participant), participant, stages=1, steps=1)
    lane = Lane.objects.get(canvas=journey, title="Actions")
    step = Step.objects.get(canvas=journey)
    card = add_card(
        canvas=journey, lane=lane, step=step, text="Wachtrij aan het loket", by=participant
    )
    assert titles(search(participant, "wachtrij")) == [journey.title]

    card = update_card(
        card=card, version=card.version, text="Afspraak via de website", fields={}, by=participant
    )
    assert titles(search(participant, "wachtrij")) == []
    assert titles(search(participant, "afspraak")) == [journey.title]

    copy, _dropped = copy_canvas(canvas=journey, project=journey.project, by=participant)
    assert set(titles(search(participant, "afspraak"))) == {journey.title, copy.title}

    delete_card(card=card, version=Card.objects.get(pk=card.pk).version, by=participant)
    assert titles(search(participant, "afspraak")) == [copy.title]


def test_the_start_of_a_name_finds_it_while_typing():
    # The Dutch stemmer shortens "Geel" to "gel": the typed start "gee" must still find it.
    make_item("Geel opent een sociaal huis", "Eén voordeur voor het OCMW en de stad.")
    assert titles(search(None, "gee")) == ["Geel opent een sociaal huis"]
    assert titles(search(None, "geel")) == ["Geel opent een sociaal huis"]


def test_a_broad_query_is_counted_up_to_the_cap_and_still_ranks_an_old_title_match_first(
    monkeypatch,
):
    monkeypatch.setattr(engine, "CAP", 3)
    titled = make_item("Toerisme in de regio", "Een oude nota.")
    for number in range(6):
        make_item(f"Nota {number}", "Over toerisme en de streek.")
    broad = search(None, "toerisme", limit=10)
    assert (broad.count, broad.capped) == (3, True)
    assert titles(broad)[0] == "Toerisme in de regio" and titled.pk == broad.hits[0].object_id
    assert len(broad.hits) == 3  # pages stop at the cap
    narrow = search(None, "toerisme regio")
    assert (narrow.count, narrow.capped) == (1, False)
