"""The results page, the suggestions and their query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.knowledge.models import Audience, Kind
from atelier.search import engine

from .conftest import make_item

pytestmark = pytest.mark.django_db


def test_every_page_has_the_search_box(client):
    page = client.get(reverse("members:list")).content.decode()
    assert 'role="search"' in page
    assert 'id="site-search-q"' in page
    assert 'role="combobox"' in page


def test_results_are_grouped_by_type_with_facets_and_snippets(client):
    make_item("Leefloon", "Het leefloon is een inkomen van het OCMW.", topics=("social-policy",))
    page = client.get(reverse("search:results"), {"q": "leefloon"}).content.decode()
    assert 'id="group-knowledge"' in page
    assert "<mark>leefloon</mark>" in page.lower()
    assert 'name="topic" value="social-policy"' in page


def test_a_chosen_type_shows_a_paged_list(client):
    for number in range(25):
        make_item(f"Begroting {number}", "De begroting.", kind=Kind.NEWS)
    page = client.get(reverse("search:results"), {"q": "begroting", "type": "knowledge"})
    assert len(page.context["page"].object_list) == 20
    second = client.get(
        reverse("search:results"), {"q": "begroting", "type": "knowledge", "page": 2}
    )
    assert len(second.context["page"].object_list) == 5


def test_members_only_item_is_not_on_the_page_for_anonymous(client, participant):
    make_item("Ledennota leefloon", "Leefloon", audience=Audience.MEMBERS)
    assert (
        "Ledennota" not in client.get(reverse("search:results"), {"q": "leefloon"}).content.decode()
    )
    client.force_login(participant)
    assert "Ledennota" in client.get(reverse("search:results"), {"q": "leefloon"}).content.decode()


def test_suggestions_are_options_of_a_listbox(client):
    make_item("Leefloon", "Het leefloon.")
    page = client.get(reverse("search:suggest"), {"q": "leef"}).content.decode()
    assert 'role="option"' in page
    assert "Leefloon" in page
    assert 'data-url="/knowledge/' in page


def test_user_text_is_escaped_in_suggestions_and_results(client):
    make_item("<b>Vet</b> leefloon", "Leefloon.")
    for name in ("search:suggest", "search:results"):
        page = client.get(reverse(name), {"q": "leefloon <i>"}).content.decode()
        assert "<b>Vet</b>" not in page
        assert "<i>" not in page


def _queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{"q": "begroting"}, {"q": "begroting", "type": "knowledge"}])
def test_results_page_queries_do_not_grow_with_rows(client, params):
    make_item("Begroting 0", "De begroting.", topics=("finance",))
    few = _queries(client, reverse("search:results"), params)
    for number in range(1, 30):
        make_item(f"Begroting {number}", "De begroting.", topics=("finance", "europe"))
    assert _queries(client, reverse("search:results"), params) == few


def test_suggestion_queries_do_not_grow_with_rows(client):
    make_item("Begroting 0", "De begroting.")
    few = _queries(client, reverse("search:suggest"), {"q": "begroting"})
    for number in range(1, 20):
        make_item(f"Begroting {number}", "De begroting.")
    assert _queries(client, reverse("search:suggest"), {"q": "begroting"}) == few


def test_a_broad_query_says_more_than_the_cap_and_counts_the_newest(client, monkeypatch):
    monkeypatch.setattr(engine, "CAP", 2)
    for number in range(3):
        make_item(f"Wegenwerken {number}", "Wegenwerken in de straat.", kind=Kind.NEWS)
    page = client.get(
        reverse("search:results"), {"q": "wegenwerken"}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "More than 2 results for “wegenwerken”" in page
    counted = engine.facets(None, "wegenwerken")
    assert counted.capped and counted["kinds"] == [(Kind.NEWS, 2)]
    make_item("Wegenwerken", "Een artikel.", kind=Kind.ARTICLE)
    monkeypatch.setattr(engine, "CAP", 10)
    counted = engine.facets(None, "wegenwerken")
    assert not counted.capped
    assert counted["kinds"] == [(Kind.NEWS, 3), (Kind.ARTICLE, 1)]
