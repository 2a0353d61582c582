"""Built places for the generated demo photographs: a station platform, a hall.

Planes are drawn flat as textures and put in perspective by a pinhole
``Camera``. Each plane is split in depth segments with textures as fine as
the segment's nearest point needs, so far paving does not shimmer and near
paving is soft, as out of focus.
"""

from PIL import Image, ImageChops, ImageDraw

from articles.demo.photo_kit import (
    Pen,
    focus,
    foliage,
    fractal,
    glow,
    haze,
    hgradient,
    level,
    mix,
    paint,
    paste_warped,
    radial,
    ridge,
    scale,
    shadow,
    soften,
    vgradient,
    vramp,
    warp,
)
from articles.demo.photo_people import SKINS, person


class Camera:
    """Pinhole camera at the origin, looking down +Z, ``eye`` metres above Y=0."""

    def __init__(self, size, focal, centre, eye):
        self.size, self.focal, self.centre, self.eye = size, focal, centre, eye

    def at(self, x, y, z):
        return (
            self.centre[0] + self.focal * x / z,
            self.centre[1] - self.focal * (y - self.eye) / z,
        )

    def _segments(self, z0, z1):
        z = z0
        while z < z1:
            yield z, min(z1, z * 3.5)
            z *= 3.5

    def _ppm(self, z, extent):
        # As fine as the nearest point needs, within a texture of at most ~3000 px.
        return min(220.0, self.focal / z * 0.9, 3000 / extent)

    def wall(self, image, paint_texture, x, y0, y1, z0, z1):
        """The vertical plane X = ``x``; texture u runs with Z, v from ``y1`` down."""
        for a, b in self._segments(z0, z1):
            ppm = self._ppm(a, max(b - a, y1 - y0))
            texture = Image.new(
                "RGB", (max(2, round((b - a) * ppm)), max(2, round((y1 - y0) * ppm)))
            )
            paint_texture(texture, ppm, a, b)
            quad = [self.at(x, y1, a), self.at(x, y1, b), self.at(x, y0, b), self.at(x, y0, a)]
            paste_warped(image, warp(texture, self.size, quad))

    def ground(self, image, paint_texture, y, x0, x1, z0, z1):
        """The horizontal plane Y = ``y``; texture u runs with X, v from ``z1`` (far) to near."""
        for a, b in self._segments(z0, z1):
            ppm = self._ppm(a, max(x1 - x0, b - a))
            texture = Image.new(
                "RGB", (max(2, round((x1 - x0) * ppm)), max(2, round((b - a) * ppm)))
            )
            paint_texture(texture, ppm, a, b)
            quad = [self.at(x0, y, b), self.at(x1, y, b), self.at(x1, y, a), self.at(x0, y, a)]
            paste_warped(image, warp(texture, self.size, quad))


