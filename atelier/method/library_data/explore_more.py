"""Phase 1, explore: group and field techniques (the explore module adds them to its list)."""

TECHNIQUES = [
    {
        "slug": "focus-group",
        "expertise": "coached",
        "produces": "insight_board",
        "nl": {
            "name": "Focusgroep",
            "summary": "Een begeleid groepsgesprek met zes tot tien burgers of gebruikers "
            "over één thema, waarin ze op elkaars ervaringen reageren.",
            "when_to_use": "Om snel verschillende standpunten te horen en te zien waar "
            "mensen het over eens zijn, bv. over de openingsuren van het "
            "dienstencentrum of een nieuwe website.",
            "when_not": "Niet voor gevoelige, persoonlijke onderwerpen (schulden, "
            "gezondheid): dan praat niemand vrijuit. Niet als vervanging van interviews.",
            "participants": "Een gespreksleider, een notulist, zes tot tien deelnemers.",
            "duration": "1,5 tot 2 uur",
            "materials": "Gespreksleidraad, naamkaartjes, flap, koffie, toestemmingsformulieren",
            "steps": [
                "Bepaal het thema en drie tot vijf hoofdvragen.",
                "Nodig een gemengde groep uit en vermijd dat één groep overheerst.",
                "Start met een eenvoudige ronde waarin iedereen iets vertelt.",
                "Laat deelnemers op elkaar reageren en geef stille deelnemers ruimte.",
                "Vat op het einde samen en check of je het goed begrepen hebt.",
            ],
            "pitfalls": [
                "Eén mondige deelnemer die het gesprek domineert.",
                "Groepsdenken: mensen volgen de meerderheid.",
                "De gespreksleider die zelf het beleid gaat verdedigen.",
            ],
            "expertise_reason": "Een groep in goede banen leiden vraagt ervaring; een "
            "coach helpt de leidraad op te stellen en neemt de eerste keer de leiding, "
            "een medewerker neemt daarna over.",
        },
        "en": {
            "name": "Focus group",
            "summary": "A guided group conversation with six to ten residents or users "
            "about one theme, in which they react to each other's experiences.",
            "when_to_use": "To hear different points of view quickly and see where people "
            "agree, e.g. about the opening hours of the service centre or a new website.",
            "when_not": "Not for sensitive, personal subjects (debt, health): nobody speaks "
            "freely then. Not as a replacement for interviews.",
            "participants": "A moderator, a note-taker, six to ten participants.",
            "duration": "1.5 to 2 hours",
            "materials": "Discussion guide, name cards, flip chart, coffee, consent forms",
            "steps": [
                "Set the theme and three to five main questions.",
                "Invite a mixed group and avoid one group dominating.",
                "Start with an easy round in which everyone says something.",
                "Let participants react to each other and give quiet people room.",
                "Summarise at the end and check that you understood correctly.",
            ],
            "pitfalls": [
                "One outspoken participant dominating the conversation.",
                "Groupthink: people follow the majority.",
                "A moderator who starts defending the policy.",
            ],
            "expertise_reason": "Steering a group well takes experience; a coach helps "
            "write the guide and leads the first session, then a member of staff takes over.",
        },
    },
    {
        "slug": "questionnaire",
        "expertise": "coached",
        "produces": "",
        "nl": {
            "name": "Vragenlijst",
            "summary": "Een korte schriftelijke of online bevraging van veel burgers of "
            "medewerkers, om te meten hoe vaak iets voorkomt of hoe breed een mening leeft.",
            "when_to_use": "Om inzichten uit interviews te toetsen bij een grotere groep, "
            "of om een nulmeting te doen vóór een verandering.",
            "when_not": "Niet om te ontdekken wat je nog niet weet: een vragenlijst meet "
            "alleen wat je vraagt. Niet als de doelgroep moeilijk leest of niet online is, "
            "tenzij je ook op papier en mondeling bevraagt.",
            "participants": "Projectteam; respondenten via loket, website, nieuwsbrief, "
            "personeelsblad.",
            "duration": "2 weken voorbereiden, 2 tot 4 weken afnemen",
            "materials": "Enquêtetool, papieren versie, eenvoudige taal, een plan voor de analyse",
            "steps": [
                "Schrijf op wat je na afloop wilt weten en schrap vragen die daar niet "
                "toe bijdragen.",
                "Formuleer korte vragen in klare taal, met één onderwerp per vraag.",
                "Test de vragenlijst bij vijf mensen en pas aan.",
                "Verspreid ze via meerdere kanalen, ook op papier aan het loket.",
                "Analyseer, vergelijk groepen en leg de resultaten naast de interviews.",
            ],
            "pitfalls": [
                "Te lang: na tien minuten haken mensen af.",
                "Alleen online verspreiden en zo net de kwetsbare groepen missen.",
                "Percentages over te kleine groepen als harde waarheid brengen.",
            ],
            "expertise_reason": "Een goede vragenlijst is moeilijker dan ze lijkt; laat "
            "ze nalezen door een coach of de studiedienst. Afnemen en tellen kan het team.",
        },
        "en": {
            "name": "Questionnaire",
            "summary": "A short written or online survey of many residents or staff, to "
            "measure how often something happens or how widely an opinion is held.",
            "when_to_use": "To check insights from interviews with a larger group, or to "
            "take a baseline before a change.",
            "when_not": "Not to discover what you do not know yet: a questionnaire only "
            "measures what you ask. Not if the audience reads with difficulty or is not "
            "online, unless you also survey on paper and in person.",
            "participants": "Project team; respondents reached through the desk, the "
            "website, the newsletter, the staff magazine.",
            "duration": "2 weeks to prepare, 2 to 4 weeks to run",
            "materials": "Survey tool, paper version, plain language, a plan for the analysis",
            "steps": [
                "Write down what you want to know afterwards and drop questions that do "
                "not serve it.",
                "Write short questions in plain language, one subject per question.",
                "Test the questionnaire with five people and adjust.",
                "Spread it through several channels, including on paper at the desk.",
                "Analyse, compare groups and set the results beside the interviews.",
            ],
            "pitfalls": [
                "Too long: after ten minutes people drop out.",
                "Spreading it only online and so missing exactly the vulnerable groups.",
                "Presenting percentages of very small groups as hard truth.",
            ],
            "expertise_reason": "A good questionnaire is harder than it looks; have a coach "
            "or the research department review it. The team can run it and count.",
        },
    },
    {
        "slug": "service-safari",
        "expertise": "team",
        "produces": "insight_board",
        "nl": {
            "name": "Service safari",
            "summary": "Zelf in de schoenen van de burger stappen: de dienst gebruiken "
            "zoals een inwoner dat doet, van de website tot het loket, en noteren wat je "
            "onderweg ervaart.",
            "when_to_use": "In het begin van een project, om het team de dienst met frisse "
            "ogen te laten zien. Ook nuttig bij andere organisaties om te leren.",
            "when_not": "Niet als vervanging van gesprekken met echte gebruikers: een "
            "medewerker blijft een insider. Niet bij diensten die je niet zomaar kunt "
            "aanvragen zonder echte gevolgen (bv. een leefloon).",
            "participants": "Twee tot zes teamleden, in duo's.",
            "duration": "Een halve dag, plus 1 uur nabespreking",
            "materials": 'Opdrachtkaart met een scenario ("je bent net verhuisd"), '
            "smartphone voor foto's en notities",
            "steps": [
                "Schrijf enkele realistische opdrachten vanuit het standpunt van de burger.",
                "Laat duo's de opdracht uitvoeren via website, telefoon en loket.",
                "Noteer elk contactmoment, de tijd en hoe het voelde.",
                "Maak foto's van borden, formulieren en schermen (zonder personen).",
                "Bespreek samen de opvallendste momenten en de verschillen tussen kanalen.",
            ],
            "pitfalls": [
                'Je eigen voorkennis gebruiken ("ik weet dat je beter belt naar…").',
                "Alleen de eigen dienst doorlopen en niet de weg ernaartoe.",
                "Collega's aan het loket in verlegenheid brengen.",
            ],
            "expertise_reason": "De techniek is laagdrempelig en leerrijk; het team kan ze "
            "zelf opzetten met een goed scenario.",
        },
        "en": {
            "name": "Service safari",
            "summary": "Stepping into the resident's shoes: using the service as a "
            "resident does, from the website to the desk, and noting what you experience "
            "along the way.",
            "when_to_use": "Early in a project, to let the team see the service with fresh "
            "eyes. Also useful at other organisations, to learn.",
            "when_not": "Not as a substitute for talking to real users: staff remain "
            "insiders. Not for services you cannot request without real consequences "
            "(e.g. a living wage).",
            "participants": "Two to six team members, in pairs.",
            "duration": "Half a day, plus a 1-hour debrief",
            "materials": 'Assignment card with a scenario ("you have just moved house"), '
            "a smartphone for photos and notes",
            "steps": [
                "Write a few realistic assignments from the resident's point of view.",
                "Have pairs carry out the assignment through website, phone and desk.",
                "Note every touchpoint, the time and how it felt.",
                "Take photos of signs, forms and screens (without people).",
                "Discuss together the most striking moments and the differences between channels.",
            ],
            "pitfalls": [
                'Using your own inside knowledge ("I know it\'s better to call…").',
                "Going through your own department only, not the way there.",
                "Embarrassing colleagues at the desk.",
            ],
            "expertise_reason": "The technique is accessible and instructive; the team can "
            "set it up itself with a good scenario.",
        },
    },
    {
        "slug": "learning-visit",
        "expertise": "team",
        "produces": "",
        "nl": {
            "name": "Leerbezoek",
            "summary": "Een bezoek aan een ander bestuur of een andere organisatie die een "
            "gelijkaardige dienst anders of beter organiseert, om te zien en te vragen hoe "
            "ze dat doen.",
            "when_to_use": "Wanneer het team vastzit in hoe het altijd ging, of voor je "
            "een grote beslissing neemt, zoals een nieuw onthaal of een sociaal huis.",
            "when_not": "Niet om een oplossing zomaar te kopiëren: wat in een stad werkt, "
            "past niet altijd in een kleine gemeente. Niet in plaats van eigen onderzoek.",
            "participants": "Drie tot acht mensen: projectteam, een loketmedewerker, "
            "eventueel een schepen.",
            "duration": "Een halve tot een hele dag",
            "materials": "Vragenlijst voor het gastbestuur, verslagsjabloon, camera",
            "steps": [
                "Kies een bestuur dat een vergelijkbare uitdaging aanpakte.",
                "Stuur vooraf je vragen en wat je wilt zien.",
                "Bekijk de dienst in werking en praat ook met de mensen aan het loket.",
                "Vraag wat misliep en wat ze anders zouden doen.",
                "Schrijf samen een kort verslag: wat nemen we mee, wat niet en waarom.",
            ],
            "pitfalls": [
                "Alleen de mooie kant zien die het gastbestuur wil tonen.",
                "Met enthousiasme terugkomen zonder na te gaan of het bij ons past.",
            ],
            "expertise_reason": "Het team kan een leerbezoek zelf organiseren; de "
            "vereniging of collega's uit het leertraject helpen een geschikt bestuur te "
            "vinden.",
        },
        "en": {
            "name": "Learning visit",
            "summary": "A visit to another authority or organisation that organises a "
            "similar service differently or better, to see and ask how they do it.",
            "when_to_use": "When the team is stuck in how things have always been done, or "
            "before a big decision such as a new reception area or a social house.",
            "when_not": "Not to copy a solution as is: what works in a city does not "
            "always fit a small municipality. Not instead of your own research.",
            "participants": "Three to eight people: the project team, a desk employee, "
            "possibly an alderman.",
            "duration": "Half a day to a full day",
            "materials": "Questions for the host authority, report template, camera",
            "steps": [
                "Choose an authority that tackled a comparable challenge.",
                "Send your questions and what you want to see in advance.",
                "Watch the service at work and talk to the people at the desk too.",
                "Ask what went wrong and what they would do differently.",
                "Write a short report together: what we take home, what not and why.",
            ],
            "pitfalls": [
                "Seeing only the bright side the host wants to show.",
                "Coming back enthusiastic without checking whether it fits us.",
            ],
            "expertise_reason": "The team can organise a learning visit itself; the "
            "association or colleagues from the learning path help find a suitable host.",
        },
    },
]
