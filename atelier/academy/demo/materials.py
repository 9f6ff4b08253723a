"""Demo materials: the past level 1 edition's slides, a worksheet link and a handout."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction

from atelier.academy.models import Course, Edition, MaterialKind, Visibility
from atelier.academy.services.materials import add_material, set_session_cards
from atelier.accounts.models import User
from atelier.lib.pdf import html_to_pdf
from atelier.method.models import Technique

TOOLKIT = "https://www.servicedesigntoolkit.org/"
HANDOUT = """<h1>Hand-out: servicedesign in één uur</h1>
<p>Het verhaal van het sociaal huis van Geel, de klantreis met de emotiecurve, en drie
vragen om morgen mee te beginnen: wie zijn de gebruikers van onze dienst, welke stappen
zetten ze, en waar haken ze af?</p>"""
CARDS = ("customer-journey-map", "personas", "stakeholder-map")


@transaction.atomic
def load_demo_materials(*, today: datetime.date) -> int:
    """Once: materials and method cards for the latest past level 1 edition; how many."""
    course = Course.objects.filter(level__number=1).order_by("pk").first()
    trainer = User.objects.filter(email="trainer@atelier.example").first()
    edition = (
        Edition.objects.filter(course=course, starts_at__date__lt=today)
        .order_by("-starts_at")
        .first()
    )
    if course is None or trainer is None or edition is None or edition.materials.exists():
        return 0
    session = edition.sessions.order_by("starts_at").first()
    if session is None:
        return 0
    add_material(
        place=course,
        title="Service Design Toolkit: procesposter en werkbladen",
        kind=MaterialKind.WORKSHEET,
        visibility=Visibility.ALWAYS,
        url=TOOLKIT,
        by=trainer,
    )
    add_material(
        place=edition,
        title="Voorbereiding: kies een dienst die u wilt verbeteren",
        kind=MaterialKind.READING,
        visibility=Visibility.BEFORE,
        url=TOOLKIT,
        by=trainer,
    )
    handout = ContentFile(html_to_pdf(HANDOUT), name="hand-out-servicedesign-in-een-uur.pdf")
    add_material(
        place=session,
        title="Hand-out van de sessie",
        kind=MaterialKind.HANDOUT,
        visibility=Visibility.AFTER,
        file=handout,  # type: ignore[arg-type]
        by=trainer,
    )
    cards = Technique.objects.filter(slug__in=CARDS)
    set_session_cards(session=session, techniques=cards, by=trainer)
    return 3
