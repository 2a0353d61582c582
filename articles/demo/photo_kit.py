"""Building blocks for the generated demo photographs: Pillow and the stdlib only.

Shapes are drawn on masks twice the output size and reduced, so their edges are
antialiased the way a lens renders them. Wide blurs run on reduced copies: a
wide Gaussian blur of a full frame costs more than drawing a whole scene.
Randomness always comes from a seeded ``random.Random``, never from Pillow's
own noise generators (``effect_noise`` uses C ``rand()``, not reproducible).
"""

import itertools
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SS = 2  # supersampling factor of masks


def rng_for(*parts):
    # A str seed is hashed with SHA-512: stable across processes and PYTHONHASHSEED.
    return random.Random(":".join(str(part) for part in parts))


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def scale(colour, k):
    return tuple(max(0, min(255, round(c * k))) for c in colour)


class Pen:
    """Antialiased shapes on an ``L`` mask (or an ``RGBA`` layer); coordinates in output pixels."""

    def __init__(self, size, mode="L"):
        self.size = size
        self.mode = mode
        self.image = Image.new(mode, (size[0] * SS, size[1] * SS), 0)
        self.draw = ImageDraw.Draw(self.image)
        self.box = [math.inf, math.inf, -math.inf, -math.inf]

    def _pts(self, points, pad=0.0):
        b = self.box
        for x, y in points:
            b[0], b[1] = min(b[0], x - pad), min(b[1], y - pad)
            b[2], b[3] = max(b[2], x + pad), max(b[3], y + pad)
        return [(x * SS, y * SS) for x, y in points]

    def polygon(self, points, value=255):
        self.draw.polygon(self._pts(points), fill=value)

    def rect(self, x0, y0, x1, y1, value=255):
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        self._pts([(x0, y0), (x1, y1)])
        self.draw.rectangle(
            [x0 * SS, y0 * SS, max(x0 * SS, x1 * SS - 1), max(y0 * SS, y1 * SS - 1)], fill=value
        )

    def ellipse(self, x0, y0, x1, y1, value=255):
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        self._pts([(x0, y0), (x1, y1)])
        self.draw.ellipse([x0 * SS, y0 * SS, x1 * SS, y1 * SS], fill=value)

    def line(self, points, width=1.0, value=255):
        pts = self._pts(points, width)
        self.draw.line(pts, fill=value, width=max(1, round(width * SS)), joint="curve")

    def mask(self, blur=0.0):
        # Only the drawn region is reduced: most shapes cover a small part of the frame.
        w, h = self.size
        out = Image.new(self.mode, self.size, 0)
        if self.box[0] == math.inf:
            return out
        x0, y0 = max(0, math.floor(self.box[0]) - 1), max(0, math.floor(self.box[1]) - 1)
        x1, y1 = min(w, math.ceil(self.box[2]) + 1), min(h, math.ceil(self.box[3]) + 1)
        if x0 < x1 and y0 < y1:
            part = self.image.crop((x0 * SS, y0 * SS, x1 * SS, y1 * SS))
            if self.mode == "RGBA":
                # Premultiplied, or transparent black would darken every edge.
                part = part.convert("RGBa").reduce(SS).convert("RGBA")
            else:
                part = part.reduce(SS)
            out.paste(part, (x0, y0))
        if blur:
            # A blur spreads about three radii: soften that neighbourhood only.
            m = math.ceil(3 * blur) + 2
            region = (max(0, x0 - m), max(0, y0 - m), min(w, x1 + m), min(h, y1 + m))
            out.paste(soften(out.crop(region), blur), region[:2])
        return out


def paint(base, fill, mask):
    """Paint a colour or a same-size image through ``mask``, in place."""
    box = mask.getbbox()
    if box is None:
        return
    source = fill if isinstance(fill, tuple) else fill.crop(box)
    base.paste(source, box, mask.crop(box))


def _column(height, stops):
    pixels = []
    for y in range(height):
        t = y / max(1, height - 1)
        for (t0, c0), (t1, c1) in itertools.pairwise(stops):
            if t <= t1 or (t1, c1) == stops[-1]:
                pixels.append(mix(c0, c1, min(1.0, max(0.0, (t - t0) / ((t1 - t0) or 1)))))
                break
    return pixels


def vgradient(size, stops):
    """Vertical gradient through ``[(t, colour), ...]`` with t from 0 (top) to 1."""
    rows = min(size[1], 300)
    column = Image.new("RGB", (1, rows))
    column.putdata(_column(rows, stops))
    if rows < size[1]:
        column = column.resize((1, size[1]), Image.Resampling.BILINEAR)
    return column.resize(size, Image.Resampling.NEAREST)


