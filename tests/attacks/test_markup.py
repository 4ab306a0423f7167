"""Markup in a msgstr (classes 1, 2, 3 and 5): none of it is published, and each is reported.

README, "Publishers: safety and resilience": a translation may use only the markup its
English uses; an unsafe translation is left out (its paragraph shows the English) and
reported as ``file:line: [check] message``; ``editions build --strict`` then exits 1.
Every payload attacks its own page, in a Spanish catalog and in the source language's
(``locale/en/``); the German edition, untouched, is the page as it should be.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from .conftest import (
    ATTACKED,
    WITNESS,
    AttackedSite,
    attacked_msgid,
    safe_translation,
    translation_edition,
)
from .payloads import MARKUP_PAYLOADS, Payload
from .published import Page, read_page, secret_marker, secrets_published

CASES = [
    pytest.param(lang, payload, id=f"{lang}-{payload.id}")
    for lang in ATTACKED
    for payload in MARKUP_PAYLOADS
]


@pytest.fixture
def site(request: pytest.FixtureRequest, payload: Payload) -> AttackedSite:
    """The build that holds this payload: control characters are built apart."""
    return request.getfixturevalue("control_site" if payload.group else "markup_site")


@pytest.fixture
def edition(lang: str, payload: Payload) -> str:
    """The edition attacked: the source language's, or the translation's."""
    return lang if lang == "en" else translation_edition(payload)


def page(site: AttackedSite, lang: str, payload: Payload) -> Page:
    path = site.html / lang / "p" / f"{payload.id}.html"
    assert path.is_file(), f"{path} was not published: the edition failed"
    return read_page(path)


def published(site: AttackedSite, edition: str, payload: Payload) -> Page | None:
    """The attacked page; None if its edition was refused whole and so published nothing.

    README: a catalog refused whole stops its own language (which keeps its last published
    version: here, a first build, none). Publishing nothing publishes none of the attack.
    """
    if site.run.edition_failed(edition) and not (site.html / edition).exists():
        return None
    return page(site, edition, payload)


def untouched(site: AttackedSite, payload: Payload) -> Page:
    """The same page in the German edition, whose catalogs no one attacked."""
    return page(site, WITNESS, payload)


def theme_script(script: tuple[str, str]) -> bool:
    """A script file of the site's own (``_static/``), with nothing inline."""
    src, inline = script
    return bool(re.fullmatch(r"(\.\./)*_static/[\w./-]+(\?v=\w+)?", src)) and not inline.strip()


@functools.cache
def published_secrets(edition: Path) -> frozenset[str]:
    return frozenset(secrets_published(edition))


def test_there_are_at_least_a_hundred_markup_payloads() -> None:
    assert len(MARKUP_PAYLOADS) >= 100
    assert len({payload.id for payload in MARKUP_PAYLOADS}) == len(MARKUP_PAYLOADS)


@pytest.mark.parametrize("name", ["markup_site", "control_site"])
def test_the_strict_build_exits_1_and_the_untouched_edition_publishes(
    request: pytest.FixtureRequest, name: str
) -> None:
    site: AttackedSite = request.getfixturevalue(name)
    assert site.run.code == 1, site.run.err[-3000:]
    assert "Traceback" not in site.run.err
    for payload in MARKUP_PAYLOADS:
        if (WITNESS, payload.id) in site.entries:
            text = untouched(site, payload).text
            assert safe_translation(WITNESS, payload.id) in text


@pytest.mark.parametrize(("lang", "payload"), CASES)
def test_reported_at_its_file_and_line(
    site: AttackedSite, edition: str, lang: str, payload: Payload
) -> None:
    """Named at its line; or its edition refused whole, at a line of one of its catalogs.

    A catalog refused whole (README: "stops only its own language, with the file, the
    line") keeps the published edition as it was: it need not name every other one.
    """
    catalog, lines = site.entries[edition, payload.id]
    findings = site.run.findings()
    if site.run.edition_failed(edition):
        folder = site.root / "locale" / edition.replace("-", "_")
        assert any(path.is_relative_to(folder.resolve()) for path in findings), site.run.err
        return
    reported = findings.get(catalog, set())
    assert reported & set(lines), (
        f"no finding at {catalog}:{lines.start}-{lines.stop - 1}; "
        f"lines reported in that file: {sorted(reported)}"
    )


@pytest.mark.parametrize(("lang", "payload"), CASES)
def test_the_paragraph_shows_the_english_and_the_rest_of_the_page_publishes(
    site: AttackedSite, edition: str, lang: str, payload: Payload
) -> None:
    attacked = published(site, edition, payload)
    if attacked is None:
        return
    assert attacked_msgid(payload.id) in attacked.text
    assert safe_translation(edition, payload.id) in attacked.text


@pytest.mark.parametrize(("lang", "payload"), CASES)
def test_no_script_no_event_handler_no_script_url(
    site: AttackedSite, edition: str, lang: str, payload: Payload
) -> None:
    attacked, expected = published(site, edition, payload), untouched(site, payload)
    if attacked is None:
        return
    scripts = [s for s in attacked.scripts if not theme_script(s) and s not in expected.scripts]
    assert scripts == []
    assert attacked.handlers == expected.handlers
    assert attacked.unsafe_urls == expected.unsafe_urls


@pytest.mark.parametrize(("lang", "payload"), CASES)
def test_no_file_from_outside_the_project(
    site: AttackedSite, edition: str, lang: str, payload: Payload
) -> None:
    assert secret_marker(payload.id) not in published_secrets(site.html / edition)


@pytest.mark.parametrize(("lang", "payload"), CASES)
def test_no_directive_or_role_effect(
    site: AttackedSite, edition: str, lang: str, payload: Payload
) -> None:
    attacked, expected = published(site, edition, payload), untouched(site, payload)
    if attacked is None:
        return
    assert not {i for i in attacked.ids if i.startswith(f"inj-{payload.id}")}
    assert attacked.article_tags == expected.article_tags
