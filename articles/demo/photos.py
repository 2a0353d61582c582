"""Photographs for the demo content, generated here with Pillow: nothing is downloaded.

``photograph(scene, seed=...)`` renders a scene (harbour, hall, train, ...) and
``portrait(seed)`` a head-and-shoulders studio portrait. Both are deterministic:
the same arguments give the same bytes, a different seed moves the light, the
weather, the buildings and the people, so no two stories share a drawing.

``CATALOGUE`` gives each demo article its scene, seed, caption, credit and alt
text in the article's language; ``PORTRAITS`` does the same for the leaders.
The credits say the pictures are generated: they illustrate, they show no
real event and no real face.
"""

import functools

from articles.demo import photo_events, photo_places, photo_portraits, photo_scenes
from articles.demo.photo_kit import finish, rng_for

SCENES = {
    "harbour": photo_scenes.harbour,
    "hall": photo_events.hall,
    "train": photo_places.train,
    "skyline": photo_scenes.skyline,
    "facade": photo_places.facade,
    "rally": photo_events.rally,
    "handshake": photo_events.handshake,
}

CREDIT = {
    "fr": "Photo\u00a0: Newsroom (illustration générée)",
    "en": "Photo: Newsroom (generated illustration)",
}


def photograph(scene, *, seed, size=(1600, 900), **options):
    """A real-looking picture of ``scene``; ``options`` go to the scene (e.g. ``flags``)."""
    try:
        draw = SCENES[scene]
    except KeyError:
        raise ValueError(f"Unknown scene {scene!r}; known: {', '.join(sorted(SCENES))}") from None
    rng = rng_for("photo", scene, seed)
    image, tone = draw(tuple(size), rng, **options)
    return finish(image, rng, tone=tone)


def portrait(seed, *, size=(800, 1000), look=None):
    """A studio head-and-shoulders portrait; ``look`` overrides what the seed chose."""
    rng = rng_for("portrait", seed)
    chosen = {**photo_portraits.random_look(rng), **(look or {})}
    image = photo_portraits.draw_portrait(tuple(size), rng, chosen)
    return finish(image, rng, grain=3, vignette=0.3)


def _fr(scene, seed, caption, alt, **options):
    return {
        "scene": scene,
        "seed": seed,
        "language": "fr",
        "caption": caption,
        "alt": alt,
        "credit": CREDIT["fr"],
        "options": options,
    }


def _en(scene, seed, caption, alt, **options):
    return {
        "scene": scene,
        "seed": seed,
        "language": "en",
        "caption": caption,
        "alt": alt,
        "credit": CREDIT["en"],
        "options": options,
    }


CATALOGUE = {
    "kim-jong-un-et-vladimir-poutine-premier-sommet-a-vladivostok": _fr(
        "harbour",
        1,
        "Un pont à haubans et les grues du port au crépuscule, comme à Vladivostok, où se "
        "tient la rencontre (illustration).",
        "Un pont à haubans aux deux pylônes élancés traverse une baie au coucher du soleil ; "
        "des grues portuaires et des conteneurs se découpent sur un quai et se reflètent "
        "dans l’eau, où brillent les lumières de la ville.",
    ),
    "putin-and-kim-meet-for-the-first-time-in-vladivostok": _en(
        "hall",
        2,
        "A press room set for the two leaders' statements (illustration).",
        "An empty wooden lectern with two microphones in a wood-panelled hall, flanked by "
        "Russian and North Korean flags on brass poles; the heads of the audience are blurred "
        "in the foreground.",
        flags=("RU", "KP"),
    ),
    "le-train-blinde-de-kim-jong-un-entre-en-russie": _fr(
        "train",
        1,
        "Un train spécial vert sombre à quai, comme celui du dirigeant nord-coréen (illustration).",
        "Un long train vert foncé à bandes jaunes, stores baissés, le long d’un quai couvert "
        "d’une marquise ; quelques hommes en uniforme attendent au loin, dans la brume.",
    ),
    "after-hanoi-pyongyang-turns-to-moscow": _en(
        "skyline",
        2,
        "Nightfall over a capital city, traffic streaking along an expressway (illustration).",
        "A city skyline at the blue hour: towers with lit windows, a slender broadcast tower "
        "on a dark hill behind them, and red and white light trails left by traffic on a "
        "curving expressway in the foreground.",
    ),
    "seoul-salue-le-dialogue-tokyo-reste-prudent": _fr(
        "facade",
        1,
        "Un siège de gouvernement à colonnade, drapeau japonais au vent (illustration).",
        "La façade claire d’un grand bâtiment officiel à colonnes, surmontée d’un fronton "
        "triangulaire, au fond d’une vaste esplanade pavée sous un ciel bleu nuageux ; un drapeau "
        "japonais flotte au premier plan et quelques passants traversent la place.",
        flag="JP",
    ),
    "xi-jinping-travels-to-pyongyang": _en(
        "rally",
        1,
        "Crowds line the route of a state visit (illustration).",
        "A dense crowd seen from behind, many people holding up pink paper flowers and small "
        "red Chinese and North Korean flags; pale apartment blocks and trees stand in the haze "
        "beyond them.",
        flags=("CN", "KP"),
    ),
    "trump-et-kim-se-serrent-la-main-a-panmunjom": _fr(
        "handshake",
        1,
        "Une poignée de main sur la ligne de démarcation, à contre-jour (illustration).",
        "Deux hommes en costume, en silhouette à contre-jour, se serrent la main de part et "
        "d’autre d’une bande de béton clair ; derrière eux, des baraquements bleus et un grand "
        "bâtiment gris se fondent dans la brume du matin.",
    ),
}


