"""The right-to-left layout is the left-to-right one mirrored, measured in Chromium.

The test-mirror publication has an English and an Arabic edition. To compare like with
like, its English page is also shown right to left: the same HTML with ``dir="rtl"`` and
the right-to-left stylesheet, as the build writes them for an Arabic edition, so that only
the direction differs. Then, at a desktop and a phone width, drawers closed and each one
open:

- the box of each landmark of the layout (header, buttons, drawers, search field, article,
  headline's lines, footer, "previous" and "next") must be the left-to-right box mirrored;
- the two pages with their text made transparent (glyphs are not mirrored: text can
  never match) must be the same picture once the left-to-right one is mirrored.

Screenshots of both pages, the mirrored one and the differences (in red) are saved under
test-results/mirror/ for a person to look at.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from playwright.sync_api import Browser, Page, Route

from conftest import CHROMIUM, ROOTS
from editions.cli import main
from test_browser import RESULTS, served

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium"
)

PAGE = "news/harbour.html"  # in the middle: a "previous" and a "next" page
SCREENSHOTS = RESULTS / "mirror"
TOLERANCE = 2  # px: a box may be rounded the other way on the other side
# Share of pixels that may differ: a few of an arrow's or a corner's edge, drawn at a
# fraction of a pixel and rounded the other way (11 of 1.1 million pixels, measured). One
# icon left unmirrored is 50 to 150 pixels: more than this on any page here.
MOST_DIFFERING = 0.00003

# The layout's landmarks; each one visible in one direction must be visible in the other.
LANDMARKS = (
    ".editions-switcher",
    ".editions-switcher .editions-all",
    ".mobile-header",
    "label.nav-overlay-icon",
    ".header-center a",
    ".theme-toggle-header",
    "label.toc-header-icon",
    ".sidebar-drawer",
    ".sidebar-brand",
    ".sidebar-search-container",
    ".sidebar-tree",
    ".sidebar-tree .current-page > a",
    ".content-icon-container",
    ".theme-toggle-content",
    "label.toc-content-icon",
    ".toc-drawer",
    ".toc-tree",
    "article",
    "article ul",
    "article blockquote",
    "article .admonition",
    "article .admonition-title",
    "article table",
    "article table th",
    "footer",
    ".related-pages a.prev-page",
    ".related-pages a.next-page",
    ".bottom-of-page",
    ".bottom-of-page .left-details",
    ".bottom-of-page .right-details",
)
# Each line of these, as the reader sees it: a float in the way shortens the line.
LINES = ("article h1", "article section > p")

# Every box, as [x, y, width, height], by landmark; the lines of text, one box a line.
MEASURE = """([landmarks, lines]) => {
  const box = (r) => [r.x, r.y, r.width, r.height].map(Math.round);
  const boxes = {};
  for (const selector of landmarks) {
    const element = document.querySelector(selector);
    const rect = element && element.getBoundingClientRect();
    if (rect && rect.width > 0 && rect.height > 0) boxes[selector] = box(rect);
  }
  for (const selector of lines) {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(selector));
    // One rect a line: the rects of one line's words, joined.
    const rows = [];
    for (const rect of range.getClientRects()) {
      const row = rows.find((r) => Math.abs(r.top - rect.top) < 4);
      if (row) {
        row.left = Math.min(row.left, rect.left); row.right = Math.max(row.right, rect.right);
      } else rows.push({top: rect.top, left: rect.left, right: rect.right, height: rect.height});
    }
    rows.forEach((row, n) => {
      boxes[`${selector} line ${n + 1}`] = box(
        {x: row.left, y: row.top, width: row.right - row.left, height: row.height});
    });
  }
  return boxes;
}"""

# Still pictures (no transitions) and, for the pixels, no text: its glyphs are not mirrored.
STILL = "*, *::before, *::after { transition: none !important; caret-color: transparent; }"
TEXTLESS = """* { -webkit-text-fill-color: transparent !important;
  text-decoration-color: transparent !important; }