def _carriages(rng, body, stripe, blind):
    offset = rng.uniform(0, 24)

    def draw(texture, ppm, z0, z1):
        d = ImageDraw.Draw(texture)
        w, h = texture.size

        def v(y):  # texture row of height y (metres above the platform); top is 3.5 m
            return (3.5 - y) * ppm

        # The curved upper body mirrors the bright sky; grime gathers low.
        texture.paste(
            vgradient(
                (w, h),
                [
                    (0, scale(body, 0.7)),
                    (0.1, scale(body, 1.9)),
                    (0.2, scale(body, 1.2)),
                    (0.6, body),
                    (0.85, mix(body, (60, 52, 40), 0.35)),
                    (1, scale(body, 0.6)),
                ],
            )
        )
        d.rectangle([0, 0, w, v(3.25)], fill=(74, 80, 78))
        d.rectangle([0, v(3.3), w, v(3.25)], fill=(120, 126, 124))
        for y0, y1 in ((2.5, 2.56), (0.82, 0.92)):
            d.rectangle([0, v(y1), w, v(y0)], fill=stripe)
        line = max(1, round(0.04 * ppm))
        start = z0 - ((z0 - offset) % 25)
        car = start
        while car < z1:
            u = (car - z0) * ppm
            d.rectangle([u - 0.5 * ppm, 0, u + 0.5 * ppm, h], fill=(14, 16, 16))
            for door in (1.0, 22.6):
                d.rectangle(
                    [u + door * ppm, v(2.35), u + (door + 1.0) * ppm, v(-0.3)],
                    outline=scale(body, 0.45),
                    width=line,
                )
                d.rectangle(
                    [u + (door + 0.25) * ppm, v(2.1), u + (door + 0.75) * ppm, v(1.5)],
                    fill=(40, 46, 50),
                )
                d.line(
                    [(u + (door + 1.12) * ppm, v(1.9)), (u + (door + 1.12) * ppm, v(0.3))],
                    fill=(170, 172, 168),
                    width=line,
                )
            for k in range(9):
                left = u + (3.2 + k * 2.1) * ppm
                box = [left, v(2.25), left + 1.45 * ppm, v(1.15)]
                d.rounded_rectangle(
                    box, radius=0.12 * ppm, fill=blind, outline=(26, 30, 28), width=line
                )
                for pleat in range(1, 10):
                    y = v(2.25 - pleat * 0.11)
                    d.line(
                        [(left + line, y), (left + 1.45 * ppm - line, y)],
                        fill=scale(blind, 0.88),
                        width=max(1, line // 2),
                    )
                glare = [
                    (left + 0.2 * ppm, v(2.25)),
                    (left + 0.75 * ppm, v(2.25)),
                    (left + 0.35 * ppm, v(1.15)),
                    (left - 0.2 * ppm, v(1.15)),
                ]
                d.polygon(
                    [(max(left, x), y) for x, y in glare], fill=mix(blind, (236, 240, 242), 0.16)
                )
            car += 25
        d.rectangle([0, v(-0.15), w, h], fill=(18, 18, 18))

    return draw


def _paving(rng):
    def draw(texture, ppm, z0, z1):
        w, h = texture.size
        small = (max(2, w // 4), max(2, h // 4))
        stain = level(fractal(rng, small, max(2, ppm * 0.8), 3), 20, 235).resize((w, h))
        texture.paste(
            Image.merge(
                "RGB", [stain.point(lambda v, k=k: 112 + v * k // 255) for k in (46, 46, 44)]
            )
        )
        d = ImageDraw.Draw(texture)

        def u(x):  # texture column of X, platform from -1.45 m to 6.8 m
            return (x + 1.45) * ppm

        joint = (104, 104, 102)
        line = max(1, round(0.015 * ppm))
        z = z0 - (z0 % 1.5) + 1.5
        while z < z1:
            d.line([(u(-1.15), (z1 - z) * ppm), (w, (z1 - z) * ppm)], fill=joint, width=line)
            z += 1.5
        for x in range(0, 7, 2):
            d.line([(u(x), 0), (u(x), h)], fill=joint, width=line)
        d.rectangle([0, 0, u(-1.15), h], fill=(184, 182, 174))
        d.rectangle([u(-1.15), 0, u(-1.12), h], fill=(140, 138, 132))
        d.rectangle([u(-1.02), 0, u(-0.92), h], fill=(206, 172, 50))
        d.rectangle([u(-0.85), 0, u(-0.5), h], fill=(160, 156, 140))

    return draw


def _station(rng):
    wall = mix((214, 200, 168), (200, 196, 186), rng.random())

    def draw(texture, ppm, z0, z1):
        w, h = texture.size
        texture.paste(vgradient((w, h), [(0, scale(wall, 0.8)), (1, wall)]))
        d = ImageDraw.Draw(texture)
        z = z0 - (z0 % 6) + 2
        while z < z1:
            u = (z - z0) * ppm
            d.rectangle([u, 0.9 * ppm, u + 2.2 * ppm, 3.2 * ppm], fill=(58, 66, 72))
            d.rectangle([u + 0.1 * ppm, 1.0 * ppm, u + 2.1 * ppm, 1.9 * ppm], fill=(120, 134, 146))
            d.rectangle(
                [u, 0.9 * ppm, u + 2.2 * ppm, 3.2 * ppm],
                outline=scale(wall, 0.6),
                width=max(1, round(0.08 * ppm)),
            )
            z += 6
        d.rectangle([0, h - 0.35 * ppm, w, h], fill=scale(wall, 0.62))

    return draw


def _canopy(texture, ppm, z0, z1):
    w, h = texture.size
    texture.paste((58, 60, 64), (0, 0, w, h))
    d = ImageDraw.Draw(texture)
    z = z0 - (z0 % 3) + 3
    while z < z1:
        d.line(
            [(0, (z1 - z) * ppm), (w, (z1 - z) * ppm)],
            fill=(38, 39, 42),
            width=max(1, round(0.12 * ppm)),
        )
        z += 3


def train(size, rng):
    """A long dark green train at a station platform under a canopy; guards wait."""
    w, h = size
    cam = Camera(size, w * rng.uniform(0.85, 1.0), (w * rng.uniform(0.52, 0.6), h * 0.46), 1.6)
    cx, cy = cam.centre
    image = vgradient(
        size,
        [
            (0, (176, 184, 194)),
            (cy / h, (224, 224, 220)),
            (cy / h + 0.001, (120, 118, 110)),
            (1, (96, 94, 90)),
        ],
    )
    pen = Pen(size)
    pen.polygon([*ridge(rng, w, cy - h * 0.01, h * 0.025), (w, cy + 1), (0, cy + 1)])
    paint(image, (150, 160, 158), pen.mask(1))
    cam.wall(
        image,
        _carriages(rng, (30, 66, 46), (206, 170, 64), (196, 176, 140)),
        -1.55,
        -0.5,
        3.5,
        1.2,
        240,
    )
    cam.ground(image, _paving(rng), 0, -1.45, 6.8, 1.0, 200)
    cam.wall(image, _station(rng), 6.8, 0, 3.8, 1.0, 200)
    cam.ground(image, _canopy, 3.8, -0.9, 6.8, 1.0, 200)
    cam.wall(
        image,
        lambda t, ppm, a, b: t.paste((112, 114, 118), (0, 0, *t.size)),
        -0.9,
        3.8,
        4.25,
        1.0,
        200,
    )
    lamps = Pen(size)
    for z in (x * 1.0 for x in range(6, 200, 9)):
        for x in (1.2, 4.4):
            a, b = cam.at(x - 0.6, 3.72, z), cam.at(x + 0.6, 3.62, z)
            lamps.rect(a[0], a[1], b[0], b[1] + 1)
    posts = Pen(size)
    sides = Pen(size)
    for z in reversed(range(5, 200, 8)):
        left, top = cam.at(2.85, 3.8, z)
        right, bottom = cam.at(3.15, 0, z)
        sides.polygon(
            [
                cam.at(2.85, 3.8, z),
                cam.at(2.85, 3.8, z + 0.3),
                cam.at(2.85, 0, z + 0.3),
                cam.at(2.85, 0, z),
            ]
        )
        posts.rect(left, top, right, bottom)
    paint(image, (92, 94, 96), sides.mask())
    paint(image, (168, 168, 164), posts.mask())
    people = Pen(size, "RGBA")
    for z in sorted((rng.uniform(7, 45) for _ in range(rng.randint(6, 9))), reverse=True):
        x = rng.uniform(-0.9, 3.5)
        fx, fy = cam.at(x, 0, z)
        uniform = rng.choice([(52, 60, 44), (40, 44, 52), (34, 34, 36)])
        colours = (
            (*uniform, 255),
            (*scale(uniform, 0.8), 255),
            (*rng.choice(SKINS[:3]), 255),
            (24, 20, 18, 255),
            (10, 10, 10, 255),
        )
        person(people, fx, fy, cam.focal * 1.75 / z, colours, build=rng.uniform(0.95, 1.1))
    layer = people.mask()
    image.paste(layer, (0, 0), layer)
    image = glow(image, (255, 252, 236), lamps.mask())
    image = glow(image, (255, 240, 210), soften(lamps.mask(), 6))
    # Daylight comes in over the train: the far side under the canopy is dimmer.
    dim = Pen(size)
    dim.polygon([(cx, cy), (w, cy - h * 0.9), (w, h * 1.5)])
    image = shadow(image, 0.35, dim.mask(w * 0.12))
    image = haze(image, (218, 220, 218), radial(size, (cx, cy), w * 0.3, 1.4, 215))
    image = focus(
        image, level(radial(size, (cx, cy), w * 0.85).point(lambda v: 255 - v), 120, 215), 5
    )
    return image, "cool"


def cumulus(image, rng, horizon, amount=0.5):
    """Fair-weather clouds: grey bodies, sunlit tops, thicker toward the horizon."""
    w, h = image.size
    t = horizon / h
    mask = level(fractal(rng, image.size, w * 0.12, 5), round(255 * (1 - amount * 0.5)) - 40, 235)
    mask = ImageChops.multiply(
        mask, vramp(image.size, [(0, 70), (t * 0.7, 255), (t, 120), (t + 0.01, 0), (1, 0)])
    )
    paint(image, (188, 194, 208), mask)
    tops = ImageChops.multiply(mask, ImageChops.invert(ImageChops.offset(mask, 0, round(h * 0.02))))
    return glow(image, (90, 86, 70), soften(tops, 3))


def _plaza(rng):
    def draw(texture, ppm, z0, z1):
        w, h = texture.size
        small = (max(2, w // 4), max(2, h // 4))
        stain = level(fractal(rng, small, max(2, ppm * 1.5), 3), 20, 235).resize((w, h))
        texture.paste(
            Image.merge(
                "RGB", [stain.point(lambda v, c=c: c - 20 + v // 5) for c in (150, 146, 138)]
            )
        )
        d = ImageDraw.Draw(texture)
        for x in range(0, round(w / ppm) + 1, 3):
            d.line(
                [(x * ppm, 0), (x * ppm, h)], fill=(136, 132, 126), width=max(1, round(0.02 * ppm))
            )
        z = z0 - (z0 % 3) + 3
        while z < z1:
            d.line(
                [(0, (z1 - z) * ppm), (w, (z1 - z) * ppm)],
                fill=(136, 132, 126),
                width=max(1, round(0.02 * ppm)),
            )
            z += 3

    return draw


def facade(size, rng, flag="JP"):
    """A columned government building across a paved plaza, a flag flying in front."""
    from articles.demo.photo_events import flag_cloth

    w, h = size
    horizon = h * rng.uniform(0.6, 0.64)
    cam = Camera(size, w * rng.uniform(0.85, 0.95), (w * rng.uniform(0.42, 0.58), horizon), 1.6)
    far = rng.uniform(110, 130)

    def at(x, y):
        return cam.at(x, y, far)

    image = vgradient(
        size, [(0, (52, 104, 178)), (horizon / h, (186, 208, 230)), (1, (186, 208, 230))]
    )
    image = cumulus(image, rng, horizon, rng.uniform(0.4, 0.7))
    stone = mix((212, 204, 186), (226, 222, 212), rng.random())
    dark = mix(scale(stone, 0.5), (64, 74, 104), 0.25)
    wing = rng.uniform(17, 21)
    roof = wing + rng.uniform(7, 10)
    body = Pen(size)
    body.rect(*at(-62, wing), *at(62, 0))
    body.rect(*at(-18, roof), *at(18, 0))
    if rng.random() < 0.5:
        body.polygon([at(-18.5, roof), at(18.5, roof), at(0, roof + 6)])
    else:
        for k in range(4):
            body.rect(*at(-7 + k * 1.6, roof + 3 + k * 3), *at(7 - k * 1.6, roof))
    grain = fractal(rng, size, 40, 3)
    paint(
        image,
        Image.merge(
            "RGB", [grain.point(lambda v, c=c: round(c * (0.9 + v / 1275))) for c in stone]
        ),
        body.mask(),
    )
    sunk = Pen(size)
    windows = Pen(size)
    for side in (-1, 1):
        for storey in (3.5, 9.0, 14.5):
            for k in range(10):
                x = side * (21 + k * 4)
                windows.rect(*at(x - 0.8, storey + 3.2), *at(x + 0.8, storey))
                sunk.rect(*at(x - 0.8, storey + 3.4), *at(x + 1.0, storey + 3.2))
        sunk.rect(*at(side * 62, wing - 0.8), *at(side * 18, wing - 1.3))
    paint(
        image,
        vgradient(size, [(0, (96, 116, 140)), (horizon / h, (40, 46, 58)), (1, (40, 46, 58))]),
        windows.mask(),
    )
    recess = Pen(size)
    recess.rect(*at(-16.5, roof - 4), *at(16.5, 2.5))
    paint(image, dark, recess.mask())
    doors = Pen(size)
    for x in (-8, 0, 8):
        doors.rect(*at(x - 1.6, 8), *at(x + 1.6, 2.5))
    paint(image, (30, 30, 36), doors.mask())
    count = rng.choice((6, 8, 10))
    col_w = at(1.7, 0)[0] - at(0, 0)[0]
    tile = hgradient(
        (max(2, round(col_w)), 2),
        [
            (0, scale(stone, 0.8)),
            (0.3, scale(stone, 1.08)),
            (0.75, scale(stone, 0.62)),
            (1, scale(stone, 0.5)),
        ],
    )
    columns, cast = Pen(size), Pen(size)
    shaded = Image.new("RGB", size)
    for k in range(count):
        x = -15 + 30 * k / (count - 1)
        left, top = at(x - 0.85, roof - 4)
        right, bottom = at(x + 0.85, 2.5)
        columns.rect(left, top, right, bottom)
        columns.rect(*at(x - 1.2, roof - 4), *at(x + 1.2, roof - 4.8))
        cast.rect(*at(x + 0.5, roof - 4), *at(x + 2.3, 2.5))
        shaded.paste(
            tile.resize((round(right - left), round(bottom - top))), (round(left), round(top))
        )
    image = shadow(image, 0.5, cast.mask(1))
    paint(image, shaded, columns.mask())
    steps = Pen(size)
    for k in range(10):
        steps.rect(
            *at(-17 - (10 - k) * 0.3, 2.5 - k * 0.25), *at(17 + (10 - k) * 0.3, 2.4 - k * 0.25)
        )
    image = shadow(image, 0.35, steps.mask())
    image = shadow(image, 0.45, sunk.mask(0.8))
    ledge = Pen(size)
    ledge.rect(*at(-18.5, roof - 3.4), *at(18.5, roof - 4.0))
    image = shadow(image, 0.5, ledge.mask(1))
    image = haze(image, (200, 214, 230), Image.new("L", size, 50))
    cam.ground(image, _plaza(rng), 0, -90, 90, 2.0, far)
    crowns, trunks = [], Pen(size)
    for side in (-1, 1):
        for _ in range(rng.randint(3, 5)):
            x, z = side * rng.uniform(26, 48), rng.uniform(40, 70)
            (fx, fy), r = cam.at(x, 0, z), cam.focal * rng.uniform(2.6, 4) / z
            trunks.rect(fx - r * 0.07, fy - 1.4 * r, fx + r * 0.07, fy)
            crowns.append((fx, fy - 2.3 * r, r * 1.1))
    paint(image, (40, 36, 30), trunks.mask())
    image.paste(leaves := foliage(size, rng, crowns, (30, 44, 28), (84, 104, 58)), (0, 0), leaves)
    pole_x = rng.choice((-1, 1)) * rng.uniform(6, 9)
    base, top = cam.at(pole_x, 0, 36), cam.at(pole_x, 16, 36)
    pole = Pen(size)
    pole.rect(base[0] - 2, top[1], base[0] + 2, base[1])
    pole.ellipse(base[0] - 4, top[1] - 8, base[0] + 4, top[1])
    paint(image, (226, 228, 230), pole.mask())
    fw, fh = (base[1] - top[1]) * 0.32, (base[1] - top[1]) * 0.21
    wave = rng.uniform(-0.06, 0.06) * fh
    quad = [
        (base[0] + 2, top[1] + 4),
        (base[0] + fw, top[1] + 4 + wave + fh * 0.12),
        (base[0] + fw * 0.97, top[1] + fh + wave + fh * 0.2),
        (base[0] + 2, top[1] + fh),
    ]
    paste_warped(image, warp(flag_cloth(flag, (300, 200), rng), size, quad))
    people, feet = Pen(size, "RGBA"), Pen(size)
    for z in sorted((rng.uniform(22, 70) for _ in range(rng.randint(5, 9))), reverse=True):
        fx, fy = cam.at(rng.uniform(-25, 25), 0, z)
        coat = rng.choice([(40, 44, 60), (70, 60, 52), (30, 30, 34), (88, 84, 80)])
        colours = (
            (*coat, 255),
            (30, 30, 36, 255),
            (*rng.choice(SKINS), 255),
            (28, 24, 22, 255),
            (12, 12, 12, 255),
        )
        tall = cam.focal * 1.72 / z
        person(people, fx, fy, tall, colours, build=rng.uniform(0.95, 1.1))
        feet.polygon(
            [
                (fx - tall * 0.1, fy),
                (fx + tall * 0.1, fy),
                (fx + tall * 0.7, fy - tall * 0.04),
                (fx + tall * 0.55, fy - tall * 0.06),
            ]
        )
    image = shadow(image, 0.45, feet.mask(1.5), (40, 50, 80))
    layer = people.mask(0.5)
    image.paste(layer, (0, 0), layer)
    # Leaves of a tree behind the photographer dapple the near paving.
    dapple = level(fractal(rng, size, w * 0.025, 3), 110, 150)
    dapple = ImageChops.multiply(dapple, vramp(size, [(0, 0), (0.86, 0), (1, 255)]))
    image = shadow(image, 0.3, soften(dapple, 2), (40, 50, 80))
    return image, "neutral"
