"""Events for the generated demo photographs: a press hall with flags, a rally, a handshake.

Flags are drawn flat with their main device, shaded with folds, then hung in
perspective; people come from ``photo_people``.
"""

import math

from PIL import Image, ImageChops, ImageDraw

from articles.demo.photo_kit import (
    Pen,
    focus,
    foliage,
    fractal,
    glow,
    haze,
    hgradient,
    mix,
    paint,
    paste_warped,
    radial,
    scale,
    shadow,
    soften,
    vgradient,
    vramp,
    warp,
)
from articles.demo.photo_people import crowd, profile, rim

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


def rally(size, rng, flags=("CN", "KP")):
    """Crowds lining a boulevard with paper flowers and small flags, apartment blocks behind."""
    w, h = size
    horizon = h * rng.uniform(0.34, 0.4)
    air = (222, 226, 230)
    image = vgradient(
        size, [(0, (150, 176, 206)), (horizon / h, (226, 230, 234)), (1, (180, 176, 170))]
    )
    blocks, sides = Pen(size), Pen(size)
    windows = Image.new("L", size, 0)
    d = ImageDraw.Draw(windows)
    x = -rng.uniform(0, 80)
    banners = []
    while x < w:
        bw, top = rng.uniform(0.08, 0.16) * w, horizon - rng.uniform(0.1, 0.26) * h
        blocks.rect(x, top, x + bw, horizon + h * 0.1)
        sides.polygon(
            [
                (x + bw, top),
                (x + bw * 1.16, top + h * 0.01),
                (x + bw * 1.16, horizon + h * 0.1),
                (x + bw, horizon + h * 0.1),
            ]
        )
        for wy in range(round(top + 8), round(horizon + h * 0.1), 11):
            for wx in range(round(x + 6), round(x + bw - 6), 9):
                d.rectangle([wx, wy, wx + 4, wy + 5], fill=rng.randint(40, 90))
        if rng.random() < 0.35:
            banners.append((x + bw * rng.uniform(0.2, 0.7), top + h * 0.02, bw * 0.12))
        x += bw + rng.uniform(0.01, 0.04) * w
    pastel = rng.choice([(214, 200, 176), (200, 210, 200), (222, 206, 196)])
    paint(image, mix(scale(pastel, 0.72), air, 0.35), sides.mask())
    paint(image, mix(pastel, air, 0.35), blocks.mask())
    image = shadow(image, 0.5, ImageChops.multiply(windows, blocks.mask()))
    reds = Pen(size)
    for bx, by, bw in banners:
        reds.rect(bx, by, bx + bw, by + h * 0.16)
    paint(image, mix((190, 30, 36), air, 0.3), reds.mask())
    trees = [
        (rng.uniform(0, w), horizon + h * 0.06, h * rng.uniform(0.04, 0.06)) for _ in range(14)
    ]
    leaves = foliage(size, rng, trees, mix((50, 70, 44), air, 0.4), mix((110, 130, 80), air, 0.4))
    image.paste(leaves, (0, 0), leaves)
    held = [FLAGS[code] for code in flags]
    flowers = [(236, 80, 140), (246, 120, 170), (220, 40, 80)]
    people = crowd(
        size,
        rng,
        horizon=horizon,
        focal=w * 0.9,
        eye=3.4,
        near=6.5,
        far=70,
        rows=16,
        air=air,
        flags=held,
        flowers=flowers,
    )
    image.paste(people, (0, 0), people)
    image = glow(
        image, (255, 246, 226), radial(size, (w * rng.uniform(0.2, 0.8), 0), w * 0.7, 1.5, 90)
    )
    return image, "warm"


def flare(image, sun, rng):
    """Lens ghosts along the line from the sun through the centre of the frame."""
    w, h = image.size
    cx, cy = w / 2, h / 2
    for k in range(5):
        t = rng.uniform(0.5, 1.9)
        x, y = sun[0] + (cx - sun[0]) * t, sun[1] + (cy - sun[1]) * t
        r = h * rng.uniform(0.02, 0.09)
        tint = rng.choice([(90, 120, 90), (120, 90, 60), (70, 90, 130)])
        pen = Pen(image.size)
        pen.ellipse(x - r, y - r, x + r, y + r, rng.randint(18, 40))
        image = glow(image, tint, pen.mask(1.5 + k))
    return image


