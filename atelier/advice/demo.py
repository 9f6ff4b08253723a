"""The advice desk's demo: closing days at the end of the year and 15 questions at every
status from Geel, Lennik, Westerlo, Izegem and Rijkevorsel, one about the leefloon answered
and rated. Running it again duplicates nothing."""

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from atelier.accounts.models import Role, User
from atelier.demo.people import DEMO_PASSWORD
from atelier.knowledge.models import Topic
from atelier.members.models import Organisation

from .models import ClosingDay, Message, Question, QuestionStatus
from .working_days import add_working_days

S = QuestionStatus
# Fictitious askers of the other demo municipalities (NIS code, e-mail, first and last name).
ASKERS = [
    ("13049", "participant.westerlo@atelier.example", "Wim", "Van Looy"),
    ("36008", "participant.izegem@atelier.example", "Ellen", "Debruyne"),
    ("13037", "participant.rijkevorsel@atelier.example", "Koen", "Aerts"),
]
TOPICS = {
    "social-policy": ("Sociaal beleid en OCMW", "Social policy and OCMW"),
    "personnel": ("Personeel en organisatie", "Personnel and organisation"),
    "finance": ("Financiën en fiscaliteit", "Finance and taxation"),
    "democracy": ("Lokale democratie en bestuur", "Local democracy and governance"),
    "digital": ("Digitalisering en data", "Digitalisation and data"),
    "civil-affairs": ("Burgerzaken", "Civil affairs"),
}


@dataclass(frozen=True)
class DemoQuestion:
    asker: str  # the e-mail address's first part
    topic: str
    subject: str
    text: str
    status: str
    days_ago: int
    answer: str = ""
    rating: int | None = None
    comment: str = ""
    research: bool = False


