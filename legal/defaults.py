# ruff: noqa: E501 - each line of the texts is one paragraph or bullet, as the office edits it
"""The texts a new site starts with: version 1 of each document, in English and Dutch.

They describe this site as it is built (its cookies, what it stores and who sees it, how
its accessibility is tested). Square brackets mark what only the university can fill in,
such as its name and address; the office replaces them by publishing version 2 in the
admin. "[contact email]" becomes ACADEMY_CONTACT_EMAIL when version 1 is created.
"""

TERMS_EN = """\
These terms apply to every enrolment in a module of the Academy for lifelong development of [name of the university] ("the Academy", "we"), whoever pays for it. When you enrol you accept the version of these terms in effect on that day; it stays the version that applies to that enrolment.

## 1. Enrolling
- You enrol for one run (an edition with its own dates) of a module, on the module's page, with an account in your own name.
- Your enrolment is confirmed by email. If a module asks for your motivation or prior education, you give it when you enrol.
- Seats are limited. When a run is full you join its waiting list instead (see 4).
- Enrolling is personal: you cannot pass your seat on to someone else yourself. An employer can, for seats it pays for (see 2).

## 2. Payment by you or by your employer
- The price is the one shown when you enrol, with VAT as stated there.
- If you pay yourself, you receive an invoice by email once your enrolment is confirmed. Please pay within 30 days of the invoice date.
- If your employer pays, your enrolment waits for the approval of one of your employer's admins on the Academy portal; we invoice the employer. If the employer declines, your enrolment is cancelled and you may enrol again paying yourself.
- An employer may also reserve seats for a group of its staff (a cohort). Those enrolments are managed by the employer: the employer can give a seat to a colleague and asks the academy office for changes.

## 3. Cancelling, and credit notes
- You can cancel free of charge in My learning until the last day to cancel shown on the enrolment page (unless stated otherwise, the day before the run starts). An invoiced seat is then credited in full with a credit note.
- After that date only the academy office can cancel; the fee remains due unless the office decides otherwise, for example when you send a colleague in your place.
- If you enrol as a consumer, you also have the statutory right to withdraw within 14 days of enrolling without giving a reason. If the run starts within those 14 days at your request, you pay for the part already given.
- If we cancel a run, or it cannot go ahead, we offer you a place in another run of the module or cancel your enrolment; anything paid is credited in full. We may move your enrolment to another run of the same module only with your agreement or because the run cannot go ahead.

## 4. The waiting list
- When a seat becomes free, it is offered to the first person on the waiting list by email.
- An offer is held for 48 hours. Accept it in My learning within that time to be enrolled; otherwise the seat passes to the next person in line.
- You can leave the waiting list at any time.

## 5. Attendance and results
- Lecturers record attendance at the sessions. The module page says what attendance and which assessment the module requires.
- The faculty that offers the module assesses your work and records your result. You can see your results in My learning.
- If you disagree with a result, first ask the lecturer for an explanation. You may then lodge an objection with the faculty's examination board within six weeks of the result being published.

## 6. Microcredentials
- When you pass a module, we issue a microcredential in your name: a digitally signed certificate (Open Badges 3.0) that anyone you share it with can verify on our verification page.
- A microcredential names you, the module, its learning outcomes, its size in ECTS credits and the date you passed.
- We revoke a microcredential if it was issued in error, if the result it rests on is annulled (for instance after fraud), or by a decision of the examination board. A revoked microcredential shows as revoked, with the date, to anyone who verifies it. We tell you when and why we revoke it.

## 7. Your account and conduct
- Keep your login details to yourself. What is done with your account is taken to be done by you.
- Treat lecturers and fellow participants with respect. The university's house rules and code of conduct apply on campus and online. We may exclude a participant from a run who seriously breaks them; the fee is then not refunded.
- Course materials are for your own learning. Do not share them beyond the run without the lecturer's permission.

## 8. Liability
- We do our best to provide the modules as described. We may change the programme, lecturers or location for good reasons, as long as the learning outcomes stay the same.
- Our liability for damage arising from an enrolment is limited to the fee paid for that enrolment, except in case of intent or gross negligence on our part. We are not liable for indirect damage such as loss of income.

## 9. Complaints
- Send complaints to the academy office at [contact email]. We confirm receipt within five working days and answer within four weeks.
- If you are not satisfied with our answer, you can turn to the university's complaints desk, [address].
- Complaints about a result go to the examination board (see 5).

## 10. Privacy
We handle your personal data as described in our privacy statement at /privacy/.

## 11. Changes and applicable law
- We may publish a new version of these terms. It applies to enrolments made from its effective date; earlier enrolments keep the version accepted at the time. Earlier versions stay available at /terms/.
- Dutch law applies. Disputes go to the competent court in the district where the university has its seat, unless the law gives you, as a consumer, the right to choose another court.
"""

