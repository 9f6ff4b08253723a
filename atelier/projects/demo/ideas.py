"""The demo's opportunities and ideas, and the plan and log of its prototype tests."""

from atelier.accounts.models import User
from atelier.canvases.models import Canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import Row, fill_sections

OPPORTUNITIES: list[Row] = [
    (
        "deur",
        "opportunities",
        "Hoe kunnen we ervoor zorgen dat elke inwoner met een sociale vraag meteen aan de juiste "
        "deur klopt?",
        {},
    ),
    (
        "verhaal",
        "opportunities",
        "Hoe kunnen we ervoor zorgen dat een inwoner zijn verhaal maar één keer hoeft te "
        "vertellen?",
        {},
    ),
    (
        "drempel",
        "opportunities",
        "Hoe kunnen we de drempel verlagen voor wie zich schaamt om hulp te vragen?",
        {},
    ),
    (
        "digitaal",
        "opportunities",
        "Hoe kunnen we wie weinig digitaal vaardig is even goed helpen als wie alles online "
        "regelt?",
        {},
    ),
]

# (idea, impact, effort, owner, status, opportunity key)
IDEAS = (
    (
        "Eén onthaal 'Sociaal huis' voor alle sociale vragen van stad en OCMW",
        5,
        4,
        "Sara Peeters, coördinator sociaal huis",
        "selected",
        "deur",
    ),
    (
        "Warme doorverwijzing: de medewerker belt de collega en maakt meteen een afspraak",
        5,
        2,
        "diensthoofd onthaal",
        "selected",
        "verhaal",
    ),
    (
        "Eén klantdossier dat alle diensten zien, met toestemming van de inwoner",
        4,
        5,
        "ICT-dienst",
        "parked",
        "verhaal",
    ),
    (
        "Webpagina's herschreven vanuit levensvragen: 'Ik kan mijn huur niet betalen'",
        3,
        2,
        "communicatiedienst",
        "done",
        "deur",
    ),
    (
        "Bewegwijzering in het stadhuis vanuit vragen in plaats van namen van diensten",
        3,
        2,
        "communicatiedienst",
        "selected",
        "deur",
    ),
    (
        "Gedeelde wachtruimte zonder namen van diensten op de deur",
        4,
        3,
        "facilitaire dienst",
        "selected",
        "drempel",
    ),
    (
        "Avondspreekuur op donderdag en terugbelafspraken",
        3,
        2,
        "Jonas Wouters, onthaal",
        "new",
        "digitaal",
    ),
    (
        "Huisbezoek door een vaste maatschappelijk werker voor wie niet mobiel is",
        4,
        3,
        "team thuiszorg",
        "new",
        "digitaal",
    ),
    (
        "Chatbot op de website die sociale vragen beantwoordt",
        2,
        4,
        "ICT-dienst",
        "parked",
        "digitaal",
    ),
)

TESTS: list[Row] = [
    (
        "rollenspel",
        "tests",
        "Rollenspel: het nieuwe onthaal met drie situaties (huurpremie, schulden, een weduwnaar "
        "met een stapel brieven)",
        {
            "with_whom": (
                "zes onthaalmedewerkers, vier maatschappelijk werkers en vijf inwoners van de "
                "armoedevereniging"
            ),
            "questions": (
                "Kan het onthaal de vraag verhelderen zonder door te verwijzen? Voelt de inwoner "
                "zich gehoord? Hoe lang duurt het eerste gesprek?"
            ),
            "date": "2026-09-15",
            "status": "done",
        },
    ),
    (
        "proef",
        "tests",
        "Proefperiode van twee weken met warme doorverwijzing aan het onthaal van het stadhuis",
        {
            "with_whom": "onthaal stadhuis en sociaal huis, alle bezoekers met een sociale vraag",
            "questions": (
                "Hoeveel doorverwezen bezoekers komen aan bij de juiste dienst? Hoeveel tijd kost "
                "een warme doorverwijzing?"
            ),
            "date": "2026-10-05",
            "status": "done",
        },
    ),
    (
        "bordjes",
        "tests",
        "Papieren proefversie van de nieuwe bewegwijzering in de inkomhal",
        {
            "with_whom": "twintig bezoekers van het stadhuis",
            "questions": "Vinden bezoekers zonder hulp de weg naar het sociaal huis?",
            "date": "2026-12-01",
            "status": "planned",
        },
    ),
    (
        "",
        "observations",
        "Het onthaal vroeg in twee van de drie situaties niet naar andere rechten; met de korte "
        "vragenlijst lukte dat wel.",
        {"decision": "change", "test": "rollenspel"},
    ),
    (
        "",
        "observations",
        "Inwoners vonden de gespreksruimte naast het onthaal discreet genoeg.",
        {"decision": "keep", "test": "rollenspel"},
    ),
    (
        "",
        "observations",
        "Het volgnummer uit de ticketautomaat voelde onpersoonlijk; bezoekers wilden bij naam "
        "geroepen worden.",
        {"decision": "drop", "test": "rollenspel"},
    ),
    (
        "",
        "observations",
        "31 van de 34 warm doorverwezen bezoekers kwamen aan bij de juiste dienst.",
        {"decision": "keep", "test": "proef"},
    ),
    (
        "",
        "observations",
        "Een warme doorverwijzing kost gemiddeld vier minuten extra; op maandagvoormiddag liep de "
        "wachtrij op.",
        {"decision": "change", "test": "proef"},
    ),
]


def add_idea_list(*, project: Project, by: User) -> Canvas:
    """Four 'how might we' questions and the ideas that answer them."""
    canvas = create_canvas(
        project=project,
        kind=ArtefactKind.IDEA_LIST,
        title="Kansen en ideeën uit workshop 1",
        description="Ideeën van medewerkers en inwoners, gewogen op impact en inspanning.",
        by=by,
    )
    ideas: list[Row] = [
        (
            "",
            "ideas",
            text,
            {
                "impact": impact,
                "effort": effort,
                "owner": owner,
                "status": status,
                "opportunity": opportunity,
            },
        )
        for text, impact, effort, owner, status, opportunity in IDEAS
    ]
    fill_sections(canvas=canvas, rows=[*OPPORTUNITIES, *ideas], by=by)
    return canvas


def add_test_plan(*, project: Project, by: User) -> Canvas:
    """The prototype tests of the new front desk, what was seen and what was decided."""
    canvas = create_canvas(
        project=project,
        kind=ArtefactKind.TEST_PLAN,
        title="Testen van het nieuwe onthaal",
        description="Rollenspel en proefperiode in september en oktober 2026.",
        by=by,
    )
    fill_sections(canvas=canvas, rows=TESTS, by=by)
    return canvas
