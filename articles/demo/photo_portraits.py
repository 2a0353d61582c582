"""Studio head-and-shoulders portraits for the demo leaders, generated with Pillow.

A portrait is built like a studio photograph: a mottled backdrop lit behind the
sitter, a suit lit from the left, a head modelled by a key light, form shadows
and a rim light, features kept soft (a face drawn sharp reads as a cartoon).
``LOOKS`` holds what makes each sitter distinct: skin, hair, suit, tie, backdrop.
"""

from PIL import Image, ImageChops

from articles.demo.photo_face import curve, features, outline, skin_layer
from articles.demo.photo_kit import (
    Pen,
    fractal,
    glow,
    hgradient,
    level,
    mix,
    paint,
    radial,
    scale,
    shadow,
    soften,
    value_noise,
    vgradient,
)

SKIN_TONES = [(234, 200, 172), (226, 186, 152), (214, 170, 136), (196, 150, 114), (160, 112, 80)]
HAIR_COLOURS = [(18, 16, 16), (40, 32, 28), (92, 70, 52), (150, 132, 112), (196, 194, 190)]
SUITS = [(28, 32, 44), (34, 40, 62), (46, 48, 54), (60, 58, 56), (26, 26, 30)]
TIES = [(150, 28, 40), (40, 70, 130), (110, 30, 50), (60, 110, 90), (180, 150, 60)]
STYLES = ["short", "side_part", "swept", "receding", "crop", "combed"]


def random_look(rng):
    return {
        "skin": rng.choice(SKIN_TONES),
        "hair": rng.choice(HAIR_COLOURS),
        "style": rng.choice(STYLES),
        "suit": rng.choice(SUITS),
        "tie": rng.choice(TIES),
        "collar": rng.choice(("tie", "tie", "mao")),
        "backdrop": mix(
            rng.choice([(60, 70, 90), (90, 80, 70), (50, 60, 60), (110, 100, 96)]),
            (80, 80, 80),
            0.3,
        ),
        "width": rng.uniform(0.95, 1.08),
        "eyes": rng.choice(("round", "narrow")),
        "turn": rng.uniform(-0.22, 0.22),
    }


