"""The Lennik and Izegem cases draw their own journey on a slide, as Geel's case does.

Each journey belongs to the case's demo project (made by the impact demo) and is told in
our own words from DOMAIN §2: Lennik's visit to the town hall before the rebuild, from the
front door to the answer; Izegem's visit to the registry office before its new vision.
Runs after the impact demo; running it again adds nothing.
"""

from dataclasses import dataclass

from django.db import transaction

from atelier.academy.models import CaseSlide
from atelier.accounts.models import User
from atelier.canvases.models import Canvas, CanvasState
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.demo.common import Cell, add_lanes, add_steps, fill_step
from atelier.projects.demo.journey import LANES
from atelier.projects.models import Project


@dataclass(frozen=True)
class Visit:
    """One step of a case journey: what the resident does, where, and how it feels."""

    title: str
    action: str
    channel: str
    touchpoint: str
    thought: str
    score: int
    feeling: str
    pain: str = ""
    opportunity: str = ""

    def cells(self, persona: str) -> list[Cell]:
        """The step's cards; the persona only where it is given (the journey's first step)."""
        cells = [Cell("persona", persona)] if persona else []
        cells += [
            Cell("actions", self.action),
            Cell("channels", self.touchpoint, {"channel": self.channel}),
            Cell("thoughts", self.thought),
            Cell("emotion", self.feeling, {"score": self.score}),
        ]
        if self.pain:
            cells.append(Cell("pains", self.pain, {"marker": "pain"}))
        if self.opportunity:
            cells.append(Cell("opportunities", self.opportunity))
        return cells


@dataclass(frozen=True)
class CaseJourney:
    case: str  # the workshop case's slug
    slide: str  # the Dutch heading of the slide that shows it
    project: str  # the demo project's title
    title: str
    description: str
    persona: str
    stages: tuple[tuple[str, tuple[Visit, ...]], ...]


LENNIK = CaseJourney(
    case="lennik-gemeentehuis",
    slide="Van de voordeur tot het antwoord",
    project="Onthaal in het vernieuwde gemeentehuis",
    title="Een vraag aan het gemeentehuis (voor de verbouwing)",
    description="Zoals een inwoner van Lennik een vraag aan het gemeentehuis beleefde.",
    persona="Marc, 67, wil een premie voor zijn nieuwe verwarmingsketel aanvragen.",
    stages=(
        (
            "Voor het bezoek",
            (
                Visit(
                    "De weg vinden",
                    "Zoekt op de website bij welke dienst hij moet zijn.",
                    "website",
                    "Website van de gemeente",
                    "Is dit iets voor het sociaal huis of voor het gemeentehuis?",
                    -1,
                    "verward",
                    pain="De website volgt de diensten, niet de vragen van inwoners.",
                    opportunity="De website ordenen volgens levensgebeurtenissen.",
                ),
                Visit(
                    "Een afspraak maken, of niet",
                    "Belt, krijgt geen afspraak en besluit gewoon langs te gaan.",
                    "phone",
                    "Telefoon van het onthaal",
                    "Ik ga wel even langs, dat gaat sneller.",
                    0,
                    "onzeker",
                    opportunity="Een afspraak maken met één telefoontje of klik.",
                ),
            ),
        ),
        (
            "In het gemeentehuis",
            (
                Visit(
                    "Wachten",
                    "Wacht in de gang tussen de verbouwingswerken.",
                    "desk",
                    "Gang en wachtbank",
                    "Ben ik hier wel aan het juiste loket?",
                    -2,
                    "ongeduldig",
                    pain="Geen onthaal dat hem meteen naar de juiste persoon stuurt.",
                    opportunity="Eén onthaal aan de voordeur dat elke vraag opvangt.",
                ),
                Visit(
                    "Het gesprek aan het loket",
                    "Legt zijn vraag uit; de medewerker zoekt de juiste premie op.",
                    "desk",
                    "Loket van de dienst wonen",
                    "Gelukkig neemt ze de tijd.",
                    1,
                    "gerustgesteld",
                    pain="Hij moet zijn facturen nog eens komen brengen.",
                    opportunity="Vooraf zeggen welke documenten hij meebrengt.",
                ),
            ),
        ),
        (
            "Na het bezoek",
            (
                Visit(
                    "Het antwoord",
                    "Krijgt na vier weken een brief met de beslissing.",
                    "letter",
                    "Brief van de gemeente",
                    "Eindelijk, maar waarom moest ik twee keer komen?",
                    1,
                    "tevreden, maar moe",
                    opportunity="Een aanvraag online opvolgen, met een vaste contactpersoon.",
                ),
            ),
        ),
    ),
)

