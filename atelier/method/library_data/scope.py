"""Phase 0: scope and brief."""

PHASE = {
    "position": 0,
    "slug": "scope-and-brief",
    "name_nl": "Afbakenen en briefen",
    "name_en": "Scope and brief",
    "summary_nl": "Bepaal welk probleem je aanpakt, voor wie, met wie en binnen welke grenzen.",
    "summary_en": "Decide which problem you tackle, for whom, with whom and within which limits.",
}

TECHNIQUES = [
    {
        "slug": "design-brief",
        "expertise": "coached",
        "produces": "design_brief",
        "nl": {
            "name": "Ontwerpbrief",
            "summary": "Een kort document dat vastlegt welk probleem het project aanpakt, voor "
            "welke gebruikers, met welk doel, binnen welk budget en welke termijn. Het is "
            "het vertrekpunt waar iedereen later naar teruggrijpt.",
            "when_to_use": "Bij de start van elk project, ook een klein. Zeker wanneer "
            "meerdere diensten of een schepencollege mee beslissen, of wanneer je later een "
            "externe ontwerper wilt aanstellen.",
            "when_not": 'Schrijf geen brief die de oplossing al vastlegt ("een nieuw '
            'loket"): dan is er niets meer te ontwerpen. Is het probleem nog helemaal vaag, '
            "verken dan eerst kort en schrijf de brief daarna.",
            "participants": "Projectleider, opdrachtgever (diensthoofd of algemeen "
            "directeur), een paar medewerkers die de dienst dagelijks leveren.",
            "duration": "Een halve dag schrijven, een week voor feedback",
            "materials": "Sjabloon van de ontwerpbrief, bestaande cijfers en klachten, "
            "het beleidsplan",
            "steps": [
                "Beschrijf het probleem zoals burgers en medewerkers het ervaren, met "
                "een concreet voorbeeld (bv. wachtrijen aan het loket burgerzaken).",
                "Noem de gebruikers die het raakt en wie je niet meeneemt.",
                "Formuleer twee tot vier doelen die je na afloop kunt nagaan.",
                "Leg budget, timing, randvoorwaarden en risico's vast.",
                "Laat de opdrachtgever de brief goedkeuren en spreek af wanneer je hem herbekijkt.",
            ],
            "pitfalls": [
                "Een brief die alleen de interne organisatie beschrijft en de burger vergeet.",
                "Doelen zo vaag dat niemand achteraf kan zeggen of ze gehaald zijn.",
                "De brief na de start nooit meer bijwerken, ook als het onderzoek het "
                "probleem anders laat zien.",
            ],
            "expertise_reason": "Het team kent het probleem het best, maar een coach helpt "
            "om het open te formuleren zonder de oplossing voorop te zetten, en om de "
            "scope haalbaar te houden.",
        },
        "en": {
            "name": "Design brief",
            "summary": "A short document that records which problem the project tackles, "
            "for which users, with what goal, within which budget and time. It is the "
            "starting point everyone comes back to later.",
            "when_to_use": "At the start of every project, even a small one. Certainly when "
            "several departments or the executive decide along, or when you will later "
            "commission an external designer.",
            "when_not": 'Do not write a brief that already fixes the solution ("a new '
            'desk"): then there is nothing left to design. If the problem is still '
            "entirely vague, explore briefly first and write the brief afterwards.",
            "participants": "Project lead, the sponsor (head of department or chief "
            "executive), a few staff who deliver the service every day.",
            "duration": "Half a day to write, a week for feedback",
            "materials": "Design brief template, existing figures and complaints, the policy plan",
            "steps": [
                "Describe the problem as residents and staff experience it, with a "
                "concrete example (e.g. queues at the registry office desk).",
                "Name the users it concerns and whom you leave out.",
                "Write two to four goals you can check at the end.",
                "Record budget, timing, constraints and risks.",
                "Have the sponsor approve the brief and agree when you will revisit it.",
            ],
            "pitfalls": [
                "A brief that only describes the internal organisation and forgets the resident.",
                "Goals so vague that nobody can tell afterwards whether they were met.",
                "Never updating the brief after the start, even when research shows the "
                "problem differently.",
            ],
            "expertise_reason": "The team knows the problem best, but a coach helps to "
            "phrase it openly without putting the solution first, and to keep the scope "
            "feasible.",
        },
    },
    {
        "slug": "stakeholder-map",
        "expertise": "team",
        "produces": "stakeholder_map",
        "nl": {
            "name": "Stakeholderkaart",
            "summary": "Een kaart van alle mensen, diensten en partners die bij de "
            "dienstverlening betrokken zijn, in ringen van kern tot ver weg, met hun belang, "
            "hun invloed en de relaties tussen hen.",
            "when_to_use": "In het begin, om te zien wie je moet betrekken, interviewen of "
            "informeren. Handig wanneer een dienst over meerdere diensten, het OCMW of "
            "externe partners loopt.",
            "when_not": "Niet als vervanging van gesprekken: een kaart die je alleen achter "
            "je bureau tekent, bevat vooral aannames. Maak er ook geen organigram van.",
            "participants": "Het projectteam, liefst aangevuld met iemand van de "
            "frontoffice en iemand van de backoffice.",
            "duration": "1 tot 2 uur",
            "materials": "Groot vel of digitaal bord met drie ringen, post-its in drie "
            "kleuren, stiften",
            "steps": [
                "Zet de burger of gebruiker in het midden.",
                "Schrijf alle betrokkenen op: medewerkers, diensten, schepenen, partners, "
                "leveranciers, verenigingen.",
                "Plaats ze in de ringen: kern, direct betrokken, onrechtstreeks betrokken.",
                "Noteer per stakeholder zijn rol, belang en invloed.",
                "Teken de relaties (formeel, informeel, geld, informatie) en duid aan wie "
                "je nog moet spreken.",
            ],
            "pitfalls": [
                "Alleen interne diensten opnemen en externe partners zoals het CAW of de "
                "huisarts vergeten.",
                "De kaart één keer maken en nooit meer bijwerken.",
                "Stakeholders met weinig invloed maar veel belang over het hoofd zien.",
            ],
            "expertise_reason": "De techniek is eenvoudig en het team heeft de kennis in "
            "huis; een korte uitleg en een sjabloon volstaan.",
        },
        "en": {
            "name": "Stakeholder map",
            "summary": "A map of all people, departments and partners involved in the "
            "service, in rings from core to distant, with their interest, their influence "
            "and the relations between them.",
            "when_to_use": "Early on, to see whom to involve, interview or inform. Useful "
            "when a service runs across several departments, the OCMW or outside partners.",
            "when_not": "Not as a substitute for conversations: a map drawn alone at your "
            "desk holds mostly assumptions. Do not turn it into an organisation chart.",
            "participants": "The project team, ideally with someone from the front office "
            "and someone from the back office.",
            "duration": "1 to 2 hours",
            "materials": "Large sheet or digital board with three rings, sticky notes in "
            "three colours, markers",
            "steps": [
                "Put the resident or user in the centre.",
                "Write down everyone involved: staff, departments, aldermen, partners, "
                "suppliers, associations.",
                "Place them in the rings: core, directly involved, indirectly involved.",
                "Note each stakeholder's role, interest and influence.",
                "Draw the relations (formal, informal, money, information) and mark whom "
                "you still need to talk to.",
            ],
            "pitfalls": [
                "Listing only internal departments and forgetting outside partners such as "
                "the social welfare centre or the family doctor.",
                "Making the map once and never updating it.",
                "Overlooking stakeholders with little influence but a large interest.",
            ],
            "expertise_reason": "The technique is simple and the team has the knowledge "
            "in house; a short explanation and a template are enough.",
        },
    },
    {
        "slug": "project-team-set-up",
        "expertise": "coached",
        "produces": "",
        "nl": {
            "name": "Projectteam samenstellen",
            "summary": "Een kleine, gemengde groep die het project draagt: mensen van "
            "verschillende diensten, van frontoffice en backoffice, met een duidelijke "
            "opdrachtgever en afspraken over tijd en rollen.",
            "when_to_use": "Voor elk project dat meer dan één dienst raakt of langer dan "
            "een paar weken loopt.",
            "when_not": "Voor een heel kleine verbetering binnen één team volstaat het team "
            "zelf. Stel ook geen team samen zolang er geen opdrachtgever is die tijd vrijmaakt.",
            "participants": "Projectleider, opdrachtgever, vier tot acht medewerkers uit "
            "de betrokken diensten.",
            "duration": "Een startvergadering van 2 uur",
            "materials": "Ontwerpbrief, stakeholderkaart, planning, afsprakenblad over "
            "rollen en tijdsbesteding",
            "steps": [
                "Kies op basis van de stakeholderkaart wie in het kernteam hoort.",
                "Vraag de diensthoofden om tijd vrij te maken en leg dat schriftelijk vast.",
                "Houd een startvergadering: doel, planning, rollen, manier van beslissen.",
                "Spreek een vast ritme af (bv. elke twee weken een halve dag).",
                "Beslis wie extern advies of een ontwerper mee aanstuurt.",
            ],
            "pitfalls": [
                "Alleen diensthoofden in het team: de mensen aan het loket ontbreken.",
                "Teamleden die er naast hun volle takenpakket bij moeten doen.",
                "Geen opdrachtgever die knopen doorhakt wanneer diensten het oneens zijn.",
            ],
            "expertise_reason": "Een coach helpt de rollen en het ritme vast te leggen en "
            "wijst op wat in andere besturen misliep; de keuze van de mensen maakt het "
            "bestuur zelf.",
        },
        "en": {
            "name": "Project team set-up",
            "summary": "A small, mixed group that carries the project: people from "
            "different departments, front office and back office, with a clear sponsor "
            "and agreements on time and roles.",
            "when_to_use": "For every project that touches more than one department or "
            "runs longer than a few weeks.",
            "when_not": "For a very small improvement within one team, that team is "
            "enough. Do not form a team either as long as no sponsor frees up time.",
            "participants": "Project lead, sponsor, four to eight staff from the "
            "departments concerned.",
            "duration": "A 2-hour kick-off meeting",
            "materials": "Design brief, stakeholder map, planning, a sheet of agreements on "
            "roles and time",
            "steps": [
                "Use the stakeholder map to choose who belongs in the core team.",
                "Ask the heads of department to free up time and put it in writing.",
                "Hold a kick-off: goal, planning, roles, how decisions are made.",
                "Agree a fixed rhythm (e.g. half a day every two weeks).",
                "Decide who steers outside advice or a designer.",
            ],
            "pitfalls": [
                "Only heads of department in the team: the people at the desk are missing.",
                "Team members who must do it on top of a full workload.",
                "No sponsor to settle matters when departments disagree.",
            ],
            "expertise_reason": "A coach helps to fix roles and rhythm and points out what "
            "went wrong elsewhere; the authority chooses its people itself.",
        },
    },
]
