import datetime

import pytest

from atelier.accounts.services import create_api_token
from atelier.fees import services
from atelier.fees.tests.test_fee_run import adopted_tariff
from atelier.lib.structured_reference import is_valid_structured_reference


def bearer(user):
    _token, raw = create_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def issued(geel, lennik, administrator):
    run = services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)
    return services.issue_fee_run(
        run=run, issued_on=datetime.date(2026, 1, 15), leave_out_problems=True, by=administrator
    )


@pytest.mark.django_db
def test_invoices_of_a_year_with_nis_code_amount_and_structured_reference(
    client, issued, administrator
):
    response = client.get("/api/v1/invoices?year=2026", **bearer(administrator))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    geel = next(item for item in body["items"] if item["nis_code"] == "13008")
    assert geel["amount"] == "20630.66"
    assert geel["company_number"] is None
    digits = geel["structured_reference"].strip("+").replace("/", "")
    assert is_valid_structured_reference(digits)
    assert geel["pdf_url"].startswith("http") and geel["pdf_url"].endswith("/pdf/")


@pytest.mark.django_db
def test_another_year_is_empty(client, issued, administrator):
    assert client.get("/api/v1/invoices?year=2025", **bearer(administrator)).json() == {
        "count": 0,
        "items": [],
    }


@pytest.mark.django_db
def test_a_coordinator_sees_only_their_organisations_invoices(client, issued, coordinator):
    body = client.get("/api/v1/invoices", **bearer(coordinator)).json()

    assert [item["member_name"] for item in body["items"]] == ["Geel"]


@pytest.mark.django_db
def test_participants_and_anonymous_see_none(client, issued, participant):
    assert client.get("/api/v1/invoices").status_code == 401
    assert client.get("/api/v1/invoices", **bearer(participant)).json()["count"] == 0


@pytest.mark.django_db
def test_a_coordinator_downloads_their_invoice_and_gets_404_for_another(
    client, issued, coordinator, outsider
):
    geel = next(invoice for invoice in issued if invoice.recipient_name == "Geel")
    lennik = next(invoice for invoice in issued if invoice.recipient_name == "Lennik")
    client.force_login(coordinator)

    assert client.get(f"/fees/invoices/{geel.pk}/pdf/").content.startswith(b"%PDF")
    assert client.get(f"/fees/invoices/{lennik.pk}/pdf/").status_code == 404
    client.force_login(outsider)
    assert client.get(f"/fees/invoices/{geel.pk}/pdf/").status_code == 404