TERMS_NL = """\
Deze voorwaarden gelden voor elke inschrijving voor een module van de Academie voor levenlang ontwikkelen van [naam van de universiteit] ("de Academie", "wij"), wie er ook voor betaalt. Bij je inschrijving aanvaard je de versie van deze voorwaarden die op die dag geldt; die versie blijft gelden voor die inschrijving.

## 1. Inschrijven
- Je schrijft je in voor één uitvoering (een editie met eigen data) van een module, op de pagina van de module, met een account op je eigen naam.
- Je inschrijving wordt per e-mail bevestigd. Vraagt een module om je motivatie of vooropleiding, dan geef je die bij het inschrijven.
- Het aantal plaatsen is beperkt. Is een uitvoering vol, dan kom je op de wachtlijst (zie 4).
- Een inschrijving is persoonlijk: je kunt je plaats niet zelf aan een ander doorgeven. Een werkgever kan dat wel, voor plaatsen die hij betaalt (zie 2).

## 2. Betaling door jezelf of door je werkgever
- De prijs is de prijs die bij het inschrijven wordt getoond, met btw zoals daar vermeld.
- Betaal je zelf, dan ontvang je een factuur per e-mail zodra je inschrijving is bevestigd. Betaal binnen 30 dagen na de factuurdatum.
- Betaalt je werkgever, dan wacht je inschrijving op de goedkeuring van een beheerder van je werkgever in het Academieportaal; wij factureren de werkgever. Wijst de werkgever af, dan vervalt je inschrijving en kun je je opnieuw inschrijven en zelf betalen.
- Een werkgever kan ook plaatsen reserveren voor een groep medewerkers (een cohort). Die inschrijvingen beheert de werkgever: hij kan een plaats aan een collega geven en vraagt het Academiebureau om wijzigingen.

## 3. Annuleren en creditnota's
- Je kunt kosteloos annuleren in Mijn leren tot de laatste annuleringsdag die bij de inschrijving staat (tenzij anders vermeld de dag vóór de start). Een gefactureerde plaats wordt dan volledig gecrediteerd met een creditnota.
- Na die datum kan alleen het Academiebureau annuleren; het bedrag blijft dan verschuldigd, tenzij het bureau anders besluit, bijvoorbeeld als je een collega in jouw plaats laat gaan.
- Schrijf je je in als consument, dan heb je daarnaast het wettelijke recht om binnen 14 dagen na je inschrijving zonder opgave van redenen te herroepen. Start de uitvoering op jouw verzoek binnen die 14 dagen, dan betaal je voor het deel dat al is gegeven.
- Zeggen wij een uitvoering af, of kan die niet doorgaan, dan bieden we je een plaats in een andere uitvoering van de module aan of annuleren we je inschrijving; wat je betaald hebt, wordt volledig gecrediteerd. We verplaatsen je inschrijving naar een andere uitvoering van dezelfde module alleen met jouw instemming of omdat de uitvoering niet kan doorgaan.

## 4. De wachtlijst
- Komt er een plaats vrij, dan bieden we die per e-mail aan de eerste op de wachtlijst aan.
- Een aanbod blijft 48 uur staan. Accepteer het binnen die tijd in Mijn leren om ingeschreven te worden; anders gaat de plaats naar de volgende op de lijst.
- Je kunt de wachtlijst op elk moment verlaten.

## 5. Aanwezigheid en resultaten
- Docenten registreren de aanwezigheid bij de bijeenkomsten. Op de pagina van de module staat welke aanwezigheid en welke toetsing de module vraagt.
- De faculteit die de module aanbiedt, beoordeelt je werk en legt je resultaat vast. Je ziet je resultaten in Mijn leren.
- Ben je het niet eens met een resultaat, vraag dan eerst de docent om uitleg. Daarna kun je binnen zes weken na de bekendmaking bezwaar maken bij de examencommissie van de faculteit.

## 6. Microcredentials
- Als je een module haalt, geven we een microcredential op jouw naam uit: een digitaal ondertekend certificaat (Open Badges 3.0) dat iedereen met wie je het deelt op onze verificatiepagina kan controleren.
- Een microcredential vermeldt jou, de module, de leeruitkomsten, de omvang in studiepunten (EC) en de datum waarop je slaagde.
- We trekken een microcredential in als die ten onrechte is uitgegeven, als het resultaat waarop die berust wordt ongeldig verklaard (bijvoorbeeld na fraude), of op besluit van de examencommissie. Wie een ingetrokken microcredential controleert, ziet dat die is ingetrokken en sinds wanneer. We laten je weten wanneer en waarom we intrekken.

## 7. Je account en je gedrag
- Houd je inloggegevens voor jezelf. Wat met je account gebeurt, geldt als door jou gedaan.
- Behandel docenten en medecursisten met respect. Het huisreglement en de gedragscode van de universiteit gelden op de campus en online. Wie die ernstig overtreedt, kunnen we van een uitvoering uitsluiten; het bedrag wordt dan niet terugbetaald.
- Lesmateriaal is voor je eigen leren. Deel het niet buiten de uitvoering zonder toestemming van de docent.

## 8. Aansprakelijkheid
- We doen ons best de modules te geven zoals beschreven. Om goede redenen kunnen we programma, docenten of locatie wijzigen, zolang de leeruitkomsten gelijk blijven.
- Onze aansprakelijkheid voor schade door een inschrijving is beperkt tot het bedrag dat voor die inschrijving is betaald, behalve bij opzet of grove schuld van onze kant. We zijn niet aansprakelijk voor indirecte schade zoals gederfde inkomsten.

## 9. Klachten
- Stuur klachten naar het Academiebureau via [contact email]. We bevestigen de ontvangst binnen vijf werkdagen en antwoorden binnen vier weken.
- Ben je niet tevreden met ons antwoord, dan kun je terecht bij het klachtenloket van de universiteit, [adres].
- Klachten over een resultaat gaan naar de examencommissie (zie 5).

## 10. Privacy
We gaan met je persoonsgegevens om zoals beschreven in onze privacyverklaring op /privacy/.

## 11. Wijzigingen en toepasselijk recht
- We kunnen een nieuwe versie van deze voorwaarden publiceren. Die geldt voor inschrijvingen vanaf de ingangsdatum; eerdere inschrijvingen houden de versie die toen is aanvaard. Eerdere versies blijven te lezen op /terms/.
- Nederlands recht is van toepassing. Geschillen gaan naar de bevoegde rechter in het arrondissement waar de universiteit is gevestigd, tenzij de wet jou als consument het recht geeft een andere rechter te kiezen.
"""

