"""Maturity pages: the list, a round's results and charts, the public answer form, the cohort."""

import datetime
import re
import xml.etree.ElementTree as ET  # noqa: S405 (our own rendered page)

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from atelier.academy.models import Cohort, Team
from atelier.guidance.models import MaturityResponse
from atelier.guidance.rules.maturity import DEFAULT
from atelier.guidance.services import maturity as services

from .test_maturity import answered_round, answers, open_geel_round

AREA_NAMES = [area["name"]["en"] for area in DEFAULT["areas"]]


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def cohort(trainer, geel, lennik):
    cohort = Cohort.objects.create(
        name="Cohort 2025",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        coach=trainer,
    )
    for organisation in (geel, lennik):
        Team.objects.create(cohort=cohort, organisation=organisation, challenge="A front door")
    return cohort


def svgs(html: str) -> list[ET.Element]:
    found = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    return [ET.fromstring(svg) for svg in found]  # noqa: S314 (our own rendered page)


def texts(svg: ET.Element) -> str:
    return " ".join(" ".join(element.itertext()) for element in svg.iter())


def test_coordinator_opens_a_round_from_the_list(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("guidance:maturity"),
        {"name": "before the learning path", "opened_on": "2025-02-01"},
    )
    round = coordinator.organisation.maturity_rounds.get()
    assert response.status_code == 302
    assert response.url == reverse("guidance:maturity_round", args=[round.pk])


def test_participant_reads_the_list_but_cannot_open(client, coordinator, participant):
    open_geel_round(coordinator, name="the first round")
    client.force_login(participant)
    page = client.get(reverse("guidance:maturity"))
    assert "the first round" in page.content.decode()
    assert "Open the round" not in page.content.decode()
    refused = client.post(reverse("guidance:maturity"), {"name": "x", "opened_on": "2025-02-01"})
    assert refused.status_code == 403