def vramp(size, stops):
    """Vertical ``L`` ramp through ``[(t, value), ...]``."""
    return vgradient(size, [(t, (v, v, v)) for t, v in stops]).convert("L")


def hgradient(size, stops):
    return vgradient((size[1], size[0]), stops).transpose(Image.Transpose.ROTATE_90)


def value_noise(rng, size, cell, cell_y=None):
    """Smooth random field (``L``, mean ~128); cells of ``cell`` × ``cell_y`` pixels."""
    cell_y = cell_y or cell
    small = (max(2, round(size[0] / cell) + 2), max(2, round(size[1] / cell_y) + 2))
    grid = Image.frombytes("L", small, rng.randbytes(small[0] * small[1]))
    big = grid.resize(
        (size[0] + 2 * round(cell), size[1] + 2 * round(cell_y)), Image.Resampling.BICUBIC
    )
    return big.crop((round(cell), round(cell_y), round(cell) + size[0], round(cell_y) + size[1]))


def fractal(rng, size, cell, octaves=4, cell_y=None, persistence=0.5):
    """Octaves of value noise: clouds, stone, skin, water."""
    cell_y = cell_y or cell
    field = value_noise(rng, size, cell, cell_y)
    weight = 1.0
    for octave in range(1, octaves):
        weight *= persistence
        k = 2**octave
        layer = value_noise(rng, size, max(1, cell / k), max(1, cell_y / k))
        field = Image.blend(field, layer, weight / (1 + weight))
    return stretch(field)


