"""Phase 1: explore (observation and interviews; the other field techniques in explore_more)."""

from .explore_more import TECHNIQUES as MORE_TECHNIQUES

PHASE = {
    "position": 1,
    "slug": "explore",
    "name_nl": "Verkennen",
    "name_en": "Explore",
    "summary_nl": "Ga kijken en luisteren: hoe beleven burgers en medewerkers de dienst vandaag?",
    "summary_en": "Go and look and listen: how do residents and staff experience the service "
    "today?",
}

TECHNIQUES = [
    {
        "slug": "observation",
        "expertise": "coached",
        "produces": "insight_board",
        "nl": {
            "name": "Observatie",
            "summary": "Op de plek zelf kijken hoe de dienstverlening verloopt: wat mensen "
            "doen, waar ze wachten, twijfelen of de weg vragen, zonder in te grijpen.",
            "when_to_use": "Wanneer je wilt weten wat er echt gebeurt, niet wat mensen "
            "zeggen dat er gebeurt. Ideaal aan een loket, in een wachtzaal of bij een "
            "onthaalbalie.",
            "when_not": "Niet in vertrouwelijke gesprekken (bv. een intake bij het OCMW) "
            "zonder uitdrukkelijke toestemming. Observatie alleen zegt weinig over het "
            "waarom: combineer met gesprekken.",
            "participants": "Twee medewerkers uit het projectteam, bij voorkeur van een "
            "andere dienst dan de geobserveerde.",
            "duration": "2 tot 4 uur per plek, op verschillende momenten",
            "materials": "Observatieblad, plattegrond van de ruimte, klok of tijdlijn, "
            "eventueel foto's zonder herkenbare personen",
            "steps": [
                "Kies de plekken en momenten (drukke maandagochtend én rustige namiddag).",
                "Verwittig de medewerkers en hang een bordje op voor de bezoekers.",
                "Noteer feiten: tijden, bewegingen, vragen, obstakels, zonder te oordelen.",
                "Teken op de plattegrond waar mensen wachten, zoeken of terugkeren.",
                "Bespreek je notities dezelfde dag nog met je collega-observator.",
            ],
            "pitfalls": [
                "Meteen interpreteren in plaats van eerst te beschrijven.",
                "Slechts één moment observeren en dat als normaal beschouwen.",
                "Medewerkers het gevoel geven dat ze gecontroleerd worden.",
            ],
            "expertise_reason": "Kijken kan iedereen, maar een coach leert het team "
            "feiten van interpretaties te scheiden en helpt een eerste keer mee observeren.",
        },
        "en": {
            "name": "Observation",
            "summary": "Watching on the spot how the service runs: what people do, where "
            "they wait, hesitate or ask the way, without stepping in.",
            "when_to_use": "When you want to know what really happens, not what people "
            "say happens. Ideal at a desk, in a waiting room or at a reception.",
            "when_not": "Not in confidential conversations (e.g. an intake at the OCMW) "
            "without explicit consent. Observation alone says little about the why: "
            "combine it with conversations.",
            "participants": "Two members of the project team, preferably from another "
            "department than the one observed.",
            "duration": "2 to 4 hours per place, at different times",
            "materials": "Observation sheet, floor plan of the space, clock or timeline, "
            "possibly photos without recognisable people",
            "steps": [
                "Choose places and times (a busy Monday morning and a quiet afternoon).",
                "Tell the staff and put up a notice for visitors.",
                "Note facts: times, movements, questions, obstacles, without judging.",
                "Mark on the floor plan where people wait, search or turn back.",
                "Go through your notes with your fellow observer the same day.",
            ],
            "pitfalls": [
                "Interpreting at once instead of describing first.",
                "Observing only one moment and taking it as normal.",
                "Making staff feel they are being checked on.",
            ],
            "expertise_reason": "Anyone can watch, but a coach teaches the team to keep "
            "facts apart from interpretations and observes along the first time.",
        },
    },
    {
        "slug": "interviews-with-citizens",
        "expertise": "expert",
        "produces": "insight_board",
        "nl": {
            "name": "Interviews met burgers",
            "summary": "Diepgaande gesprekken van een uur met inwoners over hun ervaring "
            "met de dienst, hun leven eromheen en wat ze echt nodig hebben.",
            "when_to_use": "Wanneer je de beleving, motieven en noden van gebruikers wilt "
            "begrijpen, bijvoorbeeld van mensen die een premie of leefloon aanvragen.",
            "when_not": "Niet om te tellen hoeveel mensen iets vinden: daarvoor dient een "
            "vragenlijst. Niet zonder plan voor privacy en toestemming.",
            "participants": "Een interviewer en een notulist; zes tot twaalf inwoners met "
            "verschillende profielen.",
            "duration": "1 uur per gesprek, plus 1 uur verwerking",
            "materials": "Gespreksleidraad, toestemmingsformulier, opnametoestel, "
            "een kleine attentie voor de deelnemer",
            "steps": [
                "Stel een leidraad op met open vragen per thema.",
                "Zoek deelnemers via loketten, verenigingen of partners, ook mensen die "
                "de dienst niet vinden.",
                "Vraag schriftelijk toestemming en leg uit wat er met hun verhaal gebeurt.",
                'Vraag naar concrete situaties ("vertel eens over de laatste keer dat…").',
                "Schrijf meteen na het gesprek de opvallendste citaten en inzichten uit.",
            ],
            "pitfalls": [
                "Suggestieve vragen die het antwoord al bevatten.",
                "Alleen mensen spreken die het loket al goed kennen.",
                "Kwetsbare inwoners ondervragen zonder nazorg of doorverwijzing klaar.",
            ],
            "expertise_reason": "Gesprekken met kwetsbare inwoners (schulden, armoede, "
            "taalachterstand) vragen een ervaren onderzoeker die veilig en ethisch "
            "interviewt; medewerkers lopen mee als notulist en leren zo de techniek.",
        },
        "en": {
            "name": "Interviews with citizens",
            "summary": "In-depth conversations of an hour with residents about their "
            "experience of the service, their life around it and what they really need.",
            "when_to_use": "When you want to understand users' experience, motives and "
            "needs, for instance of people applying for a grant or a living wage.",
            "when_not": "Not to count how many people think something: that is what a "
            "questionnaire is for. Not without a plan for privacy and consent.",
            "participants": "An interviewer and a note-taker; six to twelve residents with "
            "different profiles.",
            "duration": "1 hour per conversation, plus 1 hour to process",
            "materials": "Interview guide, consent form, recorder, a small thank-you gift",
            "steps": [
                "Draw up a guide with open questions per theme.",
                "Find participants through desks, associations or partners, including "
                "people who do not find the service.",
                "Ask for written consent and explain what happens to their story.",
                'Ask about concrete situations ("tell me about the last time you…").',
                "Right after the conversation, write out the most striking quotes and insights.",
            ],
            "pitfalls": [
                "Leading questions that already hold the answer.",
                "Talking only to people who already know the desk well.",
                "Questioning vulnerable residents without aftercare or referral ready.",
            ],
            "expertise_reason": "Conversations with vulnerable residents (debt, poverty, "
            "language barriers) need an experienced researcher who interviews safely and "
            "ethically; staff shadow them as note-takers and learn the technique that way.",
        },
    },
    {
        "slug": "interviews-with-staff",
        "expertise": "team",
        "produces": "insight_board",
        "nl": {
            "name": "Interviews met medewerkers",
            "summary": "Gesprekken met de mensen die de dienst leveren, aan het loket en "
            "erachter, over hun werk, hun omwegen en wat burgers hun vragen.",
            "when_to_use": "Om te begrijpen hoe de dienst intern loopt, waar het knelt "
            "tussen diensten en welke oplossingen medewerkers zelf al bedachten.",
            "when_not": "Niet als enige bron over de burger: medewerkers zien de burger "
            "door hun eigen bril. Niet wanneer een reorganisatie het gesprek onveilig maakt.",
            "participants": "Een interviewer uit het projectteam (liefst van een andere "
            "dienst) en vijf tot tien medewerkers van verschillende niveaus.",
            "duration": "45 minuten per gesprek",
            "materials": "Gespreksleidraad, notitieblad, eventueel het werkproces op papier",
            "steps": [
                "Kies medewerkers van frontoffice, backoffice en leiding.",
                "Verzeker vertrouwelijkheid: citaten worden niet aan namen gekoppeld.",
                "Laat een gewone werkdag vertellen en vraag naar uitzonderingen.",
                "Vraag welke vragen burgers het vaakst stellen en waar ze vastlopen.",
                "Verzamel de inzichten en koppel ze terug naar de deelnemers.",
            ],
            "pitfalls": [
                "Alleen diensthoofden spreken.",
                "Het gesprek laten uitdraaien op klagen zonder concrete voorbeelden.",
                "Niets terugkoppelen, waardoor medewerkers afhaken.",
            ],
            "expertise_reason": "Collega's interviewen is goed te leren; een korte "
            "oefening en een leidraad volstaan. Zorg wel dat de interviewer geen "
            "leidinggevende van de geïnterviewde is.",
        },
        "en": {
            "name": "Interviews with staff",
            "summary": "Conversations with the people who deliver the service, at the "
            "desk and behind it, about their work, their workarounds and what residents "
            "ask them.",
            "when_to_use": "To understand how the service runs internally, where it "
            "jams between departments and which solutions staff already came up with.",
            "when_not": "Not as the only source about residents: staff see them through "
            "their own lens. Not when a reorganisation makes the conversation unsafe.",
            "participants": "An interviewer from the project team (preferably from another "
            "department) and five to ten staff from different levels.",
            "duration": "45 minutes per conversation",
            "materials": "Interview guide, note sheet, possibly the work process on paper",
            "steps": [
                "Choose staff from the front office, the back office and management.",
                "Guarantee confidentiality: quotes are not linked to names.",
                "Have them tell an ordinary working day and ask about the exceptions.",
                "Ask which questions residents ask most and where they get stuck.",
                "Gather the insights and report back to the participants.",
            ],
            "pitfalls": [
                "Talking only to heads of department.",
                "Letting the conversation turn into complaints without concrete examples.",
                "Reporting nothing back, so staff lose interest.",
            ],
            "expertise_reason": "Interviewing colleagues is easy to learn; a short "
            "exercise and a guide are enough. Do make sure the interviewer is not the "
            "interviewee's manager.",
        },
    },
    *MORE_TECHNIQUES,
]
