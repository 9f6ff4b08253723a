"""The programme's starting content: three levels, the survey, the peer review criteria.

Written for Atelier in its own words; staff change all of it in the admin.
"""

LEVELS = [
    {
        "number": 1,
        "name_nl": "Kennismaking",
        "name_en": "Awareness",
        "format_nl": "Inleidende workshop van een uur rond een echte case",
        "format_en": "One-hour introduction workshop around a real case",
        "objectives_nl": "Uitleggen wat service design is en wat het anders maakt\n"
        "Een dienst zien als een geheel van contactmomenten en kanalen\n"
        "Inschatten wat service design voor het eigen bestuur kan betekenen",
        "objectives_en": "Explain what service design is and what makes it different\n"
        "See a service as a whole of touchpoints and channels\n"
        "Judge what service design could do for one's own authority",
    },
    {
        "number": 2,
        "name_nl": "Opleidingsdag",
        "name_en": "One-day training",
        "format_nl": "Eén dag over principes, fasen en technieken",
        "format_en": "One day on principles, phases and techniques",
        "objectives_nl": "Beoordelen waar service design de moeite waard is\n"
        "Bepalen welke expertise een project vraagt, welke in huis is en welke je inhuurt\n"
        "De criteria kennen die tellen in een kwalitatieve opdracht voor een ontwerper",
        "objectives_en": "Judge where service design is worth using\n"
        "Tell which expertise a project needs, which is in house and which to hire\n"
        "Know the criteria that matter in a qualitative tender for a designer",
    },
    {
        "number": 3,
        "name_nl": "Leertraject",
        "name_en": "Learning path",
        "format_nl": "Enkele dagen gespreid over een jaar, met een groep besturen die elk "
        "een eigen probleem aanpakken",
        "format_en": "Several days over one year, with a cohort of authorities each "
        "working on a problem of their own",
        "objectives_nl": "Zelf een reeks technieken toepassen op een echt probleem\n"
        "De aanpak verankeren in de eigen organisatie\n"
        "Beoordelen voor welk deel van het proces een externe ontwerper de kost waard is",
        "objectives_en": "Apply a set of techniques to a real problem oneself\n"
        "Embed the approach in one's own organisation\n"
        "Judge for which part of the process an external designer is worth the cost",
    },
]

FEEDBACK_QUESTIONS = [
    (
        "rating",
        "Hoe nuttig was deze sessie voor je werk?",
        "How useful was this session for your work?",
    ),
    ("rating", "Hoe duidelijk was de uitleg?", "How clear were the explanations?"),
    ("rating", "Hoe goed paste het tempo?", "How well did the pace suit you?"),
    (
        "open",
        "Wat neem je mee naar je eigen organisatie?",
        "What will you take back to your organisation?",
    ),
    ("open", "Wat kan beter?", "What could be better?"),
]

REVIEW_CRITERIA = [
    (
        "Het probleem is scherp en vanuit de gebruiker beschreven",
        "The problem is sharp and described from the user's side",
    ),
    (
        "Het onderzoek steunt op echte gebruikers en medewerkers",
        "The research rests on real users and staff",
    ),
    (
        "De inzichten volgen uit het onderzoek en zijn onderbouwd",
        "The insights follow from the research and are backed by evidence",
    ),
    (
        "De volgende stap is concreet, met wie, wat en wanneer",
        "The next step is concrete: who, what and when",
    ),
]