def stretch(mask):
    lo, hi = mask.getextrema()
    span = max(1, hi - lo)
    return mask.point(lambda v: (v - lo) * 255 // span)


def level(mask, lo, hi, power=1.0):
    """Smooth threshold: 0 below ``lo``, 255 above ``hi``."""
    span = max(1, hi - lo)
    return mask.point(lambda v: round(255 * min(1.0, max(0.0, (v - lo) / span)) ** power))


def radial(size, centre, radius, power=1.0, strength=255):
    """``L`` glow: ``strength`` at ``centre`` falling to 0 at ``radius``."""
    r = max(1, round(radius))
    # radial_gradient() reads 181 at the middle of an edge of its 256 px square.
    disc = Image.radial_gradient("L").resize((2 * r, 2 * r), Image.Resampling.BILINEAR)
    disc = disc.point(lambda v: round(strength * max(0.0, 1 - v / 181) ** power))
    out = Image.new("L", size, 0)
    out.paste(disc, (round(centre[0]) - r, round(centre[1]) - r))
    return out


def soften(image, radius):
    """Gaussian blur; wide radii blur a reduced copy, which looks the same and costs less."""
    if radius <= 0:
        return image
    if radius <= 3:
        return image.filter(ImageFilter.GaussianBlur(radius))
    k = radius / 2.5
    w, h = image.size
    small = image.resize((max(1, round(w / k)), max(1, round(h / k))), Image.Resampling.BILINEAR)
    return small.filter(ImageFilter.GaussianBlur(2.5)).resize((w, h), Image.Resampling.BICUBIC)


def _within(base, mask, blend):
    """Apply ``blend(region, mask_region)`` only where ``mask`` is non-zero: lights are small."""
    box = mask.getbbox()
    if box is None:
        return base
    out = base.copy()
    out.paste(blend(base.crop(box), mask.crop(box)), box[:2])
    return out


def glow(base, colour, mask):
    """Light added the way film takes it (screen blend)."""

    def blend(region, m):
        layer = Image.new("RGB", region.size, 0)
        layer.paste(colour, (0, 0, *region.size), m)
        return ImageChops.screen(region, layer)

    return _within(base, mask, blend)


def shadow(base, strength, mask, tint=(0, 0, 0)):
    """Darken toward ``tint`` through ``mask`` scaled by ``strength`` (0..1)."""
    dim = mask.point(lambda v: round(v * strength))
    return _within(base, dim, lambda r, m: Image.composite(Image.new("RGB", r.size, tint), r, m))


def focus(base, mask, radius):
    """Depth of field: blur where ``mask`` is high (away from the plane of focus)."""
    return Image.composite(soften(base, radius), base, mask)


def haze(base, colour, mask):
    return _within(base, mask, lambda r, m: Image.composite(Image.new("RGB", r.size, colour), r, m))


def ridge(rng, width, base_y, amplitude, roughness=0.55, steps=9):
    """A skyline of hills by midpoint displacement, as polygon points to the bottom."""
    heights = [rng.uniform(-1, 1), rng.uniform(-1, 1)]
    spread = 1.0
    for _ in range(steps):
        spread *= roughness
        nxt = []
        for a, b in itertools.pairwise(heights):
            nxt += [a, (a + b) / 2 + rng.uniform(-spread, spread)]
        heights = [*nxt, heights[-1]]
    n = len(heights) - 1
    return [(width * i / n, base_y - amplitude * h) for i, h in enumerate(heights)]


def foliage(size, rng, crowns, dark, light):
    """Tree crowns ``[(x, y, r), ...]`` as a leafy layer: an RGBA image.

    Clumps of leaves, lit from the upper left, with ragged edges from fine noise.
    """
    body, lit = Pen(size), Pen(size)
    for x, y, r in crowns:
        for _ in range(40):
            cx, cy = x + rng.uniform(-0.85, 0.85) * r, y + rng.uniform(-0.75, 0.75) * r
            q = r * rng.uniform(0.18, 0.34)
            body.ellipse(cx - q, cy - q, cx + q, cy + q)
            lit.ellipse(cx - q * 1.05, cy - q * 1.05, cx + q * 0.45, cy + q * 0.45)
    leaves = value_noise(rng, size, 2.5)
    crown = body.mask()
    edge = level(ImageChops.add(soften(crown, 3), leaves, 1.0, -128), 110, 150)
    edge = ImageChops.multiply(edge, level(soften(crown, 6), 1, 40))
    colour = Image.new("RGB", size, dark)
    paint(colour, light, ImageChops.multiply(lit.mask(2), level(leaves, 60, 200)))
    colour.putalpha(edge)
    return colour


def _solve(matrix, vector):
    n = len(vector)
    rows = [[*row, value] for row, value in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col:
                f = rows[r][col] / rows[col][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def warp(texture, size, quad):
    """Map the whole ``texture`` onto ``quad`` (tl, tr, br, bl) of an output of ``size``.

    Returns ``(image, mask, box)``: only the part of the frame the quad covers is
    rendered, so far, small planes cost little. ``None`` when the quad is off frame.
    """
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    box = (
        max(0, math.floor(min(xs))),
        max(0, math.floor(min(ys))),
        min(size[0], math.ceil(max(xs))),
        min(size[1], math.ceil(max(ys))),
    )
    if box[0] >= box[2] or box[1] >= box[3]:
        return None
    local = [(x - box[0], y - box[1]) for x, y in quad]
    tw, th = texture.size
    src = [(0, 0), (tw, 0), (tw, th), (0, th)]
    matrix, vector = [], []
    for (x, y), (u, v) in zip(local, src, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        vector += [u, v]
    coeffs = _solve(matrix, vector)
    part = (box[2] - box[0], box[3] - box[1])
    image = texture.transform(part, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR)
    pen = Pen(part)
    pen.polygon(local)
    return image, pen.mask(), box


def paste_warped(base, warped):
    if warped:
        image, mask, box = warped
        base.paste(image, box[:2], mask)


def _tone_lut(tone, contrast, lift):
    gains = {
        "neutral": (1.0, 1.0, 1.0),
        "warm": (1.05, 1.0, 0.9),
        "cool": (0.94, 0.99, 1.06),
        "dusk": (1.06, 0.97, 0.95),
    }[tone]
    lut = []
    for gain in gains:
        for v in range(256):
            x = min(1.0, v * gain / 255)
            # S-curve around mid grey, then lifted blacks as on a scanned print.
            s = x + contrast * (x - 0.5) * (1 - abs(2 * x - 1))
            lut.append(round(lift + (255 - lift * 1.4) * min(1.0, max(0.0, s))))
    return lut


def finish(image, rng, *, tone="neutral", contrast=0.25, lift=8, grain=3.5, vignette=0.35):
    """Camera and print character: tone curve, vignette, film grain."""
    w, h = image.size
    image = image.point(_tone_lut(tone, contrast, lift))
    if vignette:
        fall = radial((w, h), (w / 2, h / 2), math.hypot(w, h) * 0.62, power=0.8)
        fall = fall.point(lambda v: round(255 * (1 - vignette) + v * vignette))
        image = ImageChops.multiply(image, Image.merge("RGB", (fall, fall, fall)))
    if grain:
        # Fine grain plus a coarser clump layer, as silver halide does.
        fine = Image.frombytes("L", (w, h), rng.randbytes(w * h))
        coarse = value_noise(rng, (w, h), 1.8)
        noise = Image.blend(fine, coarse, 0.35).point(lambda v: 128 + round((v - 128) * grain / 40))
        image = ImageChops.add(image, Image.merge("RGB", (noise, noise, noise)), 1.0, -128)
    return image
