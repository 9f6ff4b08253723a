"""Two more demo workshop cases, told in our own words: Lennik and Izegem (DOMAIN §2).

Each times one exercise; each draws its project's journey on one slide once the impact
demo has made the projects (case_canvases.py). Running it again leaves the slides as shipped.
"""

from django.db import transaction

from atelier.academy.models import CaseSlide, CaseStage, WorkshopCase

# (stage, heading nl, heading en, body nl, body en, notes nl, notes en, exercise minutes)
Slide = tuple[CaseStage, str, str, str, str, str, str, int | None]

LENNIK_SLIDES: list[Slide] = [
    (
        CaseStage.PROBLEM,
        "Een gemeentehuis in verbouwing",
        "A town hall being rebuilt",
        "Lennik telt ongeveer 9.000 inwoners. Het onthaal en de digitale dienstverlening "
        "waren verouderd, het gemeentehuis kreeg een uitbreiding en ook het sociaal huis "
        "moest er een plaats in krijgen.",
        "Lennik has about 9,000 inhabitants. Its front desk and digital services were out of "
        "date, the town hall was getting an extension, and the social house had to find a "
        "place in it too.",
        "Een verbouwing is een kans: wat je nu niet herdenkt, staat er weer dertig jaar.",
        "A rebuild is a chance: what you do not rethink now stays for another thirty years.",
        None,
    ),
    (
        CaseStage.PROBLEM,
        "Drie opdrachten, drie eilanden",
        "Three contracts, three islands",
        "De gewone weg: een architect voor het gebouw, een webbureau voor de website en een "
        "adviesbureau voor de organisatie. Elk ontwerpt zijn eigen stuk, en de inwoner "
        "moet ze zelf aan elkaar passen.",
        "The usual way: an architect for the building, a web agency for the website and a "
        "consultancy for the organisation. Each designs its own piece, and the resident has "
        "to fit them together.",
        "Vraag wie al eens een loket zag dat mooi was maar niet werkte, of omgekeerd.",
        "Ask who has seen a desk that looked fine but did not work, or the other way round.",
        None,
    ),
    (
        CaseStage.RESEARCH,
        "Eén ontwerpteam voor de hele dienst",
        "One design team for the whole service",
        "Lennik koos één dienstontwerpteam in plaats van drie aparte opdrachten. Dat team "
        "observeerde aan het onthaal en sprak uitgebreid met de medewerkers.",
        "Lennik chose one service design team instead of three separate contracts. The team "
        "observed at the front desk and talked at length with the staff.",
        "Observeren toont wat mensen doen, niet wat ze zeggen dat ze doen.",
        "Observation shows what people do, not what they say they do.",
        None,
    ),
    (
        CaseStage.RESEARCH,
        "De inwoners aan het woord",
        "Residents have their say",
        "In inspraakmomenten vertelden inwoners hoe zij het gemeentehuis gebruiken. In "
        "rollenspelen speelden medewerkers en inwoners een bezoek na, van de deur tot het "
        "antwoord.",
        "At consultation evenings residents told how they use the town hall. In role plays, "
        "staff and residents acted out a visit, from the door to the answer.",
        "Een rollenspel maakt zichtbaar wat niemand opschrijft: wachten, twijfelen, terugkeren.",
        "A role play shows what nobody writes down: waiting, doubting, coming back.",
        None,
    ),
    (
        CaseStage.INSIGHTS,
        "Oefening: speel het loket na",
        "Exercise: act out the desk",
        "Kies in groepjes van drie een vraag aan jullie eigen onthaal. Eén speelt de "
        "inwoner, één de medewerker, één kijkt en noteert waar het stokt.",
        "In groups of three, choose a question asked at your own front desk. One plays the "
        "resident, one the member of staff, one watches and notes where it gets stuck.",
        "Start de timer pas als elk groepje zijn vraag heeft. Vraag daarna elke waarnemer "
        "om één haperpunt.",
        "Start the timer once every group has its question. Then ask each observer for one "
        "sticking point.",
        10,
    ),
    (
        CaseStage.JOURNEY,
        "Van de voordeur tot het antwoord",
        "From the front door to the answer",
        "Het team tekende het bezoek stap voor stap: de weg vinden, een afspraak maken of "
        "niet, wachten, het gesprek aan het loket en wat er daarna online of per brief volgt.",
        "The team drew the visit step by step: finding the way, booking or not, waiting, the "
        "talk at the desk, and what follows online or by letter.",
        "Toon dat het gebouw en de website in dezelfde reis zitten.",
        "Show that the building and the website sit in the same journey.",
        None,
    ),
    (
        CaseStage.SOLUTION,
        "Een opdracht voor wie bouwt",
        "A brief for those who build",
        "Wat het team leerde, werd de opdracht voor de architect en de webbouwer die later "
        "kwamen. Zo bouwden zij aan dezelfde dienst, niet elk aan hun eigen stuk.",
        "What the team learned became the brief for the architect and the web builder who "
        "came later. So they built the same service, not each a piece of their own.",
        "Sluit af: welke opdracht in jullie bestuur zou baat hebben bij zo'n ontwerpfase?",
        "Close: which contract in your authority would gain from such a design phase first?",
        None,
    ),
]