PRIVACY_EN = """\
This statement explains which personal data the Academy for lifelong development collects on this site, why, on what legal basis, how long we keep it, who sees it, and what your rights are.

## Who is responsible
[Name of the university], [address], is the controller for the personal data processed on this site. The academy office runs the site on the university's behalf.
Questions about your data: [contact email]. The university's data protection officer (functionaris gegevensbescherming) can be reached at [email address of the data protection officer].

## What we collect
- Your account: email address, name, password (stored only as a secure hash), preferred language, and, if you give them, job title, sector and highest education level.
- Your enrolments and waiting-list places: the runs, who pays, your motivation or prior education if a module asks for it, and the version of the terms you accepted.
- Your memberships of employers on the portal, and whether you share your progress with each of them.
- Attendance, results and the microcredentials issued to you.
- Orders, invoices and credit notes, with the names of the participants on them.
- Learning needs you submit and the themes or modules you ask to hear about.
- Course evaluations: your answers are stored without your name; we only record that you were invited and whether you answered, so that we do not remind you again.
- An audit trail of important actions (for example: enrolled, cancelled, result recorded, credential issued) with who did them and when.
- Technical data: your login session, and the IP address of failed login attempts, kept briefly to block password guessing. We do not use analytics or tracking; see our cookie statement at /cookies/.

## Why, and on what legal basis
- To carry out your enrolment: seats, invoices, sessions and reminders, attendance, results and credentials. Basis: the contract with you (GDPR article 6(1)(b)), or, when your employer enrols you, the university's legitimate interest in carrying out its contract with your employer (article 6(1)(f)).
- To keep our accounts: invoices and the underlying records. Basis: legal obligation (article 6(1)(c)).
- To share your progress with an employer, and to email you when a run opens that you asked about. Basis: your consent (article 6(1)(a)), which you can withdraw at any time.
- To secure the site, keep the audit trail, and improve our education from evaluations and demand. Basis: the university's legitimate interest (article 6(1)(f)).

## How long we keep it
- Your account stays until you delete it at /me/delete/. Deleting removes your name, email address, profile, interests, memberships, invitations, waiting-list places and login sessions, and cancels enrolments that lie ahead.
- Invoices, credit notes and orders are kept for seven years, as Dutch tax law requires.
- Issued microcredentials stay verifiable after you delete your account, because whoever you shared one with must be able to check it; enrolments and results that an issued credential rests on are kept, without your motivation.
- Learning needs you submitted are kept without your contact details.
- Evaluation answers are kept anonymously, for as long as they are useful to improve the module.

## Who sees your data
- The academy office and the portfolio holders of the faculty that offers your module see your enrolments, results and credentials for those modules. Lecturers see the participants of the runs they teach, their attendance and results.
- An employer that pays for your enrolment sees that enrolment (to approve it), the seats it reserved for you, and the invoices with your name. Beyond that, an employer sees your enrolments, progress and credentials only if you switch on sharing for that employer in your profile (/me/profile/); you can switch it off at any time.
- Anyone you give the link to your microcredential can see what it says (your name, the module and the date) and whether it is still valid.
- Processors that run the site for us under a data processing agreement: [hosting provider] and [email provider]. Your data is stored within the European Economic Area.
- We never sell your data or use it for advertising.

## Your rights
- Access and portability: download everything the portal holds about you as one file at /me/data/.
- Rectification: correct your details in your profile at /me/profile/, or ask us.
- Erasure: delete your account at /me/delete/ (what we must keep, and why, is listed above).
- Restriction and objection: ask us at [contact email] to limit or stop processing based on legitimate interest.
- Withdrawing consent: switch off sharing with an employer in your profile, or stop following a module or theme from the link in any email.
We answer requests within one month. If you think we handle your data wrongly, please tell us first; you also have the right to lodge a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens), https://www.autoriteitpersoonsgegevens.nl.
"""

