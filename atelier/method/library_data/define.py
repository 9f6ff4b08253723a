"""Phase 2: define."""

PHASE = {
    "position": 2,
    "slug": "define",
    "name_nl": "Definiëren",
    "name_en": "Define",
    "summary_nl": "Breng de inzichten samen en benoem het echte probleem dat je wilt oplossen.",
    "summary_en": "Bring the insights together and name the real problem you want to solve.",
}

TECHNIQUES = [
    {
        "slug": "personas",
        "expertise": "coached",
        "produces": "persona",
        "nl": {
            "name": "Persona's",
            "summary": "Een handvol fictieve maar realistische gebruikers, gebouwd op wat "
            "je in het onderzoek hoorde, met hun situatie, doelen, noden en frustraties.",
            "when_to_use": "Na de verkenning, om het team en de beslissers een gezicht te "
            "geven bij de verschillende groepen burgers, bv. een nieuwkomer die weinig "
            "Nederlands spreekt en een gepensioneerde zonder computer.",
            "when_not": "Niet zonder onderzoek: verzonnen persona's bevestigen alleen "
            "vooroordelen. Niet als statistische doelgroepen of om mensen in hokjes te "
            "steken.",
            "participants": "Het projectteam, met de mensen die de interviews afnamen.",
            "duration": "Een halve dag",
            "materials": "Personasjabloon, citaten en notities uit het onderzoek, "
            "portretfoto's met toestemming of tekeningen",
            "steps": [
                "Leg de inzichten uit het onderzoek op tafel.",
                "Zoek verschillen in gedrag en noden die er echt toe doen (bv. digitale "
                "vaardigheid, taal, tijd).",
                "Groepeer tot drie à vijf duidelijk verschillende profielen.",
                "Geef elke persona een naam, een citaat, een situatie, doelen en frustraties.",
                "Toets de persona's bij medewerkers aan het loket: herkennen ze deze mensen?",
            ],
            "pitfalls": [
                "Te veel persona's, zodat niemand ze nog gebruikt.",
                "Persona's die op de eigen medewerkers lijken.",
                "Ze maken en daarna in een lade laten liggen.",
            ],
            "expertise_reason": "Persona's bouwen op echte data is een vaardigheid; een "
            "coach bewaakt dat ze op onderzoek steunen en niet op clichés.",
        },
        "en": {
            "name": "Personas",
            "summary": "A handful of fictional but realistic users, built on what you "
            "heard in the research, with their situation, goals, needs and frustrations.",
            "when_to_use": "After exploring, to give the team and decision makers a face "
            "for the different groups of residents, e.g. a newcomer who speaks little Dutch "
            "and a pensioner without a computer.",
            "when_not": "Not without research: invented personas only confirm prejudice. "
            "Not as statistical target groups or to put people in boxes.",
            "participants": "The project team, with the people who held the interviews.",
            "duration": "Half a day",
            "materials": "Persona template, quotes and notes from the research, portrait "
            "photos with consent or drawings",
            "steps": [
                "Lay the research insights on the table.",
                "Look for differences in behaviour and needs that matter (e.g. digital "
                "skills, language, time).",
                "Group them into three to five clearly different profiles.",
                "Give each persona a name, a quote, a situation, goals and frustrations.",
                "Check the personas with desk staff: do they recognise these people?",
            ],
            "pitfalls": [
                "Too many personas, so nobody uses them.",
                "Personas that resemble your own staff.",
                "Making them and then leaving them in a drawer.",
            ],
            "expertise_reason": "Building personas on real data is a skill; a coach makes "
            "sure they rest on research and not on clichés.",
        },
    },
    {
        "slug": "customer-journey-map",
        "expertise": "coached",
        "produces": "journey",
        "nl": {
            "name": "Klantreis (huidige situatie)",
            "summary": "Een tijdlijn van alle stappen die een burger vandaag zet, van de "
            "eerste vraag tot lang na het loketbezoek, met contactmomenten, kanalen, "
            "gevoelens, knelpunten en kansen.",
            "when_to_use": "Om te zien waar de dienst als geheel hapert, over diensten en "
            "kanalen heen, bv. de reis van een inwoner die een huwelijk aangeeft.",
            "when_not": "Niet voor een dienst die maar uit één eenvoudig contact bestaat. "
            "Niet op basis van de procedure alleen: de klantreis volgt de burger, niet "
            "het dossier.",
            "participants": "Projectteam en een paar medewerkers die de dienst leveren; "
            "liefst ook één of twee burgers die hun reis toelichten.",
            "duration": "3 tot 4 uur",
            "materials": "Klantreissjabloon, persona, inzichten uit het onderzoek, "
            "post-its of digitaal bord",
            "steps": [
                "Kies één persona en één situatie.",
                "Zet de fasen op een rij: voor, tijdens en na het contact.",
                "Vul per stap de acties, contactmomenten en kanalen in.",
                "Teken de emotiecurve en noteer de knelpunten met hun bewijs.",
                "Markeer de momenten van de waarheid en schrijf kansen op.",
            ],
            "pitfalls": [
                "Alleen de stappen binnen het gemeentehuis tekenen.",
                "Gevoelens invullen zonder dat een burger ze ooit uitsprak.",
                "Eén grote reis voor alle doelgroepen samen.",
            ],
            "expertise_reason": "Het team kan een eerste versie maken; een coach helpt "
            "de juiste detailgraad te kiezen en elk knelpunt aan bewijs te koppelen.",
        },
        "en": {
            "name": "Customer journey map (as is)",
            "summary": "A timeline of all the steps a resident takes today, from the first "
            "question to long after the desk visit, with touchpoints, channels, feelings, "
            "pain points and opportunities.",
            "when_to_use": "To see where the service as a whole stalls, across departments "
            "and channels, e.g. the journey of a resident registering a marriage.",
            "when_not": "Not for a service made of one simple contact. Not from the "
            "procedure alone: the journey follows the resident, not the file.",
            "participants": "Project team and a few staff who deliver the service; ideally "
            "also one or two residents who explain their journey.",
            "duration": "3 to 4 hours",
            "materials": "Journey map template, persona, research insights, sticky notes "
            "or a digital board",
            "steps": [
                "Choose one persona and one situation.",
                "Line up the stages: before, during and after the contact.",
                "Fill in the actions, touchpoints and channels for each step.",
                "Draw the emotion curve and note the pain points with their evidence.",
                "Mark the moments of truth and write down opportunities.",
            ],
            "pitfalls": [
                "Drawing only the steps inside the town hall.",
                "Filling in feelings no resident ever expressed.",
                "One big journey for all target groups together.",
            ],
            "expertise_reason": "The team can make a first version; a coach helps choose "
            "the right level of detail and tie each pain point to evidence.",
        },
    },
    {
        "slug": "insight-clustering",
        "expertise": "team",
        "produces": "insight_board",
        "nl": {
            "name": "Inzichten clusteren",
            "summary": "Alle waarnemingen, citaten en cijfers uit het onderzoek op kaartjes "
            "zetten en in groepen ordenen tot een beperkt aantal sterke inzichten.",
            "when_to_use": "Direct na de verkenning, wanneer je veel losse notities hebt "
            "en wilt zien wat terugkomt.",
            "when_not": "Niet met te weinig materiaal (twee interviews): dan vind je "
            "patronen die er niet zijn. Niet om vooraf bedachte conclusies te bevestigen.",
            "participants": "Iedereen die onderzoek deed, drie tot zes mensen.",
            "duration": "2 tot 3 uur",
            "materials": "Kaartjes of post-its, grote muur of digitaal bord, onderzoeksnotities",
            "steps": [
                "Schrijf één waarneming of citaat per kaartje, met de bron erbij.",
                "Leg de kaartjes zwijgend in groepen die bij elkaar horen.",
                "Geef elke groep een titel die een inzicht uitdrukt, geen onderwerp.",
                "Rangschik de inzichten op belang voor de burger.",
                "Bewaar per inzicht het bewijs, zodat je later kunt tonen waar het vandaan komt.",
            ],
            "pitfalls": [
                'Groepen benoemen met een onderwerp ("wachttijd") in plaats van een '
                'inzicht ("mensen weten niet hoe lang ze zullen wachten").',
                "Kaartjes zonder bron, zodat niemand het bewijs terugvindt.",
            ],
            "expertise_reason": "Het team kan dit zelf na een korte uitleg; het is zelfs "
            "beter dat de mensen die het onderzoek deden, ook clusteren.",
        },
        "en": {
            "name": "Insight clustering",
            "summary": "Putting all observations, quotes and figures from the research on "
            "cards and sorting them into groups until a small number of strong insights "
            "remains.",
            "when_to_use": "Right after exploring, when you have many loose notes and want "
            "to see what keeps coming back.",
            "when_not": "Not with too little material (two interviews): you will find "
            "patterns that are not there. Not to confirm conclusions made in advance.",
            "participants": "Everyone who did research, three to six people.",
            "duration": "2 to 3 hours",
            "materials": "Cards or sticky notes, a large wall or digital board, research notes",
            "steps": [
                "Write one observation or quote per card, with its source.",
                "Silently lay the cards in groups that belong together.",
                "Give each group a title that states an insight, not a topic.",
                "Rank the insights by how much they matter to residents.",
                "Keep the evidence with each insight, so you can show later where it came from.",
            ],
            "pitfalls": [
                'Naming groups with a topic ("waiting time") instead of an insight '
                '("people do not know how long they will wait").',
                "Cards without a source, so nobody can find the evidence.",
            ],
            "expertise_reason": "The team can do this itself after a short explanation; it "
            "is even better when the people who did the research also cluster.",
        },
    },
    {
        "slug": "how-might-we",
        "expertise": "team",
        "produces": "idea_list",
        "nl": {
            "name": 'Herformuleren: "Hoe kunnen we…?"',
            "summary": "Elk belangrijk inzicht omzetten in een open ontwerpvraag die begint "
            'met "Hoe kunnen we…", zodat het team kan beginnen met ideeën bedenken.',
            "when_to_use": "Op de brug tussen onderzoek en ideeën, om van problemen naar "
            'kansen te gaan, bv. "Hoe kunnen we ervoor zorgen dat inwoners weten welk '
            'loket hen helpt, nog voor ze het gemeentehuis binnenstappen?"',
            "when_not": "Niet wanneer het inzicht nog niet onderbouwd is. Niet met een "
            'vraag die de oplossing al bevat ("Hoe kunnen we een app maken?").',
            "participants": "Het projectteam.",
            "duration": "1 uur",
            "materials": "De geclusterde inzichten, kaartjes, stiften",
            "steps": [
                "Neem de drie tot vijf belangrijkste inzichten.",
                'Schrijf per inzicht een paar vragen die beginnen met "Hoe kunnen we…".',
                "Maak de vraag breder of smaller tot ze ruimte laat maar richting geeft.",
                "Kies samen de vragen waarmee je verder wilt en leg ze voor aan de opdrachtgever.",
            ],
            "pitfalls": [
                "Een vraag zo breed dat ze alles en niets betekent.",
                "Een vraag zo smal dat er maar één antwoord op bestaat.",
            ],
            "expertise_reason": "Eenvoudig genoeg voor het team zelf; een paar goede "
            "voorbeelden helpen om het juiste niveau te vinden.",
        },
        "en": {
            "name": '"How might we" reframing',
            "summary": "Turning each important insight into an open design question that "
            'starts with "How might we…", so the team can start generating ideas.',
            "when_to_use": "On the bridge between research and ideas, to move from "
            'problems to opportunities, e.g. "How might we make sure residents know which '
            'desk helps them before they enter the town hall?"',
            "when_not": "Not when the insight is not yet backed by evidence. Not with a "
            'question that already holds the solution ("How might we build an app?").',
            "participants": "The project team.",
            "duration": "1 hour",
            "materials": "The clustered insights, cards, markers",
            "steps": [
                "Take the three to five most important insights.",
                'Write a few questions per insight that start with "How might we…".',
                "Widen or narrow each question until it leaves room yet gives direction.",
                "Choose together the questions to continue with and put them to the sponsor.",
            ],
            "pitfalls": [
                "A question so broad it means everything and nothing.",
                "A question so narrow that only one answer exists.",
            ],
            "expertise_reason": "Simple enough for the team itself; a few good examples "
            "help to find the right level.",
        },
    },
]
