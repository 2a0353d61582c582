"""Events for the generated demo photographs: a press hall with flags, a rally, a handshake.

Flags are drawn flat with their main device, shaded with folds, then hung in
perspective; people come from ``photo_people``.
"""

import math

from PIL import Image, ImageChops, ImageDraw

from articles.demo.photo_kit import (
    Pen,
    focus,
    fractal,
    glow,
    hgradient,
    mix,
    paint,
    paste_warped,
    radial,
    scale,
    shadow,
    soften,
    vramp,
    warp,
)

FLAGS = {
    "RU": [(0, 1 / 3, (240, 240, 238)), (1 / 3, 2 / 3, (20, 70, 160)), (2 / 3, 1, (200, 32, 40))],
    "KP": [
        (0, 0.16, (20, 70, 160)),
        (0.16, 0.2, (240, 240, 238)),
        (0.2, 0.8, (200, 32, 40)),
        (0.8, 0.84, (240, 240, 238)),
        (0.84, 1, (20, 70, 160)),
    ],
    "CN": [(0, 1, (214, 36, 30))],
    "US": [
        (k / 13, (k + 1) / 13, (190, 30, 45) if k % 2 == 0 else (240, 240, 238)) for k in range(13)
    ],
    "KR": [(0, 1, (244, 244, 242))],
    "JP": [(0, 1, (244, 244, 242))],
}


def star(cx, cy, r):
    return [
        (
            cx + r * (1 if k % 2 == 0 else 0.38) * math.sin(k * math.pi / 5),
            cy - r * (1 if k % 2 == 0 else 0.38) * math.cos(k * math.pi / 5),
        )
        for k in range(10)
    ]


def flag_cloth(code, size, rng):
    """A flat flag with its main device, shaded with the folds of cloth hanging from a pole."""
    w, h = size
    cloth = Image.new("RGB", size)
    d = ImageDraw.Draw(cloth)
    for t0, t1, colour in FLAGS[code]:
        d.rectangle([0, t0 * h, w, t1 * h], fill=colour)
    if code == "KP":
        r, cx, cy = h * 0.17, w * 0.2 + h * 0.17, h * 0.5
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(240, 240, 238))
        d.polygon(star(cx, cy, r * 0.95), fill=(200, 32, 40))
    elif code in ("CN", "US"):
        d.rectangle(
            [0, 0, w * 0.4, h * 0.54], fill=(214, 36, 30) if code == "CN" else (40, 50, 110)
        )
        if code == "CN":
            d.ellipse([w * 0.08, h * 0.1, w * 0.2, h * 0.3], fill=(250, 220, 60))
    elif code in ("KR", "JP"):
        r = h * 0.22
        d.ellipse([w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r], fill=(190, 20, 40))
    stops, x = [], 0.0
    while x < 1:
        stops.append((x, (round(150 + 100 * rng.random()),) * 3))
        x += rng.uniform(0.06, 0.14)
    stops.append((1, (200, 200, 200)))
    folds = hgradient(size, stops)
    return ImageChops.multiply(cloth, folds)