def test_list_query_count_does_not_grow_with_rounds(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    open_geel_round(coordinator, name="one")
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("guidance:maturity"))
    for number in range(6):
        open_geel_round(coordinator, name=f"more {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("guidance:maturity"))


def test_staff_see_rounds_of_every_organisation(client, coordinator, trainer, lennik):
    open_geel_round(coordinator, name="Geel round")
    services.open_round(
        organisation=lennik, name="Lennik round", opened_on=datetime.date(2025, 1, 1), by=trainer
    )
    client.force_login(trainer)
    content = client.get(reverse("guidance:maturity")).content.decode()
    assert "Geel round" in content and "Lennik round" in content


def test_outsider_gets_404_on_another_organisations_round(client, coordinator, outsider):
    round = open_geel_round(coordinator)
    client.force_login(outsider)
    assert client.get(reverse("guidance:maturity_round", args=[round.pk])).status_code == 404
    invite = reverse("guidance:maturity_invite", args=[round.pk])
    assert client.post(invite, {"labels": "me"}).status_code == 404
    assert client.post(reverse("guidance:maturity_close", args=[round.pk])).status_code == 404
    assert outsider.organisation.maturity_rounds.count() == 0


def test_round_page_shows_radar_with_six_areas_links_and_next_steps(client, coordinator):
    round = answered_round(coordinator, [answers(2), answers(3), answers(4), answers(4)])
    client.force_login(coordinator)
    page = client.get(reverse("guidance:maturity_round", args=[round.pk]))
    content = page.content.decode()
    radar = svgs(content)[0]
    assert radar.get("role") == "img"
    assert all(name in texts(radar) for name in AREA_NAMES)
    assert "/guidance/maturity/respond/" in content  # the invitation links
    assert "Next steps" in content
    assert "stands on step 3" in content


def test_invite_makes_one_link_per_role(client, coordinator):
    round = open_geel_round(coordinator)
    client.force_login(coordinator)
    client.post(
        reverse("guidance:maturity_invite", args=[round.pk]),
        {"labels": "head of the registry office\n\nalderman\n"},
    )
    assert list(round.responses.values_list("label", flat=True)) == [
        "head of the registry office",
        "alderman",
    ]


def test_a_colleague_invited_by_account_is_notified_and_finds_the_survey_on_their_home(
    client, coordinator, participant, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    round = open_geel_round(coordinator)
    client.force_login(coordinator)
    page = client.get(reverse("guidance:maturity_round", args=[round.pk])).content.decode()
    assert f'value="{participant.pk}"' in page  # a colleague to tick
    assert f'value="{outsider.pk}"' not in page  # nobody of another organisation
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("guidance:maturity_invite", args=[round.pk]),
            {"people": [participant.pk], "labels": "alderman"},
        )
        # Ticking the same colleague again makes no second link and no second mail.
        client.post(
            reverse("guidance:maturity_invite", args=[round.pk]), {"people": [participant.pk]}
        )
    invited = round.responses.get(person=participant)
    assert round.responses.count() == 2
    assert [mail.to for mail in mailoutbox] == [[participant.email]]
    respond_url = reverse("guidance:maturity_respond", args=[invited.token])
    assert respond_url in mailoutbox[0].body

    client.force_login(participant)
    home = client.get("/").content.decode()
    assert "Answer the maturity survey “before”" in home
    assert respond_url in home
    services.submit_response(token=invited.token, answers=answers(4))
    assert respond_url not in client.get("/").content.decode()


def test_a_colleague_of_another_organisation_cannot_be_invited(coordinator, outsider):
    round = open_geel_round(coordinator)
    with pytest.raises(ValidationError):
        services.invite(round=round, labels=[], people=[outsider], by=coordinator)
    assert not round.responses.exists()


def test_a_closed_round_leaves_the_home_of_whoever_did_not_answer(client, coordinator, participant):
    round = open_geel_round(coordinator)
    services.invite(round=round, labels=[], people=[participant], by=coordinator)
    client.force_login(participant)
    assert "Answer the maturity survey" in client.get("/").content.decode()
    services.close_round(round=round, by=coordinator)
    assert "Answer the maturity survey" not in client.get("/").content.decode()


def test_participant_sees_results_but_no_invitation_links(client, coordinator, participant):
    round = answered_round(coordinator, [answers(3), answers(3)])
    client.force_login(participant)
    content = client.get(reverse("guidance:maturity_round", args=[round.pk])).content.decode()
    assert "/guidance/maturity/respond/" not in content
    assert "Place on the ladder" in content


def test_second_round_page_shows_trend_chart_and_previous_polygon(client, coordinator):
    answered_round(coordinator, [answers(2), answers(2)], name="before")
    later = answered_round(
        coordinator, [answers(4), answers(4)], name="after", opened_on=datetime.date(2025, 9, 1)
    )
    client.force_login(coordinator)
    content = client.get(reverse("guidance:maturity_round", args=[later.pk])).content.decode()
    radar, trend = svgs(content)
    assert len(radar.findall("{http://www.w3.org/2000/svg}polygon")) == 5 + 2  # rings + rounds
    assert all(name in texts(trend) for name in AREA_NAMES)
    assert "Trend across rounds" in content


def test_respondent_answers_once_without_an_account(client, coordinator):
    round = open_geel_round(coordinator)
    (invitation,) = services.invite(round=round, labels=["director"], by=coordinator)
    url = reverse("guidance:maturity_respond", args=[invitation.token])
    form = client.get(url).content.decode()
    assert form.count('<input type="radio"') == 18 * 5
    assert client.post(url, answers(4)).status_code == 302
    assert "Thank you" in client.get(url).content.decode()
    client.post(url, answers(1))
    invitation.refresh_from_db()
    assert invitation.answers[next(iter(invitation.answers))] == 4


def test_incomplete_answers_show_an_error_and_keep_choices(client, coordinator):
    round = open_geel_round(coordinator)
    (invitation,) = services.invite(round=round, labels=["director"], by=coordinator)
    url = reverse("guidance:maturity_respond", args=[invitation.token])
    given = answers(4)
    given.pop(next(iter(given)))
    content = client.post(url, given).content.decode()
    assert "1 still have no score" in content
    assert "checked" in content
    assert MaturityResponse.objects.get(pk=invitation.pk).submitted_at is None


def test_unknown_token_is_404(client, db):
    assert client.get(reverse("guidance:maturity_respond", args=["nope"])).status_code == 404


def test_closed_round_tells_the_respondent(client, coordinator):
    round = open_geel_round(coordinator)
    (invitation,) = services.invite(round=round, labels=["director"], by=coordinator)
    services.close_round(round=round, by=coordinator)
    url = reverse("guidance:maturity_respond", args=[invitation.token])
    assert "This round is closed" in client.get(url).content.decode()
    client.post(url, answers(3))
    invitation.refresh_from_db()
    assert invitation.submitted_at is None


def test_cohort_comparison_hides_names_unless_shared(
    cohort, coordinator, outsider, trainer, lennik
):
    answered_round(coordinator, [answers(3), answers(3)], cohort=cohort, shared_with_cohort=False)
    lennik_round = services.open_round(
        organisation=lennik,
        name="Lennik start",
        opened_on=datetime.date(2025, 3, 1),
        cohort=cohort,
        shared_with_cohort=True,
        by=trainer,
    )
    (invitation,) = services.invite(round=lennik_round, labels=["director"], by=trainer)
    services.submit_response(token=invitation.token, answers=answers(4))
    rows = services.cohort_comparison(cohort, trainer, "en")["rows"]
    assert [row["label"] for row in rows] == ["Organisation A", "Lennik"]
    assert rows[0]["round_name"] == ""


def test_cohort_page_for_the_coach_anonymises(client, cohort, coordinator, trainer):
    answered_round(coordinator, [answers(3), answers(3)], cohort=cohort, name="Geel before")
    client.force_login(trainer)
    content = client.get(reverse("guidance:maturity_cohort", args=[cohort.pk])).content.decode()
    assert "Organisation A" in content
    assert "Geel" not in content


def test_cohort_page_is_404_for_members(client, cohort, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("guidance:maturity_cohort", args=[cohort.pk])).status_code == 404


NUMBER = r"-?\d+(?:\.\d+)?"
COORDINATE = re.compile(r'\b(x|y|x1|y1|x2|y2|cx|cy|points)="([^"]*)"')


def well_formed(attribute: str, value: str) -> bool:
    if attribute == "points":
        return all(re.fullmatch(f"{NUMBER},{NUMBER}", pair) for pair in value.split())
    return re.fullmatch(NUMBER, value) is not None


def test_charts_keep_decimal_points_in_a_dutch_page(client, coordinator):
    """Dutch writes 2,5 in text; an SVG coordinate written that way breaks the chart."""
    round = answered_round(coordinator, [answers(2), answers(3), answers(4), answers(5)])
    client.force_login(coordinator)
    url = reverse("guidance:maturity_round", args=[round.pk])
    content = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    found = [
        m for svg in re.findall(r"<svg.*?</svg>", content, re.S) for m in COORDINATE.findall(svg)
    ]
    assert len(found) > 20
    assert [(a, v) for a, v in found if not well_formed(a, v)] == []
    assert well_formed("x2", "441.2") and not well_formed("x2", "441,2")
    assert not well_formed("points", "320,0,172,0 344,2,186,0")
