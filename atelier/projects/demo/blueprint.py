"""The demo's to-be service blueprint: one front door for every social question."""

from dataclasses import dataclass

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, CanvasState, Card
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import Cell, add_lanes, add_steps, fill_step

TITLE = "Sociaal huis: één onthaal (straks)"

# The blueprint's default lanes (kinds.DEFAULT_LANES), in order: (role, Dutch title).
LANES = (
    ("physical", "Fysiek bewijs"),
    ("actions", "Acties van de inwoner"),
    ("line_interaction", "Lijn van interactie"),
    ("frontstage", "Frontstage: medewerkers en kanalen"),
    ("line_visibility", "Zichtbaarheidslijn"),
    ("backstage", "Backstage"),
    ("line_internal", "Lijn van interne interactie"),
    ("support", "Ondersteunende processen"),
)


@dataclass(frozen=True)
class Scene:
    """One step of the blueprint; `markers` and `evidence` pair a lane role with a value."""

    title: str
    physical: str
    action: str
    channel: str
    frontstage: str
    backstage: str
    support: str
    markers: tuple[tuple[str, str], ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()

    def cells(self) -> list[Cell]:
        def card(role: str, text: str) -> Cell:
            marker = dict(self.markers).get(role)
            keys = tuple(key for lane, key in self.evidence if lane == role)
            return Cell(role, text, {"marker": marker} if marker else {}, keys)

        return [
            card("physical", self.physical),
            card("actions", self.action),
            Cell("frontstage", self.frontstage, {"channel": self.channel}),
            card("backstage", self.backstage),
            card("support", self.support),
        ]


BLUEPRINT = (
    (
        "Voor",
        (
            Scene(
                title="Informatie vinden",
                physical="Pagina 'Ik heb een sociale vraag' op de website en een folder in "
                "de bibliotheek",
                action="Zoekt informatie of belt het nummer van het sociaal huis",
                channel="website",
                frontstage="Eén pagina per levensvraag, met het nummer van het sociaal huis",
                backstage="De redactie houdt de pagina's samen met de diensten actueel",
                support="Website en contactcentersoftware",
                evidence=(("physical", "i_taal"),),
            ),
            Scene(
                title="Afspraak maken of binnenlopen",
                physical="Sms met de afspraak en de lijst met mee te brengen documenten",
                action="Maakt een afspraak aan de telefoon, online of aan het onthaal, of "
                "loopt gewoon binnen",
                channel="phone",
                frontstage="Onthaalmedewerker plant de afspraak, ook op donderdagavond",
                backstage="De agenda's van alle maatschappelijk werkers en diensten zitten in "
                "één afsprakensysteem",
                support="Gedeeld afsprakensysteem van stad en OCMW",
                markers=(("backstage", "critical"),),
                evidence=(("actions", "i_digitaal"),),
            ),
        ),
    ),
    (
        "Tijdens",
        (
            Scene(
                title="Onthaal",
                physical="Eén ingang met het opschrift 'Sociaal huis' en een gedeelde wachtruimte",
                action="Meldt zich aan bij het onthaal",
                channel="desk",
                frontstage="Onthaalmedewerker ontvangt de inwoner bij naam, zonder volgnummer",
                backstage="Het onthaal ziet de afspraak en, met toestemming, het lopende dossier",
                support="Klantvolgsysteem dat stad en OCMW delen",
                markers=(("backstage", "critical"), ("support", "pain")),
                evidence=(("physical", "i_schaamte"), ("backstage", "i_opnieuw")),
            ),
            Scene(
                title="Vraagverheldering",
                physical="Discrete gespreksruimte naast het onthaal",
                action="Vertelt één keer wat er aan de hand is",
                channel="desk",
                frontstage="Onthaalmedewerker verheldert de vraag met een korte vragenlijst",
                backstage="Vraag en gegevens gaan in het dossier, zodat niemand opnieuw begint",
                support="Afsprakenkader over privacy en gedeeld beroepsgeheim",
                markers=(("backstage", "critical"), ("support", "pain")),
                evidence=(("actions", "q_verhaal"), ("backstage", "q_nul")),
            ),
            Scene(
                title="Gesprek met de maatschappelijk werker",
                physical="Overzicht van rechten en premies op papier, om mee naar huis te nemen",
                action="Bespreekt de situatie en dient aanvragen in",
                channel="desk",
                frontstage="Maatschappelijk werker bekijkt alle rechten: huurpremie, leefloon, "
                "budgetbegeleiding",
                backstage="Warme doorverwijzing naar het woonloket of het CAW, met overdracht "
                "van het dossier",
                support="Rechtenverkenner met automatische toekenning waar dat kan",
                evidence=(("backstage", "i_vertrouwen"), ("backstage", "q_bellen")),
            ),
        ),
    ),
    (
        "Na",
        (
            Scene(
                title="Opvolging",
                physical="Brief of sms bij elke stap in de aanvraag",
                action="Volgt de aanvraag op en bezorgt ontbrekende documenten",
                channel="phone",
                frontstage="Vaste contactpersoon belt binnen twee werkdagen terug",
                backstage="Wekelijks casusoverleg tussen de diensten",
                support="Overzicht van openstaande aanvragen en termijnen",
                markers=(("support", "pain"),),
                evidence=(("support", "q_termijn"),),
            ),
            Scene(
                title="Afronding en feedback",
                physical="Korte tevredenheidsvraag per sms of op papier",
                action="Geeft feedback over het bezoek",
                channel="letter",
                frontstage="Brief met de beslissing en het nummer van de vaste contactpersoon",
                backstage="Het team bespreekt de feedback elke maand",
                support="Registratie van doorverwijzingen, om te meten of hun aantal daalt",
                evidence=(("support", "i_collegas"),),
            ),
        ),
    ),
)


def add_blueprint(*, project: Project, evidence: dict[str, Card], by: User) -> Canvas:
    """The to-be blueprint, with its critical points and the pain points still to solve."""
    canvas = create_canvas(
        project=project,
        kind=ArtefactKind.BLUEPRINT,
        title=TITLE,
        state=CanvasState.TO_BE,
        description="Het sociaal huis als enige voordeur, zoals workshop 1 het uittekende.",
        by=by,
        empty=True,
    )
    lanes = add_lanes(canvas=canvas, titles=LANES, by=by)
    for stage_title, scenes in BLUEPRINT:
        steps = add_steps(
            canvas=canvas, stage_title=stage_title, step_titles=[s.title for s in scenes], by=by
        )
        for step, scene in zip(steps, scenes, strict=True):
            fill_step(
                canvas=canvas, lanes=lanes, step=step, cells=scene.cells(), evidence=evidence, by=by
            )
    return canvas
