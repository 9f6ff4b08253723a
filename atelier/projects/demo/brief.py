"""The demo's design brief and its two personas, Sofie and Marcel."""

from atelier.accounts.models import User
from atelier.canvases.models import Canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import Row, fill_sections, texts

BRIEF: list[Row] = [
    *texts(
        "problem",
        "Inwoners weten niet bij welk loket ze met een sociale vraag terechtkunnen: de "
        "dienstverlening van stad en OCMW zit verspreid over verschillende gebouwen en diensten.",
        "Wie doorverwezen wordt, moet zijn verhaal opnieuw doen. Sommigen haken af en lopen "
        "rechten mis, zoals een huurpremie, een leefloon of een schooltoelage.",
    ),
    *texts(
        "users",
        "Inwoners met een sociale vraag: gezinnen met een laag inkomen, alleenstaande ouders, "
        "ouderen die alleen wonen, mensen met schulden.",
        "Medewerkers van het onthaal, de sociale dienst, het woonloket en burgerzaken.",
    ),
    *texts(
        "goals",
        "Elke inwoner met een sociale vraag vindt meteen de weg naar één voordeur.",
        "Een inwoner vertelt zijn verhaal maar één keer.",
        "Medewerkers van stad en OCMW werken als één team rond de vraag van de inwoner.",
    ),
    *texts(
        "scope",
        "Binnen: het eerste contact, het onthaal, de afspraak en de doorverwijzing binnen het "
        "sociaal huis, langs alle kanalen (loket, telefoon, website, brief).",
        "Buiten: de inhoud van de hulpverlening zelf en de verbouwing van het gebouw, die in "
        "een apart dossier zit.",
    ),
    *texts(
        "limits",
        "Looptijd van januari tot december 2026; beslissing over de inrichting in het najaar.",
        "25.000 euro voor externe begeleiding, prototypes en vergoedingen voor deelnemers.",
    ),
    *texts(
        "constraints",
        "Gegevens van cliënten worden alleen met hun toestemming gedeeld tussen diensten "
        "(AVG en beroepsgeheim).",
        "Openingsuren en personeelsbezetting blijven voorlopig gelijk.",
    ),
    *texts(
        "risks",
        "Medewerkers vrezen dat één onthaal voor alles meer werkdruk betekent.",
        "Kwetsbare inwoners doen niet mee aan het onderzoek als we hen niet zelf opzoeken.",
    ),
    *texts(
        "outcomes",
        "Een gedragen concept voor het sociaal huis als enige voordeur.",
        "Een to-be-blueprint en een actieplan voor de invoering.",
        "Minder doorverwijzingen: minder dan 1 op 10 bezoekers moet nog naar een ander loket.",
    ),
]

SOFIE: list[Row] = [
    (
        "",
        "profile",
        "Sofie Vermeulen",
        {
            "quote": (
                "Ik wil gewoon weten waar ik moet zijn, zonder drie keer mijn verhaal te doen."
            ),
            "age": "34",
            "household": "alleenstaande moeder van twee kinderen (6 en 9 jaar)",
            "occupation": "deeltijds kassierster in een supermarkt",
            "digital_skills": "regelt veel met haar smartphone, maar vindt formulieren lastig",
            "language": "Nederlands",
        },
    ),
    *texts(
        "background",
        "Sinds haar scheiding huurt Sofie een klein appartement op de private huurmarkt. Met "
        "haar deeltijds loon en het groeipakket blijft er weinig over.",
        "Een collega vertelde haar over de huurpremie en over een toelage van de stad, maar "
        "ze weet niet wie wat doet en waar ze die moet aanvragen.",
    ),
    *texts(
        "goals",
        "Een huurpremie aanvragen, zodat de huur betaalbaar blijft.",
        "Alles regelen zonder verlof te moeten nemen.",
    ),
    *texts(
        "needs",
        "Eén aanspreekpunt dat naar haar hele situatie kijkt.",
        "Een afspraak buiten de kantooruren of een terugbelafspraak.",
        "Vooraf weten welke documenten ze moet meebrengen.",
    ),
    *texts(
        "frustrations",
        "Ze werd van het stadhuis naar het OCMW gestuurd en daar naar het woonloket.",
        "De openingsuren vallen samen met haar werkuren.",
        "Ze voelt zich bekeken in de wachtzaal van het OCMW.",
    ),
    ("", "channels", "Zoekt eerst op de website van de stad", {"channel": "website"}),
    ("", "channels", "Belt tijdens haar middagpauze", {"channel": "phone"}),
    ("", "channels", "Vraagt raad in een Facebookgroep van de buurt", {"channel": "social_media"}),
    ("", "channels", "Komt naar het loket als het niet anders kan", {"channel": "desk"}),
]

