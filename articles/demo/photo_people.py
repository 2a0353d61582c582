"""People for the generated demo photographs: figures, crowds, a handshake.

Figures are proportioned from a height in pixels (head about an eighth of it)
and drawn on a ``Pen``: on an ``L`` mask they are silhouettes, on an ``RGBA``
pen each part takes its colour.
"""

from PIL import Image, ImageChops, ImageFilter

from articles.demo.photo_kit import Pen, fractal, glow, mix, scale, soften

SKINS = [(232, 196, 168), (214, 170, 135), (190, 145, 110), (150, 105, 75), (226, 186, 150)]
HAIRS = [(22, 18, 16), (40, 30, 24), (70, 52, 38), (120, 118, 115), (28, 24, 22)]


def person(pen, x, foot, height, colours, *, build=1.0, pose="down", facing=1, back=False):
    """One standing figure. ``colours``: coat, trousers, skin, hair, shoes (pen values)."""
    coat, trousers, skin, hair, shoes = colours
    u = height
    shoulder = foot - 0.815 * u
    hip = foot - 0.47 * u
    half = 0.125 * u * build
    for side in (-1, 1):
        pen.polygon(
            [
                (x + side * 0.012 * u, hip - 0.02 * u),
                (x + side * 0.1 * u * build, hip - 0.02 * u),
                (x + side * 0.072 * u, foot - 0.02 * u),
                (x + side * 0.022 * u, foot - 0.02 * u),
            ],
            trousers,
        )
        pen.ellipse(
            x + side * 0.075 * u - 0.04 * u,
            foot - 0.035 * u,
            x + side * 0.03 * u + 0.04 * u,
            foot,
            shoes,
        )
    arms = []
    for side in (-1, 1):
        sx, sy = x + side * (half - 0.03 * u), shoulder + 0.035 * u
        if pose == "raised" and side == facing:
            arms.append(
                [
                    (sx, sy),
                    (x + side * 0.2 * u, foot - 0.95 * u),
                    (x + side * 0.22 * u, foot - 1.08 * u),
                ]
            )
        elif pose == "shake" and side == facing:
            arms.append(
                [
                    (sx, sy),
                    (x + side * 0.16 * u, foot - 0.57 * u),
                    (x + side * 0.3 * u, foot - 0.6 * u),
                ]
            )
        else:
            arms.append(
                [
                    (sx, sy),
                    (x + side * (half + 0.005 * u), foot - 0.6 * u),
                    (x + side * half * 0.95, foot - 0.43 * u),
                ]
            )
    for arm in arms:
        pen.line(arm, 0.075 * u, coat)
        hx, hy = arm[-1]
        pen.ellipse(hx - 0.028 * u, hy - 0.03 * u, hx + 0.028 * u, hy + 0.035 * u, skin)
    pen.polygon(
        [
            (x - half, shoulder + 0.03 * u),
            (x - half + 0.035 * u, shoulder),
            (x + half - 0.035 * u, shoulder),
            (x + half, shoulder + 0.03 * u),
            (x + half * 0.85, foot - 0.42 * u),
            (x - half * 0.85, foot - 0.42 * u),
        ],
        coat,
    )
    pen.rect(x - 0.028 * u, foot - 0.875 * u, x + 0.028 * u, shoulder + 0.01 * u, skin)
    head = foot - 0.935 * u
    pen.ellipse(
        x - 0.058 * u, head - 0.07 * u, x + 0.058 * u, head + 0.072 * u, hair if back else skin
    )
    if not back:
        pen.ellipse(x - 0.061 * u, head - 0.078 * u, x + 0.061 * u, head - 0.015 * u, hair)
        pen.ellipse(x - 0.052 * u, head - 0.03 * u, x + 0.052 * u, head + 0.072 * u, skin)


# Mostly white shirts and dark jackets, a few coloured dresses.
CLOTHES = [
    (232, 232, 226),
    (226, 226, 220),
    (30, 32, 40),
    (62, 64, 72),
    (44, 48, 58),
    (84, 108, 150),
    (214, 200, 176),
    (186, 92, 120),
]


def _held(pen, rng, x, top, height, flags, flowers, fade):
    hx = x + height * 0.22 * rng.choice((-1, 1))
    if flowers and rng.random() < 0.55:
        r = height * 0.06
        colour = rng.choice(flowers)
        for _ in range(6):
            dx, dy = rng.uniform(-r, r), rng.uniform(-r, r)
            shade = (*fade(scale(colour, rng.uniform(0.75, 1.1))), 255)
            pen.ellipse(hx + dx - r, top + dy - r * 1.2, hx + dx + r, top + dy + r * 0.8, shade)
    elif flags:
        stick = (*fade((205, 195, 175)), 255)
        pen.line([(hx, top + height * 0.05), (hx, top - height * 0.22)], height * 0.012, stick)
        fh = height * 0.13
        for t0, t1, colour in rng.choice(flags):
            y0 = top - height * 0.22 + fh * t0
            pen.rect(hx, y0, hx + height * 0.2, y0 + fh * (t1 - t0), (*fade(colour), 255))


