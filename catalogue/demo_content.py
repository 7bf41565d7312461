"""Demo catalogue content for `manage.py seed_demo`: faculties, themes, partners, lecturers
and modules of the Academy. Plain data; see catalogue.demo for how it is used.
"""

FACULTIES = [
    {"slug": "science", "name": "Faculty of Science", "name_nl": "Faculteit Bètawetenschappen"},
    {"slug": "medicine", "name": "Faculty of Medicine", "name_nl": "Faculteit Geneeskunde"},
    {
        "slug": "social-sciences",
        "name": "Faculty of Social and Behavioural Sciences",
        "name_nl": "Faculteit Sociale Wetenschappen",
    },
    {
        "slug": "law-economics-governance",
        "name": "Faculty of Law, Economics and Governance",
        "name_nl": "Faculteit Recht, Economie, Bestuur en Organisatie",
    },
    {
        "slug": "humanities",
        "name": "Faculty of Humanities",
        "name_nl": "Faculteit Geesteswetenschappen",
    },
    {
        "slug": "geosciences",
        "name": "Faculty of Geosciences",
        "name_nl": "Faculteit Geowetenschappen",
    },
    {
        "slug": "veterinary-medicine",
        "name": "Faculty of Veterinary Medicine",
        "name_nl": "Faculteit Diergeneeskunde",
    },
]

THEMES = [
    {"slug": "data-ai", "name": "Data & AI", "name_nl": "Data & AI"},
    {
        "slug": "leadership-management",
        "name": "Leadership & management",
        "name_nl": "Leiderschap & management",
    },
    {
        "slug": "sustainability-energy",
        "name": "Sustainability & energy",
        "name_nl": "Duurzaamheid & energie",
    },
    {"slug": "health-care", "name": "Health & care", "name_nl": "Gezondheid & zorg"},
    {"slug": "law-governance", "name": "Law & governance", "name_nl": "Recht & bestuur"},
    {
        "slug": "education-didactics",
        "name": "Education & didactics",
        "name_nl": "Onderwijs & didactiek",
    },
    {
        "slug": "communication-culture",
        "name": "Communication & culture",
        "name_nl": "Communicatie & cultuur",
    },
    {
        "slug": "cybersecurity-digital-society",
        "name": "Cybersecurity & digital society",
        "name_nl": "Cybersecurity & digitale samenleving",
    },
    {"slug": "finance-economics", "name": "Finance & economics", "name_nl": "Financiën & economie"},
    {
        "slug": "research-innovation",
        "name": "Research & innovation",
        "name_nl": "Onderzoek & innovatie",
    },
    {
        "slug": "climate-water-environment",
        "name": "Climate, water & environment",
        "name_nl": "Klimaat, water & milieu",
    },
    {"slug": "wellbeing-work", "name": "Wellbeing & work", "name_nl": "Welzijn & werk"},
]

PARTNERS = [
    {
        "name": "Hogeschool Domstad",
        "kind": "applied_sciences",
        "website": "https://www.hogeschooldomstad.example.nl",
    },
    {
        "name": "Universiteit Oostland",
        "kind": "research_university",
        "website": "https://www.universiteitoostland.example.nl",
    },
    {
        "name": "Kenniscentrum Klimaat en Water",
        "kind": "knowledge_partner",
        "website": "https://www.klimaatenwater.example.org",
    },
    {
        "name": "Instituut voor Gezondheidsdata Nederland",
        "kind": "knowledge_partner",
        "website": "https://www.gezondheidsdata.example.org",
    },
    {
        "name": "Zorggroep Rijn en Vecht",
        "kind": "employer",
        "website": "https://www.zorggroeprijnenvecht.example.nl",
    },
    {
        "name": "Energienet Midden",
        "kind": "employer",
        "website": "https://www.energienetmidden.example.nl",
    },
]

LECTURERS = [
    {
        "first_name": "Marieke",
        "last_name": "de Jong",
        "email": "m.dejong@example.org",
        "faculty": "science",
    },
    {
        "first_name": "Pieter",
        "last_name": "van den Berg",
        "email": "p.vandenberg@example.org",
        "faculty": "science",
    },
    {
        "first_name": "Anika",
        "last_name": "Sharma",
        "email": "a.sharma@example.org",
        "faculty": "science",
    },
    {
        "first_name": "Thomas",
        "last_name": "Verhoeven",
        "email": "t.verhoeven@example.org",
        "faculty": "science",
    },
    {
        "first_name": "Esther",
        "last_name": "Bakker",
        "email": "e.bakker@example.org",
        "faculty": "medicine",
    },
    {
        "first_name": "Ruben",
        "last_name": "Visser",
        "email": "r.visser@example.org",
        "faculty": "medicine",
    },
    {
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "email": "f.elamrani@example.org",
        "faculty": "medicine",
    },
    {
        "first_name": "Joost",
        "last_name": "Kuipers",
        "email": "j.kuipers@example.org",
        "faculty": "medicine",
    },
    {
        "first_name": "Sanne",
        "last_name": "Mulder",
        "email": "s.mulder@example.org",
        "faculty": "social-sciences",
    },
    {
        "first_name": "Daan",
        "last_name": "Hendriks",
        "email": "d.hendriks@example.org",
        "faculty": "social-sciences",
    },
    {
        "first_name": "Laura",
        "last_name": "Schneider",
        "email": "l.schneider@example.org",
        "faculty": "social-sciences",
    },
    {
        "first_name": "Youssef",
        "last_name": "Benali",
        "email": "y.benali@example.org",
        "faculty": "social-sciences",
    },
    {
        "first_name": "Hanneke",
        "last_name": "Smit",
        "email": "h.smit@example.org",
        "faculty": "law-economics-governance",
    },
    {
        "first_name": "Bart",
        "last_name": "de Wit",
        "email": "b.dewit@example.org",
        "faculty": "law-economics-governance",
    },
    {
        "first_name": "Ingrid",
        "last_name": "Vos",
        "email": "i.vos@example.org",
        "faculty": "law-economics-governance",
    },
    {
        "first_name": "Marco",
        "last_name": "Rossi",
        "email": "m.rossi@example.org",
        "faculty": "law-economics-governance",
    },
    {
        "first_name": "Lotte",
        "last_name": "van Dijk",
        "email": "l.vandijk@example.org",
        "faculty": "humanities",
    },
    {
        "first_name": "Jasper",
        "last_name": "Meijer",
        "email": "j.meijer@example.org",
        "faculty": "humanities",
    },
    {
        "first_name": "Eleanor",
        "last_name": "Hughes",
        "email": "e.hughes@example.org",
        "faculty": "humanities",
    },
    {
        "first_name": "Koen",
        "last_name": "Jansen",
        "email": "k.jansen@example.org",
        "faculty": "geosciences",
    },
    {
        "first_name": "Nienke",
        "last_name": "Dekker",
        "email": "n.dekker@example.org",
        "faculty": "geosciences",
    },
    {
        "first_name": "Wei",
        "last_name": "Zhang",
        "email": "w.zhang@example.org",
        "faculty": "geosciences",
    },
    {
        "first_name": "Femke",
        "last_name": "Brouwer",
        "email": "f.brouwer@example.org",
        "faculty": "veterinary-medicine",
    },
    {
        "first_name": "Arjen",
        "last_name": "Postma",
        "email": "a.postma@example.org",
        "faculty": "veterinary-medicine",
    },
]