PRIVACY_NL = """\
In deze verklaring lees je welke persoonsgegevens de Academie voor levenlang ontwikkelen via deze site verzamelt, waarom, op welke grondslag, hoe lang we ze bewaren, wie ze ziet en welke rechten je hebt.

## Wie is verantwoordelijk
[Naam van de universiteit], [adres], is verwerkingsverantwoordelijke voor de persoonsgegevens die via deze site worden verwerkt. Het Academiebureau beheert de site namens de universiteit.
Vragen over je gegevens: [contact email]. De functionaris gegevensbescherming van de universiteit bereik je via [e-mailadres van de functionaris gegevensbescherming].

## Wat we verzamelen
- Je account: e-mailadres, naam, wachtwoord (alleen als veilige hash opgeslagen), voorkeurstaal en, als je die opgeeft, functie, sector en hoogste opleidingsniveau.
- Je inschrijvingen en wachtlijstplaatsen: de uitvoeringen, wie betaalt, je motivatie of vooropleiding als een module daarom vraagt, en de versie van de voorwaarden die je hebt aanvaard.
- Je lidmaatschappen van werkgevers in het portaal, en of je je voortgang met elk van hen deelt.
- Aanwezigheid, resultaten en de microcredentials die aan jou zijn uitgegeven.
- Bestellingen, facturen en creditnota's, met de namen van de deelnemers erop.
- Leervragen die je indient en de thema's of modules waarover je bericht wilt krijgen.
- Cursusevaluaties: je antwoorden worden zonder je naam opgeslagen; we leggen alleen vast dat je bent uitgenodigd en of je hebt geantwoord, zodat we je niet opnieuw herinneren.
- Een logboek van belangrijke handelingen (bijvoorbeeld: ingeschreven, geannuleerd, resultaat vastgelegd, credential uitgegeven) met wie ze deed en wanneer.
- Technische gegevens: je inlogsessie, en het IP-adres bij mislukte inlogpogingen, kort bewaard om het raden van wachtwoorden te blokkeren. We gebruiken geen analyse- of trackingdiensten; zie onze cookieverklaring op /cookies/.

## Waarom, en op welke grondslag
- Om je inschrijving uit te voeren: plaatsen, facturen, bijeenkomsten en herinneringen, aanwezigheid, resultaten en credentials. Grondslag: de overeenkomst met jou (AVG artikel 6 lid 1 sub b), of, als je werkgever je inschrijft, het gerechtvaardigd belang van de universiteit bij het uitvoeren van de overeenkomst met je werkgever (artikel 6 lid 1 sub f).
- Om onze administratie te voeren: facturen en de onderliggende gegevens. Grondslag: wettelijke plicht (artikel 6 lid 1 sub c).
- Om je voortgang met een werkgever te delen, en om je te mailen als een uitvoering opengaat waarnaar je vroeg. Grondslag: je toestemming (artikel 6 lid 1 sub a), die je altijd kunt intrekken.
- Om de site te beveiligen, het logboek bij te houden en ons onderwijs te verbeteren met evaluaties en leervragen. Grondslag: het gerechtvaardigd belang van de universiteit (artikel 6 lid 1 sub f).

## Hoe lang we bewaren
- Je account blijft bestaan tot je het verwijdert op /me/delete/. Verwijderen wist je naam, e-mailadres, profiel, interesses, lidmaatschappen, uitnodigingen, wachtlijstplaatsen en inlogsessies, en annuleert inschrijvingen die nog komen.
- Facturen, creditnota's en bestellingen bewaren we zeven jaar, zoals de Nederlandse belastingwet vereist.
- Uitgegeven microcredentials blijven controleerbaar nadat je je account hebt verwijderd, omdat wie je er een gaf die moet kunnen controleren; inschrijvingen en resultaten waarop een uitgegeven credential berust, bewaren we zonder je motivatie.
- Leervragen die je indiende bewaren we zonder je contactgegevens.
- Evaluatieantwoorden bewaren we anoniem, zo lang ze helpen de module te verbeteren.

## Wie je gegevens ziet
- Het Academiebureau en de portefeuillehouders van de faculteit die je module aanbiedt, zien je inschrijvingen, resultaten en credentials voor die modules. Docenten zien de deelnemers van de uitvoeringen die ze geven, met hun aanwezigheid en resultaten.
- Een werkgever die je inschrijving betaalt, ziet die inschrijving (om haar goed te keuren), de plaatsen die hij voor je reserveerde en de facturen met je naam. Verder ziet een werkgever je inschrijvingen, voortgang en credentials alleen als je delen met die werkgever aanzet in je profiel (/me/profile/); je kunt het altijd weer uitzetten.
- Iedereen aan wie je de link naar je microcredential geeft, ziet wat erop staat (je naam, de module en de datum) en of die nog geldig is.
- Verwerkers die de site voor ons draaien onder een verwerkersovereenkomst: [hostingpartij] en [e-maildienst]. Je gegevens worden opgeslagen binnen de Europese Economische Ruimte.
- We verkopen je gegevens nooit en gebruiken ze niet voor reclame.

## Je rechten
- Inzage en overdraagbaarheid: download alles wat het portaal over je heeft als één bestand op /me/data/.
- Rectificatie: verbeter je gegevens in je profiel op /me/profile/, of vraag het ons.
- Wissen: verwijder je account op /me/delete/ (wat we moeten bewaren, en waarom, staat hierboven).
- Beperking en bezwaar: vraag ons via [contact email] verwerking op grond van gerechtvaardigd belang te beperken of te stoppen.
- Toestemming intrekken: zet delen met een werkgever uit in je profiel, of stop met het volgen van een module of thema via de link in elke e-mail.
We beantwoorden verzoeken binnen een maand. Denk je dat we verkeerd met je gegevens omgaan, laat het ons dan eerst weten; je hebt ook het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens, https://www.autoriteitpersoonsgegevens.nl.
"""

