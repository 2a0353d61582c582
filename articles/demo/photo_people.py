"""People for the generated demo photographs: figures, crowds, a handshake.

Figures are proportioned from a height in pixels (head about an eighth of it)
and drawn on a ``Pen``: on an ``L`` mask they are silhouettes, on an ``RGBA``
pen each part takes its colour.
"""

from PIL import Image, ImageChops, ImageFilter

from articles.demo.photo_kit import Pen, glow, mix, scale, soften

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


CLOTHES = [
    (235, 235, 230),
    (30, 32, 40),
    (62, 64, 72),
    (226, 112, 150),
    (84, 118, 170),
    (240, 222, 200),
]


def _held(pen, rng, x, top, height, flags, flowers):
    hx = x + height * 0.22 * rng.choice((-1, 1))
    if flowers and rng.random() < 0.55:
        r = height * 0.06
        colour = rng.choice(flowers)
        for _ in range(6):
            dx, dy = rng.uniform(-r, r), rng.uniform(-r, r)
            shade = (*scale(colour, rng.uniform(0.75, 1.1)), 255)
            pen.ellipse(hx + dx - r, top + dy - r * 1.2, hx + dx + r, top + dy + r * 0.8, shade)
    elif flags:
        pen.line(
            [(hx, top + height * 0.05), (hx, top - height * 0.22)],
            height * 0.012,
            (205, 195, 175, 255),
        )
        pen.rect(
            hx,
            top - height * 0.22,
            hx + height * 0.2,
            top - height * 0.09,
            (*rng.choice(flags), 255),
        )


def crowd(size, rng, *, horizon, focal, eye, near, far, rows, air, flags=(), flowers=()):
    """Rows of people seen from behind, from ``far`` to ``near`` metres; an RGBA layer.

    The camera stands ``eye`` metres up, so further rows show above nearer ones; they
    fade into ``air`` with distance and the two nearest rows are out of focus.
    """
    w, _ = size
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    for row in range(rows):
        z = far * (near / far) ** (row / max(1, rows - 1))
        height = focal * 1.7 / z
        foot = horizon + focal * eye / z
        pen = Pen(size, "RGBA")
        x = -rng.uniform(0, height * 0.3)
        while x < w + height * 0.3:
            clothes = rng.choice(CLOTHES)
            colours = (
                (*clothes, 255),
                (*mix(clothes, (30, 30, 35), 0.6), 255),
                (*rng.choice(SKINS), 255),
                (*rng.choice(HAIRS), 255),
                (20, 20, 20, 255),
            )
            tall = height * rng.uniform(0.92, 1.06)
            pose = "raised" if rng.random() < 0.45 else "down"
            facing = rng.choice((-1, 1))
            y = foot + rng.uniform(-0.02, 0.02) * height
            person(
                pen,
                x,
                y,
                tall,
                colours,
                build=rng.uniform(0.9, 1.15),
                pose=pose,
                facing=facing,
                back=True,
            )
            if pose == "raised":
                _held(pen, rng, x + facing * 0.0, y - 1.08 * tall, tall, flags, flowers)
            x += height * rng.uniform(0.19, 0.29)
        sprite = pen.mask()
        fade = min(1.0, z / (far * 1.2))
        if fade > 0.1:
            alpha = sprite.getchannel("A")
            veil = Image.new("RGBA", size, (*air, 255))
            sprite = Image.blend(sprite, veil, fade * 0.6)
            sprite.putalpha(alpha)
        if row >= rows - 2:
            sprite = soften(sprite.convert("RGBa"), 1.5 + 2.5 * (row - rows + 2)).convert("RGBA")
        layer.alpha_composite(sprite)
    return layer


def rim(base, mask, colour, width):
    """Back light catching the edge of a silhouette."""
    inner = mask.filter(ImageFilter.MinFilter(max(3, 2 * round(width) + 1)))
    edge = ImageChops.subtract(mask, inner)
    return glow(base, colour, soften(edge, width * 0.4))