QUESTIONS = [
    DemoQuestion(
        "participant.lennik",
        "social-policy",
        "Leefloon voor een student die op kot woont",
        "Een student van 20 jaar woont op kot in Leuven maar is gedomicilieerd in Lennik. "
        "Welk OCMW is bevoegd voor zijn aanvraag leefloon, en moeten we de ouders aanspreken "
        "op hun onderhoudsplicht?",
        S.ANSWERED,
        30,
        "Bevoegd is het OCMW van de gemeente waar de student in het bevolkingsregister is "
        "ingeschreven op het moment van de aanvraag. Het OCMW onderzoekt de onderhoudsplicht "
        "van de ouders, maar kan om billijkheidsredenen afzien van verhaal. Leg die afweging "
        "vast in het sociaal verslag.",
        5,
        "Heel duidelijk, we konden de aanvraag dezelfde week afhandelen.",
    ),
    DemoQuestion(
        "participant.geel",
        "social-policy",
        "Delegatie aan het bijzonder comité",
        "Mag de OCMW-raad de beslissing over huurwaarborgen volledig delegeren aan het "
        "bijzonder comité voor de sociale dienst?",
        S.CLOSED,
        12,
        "Ja. Het decreet lokaal bestuur laat toe dat de raad voor maatschappelijk welzijn "
        "bevoegdheden over individuele hulpverlening delegeert aan het bijzonder comité. "
        "Neem de delegatie op in een raadsbesluit met duidelijke grenzen.",
        4,
        "Nuttig, een modelbesluit zou nog handiger zijn.",
    ),
    DemoQuestion(
        "coordinator.geel",
        "finance",
        "Welke procedure voor een studie van 40.000 euro?",
        "We willen een studie laten maken over de toekomst van ons sociaal huis, geraamd op "
        "40.000 euro exclusief btw. Welke plaatsingsprocedure is van toepassing?",
        S.ANSWERED,
        9,
        "Boven 30.000 euro is de aanvaarde factuur niet meer mogelijk. U kunt de "
        "onderhandelingsprocedure zonder voorafgaande bekendmaking gebruiken; raadpleeg "
        "minstens drie dienstverleners.",
    ),
    DemoQuestion(
        "participant.westerlo",
        "personnel",
        "Thuiswerk en de arbeidsreglementering",
        "Moeten we het arbeidsreglement aanpassen als we structureel thuiswerk invoeren "
        "voor de administratieve diensten?",
        S.CLOSED,
        40,
        "Ja, structureel telewerk hoort in het arbeidsreglement of in een apart "
        "telewerkreglement, na onderhandeling met de vakbonden.",
        3,
        "",
    ),
    DemoQuestion(
        "participant.izegem",
        "civil-affairs",
        "Afspraak verplicht aan het loket burgerzaken",
        "Mogen we bezoekers aan het loket burgerzaken verplichten vooraf een afspraak te "
        "maken, ook voor een eenvoudig attest?",
        S.CLOSED,
        25,
        "Dat mag, op voorwaarde dat de dienstverlening toegankelijk blijft: voorzie een "
        "telefonische weg en een oplossing voor dringende gevallen.",
    ),
    DemoQuestion(
        "participant.rijkevorsel",
        "digital",
        "Bewaartermijn van camerabeelden aan het gemeentehuis",
        "Hoelang mogen we beelden van de camera aan de ingang van het gemeentehuis bewaren?",
        S.ANSWERED,
        6,
        "De camerawet laat maximaal een maand toe, tenzij de beelden nodig zijn als bewijs "
        "van een misdrijf of overlast. Meld de camera aan bij de politie.",
        5,
        "Snel en helder antwoord, dank u.",
    ),
    DemoQuestion(
        "participant.lennik",
        "democracy",
        "Zitpenning voor een raadslid dat online vergadert",
        "Heeft een gemeenteraadslid dat digitaal deelneemt aan de gemeenteraad recht op "
        "presentiegeld?",
        S.WAITING,
        5,
        "Dat hangt af van uw huishoudelijk reglement. Staat digitale deelname daarin "
        "geregeld? Bezorg ons het artikel, dan kijken we verder.",
    ),
    DemoQuestion(
        "participant.izegem",
        "finance",
        "Retributie voor een tweede parkeerkaart",
        "Mogen we een retributie vragen voor een tweede bewonersparkeerkaart, en tot welk bedrag?",
        S.WAITING,
        4,
        "Gaat het om een retributie of om een belasting in uw reglement? Kunt u het "
        "ontwerpreglement meesturen?",
    ),
    DemoQuestion(
        "participant.geel",
        "social-policy",
        "Sociaal huis: gedeeld cliëntdossier",
        "Mogen de maatschappelijk werkers van het OCMW en de medewerkers van de stedelijke "
        "welzijnsdienst één gedeeld cliëntdossier gebruiken?",
        S.ASSIGNED,
        3,
    ),
    DemoQuestion(
        "participant.westerlo",
        "digital",
        "Verwerkersovereenkomst met de softwareleverancier",
        "Onze leverancier van de loketsoftware stuurt een eigen verwerkersovereenkomst. "
        "Waarop moeten we letten?",
        S.ASSIGNED,
        2,
    ),
    DemoQuestion(
        "participant.rijkevorsel",
        "personnel",
        "Contractuele aanstelling van een servicedesigner",
        "Kunnen we een servicedesigner contractueel aanwerven voor twee jaar, of moet dat "
        "via een overheidsopdracht?",
        S.ASSIGNED,
        8,
    ),
    DemoQuestion(
        "participant.lennik",
        "civil-affairs",
        "Digitale aanvraag van een uittreksel uit het strafregister",
        "Welke gemeenten bieden het uittreksel uit het strafregister volledig digitaal aan, "
        "en welke software gebruiken ze?",
        S.NEW,
        1,
        research=True,
    ),
    DemoQuestion(
        "coordinator.geel",
        "democracy",
        "Participatief budget in middelgrote steden",
        "Alles wat jullie hebben over participatieve begrotingen in steden tussen 30.000 en "
        "60.000 inwoners, graag met evaluaties.",
        S.NEW,
        0,
        research=True,
    ),
    DemoQuestion(
        "participant.izegem",
        "social-policy",
        "Energiepremie en het leefloon",
        "Telt een eenmalige energiepremie van de gemeente mee als bestaansmiddel bij de "
        "berekening van het leefloon?",
        S.NEW,
        0,
    ),
    DemoQuestion(
        "participant.westerlo",
        "finance",
        "Btw op de verhuur van de feestzaal",
        "Moeten we btw aanrekenen wanneer we de gemeentelijke feestzaal verhuren aan verenigingen?",
        S.ASSIGNED,
        11,
    ),
]