COOKIES_EN = """\
This site uses only functional cookies: small files it needs to work as you expect. It sets no analytics, advertising or tracking cookies, and loads nothing from other sites (no fonts, scripts or videos from third parties), so no one else can place cookies through it. Under the Dutch Telecommunications Act (article 11.7a) functional cookies need no consent, which is why you see no cookie banner.

## The cookies we set
- sessionid: keeps you logged in, and remembers short-lived choices during your visit. Set when you log in or when a page needs it. It expires when you close your browser, or after two weeks if you ticked "Remember Me" when logging in; logging out removes it.
- csrftoken: protects the forms on this site against cross-site request forgery (another site submitting a form in your name). Kept for one year; it holds no information about you.
- django_language: remembers the language you chose (English or Dutch). Removed when you close your browser.
- messages: carries a short notice to the next page, such as "You are enrolled". Removed as soon as it has been shown.

## Managing cookies
You can delete or block cookies in your browser's settings. If you block these cookies you cannot log in or send forms on this site.

## Questions
See our privacy statement at /privacy/, or write to [contact email].
"""

COOKIES_NL = """\
Deze site gebruikt alleen functionele cookies: kleine bestanden die nodig zijn om de site te laten werken zoals je verwacht. Er zijn geen analyse-, advertentie- of trackingcookies, en de site laadt niets van andere sites (geen lettertypen, scripts of video's van derden), dus niemand anders kan via deze site cookies plaatsen. Volgens de Telecommunicatiewet (artikel 11.7a) is voor functionele cookies geen toestemming nodig; daarom zie je geen cookiemelding.

## De cookies die we plaatsen
- sessionid: houdt je ingelogd en onthoudt kortstondige keuzes tijdens je bezoek. Geplaatst als je inlogt of als een pagina erom vraagt. Verloopt als je je browser sluit, of na twee weken als je bij het inloggen "Onthouden" aanvinkte; uitloggen verwijdert hem.
- csrftoken: beschermt de formulieren op deze site tegen cross-site request forgery (een andere site die namens jou een formulier verstuurt). Blijft een jaar bewaard; bevat geen informatie over jou.
- django_language: onthoudt de taal die je koos (Nederlands of Engels). Verdwijnt als je je browser sluit.
- messages: brengt een korte melding naar de volgende pagina, zoals "Je bent ingeschreven". Verdwijnt zodra die is getoond.

## Cookies beheren
Je kunt cookies verwijderen of blokkeren in de instellingen van je browser. Blokkeer je deze cookies, dan kun je op deze site niet inloggen of formulieren versturen.

## Vragen
Zie onze privacyverklaring op /privacy/, of schrijf naar [contact email].
"""

