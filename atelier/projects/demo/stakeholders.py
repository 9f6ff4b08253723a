"""The demo's stakeholder map: who takes part in the first contact, and how they relate."""

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, RelationKind
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.links import relate
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import Row, fill_sections

# (key, name, ring, type, role, interest, influence)
STAKEHOLDERS = (
    (
        "inwoners",
        "Inwoners met een sociale vraag",
        "core",
        "person",
        "gebruikers van het sociaal huis",
        5,
        2,
    ),
    (
        "onthaal",
        "Onthaalmedewerkers",
        "core",
        "team",
        "eerste aanspreekpunt aan loket en telefoon",
        5,
        3,
    ),
    (
        "mw",
        "Maatschappelijk werkers",
        "core",
        "team",
        "leefloon, budgetbegeleiding en schuldhulp",
        5,
        4,
    ),
    (
        "projectteam",
        "Projectteam sociaal huis",
        "core",
        "team",
        "leidt het project en de workshops",
        5,
        4,
    ),
    (
        "directeur",
        "Algemeen directeur",
        "direct",
        "person",
        "opdrachtgever, stuurt de integratie van stad en OCMW",
        4,
        5,
    ),
    (
        "schepen",
        "Schepen van sociale zaken",
        "direct",
        "person",
        "politiek verantwoordelijk, voorzitter van het BCSD",
        4,
        5,
    ),
    (
        "woonloket",
        "Woonloket",
        "direct",
        "team",
        "informeert over huren, huurpremie en renovatie",
        4,
        3,
    ),
    (
        "burgerzaken",
        "Dienst burgerzaken",
        "direct",
        "team",
        "loket in het stadhuis waar veel sociale vragen binnenkomen",
        3,
        2,
    ),
    (
        "ict",
        "ICT-dienst",
        "direct",
        "team",
        "afsprakensysteem, klantvolgsysteem en telefonie",
        3,
        3,
    ),
    (
        "vereniging",
        "Armoedevereniging",
        "direct",
        "partner",
        "vrijwilligers die kwetsbare gezinnen kennen en begeleiden",
        4,
        2,
    ),
    (
        "caw",
        "Centrum Algemeen Welzijnswerk",
        "indirect",
        "partner",
        "welzijnswerk; ontvangt en stuurt doorverwijzingen",
        3,
        2,
    ),
    (
        "ziekenfonds",
        "Ziekenfondsen",
        "indirect",
        "partner",
        "verhoogde tegemoetkoming en thuiszorg",
        2,
        2,
    ),
    (
        "shm",
        "Sociale huisvestingsmaatschappij",
        "indirect",
        "partner",
        "sociale huurwoningen en wachtlijsten",
        2,
        3,
    ),
    (
        "vlaanderen",
        "Vlaamse overheid (Wonen in Vlaanderen)",
        "indirect",
        "partner",
        "beslist over de Vlaamse huurpremie",
        2,
        4,
    ),
    (
        "leverancier",
        "Leverancier klantvolgsysteem",
        "indirect",
        "supplier",
        "levert en onderhoudt de software",
        2,
        3,
    ),
)

# (from, to, kind, label)
RELATIONS = (
    ("directeur", "projectteam", RelationKind.FORMAL, "opdracht en mandaat"),
    ("schepen", "directeur", RelationKind.FORMAL, "beleidskeuzes van raad en BCSD"),
    ("onthaal", "mw", RelationKind.FORMAL, "doorverwijzing via het klantvolgsysteem"),
    (
        "burgerzaken",
        "onthaal",
        RelationKind.INFORMAL,
        "sturen bezoekers door, vaak zonder afspraak",
    ),
    ("vereniging", "onthaal", RelationKind.INFORMAL, "gaan mee met gezinnen naar het onthaal"),
    ("vlaanderen", "inwoners", RelationKind.MONEY, "Vlaamse huurpremie"),
    ("mw", "inwoners", RelationKind.MONEY, "leefloon en aanvullende steun"),
    ("ict", "leverancier", RelationKind.MONEY, "licentie en onderhoud"),
    ("woonloket", "mw", RelationKind.INFORMATION, "gedeelde dossiers over huur en schulden"),
    ("caw", "mw", RelationKind.INFORMATION, "doorverwijzing met toestemming van de cliënt"),
    ("onthaal", "inwoners", RelationKind.INFORMATION, "uitleg over rechten en afspraken"),
)


def add_stakeholder_map(*, project: Project, by: User) -> Canvas:
    """Fifteen stakeholders over the three rings and the relations between them."""
    canvas = create_canvas(
        project=project,
        kind=ArtefactKind.STAKEHOLDER_MAP,
        title="Wie is betrokken bij het eerste contact?",
        description="Opgesteld door het kernteam op 27 januari 2026.",
        by=by,
    )
    rows: list[Row] = [
        (
            key,
            "stakeholders",
            name,
            {
                "ring": ring,
                "type": kind,
                "role": role,
                "interest": interest,
                "influence": influence,
            },
        )
        for key, name, ring, kind, role, interest, influence in STAKEHOLDERS
    ]
    cards = fill_sections(canvas=canvas, rows=rows, by=by)
    for source, target, relation, label in RELATIONS:
        relate(source=cards[source], target=cards[target], relation=relation, label=label, by=by)
    return canvas
