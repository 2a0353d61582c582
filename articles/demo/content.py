"""Demo content: leaders and articles around the April 2019 Vladivostok summit.

Written by the Newsroom team from public facts; the pictures are drawn here
with Pillow, nothing is downloaded.
"""

import datetime
import io
import math
import zoneinfo

DEMO_TZ = zoneinfo.ZoneInfo("Europe/Paris")


def at(year, month, day, hour=9, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=DEMO_TZ)


LEADERS = [
    {
        "slug": "kim-jong-un",
        "name": "Kim Jong-un",
        "country": "KP",
        "role": "Président des affaires de l’État de la République populaire démocratique de Corée",
        "in_office_from": datetime.date(2011, 12, 17),
        "aliases": "Kim Jong Un\nKim Jong-Un\n김정은",
        "wikidata_id": "Q56226",
        "bio": "Dirigeant de la Corée du Nord depuis la mort de son père, Kim Jong-il, en 2011.",
        "colour": (150, 40, 50),
    },
    {
        "slug": "vladimir-putin",
        "name": "Vladimir Putin",
        "country": "RU",
        "role": "Président de la Fédération de Russie",
        "in_office_from": datetime.date(2012, 5, 7),
        "aliases": "Vladimir Poutine\nPoutine\nPutin\nВладимир Путин\nПутин",
        "wikidata_id": "Q7747",
        "bio": "Président de la Russie de 2000 à 2008, puis de nouveau depuis 2012.",
        "colour": (40, 70, 140),
    },
    {
        "slug": "donald-trump",
        "name": "Donald Trump",
        "country": "US",
        "role": "Président des États-Unis",
        "in_office_from": datetime.date(2025, 1, 20),
        "aliases": "Trump\nDonald J. Trump",
        "wikidata_id": "Q22686",
        "bio": "45e président des États-Unis (2017-2021), réélu en 2024.",
        "colour": (170, 60, 40),
    },
    {
        "slug": "xi-jinping",
        "name": "Xi Jinping",
        "country": "CN",
        "role": "Président de la République populaire de Chine",
        "in_office_from": datetime.date(2013, 3, 14),
        "aliases": "习近平",
        "wikidata_id": "Q15031",
        "bio": "Secrétaire général du Parti communiste chinois depuis 2012.",
        "colour": (180, 30, 30),
    },
    {
        "slug": "moon-jae-in",
        "name": "Moon Jae-in",
        "country": "KR",
        "role": "Président de la République de Corée",
        "in_office_from": datetime.date(2017, 5, 10),
        "in_office_to": datetime.date(2022, 5, 9),
        "aliases": "Moon Jae In\n문재인",
        "wikidata_id": "Q21001",
        "bio": "Avocat des droits humains devenu président de la Corée du Sud, partisan du dialogue.",
        "colour": (30, 90, 160),
    },
    {
        "slug": "shinzo-abe",
        "name": "Shinzo Abe",
        "country": "JP",
        "role": "Premier ministre du Japon",
        "in_office_from": datetime.date(2012, 12, 26),
        "in_office_to": datetime.date(2020, 9, 16),
        "aliases": "Shinzō Abe\nAbe Shinzo\n安倍晋三",
        "wikidata_id": "Q132345",
        "bio": "Premier ministre du Japon resté le plus longtemps en fonction ; assassiné en 2022.",
        "colour": (60, 60, 60),
    },
]

AUTHORS = [
    {"username": "claire.dumas", "first_name": "Claire", "last_name": "Dumas"},
    {"username": "sam.whitfield", "first_name": "Sam", "last_name": "Whitfield"},
]

# The demo's desk editor publishes its stories (an account no one signs in with).
DESK = {"username": "redaction", "first_name": "La", "last_name": "rédaction"}

