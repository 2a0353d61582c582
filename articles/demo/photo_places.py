"""Built places for the generated demo photographs: a station platform, a hall.

Planes are drawn flat as textures and put in perspective by a pinhole
``Camera``. Each plane is split in depth segments with textures as fine as
the segment's nearest point needs, so far paving does not shimmer and near
paving is soft, as out of focus.
"""

from PIL import Image, ImageDraw

from articles.demo.photo_kit import (
    Pen,
    focus,
    fractal,
    glow,
    haze,
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

    def _ppm(self, z):
        return min(220.0, self.focal / z * 0.9)

    def wall(self, image, paint_texture, x, y0, y1, z0, z1):
        """The vertical plane X = ``x``; texture u runs with Z, v from ``y1`` down."""
        for a, b in self._segments(z0, z1):
            ppm = self._ppm(a)
            texture = Image.new(
                "RGB", (max(2, round((b - a) * ppm)), max(2, round((y1 - y0) * ppm)))
            )
            paint_texture(texture, ppm, a, b)
            quad = [self.at(x, y1, a), self.at(x, y1, b), self.at(x, y0, b), self.at(x, y0, a)]
            paste_warped(image, warp(texture, self.size, quad))

    def ground(self, image, paint_texture, y, x0, x1, z0, z1):
        """The horizontal plane Y = ``y``; texture u runs with X, v from ``z1`` (far) to near."""
        for a, b in self._segments(z0, z1):
            ppm = self._ppm(a)
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
