"""Phase 3: ideate and co-create."""

PHASE = {
    "position": 3,
    "slug": "ideate-and-co-create",
    "name_nl": "Ideeën ontwikkelen en cocreëren",
    "name_en": "Ideate and co-create",
    "summary_nl": "Bedenk samen met burgers en medewerkers veel ideeën en kies de beste.",
    "summary_en": "Come up with many ideas together with residents and staff, and pick the best.",
}

TECHNIQUES = [
    {
        "slug": "co-creation-workshop",
        "expertise": "expert",
        "produces": "idea_list",
        "nl": {
            "name": "Cocreatieworkshop",
            "summary": "Een werksessie waarin burgers, medewerkers en partners samen "
            "oplossingen ontwerpen voor de ontwerpvragen uit het onderzoek.",
            "when_to_use": "Wanneer een oplossing meerdere diensten of partners raakt en "
            "draagvlak nodig heeft, bv. één onthaal voor de sociale dienst van stad en OCMW.",
            "when_not": "Niet als de beslissing eigenlijk al genomen is: dat voelt als "
            "schijnparticipatie. Niet zonder duidelijke ontwerpvraag.",
            "participants": "Twaalf tot dertig mensen in gemengde tafels, een begeleider "
            "en tafelbegeleiders.",
            "duration": "Een halve dag",
            "materials": "Persona's, klantreis, ontwerpvragen, werkbladen, post-its, "
            "knutselmateriaal",
            "steps": [
                "Kies twee of drie ontwerpvragen en stel gemengde tafels samen.",
                "Start met de persona's en de klantreis, zodat iedereen dezelfde basis heeft.",
                "Laat elke tafel ideeën bedenken en uitwerken tot een concept.",
                "Laat de tafels hun concepten aan elkaar voorstellen en op elkaar reageren.",
                "Sluit af met wat er nu met de ideeën gebeurt en wie wat opvolgt.",
            ],
            "pitfalls": [
                "Burgers uitnodigen maar hen in een zaal vol ambtenaren laten verdrinken.",
                "Geen terugkoppeling achteraf over wat er met de ideeën gebeurde.",
                "Te veel op één dag willen bereiken.",
            ],
            "expertise_reason": "Een goede cocreatiesessie met burgers en meerdere "
            "diensten vraagt een ervaren begeleider die neutraal is; het projectteam "
            "begeleidt de tafels en leert zo mee.",
        },
        "en": {
            "name": "Co-creation workshop",
            "summary": "A working session in which residents, staff and partners design "
            "solutions together for the design questions from the research.",
            "when_to_use": "When a solution touches several departments or partners and "
            "needs support, e.g. one front door for the social services of city and OCMW.",
            "when_not": "Not when the decision has in fact already been made: that feels "
            "like sham participation. Not without a clear design question.",
            "participants": "Twelve to thirty people at mixed tables, a facilitator and "
            "table hosts.",
            "duration": "Half a day",
            "materials": "Personas, journey map, design questions, worksheets, sticky "
            "notes, craft materials",
            "steps": [
                "Choose two or three design questions and set up mixed tables.",
                "Start with the personas and the journey, so everyone shares the same base.",
                "Have each table come up with ideas and work them into a concept.",
                "Let the tables present their concepts to each other and respond.",
                "Close with what happens to the ideas now and who follows up on what.",
            ],
            "pitfalls": [
                "Inviting residents and then leaving them to drown in a room full of officials.",
                "No feedback afterwards on what happened to the ideas.",
                "Trying to achieve too much in one day.",
            ],
            "expertise_reason": "A good co-creation session with residents and several "
            "departments needs an experienced, neutral facilitator; the project team hosts "
            "the tables and learns along.",
        },
    },
    {
        "slug": "brainstorm",
        "expertise": "team",
        "produces": "idea_list",
        "nl": {
            "name": "Brainstorm",
            "summary": "In korte tijd zoveel mogelijk ideeën bedenken voor één ontwerpvraag, "
            "zonder meteen te oordelen.",
            "when_to_use": 'Wanneer je een duidelijke "Hoe kunnen we…"-vraag hebt en '
            "verder wilt kijken dan de voor de hand liggende oplossing.",
            "when_not": "Niet om te beslissen: een brainstorm levert opties, geen keuze. "
            "Niet met een groep waarin mensen niet vrijuit durven spreken.",
            "participants": "Vier tot acht mensen, liefst van verschillende diensten.",
            "duration": "45 tot 90 minuten",
            "materials": "Ontwerpvraag groot op de muur, post-its, stiften, timer",
            "steps": [
                "Lees de ontwerpvraag voor en herhaal de regels: geen kritiek, hoeveelheid "
                "eerst, bouw voort op elkaar.",
                "Laat iedereen eerst vijf minuten alleen ideeën noteren.",
                "Deel de ideeën en vul ze samen aan.",
                "Cluster gelijkaardige ideeën en geef ze een naam.",
            ],
            "pitfalls": [
                "De hoogste in rang die als eerste zijn idee geeft.",
                '"Dat hebben we al eens geprobeerd" te vroeg in de sessie.',
            ],
            "expertise_reason": "Het team kan dit zelf; een collega die niet inhoudelijk "
            "betrokken is, bewaakt best de regels en de tijd.",
        },
        "en": {
            "name": "Brainstorm",
            "summary": "Coming up with as many ideas as possible for one design question in "
            "a short time, without judging straight away.",
            "when_to_use": 'When you have a clear "How might we…" question and want to '
            "look beyond the obvious solution.",
            "when_not": "Not to decide: a brainstorm yields options, not a choice. Not with "
            "a group in which people do not dare to speak freely.",
            "participants": "Four to eight people, preferably from different departments.",
            "duration": "45 to 90 minutes",
            "materials": "The design question large on the wall, sticky notes, markers, timer",
            "steps": [
                "Read out the design question and repeat the rules: no criticism, quantity "
                "first, build on each other.",
                "Have everyone note ideas alone for five minutes first.",
                "Share the ideas and add to them together.",
                "Cluster similar ideas and name them.",
            ],
            "pitfalls": [
                "The most senior person giving their idea first.",
                '"We tried that once" too early in the session.',
            ],
            "expertise_reason": "The team can do this itself; a colleague who is not "
            "involved in the content had best keep the rules and the time.",
        },
    },
    {
        "slug": "scenarios",
        "expertise": "coached",
        "produces": "",
        "nl": {
            "name": "Scenario's",
            "summary": "Korte verhalen die beschrijven hoe een persona de nieuwe dienst "
            "stap voor stap zou beleven, zodat een idee concreet en bespreekbaar wordt.",
            "when_to_use": "Om een gekozen idee uit te werken en te toetsen of het voor "
            "verschillende persona's werkt, bv. een afspraaksysteem voor het loket "
            "burgerzaken.",
            "when_not": "Niet voor details van schermen of formulieren: daarvoor dienen "
            "mock-ups. Niet zonder persona's om het verhaal op te bouwen.",
            "participants": "Het projectteam, twee tot vier mensen per scenario.",
            "duration": "1 tot 2 uur",
            "materials": "Persona's, de gekozen ideeën, scenariosjabloon",
            "steps": [
                "Kies een persona en een concrete aanleiding.",
                "Schrijf het verhaal in de tegenwoordige tijd, van de eerste vraag tot "
                "het resultaat.",
                "Benoem bij elke stap het kanaal en wie er achter de schermen iets doet.",
                "Lees het scenario voor aan collega's en noteer hun vragen en twijfels.",
            ],
            "pitfalls": [
                "Alleen het ideale pad beschrijven en wat misgaat vergeten.",
                "Een scenario dat het idee verkoopt in plaats van het te toetsen.",
            ],
            "expertise_reason": "Het team kan scenario's schrijven; een coach helpt de "
            "lastige momenten en uitzonderingen niet te vergeten.",
        },
        "en": {
            "name": "Scenarios",
            "summary": "Short stories that describe how a persona would experience the new "
            "service step by step, so an idea becomes concrete and open to discussion.",
            "when_to_use": "To develop a chosen idea and check whether it works for "
            "different personas, e.g. an appointment system for the registry office desk.",
            "when_not": "Not for the details of screens or forms: mock-ups are for that. "
            "Not without personas to build the story on.",
            "participants": "The project team, two to four people per scenario.",
            "duration": "1 to 2 hours",
            "materials": "Personas, the chosen ideas, scenario template",
            "steps": [
                "Choose a persona and a concrete occasion.",
                "Write the story in the present tense, from the first question to the result.",
                "Name the channel at each step and who does something behind the scenes.",
                "Read the scenario to colleagues and note their questions and doubts.",
            ],
            "pitfalls": [
                "Describing only the ideal path and forgetting what goes wrong.",
                "A scenario that sells the idea instead of testing it.",
            ],
            "expertise_reason": "The team can write scenarios; a coach helps not to forget "
            "the difficult moments and the exceptions.",
        },
    },
    {
        "slug": "idea-selection",
        "expertise": "team",
        "produces": "idea_list",
        "nl": {
            "name": "Ideeën kiezen (impact × inspanning)",
            "summary": "Ideeën samen beoordelen op wat ze opleveren voor burgers en "
            "medewerkers en wat ze kosten aan tijd, geld en verandering, en zo kiezen "
            "waarmee je verdergaat.",
            "when_to_use": "Na een brainstorm of cocreatiesessie, wanneer er meer ideeën "
            "zijn dan je kunt uitwerken.",
            "when_not": "Niet als enige basis voor grote investeringen: een snelle "
            "inschatting vervangt geen businesscase. Niet met een groep zonder kennis van "
            "de uitvoering.",
            "participants": "Projectteam, opdrachtgever, iemand die de uitvoering kent "
            "(ICT, facility, financiën).",
            "duration": "1 tot 2 uur",
            "materials": "Ideeënlijst, assenkruis impact × inspanning, stickers om te stemmen",
            "steps": [
                "Spreek af wat impact en inspanning betekenen voor dit project.",
                "Plaats elk idee op het assenkruis en bespreek de twijfelgevallen.",
                "Kies snelle winsten (veel impact, weinig inspanning) en een of twee "
                "grotere ideeën om te prototypen.",
                "Leg per gekozen idee een eigenaar en een volgende stap vast.",
            ],
            "pitfalls": [
                "De inspanning onderschatten omdat niemand van de uitvoering aan tafel zat.",
                "Alleen snelle winsten kiezen en het echte probleem laten liggen.",
            ],
            "expertise_reason": "Het team kan de techniek zelf toepassen; de kwaliteit "
            "hangt af van wie er aan tafel zit, niet van ontwerpkennis.",
        },
        "en": {
            "name": "Idea selection (impact × effort)",
            "summary": "Judging ideas together on what they bring residents and staff and "
            "what they cost in time, money and change, and so choosing which to take "
            "forward.",
            "when_to_use": "After a brainstorm or co-creation session, when there are more "
            "ideas than you can develop.",
            "when_not": "Not as the only basis for large investments: a quick estimate does "
            "not replace a business case. Not with a group that knows nothing of delivery.",
            "participants": "Project team, sponsor, someone who knows delivery (IT, "
            "facilities, finance).",
            "duration": "1 to 2 hours",
            "materials": "Idea list, impact × effort grid, stickers for voting",
            "steps": [
                "Agree what impact and effort mean for this project.",
                "Place each idea on the grid and discuss the doubtful ones.",
                "Choose quick wins (high impact, low effort) and one or two bigger ideas "
                "to prototype.",
                "Record an owner and a next step for each chosen idea.",
            ],
            "pitfalls": [
                "Underestimating effort because nobody from delivery was at the table.",
                "Choosing only quick wins and leaving the real problem untouched.",
            ],
            "expertise_reason": "The team can apply the technique itself; the quality "
            "depends on who sits at the table, not on design knowledge.",
        },
    },
]