@functools.lru_cache(maxsize=32)
def _rendered(key, size):
    entry = CATALOGUE[key]
    return photograph(entry["scene"], seed=entry["seed"], size=size, **entry["options"])


def picture_for(article_key, size=(1600, 900)):
    """``(image, caption, credit, alt)`` for a demo article slug; KeyError if it has none."""
    entry = CATALOGUE[article_key]
    # Cached: the demo is loaded again by many tests; callers get their own copy.
    return (
        _rendered(article_key, tuple(size)).copy(),
        entry["caption"],
        entry["credit"],
        entry["alt"],
    )


def _portrait_entry(name, look, alt):
    return {
        "look": look,
        "caption": f"{name} (portrait d’illustration)",
        "alt": alt,
        "credit": CREDIT["fr"],
    }


# What makes each leader's portrait distinct. The portraits suggest, they do not
# depict: their alt text says what is drawn, and that it is generated.
PORTRAITS = {
    "kim-jong-un": _portrait_entry(
        "Kim Jong-un",
        {
            "skin": (226, 190, 156),
            "hair": (20, 18, 18),
            "style": "crop",
            "suit": (30, 30, 34),
            "collar": "mao",
            "backdrop": (96, 46, 50),
            "width": 1.12,
            "eyes": "narrow",
            "turn": 0.05,
        },
        "Portrait généré : buste d’un homme aux cheveux noirs coupés ras sur les côtés, en "
        "veste sombre à col fermé, sur un fond rouge sombre.",
    ),
    "vladimir-putin": _portrait_entry(
        "Vladimir Poutine",
        {
            "skin": (232, 198, 176),
            "hair": (150, 128, 104),
            "style": "receding",
            "suit": (34, 40, 60),
            "tie": (120, 34, 46),
            "collar": "tie",
            "backdrop": (52, 70, 104),
            "width": 0.94,
            "eyes": "round",
            "turn": -0.12,
        },
        "Portrait généré : buste d’un homme aux cheveux châtain clair clairsemés, en costume "
        "bleu marine et cravate bordeaux, sur un fond bleu.",
    ),
    "donald-trump": _portrait_entry(
        "Donald Trump",
        {
            "skin": (230, 172, 128),
            "hair": (224, 186, 120),
            "style": "swept",
            "suit": (28, 34, 60),
            "tie": (190, 24, 34),
            "collar": "tie",
            "backdrop": (110, 62, 50),
            "width": 1.1,
            "eyes": "round",
            "turn": 0.1,
        },
        "Portrait généré : buste d’un homme aux cheveux blonds coiffés en arrière, en costume "
        "bleu marine et cravate rouge, sur un fond brun-rouge.",
    ),
    "xi-jinping": _portrait_entry(
        "Xi Jinping",
        {
            "skin": (228, 192, 160),
            "hair": (22, 20, 20),
            "style": "combed",
            "suit": (30, 32, 40),
            "tie": (170, 32, 36),
            "collar": "tie",
            "backdrop": (96, 84, 72),
            "width": 1.08,
            "eyes": "narrow",
            "turn": -0.05,
        },
        "Portrait généré : buste d’un homme aux cheveux noirs peignés en arrière, en costume "
        "sombre et cravate rouge, sur un fond brun.",
    ),
    "moon-jae-in": _portrait_entry(
        "Moon Jae-in",
        {
            "skin": (218, 178, 144),
            "hair": (196, 194, 190),
            "style": "short",
            "suit": (32, 42, 72),
            "tie": (50, 80, 140),
            "collar": "tie",
            "backdrop": (44, 74, 110),
            "width": 0.98,
            "eyes": "narrow",
            "turn": 0.15,
        },
        "Portrait généré : buste d’un homme aux cheveux gris coupés court, en costume bleu et "
        "cravate bleue, sur un fond bleu.",
    ),
    "shinzo-abe": _portrait_entry(
        "Shinzo Abe",
        {
            "skin": (226, 190, 160),
            "hair": (44, 40, 40),
            "style": "side_part",
            "suit": (50, 52, 58),
            "tie": (60, 90, 150),
            "collar": "tie",
            "backdrop": (70, 72, 76),
            "width": 0.97,
            "eyes": "narrow",
            "turn": -0.15,
        },
        "Portrait généré : buste d’un homme aux cheveux sombres séparés par une raie, en "
        "costume gris anthracite et cravate bleue, sur un fond gris.",
    ),
}


@functools.lru_cache(maxsize=16)
def _portrayed(key, size):
    return portrait(key, size=size, look=PORTRAITS[key]["look"])


def portrait_for(leader_key, size=(800, 1000)):
    """``(image, caption, credit, alt)`` for a demo leader slug; KeyError if unknown."""
    entry = PORTRAITS[leader_key]
    return (
        _portrayed(leader_key, tuple(size)).copy(),
        entry["caption"],
        entry["credit"],
        entry["alt"],
    )
