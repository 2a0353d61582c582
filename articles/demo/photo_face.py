"""A face for the generated portraits: modelled as a surface, then lit.

The head is a height field (an egg, plus soft bumps and hollows for brow, eye
sockets, nose, cheekbones, lips and chin), lit by a key light from the upper
left and a weak fill, with a little sheen. It is computed on a coarse grid in
pure Python (a few thousand points) and enlarged: light on skin varies slowly,
and that is what makes the face read as a photograph rather than a drawing.
Colour features (eyes, brows, lips) are painted over it, soft-edged.
"""

import math

from PIL import Image, ImageChops

from articles.demo.photo_kit import Pen, glow, mix, paint, radial, scale, shadow

# (height, u, v, spread u, spread v); u across the face (-1 left .. 1 right),
# v down it (-1 crown .. 1 chin). Mirrored bumps have u > 0 and are used twice.
RELIEF = [
    (0.05, 0.4, -0.16, 0.3, 0.07),  # brow ridge
    (-0.08, 0.4, 0.0, 0.22, 0.11),  # eye socket
    (0.05, 0.55, 0.22, 0.2, 0.12),  # cheekbone
    (-0.035, 0.58, 0.48, 0.16, 0.14),  # cheek hollow
    (-0.04, 0.85, -0.3, 0.14, 0.2),  # temple
    (0.03, 0.13, 0.4, 0.07, 0.05),  # wing of the nose
    (0.1, 0.0, 0.1, 0.09, 0.26),  # bridge of the nose
    (0.1, 0.0, 0.33, 0.1, 0.08),  # tip of the nose
    (-0.035, 0.0, 0.45, 0.14, 0.03),  # under the nose
    (0.045, 0.0, 0.6, 0.26, 0.06),  # lips
    (-0.025, 0.0, 0.615, 0.3, 0.012),  # between the lips
    (-0.03, 0.0, 0.75, 0.2, 0.04),  # above the chin
    (0.06, 0.0, 0.88, 0.22, 0.08),  # chin
    (0.02, 0.0, -0.55, 0.5, 0.25),  # forehead
]
KEY = (-0.55, -0.45, 0.7)
FILL = (0.7, 0.1, 0.7)


def curve(a, c, b, steps=16):
    """Quadratic Bézier from ``a`` to ``b`` pulled toward ``c``."""
    out = []
    for k in range(steps + 1):
        t = k / steps
        out.append(
            tuple(
                (1 - t) ** 2 * p + 2 * (1 - t) * t * q + t * t * r
                for p, q, r in zip(a, c, b, strict=True)
            )
        )
    return out


def jaw(v):
    return 1 - 0.3 * max(0.0, v) ** 2.2


def outline(cx, cy, hw, hh, width):
    """An egg: a full cranium, a jaw that narrows to a rounded chin."""
    points = []
    for k in range(120):
        t = 2 * math.pi * k / 120
        x, y = math.cos(t), math.sin(t)
        points.append((cx + hw / 2 * width * jaw(y) * x, cy + hh / 2 * y))
    return points


def _unit(x, y, z):
    n = math.sqrt(x * x + y * y + z * z) or 1.0
    return x / n, y / n, z / n


def _height(u, v, bumps):
    across = u / jaw(v)
    z = math.sqrt(max(0.0, 1 - across * across - v * v)) * 0.9
    for a, u0, v0, su, sv in bumps:
        z += a * math.exp(-(((u - u0) / su) ** 2) - ((v - v0) / sv) ** 2)
    return z


def shading(turn, grid=(60, 80)):
    """Light (``L``) and sheen (``L``) over the head's box, on a coarse grid."""
    bumps = []
    for a, u0, v0, su, sv in RELIEF:
        # A turned head shows its features shifted toward the far side.
        for sign in (-1, 1) if u0 else (1,):
            bumps.append((a, sign * u0 * (1 + 0.4 * sign * turn) - 0.35 * turn, v0, su, sv))
    gw, gh = grid
    key, fill = _unit(*KEY), _unit(*FILL)
    half = _unit(key[0], key[1], key[2] + 1)
    us = [-1.15 + 2.3 * (i - 1) / (gw - 1) for i in range(gw + 2)]
    vs = [-1.05 + 2.1 * (j - 1) / (gh - 1) for j in range(gh + 2)]
    # Heights once on a grid one point wider all round; slopes from neighbours.
    zs = [[_height(u, v, bumps) for u in us] for v in vs]
    du, dv = 2 * (us[1] - us[0]), 2 * (vs[1] - vs[0])
    light, sheen = [], []
    for j in range(1, gh + 1):
        v, row, up, down = vs[j], zs[j], zs[j - 1], zs[j + 1]
        for i in range(1, gw + 1):
            z = row[i]
            dx, dy = (row[i + 1] - row[i - 1]) / du, (down[i] - up[i]) / dv
            # At the rim of the egg the normal turns outward, away from the lens.
            n = (
                _unit(-dx * 0.9, -dy * 0.9, 1.0)
                if z > 0.12
                else _unit(us[i] / jaw(v), v, max(0.0, z))
            )
            diffuse = max(0.0, (n[0] * key[0] + n[1] * key[1] + n[2] * key[2] + 0.25) / 1.25)
            back = max(0.0, n[0] * fill[0] + n[1] * fill[1] + n[2] * fill[2])
            light.append(round(255 * min(1.0, 0.12 + 0.8 * diffuse + 0.14 * back)))
            gloss = max(0.0, n[0] * half[0] + n[1] * half[1] + n[2] * half[2]) ** 40
            sheen.append(round(255 * min(1.0, gloss * 0.6)))
    out = []
    for values in (light, sheen):
        image = Image.new("L", grid)
        image.putdata(values)
        out.append(image)
    return out


