"""The demo makes the impact figures and the materials worth looking at."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from atelier.academy.models import Material, MaterialKind
from atelier.academy.selectors.impact import ImpactFilter, programme_impact
from atelier.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.LANGUAGE_CODE = "en"
    call_command("load_demo", stdout=io.StringIO())


def test_demo_year_has_non_trivial_impact_and_the_pdf_reads_back(demo):
    year = timezone.localdate().year
    impact = programme_impact(ImpactFilter(year=year))
    assert impact.trained_total >= 3
    assert impact.organisations_reached >= 2
    assert impact.services_launched >= 3
    assert impact.citizens_reached == 14_600 + 3_900
    assert impact.maturity_before is not None and impact.maturity_after is not None
    assert impact.maturity_after > impact.maturity_before
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(User.objects.get(email="admin@atelier.example"))
    response = client.get(reverse("academy:impact_pdf"), {"year": year})
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert f"Citizens reached {impact.citizens_reached}" in text
    assert f"Services launched {impact.services_launched}" in text


def test_demo_participant_downloads_the_handout_after_the_session(demo):
    handout = Material.objects.get(kind=MaterialKind.HANDOUT)
    client = Client()
    client.force_login(User.objects.get(email="participant.geel@atelier.example"))
    response = client.get(reverse("academy:material_download", args=[handout.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert handout.session.techniques.count() == 3
