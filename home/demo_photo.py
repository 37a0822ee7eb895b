"""The demo topic's photo: a library reading room, drawn with Pillow (no downloads).

Shelves of books on either side, a tall window, a table where people meet, soft
light and a little grain, so the page looks as it will with a real photograph.
1800×945 pixels: large enough for the topic's widest rendition (1600 wide) and
for link previews (1200×630) without enlarging.
"""

import functools
import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1800, 945
BOOK_COLOURS = [
    (122, 38, 36),
    (33, 64, 95),
    (46, 86, 62),
    (153, 112, 45),
    (88, 52, 88),
    (175, 160, 130),
    (60, 60, 66),
    (140, 70, 40),
    (30, 90, 110),
    (190, 150, 70),
]
CLOTHES = [(52, 92, 140), (170, 60, 50), (60, 110, 80), (220, 190, 120), (90, 70, 110)]
SKIN = [(224, 184, 152), (176, 124, 92), (120, 82, 60), (236, 204, 176), (150, 100, 72)]


def _gradient(draw, box, top, bottom):
    left, y0, right, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0)
        draw.line(
            [(left, y), (right, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )


def _shelves(draw, rng, left, right):
    draw.rectangle([left, 60, right, 760], fill=(74, 48, 30))
    for top in range(90, 740, 130):
        x = left + 18
        while x < right - 30:
            width = rng.randint(14, 34)
            height = rng.randint(78, 118)
            colour = tuple(
                max(0, min(255, c + rng.randint(-18, 18))) for c in rng.choice(BOOK_COLOURS)
            )
            draw.rectangle([x, top + 120 - height, x + width, top + 118], fill=colour)
            draw.line(
                [(x + 3, top + 128 - height), (x + width - 3, top + 128 - height)],
                fill=(230, 210, 160),
                width=2,
            )
            x += width + rng.randint(1, 4)
        draw.rectangle([left, top + 118, right, top + 130], fill=(58, 36, 22))


def _person(draw, x, y, scale, clothes, skin):
    draw.ellipse([x - 55 * scale, y, x + 55 * scale, y + 150 * scale], fill=clothes)
    draw.ellipse([x - 26 * scale, y - 58 * scale, x + 26 * scale, y - 2 * scale], fill=skin)
    draw.chord(
        [x - 28 * scale, y - 62 * scale, x + 28 * scale, y - 20 * scale],
        180,
        360,
        fill=(50, 36, 28),
    )


@functools.lru_cache(maxsize=1)
def _photo_bytes():
    rng = random.Random(2021)  # noqa: S311 - the same picture every time, not a secret
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (0, 0, WIDTH, 760), (222, 206, 180), (196, 176, 146))  # wall
    _gradient(draw, (0, 760, WIDTH, HEIGHT), (142, 98, 62), (96, 62, 38))  # floor
    for x in range(0, WIDTH, 120):
        draw.line([(x, 760), (x - 80, HEIGHT)], fill=(110, 74, 46), width=3)
    # A tall window with the sky behind it.
    _gradient(draw, (700, 90, 1100, 640), (170, 205, 235), (236, 240, 236))
    draw.rectangle([690, 80, 1110, 650], outline=(250, 248, 240), width=16)
    draw.line([(900, 80), (900, 650)], fill=(250, 248, 240), width=12)
    draw.line([(690, 360), (1110, 360)], fill=(250, 248, 240), width=12)
    _shelves(draw, rng, 40, 620)
    _shelves(draw, rng, 1180, 1760)
    # The table, and people around it.
    for n, x in enumerate([560, 760, 1040, 1240]):
        _person(draw, x, 610, 1.0, CLOTHES[n], SKIN[n])
    draw.polygon([(380, 740), (1420, 740), (1520, 860), (280, 860)], fill=(120, 76, 44))
    draw.rectangle([280, 860, 1520, 884], fill=(88, 54, 30))
    for x, colour in [(520, (245, 245, 240)), (860, (240, 220, 160)), (1180, (250, 250, 250))]:
        draw.polygon([(x, 770), (x + 130, 765), (x + 140, 805), (x + 8, 812)], fill=colour)
    _person(draw, 330, 720, 1.25, CLOTHES[4], SKIN[4])
    _person(draw, 1480, 720, 1.25, CLOTHES[1], SKIN[2])

    # Light from the window, grain and a soft lens, as a camera would see it.
    glow = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(glow).ellipse([500, -100, 1300, 700], fill=90)
    glow = glow.filter(ImageFilter.GaussianBlur(160))
    image = Image.composite(Image.new("RGB", image.size, (255, 244, 220)), image, glow)
    image = image.filter(ImageFilter.GaussianBlur(1.6))
    noise = Image.effect_noise((WIDTH, HEIGHT), 18).convert("RGB")
    image = Image.blend(image, noise, 0.06)
    vignette = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(vignette).rectangle([0, 0, WIDTH, HEIGHT], outline=255, width=120)
    vignette = vignette.filter(ImageFilter.GaussianBlur(140))
    image = Image.composite(
        Image.new("RGB", image.size, (30, 22, 16)), image, vignette.point(lambda v: v // 3)
    )

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def library_photo():
    """The photo as a file-like object, ready for an ImageFile."""
    return io.BytesIO(_photo_bytes())
