"""Editions are edited in the Django admin; saving sessions there refreshes the schedule."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from atelier.academy.models import Edition
from atelier.academy.tests.factories import make_course, make_venue
from atelier.accounts.models import User

pytestmark = pytest.mark.django_db


def test_saving_an_edition_with_sessions_in_the_admin_refreshes_its_start_and_province(
    antwerp,
):
    superuser = User.objects.create_superuser("root@example.org", "root-password-long-enough")
    course = make_course()
    venue = make_venue(province=antwerp)
    client = Client()
    client.force_login(superuser, backend="django.contrib.auth.backends.ModelBackend")

    response = client.post(
        reverse("admin:academy_edition_add"),
        {
            "course": course.pk,
            "language": "nl",
            "status": "published",
            "capacity": 20,
            "price_member": "0.00",
            "price_non_member": "0.00",
            "registration_deadline_0": "2030-03-01",
            "registration_deadline_1": "12:00:00",
            "sessions-TOTAL_FORMS": "2",
            "sessions-INITIAL_FORMS": "0",
            "sessions-MIN_NUM_FORMS": "0",
            "sessions-MAX_NUM_FORMS": "1000",
            "sessions-0-starts_at_0": "2030-03-17",
            "sessions-0-starts_at_1": "09:00:00",
            "sessions-0-ends_at_0": "2030-03-17",
            "sessions-0-ends_at_1": "16:00:00",
            "sessions-0-venue": venue.pk,
            "sessions-1-starts_at_0": "2030-03-10",
            "sessions-1-starts_at_1": "09:00:00",
            "sessions-1-ends_at_0": "2030-03-10",
            "sessions-1-ends_at_1": "16:00:00",
            "sessions-1-venue": venue.pk,
        },
    )

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    edition = Edition.objects.get()
    assert edition.sessions.count() == 2
    assert edition.starts_at.astimezone(datetime.UTC) == datetime.datetime(
        2030, 3, 10, 8, tzinfo=datetime.UTC
    )
    assert edition.province == antwerp
