"""Short stories written by the Newsroom team to measure the suggestion engine.

Each one names countries and leaders, with traps: Georgia the US state, Jordan
and Chad as first names, the bird turkey, Guinea in a street name, "us", a
trump card, the Canadian poutine. ``countries`` and ``leaders`` are everything
an editor would say the story names; ``subjects`` what they would tag it with.
Stories marked ``held_out`` were written after the engine was tuned on the
others and added once measured (all right on their first run).
"""

# Leaders the stories need beyond the demo ones (load_demo): name, country, aliases.
EXTRA_LEADERS = [
    ("Emmanuel Macron", "FR", "Macron"),
    ("Recep Tayyip Erdoğan", "TR", "Erdoğan\nErdogan\nRecep Tayyip Erdogan"),
    ("Volodymyr Zelensky", "UA", "Zelensky\nZelenski\nZelenskyy\nSelenskyj\nVolodímir Zelenski"),
    ("Olaf Scholz", "DE", "Scholz"),
    ("Pedro Sánchez", "ES", "Pedro Sanchez"),
    ("Abdullah II", "JO", "King Abdullah\nroi Abdallah II\nAbdallah II"),
    ("Mahamat Idriss Déby", "TD", "Mahamat Déby"),
    ("Irakli Kobakhidze", "GE", "Kobakhidze\nKobachidse\nIrakli Kobachidse"),
]