def _backdrop(size, rng, colour, cx, cy):
    w, h = size
    base = vgradient(size, [(0, scale(colour, 0.75)), (0.5, colour), (1, scale(colour, 0.6))])
    mottle = fractal(rng, size, w * 0.35, 4)
    base = ImageChops.multiply(base, Image.merge("RGB", [mottle.point(lambda v: 205 + v // 5)] * 3))
    return glow(base, scale(colour, 0.9), radial(size, (cx, cy), h * 0.55, 1.3, 200))


def _suit(image, rng, look, cx, neck_y, h, w):
    suit, size = look["suit"], image.size
    n, reach = h * 0.075, h * 0.34 * look["width"]
    outline = []
    for side in (1, -1):
        shoulder = curve(
            (cx + side * n, neck_y - h * 0.03),
            (cx + side * reach * 0.8, neck_y + h * 0.03),
            (cx + side * reach, neck_y + h * 0.12),
        )
        arm = curve(
            (cx + side * reach, neck_y + h * 0.12),
            (cx + side * reach * 1.08, neck_y + h * 0.18),
            (cx + side * reach * 1.1, h * 1.02),
            8,
        )
        part = [*shoulder, *arm]
        outline += part if side == 1 else part[::-1]
    pen = Pen(size)
    pen.polygon(outline[: len(outline) // 2] + outline[len(outline) // 2 :][::-1][::-1])
    body = pen.mask()
    cloth = hgradient(
        size,
        [
            (0, scale(suit, 1.5)),
            (cx / w - 0.12, scale(suit, 1.3)),
            (cx / w + 0.2, scale(suit, 0.75)),
            (1, scale(suit, 0.5)),
        ],
    )
    cloth = ImageChops.multiply(
        cloth, vgradient(size, [(0, (255,) * 3), (neck_y / h, (255,) * 3), (1, (150,) * 3)])
    )
    weave = value_noise(rng, size, 1.5).point(lambda v: 236 + v // 14)
    cloth = ImageChops.multiply(cloth, Image.merge("RGB", [weave] * 3))
    cloth = glow(
        cloth,
        scale(suit, 0.7),
        radial(size, (cx - reach * 0.7, neck_y + h * 0.12), h * 0.2, 1.5, 200),
    )
    paint(image, cloth, body)
    folds = Pen(size)
    for side in (-1, 1):
        folds.line(
            [
                (cx + side * reach * 0.8, neck_y + h * 0.3),
                (cx + side * reach * 0.55, neck_y + h * 0.22),
            ],
            h * 0.02,
        )
    image = shadow(image, 0.3, folds.mask(h * 0.012))
    if look["collar"] == "mao":
        band = Pen(size)
        band.polygon(
            [
                (cx - h * 0.06, neck_y - h * 0.045),
                (cx + h * 0.06, neck_y - h * 0.045),
                (cx + h * 0.07, neck_y + h * 0.02),
                (cx - h * 0.07, neck_y + h * 0.02),
            ]
        )
        paint(image, scale(suit, 1.2), band.mask())
        seam = Pen(size)
        seam.line(
            [(cx - h * 0.066, neck_y + h * 0.022), (cx + h * 0.066, neck_y + h * 0.022)], h * 0.004
        )
        seam.line([(cx + h * 0.004, neck_y + h * 0.03), (cx + h * 0.01, h)], h * 0.003)
        for k in range(4):
            y = neck_y + h * (0.08 + 0.12 * k)
            seam.ellipse(cx - h * 0.009, y - h * 0.009, cx + h * 0.009, y + h * 0.009)
        return shadow(image, 0.55, seam.mask(0.8))
    shirt = Pen(size)
    shirt.polygon(
        [
            (cx - n * 0.95, neck_y - h * 0.035),
            (cx + n * 0.95, neck_y - h * 0.035),
            (cx + h * 0.03, h * 0.84),
            (cx - h * 0.03, h * 0.84),
        ]
    )
    white = hgradient(size, [(0, (236, 236, 234)), (cx / w, (226, 228, 230)), (1, (160, 162, 170))])
    paint(image, white, shirt.mask())
    tie = Pen(size)
    tie.polygon(
        [
            (cx - h * 0.024, neck_y - h * 0.012),
            (cx + h * 0.024, neck_y - h * 0.012),
            (cx + h * 0.015, neck_y + h * 0.035),
            (cx - h * 0.015, neck_y + h * 0.035),
        ]
    )
    tie.polygon(
        [
            (cx - h * 0.014, neck_y + h * 0.035),
            (cx + h * 0.014, neck_y + h * 0.035),
            (cx + h * 0.04, h * 0.97),
            (cx - h * 0.04, h * 0.97),
        ]
    )
    silk = hgradient(
        size,
        [
            (0, scale(look["tie"], 1.25)),
            (cx / w - 0.01, look["tie"]),
            (cx / w + 0.04, scale(look["tie"], 0.6)),
            (1, scale(look["tie"], 0.6)),
        ],
    )
    paint(image, silk, tie.mask())
    wings, lapels, edges = Pen(size), Pen(size), Pen(size)
    for side in (-1, 1):
        wing = [
            (cx + side * n * 1.02, neck_y - h * 0.04),
            (cx + side * h * 0.02, neck_y + h * 0.002),
            (cx + side * h * 0.05, neck_y + h * 0.075),
            (cx + side * n * 1.1, neck_y + h * 0.03),
        ]
        wings.polygon(wing)
        edges.line(wing[1:3], h * 0.003)
        lapel = [
            (cx + side * n * 1.05, neck_y - h * 0.03),
            (cx + side * h * 0.03, h * 0.84),
            (cx + side * h * 0.17, neck_y + h * 0.17),
            (cx + side * h * 0.14, neck_y + h * 0.125),
            (cx + side * n * 1.35, neck_y + h * 0.05),
        ]
        lapels.polygon(lapel)
        edges.line(lapel[:2], h * 0.005)
        edges.line(lapel[2:4], h * 0.004)
    paint(image, white, wings.mask())
    paint(image, ImageChops.multiply(cloth, Image.new("RGB", size, (236, 236, 240))), lapels.mask())
    image = shadow(image, 0.55, edges.mask(1.2))
    under = Pen(size)
    under.ellipse(cx - n * 1.3, neck_y - h * 0.06, cx + n * 1.5, neck_y + h * 0.05)
    return shadow(image, 0.4, under.mask(h * 0.03))


def _hair_masks(size, look, cx, cy, hw, hh):
    """The mass of hair and the part of it the key light catches."""
    style, width = look["style"], look["width"]
    top = cy - hh / 2
    grow = {"swept": 0.1, "crop": 0.12, "combed": 0.1, "side_part": 0.05}.get(style, 0.035)
    pen = Pen(size)
    pen.ellipse(
        cx - hw / 2 * width * 1.05, top - hh * grow, cx + hw / 2 * width * 1.05, cy + hh * 0.25
    )
    face = Pen(size)
    line = {"receding": 0.42, "crop": 0.3, "swept": 0.34}.get(style, 0.3)
    temple = {"receding": 0.3, "crop": 0.05}.get(style, 0.1)
    face.polygon(
        [
            (cx - hw * 0.62, cy + hh * 0.6),
            (cx - hw * 0.62, cy - hh * temple),
            *curve(
                (cx - hw * 0.45, cy - hh * (line - 0.05)),
                (cx, cy - hh * (line + 0.07)),
                (cx + hw * 0.45, cy - hh * (line - 0.05)),
            ),
            (cx + hw * 0.62, cy - hh * temple),
            (cx + hw * 0.62, cy + hh * 0.6),
        ]
    )
    if style == "swept":
        pen.ellipse(cx - hw * 0.5, top - hh * 0.12, cx + hw * 0.45, top + hh * 0.2)
    skull = Pen(size)
    skull.polygon(outline(cx, cy, hw, hh, width))
    hair = ImageChops.subtract(pen.mask(), ImageChops.multiply(face.mask(2), skull.mask()))
    below_ears = Pen(size)
    below_ears.rect(cx - hw, cy - hh * 0.02, cx + hw, cy + hh)
    if style == "crop":
        # Shaved sides: only the top keeps its length.
        below_ears.rect(cx - hw * 0.8, cy - hh * 0.26, cx - hw * 0.33, cy)
        below_ears.rect(cx + hw * 0.33, cy - hh * 0.26, cx + hw * 0.8, cy)
    hair = ImageChops.subtract(hair, below_ears.mask(3))
    shine = radial(size, (cx - hw * 0.15, top + hh * 0.08), hw * 0.45, 1.4, 150)
    return hair, shine


def draw_portrait(size, rng, look):
    w, h = size
    cx, cy = w * rng.uniform(0.47, 0.53), h * 0.35
    hh = h * 0.34
    hw = hh * 0.74
    image = _backdrop(size, rng, look["backdrop"], cx, cy)
    skin, width = look["skin"], look["width"]
    neck_y = cy + hh / 2 + h * 0.035
    neck = Pen(size)
    neck.polygon(
        [
            (cx - hw * 0.3, cy + hh * 0.2),
            (cx + hw * 0.3, cy + hh * 0.2),
            (cx + hw * 0.33, neck_y + h * 0.04),
            (cx - hw * 0.33, neck_y + h * 0.04),
        ]
    )
    throat = vgradient(
        size,
        [
            (0, scale(skin, 0.5)),
            ((cy + hh * 0.5) / h, scale(skin, 0.55)),
            (neck_y / h, scale(skin, 0.8)),
            (1, scale(skin, 0.8)),
        ],
    )
    paint(image, throat, neck.mask())
    image = _suit(image, rng, look, cx, neck_y, h, w)
    head = Pen(size)
    head.polygon(outline(cx, cy, hw, hh, width))
    face = head.mask(1.5)
    texture = ImageChops.multiply(
        value_noise(rng, size, 1.6).point(lambda v: 240 + v // 16),
        fractal(rng, size, hw * 0.3, 3).point(lambda v: 236 + v // 13),
    )
    layer = skin_layer(size, look, cx, cy, hw, hh, texture)
    layer = features(layer, look, cx, cy, hw, hh)
    image.paste(layer, (0, 0), face)
    hair, shine = _hair_masks(size, look, cx, cy, hw, hh)
    strands = value_noise(rng, size, 2.2, hw * 0.12).point(lambda v: 170 + v // 3)
    locks = ImageChops.multiply(
        Image.new("RGB", size, look["hair"]), Image.merge("RGB", [strands] * 3)
    )
    locks = glow(locks, mix(look["hair"], (200, 190, 170), 0.35), shine)
    if look["style"] == "receding":
        hair = hair.point(lambda v: v * 4 // 5)
    if look["style"] == "crop":
        stubble = Pen(size)
        stubble.polygon(
            [
                (cx - hw * 0.7, cy - hh * 0.34),
                (cx - hw * 0.3, cy - hh * 0.34),
                (cx - hw * 0.4, cy - hh * 0.2),
                (cx - hw * 0.44, cy),
                (cx - hw * 0.7, cy),
            ]
        )
        stubble.polygon(
            [
                (cx + hw * 0.7, cy - hh * 0.34),
                (cx + hw * 0.3, cy - hh * 0.34),
                (cx + hw * 0.4, cy - hh * 0.2),
                (cx + hw * 0.44, cy),
                (cx + hw * 0.7, cy),
            ]
        )
        shaved = ImageChops.multiply(stubble.mask(4), face)
        paint(image, mix(skin, look["hair"], 0.55), shaved.point(lambda v: v * 4 // 5))
    # Hair ends in wisps, not in a drawn line.
    wisps = value_noise(rng, size, 2.2)
    ragged = level(
        ImageChops.add(soften(hair, 3), wisps.point(lambda v: 128 + (v - 128) // 2), 1.0, -128),
        70,
        200,
    )
    paint(image, locks, ImageChops.multiply(ragged, level(soften(hair, 8), 1, 60)))
    if look["style"] == "side_part":
        parting = Pen(size)
        x = cx - hw * 0.22
        parting.line(
            curve(
                (x, cy - hh * 0.3), (x + hw * 0.02, cy - hh * 0.48), (x + hw * 0.08, cy - hh * 0.56)
            ),
            hh * 0.008,
        )
        image = shadow(image, 0.6, ImageChops.multiply(parting.mask(1.2), hair), (10, 8, 8))
    ears = Pen(size)
    for side in (-1, 1):
        ex = cx + side * hw / 2 * width * 0.97
        ears.ellipse(ex - hw * 0.07, cy - hh * 0.06, ex + hw * 0.07, cy + hh * 0.13)
    lobes = ears.mask(0.8)
    paint(image, scale(skin, 0.8), lobes)
    inner = Pen(size)
    for side in (-1, 1):
        ex = cx + side * hw / 2 * width * 0.99
        inner.ellipse(ex - hw * 0.035, cy - hh * 0.03, ex + hw * 0.035, cy + hh * 0.09)
    image = shadow(image, 0.4, inner.mask(3), scale(skin, 0.3))
    image = shadow(
        image,
        0.35,
        ImageChops.multiply(
            lobes,
            hgradient(
                size,
                [(0, (0,) * 3), (cx / w, (0,) * 3), (cx / w + 0.001, (255,) * 3), (1, (255,) * 3)],
            ).convert("L"),
        ),
        scale(skin, 0.3),
    )
    lit_edge = ImageChops.lighter(face, hair)
    rim = ImageChops.subtract(lit_edge, ImageChops.offset(lit_edge, -round(w * 0.008), 0))
    image = glow(image, scale(look["backdrop"], 0.7), soften(rim, 2))
    return soften(image, 0.7)