def skin_layer(size, look, cx, cy, hw, hh, texture):
    """The lit face as a full-frame RGB layer (to paste through the head mask)."""
    skin, width = look["skin"], look["width"]
    light, sheen = shading(look.get("turn", 0.0))
    box = (round(cx - hw / 2 * width * 1.15), round(cy - hh / 2 * 1.05))
    span = (round(hw * width * 1.15), round(hh * 1.05))
    lit = Image.new("L", size, 30)
    lit.paste(light.resize(span, Image.Resampling.BICUBIC), box)
    gloss = Image.new("L", size, 0)
    gloss.paste(sheen.resize(span, Image.Resampling.BICUBIC), box)
    # Skin in shadow turns warmer and deeper, not grey: light scatters under it.
    bright = Image.new("RGB", size, scale(skin, 1.08))
    deep = Image.new("RGB", size, mix(scale(skin, 0.38), (90, 36, 26), 0.25))
    layer = Image.composite(bright, deep, lit)
    layer = ImageChops.multiply(layer, Image.merge("RGB", [texture] * 3))
    return glow(layer, (120, 112, 104), gloss)


def _soft(image, strength, tint, blur, draw):
    pen = Pen(image.size)
    draw(pen)
    return shadow(image, strength, pen.mask(blur), tint)


def features(layer, look, cx, cy, hw, hh):
    """Eyes, brows, lips and warmth, painted soft over the lit skin."""
    turn = look.get("turn", 0.0)

    def X(d):
        return cx - turn * 0.3 * hw + d * hw * (1 + (0.5 if d > 0 else -0.5) * turn)

    def Y(d):
        return cy + d * hh

    size, skin, hair = layer.size, look["skin"], look["hair"]
    dark = scale(skin, 0.3)
    for side in (-1, 1):
        ex, ey = X(side * 0.2), Y(0.005)
        half = 0.072 * hw * (1 + 0.5 * side * turn)
        tall = (0.03 if look["eyes"] == "narrow" else 0.04) * hh
        eye = Pen(size)
        eye.polygon(
            curve((ex - half, ey), (ex, ey - tall * 1.3), (ex + half, ey - tall * 0.1))
            + curve((ex + half, ey), (ex, ey + tall * 0.9), (ex - half, ey))
        )
        white = eye.mask(1.0)
        paint(layer, mix(skin, (200, 194, 188), 0.4), white)
        r = tall * 0.78
        iris = Pen(size)
        iris.ellipse(ex - r, ey - r * 0.9, ex + r, ey + r * 1.1)
        paint(layer, (40, 28, 22), ImageChops.multiply(iris.mask(0.8), white))
        lid = Pen(size)
        lid.line(
            curve(
                (ex - half * 1.05, ey + tall * 0.1), (ex, ey - tall * 1.45), (ex + half * 1.1, ey)
            ),
            0.013 * hh,
        )
        paint(layer, (34, 24, 20), lid.mask(1.0))
        crease = curve((ex - half, ey - tall), (ex, ey - tall * 2.3), (ex + half, ey - tall * 1.2))
        layer = _soft(layer, 0.28, dark, 2, lambda p, c=crease: p.line(c, 0.012 * hh))
        layer = glow(
            layer, (150, 150, 150), radial(size, (ex - r * 0.35, ey - r * 0.3), r * 0.3, 1.0, 255)
        )
        brow = Pen(size)
        brow.polygon(
            curve(
                (X(side * 0.07), Y(-0.085)), (X(side * 0.2), Y(-0.15)), (X(side * 0.36), Y(-0.105))
            )
            + curve(
                (X(side * 0.35), Y(-0.095)),
                (X(side * 0.2), Y(-0.125)),
                (X(side * 0.075), Y(-0.065)),
            )
        )
        paint(layer, mix(hair, skin, 0.3), brow.mask(1.8).point(lambda v: v * 3 // 4))
        layer = glow(layer, (24, 4, 0), radial(size, (X(side * 0.27), Y(0.15)), 0.2 * hw, 1.2, 150))
        nostril = (X(side * 0.055), Y(0.2))
        layer = _soft(
            layer,
            0.5,
            dark,
            1.8,
            lambda p, n=nostril: p.ellipse(
                n[0] - 0.026 * hw, n[1] - 0.01 * hh, n[0] + 0.026 * hw, n[1] + 0.01 * hh
            ),
        )
    my = Y(0.31)
    lips = Pen(size)
    lips.polygon(
        [
            (X(-0.16), my),
            (X(-0.06), my - 0.026 * hh),
            (X(0), my - 0.018 * hh),
            (X(0.06), my - 0.026 * hh),
            (X(0.16), my),
            (X(0.08), my + 0.04 * hh),
            (X(-0.08), my + 0.04 * hh),
        ]
    )
    paint(layer, mix(skin, (150, 80, 76), 0.28), lips.mask(2.0).point(lambda v: v * 4 // 5))
    mouth = curve((X(-0.16), my + 0.003 * hh), (X(0), my + 0.01 * hh), (X(0.16), my + 0.003 * hh))
    return _soft(layer, 0.45, (60, 30, 28), 1.4, lambda p: p.line(mouth, 0.01 * hh))
