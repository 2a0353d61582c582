"""Outdoor scenes for the generated demo photographs (see ``photos.py``).

Each scene draws back to front: sky, distant forms mixed into the haze colour,
nearer forms darker and sharper, then water or ground. Every measure is a
fraction of the frame and every choice comes from ``rng``, so a seed moves the
sun, the skyline and the weather: no two stories share a drawing.
"""

import math

from PIL import Image, ImageChops

from articles.demo.photo_kit import (
    Pen,
    fractal,
    glow,
    level,
    mix,
    paint,
    radial,
    ridge,
    scale,
    shadow,
    soften,
    value_noise,
    vgradient,
    vramp,
)


def _lights(pen_size, rng, spots, radius):
    pen = Pen(pen_size)
    for x, y in spots:
        r = radius * rng.uniform(0.6, 1.3)
        pen.ellipse(x - r, y - r, x + r, y + r)
    return pen.mask()


def ripple(image, rng, amplitude):
    """Shift bands of rows sideways, more with distance from the top (the waterline)."""
    w, rows = image.size
    out = Image.new(image.mode, image.size)
    y, phase = 0, rng.uniform(0, 6.3)
    while y < rows:
        band = 1 + round(y * 0.025)
        near = y / rows
        wave = math.sin(y * 0.45 + phase) + rng.uniform(-1, 1)
        shift = round(wave * amplitude * (0.15 + near))
        strip = image.crop((0, y, w, min(rows, y + band)))
        out.paste(strip, (shift, y))
        edge = (
            strip.crop((0, 0, 1, strip.height))
            if shift > 0
            else strip.crop((w - 1, 0, w, strip.height))
        )
        out.paste(
            edge.resize((abs(shift) + 1, strip.height)), (0 if shift > 0 else w + shift - 1, y)
        )
        y += band
    return out


def mirror(image, line, rows):
    """The ``rows`` rows above ``line``, upside down."""
    flipped = image.crop((0, max(0, line - rows), image.width, line))
    return flipped.transpose(Image.Transpose.FLIP_TOP_BOTTOM).crop((0, 0, image.width, rows))