STORIES = [
    {
        "id": "fr-ankara",
        "language": "fr",
        "title": "Erdogan reçoit Zelensky à Ankara",
        "text": (
            "Le président turc Recep Tayyip Erdoğan a accueilli samedi Volodymyr Zelensky "
            "pour parler des exportations de céréales ukrainiennes par la mer Noire.\n\n"
            "Les deux dirigeants ont promis de se revoir avant l’été. Interrogé sur la "
            "position de Moscou, le chef de l’État ukrainien a répondu qu’il attendait "
            "« des actes ».\n\n"
            "Au dîner, servi au palais présidentiel, figurait une dinde aux marrons."
        ),
        "countries": {"TR", "UA", "RU"},
        "leaders": {"recep-tayyip-erdogan", "volodymyr-zelensky"},
        "subjects": {"TR", "UA", "recep-tayyip-erdogan", "volodymyr-zelensky"},
    },
    {
        "id": "fr-rue-de-guinee",
        "language": "fr",
        "title": "Incendie dans un immeuble de la rue de Guinée",
        "text": (
            "Un incendie s’est déclaré dans la nuit de mardi à mercredi au troisième étage "
            "d’un immeuble de la rue de Guinée, sans faire de blessé.\n\n"
            "Le feu serait parti de la cuisine d’un restaurant de poutine, selon les pompiers, "
            "qui ont utilisé une grande échelle de fabrication japonaise."
        ),
        "countries": {"JP"},
        "leaders": set(),
        "subjects": set(),
    },
    {
        "id": "fr-tbilissi",
        "language": "fr",
        "title": "En Géorgie, l’opposition défie le gouvernement",
        "text": (
            "Des milliers de Géorgiens ont de nouveau manifesté dimanche soir devant le "
            "Parlement, à Tbilissi, pour réclamer la démission du Premier ministre "
            "Irakli Kobakhidze.\n\n"
            "Les manifestants reprochent au parti au pouvoir de rapprocher le pays de la "
            "Russie. Kobakhidze a dénoncé « une tentative de révolution » financée de "
            "l’étranger."
        ),
        "countries": {"GE", "RU"},
        "leaders": {"irakli-kobakhidze"},
        "subjects": {"GE", "irakli-kobakhidze"},
    },
    {
        "id": "fr-atlanta",
        "language": "fr",
        "title": "Emmanuel Macron en visite à Atlanta",
        "text": (
            "Le président français Emmanuel Macron est arrivé jeudi aux États-Unis pour une "
            "visite consacrée à l’industrie aéronautique.\n\n"
            "À Atlanta, dans l’État de Géorgie, il a rencontré le gouverneur, puis des "
            "étudiants. Maurice Lévy faisait partie de la délégation. Son discours, traduit "
            "en russe pour une chaîne locale, a surtout porté sur l’emploi."
        ),
        "countries": {"FR", "US"},
        "leaders": {"emmanuel-macron"},
        "subjects": {"FR", "US", "emmanuel-macron"},
    },
    {
        "id": "en-thanksgiving",
        "language": "en",
        "title": "Turkey prices soar before Thanksgiving",
        "text": (
            "Americans will pay about a fifth more for their Thanksgiving turkey this year, "
            "an industry group said on Wednesday.\n\n"
            "Farmers in Georgia and North Carolina blame the price of feed. “Give us a good "
            "harvest and prices will fall,” said one grower, who also raises a few wild "
            "turkeys."
        ),
        "countries": {"US"},
        "leaders": set(),
        "subjects": {"US"},
    },
    {
        "id": "en-white-house",
        "language": "en",
        "title": "Jordan's king meets Trump at the White House",
        "text": (
            "King Abdullah II of Jordan met Donald Trump at the White House on Monday for talks "
            "on the war in the Middle East.\n\n"
            "The king told Trump that Jordan could not take in more refugees, according to a "
            "statement from Amman. Egyptian officials are expected in Washington next week."
        ),
        "countries": {"JO", "US", "EG"},
        "leaders": {"abdullah-ii", "donald-trump"},
        "subjects": {"JO", "US", "abdullah-ii", "donald-trump"},
    },
    {
        "id": "en-ajax",
        "language": "en",
        "title": "Jordan Henderson joins Ajax",
        "text": (
            "Former Liverpool captain Jordan Henderson has signed a two-year contract with "
            "Ajax, the Dutch club said on Friday.\n\n"
            "Henderson, 33, will wear the number 6 shirt. His agent, Chad Walker, said the "
            "move had been agreed in a single afternoon."
        ),
        "countries": {"NL"},
        "leaders": set(),
        "subjects": set(),
    },
    {
        "id": "en-conakry",
        "language": "en",
        "title": "Guinea's junta sets a date for the presidential election",
        "text": (
            "Guinea's military government said on Tuesday that a presidential election will "
            "be held in December, state television in Conakry reported.\n\n"
            "The West African country has been ruled by the army since 2021, like its "
            "neighbour Mali. Opposition leaders see the timetable as the junta's trump card: "
            "“They want us to wait,” one of them said."
        ),
        "countries": {"GN", "ML"},
        "leaders": set(),
        "subjects": {"GN"},
    },
    {
        "id": "es-moncloa",
        "language": "es",
        "title": "Pedro Sánchez recibe a Zelenski en la Moncloa",
        "text": (
            "El presidente del Gobierno, Pedro Sánchez, recibió este martes al presidente "
            "ucraniano, Volodímir Zelenski, y le prometió más ayuda militar.\n\n"
            "Ambos dirigentes hablaron durante una hora de la invasión rusa y de la "
            "reconstrucción del país. Zelenski viajará después a Lisboa."
        ),
        "countries": {"ES", "UA", "RU", "PT"},
        "leaders": {"pedro-sanchez", "volodymyr-zelensky"},
        "subjects": {"ES", "UA", "pedro-sanchez", "volodymyr-zelensky"},
    },
    {
        "id": "es-yamena",
        "language": "es",
        "title": "Chad cierra su frontera con Níger",
        "text": (
            "El Gobierno de Chad anunció el domingo el cierre de su frontera con Níger tras "
            "un ataque contra un puesto militar, informó la radio pública en Yamena.\n\n"
            "El presidente Mahamat Idriss Déby pidió calma. En Los Ángeles, el actor Chad "
            "Michael Murray presentaba esa misma noche su nueva película."
        ),
        "countries": {"TD", "NE"},
        "leaders": {"mahamat-idriss-deby"},
        "subjects": {"TD", "NE", "mahamat-idriss-deby"},
    },
    {
        "id": "es-atlanta",
        "language": "es",
        "title": "Los mexicanos de Atlanta votan desde el consulado",
        "text": (
            "Miles de mexicanos que viven en el estado de Georgia hicieron cola este domingo "
            "ante el consulado de Atlanta para votar en las elecciones de su país.\n\n"
            "El gobernador de Georgia visitó la fila por la tarde. En todo Estados Unidos, "
            "más de cien mil personas votaron desde el extranjero."
        ),
        "countries": {"MX", "US"},
        "leaders": set(),
        "subjects": {"MX", "US"},
    },
    {
        "id": "es-xi-madrid",
        "language": "es",
        "title": "Xi Jinping llega a Madrid",
        "text": (
            "El presidente chino, Xi Jinping, llegó el miércoles a Madrid para una visita de "
            "Estado de tres días.\n\n"
            "Pedro Sánchez quiere reducir el déficit comercial con Pekín. Las empresas "
            "españolas esperan nuevos contratos."
        ),
        "countries": {"CN", "ES"},
        "leaders": {"xi-jinping", "pedro-sanchez"},
        "subjects": {"CN", "ES", "xi-jinping"},
    },
    {
        "id": "de-peking",
        "language": "de",
        "title": "Scholz reist nach Peking",
        "text": (
            "Bundeskanzler Olaf Scholz ist am Sonntag zu einem dreitägigen Besuch in China "
            "eingetroffen. Begleitet wird er von Vertretern der deutschen Wirtschaft.\n\n"
            "Bei seinem Treffen mit Xi Jinping will Scholz auch über Russlands Krieg gegen die "
            "Ukraine sprechen."
        ),
        "countries": {"CN", "DE", "RU", "UA"},
        "leaders": {"olaf-scholz", "xi-jinping"},
        "subjects": {"CN", "DE", "olaf-scholz", "xi-jinping"},
    },
    {
        "id": "de-stockholm",
        "language": "de",
        "title": "Erdoğan stellt Bedingungen",
        "text": (
            "Der türkische Präsident Recep Tayyip Erdoğan hat neue Bedingungen für seine "
            "Zustimmung gestellt.\n\n"
            "Schweden müsse härter gegen Extremisten vorgehen, sagte Erdoğan in Ankara. In "
            "Stockholm reagierte man zurückhaltend."
        ),
        "countries": {"TR", "SE"},
        "leaders": {"recep-tayyip-erdogan"},
        "subjects": {"TR", "SE", "recep-tayyip-erdogan"},
    },
    {
        "id": "de-pjoengjang",
        "language": "de",
        "title": "Nordkorea feuert erneut eine Rakete ab",
        "text": (
            "Nordkorea hat nach Angaben Südkoreas erneut eine ballistische Rakete abgefeuert. "
            "Machthaber Kim Jong-un habe den Start persönlich überwacht, meldeten Staatsmedien "
            "in Pjöngjang.\n\n"
            "Japans Regierung sprach von einer Provokation. Die Vereinigten Staaten verurteilten "
            "den Test."
        ),
        "countries": {"KP", "KR", "JP", "US"},
        "leaders": {"kim-jong-un"},
        "subjects": {"KP", "kim-jong-un"},
    },
    {
        "id": "de-tiflis",
        "language": "de",
        "title": "Proteste in Georgien",
        "text": (
            "In der georgischen Hauptstadt Tiflis sind erneut Tausende gegen die Regierung von "
            "Ministerpräsident Irakli Kobachidse auf die Straße gegangen.\n\n"
            "Die Demonstranten werfen ihm eine Annäherung an Russland vor. Nicht zu verwechseln "
            "mit dem US-Bundesstaat Georgia, der in dieser Woche ebenfalls Schlagzeilen machte."
        ),
        "countries": {"GE", "RU", "US"},
        "leaders": {"irakli-kobakhidze"},
        "subjects": {"GE", "irakli-kobakhidze"},
    },
    {
        "id": "fr-blinken",
        "language": "fr",
        "title": "Blinken attendu à Pékin",
        "text": (
            "Le chef de la diplomatie américaine Antony Blinken est attendu lundi à Pékin, a "
            "annoncé le département d'État.\n\n"
            "Washington veut apaiser les tensions autour de Taïwan. Le ministre chinois des "
            "Affaires étrangères recevra son homologue dans la soirée."
        ),
        "countries": {"CN", "TW", "US"},
        "leaders": set(),
        "subjects": {"CN", "US"},
        "held_out": True,
    },
    {
        "id": "fr-le-caire",
        "language": "fr",
        "title": "Le roi de Jordanie au Caire",
        "text": (
            "Le roi Abdallah II a été reçu dimanche au Caire par le président égyptien, pour "
            "évoquer la situation humanitaire.\n\n"
            "La Jordanie et l'Égypte appellent à un cessez-le-feu. Les deux pays accueillent "
            "déjà de nombreux réfugiés syriens."
        ),
        "countries": {"EG", "JO", "SY"},
        "leaders": {"abdullah-ii"},
        "subjects": {"EG", "JO", "abdullah-ii"},
        "held_out": True,
    },
    {
        "id": "en-g20",
        "language": "en",
        "title": "Lula hosts G20 leaders in Rio",
        "text": (
            "Brazil's president opened the G20 summit in Rio de Janeiro on Monday, calling for "
            "a global tax on billionaires.\n\n"
            "Chinese President Xi Jinping and Argentina's president were among the guests. The "
            "French and German delegations arrived late."
        ),
        "countries": {"AR", "BR", "CN", "DE", "FR"},
        "leaders": {"xi-jinping"},
        "subjects": {"BR"},
        "held_out": True,
    },
    {
        "id": "en-georgia-tech",
        "language": "en",
        "title": "Georgia Tech edges Clemson",
        "text": (
            "Jordan Walsh scored twice as Georgia Tech beat Clemson 24-21 on Saturday, a week "
            "after losing to the Georgia Bulldogs.\n\n"
            "Coach Chad Morris praised his defence. Guinea-Bissau's ambassador, a fan of "
            "American football, watched from the stands."
        ),
        "countries": {"GW", "US"},
        "leaders": set(),
        "subjects": set(),
        "held_out": True,
    },
    {
        "id": "es-israel-iran",
        "language": "es",
        "title": "Israel e Irán elevan la tensión",
        "text": (
            "El primer ministro de Israel advirtió este jueves a Irán de que responderá a "
            "cualquier ataque.\n\n"
            "Estados Unidos pidió contención a ambas partes, mientras Teherán negó haber "
            "enviado drones."
        ),
        "countries": {"IL", "IR", "US"},
        "leaders": set(),
        "subjects": {"IL", "IR"},
        "held_out": True,
    },
    {
        "id": "es-rabat",
        "language": "es",
        "title": "Marruecos y Argelia, sin embajadores",
        "text": (
            "Marruecos y Argelia siguen sin relaciones diplomáticas tres años después de la "
            "ruptura, según fuentes de Rabat.\n\n"
            "Francia intenta mediar. El presidente Pedro Sánchez visitará Argel en primavera."
        ),
        "countries": {"DZ", "FR", "MA"},
        "leaders": {"pedro-sanchez"},
        "subjects": {"DZ", "MA"},
        "held_out": True,
    },
    {
        "id": "de-berlin",
        "language": "de",
        "title": "Selenskyj in Berlin",
        "text": (
            "Der ukrainische Präsident Selenskyj ist am Freitag in Berlin von Bundeskanzler "
            "Olaf Scholz empfangen worden.\n\n"
            "Thema war die Abwehr des russischen Angriffs. Auch Polen sagte weitere Hilfe zu."
        ),
        "countries": {"DE", "PL", "RU", "UA"},
        "leaders": {"olaf-scholz", "volodymyr-zelensky"},
        "subjects": {"DE", "UA", "olaf-scholz", "volodymyr-zelensky"},
        "held_out": True,
    },
    {
        "id": "de-aegaeis",
        "language": "de",
        "title": "Streit in der Ägäis",
        "text": (
            "Die Türkei und Griechenland streiten erneut über Hoheitsrechte in der Ägäis.\n\n"
            "Athen warf Ankara Provokationen vor. Präsident Erdogan wies die Vorwürfe zurück."
        ),
        "countries": {"GR", "TR"},
        "leaders": {"recep-tayyip-erdogan"},
        "subjects": {"GR", "TR"},
        "held_out": True,
    },
]