IZEGEM = CaseJourney(
    case="izegem-burgerzaken",
    slide="Een creatieve personeelsdag",
    project="Eén onthaal voor burgerzaken",
    title="Een nieuwe identiteitskaart (vroeger)",
    description="Zoals een jonge ouder in Izegem burgerzaken beleefde vóór de nieuwe visie.",
    persona="Leen, 31, moet een identiteitskaart voor haar dochter aanvragen.",
    stages=(
        (
            "Voor het bezoek",
            (
                Visit(
                    "De oproepingsbrief",
                    "Leest de brief en zoekt wanneer het loket open is.",
                    "letter",
                    "Oproepingsbrief",
                    "Moet mijn dochter zelf mee? En een foto?",
                    -1,
                    "onzeker",
                    pain="De brief zegt niet wat ze moet meebrengen.",
                    opportunity="Eén korte lijst: wie komt mee, wat breng je mee.",
                ),
            ),
        ),
        (
            "Aan het loket",
            (
                Visit(
                    "Wachten in de krappe ruimte",
                    "Wacht met een kind aan de hand in een volle gang.",
                    "desk",
                    "Wachtruimte van burgerzaken",
                    "Hoe lang nog? Ze wordt ongeduldig.",
                    -2,
                    "gestrest",
                    pain="Geen plaats, geen zicht op de wachttijd.",
                    opportunity="Een afspraak op een vast uur en een kindvriendelijke hoek.",
                ),
                Visit(
                    "Naar een ander loket gestuurd",
                    "Blijkt aan het verkeerde loket te staan en moet opnieuw aanschuiven.",
                    "desk",
                    "Loket 2, dan loket 4",
                    "Waarom kon dat eerste loket dit niet?",
                    -2,
                    "boos",
                    pain="Elk loket werkt op zijn eigen manier.",
                    opportunity="Elk loket helpt elke vraag op dezelfde manier.",
                ),
                Visit(
                    "De aanvraag",
                    "De medewerker neemt de vingerafdrukken en de foto.",
                    "desk",
                    "Loket burgerzaken",
                    "Dat ging vlot, eens aan de beurt.",
                    1,
                    "opgelucht",
                ),
            ),
        ),
        (
            "Na het bezoek",
            (
                Visit(
                    "De kaart ophalen",
                    "Krijgt de pincode per post en komt de kaart halen.",
                    "letter",
                    "Brief met pincode",
                    "Alweer naar het loket?",
                    0,
                    "berustend",
                    opportunity="De kaart ophalen zonder opnieuw aan te schuiven.",
                ),
            ),
        ),
    ),
)

JOURNEYS = (LENNIK, IZEGEM)


def _add_journey(journey: CaseJourney, project: Project, by: User) -> Canvas:
    canvas = create_canvas(
        project=project,
        kind=ArtefactKind.JOURNEY,
        title=journey.title,
        state=CanvasState.AS_IS,
        description=journey.description,
        by=by,
        empty=True,
    )
    lanes = add_lanes(canvas=canvas, titles=LANES, by=by)
    persona = journey.persona
    for stage_title, visits in journey.stages:
        steps = add_steps(
            canvas=canvas, stage_title=stage_title, step_titles=[v.title for v in visits], by=by
        )
        for step, visit in zip(steps, visits, strict=True):
            cells, persona = visit.cells(persona), ""
            fill_step(canvas=canvas, lanes=lanes, step=step, cells=cells, evidence={}, by=by)
    return canvas


@transaction.atomic
def add_case_journeys() -> int:
    """Draws each case's journey in its project and shows it on the slide; how many slides."""
    linked = 0
    for journey in JOURNEYS:
        project = Project.objects.filter(title=journey.project).order_by("pk").first()
        if project is None or project.created_by is None:
            continue
        canvas = Canvas.objects.filter(
            project=project, title=journey.title
        ).first() or _add_journey(journey, project, project.created_by)
        linked += CaseSlide.objects.filter(
            case__slug=journey.case, heading_nl=journey.slide
        ).update(canvas=canvas)
    return linked
