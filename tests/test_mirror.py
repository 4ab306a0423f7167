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
from typing import Any, NamedTuple

import pytest
from playwright.sync_api import Browser, Page, Route

from browsing import RESULTS, served
from conftest import CHROMIUM, ROOTS
from editions.cli import main
from editions.sphinxext.direction import RTL_STYLESHEET

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium"
)

PAGE = "news/harbour.html"  # in the middle: a "previous" and a "next" page
SCREENSHOTS = RESULTS / "mirror"
TOLERANCE = 2  # px: a box may be rounded the other way on the other side
# Pixels that may differ, a pixel's shift allowed: the tips of the "previous" and "next"
# arrows, drawn mirrored by a transform on one side and as they are on the other, rounded
# differently (5 pixels each), and the corner of a note's border (1). Measured: 11 at most on a
# page. An icon left unmirrored is more: 78 pixels for the search field's magnifier.
MOST_DIFFERING = 16

# The landmarks whose place does not depend on the words: the Arabic page's must be the
# English page's mirrored, across the line (their heights follow the text's length).
FRAME = (
    ".editions-switcher",
    ".mobile-header",
    "label.nav-overlay-icon",
    ".header-center a",
    ".theme-toggle-header",
    "label.toc-header-icon",
    ".sidebar-drawer",
    ".sidebar-brand",
    ".sidebar-search-container",
    ".content-icon-container",
    ".theme-toggle-content",
    "label.toc-content-icon",
    ".toc-drawer",
    "article",
    "footer",
)
# The layout's landmarks, the frame and those that follow the words; each one visible in one
# direction must be visible in the other.
LANDMARKS = (
    *FRAME,
    ".editions-switcher .editions-all",
    ".sidebar-tree",
    ".sidebar-tree .current-page > a",
    ".toc-tree",
    "article ul",
    "article blockquote",
    "article .admonition",
    "article .admonition-title",
    "article table",
    "article table th",
    "aside.footnote",
    "aside.footnote > span",
    "aside.footnote > p",
    ".related-pages a.prev-page",
    ".related-pages a.next-page",
    ".bottom-of-page",
    ".bottom-of-page .left-details",
    ".bottom-of-page .right-details",
    ".back-to-top",
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
  // Whether a pixel of one image is one of the other (its three channels within 8).
  const alike = (one, i, other, j) =>
    [0, 1, 2].every((c) => Math.abs(one.data[i + c] - other.data[j + c]) <= 8);
  // Whether the pixel (x, y) of one image is in the other within a pixel's distance: a
  // shape at a fraction of a pixel is rounded the other way once mirrored.
  const near = (one, other, x, y) => {
    for (let v = Math.max(y - 1, 0); v <= Math.min(y + 1, height - 1); v++) {
      for (let u = Math.max(x - 1, 0); u <= Math.min(x + 1, width - 1); u++) {
        if (alike(one, 4 * (y * width + x), other, 4 * (v * width + u))) return true;
      }
    }
    return false;
  };
  const differs = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      differs.push(
        !alike(picture, i, mirrored, i) &&
          (!near(picture, mirrored, x, y) || !near(mirrored, picture, x, y)),
      );
    }
  }
  let differing = 0;
  differs.forEach((different, n) => {
    const i = 4 * n;
    if (different) {
      differing++;
      picture.data.set([255, 0, 0, 255], i);
    } else {
      for (let c = 0; c < 3; c++) picture.data[i + c] = 128 + picture.data[i + c] / 2;
    }
  });
  context.putImageData(picture, 0, 0);
  const url = async (blob) => new Promise((done) => {
    const reader = new FileReader(); reader.onload = () => done(reader.result);
    reader.readAsDataURL(blob);
  });
  return {differing,
          mirrored: await url(mirroredPng), difference: await url(await canvas.convertToBlob())};
}"""


class View(NamedTuple):
    """A way to look at the page: a window width, the drawer opened, if any, and scrolling."""

    name: str
    width: int
    opener: str | None = None  # the button that opens a drawer
    scrolled_back: bool = False  # down, then a little up: furo shows "back to top"

    @property
    def whole_page(self) -> bool:
        """Whether the screenshot is of the whole page (else of the window, as it is)."""
        return self.opener is None and not self.scrolled_back


VIEWS = (
    View("desktop", 1280),
    View("desktop-scrolled-back", 1280, scrolled_back=True),
    View("phone", 390),
    View("phone-navigation", 390, opener="label.nav-overlay-icon"),
    View("phone-contents", 390, opener="label.toc-header-icon"),
)


@pytest.fixture(scope="module")
def mirror_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test-mirror publication, English and Arabic, built once and served."""
    root = tmp_path_factory.mktemp("mirror") / "test-mirror"
    shutil.copytree(ROOTS / "test-mirror", root)
    assert main(["--project", str(root), "build"]) == 0
    with served(root / "build" / "html") as url:
        yield url


def as_right_to_left(route: Route) -> None:
    """The English page as the build writes a right-to-left edition's: only ``dir`` differs."""
    response = route.fetch()
    html = response.text()
    assert html.count('<html class="no-js" lang="en"') == 1 and RTL_STYLESHEET not in html
    html = html.replace('lang="en"', 'lang="en" dir="rtl"', 1)
    stylesheet = f'<link rel="stylesheet" href="../_static/{RTL_STYLESHEET}">'
    html = html.replace("</head>", f"{stylesheet}\n</head>", 1)
    route.fulfill(response=response, body=html)


