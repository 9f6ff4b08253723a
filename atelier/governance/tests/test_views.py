"""The governance pages: who may read and change them, and what they show."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.governance.models import (
    AttendanceStatus,
    Body,
    BodyKind,
    Gender,
    Mandate,
    MandateRole,
    MandateStatus,
    Meeting,
    Representative,
)

from .factories import make_body, seat

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
HTMX = {"HTTP_HX_REQUEST": "true"}


def client_for(user=None) -> Client:
    client = Client(**ENGLISH)
    if user is not None:
        client.force_login(user)
    return client


def detail_url(body: Body) -> str:
    return reverse("governance:body_detail", args=[body.pk])


# Who reads, who writes -------------------------------------------------------------------


@pytest.mark.parametrize("person", ["participant", "coordinator", "outsider", "expert"])
def test_members_of_the_association_get_403(board, person, request):
    user = request.getfixturevalue(person)

    assert client_for(user).get(detail_url(board.body)).status_code == 403
    assert client_for(user).get(reverse("governance:bodies")).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(board):
    response = client_for().get(detail_url(board.body))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_trainer_reads_but_cannot_change(board, trainer):
    client = client_for(trainer)

    assert client.get(detail_url(board.body)).status_code == 200
    assert client.get(reverse("governance:mandate_create", args=[board.body.pk])).status_code == 403
    response = client.post(reverse("governance:mandate_end", args=[board.seated[0].pk]))
    assert response.status_code == 403
    board.seated[0].refresh_from_db()
    assert board.seated[0].ends_on == board.body.term.ends_on


def test_trainer_sees_no_change_links(board, trainer):
    html = client_for(trainer).get(detail_url(board.body)).content.decode()

    assert "Add a mandate" not in html
    assert reverse("governance:mandate_edit", args=[board.seated[0].pk]) not in html


# The composition page ----------------------------------------------------------------------


def test_composition_page_flags_a_board_of_80_percent_men_and_a_province_left_out(board, trainer):
    women = [m for m in board.seated if m.representative.gender == Gender.FEMALE]
    for mandate in women[:3]:
        Representative.objects.filter(pk=mandate.representative_id).update(gender=Gender.MALE)
    antwerp_town = board.members["10000"][1]
    Mandate.objects.filter(organisation__province__nis_code="70000").update(
        organisation=antwerp_town
    )

    html = client_for(trainer).get(detail_url(board.body)).content.decode()

    assert "Women hold 20% of the seats (2 of 10); the target is at least 33%." in html
    assert "No seat for the province of Limburg (expected about 2)." in html
    assert html.index('id="flags"') < html.index('id="members"')


def test_balanced_board_says_it_meets_every_target(board, trainer):
    html = client_for(trainer).get(detail_url(board.body)).content.decode()

    assert "The composition meets every target." in html


def test_charts_are_images_with_a_summary_and_a_table(board, trainer):
    html = client_for(trainer).get(detail_url(board.body)).content.decode()

    for chart in ("chart-gender", "chart-provinces", "chart-sizes", "chart-parties"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
        assert f'<desc id="{chart}-desc">' in html
    assert html.count('role="img"') == 4
    assert html.count('<table class="gov-balance">') == 4
    assert "Women: 5 (50%)" in html


def test_chart_coordinates_are_not_localised(board, administrator):
    board.seated[0].delete()  # 9 of 10 seats: fractional widths
    client = client_for(administrator)

    html = client.get(detail_url(board.body), HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'x1="200.0"' in svg  # the 33% line, on the nine filled seats of a 540-wide part
    assert not re.search(r'(x|x1|width)="\d+,\d', svg)


def test_user_text_is_escaped_in_tables_and_charts(board, trainer):
    board.parties["A"].abbreviation = "<b>A</b>"
    board.parties["A"].save()

    html = client_for(trainer).get(detail_url(board.body)).content.decode()

    assert "<b>A</b>" not in html
    assert "&lt;b&gt;A&lt;/b&gt;" in html


def test_composition_on_an_earlier_day(board, trainer):
    Mandate.objects.filter(pk=board.seated[0].pk).update(starts_on=datetime.date(2026, 1, 1))

    response = client_for(trainer).get(detail_url(board.body), {"on": "2025-06-01"})

    assert response.context["composition"].filled == 9
    assert "1 of 10 seats is vacant." in response.content.decode()


def test_body_page_query_count_does_not_grow_with_the_number_of_mandates(
    term, members, parties, administrator
):
    towns = [town for province in members.values() for town in province]
    body = make_body(term, seats=20)
    client = client_for(administrator)
    for town in towns[:5]:
        seat(body, town, party=parties["A"])
    seat(body, towns[5], status=MandateStatus.RESERVE, reserve_rank=1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(detail_url(body)).status_code == 200
    for town in towns[6:]:
        seat(body, town, gender=Gender.MALE, party=parties["B"], approved=False)
    seat(body, towns[0], role=MandateRole.SUBSTITUTE)
    seat(body, towns[1], status=MandateStatus.RESERVE, reserve_rank=2)
    with CaptureQueriesContext(connection) as many:
        assert client.get(detail_url(body)).status_code == 200

    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_body_list_shows_every_body_with_its_filled_seats(board, trainer, term):
    make_body(
        term, seats=3, kind=BodyKind.EXECUTIVE_COMMITTEE, name_en="Executive", parent=board.body
    )

    response = client_for(trainer).get(reverse("governance:bodies"))

    listed = [(body.name, body.filled) for body in response.context["bodies"]]
    assert listed == [("Board 10", 10), ("Executive", 0)]


def test_body_list_query_count_does_not_grow_with_the_number_of_bodies(term, trainer):
    client = client_for(trainer)
    make_body(term, seats=3)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("governance:bodies"))
    for seats in range(4, 12):
        make_body(term, seats=seats)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("governance:bodies"))

    assert len(many) == len(few)


# What if ------------------------------------------------------------------------------------


def test_what_if_works_without_javascript(board, trainer):
    reserve = seat(
        board.body,
        board.members["20001"][1],
        gender=Gender.MALE,
        party=board.parties["A"],
        status=MandateStatus.RESERVE,
        reserve_rank=1,
    )
    woman = next(m for m in board.seated if m.representative.gender == Gender.FEMALE)
    board.body.min_gender_share = "0.5"
    board.body.save()

    response = client_for(trainer).get(
        detail_url(board.body),
        {"whatif-ask": "1", "whatif-reserve": reserve.pk, "whatif-replacing": woman.pk},
    )

    html = response.content.decode()
    assert "<html" in html
    assert f"If {reserve.representative.full_name} took a seat" in html
    assert "New flags" in html
    assert "Women hold 40% of the seats (4 of 10)" in html


def test_what_if_over_htmx_returns_only_the_result(board, trainer):
    town = board.members["20001"][1]

    response = client_for(trainer).get(
        detail_url(board.body),
        {"whatif-ask": "1", "whatif-gender": Gender.X, "whatif-organisation": town.pk},
        **HTMX,
    )

    html = response.content.decode()
    assert "<html" not in html
    assert "<form" not in html
    assert "If a candidate from" in html
    assert "More members than seats: 11 for 10 seats." in html


def test_incomplete_what_if_lists_what_is_missing(board, trainer):
    response = client_for(trainer).get(detail_url(board.body), {"whatif-ask": "1"}, **HTMX)

    html = response.content.decode()
    assert "The candidate is not complete" in html
    assert "Describe the candidate, or choose one from the reserve list." in html


# Administrators change things --------------------------------------------------------------


def test_administrator_adds_a_mandate_for_a_new_person(board, administrator):
    board.seated[0].delete()
    url = reverse("governance:mandate_create", args=[board.body.pk])

    response = client_for(administrator).post(
        url,
        {
            "first_name": "Lies",
            "last_name": "Vermeulen",
            "gender": Gender.FEMALE,
            "organisation": board.members["70000"][2].pk,
            "party": board.parties["A"].pk,
            "role": MandateRole.MEMBER,
            "status": MandateStatus.SEATED,
            "starts_on": "2025-02-01",
        },
    )

    assert response.status_code == 302
    mandate = Mandate.objects.get(representative__last_name="Vermeulen")
    assert mandate.body == board.body
    assert mandate.ends_on == board.body.term.ends_on
    assert mandate.council_approved_on is None


def test_mandate_form_asks_for_a_person(board, administrator):
    url = reverse("governance:mandate_create", args=[board.body.pk])

    response = client_for(administrator).post(
        url,
        {
            "organisation": board.members["70000"][2].pk,
            "role": MandateRole.MEMBER,
            "status": MandateStatus.SEATED,
            "starts_on": "2031-02-01",
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Fill this in for a new person, or choose a known one." in errors["last_name"]
    assert "Choose a day within the term." in errors["starts_on"]


def test_a_person_cannot_hold_two_mandates_in_one_body_at_once(board, administrator):
    url = reverse("governance:mandate_create", args=[board.body.pk])

    response = client_for(administrator).post(
        url,
        {
            "representative": board.seated[0].representative_id,
            "organisation": board.members["70000"][2].pk,
            "role": MandateRole.MEMBER,
            "status": MandateStatus.SEATED,
            "starts_on": "2025-02-01",
        },
    )

    assert (
        "This person already has a mandate in this body then."
        in (response.context["form"].errors["representative"])
    )


def test_administrator_edits_a_mandate(board, administrator):
    mandate = board.seated[0]
    url = reverse("governance:mandate_edit", args=[mandate.pk])
    client = client_for(administrator)
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {"role": MandateRole.CHAIR, "council_approved_on": "2025-03-15"}
    data["starts_on"] = mandate.starts_on.isoformat()
    data["ends_on"] = mandate.ends_on.isoformat()

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    mandate.refresh_from_db()
    assert mandate.role == MandateRole.CHAIR
    assert mandate.council_approved_on == datetime.date(2025, 3, 15)


def test_administrator_ends_a_mandate(board, administrator):
    mandate = board.seated[0]

    response = client_for(administrator).post(
        reverse("governance:mandate_end", args=[mandate.pk]), {"ends_on": "2026-02-28"}
    )

    assert response.status_code == 302
    mandate.refresh_from_db()
    assert mandate.ends_on == datetime.date(2026, 2, 28)


def test_administrator_seats_a_reserve_candidate(board, administrator):
    reserve = seat(
        board.body, board.members["20001"][1], status=MandateStatus.RESERVE, reserve_rank=1
    )

    response = client_for(administrator).post(reverse("governance:mandate_seat", args=[reserve.pk]))

    assert response.status_code == 302
    reserve.refresh_from_db()
    assert reserve.status == MandateStatus.SEATED


def test_seating_is_post_only(board, administrator):
    reserve = seat(
        board.body, board.members["20001"][1], status=MandateStatus.RESERVE, reserve_rank=1
    )

    assert (
        client_for(administrator)
        .get(reverse("governance:mandate_seat", args=[reserve.pk]))
        .status_code
        == 405
    )


def test_administrator_changes_the_targets(board, administrator):
    response = client_for(administrator).post(
        reverse("governance:body_edit", args=[board.body.pk]),
        {
            "seats": 12,
            "min_gender_share": "0.4",
            "province_tolerance": 8,
            "small_authority_limit": 20000,
            "size_tolerance": 12,
            "party_tolerance": "",
            "quorum_share": "0.5",
        },
    )

    assert response.status_code == 302
    board.body.refresh_from_db()
    assert (board.body.seats, board.body.party_tolerance) == (12, None)
    assert str(board.body.min_gender_share) == "0.4000"


# Meetings and attendance ----------------------------------------------------------------------


@pytest.fixture
def meeting(board) -> Meeting:
    return Meeting.objects.create(
        body=board.body, held_on=datetime.date(2025, 6, 20), title="Raad van bestuur juni"
    )


def test_administrator_records_attendance_and_the_meeting_shows_the_quorum(
    meeting, board, administrator
):
    client = client_for(administrator)
    data = {f"mandate_{m.pk}": AttendanceStatus.PRESENT for m in board.seated[:5]}
    data[f"mandate_{board.seated[5].pk}"] = AttendanceStatus.REPRESENTED

    response = client.post(reverse("governance:attendance", args=[meeting.pk]), data)

    assert response.status_code == 302
    html = client.get(reverse("governance:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Quorum reached." in html
    assert "6 of 10 voting members present or represented (5 present, 1 represented)" in html
    assert "at least 6" in html


def test_attendance_form_has_one_radio_group_per_voting_member(meeting, board, administrator):
    html = (
        client_for(administrator)
        .get(reverse("governance:attendance", args=[meeting.pk]))
        .content.decode()
    )

    assert html.count("<fieldset") == 10
    assert html.count('type="radio"') == 40
    assert f"<legend>{board.seated[0].representative.full_name}" in html


def test_trainer_cannot_record_attendance(meeting, board, trainer):
    response = client_for(trainer).post(
        reverse("governance:attendance", args=[meeting.pk]),
        {f"mandate_{board.seated[0].pk}": AttendanceStatus.PRESENT},
    )

    assert response.status_code == 403
    assert not meeting.attendances.exists()


def test_administrator_adds_a_meeting(board, administrator):
    response = client_for(administrator).post(
        reverse("governance:meeting_create", args=[board.body.pk]),
        {"held_on": "2025-12-12", "title": "Raad van bestuur december", "location": "Brussel"},
    )

    meeting = Meeting.objects.get(title="Raad van bestuur december")
    assert response["Location"] == reverse("governance:meeting_detail", args=[meeting.pk])


def test_meeting_pages_query_count_does_not_grow_with_the_number_of_members(term, members, trainer):
    towns = [town for province in members.values() for town in province]
    body = make_body(term, seats=20, kind=BodyKind.GENERAL_ASSEMBLY)
    meeting = Meeting.objects.create(body=body, held_on=datetime.date(2025, 6, 20), title="AV")
    client = client_for(trainer)
    urls = [reverse("governance:meeting_detail", args=[meeting.pk]), reverse("governance:meetings")]
    seat(body, towns[0], role=MandateRole.DELEGATE)
    counts_few = []
    for url in urls:
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        counts_few.append(len(few))
    for town in towns[1:]:
        seat(body, town, role=MandateRole.DELEGATE)
        Meeting.objects.create(body=body, held_on=datetime.date(2025, 12, 1), title="AV")
    counts_many = []
    for url in urls:
        with CaptureQueriesContext(connection) as many:
            client.get(url)
        counts_many.append(len(many))

    assert counts_many == counts_few


# Election results -----------------------------------------------------------------------------


def test_election_results_show_votes_and_the_dhondt_seats(board, trainer, term):
    html = (
        client_for(trainer)
        .get(reverse("governance:election_results", args=[term.pk]))
        .content.decode()
    )

    assert "5,000" in html
    assert "Board 10 (10 seats)" in html
    assert "<li>A: 5</li>" in html


def test_administrator_edits_the_election_results(board, administrator, term):
    parties = board.parties
    response = client_for(administrator).post(
        reverse("governance:election_results_edit", args=[term.pk]),
        {
            f"votes_{parties['A'].pk}": "5200",
            f"votes_{parties['B'].pk}": "3100",
            f"votes_{parties['C'].pk}": "",
            "new_party_name": "Lijst Morgen",
            "new_party_abbreviation": "MRG",
            "new_party_votes": "800",
        },
    )

    assert response.status_code == 302
    results = dict(term.election_results.values_list("party__abbreviation", "votes"))
    assert results == {"A": 5200, "B": 3100, "MRG": 800}


def test_dutch_chart_labels_and_tables_write_percentages_the_dutch_way(board, administrator):
    client = client_for(administrator)

    html = client.get(detail_url(board.body), HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert "Vrouwen: 5 (50\u00a0%)" in html
    assert "33\u00a0%</text>" in html  # the target line's label
    assert not re.search(r">\d+%<", html)