MODULES = [
    {
        "title": "Responsible AI for policy makers",
        "slug": "responsible-ai-for-policy-makers",
        "faculty": "science",
        "themes": [
            "data-ai",
            "law-governance",
        ],
        "partners": [],
        "summary": (
            "Learn how machine-learning systems work, where they fail and how to set requirements "
            "for their fair and transparent use in public policy."
        ),
        "description": (
            "Algorithms increasingly support decisions on benefits, permits and inspections. In "
            "this module you learn enough about how machine-learning models are built and "
            "evaluated to ask the right questions: what data was used, how was the model tested, "
            "and who is affected when it is wrong? You work with real, anonymised examples from "
            "Dutch and European public organisations, including the childcare benefits case and "
            "the EU AI Act.\n\n"
            "The kick-off and the closing session take place on campus in Utrecht; the sessions in "
            "between are live online on Thursday evenings. You are taught by computer scientists "
            "from the Department of Information and Computing Sciences together with a policy "
            "adviser who has implemented an algorithm register in a large municipality.\n\n"
            "Throughout the module you work on an algorithm that is used or being considered in "
            "your own organisation. You draft an impact assessment and a set of procurement and "
            "monitoring requirements, which you present to fellow participants in the closing "
            "session."
        ),
        "learning_outcomes": [
            ("Explain how supervised machine-learning models are trained, validated and deployed"),
            ("Identify sources of bias and error in data and models used for public decisions"),
            (
                "Apply the requirements of the EU AI Act and Dutch algorithm guidelines to a "
                "concrete case"
            ),
            (
                "Design a human-rights and algorithm impact assessment for a system in your own "
                "organisation"
            ),
            (
                "Formulate procurement and monitoring requirements for transparent and accountable "
                "AI"
            ),
        ],
        "target_audience": (
            "Policy advisers, project leaders and managers in government and semi-public "
            "organisations who commission, procure or supervise AI systems. No programming "
            "experience is required."
        ),
        "entry_requirements": (
            "A bachelor's degree or equivalent work experience at bachelor's level, and a good "
            "command of English (B2 or higher)."
        ),
        "language": "en",
        "format": "blended",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Algorithm impact assessment for a system from your own organisation (written report) "
            "and a short pitch in the closing session, assessed by two lecturers."
        ),
        "awards_microcredential": True,
        "price": 1850,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 5,
    },
    {
        "title": "Data science met Python voor professionals",
        "slug": "data-science-met-python-voor-professionals",
        "faculty": "science",
        "themes": [
            "data-ai",
            "research-innovation",
        ],
        "partners": [
            "Hogeschool Domstad",
        ],
        "summary": (
            "Leer in tien weken zelf data inlezen, opschonen, analyseren en visualiseren met "
            "Python, met een dataset uit je eigen werkpraktijk."
        ),
        "description": (
            "Veel organisaties zitten op bergen data, maar de analyse blijft hangen in Excel. In "
            "deze module leer je programmeren in Python met pandas, matplotlib en scikit-learn. Je "
            "begint bij de basis: data inlezen uit spreadsheets en databases, ontbrekende waarden "
            "aanpakken en tabellen koppelen. Daarna bouw je eenvoudige voorspellende modellen en "
            "leer je kritisch kijken naar de resultaten.\n\n"
            "Alle bijeenkomsten zijn online, op donderdagavond van 19.00 tot 21.00 uur. Tussen de "
            "bijeenkomsten werk je zelfstandig aan opdrachten in Jupyter-notebooks, met feedback "
            "van docenten van het Departement Informatica en van het lectoraat Data Science van "
            "Hogeschool Domstad. Reken op zo'n tien uur studie per week.\n\n"
            "Vanaf de derde week werk je met een dataset uit je eigen organisatie of een openbare "
            "dataset die daarop lijkt. Je eindigt met een reproduceerbare analyse die je collega's "
            "direct kunnen hergebruiken."
        ),
        "learning_outcomes": [
            (
                "Je leest gestructureerde data in uit verschillende bronnen en schoont deze op met "
                "pandas"
            ),
            ("Je verkent en visualiseert data om patronen en afwijkingen zichtbaar te maken"),
            (
                "Je bouwt en evalueert eenvoudige regressie- en classificatiemodellen met "
                "scikit-learn"
            ),
            ("Je legt je analyse reproduceerbaar vast in een notebook met versiebeheer"),
            ("Je communiceert de uitkomsten en beperkingen van een analyse aan niet-specialisten"),
        ],
        "target_audience": (
            "Beleidsmedewerkers, analisten, onderzoekers en controllers die nu met spreadsheets "
            "werken en zelf grotere datasets willen analyseren. Programmeerervaring is niet nodig."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding en basiskennis van statistiek (gemiddelde, "
            "spreiding, correlatie)."
        ),
        "language": "nl",
        "format": "online",
        "study_load_hours": 140,
        "ects": "5.0",
        "level": 6,
        "assessment": (
            "Portfolio van wekelijkse notebooks en een eindanalyse op een dataset uit je eigen "
            "werkpraktijk, beoordeeld door twee docenten."
        ),
        "awards_microcredential": True,
        "price": 2450,
        "quality_assurance": (
            "Gezamenlijk ontwikkeld met Hogeschool Domstad en geaccrediteerd door de "
            "examencommissie van de faculteit; onderdeel van de landelijke pilot microcredentials."
        ),
        "session_count": 6,
    },
    {
        "title": "Cybersecurity risk management",
        "slug": "cybersecurity-risk-management",
        "faculty": "science",
        "themes": [
            "cybersecurity-digital-society",
            "leadership-management",
        ],
        "partners": [],
        "summary": (
            "Assess and manage cyber risks in your organisation with recognised frameworks such as "
            "ISO 27001 and NIS2, and learn to report on them to the board."
        ),
        "description": (
            "Ransomware, supply-chain attacks and new European rules such as the NIS2 directive "
            "put cybersecurity on the agenda of every board. This module teaches you to translate "
            "technical vulnerabilities into business risks and to set priorities. You learn how "
            "attackers work, how to run a risk assessment, and how to choose proportionate "
            "technical and organisational measures.\n\n"
            "The first and last meeting are on campus in Utrecht and include a tabletop crisis "
            "exercise; the four sessions in between are live online in the evening. The module is "
            "taught by security researchers from the Faculty of Science and a chief information "
            "security officer from a Dutch hospital.\n\n"
            "You apply every step to your own organisation or department: you map critical assets, "
            "assess threats and controls, and write a risk report with a prioritised improvement "
            "plan for your management."
        ),
        "learning_outcomes": [
            ("Analyse the main cyber threats and attack techniques relevant to your sector"),
            ("Conduct a risk assessment using ISO 27005 and the NIST Cybersecurity Framework"),
            (
                "Evaluate the obligations that NIS2 and related legislation place on your "
                "organisation"
            ),
            ("Design a prioritised set of technical and organisational security measures"),
            ("Report cyber risks and incidents clearly to boards and supervisory bodies"),
            ("Coordinate the response to a security incident in a simulated crisis"),
        ],
        "target_audience": (
            "IT managers, information security officers, risk managers and auditors who are "
            "responsible for, or advise on, information security in their organisation."
        ),
        "entry_requirements": (
            "A bachelor's degree and at least two years of work experience in IT, risk management "
            "or audit; a good command of English."
        ),
        "language": "en",
        "format": "blended",
        "study_load_hours": 112,
        "ects": "4.0",
        "level": 7,
        "assessment": (
            "Risk report with improvement plan for your own organisation, plus a graded "
            "contribution to the crisis exercise."
        ),
        "awards_microcredential": True,
        "price": 2650,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 6,
    },
    {
        "title": ("Machine learning in de praktijk: van prototype naar productie"),
        "slug": "machine-learning-van-prototype-naar-productie",
        "faculty": "science",
        "themes": [
            "data-ai",
        ],
        "partners": [],
        "summary": (
            "Breng machine-learningmodellen betrouwbaar in productie: van versiebeheer en testen "
            "tot monitoring van modeldrift."
        ),
        "description": (
            "Een werkend model in een notebook is pas het begin. In deze module leer je hoe je een "
            "model zo bouwt dat het betrouwbaar blijft draaien in een productieomgeving. "
            "Onderwerpen zijn onder meer het versioneren van data en modellen, geautomatiseerd "
            "testen, containerisatie, het monitoren van modeldrift en het documenteren met model "
            "cards.\n\n"
            "Alle vijf bijeenkomsten zijn op donderdagmiddag op de campus in Utrecht, omdat je "
            "veel in groepjes aan de laptop werkt. Docenten zijn onderzoekers van het Departement "
            "Informatica en een machine learning engineer uit het bedrijfsleven.\n\n"
            "Je neemt een model mee dat je zelf of je team heeft ontwikkeld. Stap voor stap zet je "
            "er een pipeline omheen, zodat je aan het eind een plan hebt om het model verantwoord "
            "in gebruik te nemen."
        ),
        "learning_outcomes": [
            "Je richt versiebeheer in voor code, data en modellen",
            ("Je schrijft geautomatiseerde tests voor datapijplijnen en modellen"),
            ("Je verpakt een model in een container en rolt het uit via een eenvoudige API"),
            ("Je ontwerpt monitoring om datadrift en prestatieverlies tijdig te signaleren"),
            ("Je documenteert een model met een model card voor gebruikers en toezichthouders"),
        ],
        "target_audience": (
            "Data scientists, analisten en softwareontwikkelaars die al modellen bouwen en deze in "
            "hun organisatie structureel willen inzetten."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding en ervaring met programmeren in Python, "
            "bijvoorbeeld via de module Data science met Python voor professionals."
        ),
        "language": "nl",
        "format": "campus",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Werkende pipeline rond een eigen model en een verantwoordingsdocument, besproken in "
            "een technisch interview met twee docenten."
        ),
        "awards_microcredential": True,
        "price": 1950,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Quantum computing: what it can and cannot do",
        "slug": "quantum-computing-what-it-can-and-cannot-do",
        "faculty": "science",
        "themes": [
            "research-innovation",
            "cybersecurity-digital-society",
        ],
        "partners": [],
        "summary": (
            "A short, non-technical masterclass on the state of quantum technology and what it "
            "means for innovation strategy and encryption."
        ),
        "description": (
            "Quantum computers promise breakthroughs in chemistry, logistics and cryptography, but "
            "separating realistic expectations from hype is hard. In three afternoons on campus, "
            "physicists and computer scientists from the Faculty of Science explain the principles "
            "of qubits, superposition and entanglement without heavy mathematics, and show which "
            "problems quantum computers are likely to solve in the coming decade.\n\n"
            "Each afternoon combines a lecture, a demonstration on a cloud-based quantum processor "
            "and a discussion about consequences for organisations, such as the migration to "
            "post-quantum cryptography.\n\n"
            "You bring a question from your own organisation, for example about an innovation "
            "roadmap or the lifetime of encrypted data, and leave with a short, well-founded "
            "advice note."
        ),
        "learning_outcomes": [
            ("Explain the basic principles of quantum computing in plain language"),
            ("Distinguish realistic applications of quantum technology from speculative ones"),
            (
                "Assess the risk that quantum computing poses to current encryption in your "
                "organisation"
            ),
            (
                "Formulate a short advice on how your organisation should prepare for quantum "
                "technology"
            ),
        ],
        "target_audience": (
            "Innovation managers, IT architects, policy advisers and investors who need to "
            "understand quantum technology without becoming physicists."
        ),
        "entry_requirements": (
            "A bachelor's degree or equivalent work experience; no background in physics is needed."
        ),
        "language": "en",
        "format": "campus",
        "study_load_hours": 28,
        "ects": "1.0",
        "level": 6,
        "assessment": (
            "Short advice note on a question from your own organisation, with written feedback "
            "from a lecturer."
        ),
        "awards_microcredential": False,
        "price": 695,
        "quality_assurance": (
            "Offered under the university's quality assurance system for lifelong learning and "
            "evaluated by participants and lecturers after every run."
        ),
        "session_count": 3,
    },
    {
        "title": "Applied statistics refresher for policy researchers",
        "slug": "applied-statistics-refresher-for-policy-researchers",
        "faculty": "science",
        "themes": [
            "data-ai",
            "research-innovation",
        ],
        "partners": [],
        "summary": (
            "Refresh your knowledge of statistics and learn to judge and carry out the analyses "
            "that underpin policy reports and evaluations."
        ),
        "description": (
            "Many policy researchers learned statistics years ago and now mainly read the results "
            "of others. This module refreshes the essentials, from confidence intervals and "
            "hypothesis tests to multiple regression, and adds the modern perspective: effect "
            "sizes, multiple testing, causal reasoning and the limits of observational data.\n\n"
            "The module is fully online, with four live evening sessions and weekly exercises in R "
            "or SPSS, whichever you use at work. Lecturers from the Department of Mathematics and "
            "Statistics give short explanations and discuss your questions in small groups.\n\n"
            "In the final weeks you critically review a published policy evaluation or monitor "
            "from your own field and redo part of the analysis with open data."
        ),
        "learning_outcomes": [
            ("Interpret confidence intervals, p-values and effect sizes correctly"),
            ("Choose an appropriate statistical method for a given policy question and dataset"),
            ("Perform and interpret a multiple regression analysis in R or SPSS"),
            ("Evaluate the validity of causal claims in policy reports"),
            ("Write a clear critical review of a statistical analysis for non-specialists"),
        ],
        "target_audience": (
            "Policy researchers, evaluators and advisers at ministries, municipalities, planning "
            "agencies and consultancies who use quantitative research in their work."
        ),
        "entry_requirements": (
            "A bachelor's degree including at least one introductory statistics course, and a good "
            "command of English."
        ),
        "language": "en",
        "format": "online",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Critical review of a policy report from your own field, including a partial "
            "re-analysis, assessed by a lecturer."
        ),
        "awards_microcredential": True,
        "price": 995,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 4,
    },
    {
        "title": ("Waterstof en energieopslag in de regionale energietransitie"),
        "slug": "waterstof-en-energieopslag-regionale-energietransitie",
        "faculty": "science",
        "themes": [
            "sustainability-energy",
            "research-innovation",
        ],
        "partners": [
            "Energienet Midden",
        ],
        "summary": (
            "Krijg grip op de technische en economische mogelijkheden van waterstof, batterijen en "
            "warmteopslag voor netcongestie en de regionale energiestrategie."
        ),
        "description": (
            "Netcongestie remt de energietransitie in grote delen van Nederland. Opslag van "
            "elektriciteit, warmte en waterstof kan helpen, maar welke techniek past bij welk "
            "probleem? In deze module leer je de werking, efficiëntie en kosten van de "
            "belangrijkste opslagtechnieken kennen en vergelijk je ze met behulp van eenvoudige "
            "rekenmodellen.\n\n"
            "De startbijeenkomst en de slotbijeenkomst zijn op de campus, inclusief een bezoek aan "
            "het energielab van de faculteit. De drie bijeenkomsten daartussen zijn online. Je "
            "krijgt les van chemici en energiewetenschappers van de universiteit en van "
            "netplanners van Energienet Midden.\n\n"
            "Je werkt aan een vraagstuk uit je eigen regio of organisatie, zoals een "
            "bedrijventerrein met een volle netaansluiting of een warmtenet in ontwikkeling, en "
            "schrijft daarvoor een onderbouwd opslagadvies."
        ),
        "learning_outcomes": [
            ("Je legt de werking en beperkingen uit van batterijen, waterstof en warmteopslag"),
            ("Je berekent rendement en kosten van opslagopties met een eenvoudig rekenmodel"),
            ("Je analyseert de oorzaken van netcongestie in een concrete regio"),
            ("Je beoordeelt welke opslagoplossing past bij een gegeven lokaal energievraagstuk"),
            ("Je stelt een onderbouwd advies op voor bestuurders of opdrachtgevers"),
        ],
        "target_audience": (
            "Adviseurs, projectleiders en beleidsmakers bij gemeenten, provincies, netbeheerders "
            "en energiecoöperaties die werken aan de regionale energiestrategie."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, bij voorkeur in een technische of bètarichting, "
            "of vergelijkbare werkervaring in de energiesector."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Opslagadvies voor een casus uit je eigen regio (schriftelijk) en een presentatie aan "
            "een panel van docenten en netplanners."
        ),
        "awards_microcredential": True,
        "price": 1750,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Project management for research and innovation projects",
        "slug": "project-management-for-research-and-innovation-projects",
        "faculty": "science",
        "themes": [
            "research-innovation",
            "leadership-management",
        ],
        "partners": [
            "Universiteit Oostland",
        ],
        "summary": (
            "Plan and steer complex research and innovation projects with multiple partners, from "
            "the grant proposal to the final report."
        ),
        "description": (
            "Research projects are rarely predictable: experiments fail, partners change "
            "priorities and funders expect detailed reporting. This module offers practical "
            "project management tools tailored to research, combining classic planning techniques "
            "with agile methods. Topics include work breakdown, risk management, consortium "
            "agreements, data management plans and reporting to funders such as NWO and Horizon "
            "Europe.\n\n"
            "The kick-off and the closing session are on campus in Utrecht; the three sessions in "
            "between are online. The module is taught jointly by experienced research project "
            "managers from our university and from Universiteit Oostland, so you meet peers from "
            "two institutions.\n\n"
            "You bring a current or planned project of your own. During the module you build its "
            "project plan, risk register and stakeholder map, and you receive feedback from peers "
            "who face similar challenges."
        ),
        "learning_outcomes": [
            ("Structure a research project into work packages, milestones and deliverables"),
            ("Apply agile and classic planning techniques to research with uncertain outcomes"),
            ("Manage risks, budgets and reporting obligations in national and European grants"),
            ("Organise collaboration and decision-making in a multi-partner consortium"),
            ("Lead a project team of researchers and support staff through changing circumstances"),
        ],
        "target_audience": (
            "Postdocs, assistant professors, research managers and project officers who coordinate "
            "research or innovation projects."
        ),
        "entry_requirements": (
            "A master's degree or equivalent research experience, and involvement in a current or "
            "planned research project."
        ),
        "language": "en",
        "format": "blended",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Project plan with risk register for your own project, assessed by lecturers from both "
            "universities."
        ),
        "awards_microcredential": True,
        "price": 1450,
        "quality_assurance": (
            "Developed and quality-assured jointly with Universiteit Oostland; accredited by the "
            "faculty's Board of Examiners as part of the national microcredentials pilot."
        ),
        "session_count": 5,
    },
    {
        "title": "Data-driven healthcare: from registry to bedside",
        "slug": "data-driven-healthcare-from-registry-to-bedside",
        "faculty": "medicine",
        "themes": [
            "health-care",
            "data-ai",
        ],
        "partners": [
            "Instituut voor Gezondheidsdata Nederland",
        ],
        "summary": (
            "Use routinely collected care data, from electronic health records to quality "
            "registries, to improve patient care, and learn the legal and ethical rules that apply."
        ),
        "description": (
            "Hospitals and general practices collect enormous amounts of data, yet little of it is "
            "used to improve care. In this module you learn how to turn electronic health records "
            "and quality registries into reliable information: from data quality and coding "
            "systems such as SNOMED and ICD-10 to prediction models and dashboards. You also learn "
            "what the GDPR and the European Health Data Space mean for secondary use of data.\n\n"
            "The kick-off and the closing session are on campus at the medical centre; the four "
            "sessions in between are online. Lecturers are epidemiologists and clinical data "
            "scientists of the Faculty of Medicine, together with specialists from the Instituut "
            "voor Gezondheidsdata Nederland.\n\n"
            "You work on a quality or research question from your own department, for example "
            "readmissions or waiting times, and design an analysis plan and a dashboard prototype "
            "that your team can actually use."
        ),
        "learning_outcomes": [
            ("Assess the quality and limitations of routinely collected healthcare data"),
            ("Apply coding systems and data standards such as SNOMED CT, ICD-10 and FHIR"),
            ("Design an analysis plan to answer a quality-of-care question with registry data"),
            ("Evaluate the validity and clinical usefulness of prediction models"),
            ("Apply the legal and ethical frameworks for secondary use of health data"),
            ("Present results in a dashboard that supports clinical decision-making"),
        ],
        "target_audience": (
            "Physicians, nurses in advanced roles, quality officers, data analysts and managers in "
            "hospitals, general practice and mental healthcare."
        ),
        "entry_requirements": (
            "A bachelor's degree in a health or data-related field, or equivalent work experience "
            "in healthcare, and a good command of English."
        ),
        "language": "en",
        "format": "blended",
        "study_load_hours": 140,
        "ects": "5.0",
        "level": 7,
        "assessment": (
            "Analysis plan and dashboard prototype for a question from your own department, "
            "defended in an oral exam with two assessors."
        ),
        "awards_microcredential": True,
        "price": 2950,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 6,
    },
    {
        "title": "Klinisch redeneren voor verpleegkundigen",
        "slug": "klinisch-redeneren-voor-verpleegkundigen",
        "faculty": "medicine",
        "themes": [
            "health-care",
        ],
        "partners": [
            "Zorggroep Rijn en Vecht",
        ],
        "summary": (
            "Versterk je klinisch redeneren: herken vroegtijdig dat een patiënt achteruitgaat, "
            "onderbouw je beslissingen en communiceer ze helder in het team."
        ),
        "description": (
            "Verpleegkundigen zijn vaak de eersten die merken dat het niet goed gaat met een "
            "patiënt. In deze module oefen je systematisch klinisch redeneren: van het verzamelen "
            "en interpreteren van gegevens tot het formuleren van verpleegkundige diagnoses en "
            "interventies. Je werkt met vroegsignaleringsinstrumenten zoals de MEWS en met de "
            "SBAR-methode voor overdracht.\n\n"
            "Alle zes bijeenkomsten zijn op de campus en bestaan voor een groot deel uit "
            "simulatieonderwijs in het skillslab. Je krijgt les van verpleegkundig specialisten en "
            "docenten van het UMC en van praktijkopleiders van Zorggroep Rijn en Vecht.\n\n"
            "Tussen de bijeenkomsten werk je een casus uit je eigen afdeling uit volgens het "
            "klinisch redeneerproces en bespreek je die met een collega als critical friend."
        ),
        "learning_outcomes": [
            ("Je verzamelt en interpreteert klinische gegevens systematisch"),
            ("Je herkent vroege signalen van klinische achteruitgang met behulp van de MEWS"),
            ("Je formuleert onderbouwde verpleegkundige diagnoses en interventies"),
            ("Je draagt patiëntinformatie gestructureerd over met de SBAR-methode"),
            ("Je reflecteert op je eigen redeneerproces en dat van collega's"),
        ],
        "target_audience": (
            "Verpleegkundigen (mbo en hbo) in ziekenhuizen, revalidatiecentra en de wijkverpleging "
            "die hun klinisch redeneren willen verdiepen."
        ),
        "entry_requirements": (
            "Een BIG-registratie als verpleegkundige en minimaal één jaar werkervaring in de "
            "directe patiëntenzorg."
        ),
        "language": "nl",
        "format": "campus",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 6,
        "assessment": (
            "Uitgewerkte casus uit je eigen praktijk en een simulatietoets in het skillslab, "
            "beoordeeld door twee docenten."
        ),
        "awards_microcredential": True,
        "price": 1450,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit en geregistreerd in het "
            "kwaliteitsregister van V&VN; onderdeel van de landelijke pilot microcredentials."
        ),
        "session_count": 6,
    },
    {
        "title": "Samen beslissen in de spreekkamer",
        "slug": "samen-beslissen-in-de-spreekkamer",
        "faculty": "medicine",
        "themes": [
            "health-care",
            "communication-culture",
        ],
        "partners": [],
        "summary": (
            "Leer gestructureerd samen met patiënten beslissen over behandelingen, ook wanneer de "
            "medische evidence onzeker is of de patiënt laaggeletterd."
        ),
        "description": (
            "Samen beslissen is inmiddels de norm, maar in een consult van tien minuten is het "
            "lastig. In deze module leer je het driestappenmodel van gezamenlijke besluitvorming "
            "toepassen en keuzehulpen effectief inzetten. Je oefent met het uitleggen van risico's "
            "en onzekerheid, en met gesprekken waarin de voorkeur van de patiënt afwijkt van het "
            "medisch advies.\n\n"
            "De eerste en laatste bijeenkomst zijn op de campus met trainingsacteurs; de twee "
            "bijeenkomsten daartussen zijn online en gaan over evidence, keuzehulpen en "
            "gezondheidsvaardigheden. Je krijgt les van huisartsen en medisch specialisten die "
            "onderzoek doen naar samen beslissen.\n\n"
            "Je neemt een eigen consult op (met toestemming van de patiënt) of schrijft een "
            "uitgebreid gespreksverslag, en analyseert dit aan de hand van de OPTION-schaal."
        ),
        "learning_outcomes": [
            ("Je past het driestappenmodel van samen beslissen toe in een consult"),
            (
                "Je legt risico's en onzekerheid begrijpelijk uit, ook aan patiënten met beperkte "
                "gezondheidsvaardigheden"
            ),
            "Je zet keuzehulpen en consultkaarten doelgericht in",
            ("Je analyseert je eigen gespreksvoering met de OPTION-schaal"),
        ],
        "target_audience": (
            "Medisch specialisten, huisartsen, physician assistants en verpleegkundig specialisten "
            "die behandelkeuzes met patiënten bespreken."
        ),
        "entry_requirements": (
            "Een BIG-registratie en actuele werkzaamheden waarin je behandelbeslissingen met "
            "patiënten neemt."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 7,
        "assessment": (
            "Analyse van een eigen consult met reflectieverslag, beoordeeld door een docent en een "
            "trainingsacteur."
        ),
        "awards_microcredential": True,
        "price": 1150,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": "Leefstijlgeneeskunde in de eerste lijn",
        "slug": "leefstijlgeneeskunde-in-de-eerste-lijn",
        "faculty": "medicine",
        "themes": [
            "health-care",
            "wellbeing-work",
        ],
        "partners": [],
        "summary": (
            "Verdiep je kennis van voeding, beweging, slaap en stress als behandeling bij "
            "chronische aandoeningen en leer leefstijlinterventies begeleiden."
        ),
        "description": (
            "Bij diabetes type 2, hart- en vaatziekten en chronische pijn kan leefstijl een "
            "behandeling op zich zijn. In deze online module leer je wat de wetenschappelijke "
            "evidence zegt over voeding, beweging, slaap, stress en middelengebruik, en hoe je "
            "leefstijlinterventies in de eerste lijn organiseert, inclusief de gecombineerde "
            "leefstijlinterventie (GLI).\n\n"
            "De vier bijeenkomsten zijn live online op donderdagavond; daarnaast bestudeer je "
            "kennisclips en artikelen. Je krijgt les van huisartsen, diëtisten en epidemiologen "
            "van het Julius Centrum van de faculteit.\n\n"
            "In je eigen praktijk begeleid je gedurende de module een patiënt of groep bij een "
            "leefstijlverandering en werk je een verbeterplan uit voor de leefstijlzorg in je "
            "praktijk of wijk."
        ),
        "learning_outcomes": [
            (
                "Je beoordeelt de evidence voor leefstijlinterventies bij veelvoorkomende "
                "chronische aandoeningen"
            ),
            ("Je past motiverende en coachende gesprekstechnieken toe bij leefstijlverandering"),
            ("Je organiseert leefstijlzorg samen met andere disciplines in de wijk"),
            ("Je ontwerpt een verbeterplan voor leefstijlzorg in je eigen praktijk"),
        ],
        "target_audience": (
            "Huisartsen, praktijkondersteuners, fysiotherapeuten, diëtisten en "
            "wijkverpleegkundigen in de eerste lijn."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, of aantoonbaar gelijkwaardig werk- en denkniveau."
        ),
        "language": "nl",
        "format": "online",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 6,
        "assessment": (
            "Verbeterplan voor leefstijlzorg in je eigen praktijk en een casusverslag van een "
            "begeleide patiënt."
        ),
        "awards_microcredential": True,
        "price": 1350,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": "Palliatieve zorg: proactieve zorgplanning in de praktijk",
        "slug": "palliatieve-zorg-proactieve-zorgplanning",
        "faculty": "medicine",
        "themes": [
            "health-care",
            "communication-culture",
        ],
        "partners": [
            "Zorggroep Rijn en Vecht",
        ],
        "summary": (
            "Voer tijdig gesprekken over wensen en grenzen rond het levenseinde en leg afspraken "
            "vast die het hele zorgnetwerk kan gebruiken."
        ),
        "description": (
            "Veel patiënten in de laatste levensfase krijgen zorg die niet past bij hun wensen, "
            "vaak omdat het gesprek daarover te laat wordt gevoerd. In deze module leer je hoe je "
            "proactieve zorgplanning aanpakt: wanneer begin je het gesprek, hoe sluit je aan bij "
            "wat de patiënt en naasten belangrijk vinden, en hoe leg je afspraken zo vast dat de "
            "huisartsenpost en het ziekenhuis ze ook kennen.\n\n"
            "De start- en slotbijeenkomst zijn op de campus en bestaan uit gesprekstraining met "
            "acteurs. De twee onlinebijeenkomsten gaan over symptoombestrijding, wet- en "
            "regelgeving en overdracht in de keten. Docenten zijn specialisten ouderengeneeskunde, "
            "huisartsen en verpleegkundigen van het expertisecentrum palliatieve zorg en van "
            "Zorggroep Rijn en Vecht.\n\n"
            "Je voert in je eigen werk minimaal één gesprek over proactieve zorgplanning en "
            "reflecteert daarop met je intervisiegroep."
        ),
        "learning_outcomes": [
            ("Je herkent patiënten die baat hebben bij proactieve zorgplanning met de SPICT-NL"),
            ("Je voert een gesprek over wensen, waarden en grenzen met patiënt en naasten"),
            ("Je legt afspraken vast en draagt ze over aan andere zorgverleners in de keten"),
            ("Je past de landelijke richtlijnen voor palliatieve zorg toe op een concrete casus"),
            ("Je reflecteert op je eigen houding en emoties in gesprekken over het levenseinde"),
        ],
        "target_audience": (
            "Verpleegkundigen, specialisten ouderengeneeskunde, huisartsen en "
            "praktijkondersteuners die zorgen voor mensen in de laatste levensfase."
        ),
        "entry_requirements": (
            "Een afgeronde zorgopleiding op minimaal mbo-4-niveau en werkzaam in de zorg voor "
            "mensen met een levensbedreigende aandoening."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Reflectieverslag over een zelf gevoerd gesprek en een gesprekstoets met een "
            "trainingsacteur."
        ),
        "awards_microcredential": True,
        "price": 995,
        "quality_assurance": (
            "Samen met Zorggroep Rijn en Vecht ontwikkeld en geaccrediteerd door de "
            "examencommissie van de faculteit; onderdeel van de landelijke pilot microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": "Clinical trial methodology and Good Clinical Practice",
        "slug": "clinical-trial-methodology-and-good-clinical-practice",
        "faculty": "medicine",
        "themes": [
            "health-care",
            "research-innovation",
        ],
        "partners": [],
        "summary": (
            "Understand the design, conduct and regulation of clinical trials, including ICH-GCP "
            "and the EU Clinical Trials Regulation."
        ),
        "description": (
            "Anyone involved in clinical trials must know the rules and understand the methodology "
            "behind them. This online module covers randomisation, blinding, sample size, "
            "endpoints and the role of the data safety monitoring board, together with the ICH-GCP "
            "guideline, the Dutch WMO and the EU Clinical Trials Regulation.\n\n"
            "The three live online sessions are led by clinical epidemiologists and research "
            "nurses from the Faculty of Medicine. Between sessions you complete e-learning units "
            "and quizzes at your own pace.\n\n"
            "You critically appraise the protocol of a trial you are or will be involved in, and "
            "identify points for improvement in its design and conduct."
        ),
        "learning_outcomes": [
            ("Explain the key design choices in randomised controlled trials"),
            ("Apply the principles of ICH-GCP to the conduct of a clinical trial"),
            ("Describe the obligations under the WMO and the EU Clinical Trials Regulation"),
            ("Appraise a trial protocol critically and suggest improvements"),
        ],
        "target_audience": (
            "Investigators, research nurses, trial coordinators and data managers working on "
            "clinical studies in hospitals or industry."
        ),
        "entry_requirements": (
            "A bachelor's degree in a health-related field and current or planned involvement in "
            "clinical research."
        ),
        "language": "en",
        "format": "online",
        "study_load_hours": 42,
        "ects": "1.5",
        "level": 7,
        "assessment": (
            "Online knowledge test on GCP and legislation, plus a written appraisal of a trial "
            "protocol."
        ),
        "awards_microcredential": False,
        "price": 895,
        "quality_assurance": (
            "Offered under the university's quality assurance system; the knowledge test is "
            "recognised as GCP training by the Dutch Federation of University Medical Centres."
        ),
        "session_count": 3,
    },
    {
        "title": "Medicatieveiligheid bij ouderen",
        "slug": "medicatieveiligheid-bij-ouderen",
        "faculty": "medicine",
        "themes": [
            "health-care",
        ],
        "partners": [],
        "summary": (
            "Herken risico's van polyfarmacie bij ouderen en draag bij aan veilige "
            "medicatiebeoordelingen in de wijk, het verpleeghuis of het ziekenhuis."
        ),
        "description": (
            "Ouderen gebruiken vaak vijf of meer geneesmiddelen tegelijk, met een verhoogd risico "
            "op vallen, verwardheid en ziekenhuisopname. In deze online module leer je hoe "
            "veranderingen in het ouder wordende lichaam de werking van geneesmiddelen beïnvloeden "
            "en welke middelen extra aandacht vragen. Je maakt kennis met de STOPP/START-criteria "
            "en de werkwijze van een gestructureerde medicatiebeoordeling.\n\n"
            "De drie bijeenkomsten zijn live online en worden gegeven door klinisch geriaters en "
            "ziekenhuisapothekers van het UMC. Tussendoor werk je met korte kennisclips en "
            "oefencasussen.\n\n"
            "Je brengt de medicatie van een (geanonimiseerde) cliënt uit je eigen praktijk in "
            "kaart en bereidt een medicatiebeoordeling voor met de arts en apotheker."
        ),
        "learning_outcomes": [
            ("Je legt uit hoe veroudering de farmacokinetiek en farmacodynamiek beïnvloedt"),
            ("Je herkent geneesmiddelen met een verhoogd risico bij kwetsbare ouderen"),
            ("Je signaleert bijwerkingen en therapieontrouw in de dagelijkse zorg"),
            ("Je bereidt een medicatiebeoordeling voor met behulp van de STOPP/START-criteria"),
        ],
        "target_audience": (
            "Verpleegkundigen, verzorgenden IG, apothekersassistenten en praktijkondersteuners die "
            "werken met ouderen."
        ),
        "entry_requirements": (
            "Een afgeronde zorgopleiding op minimaal mbo-4-niveau en werkervaring met oudere "
            "cliënten."
        ),
        "language": "nl",
        "format": "online",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 5,
        "assessment": (
            "Uitgewerkte medicatiebeoordeling van een casus uit je eigen praktijk, beoordeeld door "
            "een ziekenhuisapotheker."
        ),
        "awards_microcredential": True,
        "price": 795,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 3,
    },
    {
        "title": "Implementatiewetenschap: zorginnovaties duurzaam invoeren",
        "slug": "implementatiewetenschap-zorginnovaties-duurzaam-invoeren",
        "faculty": "medicine",
        "themes": [
            "health-care",
            "research-innovation",
            "leadership-management",
        ],
        "partners": [
            "Zorggroep Rijn en Vecht",
            "Universiteit Oostland",
        ],
        "summary": (
            "Leer met theorieën en methoden uit de implementatiewetenschap zorginnovaties "
            "invoeren, evalueren en borgen in de dagelijkse praktijk."
        ),
        "description": (
            "Veel bewezen effectieve innovaties in de zorg halen de praktijk niet of verdwijnen na "
            "de projectfase. Implementatiewetenschap biedt modellen om dat te voorkomen. In deze "
            "module werk je met onder meer het Consolidated Framework for Implementation Research "
            "(CFIR), het RE-AIM-model en de Normalization Process Theory, en leer je hoe je "
            "implementatiestrategieën kiest en effecten meet.\n\n"
            "De module is blended: de eerste en laatste bijeenkomst zijn op de campus, de vier "
            "bijeenkomsten daartussen online. Je krijgt les van onderzoekers van het UMC en van "
            "Universiteit Oostland, en een implementatieadviseur van Zorggroep Rijn en Vecht deelt "
            "ervaringen uit de praktijk.\n\n"
            "Je schrijft een implementatie- en evaluatieplan voor een innovatie in je eigen "
            "organisatie, op een niveau dat geschikt is als basis voor een subsidieaanvraag of "
            "promotieonderzoek."
        ),
        "learning_outcomes": [
            ("Je analyseert belemmerende en bevorderende factoren voor implementatie met het CFIR"),
            ("Je kiest implementatiestrategieën die aansluiten bij de context en onderbouwt die"),
            ("Je ontwerpt een evaluatie van implementatie-uitkomsten met het RE-AIM-model"),
            ("Je beoordeelt wetenschappelijke literatuur over implementatie kritisch"),
            ("Je schrijft een implementatieplan dat bruikbaar is voor een subsidieaanvraag"),
        ],
        "target_audience": (
            "Onderzoekers, promovendi, kwaliteitsadviseurs en zorgprofessionals met een rol in "
            "innovatie, die implementatieprojecten leiden of onderzoeken."
        ),
        "entry_requirements": (
            "Een afgeronde masteropleiding en ervaring met wetenschappelijk onderzoek of "
            "kwaliteitsverbetering in de zorg."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 112,
        "ects": "4.0",
        "level": 8,
        "assessment": (
            "Implementatie- en evaluatieplan voor een innovatie in je eigen organisatie, "
            "beoordeeld door twee docenten van verschillende instellingen."
        ),
        "awards_microcredential": True,
        "price": 2250,
        "quality_assurance": (
            "Gezamenlijk ontwikkeld met Universiteit Oostland en Zorggroep Rijn en Vecht; "
            "geaccrediteerd door de examencommissie als onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 6,
    },
    {
        "title": "Leiderschap in hybride teams",
        "slug": "leiderschap-in-hybride-teams",
        "faculty": "social-sciences",
        "themes": [
            "leadership-management",
            "wellbeing-work",
        ],
        "partners": [],
        "summary": (
            "Ontwikkel je leiderschap voor teams die deels thuis en deels op locatie werken: "
            "vertrouwen, verbinding en resultaat op afstand."
        ),
        "description": (
            "Sinds hybride werken de norm is, vraagt leidinggeven om andere vaardigheden. Hoe houd "
            "je zicht op het welzijn van medewerkers die je weinig ziet? Hoe voorkom je dat er een "
            "kloof ontstaat tussen kantoorblijvers en thuiswerkers? In deze module verbind je "
            "inzichten uit de arbeids- en organisatiepsychologie met je eigen dagelijkse praktijk "
            "als leidinggevende.\n\n"
            "De startbijeenkomst en de slotbijeenkomst zijn op de campus in Utrecht, omdat je "
            "elkaar dan echt leert kennen; de drie bijeenkomsten daartussen zijn online, zodat je "
            "zelf ervaart wat werkt en wat niet. Je krijgt les van organisatiepsychologen van de "
            "faculteit en een ervaren leiderschapscoach.\n\n"
            "Je brengt een concrete uitdaging uit je eigen team in, zoals teamoverleg, onboarding "
            "van nieuwe collega's of het bespreken van prestaties op afstand. Daarvoor ontwerp en "
            "test je een interventie, en je bespreekt de resultaten in een vaste intervisiegroep."
        ),
        "learning_outcomes": [
            (
                "Je analyseert de dynamiek van je eigen hybride team met modellen uit de "
                "organisatiepsychologie"
            ),
            (
                "Je bouwt vertrouwen en psychologische veiligheid op in een team dat deels op "
                "afstand werkt"
            ),
            ("Je stuurt op resultaat en ontwikkeling zonder medewerkers te micromanagen"),
            ("Je signaleert werkstress en isolement tijdig en bespreekt dit met medewerkers"),
            (
                "Je ontwerpt en evalueert een interventie voor een concrete uitdaging in je eigen "
                "team"
            ),
        ],
        "target_audience": (
            "Teamleiders, afdelingshoofden en projectleiders die leidinggeven aan een team dat "
            "hybride of op afstand werkt."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding en minimaal twee jaar ervaring als leidinggevende."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 6,
        "assessment": (
            "Verslag van een zelf ontworpen teaminterventie met reflectie op je eigen leiderschap, "
            "beoordeeld door twee docenten."
        ),
        "awards_microcredential": True,
        "price": 1695,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Mentale gezondheid op het werk",
        "slug": "mentale-gezondheid-op-het-werk",
        "faculty": "social-sciences",
        "themes": [
            "wellbeing-work",
            "health-care",
            "leadership-management",
        ],
        "partners": [
            "Hogeschool Domstad",
        ],
        "summary": (
            "Leer psychische klachten en burn-outrisico's herkennen, het gesprek aangaan en samen "
            "met de bedrijfsarts werken aan preventie en re-integratie."
        ),
        "description": (
            "Psychische klachten zijn de belangrijkste oorzaak van langdurig verzuim in Nederland. "
            "In deze module leer je hoe werkstress, burn-out en depressie ontstaan, welke factoren "
            "in werk en organisatie beschermen, en wat bewezen effectieve interventies zijn. Je "
            "oefent met het signaleringsgesprek en verkent de rolverdeling tussen leidinggevende, "
            "HR, bedrijfsarts en psycholoog.\n\n"
            "De eerste en laatste bijeenkomst zijn op de campus; de twee bijeenkomsten daartussen "
            "zijn online. Docenten zijn klinisch psychologen en arbeidspsychologen van de "
            "faculteit en een lector Gezond Werken van Hogeschool Domstad.\n\n"
            "Je analyseert de psychosociale arbeidsbelasting in je eigen organisatie of afdeling "
            "en stelt een preventieplan op dat je met je management bespreekt."
        ),
        "learning_outcomes": [
            ("Je herkent signalen van werkstress, burn-out en andere psychische klachten"),
            ("Je voert een signaleringsgesprek met een medewerker met psychische klachten"),
            (
                "Je analyseert psychosociale risico's in een organisatie met het job "
                "demands-resources-model"
            ),
            ("Je ontwerpt een preventieplan dat aansluit bij de Arbowet en je eigen organisatie"),
            ("Je werkt samen met bedrijfsarts en HR aan duurzame re-integratie"),
        ],
        "target_audience": (
            "Leidinggevenden, HR-adviseurs, vertrouwenspersonen en preventiemedewerkers in "
            "organisaties van elke omvang."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, of aantoonbaar gelijkwaardig werk- en denkniveau."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Preventieplan voor je eigen organisatie en een gefilmd oefengesprek met schriftelijke "
            "reflectie."
        ),
        "awards_microcredential": True,
        "price": 1250,
        "quality_assurance": (
            "Gezamenlijk ontwikkeld met Hogeschool Domstad en geaccrediteerd door de "
            "examencommissie van de faculteit; onderdeel van de landelijke pilot microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": "Intercultural communication in international teams",
        "slug": "intercultural-communication-in-international-teams",
        "faculty": "social-sciences",
        "themes": [
            "communication-culture",
            "leadership-management",
        ],
        "partners": [],
        "summary": (
            "Work more effectively with colleagues, students or clients from different cultural "
            "backgrounds by understanding the hidden assumptions in communication."
        ),
        "description": (
            "Dutch directness, different views on hierarchy, and misunderstandings about deadlines "
            "or feedback can easily create friction in international teams. In this module you "
            "explore cultural frameworks, from Hofstede and Meyer to more critical, intersectional "
            "approaches, and learn to use them without falling into stereotypes.\n\n"
            "The module is fully online, with four interactive evening sessions in which "
            "participants from many countries work together in small groups. You are taught by "
            "communication scientists and a cross-cultural psychologist of the faculty.\n\n"
            "You keep a learning journal on intercultural encounters in your own work and analyse "
            "one critical incident in depth, ending with concrete agreements you propose to your "
            "team."
        ),
        "learning_outcomes": [
            ("Explain major frameworks of cultural difference and their limitations"),
            ("Analyse a critical incident in your own work from multiple cultural perspectives"),
            ("Give and receive feedback effectively across cultural differences"),
            ("Facilitate inclusive meetings and decision-making in a diverse team"),
            ("Reflect on your own cultural assumptions and communication style"),
        ],
        "target_audience": (
            "Managers, HR professionals, lecturers and project leaders who work in international "
            "or culturally diverse teams."
        ),
        "entry_requirements": (
            "A bachelor's degree or equivalent work experience at bachelor's level, and a good "
            "command of English (B2 or higher)."
        ),
        "language": "en",
        "format": "online",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Analysis of a critical incident from your own work and a learning journal, assessed "
            "by a lecturer."
        ),
        "awards_microcredential": True,
        "price": 1095,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 4,
    },
    {
        "title": "Gedragsinzichten voor beleid: nudging en keuzearchitectuur",
        "slug": "gedragsinzichten-voor-beleid",
        "faculty": "social-sciences",
        "themes": [
            "law-governance",
            "research-innovation",
        ],
        "partners": [],
        "summary": (
            "Pas inzichten uit de gedragswetenschappen toe op beleid en dienstverlening, en test "
            "met een experiment of je interventie werkt."
        ),
        "description": (
            "Burgers reageren niet altijd zoals beleidsmakers verwachten: ze stellen keuzes uit, "
            "missen brieven of vragen toeslagen niet aan. Gedragswetenschappelijke inzichten "
            "helpen om beleid en dienstverlening beter te laten aansluiten bij hoe mensen "
            "werkelijk beslissen. In deze module leer je de belangrijkste theorieën kennen en werk "
            "je met het analysemodel van de Rijksoverheid.\n\n"
            "Alle vijf bijeenkomsten zijn op de campus, met veel ruimte voor werken in groepjes. "
            "Je krijgt les van sociaal psychologen van de faculteit en van een gedragsexpert die "
            "bij een ministerie werkt.\n\n"
            "Voor een vraagstuk uit je eigen organisatie, bijvoorbeeld een brief die slecht wordt "
            "gelezen of een regeling met weinig gebruik, ontwerp je een gedragsinterventie en een "
            "kleinschalig experiment om die te toetsen. Je besteedt ook aandacht aan de ethische "
            "grenzen van nudging."
        ),
        "learning_outcomes": [
            (
                "Je analyseert het gedrag achter een beleidsprobleem met gedragswetenschappelijke "
                "modellen"
            ),
            ("Je ontwerpt een interventie gebaseerd op keuzearchitectuur en gedragsinzichten"),
            (
                "Je ontwerpt een gerandomiseerd experiment om het effect van een interventie te "
                "toetsen"
            ),
            ("Je weegt de ethische aanvaardbaarheid van gedragsbeïnvloeding door de overheid af"),
            ("Je presenteert een gedragsanalyse overtuigend aan beleidsmakers en bestuurders"),
        ],
        "target_audience": (
            "Beleidsmedewerkers, communicatieadviseurs en uitvoeringsprofessionals bij overheden "
            "en publieke organisaties."
        ),
        "entry_requirements": (
            "Een afgeronde wo-opleiding of een hbo-opleiding met ruime ervaring in beleid of "
            "uitvoering."
        ),
        "language": "nl",
        "format": "campus",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Gedragsanalyse en onderzoeksopzet voor een vraagstuk uit je eigen organisatie, "
            "gepresenteerd aan docenten en medecursisten."
        ),
        "awards_microcredential": True,
        "price": 1650,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Positive psychology interventions at work",
        "slug": "positive-psychology-interventions-at-work",
        "faculty": "social-sciences",
        "themes": [
            "wellbeing-work",
        ],
        "partners": [],
        "summary": (
            "Learn which evidence-based interventions from positive psychology strengthen "
            "engagement and resilience, and how to apply them in teams and coaching."
        ),
        "description": (
            "Positive psychology is more than thinking positively. This module introduces the "
            "research on strengths, engagement, job crafting, gratitude and resilience, and "
            "critically discusses what works, for whom and under which conditions. You learn to "
            "distinguish well-tested interventions from popular but unproven ones.\n\n"
            "The five sessions are live online on Thursday evenings, and between sessions you try "
            "out interventions yourself. Lecturers are researchers in clinical and organisational "
            "psychology of the faculty.\n\n"
            "You choose a group in your own work, such as a team or a group of coaching clients, "
            "and design, carry out and evaluate a small positive psychology intervention with them."
        ),
        "learning_outcomes": [
            ("Explain the main theories and findings of positive psychology"),
            ("Evaluate the evidence for popular wellbeing interventions critically"),
            ("Apply job crafting and strengths-based methods with individuals and teams"),
            ("Design and evaluate a small intervention in your own work setting"),
        ],
        "target_audience": (
            "Coaches, HR professionals, psychologists, team leaders and occupational health "
            "professionals."
        ),
        "entry_requirements": (
            "A bachelor's degree or equivalent work experience at bachelor's level, and a good "
            "command of English (B2 or higher)."
        ),
        "language": "en",
        "format": "online",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 6,
        "assessment": (
            "Report on an intervention you designed and carried out in your own work, with a short "
            "evaluation."
        ),
        "awards_microcredential": False,
        "price": 1395,
        "quality_assurance": (
            "Offered under the university's quality assurance system for lifelong learning and "
            "evaluated by participants and lecturers after every run."
        ),
        "session_count": 5,
    },
    {
        "title": "Werken met evidence in de jeugdzorg",
        "slug": "werken-met-evidence-in-de-jeugdzorg",
        "faculty": "social-sciences",
        "themes": [
            "health-care",
            "research-innovation",
            "education-didactics",
        ],
        "partners": [
            "Hogeschool Domstad",
        ],
        "summary": (
            "Leer wetenschappelijke kennis, praktijkkennis en de ervaring van gezinnen combineren "
            "bij beslissingen in de jeugdhulp."
        ),
        "description": (
            "In de jeugdzorg moeten professionals dagelijks inschatten welke hulp past bij een "
            "kind en gezin. In deze module leer je hoe je wetenschappelijke kennis over effectieve "
            "interventies combineert met je eigen professionele expertise en de wensen van "
            "gezinnen. Je leert de Databank Effectieve Jeugdinterventies gebruiken, onderzoek "
            "kritisch lezen en de voortgang van hulp meten met routine outcome monitoring.\n\n"
            "De eerste en laatste bijeenkomst zijn op de campus, de vijf bijeenkomsten daartussen "
            "online. Docenten zijn orthopedagogen en onderzoekers van de faculteit en van het "
            "lectoraat Jeugd van Hogeschool Domstad.\n\n"
            "Je werkt gedurende de module aan een vraag uit je eigen praktijk en eindigt met een "
            "onderbouwd voorstel om de hulp in je team beter af te stemmen op wat werkt."
        ),
        "learning_outcomes": [
            (
                "Je formuleert een beantwoordbare praktijkvraag over de hulp aan kinderen en "
                "gezinnen"
            ),
            ("Je zoekt en beoordeelt wetenschappelijk bewijs over interventies in de jeugdhulp"),
            ("Je combineert onderzoek, professionele expertise en cliëntvoorkeuren in een besluit"),
            ("Je zet routine outcome monitoring in om de voortgang van hulp te volgen"),
            ("Je adviseert je team over verbetering van de hulp op basis van evidence"),
        ],
        "target_audience": (
            "Jeugdprofessionals, gedragswetenschappers, teamleiders en beleidsmedewerkers in de "
            "jeugdhulp en het sociaal domein."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding in een sociaal of pedagogisch vakgebied en "
            "werkzaam in de jeugdhulp."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 140,
        "ects": "5.0",
        "level": 7,
        "assessment": (
            "Onderbouwd verbetervoorstel voor je eigen team op basis van een uitgewerkte "
            "praktijkvraag, beoordeeld door docenten van beide instellingen."
        ),
        "awards_microcredential": True,
        "price": 2350,
        "quality_assurance": (
            "Gezamenlijk ontwikkeld met Hogeschool Domstad; geaccrediteerd door de examencommissie "
            "en geregistreerd bij het Kwaliteitsregister Jeugd."
        ),
        "session_count": 7,
    },
    {
        "title": "Motiverende gespreksvoering",
        "slug": "motiverende-gespreksvoering",
        "faculty": "social-sciences",
        "themes": [
            "communication-culture",
            "health-care",
        ],
        "partners": [],
        "summary": (
            "Leer de basis van motiverende gespreksvoering om mensen te helpen hun eigen redenen "
            "voor gedragsverandering te vinden."
        ),
        "description": (
            "Adviezen geven werkt vaak averechts wanneer iemand twijfelt over verandering. "
            "Motiverende gespreksvoering is een bewezen effectieve gespreksstijl die helpt om "
            "ambivalentie te verkennen en de eigen motivatie van de cliënt te versterken. In drie "
            "middagen op de campus leer je de basishouding en kerntechnieken: open vragen, "
            "reflecteren, samenvatten en verandertaal uitlokken.\n\n"
            "De training is sterk praktijkgericht en wordt gegeven door een gezondheidspsycholoog "
            "en een erkend MINT-trainer. Je oefent in kleine groepen en met trainingsacteurs.\n\n"
            "Tussen de bijeenkomsten pas je de technieken toe in gesprekken in je eigen werk en "
            "neem je een oefengesprek op dat je met feedback terugkrijgt."
        ),
        "learning_outcomes": [
            ("Je past de basishouding van motiverende gespreksvoering toe"),
            ("Je gebruikt open vragen, reflecties en samenvattingen doelgericht"),
            ("Je herkent en versterkt verandertaal van je gesprekspartner"),
            "Je gaat constructief om met weerstand en ambivalentie",
        ],
        "target_audience": (
            "Professionals in zorg, welzijn, reclassering en werk en inkomen die gesprekken voeren "
            "over gedragsverandering."
        ),
        "entry_requirements": (
            "Een afgeronde mbo-4-, hbo- of wo-opleiding en een functie waarin je regelmatig "
            "gesprekken voert met cliënten."
        ),
        "language": "nl",
        "format": "campus",
        "study_load_hours": 42,
        "ects": "1.5",
        "level": 5,
        "assessment": (
            "Opgenomen oefengesprek, gecodeerd met de MITI en besproken met een trainer."
        ),
        "awards_microcredential": False,
        "price": 795,
        "quality_assurance": (
            "Aangeboden binnen het kwaliteitszorgsysteem van de universiteit voor leven lang "
            "ontwikkelen en na elke editie geëvalueerd door deelnemers en docenten."
        ),
        "session_count": 3,
    },
    {
        "title": "Contractenrecht voor inkopers",
        "slug": "contractenrecht-voor-inkopers",
        "faculty": "law-economics-governance",
        "themes": [
            "law-governance",
            "finance-economics",
        ],
        "partners": [],
        "summary": (
            "Begrijp de juridische kern van inkoopcontracten: van offerte en algemene voorwaarden "
            "tot aansprakelijkheid, wanprestatie en ontbinding."
        ),
        "description": (
            "Inkopers sluiten dagelijks contracten, maar lang niet iedereen weet precies wat er "
            "juridisch gebeurt. In deze module leer je de hoofdlijnen van het Nederlandse "
            "contractenrecht: hoe een overeenkomst tot stand komt, wanneer algemene voorwaarden "
            "van toepassing zijn, hoe je aansprakelijkheid beperkt en wat je kunt doen bij "
            "wanprestatie. Ook de belangrijkste verschillen met internationale contracten en het "
            "Weens Koopverdrag komen aan bod.\n\n"
            "De startbijeenkomst en slotbijeenkomst zijn op de campus, de drie bijeenkomsten "
            "daartussen online. Je krijgt les van docenten privaatrecht van de faculteit en een "
            "bedrijfsjurist met jarenlange ervaring in inkoop.\n\n"
            "Je neemt een contract of set algemene voorwaarden uit je eigen organisatie mee, "
            "analyseert de risico's en doet concrete voorstellen voor verbetering."
        ),
        "learning_outcomes": [
            (
                "Je legt uit hoe een overeenkomst tot stand komt en wanneer algemene voorwaarden "
                "gelden"
            ),
            "Je analyseert de risicoverdeling in een inkoopcontract",
            ("Je formuleert bepalingen over aansprakelijkheid, garanties en boetes"),
            ("Je bepaalt welke rechtsmiddelen openstaan bij wanprestatie"),
            (
                "Je herkent wanneer je een jurist moet inschakelen en stelt daarvoor de juiste "
                "vragen"
            ),
        ],
        "target_audience": (
            "Inkopers, contractmanagers en projectleiders in het bedrijfsleven en bij "
            "(semi)publieke organisaties zonder juridische achtergrond."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding of vergelijkbaar werk- en denkniveau; juridische "
            "voorkennis is niet nodig."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 6,
        "assessment": (
            "Juridische risicoanalyse van een contract uit je eigen organisatie met "
            "verbetervoorstellen, beoordeeld door twee docenten."
        ),
        "awards_microcredential": True,
        "price": 1795,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Aanbestedingsrecht in de praktijk",
        "slug": "aanbestedingsrecht-in-de-praktijk",
        "faculty": "law-economics-governance",
        "themes": [
            "law-governance",
            "finance-economics",
        ],
        "partners": [],
        "summary": (
            "Leer aanbestedingen juridisch zorgvuldig inrichten volgens de Aanbestedingswet 2012, "
            "van procedurekeuze tot gunning en klachtafhandeling."
        ),
        "description": (
            "Een fout in een aanbesteding kan leiden tot kort gedingen, vertraging en hoge kosten. "
            "In deze module behandel je de Aanbestedingswet 2012 en de Europese richtlijnen aan de "
            "hand van recente uitspraken. Je leert de juiste procedure te kiezen, "
            "geschiktheidseisen en gunningscriteria proportioneel te formuleren en te motiveren, "
            "en hoe je omgaat met vragen en klachten van inschrijvers.\n\n"
            "De vier bijeenkomsten zijn op de campus en worden gegeven door docenten bestuursrecht "
            "en Europees recht van de faculteit, samen met een advocaat die gespecialiseerd is in "
            "aanbestedingsrecht.\n\n"
            "Je toetst een aanbestedingsdocument uit je eigen organisatie aan de regels en "
            "bespreekt je bevindingen in een gesimuleerde klachtprocedure."
        ),
        "learning_outcomes": [
            ("Je kiest en onderbouwt de juiste aanbestedingsprocedure voor een opdracht"),
            ("Je formuleert proportionele geschiktheidseisen en gunningscriteria"),
            ("Je past recente jurisprudentie toe op aanbestedingsvraagstukken"),
            ("Je behandelt vragen, klachten en bezwaren van inschrijvers juridisch zorgvuldig"),
        ],
        "target_audience": (
            "Inkoop- en aanbestedingsadviseurs, juristen en contractmanagers bij gemeenten, "
            "provincies, zorginstellingen en andere aanbestedende diensten."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding en praktische ervaring met inkoop of aanbesteden."
        ),
        "language": "nl",
        "format": "campus",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Schriftelijke toets van een aanbestedingsdocument uit je eigen organisatie en een "
            "pleitoefening in een gesimuleerde klachtprocedure."
        ),
        "awards_microcredential": True,
        "price": 1295,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": "Public finance and budgeting for local government",
        "slug": "public-finance-and-budgeting-for-local-government",
        "faculty": "law-economics-governance",
        "themes": [
            "finance-economics",
            "law-governance",
        ],
        "partners": [],
        "summary": (
            "Understand how municipal and regional budgets work, from fiscal rules and "
            "intergovernmental grants to performance budgeting and financial sustainability."
        ),
        "description": (
            "Local governments face growing tasks in care, housing and the energy transition, "
            "while their revenues depend largely on grants from central government. This module "
            "explains the economics and governance of local public finance: budget cycles, fiscal "
            "rules, intergovernmental transfers, local taxes, reserves and risk management. "
            "Comparisons with other European countries help you look at the Dutch system with "
            "fresh eyes.\n\n"
            "The module is fully online, with five live evening sessions, recorded lectures and a "
            "weekly assignment. You are taught by economists and public administration scholars of "
            "the faculty and a former municipal finance director.\n\n"
            "You analyse the budget and annual accounts of your own municipality, province or "
            "water authority and write a policy brief on its financial sustainability for the "
            "council or executive board."
        ),
        "learning_outcomes": [
            ("Explain the principles of public budgeting and fiscal rules for local government"),
            ("Analyse a municipal budget and annual accounts using key financial indicators"),
            ("Evaluate the effects of intergovernmental grants on local policy choices"),
            ("Assess financial risks and reserves of a local authority"),
            ("Write a clear policy brief on financial sustainability for elected officials"),
        ],
        "target_audience": (
            "Financial advisers, controllers, policy advisers and council clerks at "
            "municipalities, provinces and water authorities, and auditors in the public sector."
        ),
        "entry_requirements": (
            "A bachelor's degree or equivalent work experience at bachelor's level, and a good "
            "command of English (B2 or higher)."
        ),
        "language": "en",
        "format": "online",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Policy brief on the financial sustainability of your own organisation, assessed by "
            "two lecturers."
        ),
        "awards_microcredential": True,
        "price": 1595,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 5,
    },
    {
        "title": "De AVG in de praktijk: privacy voor professionals",
        "slug": "avg-in-de-praktijk-privacy-voor-professionals",
        "faculty": "law-economics-governance",
        "themes": [
            "law-governance",
            "cybersecurity-digital-society",
        ],
        "partners": [],
        "summary": (
            "Leer persoonsgegevens rechtmatig verwerken: grondslagen, rechten van betrokkenen, "
            "DPIA's, datalekken en internationale doorgifte."
        ),
        "description": (
            "Bijna elke organisatie verwerkt persoonsgegevens, en de Autoriteit Persoonsgegevens "
            "handhaaft steeds strenger. In deze module leer je de Algemene verordening "
            "gegevensbescherming toepassen op alledaagse situaties: van het kiezen van de juiste "
            "grondslag en het opstellen van een verwerkersovereenkomst tot het afhandelen van een "
            "inzageverzoek of een datalek.\n\n"
            "De module is volledig online. In vier livebijeenkomsten bespreek je casussen met "
            "docenten informatierecht van de faculteit en een ervaren functionaris "
            "gegevensbescherming; tussendoor werk je aan opdrachten en een kennistoets.\n\n"
            "Je voert een data protection impact assessment (DPIA) uit op een verwerking uit je "
            "eigen organisatie, bijvoorbeeld een nieuw HR-systeem of een camera-toezichtproject."
        ),
        "learning_outcomes": [
            ("Je bepaalt de juiste grondslag voor een verwerking van persoonsgegevens"),
            ("Je handelt verzoeken van betrokkenen en datalekken af volgens de AVG"),
            ("Je voert een DPIA uit op een verwerking in je eigen organisatie"),
            ("Je beoordeelt verwerkersovereenkomsten en internationale doorgifte van gegevens"),
            "Je adviseert je organisatie over privacy by design",
        ],
        "target_audience": (
            "Privacy officers, functionarissen gegevensbescherming, juristen, HR- en "
            "IT-professionals die met persoonsgegevens werken."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, of aantoonbaar gelijkwaardig werk- en denkniveau."
        ),
        "language": "nl",
        "format": "online",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Uitgewerkte DPIA voor een verwerking in je eigen organisatie en een online "
            "kennistoets."
        ),
        "awards_microcredential": True,
        "price": 1095,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": ("Corporate sustainability reporting: CSRD and ESRS in practice"),
        "slug": "corporate-sustainability-reporting-csrd-esrs",
        "faculty": "law-economics-governance",
        "themes": [
            "sustainability-energy",
            "finance-economics",
            "law-governance",
        ],
        "partners": [],
        "summary": (
            "Prepare your organisation for sustainability reporting under the CSRD: double "
            "materiality, the ESRS standards, data collection and assurance."
        ),
        "description": (
            "The Corporate Sustainability Reporting Directive obliges thousands of European "
            "companies to report in detail on their environmental and social impact. This module "
            "explains the legal framework and the European Sustainability Reporting Standards, and "
            "shows how to carry out a double materiality assessment, set up reliable data "
            "collection for emissions and social indicators, and prepare for external "
            "assurance.\n\n"
            "The kick-off and the closing session are on campus in Utrecht; the four sessions in "
            "between are online. You are taught by lecturers in company law, accounting and "
            "sustainable finance of the faculty, together with a sustainability assurance partner "
            "from an audit firm.\n\n"
            "You carry out a double materiality assessment for your own organisation or a client "
            "and draft a reporting roadmap, including the data and governance needed to get there."
        ),
        "learning_outcomes": [
            ("Explain the scope and obligations of the CSRD and the structure of the ESRS"),
            ("Carry out a double materiality assessment with internal and external stakeholders"),
            (
                "Design processes and controls for reliable sustainability data, including scope 3 "
                "emissions"
            ),
            (
                "Evaluate the role of the board, audit committee and auditor in sustainability "
                "reporting"
            ),
            "Draft a reporting roadmap for your own organisation",
        ],
        "target_audience": (
            "Controllers, sustainability managers, finance professionals, legal counsel and "
            "auditors involved in corporate reporting."
        ),
        "entry_requirements": (
            "A bachelor's degree in economics, law, business or a related field, or equivalent "
            "work experience in finance or sustainability."
        ),
        "language": "en",
        "format": "blended",
        "study_load_hours": 112,
        "ects": "4.0",
        "level": 7,
        "assessment": (
            "Double materiality assessment and reporting roadmap for your own organisation, "
            "defended in a panel discussion with two lecturers."
        ),
        "awards_microcredential": True,
        "price": 2450,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 6,
    },
    {
        "title": ("Algoritmes en de rechtsstaat: toezicht op geautomatiseerde besluiten"),
        "slug": "algoritmes-en-de-rechtsstaat",
        "faculty": "law-economics-governance",
        "themes": [
            "law-governance",
            "data-ai",
        ],
        "partners": [],
        "summary": (
            "Verken de juridische eisen aan algoritmische besluitvorming door de overheid en leer "
            "hoe toezicht en rechtsbescherming vorm krijgen."
        ),
        "description": (
            "Overheden zetten algoritmes in bij fraudeopsporing, toeslagen en vergunningverlening. "
            "Dat roept juridische vragen op: hoe verhouden deze systemen zich tot de beginselen "
            "van behoorlijk bestuur, het verbod op discriminatie en de motiveringsplicht? In deze "
            "module behandel je de Algemene wet bestuursrecht, de AVG, de AI-verordening en "
            "relevante rechtspraak, waaronder de SyRI-uitspraak.\n\n"
            "De eerste en laatste bijeenkomst zijn op de campus in Utrecht, de drie bijeenkomsten "
            "daartussen online. Je krijgt les van hoogleraren en docenten bestuursrecht en recht "
            "en technologie, en van een toezichthouder van een rijksinspectie.\n\n"
            "Je analyseert een algoritmisch systeem dat in je eigen organisatie of sector wordt "
            "gebruikt en schrijft een juridisch advies over rechtmatigheid, transparantie en "
            "rechtsbescherming."
        ),
        "learning_outcomes": [
            ("Je toetst algoritmische besluitvorming aan de beginselen van behoorlijk bestuur"),
            ("Je past de AVG en de AI-verordening toe op een concreet overheidssysteem"),
            ("Je analyseert rechtspraak over geautomatiseerde besluiten en discriminatie"),
            ("Je beoordeelt de effectiviteit van intern en extern toezicht op algoritmes"),
            ("Je schrijft een helder juridisch advies voor bestuurders en beleidsmakers"),
        ],
        "target_audience": (
            "Juristen, beleidsadviseurs, auditors en toezichthouders bij overheden en publieke "
            "organisaties."
        ),
        "entry_requirements": (
            "Een afgeronde wo-opleiding, bij voorkeur in rechten of bestuurskunde, of een "
            "hbo-opleiding met juridische werkervaring."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Juridisch advies over een algoritmisch systeem uit je eigen organisatie of sector, "
            "beoordeeld door twee docenten."
        ),
        "awards_microcredential": True,
        "price": 1850,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Behavioural economics for competition and consumer policy",
        "slug": "behavioural-economics-for-competition-and-consumer-policy",
        "faculty": "law-economics-governance",
        "themes": [
            "finance-economics",
            "law-governance",
        ],
        "partners": [],
        "summary": (
            "Apply insights from behavioural economics to markets where consumers make poor "
            "choices, from energy contracts to online platforms."
        ),
        "description": (
            "Consumers do not always switch to cheaper energy contracts, read terms and conditions "
            "or notice dark patterns on websites. Behavioural economics explains why, and offers "
            "tools for regulators and companies. This module covers bounded rationality, default "
            "effects, choice overload and the economics of digital platforms, with examples from "
            "European competition and consumer law.\n\n"
            "The four sessions take place on campus on Thursday afternoons and are taught by "
            "economists and competition lawyers of the faculty, with a guest lecture by a market "
            "regulator.\n\n"
            "You analyse a market or product in your own field in which consumer behaviour leads "
            "to poor outcomes, and propose evidence-based remedies."
        ),
        "learning_outcomes": [
            ("Explain key concepts from behavioural economics and their relevance to markets"),
            ("Identify dark patterns and other practices that exploit consumer biases"),
            ("Evaluate regulatory remedies such as disclosure, defaults and switching tools"),
            ("Propose evidence-based remedies for a market in your own field"),
        ],
        "target_audience": (
            "Economists, lawyers and policy advisers at regulators, ministries, consumer "
            "organisations and companies."
        ),
        "entry_requirements": (
            "A bachelor's degree in economics, law or a related field, and a good command of "
            "English."
        ),
        "language": "en",
        "format": "campus",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 7,
        "assessment": (
            "Written market analysis with proposed remedies, presented in the final session."
        ),
        "awards_microcredential": False,
        "price": 1395,
        "quality_assurance": (
            "Offered under the university's quality assurance system for lifelong learning and "
            "evaluated by participants and lecturers after every run."
        ),
        "session_count": 4,
    },
    {
        "title": "Integriteit en ethiek in het openbaar bestuur",
        "slug": "integriteit-en-ethiek-in-het-openbaar-bestuur",
        "faculty": "law-economics-governance",
        "themes": [
            "law-governance",
            "leadership-management",
        ],
        "partners": [],
        "summary": (
            "Verken integriteitsdilemma's in het openbaar bestuur en leer hoe je een veilig "
            "klimaat creëert waarin medewerkers ze bespreekbaar maken."
        ),
        "description": (
            "Belangenverstrengeling, lekken, nevenfuncties en omgangsvormen: integriteit in het "
            "openbaar bestuur gaat over veel meer dan regels. In drie middagen op de campus verken "
            "je de verschillende opvattingen over integriteit, de wettelijke kaders en de rol van "
            "leidinggevenden en vertrouwenspersonen.\n\n"
            "Docenten zijn bestuurskundigen van de faculteit die onderzoek doen naar integriteit "
            "en een voormalig integriteitscoördinator van een grote gemeente. Je werkt met echte, "
            "geanonimiseerde dilemma's en oefent met de dilemmatraining als methode.\n\n"
            "Je neemt een dilemma uit je eigen werk mee en ontwerpt een dilemmasessie voor je "
            "eigen team of afdeling."
        ),
        "learning_outcomes": [
            ("Je onderscheidt verschillende benaderingen van integriteit in het openbaar bestuur"),
            ("Je past de relevante wet- en regelgeving toe op integriteitsvraagstukken"),
            ("Je analyseert een integriteitsdilemma vanuit meerdere perspectieven"),
            "Je ontwerpt een dilemmasessie voor je eigen team",
        ],
        "target_audience": (
            "Leidinggevenden, integriteitscoördinatoren, griffiers en beleidsmedewerkers bij "
            "gemeenten, provincies, waterschappen en het Rijk."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, of aantoonbaar gelijkwaardig werk- en denkniveau."
        ),
        "language": "nl",
        "format": "campus",
        "study_load_hours": 28,
        "ects": "1.0",
        "level": 6,
        "assessment": (
            "Ontwerp van een dilemmasessie voor je eigen team, met schriftelijke feedback van een "
            "docent."
        ),
        "awards_microcredential": False,
        "price": 595,
        "quality_assurance": (
            "Aangeboden binnen het kwaliteitszorgsysteem van de universiteit voor leven lang "
            "ontwikkelen en na elke editie geëvalueerd door deelnemers en docenten."
        ),
        "session_count": 3,
    },
    {
        "title": "Didactiek van online en blended onderwijs",
        "slug": "didactiek-van-online-en-blended-onderwijs",
        "faculty": "humanities",
        "themes": [
            "education-didactics",
        ],
        "partners": [],
        "summary": (
            "Ontwerp activerend online en blended onderwijs dat studenten echt betrekt, met "
            "aandacht voor interactie, feedback en toetsing."
        ),
        "description": (
            "Een hoorcollege opnemen maakt nog geen goed online onderwijs. In deze module leer je "
            "hoe je online en blended onderwijs ontwerpt vanuit leerdoelen, met activerende "
            "werkvormen, heldere structuur en effectieve feedback. Je maakt kennis met modellen "
            "als ABC Learning Design en het community of inquiry-model, en met de mogelijkheden en "
            "valkuilen van AI-tools in het onderwijs.\n\n"
            "De module is volledig online, zodat je zelf ervaart hoe het is om online student te "
            "zijn. De vijf livebijeenkomsten worden afgewisseld met asynchrone opdrachten en "
            "peerfeedback. Docenten zijn onderwijskundigen en ervaren docenten van de faculteit en "
            "van het Centrum voor Onderwijs en Leren.\n\n"
            "Je herontwerpt een cursus of les uit je eigen onderwijs en probeert minimaal één "
            "onderdeel uit met je eigen studenten of cursisten."
        ),
        "learning_outcomes": [
            ("Je ontwerpt een online of blended leeromgeving op basis van constructive alignment"),
            ("Je zet synchrone en asynchrone werkvormen doelgericht in"),
            ("Je organiseert effectieve feedback en peerfeedback in een online omgeving"),
            ("Je ontwerpt toetsing die past bij online en blended onderwijs"),
            ("Je evalueert je herontwerp aan de hand van ervaringen van studenten"),
        ],
        "target_audience": (
            "Docenten in het hoger onderwijs en mbo, opleidingsadviseurs en trainers in "
            "organisaties."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding en een onderwijstaak waarin je het ontwerp kunt "
            "uitproberen."
        ),
        "language": "nl",
        "format": "online",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 6,
        "assessment": (
            "Herontwerp van een eigen cursus met verantwoording en evaluatie van een uitgeprobeerd "
            "onderdeel."
        ),
        "awards_microcredential": True,
        "price": 1295,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit en erkend als onderdeel van "
            "de Basiskwalificatie Onderwijs; onderdeel van de landelijke pilot microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Academic writing in English for professionals",
        "slug": "academic-writing-in-english-for-professionals",
        "faculty": "humanities",
        "themes": [
            "communication-culture",
            "research-innovation",
        ],
        "partners": [],
        "summary": (
            "Write clear, well-structured reports, papers and proposals in English, with "
            "individual feedback on your own texts."
        ),
        "description": (
            "Whether you write research papers, policy reports or grant proposals, clear English "
            "makes your work more convincing. This online module focuses on the structure of "
            "arguments, paragraphs and sentences, on academic style and tone, and on typical "
            "errors made by Dutch writers of English.\n\n"
            "In four live online workshops, lecturers of English language and culture explain key "
            "principles and analyse examples. Between the workshops you revise your own texts and "
            "receive detailed individual feedback from a writing tutor.\n\n"
            "You work throughout on a text you actually need to write for your work, such as an "
            "article, report or proposal, and submit a revised version with a short reflection on "
            "your revisions."
        ),
        "learning_outcomes": [
            (
                "Structure a text logically at the level of the whole document, section and "
                "paragraph"
            ),
            ("Write concise and precise sentences in an appropriate academic register"),
            ("Avoid common grammatical and stylistic errors made by Dutch writers of English"),
            ("Revise your own texts systematically on the basis of feedback"),
        ],
        "target_audience": (
            "Researchers, PhD candidates, policy advisers and other professionals who write in "
            "English for their work."
        ),
        "entry_requirements": "A bachelor's degree and English at least at B2 level.",
        "language": "en",
        "format": "online",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Portfolio with drafts and a revised version of a text from your own work, plus a "
            "reflection, assessed by a writing tutor."
        ),
        "awards_microcredential": True,
        "price": 895,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 4,
    },
    {
        "title": ("Ethiek van technologie: morele vragen bij digitale innovatie"),
        "slug": "ethiek-van-technologie-digitale-innovatie",
        "faculty": "humanities",
        "themes": [
            "data-ai",
            "research-innovation",
            "communication-culture",
        ],
        "partners": [],
        "summary": (
            "Leer ethische vragen rond AI, data en digitale diensten systematisch verkennen en "
            "bespreekbaar maken in je eigen organisatie."
        ),
        "description": (
            "Moet een gemeente gezichtsherkenning inzetten? Mag een verzekeraar premies baseren op "
            "stapgegevens? Digitale innovatie roept morele vragen op die niet met regels alleen te "
            "beantwoorden zijn. In deze module maak je kennis met ethische theorieën en met "
            "praktische methoden zoals de Aanpak Begeleidingsethiek.\n\n"
            "De startbijeenkomst en slotbijeenkomst zijn op de campus, de twee bijeenkomsten "
            "daartussen online. Je krijgt les van filosofen van het Departement Filosofie en "
            "Religiewetenschap die onderzoek doen naar de ethiek van digitalisering.\n\n"
            "Je organiseert in je eigen organisatie een ethische reflectiesessie over een concrete "
            "technologie en schrijft daarover een kort essay."
        ),
        "learning_outcomes": [
            ("Je herkent morele vragen bij de inzet van data en digitale technologie"),
            ("Je past ethische theorieën toe op een concreet technologisch vraagstuk"),
            ("Je begeleidt een ethische reflectiesessie met een praktische methode"),
            ("Je verwoordt een onderbouwd standpunt in een helder essay"),
        ],
        "target_audience": (
            "Beleidsmakers, ontwikkelaars, productmanagers, privacy officers en bestuurders die "
            "beslissen over digitale toepassingen."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, of aantoonbaar gelijkwaardig werk- en denkniveau."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 7,
        "assessment": (
            "Essay over een ethisch vraagstuk uit je eigen organisatie en verslag van een zelf "
            "begeleide reflectiesessie."
        ),
        "awards_microcredential": True,
        "price": 1150,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": "Erfgoed en publiek: verhalen vertellen met collecties",
        "slug": "erfgoed-en-publiek-verhalen-vertellen-met-collecties",
        "faculty": "humanities",
        "themes": [
            "communication-culture",
            "education-didactics",
        ],
        "partners": [],
        "summary": (
            "Ontwikkel presentaties en publieksprogramma's die nieuwe doelgroepen aanspreken, met "
            "aandacht voor meerstemmigheid en gevoelige geschiedenis."
        ),
        "description": (
            "Musea, archieven en erfgoedinstellingen willen een breder en diverser publiek "
            "bereiken en meer stemmen laten horen. In deze module leer je hoe je met verhalen, "
            "objecten en digitale middelen publieksprogramma's ontwikkelt, en hoe je omgaat met "
            "gevoelige onderwerpen zoals het koloniale verleden.\n\n"
            "De vier bijeenkomsten vinden plaats op de campus en in het Universiteitsmuseum, met "
            "rondleidingen achter de schermen. Je krijgt les van historici en museumwetenschappers "
            "van de faculteit en van conservatoren uit het werkveld.\n\n"
            "Je ontwikkelt een concept voor een tentoonstelling, rondleiding of digitale "
            "presentatie met een collectie uit je eigen instelling."
        ),
        "learning_outcomes": [
            ("Je analyseert de publieksfunctie van een erfgoedinstelling"),
            ("Je ontwikkelt een verhaallijn rond objecten uit een collectie"),
            (
                "Je betrekt verschillende perspectieven bij de presentatie van gevoelige "
                "geschiedenis"
            ),
            ("Je ontwerpt een publieksprogramma voor een nieuwe doelgroep"),
        ],
        "target_audience": (
            "Medewerkers van musea, archieven, bibliotheken en erfgoedorganisaties, en docenten "
            "geschiedenis en cultuur."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, of aantoonbaar gelijkwaardig werk- en denkniveau."
        ),
        "language": "nl",
        "format": "campus",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Presentatie van een publieksconcept voor je eigen instelling aan een panel van "
            "docenten en conservatoren."
        ),
        "awards_microcredential": False,
        "price": 995,
        "quality_assurance": (
            "Aangeboden binnen het kwaliteitszorgsysteem van de universiteit voor leven lang "
            "ontwikkelen en na elke editie geëvalueerd door deelnemers en docenten."
        ),
        "session_count": 4,
    },
    {
        "title": "Science communication and public engagement",
        "slug": "science-communication-and-public-engagement",
        "faculty": "humanities",
        "themes": [
            "communication-culture",
            "research-innovation",
        ],
        "partners": [
            "Universiteit Oostland",
        ],
        "summary": (
            "Communicate your research to policy makers, journalists and the public, and design "
            "engagement activities that involve citizens in research."
        ),
        "description": (
            "Researchers are increasingly expected to share their work with society and to involve "
            "citizens in their research. In this module you learn how to tailor your message to "
            "different audiences, work with journalists, use social media responsibly and design "
            "public engagement activities, from a science café to citizen science.\n\n"
            "The kick-off and the closing session are on campus in Utrecht; the two sessions in "
            "between are online. You are taught by science communication researchers from our "
            "university and Universiteit Oostland, together with a science journalist.\n\n"
            "You develop a communication or engagement plan for your own research project and "
            "practise a short talk for a general audience, which is filmed and discussed in the "
            "closing session."
        ),
        "learning_outcomes": [
            ("Analyse the needs and expectations of different audiences for your research"),
            ("Explain your research clearly and accurately to non-specialists"),
            ("Work effectively with journalists and handle media attention"),
            ("Design a public engagement or citizen science activity for your project"),
        ],
        "target_audience": (
            "PhD candidates, postdocs, researchers and research communication officers at "
            "universities and research institutes."
        ),
        "entry_requirements": ("A master's degree and current involvement in a research project."),
        "language": "en",
        "format": "blended",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 7,
        "assessment": (
            "Communication and engagement plan for your own research plus a filmed public talk, "
            "assessed by lecturers from both universities."
        ),
        "awards_microcredential": True,
        "price": 1295,
        "quality_assurance": (
            "Developed jointly with Universiteit Oostland and accredited by the faculty's Board of "
            "Examiners; part of the national microcredentials pilot."
        ),
        "session_count": 4,
    },
    {
        "title": "Energietransitie voor gemeenten",
        "slug": "energietransitie-voor-gemeenten",
        "faculty": "geosciences",
        "themes": [
            "sustainability-energy",
            "law-governance",
        ],
        "partners": [
            "Energienet Midden",
        ],
        "summary": (
            "Krijg grip op de warmtetransitie, netcongestie en participatie, en leer hoe je als "
            "gemeente de regie neemt in de lokale energietransitie."
        ),
        "description": (
            "Gemeenten hebben een regierol in de energietransitie: ze stellen warmteprogramma's "
            "op, wijzen locaties aan voor wind en zon en betrekken bewoners. In deze module leer "
            "je de technische, ruimtelijke, financiële en juridische kant van die opgave kennen. "
            "Je werkt met onder meer de Wet collectieve warmte, de Omgevingswet en de Startanalyse "
            "van het Planbureau voor de Leefomgeving.\n\n"
            "De eerste en laatste bijeenkomst zijn op de campus; de vier bijeenkomsten daartussen "
            "zijn online. Je krijgt les van onderzoekers innovatie- en omgevingswetenschappen van "
            "de faculteit en van experts van Energienet Midden, die laten zien hoe netplanning en "
            "gemeentelijke plannen op elkaar aansluiten.\n\n"
            "Je werkt aan een concrete wijk of een concreet project in je eigen gemeente. Daarvoor "
            "maak je een analyse van opties en draagvlak en schrijf je een advies dat je aan je "
            "wethouder of directie kunt voorleggen."
        ),
        "learning_outcomes": [
            ("Je vergelijkt warmteopties voor een wijk op kosten, haalbaarheid en duurzaamheid"),
            ("Je analyseert de gevolgen van netcongestie voor gemeentelijke plannen"),
            ("Je past de Omgevingswet en de Wet collectieve warmte toe op een lokale casus"),
            ("Je ontwerpt een participatieaanpak met bewoners en lokale initiatieven"),
            ("Je schrijft een bestuurlijk advies over de energietransitie in een wijk"),
        ],
        "target_audience": (
            "Beleidsmedewerkers, projectleiders en adviseurs bij gemeenten, omgevingsdiensten en "
            "energiecoöperaties."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, of aantoonbaar gelijkwaardig werk- en denkniveau."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 140,
        "ects": "5.0",
        "level": 6,
        "assessment": (
            "Bestuurlijk advies over de energietransitie in een wijk uit je eigen gemeente, "
            "gepresenteerd aan docenten en experts van de netbeheerder."
        ),
        "awards_microcredential": True,
        "price": 2250,
        "quality_assurance": (
            "Samen met Energienet Midden ontwikkeld en geaccrediteerd door de examencommissie van "
            "de faculteit; onderdeel van de landelijke pilot microcredentials."
        ),
        "session_count": 6,
    },
    {
        "title": "Klimaatadaptatie in de gebouwde omgeving",
        "slug": "klimaatadaptatie-in-de-gebouwde-omgeving",
        "faculty": "geosciences",
        "themes": [
            "climate-water-environment",
            "sustainability-energy",
        ],
        "partners": [
            "Kenniscentrum Klimaat en Water",
        ],
        "summary": (
            "Leer klimaatrisico's als hitte, wateroverlast en droogte in kaart brengen en vertalen "
            "naar maatregelen in wijk, straat en gebouw."
        ),
        "description": (
            "Hoosbuien, hittegolven en droge zomers laten zien dat steden zich moeten aanpassen "
            "aan het veranderende klimaat. In deze module leer je klimaatrisico's analyseren met "
            "klimaateffectatlassen en stresstesten, en vertaal je die naar maatregelen zoals "
            "groene daken, wadi's en schaduw in de openbare ruimte. Ook kosten, baten en de "
            "verdeling van verantwoordelijkheden tussen gemeente, waterschap en bewoners komen aan "
            "bod.\n\n"
            "De start- en slotbijeenkomst zijn op de campus, met een excursie naar een "
            "klimaatbestendig ingerichte wijk. De drie onlinebijeenkomsten worden verzorgd door "
            "fysisch geografen van de faculteit en adviseurs van het Kenniscentrum Klimaat en "
            "Water.\n\n"
            "Je voert een klimaatrisicoanalyse uit voor een gebied uit je eigen werk en ontwerpt "
            "een samenhangend pakket maatregelen."
        ),
        "learning_outcomes": [
            ("Je legt de belangrijkste klimaateffecten voor Nederlandse steden uit"),
            ("Je voert een stresstest uit met klimaateffectatlassen en open data"),
            ("Je ontwerpt klimaatadaptieve maatregelen voor een concreet gebied"),
            ("Je weegt kosten, baten en verantwoordelijkheden van maatregelen af"),
            "Je betrekt bewoners en partners bij klimaatadaptatie",
        ],
        "target_audience": (
            "Stedenbouwkundigen, beleidsmedewerkers, projectleiders en adviseurs bij gemeenten, "
            "waterschappen, woningcorporaties en ingenieursbureaus."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding, of aantoonbaar gelijkwaardig werk- en denkniveau."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Klimaatrisicoanalyse en maatregelenpakket voor een gebied uit je eigen werk, "
            "beoordeeld door een docent en een adviseur van het kenniscentrum."
        ),
        "awards_microcredential": True,
        "price": 1750,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Circulair bouwen: materialen, ketens en contracten",
        "slug": "circulair-bouwen-materialen-ketens-en-contracten",
        "faculty": "geosciences",
        "themes": [
            "sustainability-energy",
            "law-governance",
        ],
        "partners": [
            "Hogeschool Domstad",
        ],
        "summary": (
            "Ontdek hoe je circulariteit meetbaar maakt in bouw- en renovatieprojecten, van "
            "materiaalpaspoort tot circulair aanbesteden."
        ),
        "description": (
            "De bouw is verantwoordelijk voor een groot deel van het grondstoffengebruik en de "
            "CO2-uitstoot in Nederland. In deze module leer je wat circulair bouwen in de praktijk "
            "betekent: ontwerpen voor demontage, hergebruik van materialen, biobased bouwen, de "
            "MilieuPrestatieGebouw (MPG) en materiaalpaspoorten. Je leert ook hoe je circulariteit "
            "opneemt in aanbestedingen en contracten.\n\n"
            "De vijf bijeenkomsten zijn op de campus en bij partners in de regio, waaronder een "
            "bezoek aan een materialenhub. Je krijgt les van onderzoekers duurzame ontwikkeling "
            "van de faculteit en docenten van het lectoraat Circulair Bouwen van Hogeschool "
            "Domstad.\n\n"
            "Je analyseert een bouw- of renovatieproject uit je eigen praktijk en stelt een plan "
            "op om de circulariteit ervan te verhogen."
        ),
        "learning_outcomes": [
            ("Je legt de principes van circulair bouwen en de R-ladder uit"),
            ("Je meet circulariteit van een project met de MPG en materiaalpaspoorten"),
            ("Je formuleert circulaire eisen en gunningscriteria in een aanbesteding"),
            ("Je analyseert samenwerking in de bouwketen en stelt verbeteringen voor"),
            ("Je stelt een verbeterplan op voor een project uit je eigen praktijk"),
        ],
        "target_audience": (
            "Projectleiders, inkopers, architecten, vastgoedbeheerders en adviseurs bij "
            "opdrachtgevers, bouwbedrijven en overheden."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding en werkervaring in de bouw, vastgoed of "
            "ruimtelijke ordening."
        ),
        "language": "nl",
        "format": "campus",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 6,
        "assessment": (
            "Circulariteitsplan voor een project uit je eigen praktijk, gepresenteerd aan docenten "
            "van beide instellingen."
        ),
        "awards_microcredential": True,
        "price": 1650,
        "quality_assurance": (
            "Gezamenlijk ontwikkeld met Hogeschool Domstad en geaccrediteerd door de "
            "examencommissie van de faculteit; onderdeel van de landelijke pilot microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Geo-information and spatial data analysis with GIS",
        "slug": "geo-information-and-spatial-data-analysis-with-gis",
        "faculty": "geosciences",
        "themes": [
            "data-ai",
            "climate-water-environment",
        ],
        "partners": [
            "Kenniscentrum Klimaat en Water",
        ],
        "summary": (
            "Learn to collect, analyse and map spatial data with QGIS and Python, using open Dutch "
            "datasets such as the BGT, AHN and CBS statistics."
        ),
        "description": (
            "Almost every policy question has a spatial dimension: where are the heat islands, "
            "which neighbourhoods lack green space, which roads flood first? In this online module "
            "you learn the foundations of geo-information science and gain hands-on experience "
            "with QGIS and Python. You work with open Dutch datasets, including the elevation "
            "model AHN, the large-scale topography BGT and neighbourhood statistics from CBS.\n\n"
            "All six sessions are live online on Thursday evenings, combined with step-by-step "
            "tutorials. You are taught by lecturers in geo-information science of the Faculty of "
            "Geosciences, with a guest session by data specialists of the Kenniscentrum Klimaat en "
            "Water.\n\n"
            "You carry out a spatial analysis for a question from your own work and present the "
            "result as a map story that colleagues and decision makers can understand."
        ),
        "learning_outcomes": [
            ("Explain coordinate systems, data models and the quality of spatial data"),
            ("Find and combine open spatial datasets from Dutch and European sources"),
            ("Perform spatial analyses such as overlay, buffering and interpolation in QGIS"),
            "Automate a spatial workflow with Python",
            "Design clear maps and map stories for decision makers",
        ],
        "target_audience": (
            "Policy advisers, planners, environmental consultants and researchers who want to use "
            "spatial data in their work."
        ),
        "entry_requirements": (
            "A bachelor's degree or equivalent work experience at bachelor's level, and a good "
            "command of English (B2 or higher)."
        ),
        "language": "en",
        "format": "online",
        "study_load_hours": 112,
        "ects": "4.0",
        "level": 6,
        "assessment": (
            "Spatial analysis of a question from your own work, delivered as a reproducible "
            "project and a map story."
        ),
        "awards_microcredential": True,
        "price": 1950,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 6,
    },
    {
        "title": "Waterbeheer en zoetwaterbeschikbaarheid",
        "slug": "waterbeheer-en-zoetwaterbeschikbaarheid",
        "faculty": "geosciences",
        "themes": [
            "climate-water-environment",
        ],
        "partners": [
            "Kenniscentrum Klimaat en Water",
        ],
        "summary": (
            "Verdiep je in grondwater, verdroging en verzilting, en in de keuzes die nodig zijn om "
            "voldoende zoetwater te houden in een veranderend klimaat."
        ),
        "description": (
            "Droge zomers, verzilting en een groeiende watervraag zetten de zoetwatervoorziening "
            "in Nederland onder druk. In deze module leer je hoe het watersysteem werkt, van "
            "neerslag en verdamping tot grondwaterstroming en zoutindringing. Je maakt kennis met "
            "hydrologische modellen en de beleidskaders van het Deltaprogramma Zoetwater en de "
            "Kaderrichtlijn Water.\n\n"
            "De eerste en laatste bijeenkomst zijn op de campus, inclusief een veldbezoek; de twee "
            "bijeenkomsten daartussen zijn online. Docenten zijn hydrologen van de faculteit en "
            "specialisten van het Kenniscentrum Klimaat en Water.\n\n"
            "Je analyseert een waterbeschikbaarheidsvraagstuk in je eigen werkgebied, zoals "
            "beregening in de landbouw of drinkwaterwinning, en formuleert handelingsopties."
        ),
        "learning_outcomes": [
            ("Je legt de werking van het Nederlandse watersysteem en de waterbalans uit"),
            ("Je interpreteert uitkomsten van hydrologische modellen kritisch"),
            ("Je analyseert oorzaken van verdroging en verzilting in een concreet gebied"),
            ("Je formuleert handelingsopties binnen de kaders van het Deltaprogramma"),
        ],
        "target_audience": (
            "Medewerkers van waterschappen, provincies, drinkwaterbedrijven, adviesbureaus en "
            "landbouworganisaties."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding en basiskennis van hydrologie of waterbeheer."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 7,
        "assessment": (
            "Analyse van een waterbeschikbaarheidsvraagstuk uit je eigen werkgebied met "
            "handelingsopties, beoordeeld door twee docenten."
        ),
        "awards_microcredential": True,
        "price": 1195,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": "Urban mobility transitions",
        "slug": "urban-mobility-transitions",
        "faculty": "geosciences",
        "themes": [
            "sustainability-energy",
            "climate-water-environment",
        ],
        "partners": [],
        "summary": (
            "Explore how cities can shift towards walking, cycling and public transport, and how "
            "to make mobility policy fair and effective."
        ),
        "description": (
            "Dutch cities are known for cycling, yet they also struggle with congestion, parking "
            "pressure and unequal access to transport. This module introduces theories of "
            "transitions and travel behaviour and examines policies such as low-traffic "
            "neighbourhoods, shared mobility, mobility hubs and parking policy, with examples from "
            "the Netherlands and abroad.\n\n"
            "The five sessions take place on campus on Thursday afternoons and include a guided "
            "cycling tour of recent interventions in Utrecht. You are taught by human geographers "
            "and transport planners of the faculty.\n\n"
            "You analyse a mobility problem in your own city or organisation and propose a package "
            "of measures, paying attention to the effects on different groups of residents."
        ),
        "learning_outcomes": [
            ("Explain theories of travel behaviour and socio-technical transitions"),
            ("Analyse the mobility system of a city or neighbourhood using spatial data"),
            ("Evaluate the effectiveness and fairness of urban mobility policies"),
            ("Design a package of measures for a mobility problem in your own context"),
        ],
        "target_audience": (
            "Transport planners, urban planners, policy advisers and consultants working on "
            "mobility in cities and regions."
        ),
        "entry_requirements": (
            "A bachelor's degree or equivalent work experience at bachelor's level, and a good "
            "command of English (B2 or higher)."
        ),
        "language": "en",
        "format": "campus",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Written policy proposal for a mobility problem in your own city or organisation, with "
            "a short presentation."
        ),
        "awards_microcredential": False,
        "price": 1695,
        "quality_assurance": (
            "Offered under the university's quality assurance system for lifelong learning and "
            "evaluated by participants and lecturers after every run."
        ),
        "session_count": 5,
    },
    {
        "title": "Remote sensing voor natuur- en landbouwmonitoring",
        "slug": "remote-sensing-voor-natuur-en-landbouwmonitoring",
        "faculty": "geosciences",
        "themes": [
            "data-ai",
            "climate-water-environment",
        ],
        "partners": [],
        "summary": (
            "Leer satellietbeelden en dronedata gebruiken om natuur, gewassen en bodemvocht te "
            "monitoren, van beeldbewerking tot classificatie."
        ),
        "description": (
            "Satellieten zoals Sentinel-2 leveren gratis en wekelijks beelden van heel Nederland. "
            "Daarmee kun je de conditie van natuurgebieden volgen, gewasgroei monitoren en droogte "
            "signaleren. In deze online module leer je hoe je deze beelden vindt, bewerkt en "
            "analyseert met Google Earth Engine en QGIS, en hoe je vegetatie-indices en "
            "classificaties gebruikt.\n\n"
            "De vier livebijeenkomsten zijn op donderdagavond en worden gegeven door onderzoekers "
            "aardobservatie van de faculteit. Tussendoor werk je aan praktische opdrachten met "
            "begeleiding via een online forum.\n\n"
            "Je voert een monitoringsanalyse uit voor een gebied of vraag uit je eigen werk, "
            "bijvoorbeeld de effecten van droogte op een natuurgebied of de ontwikkeling van een "
            "gewas."
        ),
        "learning_outcomes": [
            ("Je legt de principes van aardobservatie en spectrale reflectie uit"),
            ("Je bewerkt en analyseert satellietbeelden in Google Earth Engine"),
            ("Je berekent en interpreteert vegetatie-indices zoals de NDVI"),
            (
                "Je voert een eenvoudige classificatie van landgebruik uit en beoordeelt de "
                "nauwkeurigheid"
            ),
            ("Je presenteert een monitoringsanalyse voor een gebied uit je eigen werk"),
        ],
        "target_audience": (
            "Ecologen, agrarisch adviseurs, beleidsmedewerkers natuur en landbouw, en medewerkers "
            "van terreinbeherende organisaties."
        ),
        "entry_requirements": (
            "Een afgeronde hbo- of wo-opleiding en basisvaardigheid met GIS of spreadsheets."
        ),
        "language": "nl",
        "format": "online",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Monitoringsanalyse voor een gebied uit je eigen werk, ingeleverd als rapport met "
            "reproduceerbaar script."
        ),
        "awards_microcredential": True,
        "price": 1595,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 4,
    },
    {
        "title": "One Health: zoönosen en antibioticaresistentie",
        "slug": "one-health-zoonosen-en-antibioticaresistentie",
        "faculty": "veterinary-medicine",
        "themes": [
            "health-care",
            "research-innovation",
        ],
        "partners": [
            "Instituut voor Gezondheidsdata Nederland",
        ],
        "summary": (
            "Bekijk infectieziekten en antibioticaresistentie vanuit de samenhang tussen mens, "
            "dier en omgeving, en werk samen over disciplines heen."
        ),
        "description": (
            "Vogelgriep, Q-koorts en resistente bacteriën laten zien dat de gezondheid van mens, "
            "dier en omgeving nauw met elkaar verbonden is. In deze module leer je hoe zoönosen "
            "ontstaan en zich verspreiden, hoe surveillance in Nederland is georganiseerd en hoe "
            "artsen, dierenartsen en milieuprofessionals samenwerken bij uitbraken.\n\n"
            "De start- en slotbijeenkomst zijn op de campus van de faculteit, de drie "
            "bijeenkomsten daartussen online. Je krijgt les van dierenartsen, epidemiologen en "
            "microbiologen van de Faculteit Diergeneeskunde en het UMC, en van "
            "surveillance-experts van het Instituut voor Gezondheidsdata Nederland.\n\n"
            "In een interdisciplinaire groep werk je een uitbraakscenario uit en ontwerp je een "
            "One Health-aanpak voor een vraagstuk uit je eigen werk."
        ),
        "learning_outcomes": [
            ("Je legt uit hoe zoönosen ontstaan en zich verspreiden tussen dier, mens en omgeving"),
            ("Je beschrijft hoe surveillance van infectieziekten en resistentie is georganiseerd"),
            ("Je interpreteert surveillancedata over antibioticagebruik en resistentie"),
            ("Je werkt in een interdisciplinair team aan de aanpak van een uitbraak"),
            ("Je ontwerpt een One Health-aanpak voor een vraagstuk uit je eigen praktijk"),
        ],
        "target_audience": (
            "Dierenartsen, artsen infectieziektebestrijding, deskundigen infectiepreventie, "
            "microbiologen en beleidsmedewerkers bij overheden."
        ),
        "entry_requirements": (
            "Een afgeronde wo-opleiding in (dier)geneeskunde, biomedische wetenschappen of een "
            "verwante richting, of een hbo-opleiding met relevante werkervaring."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 84,
        "ects": "3.0",
        "level": 7,
        "assessment": (
            "Groepsrapport over een uitbraakscenario en een individueel plan voor een One "
            "Health-vraagstuk uit je eigen werk."
        ),
        "awards_microcredential": True,
        "price": 1650,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 5,
    },
    {
        "title": "Animal welfare assessment on farms",
        "slug": "animal-welfare-assessment-on-farms",
        "faculty": "veterinary-medicine",
        "themes": [
            "health-care",
            "sustainability-energy",
        ],
        "partners": [],
        "summary": (
            "Learn to assess the welfare of farm animals with validated protocols and translate "
            "the results into practical advice for farmers."
        ),
        "description": (
            "Society, retailers and governments increasingly ask for objective evidence of good "
            "animal welfare. In this module you learn the scientific concepts behind animal "
            "welfare and practise with validated assessment protocols such as Welfare Quality for "
            "dairy cattle, pigs and poultry. You also discuss how welfare relates to "
            "sustainability, economics and public expectations.\n\n"
            "The four sessions take place on campus at the Faculty of Veterinary Medicine and on "
            "farms in the region, where you carry out assessments under supervision. You are "
            "taught by veterinarians and animal welfare scientists of the faculty.\n\n"
            "You carry out a welfare assessment on a farm you work with and write a feedback "
            "report with prioritised recommendations for the farmer."
        ),
        "learning_outcomes": [
            "Explain the main scientific concepts of animal welfare",
            ("Carry out a welfare assessment with a validated protocol"),
            ("Interpret animal-based indicators such as lameness and body condition"),
            ("Write practical, prioritised recommendations for a farmer"),
        ],
        "target_audience": (
            "Veterinarians, livestock advisers, quality inspectors and animal welfare officers in "
            "the livestock sector."
        ),
        "entry_requirements": (
            "A bachelor's degree in veterinary medicine, animal science or a related field, or "
            "equivalent work experience in livestock farming."
        ),
        "language": "en",
        "format": "campus",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Welfare assessment carried out on a farm and a written feedback report, assessed by a "
            "lecturer."
        ),
        "awards_microcredential": True,
        "price": 1195,
        "quality_assurance": (
            "Accredited by the faculty's Board of Examiners under the university's quality "
            "assurance system; part of the national microcredentials pilot."
        ),
        "session_count": 4,
    },
    {
        "title": "Verantwoord antibioticagebruik in de dierenartsenpraktijk",
        "slug": "verantwoord-antibioticagebruik-dierenartsenpraktijk",
        "faculty": "veterinary-medicine",
        "themes": [
            "health-care",
        ],
        "partners": [],
        "summary": (
            "Actualiseer je kennis over antibioticabeleid, formularia en resistentie, en verbeter "
            "het voorschrijven in je eigen praktijk."
        ),
        "description": (
            "Het antibioticagebruik in de Nederlandse veehouderij is flink gedaald, maar in de "
            "gezelschapsdierenpraktijk en bij specifieke diersoorten zijn nog stappen te zetten. "
            "In deze korte online module krijg je een actueel overzicht van de regelgeving, de "
            "formularia van de KNMvD en de laatste inzichten over resistentie.\n\n"
            "De drie livebijeenkomsten worden gegeven door dierenartsen-microbiologen en "
            "farmacologen van de faculteit. Je bespreekt casussen uit de praktijk van "
            "deelnemers.\n\n"
            "Je analyseert het voorschrijfgedrag in je eigen praktijk over de afgelopen periode en "
            "stelt een verbeterplan op."
        ),
        "learning_outcomes": [
            ("Je past de actuele regelgeving en formularia voor antibiotica toe"),
            ("Je kiest een antibioticum op basis van diagnose, gevoeligheid en richtlijnen"),
            ("Je analyseert het voorschrijfgedrag in je eigen praktijk"),
            ("Je stelt een verbeterplan op voor verantwoord antibioticagebruik"),
        ],
        "target_audience": ("Dierenartsen in de landbouwhuisdieren- en gezelschapsdierenpraktijk."),
        "entry_requirements": (
            "Een afgeronde opleiding diergeneeskunde en werkzaam als dierenarts."
        ),
        "language": "nl",
        "format": "online",
        "study_load_hours": 28,
        "ects": "1.0",
        "level": 7,
        "assessment": (
            "Analyse van het voorschrijfgedrag in je eigen praktijk met een verbeterplan, "
            "beoordeeld door een docent."
        ),
        "awards_microcredential": True,
        "price": 495,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit en erkend voor "
            "nascholingspunten in het Centraal Kwaliteitsregister Dierenartsen."
        ),
        "session_count": 3,
    },
    {
        "title": "Praktijkmanagement voor dierenartsen",
        "slug": "praktijkmanagement-voor-dierenartsen",
        "faculty": "veterinary-medicine",
        "themes": [
            "leadership-management",
            "finance-economics",
            "wellbeing-work",
        ],
        "partners": [],
        "summary": (
            "Leer je dierenartsenpraktijk financieel gezond en met een tevreden team te leiden, "
            "van tarieven en planning tot personeelsbeleid."
        ),
        "description": (
            "Veel dierenartsen worden praktijkeigenaar of teamleider zonder opleiding in "
            "management. In deze module leer je de basis van bedrijfsvoering: financiële "
            "kengetallen, tariefbeleid, planning en de inzet van paraveterinairen. Daarnaast gaat "
            "het over leidinggeven, werkdruk en het behoud van personeel, in een sector met grote "
            "tekorten.\n\n"
            "De eerste en laatste bijeenkomst zijn op de campus, de twee bijeenkomsten daartussen "
            "online. Je krijgt les van docenten van de faculteit en van ervaren praktijkeigenaren "
            "en een bedrijfseconoom.\n\n"
            "Je analyseert de cijfers en de organisatie van je eigen praktijk en schrijft een "
            "ondernemingsplan voor de komende twee jaar."
        ),
        "learning_outcomes": [
            ("Je analyseert de financiële positie van een praktijk met kengetallen"),
            "Je stelt een onderbouwd tarief- en dienstenbeleid op",
            ("Je organiseert planning en taakverdeling in een praktijkteam"),
            ("Je voert het gesprek over werkdruk en ontwikkeling met medewerkers"),
            ("Je schrijft een ondernemingsplan voor je eigen praktijk"),
        ],
        "target_audience": (
            "Dierenartsen die eigenaar, mede-eigenaar of teamleider van een praktijk zijn of dat "
            "willen worden."
        ),
        "entry_requirements": (
            "Een afgeronde opleiding diergeneeskunde en minimaal drie jaar werkervaring in de "
            "praktijk."
        ),
        "language": "nl",
        "format": "blended",
        "study_load_hours": 56,
        "ects": "2.0",
        "level": 6,
        "assessment": (
            "Ondernemingsplan voor je eigen praktijk, besproken in een eindgesprek met twee "
            "docenten."
        ),
        "awards_microcredential": True,
        "price": 1295,
        "quality_assurance": (
            "Geaccrediteerd door de examencommissie van de faculteit binnen het "
            "kwaliteitszorgsysteem van de universiteit; onderdeel van de landelijke pilot "
            "microcredentials."
        ),
        "session_count": 4,
    },
]
