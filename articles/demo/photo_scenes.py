"""Outdoor scenes for the generated demo photographs (see ``photos.py``).

Each scene draws back to front: sky, distant forms mixed into the haze colour,
nearer forms darker and sharper, then water or ground. Every measure is a
fraction of the frame and every choice comes from ``rng``, so a seed moves the
sun, the skyline and the weather: no two stories share a drawing.
"""

import math

from PIL import Image, ImageChops, ImageDraw

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


def _towers(rng, size, floor, count, heights, widths, body, windows):
    """One depth layer of buildings: their mask and their lit windows."""
    w, h = size
    pen = Pen(size)
    lit = Image.new("L", size, 0)
    d = ImageDraw.Draw(lit)
    x = -rng.uniform(0, widths[1])
    beacons = []
    for _ in range(count):
        bw = rng.uniform(*widths)
        top = floor - rng.uniform(*heights) * h
        pen.rect(x, top, x + bw, floor)
        if rng.random() < 0.3:
            pen.rect(x + bw * 0.2, top - h * 0.015, x + bw * 0.8, top)
        if rng.random() < 0.35:
            beacons.append((x + bw / 2, top - h * 0.02))
            pen.rect(x + bw / 2 - 0.6, top - h * 0.02, x + bw / 2 + 0.6, top)
        storey, bay = windows
        share = rng.uniform(0.1, 0.65)
        bands = rng.random() < 0.3  # offices: whole floors lit behind ribbon windows
        y = top + storey
        while y < floor - storey:
            if bands:
                if rng.random() < share:
                    d.rectangle(
                        [x + bay * 0.4, y, x + bw - bay * 0.4, y + storey * 0.35],
                        fill=rng.randint(90, 200),
                    )
            else:
                col = x + bay * 0.6
                while col < x + bw - bay * 0.6:
                    if rng.random() < share:
                        d.rectangle(
                            [col, y, col + bay * 0.45, y + storey * 0.4], fill=rng.randint(70, 255)
                        )
                    col += bay
            y += storey
        x += bw * rng.uniform(0.6, 1.15)
        if x > w:
            break
    return pen.mask(), lit, beacons


def skyline(size, rng):
    """A city at the blue hour from a height: towers, a hill with a mast, light trails below."""
    w, h = size
    horizon = round(h * rng.uniform(0.56, 0.62))
    t = horizon / h
    image = vgradient(
        size,
        [
            (0, (14, 24, 62)),
            (t * 0.55, (44, 74, 140)),
            (t * 0.92, (150, 150, 176)),
            (t, (238, 168, 126)),
            (1, (20, 20, 30)),
        ],
    )
    clouds = level(fractal(rng, size, 420, 4, cell_y=70), 150, 230)
    clouds = ImageChops.multiply(clouds, vramp(size, [(0, 60), (t * 0.6, 150), (t, 0), (1, 0)]))
    paint(image, (70, 80, 120), clouds)
    pen = Pen(size)
    pen.polygon([*ridge(rng, w, horizon - h * 0.1, h * 0.07), (w, horizon), (0, horizon)])
    paint(image, (62, 76, 112), pen.mask(1))
    hill_x = w * rng.uniform(0.2, 0.75)
    hill = Pen(size)
    hill.ellipse(hill_x - w * 0.22, horizon - h * 0.13, hill_x + w * 0.22, horizon + h * 0.2)
    paint(image, (34, 42, 58), hill.mask(1.5))
    mast = Pen(size)
    top = horizon - h * 0.13
    mast.polygon(
        [
            (hill_x - 6, top),
            (hill_x + 6, top),
            (hill_x + 3, top - h * 0.16),
            (hill_x - 3, top - h * 0.16),
        ]
    )
    mast.polygon(
        [
            (hill_x - 15, top - h * 0.175),
            (hill_x + 15, top - h * 0.175),
            (hill_x + 11, top - h * 0.2),
            (hill_x - 11, top - h * 0.2),
        ]
    )
    mast.rect(hill_x - 1.2, top - h * 0.3, hill_x + 1.2, top - h * 0.19)
    paint(image, (150, 150, 160), mast.mask())
    image = glow(
        image, (255, 236, 200), radial(size, (hill_x, top - h * 0.187), h * 0.03, 1.5, 120)
    )
    beacons = [(hill_x, top - h * 0.3)]
    base = Image.new("L", size, 0)
    base.paste(255, (0, horizon, w, h))
    paint(image, (24, 28, 44), base)
    lights = level(value_noise(rng, size, 2.2), 200, 255)
    lights = ImageChops.multiply(
        lights,
        vramp(size, [(0, 0), (t, 0), (t + 0.005, 150), (t + 0.12, 255), (t + 0.2, 0), (1, 0)]),
    )
    layers = [
        (horizon + h * 0.02, 60, (0.02, 0.08), (w * 0.015, w * 0.04), (55, 66, 100), (4, 4)),
        (horizon + h * 0.12, 40, (0.08, 0.2), (w * 0.025, w * 0.06), (32, 38, 60), (6, 5)),
        (horizon + h * 0.3, 18, (0.2, 0.46), (w * 0.05, w * 0.1), (18, 22, 36), (9, 8)),
    ]
    for floor, count, heights, widths, body, windows in layers:
        mask, lit, tops = _towers(rng, size, floor, count, heights, widths, body, windows)
        facade = vgradient(size, [(0, scale(body, 1.5)), (floor / h, body), (1, body)])
        paint(image, facade, mask)
        lights = ImageChops.lighter(ImageChops.multiply(lights, mask.point(lambda v: 255 - v)), lit)
        beacons += tops
    image = glow(image, (255, 206, 140), lights)
    image = glow(image, (255, 170, 90), soften(lights, 4))
    # The expressway in front, taken with a long exposure: traffic is streaks of light.
    road = Pen(size)
    trails_white, trails_red = Pen(size), Pen(size)
    bend = rng.uniform(-0.08, 0.08) * h
    for k in range(12):
        lane = h * (0.92 + 0.012 * k)
        curve = [
            (x, lane + bend * math.sin(math.pi * x / w) - (x / w) * h * 0.08)
            for x in range(-20, w + 40, 16)
        ]
        road.line(curve, h * 0.02)
        if 0 < k < 11:
            pen = trails_white if k < 6 else trails_red
            start = rng.randint(0, 20)
            end = rng.randint(len(curve) - 20, len(curve))
            pen.line(curve[start:end], rng.uniform(0.8, 2.2), rng.randint(140, 255))
    paint(image, (16, 16, 20), road.mask(1))
    image = glow(image, (255, 244, 220), trails_white.mask(0.6))
    image = glow(image, (255, 60, 40), trails_red.mask(0.6))
    trails = ImageChops.lighter(trails_white.mask(), trails_red.mask())
    image = glow(image, (255, 150, 100), soften(trails, 7).point(lambda v: min(255, v * 3)))
    red = Pen(size)
    for x, y in beacons:
        red.ellipse(x - 2, y - 2, x + 2, y + 2)
    image = glow(image, (255, 50, 40), ImageChops.lighter(red.mask(), soften(red.mask(), 5)))
    return image, "cool"
