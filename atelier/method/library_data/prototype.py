"""Phase 4: prototype and test."""

PHASE = {
    "position": 4,
    "slug": "prototype-and-test",
    "name_nl": "Prototypen en testen",
    "name_en": "Prototype and test",
    "summary_nl": "Maak ideeën snel tastbaar en probeer ze uit met echte gebruikers.",
    "summary_en": "Make ideas tangible quickly and try them out with real users.",
}

TECHNIQUES = [
    {
        "slug": "service-staging",
        "expertise": "coached",
        "produces": "test_plan",
        "nl": {
            "name": "Rollenspel en service staging",
            "summary": "De nieuwe dienst naspelen met medewerkers en burgers in een "
            "nagebootste ruimte, om te voelen hoe contacten verlopen voor iets gebouwd wordt.",
            "when_to_use": "Wanneer de interactie tussen mensen centraal staat, bv. een "
            "nieuw onthaal, een andere opstelling van de loketten of een gesprek bij de "
            "sociale dienst.",
            "when_not": "Niet voor puur digitale diensten: daar werken mock-ups beter. "
            "Niet met spelers die zich niet veilig voelen om te spelen.",
            "participants": "Vier tot tien medewerkers en, liefst, enkele burgers; een begeleider.",
            "duration": "2 tot 3 uur",
            "materials": "Een zaal, tafels en stoelen als loketten, rolkaarten met "
            "persona's, eenvoudige attributen",
            "steps": [
                "Richt de ruimte grof in zoals de nieuwe situatie (tape op de vloer volstaat).",
                "Verdeel de rollen: burger, onthaal, loketmedewerker, observatoren.",
                "Speel een scenario en laat observatoren noteren wat hapert.",
                "Bespreek, pas aan en speel opnieuw met een andere persona.",
                "Noteer de beslissingen in het testlogboek.",
            ],
            "pitfalls": [
                "Te veel willen afwerken: grof materiaal nodigt uit tot aanpassen.",
                "Alleen medewerkers die de burger spelen, zonder echte burgers.",
            ],
            "expertise_reason": "Een coach helpt de eerste sessie veilig en speels te "
            "houden en leert het team observeren; daarna kan het team zelf verder.",
        },
        "en": {
            "name": "Role play and service staging",
            "summary": "Acting out the new service with staff and residents in a mocked-up "
            "space, to feel how contacts go before anything is built.",
            "when_to_use": "When the interaction between people is central, e.g. a new "
            "reception, a different desk layout or a conversation at social services.",
            "when_not": "Not for purely digital services: mock-ups work better there. Not "
            "with players who do not feel safe to play.",
            "participants": "Four to ten staff and, ideally, a few residents; a facilitator.",
            "duration": "2 to 3 hours",
            "materials": "A room, tables and chairs as desks, role cards with personas, "
            "simple props",
            "steps": [
                "Set up the space roughly as the new situation (tape on the floor will do).",
                "Share the roles: resident, reception, desk employee, observers.",
                "Play a scenario and have observers note what falters.",
                "Discuss, adjust and play again with another persona.",
                "Note the decisions in the test log.",
            ],
            "pitfalls": [
                "Finishing things too much: rough material invites changes.",
                "Only staff playing the resident, without real residents.",
            ],
            "expertise_reason": "A coach helps keep the first session safe and playful and "
            "teaches the team to observe; then the team can carry on alone.",
        },
    },
    {
        "slug": "mock-ups",
        "expertise": "team",
        "produces": "test_plan",
        "nl": {
            "name": "Mock-ups",
            "summary": "Snelle, goedkope namaakversies van een formulier, brief, webpagina, "
            "bord of balie, om ideeën te tonen en te testen.",
            "when_to_use": "Om een idee te tonen voor je investeert, bv. een nieuwe brief "
            "van de belastingdienst of de startpagina van de website.",
            "when_not": "Niet als je al weet dat het idee niet doorgaat. Maak ze niet zo "
            "mooi dat mensen denken dat alles al beslist is.",
            "participants": "Twee tot vier teamleden.",
            "duration": "1 uur tot een halve dag",
            "materials": "Papier, karton, stiften, schaar, of een eenvoudige tekentool",
            "steps": [
                "Bepaal welke vraag het prototype moet beantwoorden.",
                "Maak de eenvoudigste versie die die vraag kan beantwoorden.",
                "Laat een paar mensen ermee aan de slag gaan en kijk wat ze doen.",
                "Pas aan en maak een volgende versie.",
            ],
            "pitfalls": [
                "Te lang werken aan één perfecte versie.",
                "Het prototype uitleggen in plaats van te kijken hoe mensen het gebruiken.",
            ],
            "expertise_reason": "Mock-ups zijn bewust eenvoudig; het team kan ze zelf "
            "maken. Voor grafisch of digitaal werk kan de communicatiedienst helpen.",
        },
        "en": {
            "name": "Mock-ups",
            "summary": "Quick, cheap imitations of a form, letter, web page, sign or desk, "
            "to show and test ideas.",
            "when_to_use": "To show an idea before you invest, e.g. a new letter from the "
            "tax department or the website's home page.",
            "when_not": "Not when you already know the idea will not go ahead. Do not make "
            "them so polished that people think everything has been decided.",
            "participants": "Two to four team members.",
            "duration": "1 hour to half a day",
            "materials": "Paper, cardboard, markers, scissors, or a simple drawing tool",
            "steps": [
                "Decide which question the prototype must answer.",
                "Make the simplest version that can answer it.",
                "Let a few people use it and watch what they do.",
                "Adjust and make a next version.",
            ],
            "pitfalls": [
                "Working too long on one perfect version.",
                "Explaining the prototype instead of watching how people use it.",
            ],
            "expertise_reason": "Mock-ups are simple on purpose; the team can make them "
            "itself. For graphic or digital work the communication department can help.",
        },
    },
    {
        "slug": "storyboard",
        "expertise": "team",
        "produces": "",
        "nl": {
            "name": "Storyboard",
            "summary": "Een reeks eenvoudige tekeningen of foto's die als een strip tonen "
            "hoe een burger de nieuwe dienst beleeft.",
            "when_to_use": "Om een scenario snel en begrijpelijk te delen met collega's, "
            "het college of burgers, en er reacties op te vragen.",
            "when_not": "Niet om details uit te werken. Niet als vervanging van testen "
            "met gebruikers.",
            "participants": "Twee tot vier teamleden; tekentalent is niet nodig.",
            "duration": "1 tot 2 uur",
            "materials": "Storyboardsjabloon met zes tot negen vakjes, stiften of foto's",
            "steps": [
                "Vertrek van een scenario en een persona.",
                "Kies de zes tot negen belangrijkste momenten.",
                "Teken of fotografeer per vakje één moment, met een korte tekst eronder.",
                "Toon het storyboard en vraag wat mensen ervan denken en wat ontbreekt.",
            ],
            "pitfalls": [
                "Te veel tekst in de vakjes.",
                "Alleen het eindresultaat tonen en niet hoe de burger daar komt.",
            ],
            "expertise_reason": "Iedereen kan een storyboard maken met stokmannetjes; "
            "het verhaal telt, niet de tekening.",
        },
        "en": {
            "name": "Storyboard",
            "summary": "A series of simple drawings or photos that show, like a comic "
            "strip, how a resident experiences the new service.",
            "when_to_use": "To share a scenario quickly and clearly with colleagues, the "
            "executive or residents, and ask for their reactions.",
            "when_not": "Not to work out details. Not as a substitute for testing with users.",
            "participants": "Two to four team members; no drawing talent needed.",
            "duration": "1 to 2 hours",
            "materials": "Storyboard template with six to nine frames, markers or photos",
            "steps": [
                "Start from a scenario and a persona.",
                "Choose the six to nine most important moments.",
                "Draw or photograph one moment per frame, with a short caption.",
                "Show the storyboard and ask what people think and what is missing.",
            ],
            "pitfalls": [
                "Too much text in the frames.",
                "Showing only the end result and not how the resident gets there.",
            ],
            "expertise_reason": "Anyone can make a storyboard with stick figures; the "
            "story counts, not the drawing.",
        },
    },
    {
        "slug": "test-with-users",
        "expertise": "coached",
        "produces": "test_plan",
        "nl": {
            "name": "Testen met gebruikers",
            "summary": "Een prototype laten gebruiken door echte burgers of medewerkers, "
            "kijken wat lukt en wat niet, en dat vastleggen in een testplan en logboek.",
            "when_to_use": "Voor je een nieuwe dienst, brief, website of inrichting "
            "definitief maakt, en opnieuw na elke grote aanpassing.",
            "when_not": "Niet om goedkeuring te krijgen voor een idee dat vastligt. Niet "
            "met alleen collega's als testers.",
            "participants": "Een testleider, een notulist, vijf tot acht gebruikers per testronde.",
            "duration": "30 tot 60 minuten per test",
            "materials": "Prototype, testplan met opdrachten, toestemmingsformulier, logboek",
            "steps": [
                "Schrijf in het testplan wat je test, met wie en welke vragen je beantwoordt.",
                "Zoek testers die lijken op je persona's, ook moeilijk bereikbare groepen.",
                'Geef een opdracht ("verlengde je identiteitskaart aan") en kijk zonder te helpen.',
                "Noteer wat je ziet en hoort in het logboek.",
                "Beslis per probleem: aanpassen, verder testen of aanvaarden.",
            ],
            "pitfalls": [
                "Helpen zodra de tester twijfelt, waardoor je het probleem niet ziet.",
                'Vragen of mensen het "mooi" vinden in plaats van te kijken of het werkt.',
                "Testen zonder vooraf te weten welke beslissing het moet voeden.",
            ],
            "expertise_reason": "Een eerste testronde samen met een coach leert het team "
            "neutraal te begeleiden; daarna kan het team zelf testen.",
        },
        "en": {
            "name": "Test with users",
            "summary": "Having real residents or staff use a prototype, watching what "
            "works and what does not, and recording it in a test plan and log.",
            "when_to_use": "Before you finalise a new service, letter, website or layout, "
            "and again after every major change.",
            "when_not": "Not to get approval for an idea that is fixed. Not with "
            "colleagues as the only testers.",
            "participants": "A test lead, a note-taker, five to eight users per round.",
            "duration": "30 to 60 minutes per test",
            "materials": "Prototype, test plan with tasks, consent form, log",
            "steps": [
                "Write in the test plan what you test, with whom and which questions you answer.",
                "Find testers who resemble your personas, including hard-to-reach groups.",
                'Give a task ("renew your identity card") and watch without helping.',
                "Note what you see and hear in the log.",
                "Decide per problem: adjust, test further or accept.",
            ],
            "pitfalls": [
                "Helping as soon as the tester hesitates, so you miss the problem.",
                'Asking whether people find it "nice" instead of watching whether it works.',
                "Testing without knowing beforehand which decision it must inform.",
            ],
            "expertise_reason": "A first round with a coach teaches the team to guide "
            "neutrally; after that the team can test on its own.",
        },
    },
]