@dataclass
class AdviceDemo:
    questions: int
    closing_days: int

    def __str__(self) -> str:
        return f"{self.questions} questions, {self.closing_days} closing days"


def _closing_days(today: datetime.date) -> int:
    for year in (today.year - 1, today.year):
        for day in range(26, 32):
            ClosingDay.objects.get_or_create(
                day=datetime.date(year, 12, day), defaults={"reason": "Kerstsluiting"}
            )
    return ClosingDay.objects.count()


def _askers() -> None:
    for nis, email, first, last in ASKERS:
        organisation = Organisation.objects.filter(nis_code=nis).order_by("pk").first()
        if organisation is None or User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(
            email,
            DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            role=Role.PARTICIPANT,
            organisation=organisation,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)


def _topic(slug: str) -> Topic:
    name_nl, name_en = TOPICS[slug]
    topic, _ = Topic.objects.get_or_create(
        slug=slug, defaults={"name_nl": name_nl, "name_en": name_en}
    )
    return topic


@transaction.atomic
def load_demo_advice(*, today: datetime.date) -> AdviceDemo:
    closed = _closing_days(today)
    _askers()
    people = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith="@atelier.example")
    }
    trainer, admin = people.get("trainer"), people.get("admin")
    if trainer is not None:
        social = _topic("social-policy")
        if social.expert_id is None:
            social.expert = trainer
            social.save(update_fields=["expert"])
    made = 0
    for number, demo in enumerate(QUESTIONS):
        asker = people.get(demo.asker)
        if asker is None or asker.organisation is None:
            continue
        made += _question(demo, asker, trainer if number % 2 else admin or trainer, today)
    return AdviceDemo(made, closed)


def _question(demo: DemoQuestion, asker: User, expert: User | None, today: datetime.date) -> int:
    if Question.objects.filter(asker=asker, subject=demo.subject).exists():
        return 1
    asked_on = today - datetime.timedelta(days=demo.days_ago)
    asked_at = timezone.make_aware(datetime.datetime.combine(asked_on, datetime.time(9, 30)))
    assigned = demo.status != S.NEW and expert is not None
    question = Question.objects.create(
        asker=asker,
        organisation_id=asker.organisation_id or 0,  # askers without one are skipped above
        topic=_topic(demo.topic),
        subject=demo.subject,
        text=demo.text,
        is_research_request=demo.research,
        status=demo.status,
        assignee=expert if assigned else None,
        asked_at=asked_at,
        due_on=add_working_days(asked_on, 5),
    )
    if demo.answer and expert is not None:
        _answer(question, demo, expert, asked_at)
    return 1


def _answer(
    question: Question, demo: DemoQuestion, expert: User, asked_at: datetime.datetime
) -> None:
    answered_at = asked_at + datetime.timedelta(days=min(3, demo.days_ago), hours=4)
    Message.objects.create(question=question, author=expert, body=demo.answer)
    Message.objects.create(
        question=question,
        author=expert,
        body="Navraag gedaan bij de juridische dienst; antwoord afgestemd.",
        is_internal=True,
    )
    if demo.status in (S.ANSWERED, S.CLOSED):
        question.first_answered_at = answered_at
    if demo.status == S.CLOSED:
        question.closed_at = answered_at + datetime.timedelta(days=2)
    if demo.rating:
        question.rating, question.rating_comment = demo.rating, demo.comment
        question.rated_at = answered_at + datetime.timedelta(days=1)
    question.save()
