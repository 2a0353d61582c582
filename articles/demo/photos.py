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

from articles.demo import photo_events, photo_places, photo_scenes
from articles.demo.photo_kit import finish, rng_for

SCENES = {
    "harbour": photo_scenes.harbour,
    "hall": photo_events.hall,
    "train": photo_places.train,
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
        "harbour",
        7,
        "Dusk over a port city (illustration).",
        "Port cranes and a cable-stayed bridge silhouetted against an orange dusk sky, "
        "reflected in a calm bay.",
    ),
    "seoul-salue-le-dialogue-tokyo-reste-prudent": _fr(
        "train",
        5,
        "Une gare au petit matin (illustration).",
        "Un quai de gare sous une marquise, un train vert le long du quai.",
    ),
    "xi-jinping-travels-to-pyongyang": _en(
        "hall",
        9,
        "A hall prepared for a state visit (illustration).",
        "An empty lectern between Chinese and North Korean flags in a wood-panelled hall.",
        flags=("CN", "KP"),
    ),
    "trump-et-kim-se-serrent-la-main-a-panmunjom": _fr(
        "hall",
        12,
        "Une salle préparée pour une déclaration commune (illustration).",
        "Un pupitre vide entre des drapeaux américains et nord-coréens.",
        flags=("US", "KP"),
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