ACCESSIBILITY_EN = """\
[Name of the university] wants everyone to be able to use the Academy's site, including people with a disability. This statement follows the model of the Dutch government (digitoegankelijk.nl) and applies to the public pages, My learning, the employer portal and the teaching pages of this site. It does not cover the curation environment (the admin) used by university staff.

## Compliance status
This site partially complies with WCAG 2.1 level AA (status B: "partially compliant"). Known limitations are listed below.

## How we measured it
- Automated tests: with every change to the site, a browser test walks every page each kind of user can reach, in English and in Dutch, and checks it with axe-core. A change that introduces a serious or critical problem is not released. The same tests check that pages fit a screen 390 pixels wide without scrolling sideways.
- Manual checks by the developers: operating pages by keyboard alone, visible focus, heading order, form labels and error messages next to the field, colour contrast of the site's own colours, and zooming to 200%.
- No independent audit by an accredited inspection body has been carried out yet. That is why we declare the status "partially compliant"; we plan an audit and will publish the report here.

## Known limitations
- Certificates and invoices as PDF files are not tagged PDFs, so screen readers may read them out of order. The same information is available on the site: your credentials on their verification page, your invoices in My learning. If you need an accessible version of a PDF, ask us and we will send one within five working days.
- Course materials that lecturers share outside this site (in the learning environment or by email) are not covered by this statement.
- Confirmation pages and forms work without JavaScript; some updates that appear in place with JavaScript may not always be announced by screen readers.

## Contact
Did you find a page you cannot use, or do you need information in another form? Write to [contact email] or call [telephone number]. We reply within five working days and tell you when we expect to have solved the problem; that is within four weeks at the latest.
If our answer does not satisfy you, you can turn to the university's complaints desk, [address], and then to the Nationale ombudsman (https://www.nationaleombudsman.nl).

## About this statement
The date of this statement is the effective date shown above. We review it at least once a year and after every major change to the site.
"""

