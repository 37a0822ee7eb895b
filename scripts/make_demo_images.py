"""Draw the demo site's icons and default sharing picture with Pillow (no downloads).

    .venv/bin/python scripts/make_demo_images.py

Writes demosite/static/favicon.ico (16, 32 and 48 px), apple-touch-icon.png
(180 px), img/logo-64.png (the header's logo) and img/share.png
(1200×630, PARTNERSHIPS["DEFAULT_SHARE_IMAGE"]).
The files are committed; run this again only to change them.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parent.parent / "demosite" / "static"
NAVY = (8, 63, 98)
GOLD = (242, 169, 0)
WHITE = (255, 255, 255)


def book(draw, box, page=WHITE, spine=GOLD):
    """An open book: two pages and a spine, inside box (left, top, right, bottom)."""
    left, top, right, bottom = box
    middle = (left + right) / 2
    lift = (bottom - top) * 0.12
    draw.polygon(
        [(left, top + lift), (middle, top + 2 * lift), (middle, bottom), (left, bottom - lift)],
        fill=page,
    )
    draw.polygon(
        [(right, top + lift), (middle, top + 2 * lift), (middle, bottom), (right, bottom - lift)],
        fill=page,
    )
    width = max(1, round((right - left) / 16))
    draw.line([(middle, top + 2 * lift), (middle, bottom)], fill=spine, width=width)


def icon(size):
    scale = 4  # drawn large, then reduced: smooth edges
    image = Image.new("RGB", (size * scale, size * scale), NAVY)
    draw = ImageDraw.Draw(image)
    margin = size * scale * 0.16
    book(draw, (margin, margin * 1.3, size * scale - margin, size * scale - margin * 1.1))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{name}", size)
    except OSError:
        return ImageFont.load_default(size)


def share_picture():
    image = Image.new("RGB", (1200, 630), NAVY)
    draw = ImageDraw.Draw(image)
    for y in range(630):  # a soft light from the top
        shade = 1 - y / 630
        draw.line([(0, y), (1200, y)], fill=tuple(int(c + 30 * shade) for c in NAVY))
    book(draw, (90, 190, 370, 430))
    draw.text((420, 215), "Library partnerships", font=font(64, bold=True), fill=WHITE)
    draw.text((420, 315), "News and webinars for libraries", font=font(36), fill=(220, 232, 240))
    draw.text((420, 362), "that work with their communities", font=font(36), fill=(220, 232, 240))
    draw.rectangle([420, 440, 620, 448], fill=GOLD)
    return image


def main():
    (STATIC / "img").mkdir(parents=True, exist_ok=True)
    icon(48).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    icon(180).save(STATIC / "apple-touch-icon.png", optimize=True)
    icon(64).save(STATIC / "img" / "logo-64.png", optimize=True)  # the header's, at 32 px
    share_picture().save(STATIC / "img" / "share.png", optimize=True)


if __name__ == "__main__":
    main()
