"""The Geel case's slides show the demo project's own journey and blueprint, and time an
exercise. Runs after the workspace demo, which makes the project and its canvases."""

from django.db import transaction

from atelier.academy.models import CaseSlide
from atelier.canvases.models import Canvas
from atelier.method.models import ArtefactKind
from atelier.projects.demo.project import TITLE as PROJECT_TITLE

CASE = "geel-sociaal-huis"
# heading of the slide (Dutch) → the canvas kind it shows
CANVASES = {
    "Een bezoek, stap voor stap": ArtefactKind.JOURNEY,
    "Eén sociaal huis": ArtefactKind.BLUEPRINT,
}
EXERCISE = ("De pijnpunten", 5)  # participants name pain points of a service of their own


@transaction.atomic
def link_demo_workshop_canvases() -> int:
    """Links the slides to the project's canvases and sets the exercise; how many slides."""
    slides = CaseSlide.objects.filter(case__slug=CASE)
    linked = 0
    for heading, kind in CANVASES.items():
        canvas = (
            Canvas.objects.filter(project__title=PROJECT_TITLE, kind=kind).order_by("pk").first()
        )
        if canvas is not None:
            linked += slides.filter(heading_nl=heading).update(canvas=canvas)
    heading, minutes = EXERCISE
    linked += slides.filter(heading_nl=heading).update(exercise_minutes=minutes)
    return linked