def handshake(size, rng):
    """Two men shake hands over a concrete line, backlit against blue huts in the haze."""

    w, h = size
    horizon = h * rng.uniform(0.5, 0.55)
    cx = w * rng.uniform(0.44, 0.56)
    sun = (w * rng.uniform(0.38, 0.62), h * rng.uniform(0.1, 0.2))
    air = (246, 236, 214)
    image = vgradient(size, [(0, (190, 202, 216)), (horizon / h, air), (1, (150, 140, 120))])
    image = glow(image, (255, 226, 170), radial(size, sun, w * 0.75, 1.3, 170))
    hall_pen, panes = Pen(size), Pen(size)
    hall_pen.rect(cx - w * 0.34, horizon - h * 0.2, cx + w * 0.34, horizon)
    hall_pen.rect(cx - w * 0.1, horizon - h * 0.27, cx + w * 0.1, horizon)
    for row in range(3):
        for k in range(22):
            x = cx - w * 0.32 + k * w * 0.03
            y = horizon - h * (0.17 - row * 0.055)
            panes.rect(x, y, x + w * 0.014, y + h * 0.03)
    paint(image, mix((128, 128, 132), air, 0.5), hall_pen.mask())
    image = shadow(image, 0.25, ImageChops.multiply(panes.mask(), hall_pen.mask()))
    huts, frames = Pen(size), Pen(size)
    count = rng.choice((3, 4))
    span = w * 0.16
    for k in range(count):
        x = cx - span * count / 2 + k * span + w * 0.015
        huts.rect(x, horizon - h * 0.15, x + span - w * 0.03, horizon + h * 0.05)
        for j in range(3):
            wx = x + w * 0.018 + j * (span - w * 0.05) / 3
            frames.rect(wx, horizon - h * 0.1, wx + w * 0.03, horizon - h * 0.02)
    paint(image, mix((60, 120, 180), air, 0.25), huts.mask(1.2))
    paint(image, mix((230, 234, 238), air, 0.3), frames.mask(1.2))
    ground = Image.new("L", size, 0)
    ground.paste(255, (0, round(horizon + h * 0.05), w, h))
    gravel = fractal(rng, size, 3, 3)
    stones = Image.merge(
        "RGB", [gravel.point(lambda v, c=c: round(c * (0.7 + v / 850))) for c in (176, 166, 148)]
    )
    stones = Image.composite(
        stones,
        shadow(stones, 0.5, vramp(size, [(0, 0), (horizon / h, 0), (1, 255)])),
        Image.new("L", size, 80),
    )
    paint(image, stones, ground)
    slab = Pen(size)
    slab.polygon(
        [
            (cx - 6, horizon + h * 0.05),
            (cx + 6, horizon + h * 0.05),
            (cx + w * 0.05, h),
            (cx - w * 0.05, h),
        ]
    )
    paint(image, (206, 204, 196), slab.mask())
    image = focus(
        image,
        vramp(size, [(0, 255), (horizon / h + 0.04, 255), (horizon / h + 0.12, 0), (1, 60)]),
        3,
    )
    image = haze(image, air, vramp(size, [(0, 60), (horizon / h, 90), (1, 0)]))
    u = h * rng.uniform(0.46, 0.52)
    feet = h * rng.uniform(0.84, 0.88)
    men, cast = Pen(size), Pen(size)
    for side in (-1, 1):
        x = cx + side * 0.19 * u
        tall = u * rng.uniform(0.96, 1.04)
        profile(men, x, feet, tall, facing=-side, build=rng.uniform(0.95, 1.12))
        cast.polygon(
            [
                (x - 0.08 * u, feet),
                (x + 0.08 * u, feet),
                (x + 0.2 * u + side * 0.15 * u, h * 1.4),
                (x - 0.2 * u + side * 0.15 * u, h * 1.4),
            ]
        )
    image = shadow(image, 0.45, cast.mask(6), (30, 30, 40))
    figures = men.mask(0.5)
    paint(image, (30, 28, 32), figures)
    image = rim(image, figures, (170, 140, 96), 2)
    image = flare(image, sun, rng)
    image = glow(image, (255, 244, 220), radial(size, sun, h * 0.3, 1.6, 200))
    image = glow(image, (255, 250, 236), radial(size, sun, h * 0.07, 0.8, 255))
    return image, "warm"