ACCESSIBILITY_NL = """\
[Naam van de universiteit] wil dat iedereen de site van de Academie kan gebruiken, ook mensen met een beperking. Deze verklaring volgt het model van de Nederlandse overheid (digitoegankelijk.nl) en geldt voor de openbare pagina's, Mijn leren, het werkgeversportaal en de docentpagina's van deze site. Ze geldt niet voor de beheeromgeving (de admin) die medewerkers van de universiteit gebruiken.

## Nalevingsstatus
Deze site voldoet gedeeltelijk aan WCAG 2.1 niveau AA (status B: "voldoet gedeeltelijk"). De bekende beperkingen staan hieronder.

## Hoe we het hebben gemeten
- Automatische tests: bij elke wijziging van de site loopt een browsertest langs elke pagina die elk soort gebruiker kan bereiken, in het Nederlands en in het Engels, en controleert die met axe-core. Een wijziging die een ernstig of kritiek probleem veroorzaakt, gaat niet live. Dezelfde tests controleren dat pagina's passen op een scherm van 390 pixels breed zonder zijwaarts scrollen.
- Handmatige controles door de ontwikkelaars: pagina's bedienen met alleen het toetsenbord, zichtbare focus, volgorde van koppen, labels bij formuliervelden en foutmeldingen bij het veld, kleurcontrast van de eigen kleuren van de site, en inzoomen tot 200%.
- Een onafhankelijk onderzoek door een erkende keuringsinstantie is nog niet gedaan. Daarom verklaren we de status "voldoet gedeeltelijk"; we plannen een onderzoek en publiceren het rapport hier.

## Bekende beperkingen
- Certificaten en facturen als pdf-bestand zijn geen getagde pdf's, zodat schermlezers ze in de verkeerde volgorde kunnen voorlezen. Dezelfde informatie staat op de site: je credentials op hun verificatiepagina, je facturen in Mijn leren. Heb je een toegankelijke versie van een pdf nodig, vraag het ons; we sturen die binnen vijf werkdagen.
- Lesmateriaal dat docenten buiten deze site delen (in de leeromgeving of per e-mail) valt niet onder deze verklaring.
- Bevestigingspagina's en formulieren werken zonder JavaScript; sommige wijzigingen die met JavaScript ter plekke verschijnen, worden mogelijk niet altijd door schermlezers gemeld.

## Contact
Kom je een pagina tegen die je niet kunt gebruiken, of heb je informatie in een andere vorm nodig? Schrijf naar [contact email] of bel [telefoonnummer]. We antwoorden binnen vijf werkdagen en laten weten wanneer we het probleem verwachten op te lossen; uiterlijk binnen vier weken.
Ben je niet tevreden met ons antwoord, dan kun je terecht bij het klachtenloket van de universiteit, [adres], en daarna bij de Nationale ombudsman (https://www.nationaleombudsman.nl).

## Over deze verklaring
De datum van deze verklaring is de ingangsdatum hierboven. We herzien haar minstens eens per jaar en na elke grote wijziging van de site.
"""

FIRST_VERSIONS = {
    "terms": {"body_en": TERMS_EN, "body_nl": TERMS_NL},
    "privacy": {"body_en": PRIVACY_EN, "body_nl": PRIVACY_NL},
    "cookies": {"body_en": COOKIES_EN, "body_nl": COOKIES_NL},
    "accessibility": {"body_en": ACCESSIBILITY_EN, "body_nl": ACCESSIBILITY_NL},
}
