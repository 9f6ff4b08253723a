"""Phase 5: implement and embed."""

PHASE = {
    "position": 5,
    "slug": "implement-and-embed",
    "name_nl": "Implementeren en verankeren",
    "name_en": "Implement and embed",
    "summary_nl": "Maak de nieuwe dienst waar in de organisatie en blijf meten of hij werkt.",
    "summary_en": "Make the new service real in the organisation and keep checking it works.",
}

TECHNIQUES = [
    {
        "slug": "service-blueprint",
        "expertise": "expert",
        "produces": "blueprint",
        "nl": {
            "name": "Service blueprint (gewenste situatie)",
            "summary": "Een schema van de nieuwe dienst dat naast de stappen van de burger "
            "toont wat medewerkers aan het loket, in de backoffice en in de systemen moeten "
            "doen om elke stap waar te maken.",
            "when_to_use": "Wanneer een concept gekozen en getest is en je moet afspreken "
            "wie wat doet, bv. bij het samenvoegen van de loketten van gemeente en OCMW.",
            "when_not": "Niet te vroeg: een blueprint van een ongetest idee legt fouten "
            "vast. Niet als vervanging van een procesbeschrijving voor de kwaliteitszorg.",
            "participants": "Projectteam, medewerkers van frontoffice en backoffice, ICT.",
            "duration": "Twee werksessies van een halve dag",
            "materials": "Blueprintsjabloon, klantreis (gewenste situatie), persona's",
            "steps": [
                "Zet de stappen van de burger uit de gewenste klantreis bovenaan.",
                "Vul eronder per stap de frontoffice, de backoffice en de ondersteunende "
                "processen in.",
                "Trek de lijnen van interactie, zichtbaarheid en interne interactie.",
                "Markeer kritieke punten en knelpunten en wie ze oplost.",
                "Laat de betrokken diensten de blueprint valideren.",
            ],
            "pitfalls": [
                "De blueprint verwarren met een organigram of procedure.",
                "Een te gedetailleerd schema dat niemand nog leest.",
                "Het ICT-luik weglaten, waardoor de oplossing in de systemen vastloopt.",
            ],
            "expertise_reason": "Een blueprint over meerdere diensten en systemen vraagt "
            "ervaring; een ontwerper stelt hem op met het team, dat hem daarna zelf "
            "onderhoudt.",
        },
        "en": {
            "name": "Service blueprint (to be)",
            "summary": "A diagram of the new service that shows, beside the resident's "
            "steps, what staff at the desk, in the back office and in the systems must do "
            "to deliver each step.",
            "when_to_use": "When a concept has been chosen and tested and you must agree "
            "who does what, e.g. when merging the desks of the municipality and the OCMW.",
            "when_not": "Not too early: a blueprint of an untested idea fixes its mistakes. "
            "Not as a substitute for a process description for quality management.",
            "participants": "Project team, front-office and back-office staff, IT.",
            "duration": "Two half-day working sessions",
            "materials": "Blueprint template, the to-be journey, personas",
            "steps": [
                "Put the resident's steps from the to-be journey at the top.",
                "Fill in below each step the front office, the back office and the support "
                "processes.",
                "Draw the lines of interaction, visibility and internal interaction.",
                "Mark critical points and pain points, and who resolves them.",
                "Have the departments involved validate the blueprint.",
            ],
            "pitfalls": [
                "Confusing the blueprint with an organisation chart or a procedure.",
                "A diagram so detailed that nobody reads it.",
                "Leaving out IT, so the solution gets stuck in the systems.",
            ],
            "expertise_reason": "A blueprint across several departments and systems needs "
            "experience; a designer draws it up with the team, which then maintains it.",
        },
    },
    {
        "slug": "roadmap",
        "expertise": "team",
        "produces": "",
        "nl": {
            "name": "Roadmap en actieplan",
            "summary": "Een planning die de gekozen oplossingen omzet in acties met "
            "eigenaars, budget, mijlpalen en afhankelijkheden, over enkele maanden tot jaren.",
            "when_to_use": "Wanneer de oplossing vastligt en verschillende diensten, "
            "budgetten of aannemers nodig zijn om ze te realiseren.",
            "when_not": "Niet als er nog geen gedragen keuze is. Niet als vervanging van "
            "het meerjarenplan, wel als input ervoor.",
            "participants": "Projectleider, opdrachtgever, verantwoordelijken van de "
            "betrokken diensten.",
            "duration": "Een halve dag, daarna maandelijks opvolgen",
            "materials": "Blueprint, ideeënlijst, meerjarenplan, planningsjabloon",
            "steps": [
                "Breek elke oplossing op in acties die iemand kan opnemen.",
                "Geef elke actie een eigenaar, een budget en een termijn.",
                "Zet snelle winsten vooraan, zodat burgers en medewerkers snel verschil zien.",
                "Leg de roadmap voor aan het college en verbind ze met het meerjarenplan.",
                "Spreek af hoe en wanneer je de voortgang opvolgt.",
            ],
            "pitfalls": [
                "Acties zonder eigenaar of budget.",
                "Een roadmap die na goedkeuring niemand nog opvolgt.",
            ],
            "expertise_reason": "Plannen en opvolgen is klassiek projectwerk dat het "
            "bestuur zelf beheerst.",
        },
        "en": {
            "name": "Roadmap and action plan",
            "summary": "A plan that turns the chosen solutions into actions with owners, "
            "budget, milestones and dependencies, over a few months to several years.",
            "when_to_use": "When the solution is settled and several departments, budgets "
            "or contractors are needed to deliver it.",
            "when_not": "Not while there is no agreed choice yet. Not as a replacement for "
            "the multi-year plan, but as input to it.",
            "participants": "Project lead, sponsor, heads of the departments involved.",
            "duration": "Half a day, then a monthly follow-up",
            "materials": "Blueprint, idea list, multi-year plan, planning template",
            "steps": [
                "Break each solution down into actions someone can take on.",
                "Give each action an owner, a budget and a deadline.",
                "Put quick wins first, so residents and staff soon see a difference.",
                "Present the roadmap to the executive and tie it to the multi-year plan.",
                "Agree how and when you follow up on progress.",
            ],
            "pitfalls": [
                "Actions without an owner or budget.",
                "A roadmap nobody follows up after approval.",
            ],
            "expertise_reason": "Planning and follow-up is classic project work the "
            "authority masters itself.",
        },
    },
    {
        "slug": "briefing-follow-up-contractors",
        "expertise": "coached",
        "produces": "design_brief",
        "nl": {
            "name": "Briefing van vervolgopdrachtnemers",
            "summary": "Een document dat de inzichten, persona's, klantreis en blueprint "
            "meegeeft aan de architect, webbouwer of andere opdrachtnemer die de oplossing "
            "verder uitvoert.",
            "when_to_use": "Wanneer een verbouwing, nieuwe website of softwarepakket volgt "
            "op het ontwerpwerk, zodat de volgende partij op de burger blijft richten.",
            "when_not": "Niet als de opdrachtnemer al gekozen en gestart is zonder de "
            "inzichten: betrek hem dan liever in een werksessie.",
            "participants": "Projectleider, aankoopdienst, de dienst die de opdracht uitschrijft.",
            "duration": "1 tot 2 dagen schrijven",
            "materials": "Onderzoeksverslag, persona's, klantreizen, blueprint, "
            "testresultaten, bestek",
            "steps": [
                "Vat de belangrijkste inzichten en ontwerpprincipes samen.",
                "Voeg persona's, klantreis en blueprint toe als bijlage.",
                'Schrijf de eisen als gewenste ervaring ("een bezoeker vindt het onthaal '
                'zonder te vragen"), niet alleen als technische specificaties.',
                "Neem op hoe de opdrachtnemer met gebruikers moet testen.",
                "Bespreek de briefing in een startvergadering met de opdrachtnemer.",
            ],
            "pitfalls": [
                "Een dik rapport doorsturen dat niemand leest.",
                "In het bestek alleen op prijs gunnen, waardoor de inzichten verloren gaan.",
            ],
            "expertise_reason": "Het team kent de inhoud; een coach of de ontwerper die "
            "het onderzoek deed, helpt de inzichten om te zetten in toetsbare eisen voor "
            "een overheidsopdracht.",
        },
        "en": {
            "name": "Briefing of follow-up contractors",
            "summary": "A document that hands the insights, personas, journey and "
            "blueprint to the architect, web builder or other contractor who carries the "
            "solution further.",
            "when_to_use": "When a renovation, new website or software package follows the "
            "design work, so the next party stays focused on the resident.",
            "when_not": "Not when the contractor has already been chosen and started "
            "without the insights: bring them into a working session instead.",
            "participants": "Project lead, procurement, the department issuing the contract.",
            "duration": "1 to 2 days of writing",
            "materials": "Research report, personas, journeys, blueprint, test results, "
            "tender specifications",
            "steps": [
                "Summarise the key insights and design principles.",
                "Attach personas, journey and blueprint.",
                'Write requirements as the desired experience ("a visitor finds the '
                'reception without asking"), not only as technical specifications.',
                "Include how the contractor must test with users.",
                "Go through the briefing in a kick-off meeting with the contractor.",
            ],
            "pitfalls": [
                "Forwarding a thick report nobody reads.",
                "Awarding the tender on price alone, so the insights are lost.",
            ],
            "expertise_reason": "The team knows the content; a coach or the designer who "
            "did the research helps turn the insights into verifiable requirements for a "
            "public contract.",
        },
    },
    {
        "slug": "evaluation",
        "expertise": "coached",
        "produces": "",
        "nl": {
            "name": "Evaluatie",
            "summary": "Nagaan of de nieuwe dienst de doelen uit de ontwerpbrief haalt, "
            "voor burgers en medewerkers, en wat het bestuur leerde over de aanpak zelf.",
            "when_to_use": "Drie tot twaalf maanden na de invoering, en bij elke grote "
            "mijlpaal van de roadmap.",
            "when_not": "Niet vlak na de start, wanneer iedereen nog moet wennen. Niet "
            "zonder nulmeting of doelen om mee te vergelijken.",
            "participants": "Projectteam, opdrachtgever, medewerkers en een groep burgers.",
            "duration": "Een paar weken metingen, een halve dag bespreking",
            "materials": "Ontwerpbrief, nulmeting, cijfers (wachttijden, klachten, "
            "contacten), korte interviews of vragenlijst",
            "steps": [
                "Neem de doelen uit de ontwerpbrief en de nulmeting erbij.",
                "Verzamel cijfers en ervaringen van burgers en medewerkers.",
                "Vergelijk met de doelen en zoek verklaringen voor verschillen.",
                "Bespreek ook de aanpak: wat nemen we mee naar een volgend project?",
                "Rapporteer aan het college en beslis over bijsturing.",
            ],
            "pitfalls": [
                "Alleen meten wat makkelijk te tellen is.",
                "De evaluatie gebruiken om schuldigen te zoeken in plaats van te leren.",
            ],
            "expertise_reason": "Het team kan evalueren; een coach helpt de juiste "
            "indicatoren te kiezen en de lessen te verankeren in de organisatie.",
        },
        "en": {
            "name": "Evaluation",
            "summary": "Checking whether the new service meets the goals of the design "
            "brief, for residents and staff, and what the authority learned about the "
            "approach itself.",
            "when_to_use": "Three to twelve months after launch, and at every major "
            "milestone of the roadmap.",
            "when_not": "Not right after the start, when everyone is still getting used "
            "to it. Not without a baseline or goals to compare with.",
            "participants": "Project team, sponsor, staff and a group of residents.",
            "duration": "A few weeks of measuring, half a day of discussion",
            "materials": "Design brief, baseline, figures (waiting times, complaints, "
            "contacts), short interviews or a questionnaire",
            "steps": [
                "Take the goals from the design brief and the baseline.",
                "Gather figures and experiences from residents and staff.",
                "Compare with the goals and look for explanations of the differences.",
                "Discuss the approach too: what do we take to a next project?",
                "Report to the executive and decide on adjustments.",
            ],
            "pitfalls": [
                "Measuring only what is easy to count.",
                "Using the evaluation to find culprits instead of to learn.",
            ],
            "expertise_reason": "The team can evaluate; a coach helps choose the right "
            "indicators and anchor the lessons in the organisation.",
        },
    },
]
