"""The real publication: the article, faithfully, in every declared edition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docutils import nodes
from docutils.core import publish_doctree

from editions.declaration import load_project

REPOSITORY = Path(__file__).parent.parent
ARTICLE = "articles/paris-commune-1871-part-3"
SEED = REPOSITORY.parent / "shared" / "seed" / "article.txt"


def english_blocks() -> list[str]:
    """The article's title, headings and paragraphs, as the source states them."""
    source = (REPOSITORY / "source" / f"{ARTICLE}.rst").read_text(encoding="utf-8")
    tree = publish_doctree(source, settings_overrides={"report_level": 5})
    blocks = tree.findall(lambda node: isinstance(node, (nodes.title, nodes.paragraph)))
    return [node.astext() for node in blocks]


def visible_text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("&#8217;", "’").replace("&#8220;", "“").replace("&#8221;", "”")
    return re.sub(r"\s+", " ", text)


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is in ../shared/seed/")
def test_the_source_article_is_the_seed_word_for_word() -> None:
    seed = SEED.read_text(encoding="utf-8").replace("\xa0", " ")
    leftovers = "Front page of this issue Print Friendly, PDF & Email"
    seed_words = " ".join(seed.split()).removesuffix(leftovers).strip()
    article = " ".join(" ".join(english_blocks()).split())
    assert article == seed_words


def test_english_edition_shows_every_paragraph(site: Path) -> None:
    text = visible_text(site / "en" / f"{ARTICLE}.html")
    missing = [block for block in english_blocks() if block not in text]
    assert missing == []


@pytest.mark.parametrize("tag", ["es", "fr", "ar"])
def test_complete_editions_translate_every_paragraph_and_heading(site: Path, tag: str) -> None:
    text = visible_text(site / tag / f"{ARTICLE}.html")
    still_english = [block for block in english_blocks() if block in text]
    assert still_english == []


def test_german_edition_is_about_half_translated(site: Path) -> None:
    text = visible_text(site / "de" / f"{ARTICLE}.html")
    blocks = english_blocks()
    still_english = [block for block in blocks if block in text]
    assert 0.3 * len(blocks) < len(still_english) < 0.6 * len(blocks)


def test_landing_page_lists_every_declared_edition_by_native_name(site: Path) -> None:
    landing = (site / "index.html").read_text(encoding="utf-8")
    project = load_project(REPOSITORY)
    for language in project.editions:
        assert f'href="{language.tag}/index.html"' in landing
        assert language.native_name in landing
    assert "Español" in landing and "Français" in landing and "Deutsch" in landing


def test_the_search_page_script_speaks_each_editions_language(site: Path) -> None:
    """Sphinx never writes a project's theme words into translations.js: we do."""
    german = (site / "de" / "_static" / "translations.js").read_text(encoding="utf-8")
    assert '"Searching": "Suche läuft"' in german
    assert '"Search Results":' in german
    arabic = (site / "ar" / "_static" / "translations.js").read_text(encoding="utf-8")
    assert '"Preparing search...": "جارٍ تحضير البحث..."' in arabic
    assert "n%100>=11" in arabic  # Arabic's six plural forms


def test_the_committed_catalogs_pass_every_check_with_spelling(editions) -> None:
    result = editions("--project", REPOSITORY, "check", "--spelling")
    assert result.code == 0, result.out
    assert "0 errors" in result.err


def test_the_committed_catalogs_are_in_the_canonical_form(editions) -> None:
    result = editions("--project", REPOSITORY, "format", "--check")
    assert result.code == 0, result.out
