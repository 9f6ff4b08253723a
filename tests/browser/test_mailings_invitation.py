"""Staff invite a segment to a councillors' seminar: from the edition's page, through the
suggested segment saved in one click, to the invitation mailing that names its edition."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atelier.academy.models import Course, CourseKind, SeminarAudience
from atelier.academy.tests.factories import make_edition
from atelier.mailings.models import Mailing, MailingKind, Segment

from .browsing import Visit


@pytest.mark.browser
def test_staff_invite_the_suggested_segment_to_a_seminar(visit: Visit, trainer):
    course = Course.objects.create(
        kind=CourseKind.SEMINAR,
        title_nl="Studiedag nieuwe bestuursperiode",
        summary_nl="Een studiedag voor raadsleden.",
        audience=SeminarAudience.COUNCILLORS,
    )
    edition = make_edition(
        course,
        starts=timezone.now() + datetime.timedelta(days=30),
        price_member=Decimal("45.00"),
        price_non_member=Decimal("90.00"),
    )
    visit.sign_in(trainer)

    page = visit.open(f"/academy/editions/{edition.pk}/")
    visit.follow(page.get_by_role("link", name="Een segment uitnodigen"))
    expect(page.locator("#id_subject")).to_have_value(
        "Uitnodiging: Studiedag nieuwe bestuursperiode"
    )
    visit.follow(page.locator("#segment-actions a").first)
    expect(page.locator('input[value="councillor"]')).to_be_checked()
    expect(page.locator('input[value="general_director"]')).not_to_be_checked()
    visit.follow(page.locator("#segment-form button[type=submit]"))

    expect(page.locator("#id_segment")).to_have_value(str(Segment.objects.get().pk))
    expect(page.locator("#id_body")).to_contain_text(f"/academy/editions/{edition.pk}/")
    visit.follow(page.locator("#invitation-form button[type=submit]"))

    expect(page.locator("#mailing-edition")).to_contain_text("Studiedag nieuwe bestuursperiode")
    mailing = Mailing.objects.get()
    assert (mailing.edition, mailing.kind) == (edition, MailingKind.INVITATION)
    assert mailing.segment.function_kinds[:1] == ["mayor"]