IZEGEM_SLIDES: list[Slide] = [
    (
        CaseStage.PROBLEM,
        "Te krap, en elk loket anders",
        "Too cramped, and every desk different",
        "De loketten van burgerzaken in Izegem waren te klein. Bovendien werkte elk loket op "
        "zijn eigen manier, zodat een inwoner nooit goed wist wat hem te wachten stond.",
        "Izegem's registry offices were too small. On top of that, every desk worked in its "
        "own way, so residents never quite knew what to expect.",
        "Vraag: werken jullie loketten allemaal op dezelfde manier? Hoe weet je dat?",
        "Ask: do all your desks work the same way? How do you know?",
        None,
    ),
    (
        CaseStage.PROBLEM,
        "Niemand komt hier voor zijn plezier",
        "Nobody comes here for fun",
        "Een identiteitskaart, een uittreksel, een aangifte: bij burgerzaken komen mensen "
        "omdat het moet. Ze hebben weinig tijd en soms zorgen.",
        "An identity card, a certificate, a registration: people come to the registry office "
        "because they must. They have little time and sometimes worries.",
        "Wie ongewild komt, merkt elke drempel dubbel op.",
        "Someone who comes unwillingly notices every obstacle twice.",
        None,
    ),
    (
        CaseStage.RESEARCH,
        "Eerst een visie, dan een architect",
        "First a vision, then an architect",
        "Het bestuur had 15.000 euro voor een architect. Het besteedde dat geld eerst aan "
        "een visie op de dienstverlening: wat moet het onthaal doen, voor wie?",
        "The authority had 15,000 euros for an architect. It spent that money first on a "
        "vision of the service: what should the front desk do, and for whom?",
        "Dit is de kern van de case: de vraag vóór de vorm.",
        "This is the heart of the case: the question before the form.",
        None,
    ),
    (
        CaseStage.RESEARCH,
        "Gaan kijken bij anderen",
        "Going to look at others",
        "Medewerkers trokken op leerbezoek naar andere steden en gemeenten die hun onthaal "
        "al hadden vernieuwd, en kwamen terug met ideeën en vragen.",
        "Staff went on learning visits to other towns that had already renewed their front "
        "desk, and came back with ideas and questions.",
        "Een leerbezoek werkt het best met een paar vragen die je vooraf opschrijft.",
        "A learning visit works best with a few questions written down beforehand.",
        None,
    ),
    (
        CaseStage.INSIGHTS,
        "Voor wie ontwerpen we?",
        "Who are we designing for?",
        "Met persona's maakte het team de bezoekers concreet: de jonge ouder die een kind "
        "aangeeft, de oudere die een nieuwe identiteitskaart nodig heeft, de nieuwkomer die "
        "de taal nog leert.",
        "With personas the team made visitors concrete: the young parent registering a "
        "child, the older resident who needs a new identity card, the newcomer still "
        "learning the language.",
        "Een persona is geen gemiddelde, maar een herkenbaar iemand met een doel.",
        "A persona is not an average but a recognisable someone with a goal.",
        None,
    ),
    (
        CaseStage.INSIGHTS,
        "Oefening: een persona voor jullie loket",
        "Exercise: a persona for your desk",
        "Schrijf in duo's een persona voor een bezoeker van jullie eigen onthaal: wie is het, "
        "waarvoor komt die, wat maakt het moeilijk?",
        "In pairs, write a persona for a visitor to your own front desk: who is it, what do "
        "they come for, what makes it hard?",
        "Laat na de timer twee duo's hun persona voorstellen in één minuut.",
        "After the timer, let two pairs present their persona in one minute.",
        8,
    ),
    (
        CaseStage.JOURNEY,
        "Een creatieve personeelsdag",
        "A creative staff day",
        "Op een personeelsdag volgden medewerkers de persona's door hun bezoek, van de "
        "afspraak tot het document, en tekenden ze samen hoe het anders kon.",
        "On a staff day, staff followed the personas through their visit, from the "
        "appointment to the document, and sketched together how it could be done differently.",
        "Benadruk dat de medewerkers zelf de ontwerpers waren.",
        "Stress that the staff themselves were the designers.",
        None,
    ),
    (
        CaseStage.SOLUTION,
        "Eén onthaal voor burgerzaken",
        "One front desk for the registry office",
        "De visie werd de basis: één onthaal waar elk loket op dezelfde manier werkt. Pas "
        "daarna kreeg de architect de opdracht, met een duidelijke vraag.",
        "The vision became the foundation: one front desk where every counter works the same "
        "way. Only then was the architect briefed, with a clear question.",
        "Sluit af met: wat zou jullie bestuur doen met 15.000 euro vóór de verbouwing?",
        "Close with: what would your authority do with 15,000 euros before the rebuild?",
        None,
    ),
]

CASES = [
    (
        "lennik-gemeentehuis",
        "Lennik: één ontwerpteam voor het vernieuwde gemeentehuis",
        "Lennik: one design team for the renewed town hall",
        "Lennik",
        LENNIK_SLIDES,
    ),
    (
        "izegem-burgerzaken",
        "Izegem: eerst een visie voor burgerzaken",
        "Izegem: a vision first for the registry office",
        "Izegem",
        IZEGEM_SLIDES,
    ),
]


@transaction.atomic
def load_demo_workshop_cases() -> list[WorkshopCase]:
    """Lennik's and Izegem's cases with their slides."""
    cases = []
    for slug, title_nl, title_en, authority, slides in CASES:
        case, _created = WorkshopCase.objects.update_or_create(
            slug=slug,
            defaults={
                "title_nl": title_nl,
                "title_en": title_en,
                "authority": authority,
                "is_published": True,
            },
        )
        for position, slide in enumerate(slides, start=1):
            stage, heading_nl, heading_en, body_nl, body_en, notes_nl, notes_en, minutes = slide
            CaseSlide.objects.update_or_create(
                case=case,
                position=position,
                defaults={
                    "stage": stage,
                    "heading_nl": heading_nl,
                    "heading_en": heading_en,
                    "body_nl": body_nl,
                    "body_en": body_en,
                    "notes_nl": notes_nl,
                    "notes_en": notes_en,
                    "exercise_minutes": minutes,
                },
            )
        case.slides.filter(position__gt=len(slides)).delete()
        cases.append(case)
    return cases
