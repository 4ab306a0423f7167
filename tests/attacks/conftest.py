"""Publications under attack, each built once for the run: one build per class of attack.

The attacker edits catalogs only. Every payload has a page of its own
(``source/p/<id>.rst``) and a catalog of its own, so each test reads what one payload did.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .payloads import MARKUP_PAYLOADS, THEME_ATTACKS, THEME_WORDS, Payload
from .published import Run, run_build, secret_marker, write_catalog

ROOT = Path(__file__).parent.parent / "roots" / "test-attacks"
# The languages a markup payload attacks: a translation, and the source language's own catalog.
ATTACKED = ("es", "en")
# The edition that stands for "a translation" when payloads with control characters are
# built apart: one per group, so that a catalog refused whole stops only its own group.
GROUP_EDITIONS = {
    "cr": "fr",
    "vt": "it",
    "ff": "pt",
    "fs": "nl",
    "gs": "sv",
    "rs": "da",
    "nel": "fi",
    "ls": "pl",
    "ps": "cs",
    "ctl": "ca",
}
WITNESS = "de"  # an edition no one attacked: the page as it should be


def attacked_msgid(payload_id: str) -> str:
    return f"Payload {payload_id} goes here."


def safe_msgid(payload_id: str) -> str:
    return f"The rest of page {payload_id} is safe."


def safe_translation(tag: str, payload_id: str) -> str:
    return f"Resto {tag} de la página {payload_id}, seguro."


@dataclass
class AttackedSite:
    root: Path
    run: Run
    entries: dict[tuple[str, str], tuple[Path, range]]  # (edition, id) -> catalog, lines

    @property
    def html(self) -> Path:
        return self.root / "build" / "html"


def new_publication(parent: Path, languages: list[str]) -> Path:
    root = parent / "publication"
    shutil.copytree(ROOT, root)
    declaration = root / "pyproject.toml"
    declared = "".join(f'    {{ code = "{lang}" }},\n' for lang in languages)
    text = re.sub(
        r"languages = \[\n.*?\]", f"languages = [\n{declared}]", declaration.read_text(), flags=re.S
    )
    declaration.write_text(text)
    return root


def write_page(root: Path, page_id: str) -> None:
    title = f"Page {page_id}"
    (root / "source" / "p").mkdir(parents=True, exist_ok=True)
    (root / "source" / "p" / f"{page_id}.rst").write_text(
        f"{title}\n{'=' * len(title)}\n\n{attacked_msgid(page_id)}\n\n{safe_msgid(page_id)}\n",
        encoding="utf-8",
    )


def fill(template: str, payload_id: str, secret: Path, page_dir: Path) -> str:
    return (
        template.replace("@SECRETREL@", os.path.relpath(secret, page_dir))
        .replace("@SECRET@", str(secret))
        .replace("@ID@", payload_id)
    )


def translation_edition(payload: Payload) -> str:
    return GROUP_EDITIONS[payload.group] if payload.group else "es"


def attacked_msgstr(tag: str, payload: Payload, attack: str) -> str:
    """The witness translates the paragraph; the attacked editions hold the attack."""
    if tag == WITNESS:
        return f"Absatz {payload.id} hier."
    return attack if tag in {"en", translation_edition(payload)} else ""


def write_catalogs(
    root: Path, outside: Path, payloads: list[Payload]
) -> dict[tuple[str, str], tuple[Path, range]]:
    """Every page's catalogs, in every edition; return where each attacked entry is."""
    entries = {}
    tags = {WITNESS, "en", *(translation_edition(payload) for payload in payloads)}
    for payload in payloads:
        secret = outside / f"{payload.id}.txt"
        secret.write_text(secret_marker(payload.id) + "\n", encoding="utf-8")
        msgstr = fill(payload.msgstr, payload.id, secret, root / "source" / "p")
        for tag in sorted(tags):
            catalog = root / "locale" / tag / "LC_MESSAGES" / "p" / f"{payload.id}.po"
            lines = write_catalog(
                catalog,
                tag,
                [
                    (attacked_msgid(payload.id), attacked_msgstr(tag, payload, msgstr)),
                    (safe_msgid(payload.id), safe_translation(tag, payload.id)),
                ],
            )
            entries[tag, payload.id] = (catalog.resolve(), lines[attacked_msgid(payload.id)])
    return entries