ARTICLES = [
    {
        "slug": "kim-jong-un-et-vladimir-poutine-premier-sommet-a-vladivostok",
        "language": "fr",
        "title": "Premier face-à-face entre Kim Jong-un et Vladimir Poutine à Vladivostok",
        "standfirst": (
            "Deux mois après l’échec de Hanoï, le dirigeant nord-coréen cherche à Moscou "
            "un appui face à Washington."
        ),
        "dateline": "Vladivostok",
        "credit": "",
        "published_at": at(2019, 4, 25, 14, 30),
        "authors": ["claire.dumas"],
        "countries": ["KP", "RU", "US"],
        "leaders": ["kim-jong-un", "vladimir-putin", "donald-trump"],
        "tags": ["Sommet de Vladivostok", "Diplomatie", "Nucléaire nord-coréen"],
        "picture": "bridge",
        "alt": "Un pont à haubans au-dessus d’une baie, au coucher du soleil.",
        "caption": "Le pont de l’île Rousski, où se tient la rencontre.",
        "body": [
            "Les deux dirigeants se sont retrouvés jeudi sur l’île Rousski, au large de "
            "Vladivostok, dans les locaux de l’Université fédérale d’Extrême-Orient. "
            "C’était leur toute première rencontre.",
            "Pour Pyongyang, l’enjeu est clair : après la rupture du sommet de Hanoï avec "
            "Donald Trump, en février, le régime veut montrer qu’il a d’autres partenaires "
            "que les États-Unis.",
            "À l’issue des entretiens, le président russe a estimé que la Corée du Nord "
            "avait besoin de « garanties de sécurité » pour renoncer à son arsenal, et "
            "s’est dit prêt à en parler avec Washington et Pékin.",
            "Aucune déclaration commune n’a été signée. Moscou plaide pour un allègement "
            "progressif des sanctions, que les États-Unis refusent tant que le "
            "désarmement n’a pas commencé.",
        ],
    },
    {
        "slug": "putin-and-kim-meet-for-the-first-time-in-vladivostok",
        "language": "en",
        "title": "Putin and Kim meet for the first time in Vladivostok",
        "standfirst": (
            "The Russian president says North Korea wants security guarantees before it "
            "gives up its nuclear weapons."
        ),
        "dateline": "Vladivostok",
        "credit": "",
        "published_at": at(2019, 4, 25, 16, 0),
        "authors": ["sam.whitfield"],
        "countries": ["RU", "KP", "US", "CN"],
        "leaders": ["vladimir-putin", "kim-jong-un"],
        "tags": ["Vladivostok summit", "Diplomacy", "Nuclear weapons"],
        "picture": "bridge",
        "alt": "A cable-stayed bridge over a bay at dusk.",
        "caption": "The Russky Island bridge near the summit venue.",
        "body": [
            "Vladimir Putin and Kim Jong-un held their first talks on Thursday at a "
            "university campus on Russky Island, across the bay from Vladivostok.",
            "The meeting came two months after Mr Kim's second summit with Donald Trump "
            "broke down in Hanoi without an agreement on sanctions.",
            "Speaking to reporters afterwards, Mr Putin said Pyongyang would need "
            "international guarantees of its security, and suggested the six-party "
            "format with China, Japan and South Korea could be revived.",
            "No joint statement was issued.",
        ],
    },
    {
        "slug": "le-train-blinde-de-kim-jong-un-entre-en-russie",
        "language": "fr",
        "title": "Le train blindé de Kim Jong-un entre en Russie",
        "standfirst": "Le dirigeant nord-coréen a franchi la frontière à Khassan avant de rejoindre Vladivostok.",
        "dateline": "Khassan",
        "credit": "avec AFP",
        "published_at": at(2019, 4, 24, 10, 15),
        "authors": ["claire.dumas"],
        "countries": ["KP", "RU"],
        "leaders": ["kim-jong-un"],
        "tags": ["Sommet de Vladivostok", "Transports"],
        "picture": "train",
        "alt": "Un train vert foncé roulant dans une plaine, vu de profil.",
        "caption": "Le train spécial a parcouru la ligne de la côte en une journée.",
        "body": [
            "Le convoi vert sombre a franchi mercredi le pont sur le fleuve Tumen, qui "
            "marque la frontière, et s’est arrêté à la gare de Khassan pour une courte "
            "cérémonie d’accueil.",
            "Comme son père, Kim Jong-un préfère le rail à l’avion pour ses voyages à "
            "l’étranger : le trajet jusqu’à Vladivostok a pris plusieurs heures.",
        ],
    },
    {
        "slug": "after-hanoi-pyongyang-turns-to-moscow",
        "language": "en",
        "title": "After Hanoi, Pyongyang turns to Moscow",
        "standfirst": "Analysis: the Vladivostok summit gave Kim Jong-un a stage, and little else.",
        "dateline": "Seoul",
        "credit": "",
        "published_at": at(2019, 4, 26, 8, 0),
        "authors": ["sam.whitfield", "claire.dumas"],
        "countries": ["KP", "RU", "US", "KR"],
        "leaders": ["kim-jong-un", "vladimir-putin", "donald-trump", "moon-jae-in"],
        "tags": ["Vladivostok summit", "Diplomacy", "Sanctions"],
        "picture": "map",
        "alt": "A stylised map of the Korean peninsula and the Russian Far East.",
        "caption": "The Russian and North Korean border meets over a few kilometres of river.",
        "body": [
            "Russia shares a short border with North Korea and has long sought a role in "
            "talks over the peninsula.",
            "For Seoul, where Moon Jae-in has staked his presidency on engagement, any "
            "channel that keeps Pyongyang talking is welcome.",
            "But Moscow has little to offer while United Nations sanctions stay in place, "
            "and Washington holds the key to lifting them.",
        ],
    },
    {
        "slug": "seoul-salue-le-dialogue-tokyo-reste-prudent",
        "language": "fr",
        "title": "Séoul salue le dialogue, Tokyo reste prudent",
        "standfirst": "Les voisins de la Corée du Nord ont réagi en ordre dispersé au sommet russo-nord-coréen.",
        "dateline": "Séoul",
        "credit": "",
        "published_at": at(2019, 4, 26, 11, 45),
        "authors": ["claire.dumas"],
        "countries": ["KR", "JP", "KP", "RU"],
        "leaders": ["moon-jae-in", "shinzo-abe"],
        "tags": ["Péninsule coréenne", "Diplomatie"],
        "picture": "map",
        "alt": "Carte stylisée de la péninsule coréenne et de l’Extrême-Orient russe.",
        "caption": "La péninsule coréenne et ses voisins.",
        "body": [
            "La présidence sud-coréenne a dit espérer que la rencontre aide à relancer "
            "les négociations sur la dénucléarisation.",
            "À Tokyo, le gouvernement de Shinzo Abe a rappelé que la question des "
            "Japonais enlevés par la Corée du Nord restait sa priorité.",
        ],
    },
    {
        "slug": "xi-jinping-travels-to-pyongyang",
        "language": "en",
        "title": "Xi Jinping travels to Pyongyang",
        "standfirst": "The first visit by a Chinese leader in fourteen years follows Kim's trip to Russia.",
        "dateline": "Beijing",
        "credit": "",
        "published_at": at(2019, 6, 20, 7, 30),
        "authors": ["sam.whitfield"],
        "countries": ["CN", "KP"],
        "leaders": ["xi-jinping", "kim-jong-un"],
        "tags": ["Diplomacy", "Korean peninsula"],
        "picture": "flags",
        "alt": "Two abstract red banners against a pale sky.",
        "caption": "Beijing remains North Korea's main trading partner.",
        "body": [
            "Xi Jinping arrived in Pyongyang on Thursday for a two-day state visit.",
            "China accounts for most of North Korea's foreign trade, and its backing "
            "weighs more than Russia's in any settlement.",
        ],
    },
    {
        "slug": "trump-et-kim-se-serrent-la-main-a-panmunjom",
        "language": "fr",
        "title": "Trump et Kim se serrent la main à Panmunjom",
        "standfirst": "Le président américain a fait quelques pas en territoire nord-coréen, une première.",
        "dateline": "Panmunjom",
        "credit": "avec AFP",
        "published_at": at(2019, 6, 30, 9, 0),
        "authors": ["claire.dumas"],
        "countries": ["US", "KP", "KR"],
        "leaders": ["donald-trump", "kim-jong-un", "moon-jae-in"],
        "tags": ["Péninsule coréenne", "Diplomatie"],
        "picture": "flags",
        "alt": "Deux bandes de couleur de part et d’autre d’une ligne blanche.",
        "caption": "La ligne de démarcation dans la zone démilitarisée.",
        "body": [
            "Donald Trump a franchi dimanche la ligne de démarcation dans la zone "
            "démilitarisée, à l’invitation de Kim Jong-un.",
            "Les deux hommes ont ensuite parlé près d’une heure, en présence de Moon "
            "Jae-in, et sont convenus de reprendre les discussions.",
        ],
    },
]