.theme-toggle svg { visibility: hidden; } /* the sun and moon: a picture, not a direction */
/* A note's icon (a pencil, a flame): a picture too, whose place is kept as a square. */
p.admonition-title::before, p.topic-title::before { mask-image: none !important; }"""

# The left-to-right screenshot mirrored, compared with the right-to-left one pixel by pixel
# (Chromium's canvas: no image library in the locked dependencies). A pixel differs when
# one of its channels differs by more than a rendering's rounding; it is red in the picture.
COMPARE = """async ([ltr, rtl]) => {
  const bitmap = async (png) => createImageBitmap(await (await fetch(png)).blob());
  const [left, right] = await Promise.all([bitmap(ltr), bitmap(rtl)]);
  // Pages of different heights: the rows only one has are all different.
  const width = left.width;
  const height = Math.max(left.height, right.height);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d", {willReadFrequently: true});
  context.setTransform(-1, 0, 0, 1, width, 0);
  context.drawImage(left, 0, 0);
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.fillStyle = "#000";
  context.fillRect(0, left.height, width, height);
  const mirrored = context.getImageData(0, 0, width, height);
  const mirroredPng = await canvas.convertToBlob();
  context.fillStyle = "#fff";
  context.fillRect(0, 0, width, height);
  context.drawImage(right, 0, 0);
  const picture = context.getImageData(0, 0, width, height);
  let differing = 0;
  for (let i = 0; i < picture.data.length; i += 4) {
    let most = 0;
    for (let c = 0; c < 3; c++) {
      most = Math.max(most, Math.abs(picture.data[i + c] - mirrored.data[i + c]));
    }
    if (most > 8) {
      differing++;
      picture.data.set([255, 0, 0, 255], i);
    } else {
      for (let c = 0; c < 3; c++) picture.data[i + c] = 128 + picture.data[i + c] / 2;
    }
  }
  context.putImageData(picture, 0, 0);
  const url = async (blob) => new Promise((done) => {
    const reader = new FileReader(); reader.onload = () => done(reader.result);
    reader.readAsDataURL(blob);
  });
  return {differing, total: width * height,
          mirrored: await url(mirroredPng), difference: await url(await canvas.convertToBlob())};
}"""


class View(NamedTuple):
    """A way to look at the page: a window width, and the drawer opened, if any."""

    name: str
    width: int
    opener: str | None  # the button that opens a drawer


VIEWS = (
    View("desktop", 1280, None),
    View("phone", 390, None),
    View("phone-navigation", 390, "label.nav-overlay-icon"),
    View("phone-contents", 390, "label.toc-header-icon"),
)


@pytest.fixture(scope="module")
def mirror_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test-mirror publication, English and Arabic, built once and served."""
    root = tmp_path_factory.mktemp("mirror") / "test-mirror"
    root.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOTS / "test-mirror", root)
    assert main(["--project", str(root), "build"]) == 0
    with served(root / "build" / "html") as url:
        yield url


def as_right_to_left(route: Route) -> None:
    """The English page as the build writes a right-to-left edition's: only ``dir`` differs."""
    response = route.fetch()
    html = response.text()
    assert html.count('<html class="no-js" lang="en"') == 1 and "editions-rtl.css" not in html
    html = html.replace('lang="en"', 'lang="en" dir="rtl"', 1)
    html = html.replace("</head>", '<link rel="stylesheet" href="../_static/editions-rtl.css">\n</head>')
    route.fulfill(response=response, body=html)


def open_view(browser: Browser, url: str, view: View, right_to_left: bool) -> Page:
    """The English page, in one direction, at the view's width with its drawer open."""
    page = browser.new_context(viewport={"width": view.width, "height": 800}).new_page()
    if right_to_left:
        page.route(f"**/en/{PAGE}", as_right_to_left)
    page.goto(f"{url}en/{PAGE}")
    page.add_style_tag(content=STILL)
    if view.opener:
        page.locator(view.opener).click()
    return page


def mirrored(box: list[int], width: int) -> list[int]:
    x, y, w, h = box
    return [width - x - w, y, w, h]


def box_differences(ltr: dict[str, list[int]], rtl: dict[str, list[int]], width: int) -> list[str]:
    """The landmarks whose right-to-left box is not the left-to-right one mirrored."""
    found = []
    for name in sorted(set(ltr) | set(rtl), key=lambda name: (name not in ltr, name)):
        expected = mirrored(ltr[name], width) if name in ltr else None
        actual = rtl.get(name)
        if expected is None or actual is None:
            found.append(f"{name}: {'only left to right' if actual is None else 'only right to left'}")
        elif any(abs(a - b) > TOLERANCE for a, b in zip(expected, actual)):
            found.append(f"{name}: {actual} instead of {expected}")
    return found


def save(name: str, data_url_or_png: str | bytes) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if isinstance(data_url_or_png, str):
        data_url_or_png = base64.b64decode(data_url_or_png.split(",", 1)[1])
    (SCREENSHOTS / f"{name}.png").write_bytes(data_url_or_png)


def pixel_differences(browser: Browser, view: View, ltr: Page, rtl: Page) -> float:
    """The share of pixels that differ between the textless pages, LTR mirrored; saved."""
    shots = {}
    for direction, page in (("ltr", ltr), ("rtl", rtl)):
        shot = page.screenshot(full_page=view.opener is None)
        save(f"{view.name}-{direction}", shot)
        page.add_style_tag(content=TEXTLESS)
        textless = page.screenshot(full_page=view.opener is None)
        shots[direction] = "data:image/png;base64," + base64.b64encode(textless).decode()
    canvas = browser.new_page()
    result: dict[str, Any] = canvas.evaluate(COMPARE, [shots["ltr"], shots["rtl"]])
    canvas.close()
    save(f"{view.name}-ltr-mirrored-textless", result["mirrored"])
    save(f"{view.name}-difference", result["difference"])
    return float(result["differing"] / result["total"])


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_right_to_left_layout_is_the_left_to_right_one_mirrored(
    browser: Browser, mirror_url: str, view: View
) -> None:
    ltr = open_view(browser, mirror_url, view, right_to_left=False)
    rtl = open_view(browser, mirror_url, view, right_to_left=True)
    assert rtl.evaluate("getComputedStyle(document.body).direction") == "rtl"
    measured = [page.evaluate(MEASURE, [LANDMARKS, LINES]) for page in (ltr, rtl)]
    differences = box_differences(*measured, view.width)
    share = pixel_differences(browser, view, ltr, rtl)
    report = "\n".join([*differences, f"{share:.4%} of the pixels differ ({view.name}-*.png)"])
    assert not differences and share < MOST_DIFFERING, report

