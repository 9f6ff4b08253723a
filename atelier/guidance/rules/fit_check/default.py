"""The shipped fit check: twelve questions in five dimensions, thresholds and advice.

Every option scores 0–3 and says, in plain words, why it matters. An option with a
`cap` limits the recommendation however high the total ("partly" or "not_now").
"""

from typing import Any


def _t(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


def _option(key: str, score: int, label: dict, reason: dict, cap: str = "") -> dict:
    option = {"key": key, "score": score, "label": label, "reason": reason}
    if cap:
        option["cap"] = cap
    return option


PROBLEM = [
    {
        "key": "is_service",
        "dimension": "problem",
        "text": _t(
            "Gaat de uitdaging over een dienst die mensen gebruiken?",
            "Is the challenge about a service that people use?",
        ),
        "options": [
            _option(
                "clearly",
                3,
                _t("Ja, duidelijk een dienst aan burgers", "Yes, clearly a service to residents"),
                _t(
                    "Het gaat om een dienst: precies waarvoor service design gemaakt is.",
                    "It is about a service: exactly what service design was made for.",
                ),
            ),
            _option(
                "partly",
                2,
                _t(
                    "Deels: een intern proces dat burgers merken",
                    "Partly: an internal process that residents notice",
                ),
                _t(
                    "Een intern proces met gevolgen voor burgers: kijk vanuit hun ervaring "
                    "naar wat achter de schermen gebeurt.",
                    "An internal process with effects on residents: look at what happens "
                    "behind the scenes from their experience.",
                ),
            ),
            _option(
                "internal",
                1,
                _t("Vooral intern of technisch", "Mostly internal or technical"),
                _t(
                    "Vooral intern of technisch: service design helpt hier minder; "
                    "de gebruikers zijn dan de eigen medewerkers.",
                    "Mostly internal or technical: service design helps less here; "
                    "the users are then your own staff.",
                ),
            ),
            _option(
                "no",
                0,
                _t("Nee, er is geen dienst in het spel", "No, no service is involved"),
                _t(
                    "Zonder dienst is er geen traject van gebruikers om te ontwerpen: "
                    "dit is nu geen vraag voor service design.",
                    "Without a service there is no user journey to design: "
                    "this is not a question for service design now.",
                ),
                cap="not_now",
            ),
        ],
    },
    {
        "key": "channels",
        "dimension": "problem",
        "text": _t(
            "Via hoeveel kanalen komen mensen met de dienst in contact?",
            "Through how many channels do people come into contact with the service?",
        ),
        "options": [
            _option(
                "one",
                1,
                _t(
                    "Eén kanaal (bijvoorbeeld alleen het loket)", "One channel (say, only the desk)"
                ),
                _t(
                    "Eén kanaal: de winst van een blik over de kanalen heen is beperkt.",
                    "One channel: there is little to gain from looking across channels.",
                ),
            ),
            _option(
                "two",
                2,
                _t("Twee kanalen", "Two channels"),
                _t(
                    "Twee kanalen: mensen wisselen ertussen, en daar lopen ze vaak vast.",
                    "Two channels: people switch between them, and that is often where "
                    "they get stuck.",
                ),
            ),
            _option(
                "many",
                3,
                _t(
                    "Drie of meer (loket, telefoon, website, brieven …)",
                    "Three or more (desk, phone, website, letters …)",
                ),
                _t(
                    "Veel kanalen: een klantreis toont waar ze elkaar tegenspreken of "
                    "elkaar niet kennen.",
                    "Many channels: a customer journey shows where they contradict or "
                    "ignore each other.",
                ),
            ),
        ],
    },
]

USERS = [
    {
        "key": "user_count",
        "dimension": "users",
        "text": _t(
            "Hoeveel mensen gebruiken de dienst per jaar?",
            "How many people use the service each year?",
        ),
        "options": [
            _option(
                "handful",
                0,
                _t("Minder dan honderd", "Fewer than a hundred"),
                _t(
                    "Weinig gebruikers: een gesprek met elk van hen kan volstaan.",
                    "Few users: talking to each of them may be enough.",
                ),
            ),
            _option(
                "hundreds",
                1,
                _t("Enkele honderden", "A few hundred"),
                _t(
                    "Enkele honderden gebruikers: een verbetering raakt een beperkte groep.",
                    "A few hundred users: an improvement reaches a limited group.",
                ),
            ),
            _option(
                "thousands",
                2,
                _t("Enkele duizenden", "A few thousand"),
                _t(
                    "Duizenden gebruikers: elke verbetering loont vele keren.",
                    "Thousands of users: every improvement pays off many times.",
                ),
            ),
            _option(
                "most",
                3,
                _t("Een groot deel van de inwoners", "A large share of the residents"),
                _t(
                    "Een groot deel van de inwoners gebruikt de dienst: de impact is groot.",
                    "A large share of the residents uses the service: the impact is large.",
                ),
            ),
        ],
    },
    {
        "key": "user_diversity",
        "dimension": "users",
        "text": _t("Hoe verschillend zijn de gebruikers?", "How diverse are the users?"),
        "options": [
            _option(
                "alike",
                1,
                _t("Eén gelijkaardige groep", "One group, much alike"),
                _t(
                    "Gelijkaardige gebruikers: één goed beeld van hen volstaat bijna.",
                    "Similar users: one good picture of them almost suffices.",
                ),
            ),
            _option(
                "groups",
                2,
                _t("Enkele duidelijk verschillende groepen", "A few clearly different groups"),
                _t(
                    "Verschillende groepen: persona's helpen om voor elk van hen te ontwerpen.",
                    "Different groups: personas help to design for each of them.",
                ),
            ),
            _option(
                "diverse",
                3,
                _t(
                    "Zeer divers, ook kwetsbare mensen",
                    "Very diverse, vulnerable people among them",
                ),
                _t(
                    "Zeer diverse gebruikers, ook kwetsbare: wie hen niet betrekt, "
                    "ontwerpt voor de gemiddelde burger die niet bestaat.",
                    "Very diverse users, some vulnerable: without involving them you design "
                    "for an average resident who does not exist.",
                ),
            ),
        ],
    },
    {
        "key": "unknown_users",
        "dimension": "users",
        "text": _t(
            "Wat weet je over hoe gebruikers de dienst beleven?",
            "What do you know about how users experience the service?",
        ),
        "options": [
            _option(
                "researched",
                1,
                _t("Recent onderzoek vertelt het ons goed", "Recent research tells us well"),
                _t(
                    "Je kent de beleving al goed: bouw verder op dat onderzoek.",
                    "You already know the experience well: build on that research.",
                ),
            ),
            _option(
                "figures",
                2,
                _t(
                    "Cijfers en klachten, maar niet het waarom",
                    "Figures and complaints, but not the why",
                ),
                _t(
                    "Je ziet wat er misloopt maar niet waarom: interviews en observaties "
                    "vullen dat gat.",
                    "You see what goes wrong but not why: interviews and observation "
                    "fill that gap.",
                ),
            ),
            _option(
                "little",
                3,
                _t("Weinig; we gaan uit van aannames", "Little; we work from assumptions"),
                _t(
                    "Veel is onbekend: onderzoek bij gebruikers levert hier het meeste op.",
                    "Much is unknown: research with users yields the most here.",
                ),
            ),
        ],
    },
]

ORGANISATION = [
    {
        "key": "departments",
        "dimension": "organisation",
        "text": _t(
            "Hoeveel diensten of partners leveren de dienst samen?",
            "How many departments or partners deliver the service together?",
        ),
        "options": [
            _option(
                "one",
                1,
                _t("Eén team", "One team"),
                _t(
                    "Eén team levert de dienst: het kan zelf veel bijsturen.",
                    "One team delivers the service: it can adjust much on its own.",
                ),
            ),
            _option(
                "few",
                2,
                _t("Twee of drie diensten", "Two or three departments"),
                _t(
                    "Meerdere diensten zijn betrokken: een reis over hun grenzen heen toont "
                    "de gaten waar mensen in vallen.",
                    "Several departments are involved: a journey across them shows the gaps "
                    "people fall into.",
                ),
            ),
            _option(
                "many",
                3,
                _t(
                    "Veel diensten en externe partners",
                    "Many departments and outside partners",
                ),
                _t(
                    "Veel diensten en partners: samen ontwerpen brengt hen rond één beeld "
                    "van de gebruiker.",
                    "Many departments and partners: designing together brings them round "
                    "one picture of the user.",
                ),
            ),
        ],
    },
    {
        "key": "backing",
        "dimension": "organisation",
        "text": _t(
            "Steunen het bestuur en het management het project?",
            "Do the council and management back the project?",
        ),
        "options": [
            _option(
                "explicit",
                3,
                _t("Ja, uitdrukkelijk", "Yes, explicitly"),
                _t(
                    "Uitdrukkelijke steun: de resultaten krijgen een kans om uitgevoerd te worden.",
                    "Explicit backing: the results stand a chance of being carried out.",
                ),
            ),
            _option(
                "management",
                2,
                _t(
                    "Het management wel, het bestuur nog niet gevraagd",
                    "Management does; the council has not been asked yet",
                ),
                _t(
                    "Het management steunt: betrek het bestuur vroeg, voor de keuzes vallen.",
                    "Management backs it: involve the council early, before choices are made.",
                ),
            ),
            _option(
                "interest",
                1,
                _t("Interesse, maar geen engagement", "Interest, but no commitment"),
                _t(
                    "Interesse zonder engagement: maak eerst afspraken over wat er met de "
                    "uitkomst gebeurt.",
                    "Interest without commitment: first agree on what will happen with "
                    "the outcome.",
                ),
            ),
            _option(
                "none",
                0,
                _t("Geen steun, of weerstand", "No backing, or opposition"),
                _t(
                    "Zonder steun van bestuur of management blijven de resultaten liggen: "
                    "zoek eerst die steun.",
                    "Without backing from council or management the results stay on the "
                    "shelf: seek that backing first.",
                ),
                cap="partly",
            ),
        ],
    },
    {
        "key": "willingness",
        "dimension": "organisation",
        "text": _t(
            "Hoe bereid is de organisatie om anders te werken?",
            "How willing is the organisation to work differently?",
        ),
        "options": [
            _option(
                "eager",
                3,
                _t("Ze zoekt zelf naar een nieuwe aanpak", "It is looking for a new way itself"),
                _t(
                    "De organisatie wil veranderen: de aanpak valt in vruchtbare grond.",
                    "The organisation wants to change: the approach falls on fertile ground.",
                ),
            ),
            _option(
                "open",
                2,
                _t("Open, als de resultaten overtuigen", "Open, if the results convince"),
                _t(
                    "Open maar afwachtend: toon snel zichtbare resultaten.",
                    "Open but waiting to see: show visible results early.",
                ),
            ),
            _option(
                "hesitant",
                1,
                _t("Aarzelend", "Hesitant"),
                _t(
                    "Aarzeling: betrek de twijfelaars als medeontwerpers.",
                    "Hesitation: involve the doubters as co-designers.",
                ),
            ),
            _option(
                "resists",
                0,
                _t("Ze verzet zich tegen verandering", "It resists change"),
                _t(
                    "Verzet tegen verandering: een nieuw ontwerp haalt de werkvloer niet.",
                    "Resistance to change: a new design will not reach the front line.",
                ),
            ),
        ],
    },
]

MEANS = [
    {
        "key": "time",
        "dimension": "means",
        "text": _t(
            "Hoeveel tijd is er voor er beslist moet worden?",
            "How much time is there before decisions must be made?",
        ),
        "options": [
            _option(
                "weeks",
                0,
                _t("Minder dan een maand", "Less than a month"),
                _t(
                    "Minder dan een maand: te kort om gebruikers te horen en iets te testen.",
                    "Less than a month: too short to hear users and test anything.",
                ),
            ),
            _option(
                "quarter",
                1,
                _t("Eén tot drie maanden", "One to three months"),
                _t(
                    "Eén tot drie maanden: genoeg voor een beperkte verkenning.",
                    "One to three months: enough for a limited exploration.",
                ),
            ),
            _option(
                "half_year",
                2,
                _t("Drie tot zes maanden", "Three to six months"),
                _t(
                    "Drie tot zes maanden: ruimte om te verkennen, te ontwerpen en te testen.",
                    "Three to six months: room to explore, design and test.",
                ),
            ),
            _option(
                "longer",
                3,
                _t("Meer dan zes maanden", "More than six months"),
                _t(
                    "Meer dan zes maanden: tijd voor alle fasen, ook voor de invoering.",
                    "More than six months: time for every phase, implementation included.",
                ),
            ),
        ],
    },
    {
        "key": "budget",
        "dimension": "means",
        "text": _t(
            "Welk budget is er (personeelstijd en eventueel externe hulp)?",
            "What budget is there (staff time and perhaps outside help)?",
        ),
        "options": [
            _option(
                "none",
                0,
                _t("Geen", "None"),
                _t(
                    "Zonder tijd of geld gebeurt er niets: maak eerst middelen vrij.",
                    "Without time or money nothing happens: free up means first.",
                ),
            ),
            _option(
                "staff",
                1,
                _t("Alleen tijd van medewerkers", "Staff time only"),
                _t(
                    "Alleen eigen tijd: kies technieken die het team zelf kan toepassen.",
                    "Staff time only: choose techniques the team can apply itself.",
                ),
            ),
            _option(
                "small",
                2,
                _t(
                    "Tijd en een klein budget voor externe hulp",
                    "Time and a small budget for outside help",
                ),
                _t(
                    "Een klein budget: haal een expert in voor de moeilijkste fase.",
                    "A small budget: bring in an expert for the hardest phase.",
                ),
            ),
            _option(
                "design_team",
                3,
                _t("Budget voor een ontwerpteam", "A budget for a design team"),
                _t(
                    "Budget voor een ontwerpteam: combineer het met leren in huis.",
                    "A budget for a design team: combine it with learning in house.",
                ),
            ),
        ],
    },
]

ACCESS = [
    {
        "key": "access_users",
        "dimension": "access",
        "text": _t(
            "Kun je de gebruikers bereiken en spreken?",
            "Can you reach and talk to the users?",
        ),
        "options": [
            _option(
                "easily",
                3,
                _t("Gemakkelijk", "Easily"),
                _t(
                    "Gebruikers zijn goed bereikbaar: het hart van service design is mogelijk.",
                    "Users are easy to reach: the heart of service design is within reach.",
                ),
            ),
            _option(
                "effort",
                2,
                _t("Met wat moeite", "With some effort"),
                _t(
                    "Met wat moeite bereikbaar: plan de werving van gesprekken op tijd.",
                    "Reachable with some effort: plan recruiting for interviews in time.",
                ),
            ),
            _option(
                "intermediaries",
                1,
                _t("Alleen via tussenpersonen", "Only through intermediaries"),
                _t(
                    "Alleen via tussenpersonen: hun beeld is nuttig, maar niet dat van de "
                    "gebruikers zelf.",
                    "Only through intermediaries: their view helps, but it is not the users' own.",
                ),
            ),
            _option(
                "not_at_all",
                0,
                _t("Niet, of het mag niet", "Not at all, or it is not allowed"),
                _t(
                    "Wie de gebruikers niet kan spreken, ontwerpt op aannames: regel eerst "
                    "die toegang.",
                    "Without talking to users you design on assumptions: arrange that "
                    "access first.",
                ),
                cap="partly",
            ),
        ],
    },
    {
        "key": "access_data",
        "dimension": "access",
        "text": _t(
            "Heb je gegevens over de dienst (aantallen, klachten, wachttijden)?",
            "Do you have data on the service (numbers, complaints, waiting times)?",
        ),
        "options": [
            _option(
                "ready",
                3,
                _t("Ja, meteen beschikbaar", "Yes, readily available"),
                _t(
                    "Gegevens liggen klaar: ze tonen waar je het eerst moet kijken.",
                    "Data is at hand: it shows where to look first.",
                ),
            ),
            _option(
                "scattered",
                2,
                _t("Verspreid over diensten", "Scattered across departments"),
                _t(
                    "Verspreide gegevens: ze samenbrengen is al een eerste inzicht.",
                    "Scattered data: bringing it together is a first insight in itself.",
                ),
            ),
            _option(
                "hardly",
                1,
                _t("Nauwelijks", "Hardly any"),
                _t(
                    "Nauwelijks gegevens: begin met tellen en observeren.",
                    "Hardly any data: start by counting and observing.",
                ),
            ),
            _option(
                "none",
                0,
                _t("Geen", "None"),
                _t(
                    "Geen gegevens: het is moeilijk om later te tonen wat verbeterd is.",
                    "No data: it will be hard to show later what has improved.",
                ),
            ),
        ],
    },
]

DIMENSIONS = [
    {"key": "problem", "title": _t("De aard van de uitdaging", "The nature of the challenge")},
    {"key": "users", "title": _t("De gebruikers", "The users")},
    {"key": "organisation", "title": _t("De organisatie", "The organisation")},
    {"key": "means", "title": _t("Tijd en middelen", "Time and means")},
    {
        "key": "access",
        "title": _t("Toegang tot gebruikers en gegevens", "Access to users and data"),
    },
]

LEVELS = [
    {
        "number": 1,
        "name": _t("Niveau 1 · kennismaking", "Level 1 · introduction"),
        "description": _t(
            "Een workshop van een uur rond een echt voorbeeld: wat service design is en wat "
            "het voor jouw bestuur kan doen.",
            "A one-hour workshop around a real case: what service design is and what it "
            "could do for your authority.",
        ),
    },
    {
        "number": 2,
        "name": _t("Niveau 2 · eendaagse opleiding", "Level 2 · one-day training"),
        "description": _t(
            "Principes, fasen en technieken: oordelen waar service design loont, welke "
            "expertise je in huis hebt en welke je inhuurt.",
            "Principles, phases and techniques: judge where service design pays off, which "
            "expertise you have in house and which to bring in.",
        ),
    },
    {
        "number": 3,
        "name": _t("Niveau 3 · leertraject", "Level 3 · learning path"),
        "description": _t(
            "Enkele dagen gespreid over een jaar, met andere besturen, elk op een eigen "
            "echte uitdaging: zelf toepassen en verankeren.",
            "Several days over a year, with other authorities, each on a real challenge of "
            "its own: apply the approach yourselves and embed it.",
        ),
    },
]

OUTCOMES = {
    "go": {
        "title": _t("Ga ervoor: service design past", "Go: service design fits"),
        "summary": _t(
            "De uitdaging en de omstandigheden lenen zich goed voor service design.",
            "The challenge and the conditions suit service design well.",
        ),
        "level": 3,
        "first_steps": [
            _t(
                "Schrijf een ontwerpbrief: probleem, betrokken gebruikers, doelen, "
                "afbakening, tijd en budget.",
                "Write a design brief: problem, users concerned, goals, scope, time and budget.",
            ),
            _t(
                "Stel een projectteam samen over de betrokken diensten heen en duid een "
                "trekker aan.",
                "Form a project team across the departments involved and name a lead.",
            ),
            _t(
                "Plan de eerste verkenning: observeer aan het loket en interview enkele "
                "inwoners en medewerkers.",
                "Plan the first exploration: observe at the desk and interview a few "
                "residents and staff.",
            ),
            _t(
                "Beslis met de expertiseplanner welke fasen je zelf doet en waar je een "
                "ontwerper inschakelt.",
                "Decide with the expertise planner which phases you do yourselves and "
                "where you bring in a designer.",
            ),
        ],
    },
    "partly": {
        "title": _t("Gedeeltelijk: begin klein", "Partly: start small"),
        "summary": _t(
            "Service design kan helpen, maar eerst moet er iets rechtgezet worden of "
            "past een kleinere aanpak beter.",
            "Service design can help, but something needs sorting out first, or a smaller "
            "approach fits better.",
        ),
        "level": 2,
        "first_steps": [
            _t(
                "Pak eerst aan wat het tegenhoudt: lees de redenen per dimensie hieronder.",
                "Deal first with what holds it back: read the reasons per dimension below.",
            ),
            _t(
                "Beperk de vraag tot één deel van de dienst, met één groep gebruikers.",
                "Narrow the question to one part of the service, with one group of users.",
            ),
            _t(
                "Volg de eendaagse opleiding met wie het project zou dragen.",
                "Follow the one-day training with the people who would carry the project.",
            ),
        ],
    },
    "not_now": {
        "title": _t("Nu niet", "Not now"),
        "summary": _t(
            "Op dit moment levert service design voor deze uitdaging weinig op.",
            "At this moment service design would achieve little for this challenge.",
        ),
        "level": 1,
        "first_steps": [
            _t(
                "Organiseer een kennismaking van een uur voor management en bestuur, rond "
                "een voorbeeld van een vergelijkbaar bestuur.",
                "Hold a one-hour introduction for management and council, around a case "
                "from a comparable authority.",
            ),
            _t(
                "Verzamel wat je al weet over de dienst: aantallen, klachten, wachttijden.",
                "Gather what you already know about the service: numbers, complaints, "
                "waiting times.",
            ),
            _t(
                "Doe de fitcheck opnieuw wanneer de uitdaging of de omstandigheden veranderen.",
                "Take the fit check again when the challenge or the conditions change.",
            ),
        ],
    },
}

DEFAULT: dict[str, Any] = {
    "dimensions": DIMENSIONS,
    "questions": [*PROBLEM, *USERS, *ORGANISATION, *MEANS, *ACCESS],
    # Per cent of the maximum score at which an outcome starts.
    "thresholds": {"go": 70, "partly": 45},
    "levels": LEVELS,
    "outcomes": OUTCOMES,
}