def reflect(image, horizon, rng, *, amplitude=6.0, water=(20, 26, 48), depth=0.55):
    """Mirror everything above ``horizon`` into rippled, darker water below it."""
    w, h = image.size
    rows = h - horizon
    broken = ripple(mirror(image, horizon, rows), rng, amplitude)
    # Ripples smear reflections sideways more than up and down.
    broken = broken.resize((w // 5, rows), Image.Resampling.BILINEAR).resize((w, rows))
    own = vgradient((w, rows), [(0, scale(water, 1.4)), (1, water)])
    keep = vramp((w, rows), [(0, 225), (1, round(255 * depth))])
    surface = Image.composite(broken, own, keep)
    texture = level(fractal(rng, (w, rows), 90, 3, cell_y=3), 40, 215)
    surface = shadow(surface, 0.22, texture.point(lambda v: 255 - v))
    out = image.copy()
    out.paste(surface, (0, horizon))
    return out


def harbour(size, rng):
    """A cable-stayed bridge over a bay at dusk, port cranes on the quay, city lights."""
    w, h = size
    horizon = round(h * rng.uniform(0.58, 0.64))
    sun_x = w * rng.uniform(0.35, 0.75)
    top = mix((24, 34, 72), (40, 30, 70), rng.random())
    low = mix((238, 140, 84), (246, 120, 96), rng.random())
    sky = vgradient(
        (w, h),
        [(0, top), (0.32, (96, 88, 140)), (0.52, low), (horizon / h, (255, 214, 160)), (1, low)],
    )
    sky = glow(sky, (255, 160, 80), radial(size, (sun_x, horizon), w * 0.6, 1.6, 170))
    sky = glow(sky, (255, 236, 190), radial(size, (sun_x, horizon), w * 0.05, 1.2, 255))
    band = vramp(size, [(0, 40), (0.3, 255), (horizon / h - 0.02, 120), (horizon / h, 0), (1, 0)])
    clouds = ImageChops.multiply(level(fractal(rng, size, 300, 5, cell_y=38), 130, 215), band)
    cloud_colour = vgradient(
        size, [(0, (46, 40, 78)), (0.45, (150, 80, 100)), (0.6, (250, 150, 110))]
    )
    paint(sky, cloud_colour, clouds.point(lambda v: v * 4 // 5))
    image = sky
    hazy = mix(low, (92, 70, 112), 0.55)
    far = ridge(rng, w, horizon - h * 0.012, h * 0.035)
    pen = Pen(size)
    pen.polygon([*far, (w, horizon + 2), (0, horizon + 2)])
    paint(image, hazy, pen.mask())
    side = rng.choice((1, -1))
    near = ridge(rng, w * 0.42, horizon - h * 0.05, h * 0.04)
    near = [(x, y + h * 0.05 * (x / (w * 0.42)) ** 2) for x, y in near]
    pen = Pen(size)
    outline = [*near, (w * 0.42, horizon + 2), (0, horizon + 2)]
    pen.polygon([(x if side > 0 else w - x, y) for x, y in outline])
    paint(image, mix(hazy, (36, 30, 58), 0.6), pen.mask())
    # The bridge: two tall pylons, a thin deck, fans of stays.
    deck = horizon - h * rng.uniform(0.055, 0.075)
    first = w * rng.uniform(0.12, 0.28)
    span = w * rng.uniform(0.5, 0.62)
    top_y = deck - h * rng.uniform(0.26, 0.34)
    steel = mix((52, 46, 78), low, 0.22)
    pen = Pen(size)
    pen.polygon([(-5, deck), (w + 5, deck - 4), (w + 5, deck + h * 0.011), (-5, deck + h * 0.012)])
    for px in (first, first + span):
        pen.polygon(
            [
                (px - w * 0.007, horizon),
                (px + w * 0.007, horizon),
                (px + 1.6, top_y),
                (px - 1.6, top_y),
            ]
        )
        for i in range(1, 15):
            anchor = top_y + (deck - top_y) * 0.05 * (1 + i * 0.12)
            for sign in (-1, 1):
                pen.line([(px, anchor), (px + sign * span * 0.035 * i, deck + 1)], 0.55, 200)
    for k in range(1, 8):
        for x in (first - span * 0.16 * k, first + span + span * 0.16 * k):
            pen.rect(x - 2, deck, x + 2, horizon)
    paint(image, steel, pen.mask())
    spots = [(x, deck - 2 - x * 4 / w) for x in range(0, w, w // 70)]
    deck_lights = _lights(size, rng, spots, 1.3)
    shore = [(rng.uniform(0, w), horizon - rng.uniform(1, h * 0.025)) for _ in range(120)]
    shore_lights = _lights(size, rng, shore, 1.0)
    image = reflect(image, horizon, rng, amplitude=w * 0.004, water=(22, 24, 50), depth=0.5)
    # The container port stands on a quay in front of the bay: it is drawn after the
    # bay's reflection and mirrored about its own waterline.
    u = w / 1600
    quay = round(horizon + h * 0.03)
    start = w * (0.58 if side > 0 else 0.0)
    pen = Pen(size)
    pen.rect(start - 4, quay - h * 0.01, start + w * 0.42 + 4, quay)
    crates = Pen(size)
    for _ in range(44):
        x = start + rng.uniform(0, w * 0.39)
        crates.rect(x, quay - h * 0.015 * rng.randint(1, 4), x + w * 0.03, quay - h * 0.009)
    beacons = []
    for i in range(rng.randint(2, 3)):
        k = rng.uniform(0.9, 1.15) * u
        x = start + w * (0.07 + 0.13 * i)
        leg_top = quay - 150 * k
        boom = leg_top - 22 * k
        apex = boom - 75 * k
        wide = 55 * k
        mid = x + wide / 2
        reach = -190 * k if side > 0 else 190 * k
        for leg in (x, x + wide):
            pen.polygon(
                [
                    (leg - 4 * k, quay),
                    (leg + 4 * k, quay),
                    (leg + 3 * k, leg_top),
                    (leg - 3 * k, leg_top),
                ]
            )
        pen.rect(x - 6 * k, leg_top - 7 * k, x + wide + 6 * k, leg_top + 3 * k)
        pen.line(
            [(x, leg_top), (x + wide * 0.3, boom), (x + wide * 0.7, boom), (x + wide, leg_top)],
            4 * k,
        )
        pen.rect(
            min(mid + reach, mid - reach * 0.4),
            boom - 5 * k,
            max(mid + reach, mid - reach * 0.4),
            boom + 4 * k,
        )
        pen.rect(mid - 16 * k, boom - 16 * k, mid + 8 * k, boom)
        pen.line([(x + wide * 0.3, boom), (mid, apex), (x + wide * 0.7, boom)], 4 * k)
        for end in (reach * 0.55, reach * 0.95, -reach * 0.38):
            pen.line([(mid + end, boom - 4 * k), (mid, apex)], 1.6 * k)
        beacons.append((mid, apex - 3 * k))
    crate_colour = mix((110, 62, 52), (28, 26, 44), 0.55)
    paint(image, crate_colour, crates.mask())
    port = pen.mask()
    paint(image, (26, 24, 40), port)
    echo = ImageChops.lighter(port, crates.mask())
    echo = ripple(mirror(echo, quay, h - quay), rng, w * 0.004)
    echo = echo.resize((w // 5, h - quay), Image.Resampling.BILINEAR).resize((w, h - quay))
    below = Image.new("L", size, 0)
    below.paste(echo.point(lambda v: v * 3 // 5), (0, quay))
    paint(image, (18, 18, 34), below)
    # City and deck lights glow, and fall on the water as broken vertical streaks.
    streaks = Pen(size)
    for x, y in spots[::2] + shore[::3]:
        for j in range(rng.randint(3, 7)):
            yy = 2 * horizon - y + j * h * 0.012 + rng.uniform(0, 4)
            streaks.rect(x - rng.uniform(1, 3), yy, x + rng.uniform(1, 3), yy + 2)
    lights = ImageChops.lighter(ImageChops.lighter(deck_lights, shore_lights), streaks.mask(0.6))
    image = glow(image, (255, 196, 120), lights)
    image = glow(image, (255, 150, 70), soften(lights, 5).point(lambda v: min(255, v * 3)))
    red = _lights(size, rng, beacons, 2.0)
    image = glow(image, (255, 40, 30), ImageChops.lighter(red, soften(red, 6)))
    glitter = Pen(size)
    glitter.polygon(
        [(sun_x - 6, horizon), (sun_x + 6, horizon), (sun_x + w * 0.2, h), (sun_x - w * 0.2, h)]
    )
    sparkle = level(value_noise(rng, size, 28, 1.6), 175, 235)
    sparkle = ImageChops.multiply(sparkle, glitter.mask(w * 0.03))
    return glow(image, (255, 190, 130), sparkle), "dusk"
