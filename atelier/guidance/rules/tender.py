"""Default rules of the tender builder: procedures, criteria, clauses, deliverables, timeline.

Every text is a {"nl", "en"} pair. "procedures": `key`, `name`, `explanation` (advice for the
buyer, shown on the builder's page, never in the document bidders get), in ascending order of
value. "thresholds": periods (`valid_from`, `valid_until`, ISO dates, not overlapping), each with
`limits` per kind of contract ("services", "supplies", "works", "social_services"): for every
procedure but the last, the amount (euro excl. VAT, a decimal string) a value must stay strictly
below to take it. The tender's date picks the period. Version 1 had one undated list instead:
"thresholds" with `below` per procedure; tenders made with it keep reading it.
"criteria": {"exclusion", "selection", "award"}, items with `key`, `name`, `description`; award
items also `weight`, `is_price` and, for quality, `descriptors` {"0", "4", "7", "10"} (what a bid
scoring that looks like). A tender copies them into Criterion rows in its language and keeps the
descriptors in `tender.content["descriptors"][str(criterion.pk)]` ({"0": text, …}); read them
with `services.tender.descriptors_of(tender, criterion)`.
"scope": texts per plan decision ("buy", "coach") with {phase} and {days}; "deliverables": texts
per phase slug of the method library; "timeline": steps with the week after publication.
"""

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _


def _t(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


PROCEDURES = [
    {
        "key": "low_value",
        "name": _t("Opdracht van beperkte waarde", "Low-value contract"),
        "explanation": _t(
            "Onder 30.000 euro zonder btw volstaat een aanvaarde factuur. Vraag waar het kan "
            "toch meerdere ontwerpers om een voorstel, zodat je kunt vergelijken.",
            "Below 30,000 euros excluding VAT an accepted invoice is enough. Where you can, "
            "still ask several designers for a proposal so that you can compare.",
        ),
    },
    {
        "key": "negotiated_without_publication",
        "name": _t(
            "Onderhandelingsprocedure zonder voorafgaande bekendmaking",
            "Negotiated procedure without prior publication",
        ),
        "explanation": _t(
            "Je nodigt zelf enkele ontwerpers uit (meestal minstens drie) en mag met hen "
            "onderhandelen over hun offerte. Een bekendmaking is niet nodig.",
            "You invite a few designers yourself (usually at least three) and may negotiate "
            "their offers with them. No publication is needed.",
        ),
    },
    {
        "key": "belgian_publication",
        "name": _t("Procedure met Belgische bekendmaking", "Procedure with Belgian publication"),
        "explanation": _t(
            "Maak de opdracht bekend in het Bulletin der Aanbestedingen (e-Notification). "
            "Iedere geïnteresseerde ontwerper kan dan een offerte indienen.",
            "Publish the contract in the Belgian bulletin of tenders (e-Notification), so that "
            "every interested designer can submit an offer.",
        ),
    },
    {
        "key": "european_publication",
        "name": _t("Procedure met Europese bekendmaking", "Procedure with European publication"),
        "explanation": _t(
            "Boven de Europese drempel voor lokale besturen maak je de opdracht ook bekend in "
            "het Publicatieblad van de Europese Unie; reken op langere termijnen.",
            "Above the European threshold for local authorities the contract is also published "
            "in the Official Journal of the European Union; expect longer time limits.",
        ),
    },
]


# The amounts (euro excl. VAT) below which each procedure may be used, per period and per
# kind of contract; the European ones are indexed every two years on 1 January of even years.
# Low value and the negotiated procedure are Belgian (royal decree of 18 April 2017; the latter
# follows the EU threshold for central government for supplies and services, and is 750,000
# euros for works); "belgian_publication" ends at the EU threshold for
# sub-central authorities (for works the EU works threshold; for social and other specific
# services of Annex XIV the light regime's 750,000 euros).
def _limits(negotiated: str, sub_central: str, works: str) -> dict[str, dict[str, str]]:
    services = {
        "low_value": "30000",
        "negotiated_without_publication": negotiated,
        "belgian_publication": sub_central,
    }
    return {
        "services": services,
        "supplies": dict(services),
        "works": {
            "low_value": "30000",
            "negotiated_without_publication": "750000",
            "belgian_publication": works,
        },
        "social_services": {**services, "belgian_publication": "750000"},
    }


THRESHOLDS = [
    {
        "valid_from": "2022-01-01",
        "valid_until": "2023-12-31",
        "source": "Delegated Regulations (EU) 2021/1950-1953",
        "limits": _limits("140000", "215000", "5382000"),
    },
    {
        "valid_from": "2024-01-01",
        "valid_until": "2025-12-31",
        "source": "Delegated Regulations (EU) 2023/2495-2497",
        "limits": _limits("143000", "221000", "5538000"),
    },
    {
        "valid_from": "2026-01-01",
        "valid_until": "2027-12-31",
        "source": "Delegated Regulation (EU) 2025/2152",
        "limits": _limits("140000", "216000", "5404000"),
    },
]
CONTRACT_TYPES = ("services", "supplies", "works", "social_services")

EXCLUSION = [
    {
        "key": "debts",
        "name": _t("Sociale en fiscale schulden", "Social and tax debts"),
        "description": _t(
            "De inschrijver is in orde met de betaling van sociale-zekerheidsbijdragen en "
            "belastingen; de aanbesteder controleert dit zelf via Telemarc.",
            "The bidder has paid its social security contributions and taxes; the contracting "
            "authority checks this itself through Telemarc.",
        ),
    },
    {
        "key": "convictions",
        "name": _t("Veroordelingen", "Convictions"),
        "description": _t(
            "Geen veroordeling voor onder meer fraude, corruptie, witwassen, terrorisme of "
            "kinderarbeid; de inschrijver verklaart dit op erewoord (UEA).",
            "No conviction for, among others, fraud, corruption, money laundering, terrorism or "
            "child labour; the bidder declares this on its honour (ESPD).",
        ),
    },
    {
        "key": "insolvency",
        "name": _t("Faillissement en beroepsfouten", "Bankruptcy and professional misconduct"),
        "description": _t(
            "Niet failliet of in vereffening, en geen ernstige beroepsfout die de integriteit "
            "in vraag stelt.",
            "Not bankrupt or being wound up, and no grave professional misconduct that calls "
            "its integrity into question.",
        ),
    },
]

SELECTION = [
    {
        "key": "references",
        "name": _t("Referenties in de publieke sector", "References in the public sector"),
        "description": _t(
            "Minstens twee service-designopdrachten voor een overheid in de voorbije vijf jaar, "
            "met een contactpersoon bij de opdrachtgever.",
            "At least two service design assignments for a public authority in the past five "
            "years, each with a contact person at the client.",
        ),
    },
    {
        "key": "team",
        "name": _t("Team", "Team"),
        "description": _t(
            "Het voorgestelde team met cv's: wie onderzoekt, wie begeleidt de workshops, wie "
            "visualiseert en wie is het vaste aanspreekpunt.",
            "The proposed team with CVs: who does the research, who facilitates the workshops, "
            "who visualises and who is the fixed point of contact.",
        ),
    },
    {
        "key": "finances",
        "name": _t("Financiële draagkracht", "Financial standing"),
        "description": _t(
            "Een verklaring over de omzet van de voorbije drie jaar, of een ander bewijs dat de "
            "inschrijver de opdracht financieel aankan.",
            "A statement of turnover over the past three years, or other evidence that the "
            "bidder can carry the contract financially.",
        ),
    },
]


def _levels(zero: tuple[str, str], four: tuple[str, str], seven: tuple[str, str],
            ten: tuple[str, str]) -> dict[str, dict[str, str]]:  # fmt: skip
    return {"0": _t(*zero), "4": _t(*four), "7": _t(*seven), "10": _t(*ten)}


# fmt: off
AWARD = [
    {
        "key": "understanding",
        "name": _t("Begrip van de vraag", "Understanding of the question"),
        "description": _t(
            "Hoe goed de inschrijver de vraag, de gebruikers en de context van het bestuur "
            "begrijpt, en welke risico's hij ziet.",
            "How well the bidder understands the question, the users and the authority's "
            "context, and which risks it sees.",
        ),
        "weight": 20,
        "is_price": False,
        "descriptors": _levels(
            ("Herhaalt de vraag of gaat eraan voorbij.", "Repeats the question or misses it."),
            ("Begrijpt de vraag in grote lijnen, blijft algemeen.",
             "Grasps the question broadly but stays general."),
            ("Vertaalt de vraag naar de eigen context van het bestuur en noemt de risico's.",
             "Translates the question to the authority's own context and names the risks."),
            ("Scherpt de vraag aan met eigen inzichten over gebruikers en organisatie.",
             "Sharpens the question with insights of its own about users and organisation."),
        ),
    },
    {
        "key": "method",
        "name": _t("Aanpak en co-creatie", "Method and co-creation"),
        "description": _t(
            "De fasen, technieken en planning, en hoe burgers en medewerkers mee ontwerpen.",
            "The phases, techniques and planning, and how residents and staff design along.",
        ),
        "weight": 30,
        "is_price": False,
        "descriptors": _levels(
            ("Geen uitgewerkte aanpak; gebruikers komen niet aan bod.",
             "No worked-out method; users play no part."),
            ("Standaardaanpak, gebruikers worden enkel bevraagd.",
             "A standard method; users are only consulted."),
            ("Aanpak op maat met onderzoek, co-creatie en testen met gebruikers.",
             "A tailored method with research, co-creation and tests with users."),
            (
                "Overtuigende aanpak op maat: elke fase met gebruikers en medewerkers, "
                "haalbare planning, duidelijke beslismomenten.",
                "A convincing tailored method: every phase with users and staff, a feasible "
                "plan, clear decision points.",
            ),
        ),
    },
    {
        "key": "team_references",
        "name": _t(
            "Team en referenties in de publieke sector", "Team and public-sector references"
        ),
        "description": _t(
            "De ervaring van de mensen die het werk echt doen, met vergelijkbare opdrachten.",
            "The experience of the people who will actually do the work, with similar assignments.",
        ),
        "weight": 20,
        "is_price": False,
        "descriptors": _levels(
            ("Geen relevante ervaring aangetoond.", "No relevant experience shown."),
            ("Ervaring met design, weinig met overheden.",
             "Design experience, little with public authorities."),
            ("Vergelijkbare opdrachten bij overheden, met het voorgestelde team.",
             "Similar assignments for public authorities, with the proposed team."),
            ("Sterk, complementair team met overtuigende resultaten bij lokale besturen.",
             "A strong, complementary team with convincing results for local authorities."),
        ),
    },
    {
        "key": "knowledge_transfer",
        "name": _t(
            "Kennisoverdracht aan eigen medewerkers", "Knowledge transfer to in-house staff"
        ),
        "description": _t(
            "Hoe eigen medewerkers meewerken, meekijken en leren, zodat ze later zelf verder "
            "kunnen.",
            "How in-house staff work along, shadow and learn, so that they can carry on alone "
            "later.",
        ),
        "weight": 10,
        "is_price": False,
        "descriptors": _levels(
            ("Geen kennisoverdracht voorzien.", "No knowledge transfer planned."),
            ("Medewerkers krijgen de resultaten, maar werken niet mee.",
             "Staff receive the results but do not work along."),
            ("Medewerkers werken mee in enkele fasen en krijgen de sjablonen.",
             "Staff work along in several phases and receive the templates."),
            (
                "Een uitgewerkt leerplan: meelopen, zelf doen met coaching, en een overdracht "
                "zodat het team de volgende ronde zelf uitvoert.",
                "A worked-out learning plan: shadowing, doing it with coaching, and a handover so "
                "that the team runs the next round itself.",
            ),
        ),
    },
    {
        "key": "price",
        "name": _t("Prijs", "Price"),
        "description": _t(
            "De totale prijs zonder btw, gescoord volgens de prijsformule.",
            "The total price excluding VAT, scored with the price formula.",
        ),
        "weight": 20,
        "is_price": True,
    },
]
DELIVERABLES = {
    "scope-and-brief": [_t("Uitgewerkte ontwerpvraag", "Worked-out design brief"),
                        _t("Stakeholderkaart", "Stakeholder map")],
    "explore": [_t("Onderzoeksrapport met inzichten en bewijs",
                   "Research report with insights and evidence"),
                _t("Stakeholderkaart", "Stakeholder map")],
    "define": [_t("Persona's", "Personas"),
               _t("Klantreis van vandaag (as-is)", "Customer journey as it is today (as-is)")],
    "ideate-and-co-create": [_t("Concepten uit de co-creatie", "Concepts from the co-creation"),
                             _t("Gewenste klantreis (to-be)", "Desired customer journey (to-be)")],
    "prototype-and-test": [_t("Prototypes met testresultaten", "Prototypes with test results")],
    "implement-and-embed": [
        _t("Service blueprint", "Service blueprint"),
        _t("Implementatieplan (roadmap)", "Implementation roadmap"),
        _t("Briefing voor vervolgopdrachtnemers (architect, web, ...)",
           "Briefing for follow-up contractors (architect, web, ...)"),
    ],
}
# fmt: on

TIMELINE = [
    {"week": 0, "step": _t("Bekendmaking of uitnodiging", "Publication or invitation")},
    {"week": 2, "step": _t("Uiterste datum voor vragen", "Deadline for questions")},
    {"week": 5, "step": _t("Indienen van de offertes", "Offers due")},
    {"week": 7, "step": _t("Presentaties aan de jury", "Presentations to the jury")},
    {"week": 8, "step": _t("Beoordeling door de jury", "Scoring by the jury")},
    {"week": 9, "step": _t("Gunningsbeslissing", "Award decision")},
    {"week": 12, "step": _t("Start van de opdracht", "Start of the assignment")},
]

DEFAULT: dict[str, Any] = {
    "procedures": PROCEDURES,
    "thresholds": THRESHOLDS,
    "minimum_quality_share": 60,
    "jurors_differ_at": 4,  # points between the lowest and highest score that raise a flag
    "criteria": {"exclusion": EXCLUSION, "selection": SELECTION, "award": AWARD},
    "price_formula": _t(
        "Score voor de prijs = laagste geldige prijs ÷ prijs van deze offerte × gewicht van de "
        "prijs. De goedkoopste offerte krijgt zo het volle gewicht, de andere naar verhouding.",
        "Price score = lowest valid price ÷ price of this offer × price weight. The cheapest "
        "offer receives the full weight, the others in proportion.",
    ),
    "knowledge_transfer": _t(
        "De opdrachtnemer werkt samen met medewerkers van het bestuur. Zij lopen mee bij het "
        "onderzoek en de workshops, voeren onder begeleiding zelf technieken uit en krijgen alle "
        "sjablonen, ruwe gegevens en bewerkbare bestanden. Aan het einde draagt de opdrachtnemer "
        "de aanpak over zodat het team een volgende ronde zelf kan uitvoeren.",
        "The contractor works together with the authority's staff. They shadow the research "
        "and the workshops, carry out techniques themselves with guidance, and receive every "
        "template, the raw data and editable files. At the end the contractor hands over the "
        "approach so that the team can run a next round itself.",
    ),
    "scope": {
        "buy": _t(
            "{phase}: de opdrachtnemer voert deze fase uit, met medewerkers die meelopen "
            "(ongeveer {days} dagen).",
            "{phase}: the contractor carries out this phase, with staff shadowing "
            "(about {days} days).",
        ),
        "coach": _t(
            "{phase}: het team voert deze fase zelf uit; de opdrachtnemer coacht "
            "(ongeveer {days} dagen).",
            "{phase}: the team carries out this phase itself, coached by the contractor "
            "(about {days} days).",
        ),
    },
    "deliverables": DELIVERABLES,
    "timeline": TIMELINE,
    "jury_roles": [
        _t("De opdrachtgever (het bestuur)", "The client (the authority)"),
        _t(
            "Het designagentschap van de Vlaamse overheid", "The Flemish government's design agency"
        ),
        _t("De vereniging", "The association"),
    ],
}


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and bool(value.get("nl")) and bool(value.get("en"))


def _undated_threshold_problems(thresholds: Any) -> list[str]:
    if not isinstance(thresholds, list) or not thresholds:
        return [_("thresholds: a non-empty list is needed.")]
    problems, previous = [], Decimal("-1")
    for number, item in enumerate(thresholds, start=1):
        if not _is_text(item.get("name")) or not _is_text(item.get("explanation")):
            problems.append(
                _("thresholds %(n)s: name and explanation need nl and en.") % {"n": number}
            )
        below = item.get("below")
        if below is None:
            if number != len(thresholds):
                problems.append(
                    _("thresholds %(n)s: only the last one may have no limit.") % {"n": number}
                )
            continue
        try:
            limit = Decimal(str(below))
        except InvalidOperation:
            problems.append(_("thresholds %(n)s: 'below' is not a number.") % {"n": number})
            continue
        if limit <= previous:
            problems.append(_("thresholds %(n)s: limits must go up.") % {"n": number})
        previous = limit
    if thresholds[-1].get("below") is not None:
        problems.append(_("thresholds: the last procedure needs 'below': null."))
    return problems


def _procedure_problems(procedures: Any) -> list[str]:
    if not isinstance(procedures, list) or len(procedures) < 2:
        return [_("procedures: a list of at least two is needed.")]
    problems = []
    for number, item in enumerate(procedures, start=1):
        if not isinstance(item, dict) or not item.get("key"):
            problems.append(_("procedures %(n)s: a key is needed.") % {"n": number})
        elif not _is_text(item.get("name")) or not _is_text(item.get("explanation")):
            problems.append(
                _("procedures %(n)s: name and explanation need nl and en.") % {"n": number}
            )
    return problems


def _date(value: Any) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def _limit_problems(limits: Any, keys: list[str], where: str) -> list[str]:
    if not isinstance(limits, dict) or "services" not in limits:
        return [_("%(where)s: limits per kind of contract, services at least.") % {"where": where}]
    problems = []
    for kind, amounts in limits.items():
        label = f"{where} {kind}"
        if kind not in CONTRACT_TYPES:
            problems.append(_("%(where)s: unknown kind of contract.") % {"where": label})
            continue
        try:
            values = [Decimal(str(amounts[key])) for key in keys]
        except (KeyError, TypeError, InvalidOperation):
            problems.append(
                _("%(where)s: an amount for each procedure but the last.") % {"where": label}
            )
            continue
        if values != sorted(set(values)):
            problems.append(_("%(where)s: limits must go up.") % {"where": label})
    return problems


def _period_problems(thresholds: Any, procedures: list[Any]) -> list[str]:
    if not isinstance(thresholds, list) or not thresholds:
        return [_("thresholds: a non-empty list of periods is needed.")]
    keys = [str(item.get("key")) for item in procedures[:-1] if isinstance(item, dict)]
    problems, previous_end = [], None
    for number, period in enumerate(thresholds, start=1):
        where = _("thresholds %(n)s") % {"n": number}
        start, end = _date(period.get("valid_from")), _date(period.get("valid_until"))
        if start is None or end is None or end < start:
            problems.append(
                _("%(where)s: valid_from and valid_until are dates.") % {"where": where}
            )
            continue
        if previous_end is not None and start <= previous_end:
            problems.append(_("%(where)s: periods follow each other.") % {"where": where})
        previous_end = end
        problems += _limit_problems(period.get("limits"), keys, where)
    return problems


def _threshold_problems(data: dict[str, Any]) -> list[str]:
    if "procedures" not in data:
        return _undated_threshold_problems(data.get("thresholds"))
    problems = _procedure_problems(data["procedures"])
    return problems or _period_problems(data.get("thresholds"), data["procedures"])


def _criteria_problems(criteria: Any) -> list[str]:
    if not isinstance(criteria, dict):
        return [_("criteria: exclusion, selection and award are needed.")]
    problems = []
    for family in ("exclusion", "selection", "award"):
        for number, item in enumerate(criteria.get(family) or [], start=1):
            if not item.get("key") or not _is_text(item.get("name")):
                problems.append(
                    _("criteria %(family)s %(n)s: a key and a name in nl and en.")
                    % {"family": family, "n": number}
                )
    award = criteria.get("award") or []
    if not award:
        problems.append(_("criteria award: at least one award criterion is needed."))
    weights = [item.get("weight") for item in award]
    if not all(isinstance(weight, int) and weight >= 0 for weight in weights):
        problems.append(_("criteria award: every weight is a whole number of 0 or more."))
    elif sum(weights) != 100:
        problems.append(
            _("criteria award: the weights add up to %(sum)s, not 100.") % {"sum": sum(weights)}
        )
    if sum(1 for item in award if item.get("is_price")) != 1:
        problems.append(_("criteria award: exactly one criterion is the price."))
    return problems


def validate(data: Any) -> list[str]:
    """The problems of a tender rule set (empty when it can be published)."""
    if not isinstance(data, dict):
        return [_("The rules are a JSON object.")]
    problems = _threshold_problems(data)
    problems += _criteria_problems(data.get("criteria"))
    share = data.get("minimum_quality_share")
    if not isinstance(share, int) or not 0 <= share <= 100:
        problems.append(_("minimum_quality_share: a whole number from 0 to 100."))
    if data.get("jurors_differ_at", 4) not in range(1, 11):
        problems.append(_("jurors_differ_at: a whole number from 1 to 10."))
    for key in ("price_formula", "knowledge_transfer"):
        if not _is_text(data.get(key)):
            problems.append(_("%(key)s: a text in nl and en.") % {"key": key})
    scope = data.get("scope")
    if not isinstance(scope, dict) or not all(_is_text(scope.get(k)) for k in ("buy", "coach")):
        problems.append(_("scope: texts for 'buy' and 'coach' in nl and en."))
    if not isinstance(data.get("deliverables"), dict):
        problems.append(_("deliverables: texts per phase slug."))
    timeline = data.get("timeline")
    if not isinstance(timeline, list) or not all(isinstance(s.get("week"), int) for s in timeline):
        problems.append(_("timeline: steps each with a whole 'week'."))
    if not isinstance(data.get("jury_roles"), list):
        problems.append(_("jury_roles: a list of texts."))
    return problems
