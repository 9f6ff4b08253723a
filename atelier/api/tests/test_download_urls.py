"""Every download URL the API hands out works with the same bearer token as the API.

Each URL is taken from an API answer (never built by the test), fetched on the host and
port the API was asked on, with the token (200 and the file), without it (sign-in or 401)
and with another organisation's token (404).
"""

import datetime
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from atelier.academy.services.attendance import record_attendance
from atelier.academy.services.certificates import issue_certificates
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment
from atelier.accounts.models import Role
from atelier.accounts.services import create_api_token
from atelier.canvases.services.canvases import create_canvas
from atelier.fees import services as fee_services
from atelier.fees.tests.test_fee_run import adopted_tariff
from atelier.guidance.tests.test_scoring_services import make_tender
from atelier.projects.services import open_project
from conftest import make_person

pytestmark = pytest.mark.django_db
HOST = "localhost:8101"  # another port than the default, as with `make run PORT=8101`


def bearer(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def api_get(client, path: str, user) -> dict:
    response = client.get(path, HTTP_HOST=HOST, **bearer(user))
    assert response.status_code == 200, response.content
    return response.json()


def fetch(client, url: str, headers: dict[str, str] | None = None):
    """GET an absolute URL the API gave, checking it points at the host it was asked on."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("http", HOST), url
    assert not parts.query, url
    return client.get(parts.path, HTTP_HOST=HOST, **(headers or {}))


def assert_download_rules(client, url, owner, outsider, content_type):
    with_token = fetch(client, url, bearer(owner))
    assert with_token.status_code == 200
    assert with_token["Content-Type"].startswith(content_type)
    assert fetch(client, url).status_code in (302, 401)
    assert fetch(client, url, {"HTTP_AUTHORIZATION": "Bearer atl_not-a-token"}).status_code == 401
    assert fetch(client, url, bearer(outsider)).status_code == 404


@pytest.fixture
def project(participant):
    return open_project(
        title="One front door",
        problem_statement="Which desk?",
        target_group="Residents",
        by=participant,
    )


@pytest.mark.parametrize(
    ("field", "content_type"),
    [
        ("docx_url", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("pdf_url", "application/pdf"),
    ],
)
def test_tender_documents_open_with_the_api_token(
    client, project, participant, outsider, field, content_type
):
    make_tender(project, participant)
    url = api_get(client, "/api/v1/tenders", participant)["items"][0][field]
    assert_download_rules(client, url, participant, outsider, content_type)


def test_invoice_pdf_opens_with_the_api_token(client, geel, lennik, administrator, coordinator):
    run = fee_services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)
    fee_services.issue_fee_run(
        run=run, issued_on=datetime.date(2026, 1, 15), leave_out_problems=True, by=administrator
    )
    lennik_coordinator = make_lennik_coordinator(lennik)
    url = api_get(client, "/api/v1/invoices", coordinator)["items"][0]["pdf_url"]
    assert_download_rules(client, url, coordinator, lennik_coordinator, "application/pdf")


def make_lennik_coordinator(lennik):
    return make_person("coordinator@lennik.be", Role.COORDINATOR, lennik)


def test_certificate_pdf_opens_with_the_api_token(
    client, trainer, administrator, participant, outsider
):
    edition = make_edition(make_course(1), starts=timezone.now() - datetime.timedelta(days=3))
    enrolment = make_enrolment(edition, participant)
    record_attendance(
        session=edition.sessions.get(), statuses={enrolment.pk: "present"}, by=trainer
    )
    issue_certificates(edition=edition, by=administrator)
    url = api_get(client, "/api/v1/enrolments", participant)["items"][0]["certificate_url"]
    assert_download_rules(client, url, participant, outsider, "application/pdf")


def test_an_enrolment_without_certificate_has_no_certificate_url(client, participant):
    make_enrolment(make_edition(), participant)
    assert api_get(client, "/api/v1/enrolments", participant)["items"][0]["certificate_url"] is None


@pytest.mark.parametrize(
    ("file_format", "content_type"),
    [
        ("pdf", "application/pdf"),
        ("png", "image/png"),
        ("svg", "image/svg+xml"),
        ("csv", "text/csv"),
        ("json", "application/json"),
    ],
)
def test_canvas_exports_open_with_the_api_token(
    client, project, participant, outsider, file_format, content_type
):
    create_canvas(project=project, kind="journey", title="Visit", by=participant)
    canvases = api_get(client, f"/api/v1/projects/{project.pk}/canvases", participant)
    url = canvases["items"][0]["exports"][file_format]
    assert_download_rules(client, url, participant, outsider, content_type)


def test_a_persona_offers_no_svg_export(client, project, participant):
    create_canvas(project=project, kind="persona", title="Mia", by=participant)
    canvases = api_get(client, f"/api/v1/projects/{project.pk}/canvases", participant)
    assert sorted(canvases["items"][0]["exports"]) == ["csv", "json", "pdf", "png"]


def test_edition_calendar_opens_with_the_api_token(client, participant):
    make_edition()
    url = api_get(client, "/api/v1/editions", participant)["items"][0]["ical_url"]
    response = fetch(client, url, bearer(participant))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    # A published edition's calendar is public; a wrong token is still refused.
    assert fetch(client, url).status_code == 200
    assert fetch(client, url, {"HTTP_AUTHORIZATION": "Bearer atl_not-a-token"}).status_code == 401


def test_basic_credentials_of_a_proxy_leave_the_browser_session_alone(client, participant):
    make_edition()
    url = api_get(client, "/api/v1/editions", participant)["items"][0]["ical_url"]

    response = fetch(client, url, {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"})

    assert response.status_code == 200
