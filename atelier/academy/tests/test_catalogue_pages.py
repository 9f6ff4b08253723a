"""The public catalogue, an edition's page and the staff overview of editions."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from atelier.academy.models import Edition, Session
from atelier.academy.tests.factories import make_course, make_edition, make_venue

BRUSSELS = ZoneInfo("Europe/Brussels")
pytestmark = pytest.mark.django_db


def english() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def catalogue_titles(query: str = "") -> list[str]:
    response = english().get(reverse("academy:catalogue") + query)
    assert response.status_code == 200
    return [edition.course.title for edition in response.context["page"].object_list]


def in_days(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def test_catalogue_lists_open_published_editions_by_start():
    make_edition(make_course(title="Later", title_en="Later"), starts=in_days(60))
    make_edition(make_course(title="Sooner", title_en="Sooner"), starts=in_days(10))
    make_edition(make_course(title="Draft"), starts=in_days(5), status=Edition.Status.DRAFT)
    make_edition(make_course(title="Off"), starts=in_days(5), status=Edition.Status.CANCELLED)
    make_edition(make_course(title="Past"), starts=in_days(-10))

    assert catalogue_titles() == ["Sooner", "Later"]


def test_catalogue_keeps_an_edition_whose_registration_is_still_open_after_it_started():
    make_edition(make_course(title="Running"), starts=in_days(-3), deadline=in_days(4))

    assert catalogue_titles() == ["Running"]


def test_catalogue_shows_titles_in_the_interface_language():
    make_edition(make_course(title="Service design in één dag", title_en="Service design in a day"))

    assert "Service design in a day" in english().get("/academy/").content.decode()
    dutch = Client(HTTP_ACCEPT_LANGUAGE="nl").get("/academy/").content.decode()
    assert "Service design in één dag" in dutch


def test_catalogue_filters_by_level_province_month_and_language(antwerp, flemish_brabant):
    leuven = make_venue(province=flemish_brabant, city="Leuven")
    geel = make_venue(province=antwerp, city="Geel")
    start = datetime.datetime(2030, 3, 10, 9, tzinfo=BRUSSELS)
    make_edition(make_course(1, title="Intro Geel"), starts=start, venue=geel)
    make_edition(make_course(2, title="Dag Leuven"), starts=start, venue=leuven)
    make_edition(
        make_course(2, title="Day April"), starts=start.replace(month=4), venue=geel, language="en"
    )

    assert catalogue_titles("?level=1") == ["Intro Geel"]
    assert catalogue_titles("?province=20001") == ["Dag Leuven"]
    assert catalogue_titles("?month=2030-04") == ["Day April"]
    assert catalogue_titles("?month=2030-03") == ["Intro Geel", "Dag Leuven"]
    assert catalogue_titles("?language=en") == ["Day April"]
    assert catalogue_titles("?level=2&province=10000") == ["Day April"]


def test_a_course_link_shows_that_course_s_editions_and_a_way_back():
    chosen = make_course(title="Intro", title_en="Introduction")
    make_edition(chosen, starts=in_days(10))
    make_edition(chosen, starts=in_days(40))
    make_edition(make_course(title="Other", title_en="Other"), starts=in_days(20))

    assert catalogue_titles(f"?course={chosen.pk}") == ["Introduction", "Introduction"]
    page = english().get(f"/academy/?course={chosen.pk}").content.decode()
    assert "The editions of Introduction." in page
    assert 'href="/academy/">Show all training and seminars' in page
    assert len(catalogue_titles("?course=nonsense")) == 3


def test_search_links_a_course_to_its_editions():
    from atelier.search.providers import course_entry

    course = make_course(title="Intro")
    assert course_entry(course).url == f"/academy/?course={course.pk}"


def test_catalogue_ignores_a_malformed_month():
    make_edition()

    assert len(catalogue_titles("?month=2030-13")) == 1


def test_catalogue_row_shows_place_prices_and_seats():
    make_edition(
        make_course(title="Betalend"),
        price_member=Decimal("120.00"),
        price_non_member=Decimal("240.00"),
        capacity=12,
    )
    full = make_edition(make_course(title="Vol"), capacity=1)
    full.confirmed_count = 1
    full.save()
    online = make_edition(make_course(title="Online"))
    online.sessions.update(venue=None, online_url="https://meet.example.org/abc")

    html = english().get("/academy/").content.decode()

    assert "€ 120,00" in html and "€ 240,00" in html
    assert "free" in html
    assert "waitlist" in html
    assert "Geel" in html and "online" in html
    assert ">12<" in html


def test_catalogue_query_count_does_not_grow_with_editions():
    venue = make_venue()
    course = make_course()

    def queries_for(editions: int) -> int:
        Edition.objects.all().delete()
        for index in range(editions):
            make_edition(course, starts=in_days(10 + index), venue=venue)
        client = english()
        client.get("/academy/")  # warm the caches (levels, provinces)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/academy/").status_code == 200
        return len(queries)

    assert queries_for(5) == queries_for(40)


def test_catalogue_paginates_by_fifty():
    course = make_course()
    venue = make_venue()
    for index in range(51):
        make_edition(course, starts=in_days(10 + index), venue=venue)

    assert len(catalogue_titles()) == 50
    assert len(catalogue_titles("?page=2")) == 1


def test_htmx_request_gets_only_the_results():
    make_edition()

    response = english().get("/academy/", HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results"')
    assert "<h1>" not in html


def test_edition_page_shows_sessions_in_brussels_time_with_place_and_trainer(trainer):
    start = datetime.datetime(2030, 7, 1, 9, 30, tzinfo=BRUSSELS)
    edition = make_edition(
        make_course(2, title="Dag", title_en="Day"), starts=start, sessions=2, language="en"
    )
    online = edition.sessions.last()
    online.venue = None
    online.online_url = "https://meet.example.org/day"
    online.trainer = trainer
    online.save()

    response = english().get(reverse("academy:edition", args=[edition.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "09:30–16:30" in html  # summer time: 07:30 UTC
    assert "Markt 1, 2440 Geel" in html
    assert "https://meet.example.org/day" in html
    assert str(trainer) in html
    assert all(escape(objective) in html for objective in edition.course.level.objectives)
    assert "free" in html
    assert "English" in html
    assert reverse("academy:edition_ical", args=[edition.pk]) in html


def test_edition_page_includes_the_enrolment_box():
    edition = make_edition()

    response = english().get(reverse("academy:edition", args=[edition.pk]))

    assert "academy/enrolment/_box.html" in [t.name for t in response.templates]


@pytest.mark.parametrize("status", [Edition.Status.DRAFT, Edition.Status.CANCELLED])
def test_draft_or_cancelled_edition_is_404_to_participants_but_shown_to_staff(
    status, participant, trainer
):
    edition = make_edition(status=status)
    url = reverse("academy:edition", args=[edition.pk])
    client = english()

    assert client.get(url).status_code == 404
    client.force_login(participant)
    assert client.get(url).status_code == 404
    client.force_login(trainer)
    assert client.get(url).status_code == 200


def test_staff_overview_lists_every_edition_with_counts_and_admin_links(trainer):
    draft = make_edition(make_course(title="Concept"), status=Edition.Status.DRAFT, capacity=9)
    published = make_edition(make_course(title="Gepubliceerd"))
    published.confirmed_count, published.waitlist_count = 3, 2
    published.save()
    client = english()
    client.force_login(trainer)

    response = client.get(reverse("academy:staff_editions"))

    html = response.content.decode()
    assert {e.pk for e in response.context["page"].object_list} == {draft.pk, published.pk}
    assert reverse("admin:academy_edition_change", args=[draft.pk]) in html
    assert ">3<" in html and ">2<" in html and ">9<" in html


def test_staff_overview_is_forbidden_to_participants(participant):
    client = english()
    client.force_login(participant)

    assert client.get(reverse("academy:staff_editions")).status_code == 403


def test_staff_overview_query_count_does_not_grow_with_editions(trainer):
    course = make_course()
    venue = make_venue()
    client = english()
    client.force_login(trainer)

    def queries_for(editions: int) -> int:
        Edition.objects.all().delete()
        for index in range(editions):
            make_edition(course, starts=in_days(index), venue=venue)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("academy:staff_editions"))
        return len(queries)

    assert queries_for(3) == queries_for(30)


def test_edition_page_lists_sessions_in_order():
    edition = make_edition(sessions=3)

    response = english().get(reverse("academy:edition", args=[edition.pk]))

    starts = [s.starts_at for s in response.context["sessions"]]
    assert starts == sorted(starts) and len(starts) == 3
    assert Session.objects.filter(edition=edition).count() == 3


def test_catalogue_shows_closed_for_an_edition_past_its_deadline():
    closed = make_edition(
        make_course(title="Te laat", title_en="Too late"),
        starts=in_days(5),
        deadline=in_days(-1),
    )
    open_ = make_edition(make_course(title="Open", title_en="Open"), starts=in_days(20))

    html = english().get(reverse("academy:catalogue")).content.decode()

    table_rows = html.split('<table id="editions">')[1].split("<tr>")
    closed_row = next(row for row in table_rows if f"/editions/{closed.pk}/" in row)
    open_row = next(row for row in table_rows if f"/editions/{open_.pk}/" in row)
    assert ">closed<" in closed_row and ">closed<" not in open_row
    cards = html.split('id="edition-cards"')[1].split("</ul>")[0].split('<li class="card')
    closed_card = next(card for card in cards if f"/editions/{closed.pk}/" in card)
    assert ">closed<" in closed_card


def test_catalogue_lists_each_edition_as_a_card_too():
    edition = make_edition(make_course(title="Kaart", title_en="Card"), starts=in_days(10))

    html = english().get(reverse("academy:catalogue")).content.decode()

    cards = html.split('id="edition-cards"')[1].split("</ul>")[0]
    assert f'href="/academy/editions/{edition.pk}/"' in cards
    assert "Seats left" in cards and "20" in cards