DRAFT = {
    "slug": "brouillon-note-interne-ne-pas-publier",
    "language": "fr",
    "title": "Brouillon : note interne sur le prochain sommet",
    "standfirst": "Ce brouillon ne doit jamais apparaître sur le site.",
    "dateline": "Paris",
    "authors": ["claire.dumas"],
    "countries": ["KP"],
    "leaders": ["kim-jong-un"],
    "tags": ["Diplomatie"],
    "body": ["Texte en cours d’écriture, non relu."],
}


def draw_picture(kind, size=(1200, 675), colour=None):
    """A simple illustration drawn with Pillow, returned as JPEG bytes."""
    from PIL import Image, ImageDraw

    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    top, bottom = (235, 190, 150), (70, 90, 140)
    if kind == "portrait":
        top, bottom = colour or (90, 90, 90), (30, 30, 40)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    if kind == "bridge":
        sea = int(height * 0.68)
        draw.rectangle([0, sea, width, height], fill=(40, 60, 95))
        deck = sea - 40
        draw.line([(0, deck), (width, deck)], fill=(230, 230, 235), width=8)
        for tower_x in (width * 0.3, width * 0.7):
            draw.line([(tower_x - 30, sea), (tower_x, deck - 260)], fill=(240, 240, 240), width=10)
            draw.line([(tower_x + 30, sea), (tower_x, deck - 260)], fill=(240, 240, 240), width=10)
            for i in range(1, 12):
                draw.line([(tower_x, deck - 250), (tower_x - i * 38, deck)], fill=(220, 220, 225))
                draw.line([(tower_x, deck - 250), (tower_x + i * 38, deck)], fill=(220, 220, 225))
    elif kind == "train":
        ground = int(height * 0.72)
        draw.rectangle([0, ground, width, height], fill=(95, 120, 70))
        for car in range(4):
            x = 80 + car * 270
            draw.rounded_rectangle([x, ground - 130, x + 250, ground - 20], 12, fill=(30, 70, 45))
            draw.rectangle([x + 20, ground - 110, x + 230, ground - 80], fill=(225, 205, 120))
            for wheel in (x + 50, x + 200):
                draw.ellipse([wheel - 18, ground - 38, wheel + 18, ground - 2], fill=(25, 25, 25))
        draw.line([(0, ground), (width, ground)], fill=(60, 50, 40), width=6)
    elif kind == "map":
        draw.rectangle([0, 0, width, height], fill=(70, 110, 160))
        land = [(420, 0), (1200, 0), (1200, 260), (760, 300), (690, 250), (600, 330), (520, 210)]
        draw.polygon(land, fill=(205, 195, 160))
        peninsula = [
            (520, 210),
            (600, 330),
            (690, 250),
            (720, 420),
            (650, 640),
            (540, 600),
            (500, 420),
        ]
        draw.polygon(peninsula, fill=(190, 175, 135))
        draw.line([(530, 390), (700, 360)], fill=(150, 40, 40), width=4)
        draw.ellipse([760, 255, 780, 275], fill=(150, 40, 40))
    elif kind == "flags":
        draw.rectangle(
            [0, int(height * 0.5) - 3, width, int(height * 0.5) + 3], fill=(250, 250, 250)
        )
        for i, colour_ in enumerate([(190, 30, 40), (30, 60, 140)]):
            x0 = 200 + i * 480
            points = [
                (x0 + dx, 140 + int(30 * math.sin(dx / 60)) + row)
                for row in (0,)
                for dx in range(0, 320, 8)
            ]
            draw.polygon([*points, (x0 + 312, 400), (x0, 400)], fill=colour_)
    elif kind == "portrait":
        cx, cy = width // 2, height // 2
        draw.ellipse([cx - 110, cy - 170, cx + 110, cy + 60], fill=(235, 210, 185))
        draw.rounded_rectangle([cx - 200, cy + 80, cx + 200, height + 40], 80, fill=(40, 40, 50))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()