MARCEL: list[Row] = [
    (
        "",
        "profile",
        "Marcel Janssens",
        {
            "quote": "Mijn vrouw deed al die papieren. Nu weet ik niet eens waar ik moet beginnen.",
            "age": "78",
            "household": "weduwnaar sinds vorig jaar, woont alleen; zijn zoon woont in Antwerpen",
            "occupation": "gepensioneerd magazijnier",
            "digital_skills": "heeft geen computer en gebruikt zijn gsm alleen om te bellen",
            "language": "Nederlands (Kempisch dialect)",
        },
    ),
    *texts(
        "background",
        "Marcels vrouw deed de administratie van het gezin. Sinds ze overleden is, stapelen "
        "de brieven van de energieleverancier, het ziekenfonds en de belastingen zich op.",
        "Met een klein pensioen en een hoge energiefactuur komt hij moeilijk rond, maar hij "
        "vraagt niet graag hulp.",
    ),
    *texts(
        "goals",
        "Zijn rekeningen op tijd betalen.",
        "Zo lang mogelijk thuis blijven wonen.",
    ),
    *texts(
        "needs",
        "Een vast gezicht dat hem helpt met zijn papieren, zoals budgetbegeleiding.",
        "Uitleg op papier en aan het loket, niet alleen online.",
        "Hulp bij de aanvraag van een verhoogde tegemoetkoming en van poetshulp.",
    ),
    *texts(
        "frustrations",
        "Als hij belt, komt hij in een keuzemenu terecht.",
        "Aan het loket zeggen ze dat hij het op de website moet nakijken.",
        "Een afspraak maken kan alleen nog met een onlineformulier.",
    ),
    ("", "channels", "Gaat langs bij het onthaal van het stadhuis", {"channel": "desk"}),
    ("", "channels", "Belt het algemene nummer van de stad", {"channel": "phone"}),
    (
        "",
        "channels",
        "Leest de brieven die hij krijgt, maar begrijpt ze niet altijd",
        {"channel": "letter"},
    ),
    ("", "channels", "Krijgt graag iemand over de vloer", {"channel": "home_visit"}),
]

PERSONAS = (
    (
        "Persona: Sofie, alleenstaande moeder",
        "Werkende moeder met een laag inkomen die een huurpremie zoekt.",
        SOFIE,
    ),
    (
        "Persona: Marcel, weduwnaar",
        "Gepensioneerde man met weinig digitale vaardigheden die na de dood van zijn vrouw "
        "zijn administratie niet meer rondkrijgt.",
        MARCEL,
    ),
)


def add_brief(*, project: Project, by: User) -> Canvas:
    """The design brief, every section filled."""
    canvas = create_canvas(
        project=project,
        kind=ArtefactKind.DESIGN_BRIEF,
        title="Ontwerpopdracht: één voordeur",
        description="Goedgekeurd door de stuurgroep op 20 januari 2026.",
        by=by,
    )
    fill_sections(canvas=canvas, rows=BRIEF, by=by)
    return canvas


def add_personas(*, project: Project, by: User) -> list[Canvas]:
    """Sofie and Marcel, every section filled."""
    personas = []
    for title, description, rows in PERSONAS:
        canvas = create_canvas(
            project=project,
            kind=ArtefactKind.PERSONA,
            title=title,
            description=description,
            by=by,
        )
        fill_sections(canvas=canvas, rows=rows, by=by)
        personas.append(canvas)
    return personas