@pytest.fixture(scope="session")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside every project: the build machine's files an attacker wants."""
    return tmp_path_factory.mktemp("outside-the-project")


def build_attacked(root: Path, outside: Path, payloads: list[Payload]) -> AttackedSite:
    """Write the pages and their attacked catalogs, and build them from nothing, as CI does.

    (Not on top of a clean build: a build that skips what it thinks unchanged would hide
    the attack from this build, and publish it in the next one from a fresh clone.)
    """
    for payload in payloads:
        write_page(root, payload.id)
    entries = write_catalogs(root, outside, payloads)
    return AttackedSite(root, run_build(root), entries)


@pytest.fixture(scope="session")
def markup_site(tmp_path_factory: pytest.TempPathFactory, outside: Path) -> AttackedSite:
    """Classes 1, 2, 3 and 5: every payload without control characters, in one build."""
    payloads = [payload for payload in MARKUP_PAYLOADS if not payload.group]
    root = new_publication(tmp_path_factory.mktemp("markup"), ["es", WITNESS])
    return build_attacked(root, outside, payloads)


@pytest.fixture(scope="session")
def control_site(tmp_path_factory: pytest.TempPathFactory, outside: Path) -> AttackedSite:
    """Class 1's payloads with control characters: one edition per separator."""
    payloads = [payload for payload in MARKUP_PAYLOADS if payload.group]
    editions = sorted({translation_edition(payload) for payload in payloads})
    root = new_publication(tmp_path_factory.mktemp("control"), [*editions, WITNESS])
    return build_attacked(root, outside, payloads)


def theme_id(lang: str, word: str) -> str:
    slug = re.sub(r"[^a-z]+", "-", word.lower().split("%")[0]).strip("-")
    return f"tw-{lang}-{slug}"


@pytest.fixture(scope="session")
def theme_site(tmp_path_factory: pytest.TempPathFactory) -> AttackedSite:
    """Classes 4 and 5: the theme's words, in three translations and the source language."""
    attackers = [lang for lang in THEME_ATTACKS if lang != "en"]
    root = new_publication(tmp_path_factory.mktemp("theme"), [*attackers, WITNESS])
    entries = {}
    for page_id in ("first", "second"):
        write_page(root, page_id)
        for lang in [*THEME_ATTACKS, WITNESS]:
            write_catalog(
                root / "locale" / lang / "LC_MESSAGES" / "p" / f"{page_id}.po",
                lang,
                [(safe_msgid(page_id), safe_translation(lang, page_id))],
            )
    for lang, attack in THEME_ATTACKS.items():
        words = []
        for word in THEME_WORDS:
            placeholders = "".join(re.findall(r"%\(\w+\)s", word))
            words.append((word, attack.replace("@ID@", theme_id(lang, word)) + placeholders))
        catalog = root / "locale" / lang / "LC_MESSAGES" / "sphinx.po"
        lines = write_catalog(catalog, lang, words)
        for word in THEME_WORDS:
            entries[lang, word] = (catalog.resolve(), lines[word])
    return AttackedSite(root, run_build(root), entries)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve built sites, each on a free local port: ``serve(folder)`` is its URL."""
    servers: dict[Path, str] = {}
    running = []

    def start(folder: Path) -> str:
        if folder not in servers:
            handler = functools.partial(QuietHandler, directory=str(folder))
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            running.append(server)
            servers[folder] = f"http://127.0.0.1:{server.server_address[1]}/"
        return servers[folder]

    yield start
    for server in running:
        server.shutdown()
        server.server_close()
