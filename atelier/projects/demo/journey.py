"""The demo's as-is journey: Sofie's visit to the social services as it goes today."""

from dataclasses import dataclass

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, CanvasState, Card
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.versions import take_snapshot
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import Cell, add_lanes, add_steps, fill_step

TITLE = "Bezoek aan de sociale dienst (vandaag)"
VERSION = "Na workshop 1"

# The journey's default lanes (kinds.DEFAULT_LANES), in order: (role, Dutch title).
LANES = (
    ("persona", "Persona"),
    ("actions", "Acties"),
    ("channels", "Contactpunten en kanalen"),
    ("thoughts", "Gedachten en behoeften"),
    ("emotion", "Emotie"),
    ("pains", "Pijnpunten"),
    ("opportunities", "Kansen"),
    ("evidence", "Onderbouwing"),
)


@dataclass(frozen=True)
class Moment:
    """One step of the journey, lane by lane; `evidence` pairs a lane role with a research key."""

    title: str
    persona: str
    action: str
    channel: str
    touchpoint: str
    thought: str
    score: int
    feeling: str
    pain: str
    opportunity: str
    evidence: tuple[tuple[str, str], ...] = ()

    def cells(self, persona_uid: str) -> list[Cell]:
        def backed(role: str) -> tuple[str, ...]:
            return tuple(key for lane, key in self.evidence if lane == role)

        return [
            Cell("persona", self.persona, {"persona": persona_uid}),
            Cell("actions", self.action, evidence=backed("actions")),
            Cell("channels", self.touchpoint, {"channel": self.channel}, backed("channels")),
            Cell("thoughts", self.thought, evidence=backed("thoughts")),
            Cell("emotion", self.feeling, {"score": self.score}),
            Cell("pains", self.pain, {"marker": "pain"}, backed("pains")),
            Cell("opportunities", self.opportunity, evidence=backed("opportunities")),
        ]


