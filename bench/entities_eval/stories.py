"""Evaluation stories written by the Newsroom team (never copied from published copy).

Shaped like agency and newspaper copy about summits, visits and elections, twelve
per language. ``countries`` and ``leaders`` are everything the story names (leaders
by slug); ``subject_countries`` and ``subject_leaders`` are what an editor would tag
it with. Leaders are the ones of articles/suggest/data/leaders.json. Stories marked
``held_out`` were written after the subject rules were changed on the others, and
added as they scored on their first run; ``held_out: "second batch"`` after the rules of
issue 13 (titles, subjects, word senses). Stories are dated 2026-11-20 unless they say.
"""

STORIES = [
    # ---------------------------------------------------------------- French
    {
        "id": "fr-defense-europe",
        "language": "fr",
        "title": "Macron et Merz veulent une industrie de défense commune",
        "text": (
            "Le président français Emmanuel Macron et le chancelier allemand Friedrich Merz ont "
            "présenté mardi à Berlin un plan commun pour les munitions et les drones.\n\n"
            "Les deux dirigeants comptent associer la Pologne et l’Italie avant le prochain "
            "Conseil européen. À Varsovie, le Premier ministre Donald Tusk a salué « un pas dans "
            "la bonne direction »."
        ),
        "countries": {"FR", "DE", "PL", "IT"},
        "leaders": {"emmanuel-macron", "friedrich-merz", "donald-tusk"},
        "subject_countries": {"FR", "DE"},
        "subject_leaders": {"emmanuel-macron", "friedrich-merz"},
    },
    {
        "id": "fr-lula-afrique",
        "language": "fr",
        "title": "Lula en tournée en Afrique de l’Ouest",
        "text": (
            "Le président brésilien Luiz Inácio Lula da Silva est arrivé jeudi à Dakar, première "
            "étape d’une tournée qui le mènera aussi au Ghana et au Nigeria.\n\n"
            "Reçu par Bassirou Diomaye Faye, il a signé des accords sur l’agriculture tropicale. "
            "Le chef de l’État sénégalais a plaidé pour des vols directs vers São Paulo."
        ),
        "countries": {"BR", "SN", "GH", "NG"},
        "leaders": {"luiz-inacio-lula-da-silva", "bassirou-diomaye-faye"},
        "subject_countries": {"BR", "SN"},
        "subject_leaders": {"luiz-inacio-lula-da-silva", "bassirou-diomaye-faye"},
    },
    {
        "id": "fr-tchad-soudan",
        "language": "fr",
        "title": "Afflux de réfugiés soudanais dans l’est du Tchad",
        "text": (
            "Plus de dix mille réfugiés soudanais ont franchi la frontière tchadienne en une "
            "semaine, selon le Haut-Commissariat des Nations unies.\n\n"
            "Le président Mahamat Idriss Déby s’est rendu à Adré, où il a demandé une aide "
            "d’urgence. Déby a aussi appelé l’Égypte et l’Arabie saoudite à peser sur les "
            "belligérants."
        ),
        "countries": {"SD", "TD", "EG", "SA"},
        "leaders": {"mahamat-idriss-deby"},
        "subject_countries": {"SD", "TD"},
        "subject_leaders": {"mahamat-idriss-deby"},
    },
    {
        "id": "fr-vatican-liban",
        "language": "fr",
        "title": "Le pape Léon XIV attendu à Beyrouth",
        "text": (
            "Le pape Léon XIV se rendra au Liban au printemps, a annoncé le Vatican lundi. Le "
            "souverain pontife rencontrera le président Joseph Aoun et le Premier ministre Nawaf "
            "Salam.\n\n"
            "Ce sera son deuxième voyage hors d’Italie depuis son élection."
        ),
        "countries": {"VA", "LB", "IT"},
        "leaders": {"leo-xiv", "joseph-aoun", "nawaf-salam"},
        "subject_countries": {"VA", "LB"},
        "subject_leaders": {"leo-xiv"},
    },
    {
        "id": "fr-otan-rutte",
        "language": "fr",
        "title": "L’OTAN presse ses membres d’augmenter leurs budgets",
        "text": (
            "Le secrétaire général de l’OTAN, Mark Rutte, a exhorté mercredi les alliés à tenir "
            "leurs promesses de dépenses militaires. « La menace russe ne faiblit pas », a-t-il "
            "déclaré à Bruxelles.\n\n"
            "L’Espagne et la Belgique restent loin de l’objectif, selon un rapport interne."
        ),
        "countries": {"RU", "BE", "ES"},
        "leaders": {"mark-rutte"},
        "subject_countries": set(),
        "subject_leaders": {"mark-rutte"},
    },
    {
        "id": "fr-algerie-maroc",
        "language": "fr",
        "title": "Tebboune ferme la porte à une médiation avec Rabat",
        "text": (
            "Le président algérien Abdelmadjid Tebboune a rejeté dimanche toute médiation avec le "
            "Maroc, dans un entretien à la télévision publique.\n\n"
            "Il a en revanche salué le rôle de la Mauritanie dans la sécurité du Sahel et annoncé "
            "une visite à Nouakchott."
        ),
        "countries": {"DZ", "MA", "MR"},
        "leaders": {"abdelmadjid-tebboune"},
        "subject_countries": {"DZ", "MA"},
        "subject_leaders": {"abdelmadjid-tebboune"},
    },
    {
        "id": "fr-japon-coree",
        "language": "fr",
        "title": "Tokyo et Séoul relancent leur dialogue de sécurité",
        "text": (
            "La Première ministre japonaise Sanae Takaichi et le président sud-coréen Lee "
            "Jae-myung se sont entretenus samedi en marge d’un sommet régional.\n\n"
            "Ils ont évoqué les tirs de missiles nord-coréens et la coopération avec les "
            "États-Unis. Pékin n’a pas réagi."
        ),
        "countries": {"JP", "KR", "KP", "US", "CN"},
        "leaders": {"sanae-takaichi", "lee-jae-myung"},
        "subject_countries": {"JP", "KR"},
        "subject_leaders": {"sanae-takaichi", "lee-jae-myung"},
    },
    {
        "id": "fr-rdc-rwanda",
        "language": "fr",
        "title": "Kinshasa et Kigali signent un cessez-le-feu à Doha",
        "text": (
            "Les présidents Félix Tshisekedi et Paul Kagame ont assisté vendredi à la signature "
            "d’un accord de cessez-le-feu dans l’est de la RDC, sous l’égide du Qatar.\n\n"
            "L’Union africaine a salué « une étape », tandis que l’Ouganda a promis de retirer "
            "ses troupes des zones frontalières."
        ),
        "countries": {"CD", "RW", "QA", "UG"},
        "leaders": {"felix-tshisekedi", "paul-kagame"},
        "subject_countries": {"CD", "RW"},
        "subject_leaders": {"felix-tshisekedi", "paul-kagame"},
    },
    {
        "id": "fr-hongrie-magyar",
        "language": "fr",
        "title": "Péter Magyar reçu à Bruxelles par Ursula von der Leyen",
        "text": (
            "Le nouveau Premier ministre hongrois, Péter Magyar, a rencontré jeudi la présidente "
            "de la Commission européenne, Ursula von der Leyen, pour débloquer les fonds "
            "gelés sous son prédécesseur Viktor Orbán.\n\n"
            "Budapest espère recevoir une première tranche avant l’été."
        ),
        "countries": {"HU"},
        "leaders": {"peter-magyar", "ursula-von-der-leyen", "viktor-orban"},
        "subject_countries": {"HU"},
        "subject_leaders": {"peter-magyar", "ursula-von-der-leyen"},
    },
    {
        "id": "fr-sahel",
        "language": "fr",
        "title": "Les juntes du Sahel se dotent d’une force commune",
        "text": (
            "Les chefs d’État du Mali, du Burkina Faso et du Niger, Assimi Goïta, Ibrahim Traoré "
            "et Abdourahamane Tiani, ont lancé à Niamey une force unifiée de cinq mille hommes.\n\n"
            "Washington n’est plus la seule capitale à suivre de près la région : la Russie y a "
            "déployé des instructeurs."
        ),
        "countries": {"ML", "BF", "NE", "US", "RU"},
        "leaders": {"assimi-goita", "ibrahim-traore", "abdourahamane-tiani"},
        "subject_countries": {"ML", "BF", "NE"},
        "subject_leaders": {"assimi-goita", "ibrahim-traore", "abdourahamane-tiani"},
    },
    {
        "id": "fr-canada-france",
        "language": "fr",
        "title": "Mark Carney en visite officielle à Paris",
        "text": (
            "Le Premier ministre canadien Mark Carney a été reçu à l’Élysée lundi. Les deux pays "
            "veulent accélérer la ratification de l’accord commercial entre l’Union européenne "
            "et le Canada.\n\n"
            "M. Carney se rendra ensuite à Londres puis à Dublin."
        ),
        "countries": {"CA", "FR", "GB", "IE"},
        "leaders": {"mark-carney"},
        "subject_countries": {"CA", "FR"},
        "subject_leaders": {"mark-carney"},
    },
    {
        "id": "fr-iran-israel",
        "language": "fr",
        "title": "Téhéran accuse Israël après une explosion près d’Ispahan",
        "text": (
            "Le président iranien Massoud Pezechkian a accusé Israël d’être derrière l’explosion "
            "survenue dans la nuit près d’un site militaire. Le bureau de Benyamin Netanyahou "
            "n’a pas commenté.\n\n"
            "Oman a proposé d’accueillir des discussions indirectes."
        ),
        "countries": {"IR", "IL", "OM"},
        "leaders": {"masoud-pezeshkian", "benjamin-netanyahu"},
        "subject_countries": {"IR", "IL"},
        "subject_leaders": {"masoud-pezeshkian"},
    },
    # ---------------------------------------------------------------- English
    {
        "id": "en-modi-trump",
        "language": "en",
        "title": "Modi and Trump agree to cut tariffs on farm goods",
        "text": (
            "Indian Prime Minister Narendra Modi and US President Donald Trump announced a "
            "partial trade deal on Friday after talks at the White House.\n\n"
            "New Delhi will lower duties on American almonds and apples, while Washington "
            "suspends a levy on Indian steel. China was not mentioned in the joint statement."
        ),
        "countries": {"IN", "US", "CN"},
        "leaders": {"narendra-modi", "donald-trump"},
        "subject_countries": {"IN", "US"},
        "subject_leaders": {"narendra-modi", "donald-trump"},
    },
    {
        "id": "en-erdogan-ukraine",
        "language": "en",
        "title": "Erdogan offers to host new round of Ukraine talks",
        "text": (
            "Turkish President Recep Tayyip Erdogan said on Tuesday he was ready to host Russian "
            "and Ukrainian negotiators in Istanbul again.\n\n"
            "Speaking after a call with Volodymyr Zelensky, Erdogan said a ceasefire at sea "
            "could come first. The Kremlin said it would study the offer."
        ),
        "countries": {"TR", "RU", "UA"},
        "leaders": {"recep-tayyip-erdogan", "volodymyr-zelensky"},
        "subject_countries": {"TR", "UA", "RU"},
        "subject_leaders": {"recep-tayyip-erdogan", "volodymyr-zelensky"},
    },
    {
        "id": "en-burnham-eu",
        "language": "en",
        "title": "Burnham seeks closer trade ties with the EU",
        "text": (
            "Britain's new prime minister, Andy Burnham, told business leaders in Manchester he "
            "wanted a veterinary agreement with the European Union within a year.\n\n"
            "He praised the work of his predecessor Keir Starmer on security, and said he would "
            "travel to Dublin and Paris before the summer."
        ),
        "countries": {"GB", "IE", "FR"},
        "leaders": {"andy-burnham", "keir-starmer"},
        "subject_countries": {"GB"},
        "subject_leaders": {"andy-burnham"},
    },
    {
        "id": "en-ramaphosa-g20",
        "language": "en",
        "title": "Ramaphosa hands G20 presidency to Washington",
        "text": (
            "South African President Cyril Ramaphosa formally passed the rotating G20 presidency "
            "to the United States at a low-key ceremony in Pretoria.\n\n"
            "Kenya's William Ruto and Nigeria's Bola Tinubu attended as guests. Brazil, which "
            "held the presidency before South Africa, sent its foreign minister."
        ),
        "countries": {"ZA", "US", "KE", "NG", "BR"},
        "leaders": {"cyril-ramaphosa", "william-ruto", "bola-tinubu"},
        "subject_countries": {"ZA", "US"},
        "subject_leaders": {"cyril-ramaphosa"},
    },
    {
        "id": "en-australia-png",
        "language": "en",
        "title": "Albanese signs defence treaty with Papua New Guinea",
        "text": (
            "Australian Prime Minister Anthony Albanese and his Papua New Guinean counterpart "
            "James Marape signed a mutual defence treaty in Port Moresby on Monday.\n\n"
            "The pact lets citizens of Papua New Guinea serve in the Australian military. "
            "Beijing has courted Pacific island states with policing deals."
        ),
        "countries": {"AU", "PG", "CN"},
        "leaders": {"anthony-albanese", "james-marape"},
        "subject_countries": {"AU", "PG"},
        "subject_leaders": {"anthony-albanese", "james-marape"},
    },
    {
        "id": "en-bangladesh-rahman",
        "language": "en",
        "title": "Bangladesh's Tarique Rahman visits Beijing",
        "text": (
            "Bangladeshi Prime Minister Tarique Rahman met Chinese President Xi Jinping in "
            "Beijing, his first trip abroad since taking office in February.\n\n"
            "Dhaka wants Chinese loans for a new river port. India is watching closely, "
            "analysts said."
        ),
        "countries": {"BD", "CN", "IN"},
        "leaders": {"tarique-rahman", "xi-jinping"},
        "subject_countries": {"BD", "CN"},
        "subject_leaders": {"tarique-rahman", "xi-jinping"},
    },
    {
        "id": "en-georgia-peaches",
        "language": "en",
        "title": "Late frost hits Georgia peach growers",
        "text": (
            "A late frost destroyed up to half of the peach crop in central Georgia, growers "
            "said on Wednesday.\n\n"
            "Farmers in Macon asked Washington for disaster relief. Imports from Chile and "
            "Mexico are expected to fill the shelves."
        ),
        "countries": {"CL", "MX", "US"},
        "leaders": set(),
        "subject_countries": {"US"},
        "subject_leaders": set(),
    },
    {
        "id": "en-guterres-sudan",
        "language": "en",
        "title": "Guterres warns of famine in Sudan's Darfur",
        "text": (
            "UN Secretary-General Antonio Guterres warned that famine was spreading in Darfur "
            "and urged the warring Sudanese factions to open aid corridors from Chad.\n\n"
            "The United Arab Emirates and Egypt were asked to use their influence."
        ),
        "countries": {"SD", "TD", "AE", "EG"},
        "leaders": {"antonio-guterres"},
        "subject_countries": {"SD"},
        "subject_leaders": {"antonio-guterres"},
    },
    {
        "id": "en-indonesia-prabowo",
        "language": "en",
        "title": "Prabowo courts Gulf investors for new capital",
        "text": (
            "Indonesian President Prabowo Subianto opened an investment forum in Abu Dhabi on "
            "Sunday, seeking money for the new capital, Nusantara.\n\n"
            "He later met Mohamed bin Zayed. Saudi and Qatari funds also sent delegations."
        ),
        "countries": {"ID", "AE", "SA", "QA"},
        "leaders": {"prabowo-subianto", "mohamed-bin-zayed-al-nahyan"},
        "subject_countries": {"ID", "AE"},
        "subject_leaders": {"prabowo-subianto"},
    },
    {
        "id": "en-syria-sharaa",
        "language": "en",
        "title": "Syria's Sharaa meets Saudi crown prince in Riyadh",
        "text": (
            "Syrian President Ahmed al-Sharaa held talks with Crown Prince Mohammed bin Salman "
            "in Riyadh on reconstruction funding.\n\n"
            "Jordan and Lebanon are pressing for the return of refugees. Turkey, a key backer "
            "of the new authorities in Damascus, sent an envoy."
        ),
        "countries": {"SY", "SA", "JO", "LB", "TR"},
        "leaders": {"ahmed-al-sharaa", "mohammed-bin-salman"},
        "subject_countries": {"SY", "SA"},
        "subject_leaders": {"ahmed-al-sharaa", "mohammed-bin-salman"},
    },
    {
        "id": "en-canada-carney-tariffs",
        "language": "en",
        "title": "Carney and Sheinbaum vow to defend North American trade pact",
        "text": (
            "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum said on "
            "Thursday they would present a united front in the review of their trade agreement "
            "with the United States.\n\n"
            "The two leaders met in Mexico City. Carney also announced new flights to Monterrey."
        ),
        "countries": {"CA", "MX", "US"},
        "leaders": {"mark-carney", "claudia-sheinbaum"},
        "subject_countries": {"CA", "MX"},
        "subject_leaders": {"mark-carney", "claudia-sheinbaum"},
    },
    # ---------------------------------------------------------------- Spanish
    {
        "id": "es-milei-lula",
        "language": "es",
        "title": "Milei y Lula se reúnen por primera vez en Brasilia",
        "text": (
            "El presidente argentino Javier Milei y su homólogo brasileño, Luiz Inácio Lula da "
            "Silva, se reunieron este lunes en Brasilia tras meses de tensiones.\n\n"
            "Ambos mandatarios hablaron del Mercosur y del acuerdo con la Unión Europea. "
            "Uruguay y Paraguay enviaron a sus cancilleres."
        ),
        "countries": {"AR", "BR", "UY", "PY"},
        "leaders": {"javier-milei", "luiz-inacio-lula-da-silva"},
        "subject_countries": {"AR", "BR"},
        "subject_leaders": {"javier-milei", "luiz-inacio-lula-da-silva"},
    },
    {
        "id": "es-sanchez-china",
        "language": "es",
        "title": "Pedro Sánchez viaja a Pekín para hablar de coches eléctricos",
        "text": (
            "El presidente del Gobierno, Pedro Sánchez, llegó a Pekín para una visita de tres "
            "días centrada en la inversión china en fábricas de baterías en España.\n\n"
            "Sánchez se reunirá con Xi Jinping el jueves. Francia y Alemania siguen con recelo "
            "el acercamiento."
        ),
        "countries": {"ES", "CN", "FR", "DE"},
        "leaders": {"pedro-sanchez", "xi-jinping"},
        "subject_countries": {"ES", "CN"},
        "subject_leaders": {"pedro-sanchez", "xi-jinping"},
    },
    {
        "id": "es-venezuela-delcy",
        "language": "es",
        "title": "Delcy Rodríguez anuncia elecciones en Venezuela",
        "text": (
            "La presidenta encargada de Venezuela, Delcy Rodríguez, anunció que convocará "
            "elecciones generales antes de fin de año.\n\n"
            "Colombia y Brasil celebraron el anuncio. En Estados Unidos, la Casa Blanca pidió "
            "garantías para la oposición."
        ),
        "countries": {"VE", "CO", "BR", "US"},
        "leaders": {"delcy-rodriguez"},
        "subject_countries": {"VE"},
        "subject_leaders": {"delcy-rodriguez"},
    },
    {
        "id": "es-kast-chile",
        "language": "es",
        "title": "Kast endurece el control de la frontera norte de Chile",
        "text": (
            "El presidente chileno, José Antonio Kast, firmó un decreto que despliega militares "
            "en la frontera con Perú y Bolivia.\n\n"
            "El Gobierno de La Paz protestó por lo que llamó una medida unilateral. En Santiago, "
            "la oposición pidió un debate en el Congreso."
        ),
        "countries": {"CL", "PE", "BO"},
        "leaders": {"jose-antonio-kast"},
        "subject_countries": {"CL"},
        "subject_leaders": {"jose-antonio-kast"},
    },
    {
        "id": "es-sheinbaum-eeuu",
        "language": "es",
        "title": "Sheinbaum rechaza operaciones militares estadounidenses en México",
        "text": (
            "La presidenta de México, Claudia Sheinbaum, rechazó este martes cualquier operación "
            "militar de Estados Unidos en territorio mexicano.\n\n"
            "«No aceptaremos ninguna intervención», dijo en su conferencia matutina. Guatemala "
            "anunció que reforzará su propia frontera."
        ),
        "countries": {"MX", "US", "GT"},
        "leaders": {"claudia-sheinbaum"},
        "subject_countries": {"MX", "US"},
        "subject_leaders": {"claudia-sheinbaum"},
    },
    {
        "id": "es-papa-peru",
        "language": "es",
        "title": "El papa León XIV visitará Perú en noviembre",
        "text": (
            "El papa León XIV viajará a Perú, el país donde fue obispo durante años, confirmó el "
            "Vaticano.\n\n"
            "El pontífice visitará Lima y Chiclayo. Ecuador pidió que el viaje incluya una "
            "escala en Guayaquil."
        ),
        "countries": {"PE", "VA", "EC"},
        "leaders": {"leo-xiv"},
        "subject_countries": {"PE", "VA"},
        "subject_leaders": {"leo-xiv"},
    },
    {
        "id": "es-guinea-bissau",
        "language": "es",
        "title": "La junta de Guinea Bissau promete elecciones en 2027",
        "text": (
            "El general Horta N'Tam, que dirige la transición en Guinea Bissau, prometió "
            "elecciones para 2027 ante una delegación de la Cedeao.\n\n"
            "Senegal y Nigeria encabezaron la misión. Portugal pidió la liberación de los "
            "detenidos."
        ),
        "countries": {"GW", "SN", "NG", "PT"},
        "leaders": {"horta-ntam"},
        "subject_countries": {"GW"},
        "subject_leaders": {"horta-ntam"},
    },
    {
        "id": "es-meloni-migracion",
        "language": "es",
        "title": "Meloni y Sánchez chocan por la política migratoria",
        "text": (
            "La primera ministra italiana, Giorgia Meloni, y el presidente del Gobierno español, "
            "Pedro Sánchez, discreparon en Bruselas sobre los centros de acogida fuera de la "
            "UE.\n\n"
            "Meloni defendió su acuerdo con Albania. Grecia y Malta apoyaron a Roma."
        ),
        "countries": {"IT", "ES", "AL", "GR", "MT"},
        "leaders": {"giorgia-meloni", "pedro-sanchez"},
        "subject_countries": {"IT", "ES"},
        "subject_leaders": {"giorgia-meloni", "pedro-sanchez"},
    },
    {
        "id": "es-costa-consejo",
        "language": "es",
        "title": "António Costa convoca una cumbre extraordinaria sobre Ucrania",
        "text": (
            "El presidente del Consejo Europeo, António Costa, convocó una cumbre extraordinaria "
            "para el próximo jueves tras el ataque ruso contra Odesa.\n\n"
            "Volodímir Zelenski participará por videoconferencia, según fuentes diplomáticas."
        ),
        "countries": {"RU", "UA"},
        "leaders": {"antonio-costa", "volodymyr-zelensky"},
        "subject_countries": {"UA"},
        "subject_leaders": {"antonio-costa"},
    },
    {
        "id": "es-marruecos-espana",
        "language": "es",
        "title": "Mohamed VI recibe al rey Felipe VI en Rabat",
        "text": (
            "El rey Mohamed VI recibió este miércoles a Felipe VI en Rabat en la primera visita "
            "de Estado de un monarca español a Marruecos en quince años.\n\n"
            "Los dos jefes de Estado inauguraron una línea ferroviaria. Argelia no envió "
            "representante a la cena de gala."
        ),
        "countries": {"MA", "ES", "DZ"},
        "leaders": {"mohammed-vi", "felipe-vi"},
        "subject_countries": {"MA", "ES"},
        "subject_leaders": {"mohammed-vi", "felipe-vi"},
    },
    {
        "id": "es-mandatario-brasileno",
        "language": "es",
        "title": "Brasil y Colombia firman un pacto amazónico",
        "text": (
            "El mandatario brasileño y su homólogo colombiano firmaron en Leticia un acuerdo para "
            "vigilar la deforestación en la frontera común.\n\n"
            "Perú, que comparte la triple frontera, se sumará en enero."
        ),
        "countries": {"BR", "CO", "PE"},
        # By their titles: Lula, and Colombia's president (not in the knowledge base yet).
        "leaders": {"luiz-inacio-lula-da-silva"},
        "subject_countries": {"BR", "CO"},
        "subject_leaders": {"luiz-inacio-lula-da-silva"},
    },
    # ---------------------------------------------------------------- German
    {
        "id": "de-merz-macron",
        "language": "de",
        "title": "Merz und Macron einigen sich auf gemeinsamen Kampfjet",
        "text": (
            "Bundeskanzler Friedrich Merz und der französische Präsident Emmanuel Macron haben "
            "den Streit um das Kampfflugzeug der nächsten Generation beigelegt.\n\n"
            "Spanien bleibt Partner des Projekts. Die Entscheidung fiel bei einem Abendessen in "
            "Paris."
        ),
        "countries": {"DE", "FR", "ES"},
        "leaders": {"friedrich-merz", "emmanuel-macron"},
        "subject_countries": {"DE", "FR"},
        "subject_leaders": {"friedrich-merz", "emmanuel-macron"},
    },
    {
        "id": "de-steinmeier-afrika",
        "language": "de",
        "title": "Steinmeier reist nach Kenia und Tansania",
        "text": (
            "Bundespräsident Frank-Walter Steinmeier bricht am Sonntag zu einer Reise nach Kenia "
            "und Tansania auf.\n\n"
            "In Nairobi trifft er Präsident William Ruto, in Dodoma Präsidentin Samia Suluhu "
            "Hassan. Steinmeiers Reise soll auch die Aufarbeitung der Kolonialzeit betreffen."
        ),
        "countries": {"DE", "KE", "TZ"},
        "leaders": {"frank-walter-steinmeier", "william-ruto", "samia-suluhu-hassan"},
        "subject_countries": {"DE", "KE", "TZ"},
        "subject_leaders": {"frank-walter-steinmeier"},
    },
    {
        "id": "de-kreml-chef",
        "language": "de",
        "title": "Putin droht den baltischen Staaten",
        "text": (
            "Kremlchef Wladimir Putin hat Estland, Lettland und Litauen vor einer Stationierung "
            "weiterer Nato-Truppen gewarnt.\n\n"
            "Litauens Präsident Gitanas Nausėda sprach von Einschüchterung. Finnland "
            "verstärkte seine Grenzkontrollen."
        ),
        "countries": {"RU", "EE", "LV", "LT", "FI"},
        "leaders": {"vladimir-putin", "gitanas-nauseda"},
        "subject_countries": {"RU", "EE", "LV", "LT"},
        "subject_leaders": {"vladimir-putin"},
    },
    {
        "id": "de-schweiz-parmelin",
        "language": "de",
        "title": "Bundespräsident Parmelin empfängt Österreichs Kanzler",
        "text": (
            "Der Schweizer Bundespräsident Guy Parmelin hat in Bern den österreichischen "
            "Bundeskanzler Christian Stocker empfangen.\n\n"
            "Im Mittelpunkt standen der Alpentransit und Stromlieferungen. Italien soll in die "
            "Gespräche einbezogen werden."
        ),
        "countries": {"CH", "AT", "IT"},
        "leaders": {"guy-parmelin", "christian-stocker"},
        "subject_countries": {"CH", "AT"},
        "subject_leaders": {"guy-parmelin", "christian-stocker"},
    },
    {
        "id": "de-selenskyj-berlin",
        "language": "de",
        "title": "Selenskyj bittet in Berlin um mehr Luftabwehr",
        "text": (
            "Der ukrainische Präsident Wolodymyr Selenskyj hat bei einem Besuch in Berlin um "
            "weitere Patriot-Systeme gebeten.\n\n"
            "Kanzler Merz sagte zu, mit den Niederlanden und Norwegen über gemeinsame Lieferungen "
            "zu sprechen. Russland griff in der Nacht erneut Kiew an."
        ),
        "countries": {"UA", "DE", "NL", "NO", "RU"},
        "leaders": {"volodymyr-zelensky", "friedrich-merz"},
        "subject_countries": {"UA", "DE"},
        "subject_leaders": {"volodymyr-zelensky", "friedrich-merz"},
    },
    {
        "id": "de-tuerkei-wahl",
        "language": "de",
        "title": "Erdoğan kündigt Verfassungsreform an",
        "text": (
            "Der türkische Präsident Recep Tayyip Erdoğan will die Verfassung ändern lassen. "
            "Erdoğans Partei bringt den Entwurf im Herbst ins Parlament ein.\n\n"
            "Die Opposition spricht von einem Versuch, eine weitere Amtszeit zu ermöglichen. "
            "Die EU-Kommission äußerte sich zurückhaltend."
        ),
        "countries": {"TR"},
        "leaders": {"recep-tayyip-erdogan"},
        "subject_countries": {"TR"},
        "subject_leaders": {"recep-tayyip-erdogan"},
    },
    {
        "id": "de-niederlande-jetten",
        "language": "de",
        "title": "Jetten will Asylregeln der Niederlande lockern",
        "text": (
            "Der niederländische Ministerpräsident Rob Jetten hat eine Reform des Asylrechts "
            "vorgestellt. Dänemark und Schweden verfolgen einen strengeren Kurs.\n\n"
            "In Den Haag protestierten Anhänger von Geert Wilders vor dem Parlament."
        ),
        "countries": {"NL", "DK", "SE"},
        "leaders": {"rob-jetten"},
        "subject_countries": {"NL"},
        "subject_leaders": {"rob-jetten"},
    },
    {
        "id": "de-china-brasilien",
        "language": "de",
        "title": "Xi Jinping und Lula vereinbaren Sojaabkommen",
        "text": (
            "Chinas Staatschef Xi Jinping und der brasilianische Präsident Luiz Inácio Lula da "
            "Silva haben ein langfristiges Abkommen über Sojalieferungen geschlossen.\n\n"
            "Argentinien fürchtet um seine Marktanteile. Die USA hatten zuvor Zölle auf "
            "chinesische Waren erhöht."
        ),
        "countries": {"CN", "BR", "AR", "US"},
        "leaders": {"xi-jinping", "luiz-inacio-lula-da-silva"},
        "subject_countries": {"CN", "BR"},
        "subject_leaders": {"xi-jinping", "luiz-inacio-lula-da-silva"},
    },
    {
        "id": "de-polen-nawrocki",
        "language": "de",
        "title": "Polens Präsident Nawrocki blockiert Justizreform",
        "text": (
            "Der polnische Präsident Karol Nawrocki hat sein Veto gegen die Justizreform der "
            "Regierung von Donald Tusk eingelegt.\n\n"
            "Tusk kündigte an, den Entwurf erneut einzubringen. Die Europäische Kommission "
            "beobachtet den Streit."
        ),
        "countries": {"PL"},
        "leaders": {"karol-nawrocki", "donald-tusk"},
        "subject_countries": {"PL"},
        "subject_leaders": {"karol-nawrocki", "donald-tusk"},
    },
    {
        "id": "de-nahost-netanjahu",
        "language": "de",
        "title": "Netanjahu lehnt Waffenruhe im Libanon ab",
        "text": (
            "Israels Ministerpräsident Benjamin Netanjahu hat einen französischen Vorschlag für "
            "eine Waffenruhe im Süden des Libanon abgelehnt.\n\n"
            "Ägypten und Katar vermitteln weiter. Der libanesische Präsident Joseph Aoun rief "
            "zur Zurückhaltung auf."
        ),
        "countries": {"IL", "FR", "LB", "EG", "QA"},
        "leaders": {"benjamin-netanyahu", "joseph-aoun"},
        "subject_countries": {"IL", "LB"},
        "subject_leaders": {"benjamin-netanyahu"},
    },
    {
        "id": "de-georgien-wahl",
        "language": "de",
        "title": "Proteste in Georgien gegen Regierung Kobachidse",
        "text": (
            "In der georgischen Hauptstadt Tiflis haben erneut Tausende gegen Ministerpräsident "
            "Irakli Kobachidse demonstriert.\n\n"
            "Die Demonstranten werfen der Regierung vor, das Land an Russland anzunähern. Die "
            "Ukraine und Armenien beobachten die Lage aufmerksam."
        ),
        "countries": {"GE", "RU", "UA", "AM"},
        "leaders": {"irakli-kobakhidze"},
        "subject_countries": {"GE"},
        "subject_leaders": {"irakli-kobakhidze"},
    },
    # ------------------------------------------- written after the rules were tuned
    {
        "id": "en-nigeria-tinubu-held-out",
        "held_out": True,
        "language": "en",
        "title": "Nigeria's Tinubu pledges troops for Sahel force",
        "text": (
            "President Bola Tinubu said on Saturday that Nigeria would send two battalions to a "
            "regional force against armed groups, speaking at a summit in Abuja attended by "
            "leaders from Ghana, Benin and Ivory Coast.\n\n"
            "Ghana's John Mahama backed the plan. France, which withdrew its troops from the "
            "region, offered training."
        ),
        "countries": {"NG", "GH", "BJ", "CI", "FR"},
        "leaders": {"bola-tinubu", "john-mahama"},
        "subject_countries": {"NG"},
        "subject_leaders": {"bola-tinubu"},
    },
    {
        "id": "es-frontera-ecuador-held-out",
        "held_out": True,
        "language": "es",
        "title": "Ecuador y Perú reabren su paso fronterizo",
        "text": (
            "Los gobiernos de Ecuador y Perú reabrieron este viernes el paso fronterizo de "
            "Huaquillas, cerrado desde hace tres meses por la crisis migratoria.\n\n"
            "El presidente ecuatoriano, Daniel Noboa, dijo que los controles seguirán. Miles de "
            "venezolanos esperan cruzar hacia Chile."
        ),
        "countries": {"EC", "PE", "VE", "CL"},
        "leaders": {"daniel-noboa"},
        "subject_countries": {"EC", "PE"},
        "subject_leaders": {"daniel-noboa"},
    },
    {
        "id": "de-italien-meloni-held-out",
        "held_out": True,
        "language": "de",
        "title": "Meloni empfängt Mitsotakis in Rom",
        "text": (
            "Die italienische Ministerpräsidentin Giorgia Meloni hat den griechischen "
            "Regierungschef Kyriakos Mitsotakis in Rom empfangen. Beide fordern mehr Geld aus "
            "Brüssel für den Grenzschutz im Mittelmeer.\n\n"
            "Auch Malta und Zypern unterstützen den Vorstoß, Spanien hält sich zurück."
        ),
        "countries": {"IT", "GR", "MT", "CY", "ES"},
        "leaders": {"giorgia-meloni", "kyriakos-mitsotakis"},
        "subject_countries": {"IT", "GR"},
        "subject_leaders": {"giorgia-meloni", "kyriakos-mitsotakis"},
    },
    # ------------------------------------------- held out, second batch (issue 13)
    # Written after the title, subject and word-sense rules of issue 13 were in, annotated
    # before their first run and kept as they scored.
    {
        "id": "fr-lula-elysee-held-out-2",
        "held_out": "second batch",
        "language": "fr",
        "title": "Le président brésilien attendu à Paris pour parler climat",
        "text": (
            "Le chef de l’État brésilien sera reçu lundi à l’Élysée par Emmanuel Macron, a "
            "annoncé la présidence française.\n\n"
            "Les deux dirigeants doivent préparer une conférence sur les forêts tropicales. "
            "Contrairement à l’Argentine, le Brésil soutient l’accord commercial avec l’Union "
            "européenne. Le Premier ministre français participera au dîner."
        ),
        "countries": {"BR", "FR", "AR"},
        "leaders": {"luiz-inacio-lula-da-silva", "emmanuel-macron", "sebastien-lecornu"},
        "subject_countries": {"BR", "FR"},
        "subject_leaders": {"luiz-inacio-lula-da-silva", "emmanuel-macron"},
    },
    {
        "id": "fr-tokyo-seoul-held-out-2",
        "held_out": "second batch",
        "language": "fr",
        "title": "Tokyo et Séoul relancent leur dialogue",
        "text": (
            "La Première ministre japonaise et le président sud-coréen se sont entretenus jeudi "
            "à Busan, une première depuis deux ans.\n\n"
            "Ils ont évoqué les essais de missiles de la Corée du Nord. Pékin a salué « un "
            "signal positif »."
        ),
        "countries": {"JP", "KR", "KP", "CN"},
        "leaders": {"sanae-takaichi", "lee-jae-myung"},
        "subject_countries": {"JP", "KR"},
        "subject_leaders": {"sanae-takaichi", "lee-jae-myung"},
    },
    {
        "id": "en-kremlin-ceasefire-held-out-2",
        "held_out": "second batch",
        "language": "en",
        "title": "Kremlin chief rejects ceasefire plan",
        "text": (
            "The Kremlin chief dismissed a European ceasefire proposal on Wednesday, hours after "
            "the Ukrainian president said he was ready to talk.\n\n"
            "The German chancellor and his Polish counterpart urged Washington to keep up the "
            "pressure. Unlike Hungary, Slovakia backed new sanctions."
        ),
        "countries": {"RU", "UA", "DE", "PL", "US", "HU", "SK"},
        "leaders": {"vladimir-putin", "volodymyr-zelensky", "friedrich-merz", "donald-tusk"},
        "subject_countries": {"RU", "UA"},
        "subject_leaders": {"vladimir-putin", "volodymyr-zelensky"},
    },
    {
        "id": "en-pope-lebanon-held-out-2",
        "held_out": "second batch",
        "language": "en",
        "title": "Pope to visit Lebanon in spring",
        "text": (
            "Pope Leo XIV will travel to Lebanon in April, the Vatican said on Tuesday, a trip "
            "the Lebanese president had sought for months.\n\n"
            "The pontiff is expected to meet Christian and Muslim leaders in Beirut. Syria’s "
            "president has not been invited."
        ),
        "countries": {"VA", "LB", "SY"},
        "leaders": {"leo-xiv", "joseph-aoun", "ahmed-al-sharaa"},
        "subject_countries": {"VA", "LB"},
        "subject_leaders": {"leo-xiv", "joseph-aoun"},
    },
    {
        "id": "es-aranceles-held-out-2",
        "held_out": "second batch",
        "language": "es",
        "title": "La presidenta mexicana y el mandatario estadounidense pactan sobre aranceles",
        "text": (
            "La jefa del Estado mexicano y el presidente de Estados Unidos acordaron el viernes "
            "suspender los nuevos aranceles durante noventa días.\n\n"
            "El primer ministro canadiense pidió ser incluido en la tregua. En Ottawa, el "
            "Gobierno teme por el sector del automóvil."
        ),
        "countries": {"MX", "US", "CA"},
        "leaders": {"claudia-sheinbaum", "donald-trump", "mark-carney"},
        "subject_countries": {"MX", "US"},
        "subject_leaders": {"claudia-sheinbaum", "donald-trump"},
    },
    {
        "id": "es-sanchez-canciller-held-out-2",
        "held_out": "second batch",
        "language": "es",
        "title": "Sánchez recibe al canciller alemán en la Moncloa",
        "text": (
            "El presidente del Gobierno, Pedro Sánchez, recibió el martes en Madrid al canciller "
            "alemán para hablar de energía y defensa.\n\n"
            "Ambos pidieron a Francia que acelere las interconexiones eléctricas a través de los "
            "Pirineos. El rey Felipe VI ofreció una cena en honor del invitado."
        ),
        "countries": {"ES", "DE", "FR"},
        "leaders": {"pedro-sanchez", "friedrich-merz", "felipe-vi"},
        "subject_countries": {"ES", "DE"},
        "subject_leaders": {"pedro-sanchez", "friedrich-merz"},
    },
    {
        "id": "de-macron-warschau-held-out-2",
        "held_out": "second batch",
        "language": "de",
        "title": "Macrons Besuch in Warschau",
        "text": (
            "Der französische Präsident ist am Montag zu Gesprächen mit Polens Regierungschef in "
            "Warschau eingetroffen.\n\n"
            "Im Mittelpunkt stehen die Ukraine-Hilfe und die Rüstungsindustrie. Anders als "
            "Ungarn unterstützt Polen einen gemeinsamen EU-Fonds. Bundeskanzler Friedrich Merz "
            "wird am Dienstag dazustoßen."
        ),
        "countries": {"FR", "PL", "UA", "HU"},
        "leaders": {"emmanuel-macron", "donald-tusk", "friedrich-merz"},
        "subject_countries": {"FR", "PL"},
        "subject_leaders": {"emmanuel-macron", "donald-tusk"},
    },
    {
        "id": "de-papst-sudan-held-out-2",
        "held_out": "second batch",
        "language": "de",
        "title": "Papst ruft zu Waffenruhe im Sudan auf",
        "text": (
            "Papst Leo XIV. hat beim Angelusgebet eine sofortige Waffenruhe im Sudan "
            "gefordert.\n\n"
            "Der Pontifex erinnerte an die Flüchtlinge im benachbarten Tschad. Der ägyptische "
            "Präsident hatte zuvor zu Verhandlungen in Kairo eingeladen."
        ),
        "countries": {"SD", "TD", "EG", "VA"},
        "leaders": {"leo-xiv", "abdel-fattah-el-sisi"},
        "subject_countries": {"SD", "VA"},
        "subject_leaders": {"leo-xiv"},
    },
]