def hall(size, rng, flags=("RU", "KP")):
    """An empty lectern with microphones in a wood-panelled hall, flags behind it."""
    w, h = size
    floor = round(h * rng.uniform(0.7, 0.76))
    wood = mix((120, 70, 40), (150, 98, 58), rng.random())
    grain = fractal(rng, (w, floor), 12, 3, cell_y=160)
    image = Image.new("RGB", size)
    image.paste(
        Image.merge("RGB", [grain.point(lambda v, c=c: round(c * (0.7 + v / 600))) for c in wood])
    )
    seams = Pen(size)
    step = w / rng.randint(7, 10)
    for k in range(12):
        seams.rect(k * step - 1.5, 0, k * step + 1.5, floor)
    seams.rect(0, floor - h * 0.05, w, floor - h * 0.045)
    image = shadow(image, 0.55, seams.mask(0.8))
    image = shadow(
        image, 0.7, vramp(size, [(0, 230), (floor / h * 0.6, 40), (floor / h, 0), (1, 0)])
    )
    for _ in range(rng.randint(3, 5)):
        x = rng.uniform(0.05, 0.95) * w
        image = glow(image, (255, 200, 140), radial(size, (x, floor * 0.25), h * 0.45, 1.6, 110))
    carpet = scale(rng.choice([(110, 24, 34), (30, 44, 96), (40, 70, 52)]), rng.uniform(0.8, 1.1))
    rug = fractal(rng, (w, h - floor), 5, 2)
    image.paste(
        Image.merge("RGB", [rug.point(lambda v, c=c: round(c * (0.75 + v / 800))) for c in carpet]),
        (0, floor),
    )
    image = shadow(image, 0.6, vramp(size, [(0, 0), (floor / h, 0), (1, 200)]))
    centre = w * rng.uniform(0.42, 0.58)
    poles = Pen(size)
    cloth_top = h * 0.14
    cloths, textures = [], []
    spots = sorted({centre - w * 0.34, centre - w * 0.22, centre + w * 0.17, centre + w * 0.29})
    for i, x in enumerate(spots):
        code = flags[i % len(flags)]
        fw, fh = w * 0.085, h * 0.46
        texture = flag_cloth(code, (240, 360), rng)
        droop = rng.uniform(0.62, 0.8)
        cloths.append(
            [
                (x + 2, cloth_top),
                (x + fw, cloth_top + h * 0.03),
                (x + fw * droop, cloth_top + fh),
                (x + 2, cloth_top + fh * 0.96),
            ]
        )
        textures.append(texture)
        poles.rect(x - 3, cloth_top - h * 0.02, x + 3, floor + h * 0.02)
        poles.ellipse(x - 7, cloth_top - h * 0.05, x + 7, cloth_top - h * 0.05 + 14)
        poles.ellipse(x - 24, floor + h * 0.01, x + 24, floor + h * 0.035)
    cast = poles.mask()
    for quad in cloths:
        cover = Pen(size)
        cover.polygon(quad)
        cast = ImageChops.lighter(cast, cover.mask())
    wall_only = vramp(size, [(0, 255), (floor / h - 0.001, 255), (floor / h, 0), (1, 0)])
    cast = ImageChops.multiply(
        ImageChops.offset(cast, round(w * 0.012), round(h * 0.02)), wall_only
    )
    image = shadow(image, 0.45, soften(cast, 6))
    for texture, quad in zip(textures, cloths, strict=True):
        paste_warped(image, warp(texture, size, quad))
    paint(image, (196, 160, 90), poles.mask())
    image = focus(image, Image.new("L", size, 255), 1.6)
    top, bottom = h * 0.5, h * 0.93
    half = w * 0.085
    body = Pen(size)
    body.polygon(
        [
            (centre - half, top),
            (centre + half, top),
            (centre + half * 0.88, bottom),
            (centre - half * 0.88, bottom),
        ]
    )
    contact = Pen(size)
    contact.ellipse(centre - half * 1.3, bottom - h * 0.03, centre + half * 1.5, bottom + h * 0.035)
    image = shadow(image, 0.7, contact.mask(12))
    front = hgradient(
        size,
        [
            (0, (40, 24, 16)),
            (centre / w - 0.05, scale(wood, 0.75)),
            (centre / w + 0.08, scale(wood, 0.45)),
            (1, (30, 20, 14)),
        ],
    )
    paint(image, ImageChops.multiply(front, Image.new("RGB", size, (255, 225, 215))), body.mask())
    panel = Pen(size)
    inset = half * 0.16
    panel.polygon(
        [
            (centre - half + inset, top + inset),
            (centre + half - inset, top + inset),
            (centre + half * 0.88 - inset, bottom - inset),
            (centre - half * 0.88 + inset, bottom - inset),
        ]
    )
    inner = panel.mask()
    image = shadow(
        image,
        0.5,
        ImageChops.subtract(soften(inner, 1.2), ImageChops.offset(soften(inner, 1.2), 2, 2)),
    )
    image = glow(image, (90, 60, 40), ImageChops.subtract(inner, ImageChops.offset(inner, -2, -2)))
    image = glow(
        image,
        (70, 45, 30),
        ImageChops.multiply(
            body.mask(),
            hgradient(
                size,
                [
                    (0, (0,) * 3),
                    (centre / w - 0.085, (255,) * 3),
                    (centre / w - 0.07, (0,) * 3),
                    (1, (0,) * 3),
                ],
            ).convert("L"),
        ),
    )
    lid = Pen(size)
    lid.polygon(
        [
            (centre - half * 1.06, top - h * 0.025),
            (centre + half * 1.06, top - h * 0.025),
            (centre + half * 1.02, top + 3),
            (centre - half * 1.02, top + 3),
        ]
    )
    paint(image, scale(wood, 1.15), lid.mask())
    crest = Pen(size)
    crest.ellipse(centre - h * 0.06, top + h * 0.1, centre + h * 0.06, top + h * 0.22)
    paint(image, (200, 165, 80), crest.mask())
    crest = Pen(size)
    crest.ellipse(centre - h * 0.045, top + h * 0.115, centre + h * 0.045, top + h * 0.205)
    paint(image, (150, 30, 40), crest.mask())
    mics = Pen(size)
    for side in (-1, 1):
        base = (centre + side * w * 0.012, top - h * 0.025)
        head = (centre + side * w * 0.03, top - h * 0.11)
        mics.line([base, (base[0] + side * 4, top - h * 0.07), head], 2.2)
        mics.ellipse(head[0] - 6, head[1] - 14, head[0] + 6, head[1] + 4)
    paint(image, (22, 22, 24), mics.mask())
    image = glow(
        image, (255, 230, 190), radial(size, (centre - w * 0.05, top - h * 0.2), h * 0.55, 1.8, 90)
    )
    heads = Pen(size)
    x = -rng.uniform(0, 60)
    while x < w + 60:
        r = h * rng.uniform(0.07, 0.09)
        y = h * rng.uniform(0.93, 1.0)
        heads.ellipse(x - r * 0.8, y - r, x + r * 0.8, y + r)
        heads.ellipse(x - r * 2.4, y + r * 0.6, x + r * 2.4, y + r * 4)
        x += r * rng.uniform(3.6, 5)
    paint(image, (12, 10, 12), heads.mask(10))
    return image, "warm"