JOURNEY = (
    (
        "Voor het bezoek",
        (
            Moment(
                title="Er is een vraag",
                persona="Sofie hoort op het werk over de huurpremie.",
                action="Hoort van een collega dat ze misschien recht heeft op een huurpremie "
                "en een toelage van de stad.",
                channel="other",
                touchpoint="Mond-tot-mondreclame op het werk",
                thought="Heb ik daar recht op? En wie moet ik dat vragen?",
                score=0,
                feeling="hoopvol, maar onzeker",
                pain="Ze weet niet wie wat doet: de Vlaamse overheid, de stad of het OCMW.",
                opportunity="Eén herkenbaar startpunt voor elke sociale vraag.",
                evidence=(("pains", "i_vraag"),),
            ),
            Moment(
                title="Informatie zoeken",
                persona="Sofie zoekt 's avonds op haar gsm.",
                action="Zoekt 'huurpremie Geel' en vindt drie pagina's van verschillende diensten.",
                channel="website",
                touchpoint="Website van de stad",
                thought="Is dit nu de stad of het OCMW? Welke pagina klopt?",
                score=-1,
                feeling="verward",
                pain="De informatie staat verspreid en spreekt elkaar soms tegen.",
                opportunity="Eén pagina per levensvraag, in eenvoudige taal.",
                evidence=(("pains", "i_taal"),),
            ),
            Moment(
                title="Bellen",
                persona="Sofie belt tijdens haar middagpauze.",
                action="Belt het algemene nummer en komt in een keuzemenu zonder optie voor "
                "sociale vragen.",
                channel="phone",
                touchpoint="Algemeen nummer van de stad, keuzemenu",
                thought="Ik heb maar een halfuur pauze.",
                score=-1,
                feeling="gehaast",
                pain="Lange wachttijd; na twintig minuten hoort ze dat ze beter langskomt.",
                opportunity="Een rechtstreeks nummer van het sociaal huis met terugbelafspraak.",
                evidence=(("pains", "q_computer"), ("opportunities", "i_digitaal")),
            ),
        ),
    ),
    (
        "Aankomst",
        (
            Moment(
                title="De weg vinden",
                persona="Sofie neemt een halve dag verlof.",
                action="Gaat naar het stadhuis, omdat dat het bekendste gebouw is.",
                channel="desk",
                touchpoint="Inkomhal en bewegwijzering van het stadhuis",
                thought="Hier zal iemand me wel kunnen helpen.",
                score=0,
                feeling="vastberaden",
                pain="De bordjes noemen diensten, geen vragen.",
                opportunity="Bewegwijzering vanuit de vragen van inwoners.",
                evidence=(("pains", "q_bord"), ("pains", "i_taal")),
            ),
            Moment(
                title="Aanmelden aan het loket",
                persona="Sofie legt haar situatie uit aan het loket.",
                action="Vertelt aan het loket van burgerzaken waarvoor ze komt.",
                channel="desk",
                touchpoint="Loket burgerzaken",
                thought="Moet ik dit hier vertellen, waar iedereen meeluistert?",
                score=-1,
                feeling="ongemakkelijk",
                pain="Er is geen discrete plek voor een eerste gesprek.",
                opportunity="Een gespreksruimte naast het onthaal.",
                evidence=(("pains", "i_schaamte"),),
            ),
            Moment(
                title="Doorverwezen naar een ander loket",
                persona="Sofie moet naar de andere kant van de stad.",
                action="Krijgt een briefje met het adres van het OCMW en de openingsuren.",
                channel="letter",
                touchpoint="Briefje met adres van het OCMW",
                thought="Waarom kan niemand me hier helpen? Ik moet straks terug naar mijn werk.",
                score=-2,
                feeling="boos en ontmoedigd",
                pain="Doorverwijzing zonder afspraak en zonder overdracht: haar verhaal "
                "begint opnieuw.",
                opportunity="Warme doorverwijzing: de medewerker belt de collega en maakt "
                "meteen een afspraak.",
                evidence=(
                    ("pains", "q_verhaal"),
                    ("pains", "i_vertrouwen"),
                    ("actions", "q_hoop"),
                    ("opportunities", "q_bellen"),
                ),
            ),
        ),
    ),
    (
        "Bij de sociale dienst",
        (
            Moment(
                title="Wachten",
                persona="Sofie wacht in de wachtzaal van het OCMW.",
                action="Neemt een volgnummer en wacht.",
                channel="kiosk",
                touchpoint="Ticketautomaat en wachtzaal",
                thought="Wat als iemand die ik ken me hier ziet?",
                score=-1,
                feeling="beschaamd",
                pain="Ze wacht veertig minuten in een wachtzaal die als een etiket voelt.",
                opportunity="Eén gedeelde wachtruimte voor alle diensten.",
                evidence=(("pains", "q_wachtzaal"), ("pains", "i_schaamte")),
            ),
            Moment(
                title="Gesprek met de maatschappelijk werker",
                persona="Sofie vertelt haar verhaal voor de derde keer.",
                action="Bespreekt haar situatie; de maatschappelijk werker kijkt ook naar andere "
                "rechten.",
                channel="desk",
                touchpoint="Spreekkamer van de maatschappelijk werker",
                thought="Eindelijk iemand die luistert.",
                score=1,
                feeling="opgelucht",
                pain="Ze mist haar loonfiches en moet terugkomen.",
                opportunity="Vooraf een lijst met mee te brengen documenten, per sms of brief.",
                evidence=(("pains", "q_nul"), ("pains", "i_opnieuw")),
            ),
        ),
    ),
    (
        "Na het bezoek",
        (
            Moment(
                title="Documenten bezorgen",
                persona="Sofie mailt foto's van haar documenten.",
                action="Bezorgt de loonfiches en het huurcontract.",
                channel="email",
                touchpoint="E-mail aan de maatschappelijk werker",
                thought="Is mijn dossier nu volledig?",
                score=0,
                feeling="onzeker",
                pain="Ze krijgt geen bevestiging dat alles goed is aangekomen.",
                opportunity="Een ontvangstbevestiging en één dossier dat alle diensten zien.",
                evidence=(("opportunities", "i_opnieuw"),),
            ),
            Moment(
                title="Beslissing en opvolging",
                persona="Sofie krijgt na zes weken een antwoord.",
                action="Leest de beslissing over de huurpremie en de toelage van de stad.",
                channel="letter",
                touchpoint="Brief van het OCMW",
                thought="Gelukt, maar waarom duurde het zo lang?",
                score=1,
                feeling="tevreden, maar moe",
                pain="Ze had geen zicht op waar haar aanvraag zat.",
                opportunity="Een vaste contactpersoon die haar op de hoogte houdt.",
                evidence=(("pains", "q_termijn"),),
            ),
        ),
    ),
)


def add_journey(
    *, project: Project, persona: Canvas, evidence: dict[str, Card], by: User
) -> Canvas:
    """The as-is journey, every card lane filled at every step, and its version after workshop 1."""
    canvas = create_canvas(
        project=project,
        kind=ArtefactKind.JOURNEY,
        title=TITLE,
        state=CanvasState.AS_IS,
        description="Zoals Sofie een bezoek aan de sociale dienst vandaag beleeft.",
        by=by,
        empty=True,
    )
    lanes = add_lanes(canvas=canvas, titles=LANES, by=by)
    for stage_title, moments in JOURNEY:
        steps = add_steps(
            canvas=canvas, stage_title=stage_title, step_titles=[m.title for m in moments], by=by
        )
        for step, moment in zip(steps, moments, strict=True):
            cells = moment.cells(str(persona.uid))
            fill_step(canvas=canvas, lanes=lanes, step=step, cells=cells, evidence=evidence, by=by)
    take_snapshot(canvas=canvas, name=VERSION, by=by)
    return canvas