def crowd(size, rng, *, horizon, focal, eye, near, far, rows, air, flags=(), flowers=()):
    """Rows of people seen from behind, from ``far`` to ``near`` metres; an RGBA layer.

    The camera stands ``eye`` metres up, so further rows show above nearer ones; they
    fade into ``air`` with distance and the two nearest rows are out of focus.
    """
    w, h = size
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    pen = Pen(size, "RGBA")
    # Light from above: each row is brighter at the shoulders than at the waist.
    light = [255] * h
    for row in range(rows):
        z = far * (near / far) ** (row / max(1, rows - 1))
        height = focal * 1.7 / z
        foot = horizon + focal * eye / z
        veil = 0.6 * min(1.0, z / far) ** 0.7

        def fade(colour, veil=veil):
            return mix(colour, air, veil)

        top = max(0, round(foot - height * 1.05))
        for y in range(top, min(h, round(foot))):
            light[y] = round(255 - 150 * ((y - top) / max(1, foot - top)) ** 0.8)
        if row >= rows - 2:
            layer.alpha_composite(pen.mask(1.5 if row == rows - 1 else 0))
            pen = Pen(size, "RGBA")
        x = -rng.uniform(0, height * 0.3)
        while x < w + height * 0.3:
            clothes = rng.choice(CLOTHES)
            colours = tuple(
                (*fade(c), 255)
                for c in (
                    clothes,
                    mix(clothes, (30, 30, 35), 0.6),
                    rng.choice(SKINS),
                    rng.choice(HAIRS),
                    (20, 20, 20),
                )
            )
            tall = height * rng.uniform(0.92, 1.06)
            pose = "raised" if rng.random() < 0.45 else "down"
            facing = rng.choice((-1, 1))
            y = foot + rng.uniform(-0.02, 0.02) * height
            build = rng.uniform(0.9, 1.15)
            person(pen, x, y, tall, colours, build=build, pose=pose, facing=facing, back=True)
            if pose == "raised":
                _held(pen, rng, x, y - 1.08 * tall, tall, flags, flowers, fade)
            x += height * rng.uniform(0.19, 0.29)
    layer.alpha_composite(soften(pen.mask().convert("RGBa"), 4).convert("RGBA"))
    column = Image.new("L", (1, h))
    column.putdata(light)
    shade = ImageChops.multiply(
        column.resize(size), fractal(rng, size, 2.5, 2).point(lambda v: 226 + v // 9)
    )
    alpha = layer.getchannel("A")
    layer = ImageChops.multiply(layer.convert("RGB"), Image.merge("RGB", (shade, shade, shade)))
    layer.putalpha(alpha)
    return layer


# A man in a suit seen from the side, facing +x: outlines in units of his height,
# y up from the soles. Smooth enough to stand in silhouette against the light.
_PROFILE = {
    "jacket": [
        (-0.036, 0.845),
        (-0.07, 0.8),
        (-0.078, 0.7),
        (-0.074, 0.58),
        (-0.07, 0.45),
        (0.078, 0.455),
        (0.084, 0.55),
        (0.08, 0.68),
        (0.072, 0.77),
        (0.05, 0.83),
        (0.03, 0.85),
    ],
    "neck": [(-0.028, 0.89), (0.03, 0.89), (0.036, 0.83), (-0.034, 0.83)],
    "back_leg": [
        (-0.05, 0.47),
        (0.012, 0.47),
        (0.0, 0.25),
        (-0.02, 0.03),
        (-0.058, 0.03),
        (-0.052, 0.25),
    ],
    "front_leg": [
        (-0.005, 0.47),
        (0.058, 0.47),
        (0.06, 0.25),
        (0.07, 0.03),
        (0.03, 0.03),
        (0.01, 0.25),
    ],
    "back_shoe": [(-0.062, 0.035), (0.0, 0.035), (0.03, 0.015), (0.032, 0.0), (-0.062, 0.0)],
    "front_shoe": [(0.026, 0.035), (0.075, 0.035), (0.108, 0.015), (0.11, 0.0), (0.026, 0.0)],
}


def profile(pen, x, foot, height, facing=1, build=1.0, value=255):
    """A standing man in a suit, side on, his near arm reaching out to shake a hand.

    Returns where his hand is, so the other man's can meet it.
    """

    def at(points):
        return [(x + facing * px * height * build * 1.2, foot - py * height) for px, py in points]

    for part in ("back_leg", "front_leg", "back_shoe", "front_shoe", "jacket", "neck"):
        pen.polygon(at(_PROFILE[part]), value)
    hx, hy = x + facing * 0.004 * height, foot - 0.935 * height
    pen.ellipse(
        hx - 0.05 * height, hy - 0.064 * height, hx + 0.054 * height, hy + 0.06 * height, value
    )
    arm = at([(0.0, 0.78), (0.035, 0.62), (0.19, 0.585)])
    pen.line(arm, 0.052 * height * build, value)
    hand = arm[-1]
    pen.ellipse(
        hand[0] - 0.028 * height,
        hand[1] - 0.022 * height,
        hand[0] + 0.028 * height,
        hand[1] + 0.026 * height,
        value,
    )
    return hand


def rim(base, mask, colour, width):
    """Back light catching the edge of a silhouette."""
    inner = mask.filter(ImageFilter.MinFilter(max(3, 2 * round(width) + 1)))
    edge = ImageChops.subtract(mask, inner)
    return glow(base, colour, soften(edge, width * 0.4))
