"""The demo's insight board: interview and observation notes, quotes and clustered insights.

It draws on twelve interviews with residents, nine with staff, observations at the front
desk and a questionnaire answered by 185 residents and 127 staff (figures are invented).
"""

from atelier.accounts.models import User
from atelier.canvases.models import Card
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import Row, fill_sections

INSIGHT_BOARD: list[Row] = [
    (
        "",
        "notes",
        "Ging voor een huurpremie eerst naar het stadhuis, werd naar het OCMW gestuurd en daar "
        "naar het woonloket: drie bezoeken in twee weken.",
        {"source": "gesprek met een inwoner, alleenstaande moeder"},
    ),
    (
        "",
        "notes",
        "Brieven van de energieleverancier en het ziekenfonds blijven ongeopend liggen. Wist niet "
        "dat het OCMW budgetbegeleiding aanbiedt.",
        {"source": "gesprek met een inwoner, weduwnaar"},
    ),
    (
        "",
        "notes",
        "Schat dat een derde van de bezoekers aan het onthaal van het stadhuis eigenlijk met een "
        "sociale vraag komt.",
        {"source": "gesprek met een onthaalmedewerker"},
    ),
    (
        "",
        "notes",
        "De intake duurt lang omdat wat het eerste loket hoorde, niet wordt doorgegeven.",
        {"source": "gesprek met een maatschappelijk werker"},
    ),
    (
        "",
        "notes",
        "Bezoekers blijven staan bij de bordjes 'OCMW', 'Sociale dienst' en 'Welzijn'; vier op "
        "tien vragen de weg aan de bewaking.",
        {"source": "observatie aan het onthaal, dinsdagvoormiddag"},
    ),
    (
        "",
        "notes",
        "61 procent wist niet bij welke dienst ze met hun vraag moesten zijn; 44 procent werd "
        "minstens één keer doorverwezen.",
        {"source": "vragenlijst, 185 inwoners"},
    ),
    (
        "",
        "notes",
        "Zeven op tien medewerkers verwijzen elke week iemand door zonder te weten of die persoon "
        "aankomt.",
        {"source": "vragenlijst, 127 medewerkers"},
    ),
    (
        "",
        "notes",
        "Medewerkers en inwoners tekenden samen het ideale eerste contact: één onthaal, een vast "
        "gezicht, niemand vertrekt zonder afspraak.",
        {"source": "cocreatieworkshop 1"},
    ),
    (
        "q_verhaal",
        "quotes",
        "Ik heb drie keer mijn verhaal verteld voor iemand me kon helpen.",
        {"speaker": "Nadia (34), inwoner"},
    ),
    (
        "q_vrouw",
        "quotes",
        "Mijn vrouw deed dat allemaal. Ik wist niet eens dat het OCMW daarvoor bestond.",
        {"speaker": "Jef (79), inwoner"},
    ),
    (
        "q_bord",
        "quotes",
        "Op het bord staat OCMW, sociale dienst en welzijn. Wat is het verschil?",
        {"speaker": "bezoeker aan het onthaal (observatie)"},
    ),
    (
        "q_hoop",
        "quotes",
        "Ik stuur mensen door en hoop dat ze aankomen. Ik hoor er nooit meer iets van.",
        {"speaker": "Els, onthaalmedewerker stadhuis"},
    ),
    (
        "q_nul",
        "quotes",
        "Bij de intake begin ik altijd van nul, ook als de collega aan het loket al alles weet.",
        {"speaker": "Pieter, maatschappelijk werker"},
    ),
    (
        "q_wachtzaal",
        "quotes",
        "In de wachtzaal van het OCMW voel ik me bekeken. Iedereen weet waarom je daar zit.",
        {"speaker": "Yasmina (41), inwoner"},
    ),
    (
        "q_computer",
        "quotes",
        "Een afspraak maken via de website? Ik heb geen computer.",
        {"speaker": "Maria (72), inwoner (vragenlijst)"},
    ),
    (
        "q_bellen",
        "quotes",
        "Als ik de juiste collega meteen kon bellen, was het in vijf minuten opgelost.",
        {"speaker": "medewerker woonloket (vragenlijst)"},
    ),
    (
        "q_termijn",
        "quotes",
        "Tegen dat ik bij de juiste dienst was, was de termijn voor de premie voorbij.",
        {"speaker": "Kevin (29), inwoner"},
    ),
    (
        "i_vraag",
        "insights",
        "Inwoners denken in een vraag, niet in een dienst: de grens tussen stad en OCMW is voor "
        "hen onzichtbaar.",
        {"cluster": "De weg vinden"},
    ),
    (
        "i_taal",
        "insights",
        "Bordjes, webpagina's en het keuzemenu gebruiken interne namen (OCMW, BCSD, welzijn) die "
        "bezoekers niet begrijpen.",
        {"cluster": "De weg vinden"},
    ),
    (
        "i_vertrouwen",
        "insights",
        "Elke doorverwijzing kost vertrouwen: wie twee keer wordt doorgestuurd, haakt vaak af en "
        "loopt rechten mis.",
        {"cluster": "Doorverwijzen"},
    ),
    (
        "i_opnieuw",
        "insights",
        "Wat het eerste contact opleverde, gaat verloren: de inwoner vertelt opnieuw en de "
        "medewerker begint van nul.",
        {"cluster": "Doorverwijzen"},
    ),
    (
        "i_schaamte",
        "insights",
        "Schaamte houdt mensen weg: een aparte wachtzaal van het OCMW voelt als een etiket.",
        {"cluster": "Drempels"},
    ),
    (
        "i_digitaal",
        "insights",
        "Wie weinig digitaal vaardig is, valt uit als alleen online kanalen overblijven; een stem "
        "of een gezicht blijft nodig.",
        {"cluster": "Drempels"},
    ),
    (
        "i_collegas",
        "insights",
        "Medewerkers willen goed helpen, maar weten niet wat collega's van de andere organisatie "
        "doen.",
        {"cluster": "Samenwerken"},
    ),
]


def add_insight_board(*, project: Project, by: User) -> dict[str, Card]:
    """Notes, quotes and clustered insights; returns the quotes and insights by key."""
    canvas = create_canvas(
        project=project,
        kind=ArtefactKind.INSIGHT_BOARD,
        title="Inzichten uit gesprekken en vragenlijst",
        description=(
            "Twaalf gesprekken met inwoners, negen met medewerkers, observaties aan het onthaal "
            "en een vragenlijst, ingevuld door 185 inwoners en 127 medewerkers."
        ),
        by=by,
    )
    return fill_sections(canvas=canvas, rows=INSIGHT_BOARD, by=by)