def open_view(
    browser: Browser, url: str, view: View, edition: str = "en", right_to_left: bool = False
) -> Page:
    """The edition's page (the English one turned right to left) in the view."""
    page = browser.new_context(viewport={"width": view.width, "height": 800}).new_page()
    if right_to_left:
        page.route(f"**/en/{PAGE}", as_right_to_left)
    page.goto(f"{url}{edition}/{PAGE}")
    page.add_style_tag(content=STILL)
    if view.opener:
        page.locator(view.opener).click()
    if view.scrolled_back:
        page.mouse.wheel(0, 1000)
        page.wait_for_function("scrollY > 200")
        page.mouse.wheel(0, -50)
        page.locator(".back-to-top").wait_for()
    return page


def mirrored(box: list[int], width: int) -> list[int]:
    x, y, w, h = box
    return [width - x - w, y, w, h]


def box_differences(ltr: dict[str, list[int]], rtl: dict[str, list[int]], width: int) -> list[str]:
    """The landmarks whose right-to-left box is not the left-to-right one mirrored."""
    found = [f"{name}: shown only left to right" for name in sorted(set(ltr) - set(rtl))]
    found += [f"{name}: shown only right to left" for name in sorted(set(rtl) - set(ltr))]
    for name in sorted(set(ltr) & set(rtl)):
        expected, actual = mirrored(ltr[name], width), rtl[name]
        if any(abs(a - b) > TOLERANCE for a, b in zip(expected, actual, strict=True)):
            found.append(f"{name}: {actual} instead of {expected}")
    return found


def save(name: str, data_url_or_png: str | bytes) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if isinstance(data_url_or_png, str):
        data_url_or_png = base64.b64decode(data_url_or_png.split(",", 1)[1])
    (SCREENSHOTS / f"{name}.png").write_bytes(data_url_or_png)


def pixel_differences(browser: Browser, view: View, ltr: Page, rtl: Page) -> int:
    """How many pixels differ between the textless pages, LTR mirrored; all saved."""
    shots = {}
    for direction, page in (("ltr", ltr), ("rtl", rtl)):
        shot = page.screenshot(full_page=view.whole_page)
        save(f"{view.name}-{direction}", shot)
        page.add_style_tag(content=TEXTLESS)
        textless = page.screenshot(full_page=view.whole_page)
        if direction == "rtl":
            save(f"{view.name}-rtl-textless", textless)
        shots[direction] = "data:image/png;base64," + base64.b64encode(textless).decode()
    canvas = browser.new_page()
    result: dict[str, Any] = canvas.evaluate(COMPARE, [shots["ltr"], shots["rtl"]])
    canvas.close()
    save(f"{view.name}-ltr-mirrored-textless", result["mirrored"])
    save(f"{view.name}-difference", result["difference"])
    return int(result["differing"])


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_right_to_left_layout_is_the_left_to_right_one_mirrored(
    browser: Browser, mirror_url: str, view: View
) -> None:
    ltr = open_view(browser, mirror_url, view)
    rtl = open_view(browser, mirror_url, view, right_to_left=True)
    assert rtl.evaluate("getComputedStyle(document.body).direction") == "rtl"
    measured = [page.evaluate(MEASURE, [LANDMARKS, LINES]) for page in (ltr, rtl)]
    differences = box_differences(*measured, view.width)
    pixels = pixel_differences(browser, view, ltr, rtl)
    report = "\n".join([*differences, f"{pixels} pixels differ ({view.name}-difference.png)"])
    assert not differences and pixels <= MOST_DIFFERING, report
    ltr.context.close()
    rtl.context.close()


def across(boxes: dict[str, list[int]]) -> dict[str, list[int]]:
    """Each box's place across the line only: x and width, y and height set to 0."""
    return {name: [x, 0, w, 0] for name, (x, _, w, _) in boxes.items()}


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_arabic_edition_is_the_english_one_mirrored(
    browser: Browser, mirror_url: str, view: View
) -> None:
    english = open_view(browser, mirror_url, view)
    arabic = open_view(browser, mirror_url, view, edition="ar")
    measured = [across(page.evaluate(MEASURE, [FRAME, []])) for page in (english, arabic)]
    save(f"{view.name}-arabic", arabic.screenshot(full_page=view.whole_page))
    assert box_differences(*measured, view.width) == []
    english.context.close()
    arabic.context.close()


def test_arabic_arrow_keys_lead_to_the_page_on_their_side(
    browser: Browser, mirror_url: str
) -> None:
    page = browser.new_page()
    for edition, left, right in (("ar", "news/market", "index"), ("en", "index", "news/market")):
        for key, goal in (("ArrowLeft", left), ("ArrowRight", right)):
            page.goto(f"{mirror_url}{edition}/{PAGE}")
            page.keyboard.press(key)
            page.wait_for_url(f"{mirror_url}{edition}/{goal}.html")
    page.close()


@pytest.mark.parametrize(
    ("edition", "button", "drawer", "side"),
    [
        ("en", "label.nav-overlay-icon", ".sidebar-drawer", "left"),
        ("en", "label.toc-header-icon", ".toc-drawer", "right"),
        ("ar", "label.nav-overlay-icon", ".sidebar-drawer", "right"),
        ("ar", "label.toc-header-icon", ".toc-drawer", "left"),
    ],
)
def test_on_a_phone_each_drawer_opens_from_the_side_of_its_button(
    browser: Browser, mirror_url: str, edition: str, button: str, drawer: str, side: str
) -> None:
    page = open_view(browser, mirror_url, View("phone", 390), edition=edition)
    opener = page.locator(button).bounding_box()
    page.locator(button).click()
    opened = page.locator(drawer).bounding_box()
    assert opener is not None and opened is not None
    assert ("right" if opener["x"] > 390 / 2 else "left") == side
    edges = {"left": opened["x"], "right": opened["x"] + opened["width"]}
    assert edges[side] == pytest.approx({"left": 0, "right": 390}[side], abs=1)
    page.context.close()
