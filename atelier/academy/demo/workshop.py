"""Demo workshop case: how Geel brought its social services behind one front door."""

from django.db import transaction

from atelier.academy.models import CaseSlide, CaseStage, WorkshopCase

# (stage, heading nl, heading en, body nl, body en, notes nl, notes en), told in our own words.
GEEL_SLIDES = [
    (
        CaseStage.PROBLEM,
        "Twee huizen, één inwoner",
        "Two houses, one resident",
        "Geel telt zo'n 40.000 inwoners. De sociale dienstverlening zat verdeeld over de stad "
        "en het OCMW, elk met eigen loketten, gebouwen en werkwijzen.",
        "Geel has about 40,000 inhabitants. Its social services were split between the city "
        "and the OCMW, each with desks, buildings and ways of working of its own.",
        "Vraag de zaal: hoeveel loketten heeft jullie eigen bestuur voor sociale vragen?",
        "Ask the room: how many desks does your own authority have for social questions?",
    ),
    (
        CaseStage.PROBLEM,
        "Aan welk loket moet ik zijn?",
        "Which desk do I go to?",
        "Inwoners wisten vaak niet waar ze met hun vraag terechtkonden. Ze werden "
        "doorverwezen, vertelden hun verhaal opnieuw en haakten soms af.",
        "Residents often did not know where to take their question. They were sent on, told "
        "their story again, and sometimes gave up.",
        "Benadruk: het probleem is niet de inzet van het personeel, maar de structuur.",
        "Stress that the problem is not the staff's commitment but the structure.",
    ),
    (
        CaseStage.RESEARCH,
        "Samen met personeel en gebruikers",
        "Together with staff and users",
        "Het bestuur koos niet voor een plan achter het bureau. In cocreatieworkshops zaten "
        "medewerkers en gebruikers van de diensten samen aan tafel.",
        "The authority did not draw up a plan behind a desk. In co-creation workshops, staff "
        "and the people who use the services sat at the same table.",
        "Leg uit wat cocreatie is: ontwerpen mét de mensen, niet voor hen.",
        "Explain co-creation: designing with people, not for them.",
    ),
    (
        CaseStage.RESEARCH,
        "Luisteren en tellen",
        "Listening and counting",
        "Gesprekken met inwoners en medewerkers gaven diepte. Een vragenlijst, ingevuld door "
        "185 inwoners en 127 medewerkers, gaf breedte.",
        "Interviews with residents and staff gave depth. A questionnaire, answered by 185 "
        "residents and 127 staff, gave breadth.",
        "Kwalitatief en kwantitatief onderzoek vullen elkaar aan: het ene vertelt waarom, "
        "het andere hoe vaak.",
        "Qualitative and quantitative research complement each other: one tells why, the "
        "other how often.",
    ),
    (
        CaseStage.INSIGHTS,
        "Wat het onderzoek liet zien",
        "What the research showed",
        "Wie hulp zoekt, denkt niet in diensten of organisaties maar in een vraag. Elke extra "
        "doorverwijzing kost vertrouwen, voor de inwoner en voor de medewerker.",
        "People looking for help do not think in departments or organisations but in a "
        "question. Every extra referral costs trust, for the resident and for staff.",
        "Laat de deelnemers een eigen voorbeeld geven van een doorverwijzing die misliep.",
        "Let participants give an example of their own of a referral that went wrong.",
    ),
    (
        CaseStage.JOURNEY,
        "Een bezoek, stap voor stap",
        "A visit, step by step",
        "Het team tekende de reis van een bezoek: informatie zoeken, de weg vinden, wachten, "
        "het gesprek, de opvolging. Zo werd zichtbaar waar mensen vastliepen.",
        "The team mapped the journey of a visit: looking for information, finding the way, "
        "waiting, the conversation, the follow-up. That showed where people got stuck.",
        "Teken de reis eventueel mee op een flap: fasen bovenaan, emoties als curve eronder.",
        "You may draw the journey on a flip chart: stages on top, emotions as a curve below.",
    ),
    (
        CaseStage.JOURNEY,
        "De pijnpunten",
        "The pain points",
        "De moeilijkste momenten lagen vóór het eigenlijke gesprek: het juiste gebouw vinden "
        "en uitleggen wat je nodig hebt aan iemand die je niet verder kan helpen.",
        "The hardest moments came before the real conversation: finding the right building "
        "and explaining what you need to someone who cannot help you further.",
        "Vraag: waar zitten de pijnpunten in een dienst van jullie eigen bestuur?",
        "Ask: where are the pain points in a service of your own authority?",
    ),
    (
        CaseStage.SOLUTION,
        "Eén sociaal huis",
        "One social house",
        "Het resultaat: één sociaal huis als enige voordeur voor alle sociale vragen. De "
        "inwoner komt op één plek binnen; de organisatie zoekt achter de schermen uit wie helpt.",
        "The result: one social house as the single front door for every social question. "
        "Residents come in at one place; behind the scenes the organisation works out who helps.",
        "Wijs erop dat de oplossing zowel een gebouw als een andere manier van samenwerken is.",
        "Point out that the solution is both a building and a different way of working together.",
    ),
    (
        CaseStage.SOLUTION,
        "Wat neem je mee?",
        "What do you take home?",
        "Begin bij de ervaring van de gebruiker, betrek medewerkers van bij de start en kijk "
        "naar de hele dienst, niet naar één loket.",
        "Start from the user's experience, involve staff from the start, and look at the "
        "whole service rather than one desk.",
        "Sluit af met de vraag welk vraagstuk in hun eigen bestuur zich hiervoor leent.",
        "Close by asking which challenge in their own authority would suit this approach.",
    ),
]


@transaction.atomic
def load_demo_workshop() -> WorkshopCase:
    """The Geel case with its slides; running it again leaves the slides as shipped."""
    case, _created = WorkshopCase.objects.update_or_create(
        slug="geel-sociaal-huis",
        defaults={
            "title_nl": "Geel: één voordeur voor sociale vragen",
            "title_en": "Geel: one front door for social questions",
            "authority": "Geel",
            "is_published": True,
        },
    )
    for position, slide in enumerate(GEEL_SLIDES, start=1):
        stage, heading_nl, heading_en, body_nl, body_en, notes_nl, notes_en = slide
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
            },
        )
    case.slides.filter(position__gt=len(GEEL_SLIDES)).delete()
    return case
