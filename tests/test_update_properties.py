"""`editions update` never loses a translation, and a second update changes nothing.

Hypothesis edits the English of a small publication at random (change, insert,
delete a paragraph, move one to another document).  The merge layer is tested
on many examples with templates as Sphinx writes them; the whole command (real Sphinx
extraction, about a second per run) on a few.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editions.catalogs import (
    TranslationMemory,
    catalog_paths,
    merge_template,
    read_catalog,
    render_catalog,
)
from editions.cli import main
from editions.declaration import Language
from editions.formatting import wrap_string
from editions.pofile import PoFile, parse_po

ROOTS = Path(__file__).parent / "roots"
SPANISH = Language(code="es", locale=Locale.parse("es"))
WORDS = "harbour ship market mayor river square workers council stall monday friday new".split()  # noqa: SIM905

sentences = st.lists(st.sampled_from(WORDS), min_size=2, max_size=14).map(
    lambda words: " ".join(words).capitalize() + "."
)
edits = st.lists(
    st.tuples(
        st.sampled_from(["change", "insert", "delete", "move"]),
        st.integers(0, 50),
        st.integers(0, 50),
        sentences,
    ),
    min_size=1,
    max_size=6,
)


def apply_edits(documents: dict[str, list[str]], changes: list) -> dict[str, list[str]]:
    """The documents after the edits; paragraphs stay unique, as Sphinx merges duplicates."""
    result = {name: list(paragraphs) for name, paragraphs in documents.items()}
    names = sorted(result)
    for kind, at, other, sentence in changes:
        document = result[names[at % len(names)]]
        index = at % len(document) if document else 0
        if kind == "insert" or not document:
            document.insert(index, sentence)
        elif kind == "change":
            document[index] = document[index][:-1] + " " + sentence.lower()
        elif kind == "delete":
            del document[index]
        else:
            result[names[other % len(names)]].append(document.pop(index))
    seen: set[str] = set()
    for name in names:
        result[name] = [p for p in result[name] if not (p in seen or seen.add(p))]
    return result


def template(name: str, paragraphs: list[str]) -> PoFile:
    blocks = ['msgid ""\nmsgstr ""\n"Project-Id-Version: Test 1\\n"\n']
    for line, paragraph in enumerate(paragraphs, 1):
        msgid = "\n".join(wrap_string("msgid", paragraph))
        blocks.append(f'#: ../../source/{name}.rst:{line}\n{msgid}\nmsgstr ""\n')
    return parse_po("\n".join(blocks).encode("utf-8"), Path(f"{name}.pot"))


def merge_all(templates: dict[str, PoFile], catalogs: dict[str, PoFile | None]) -> dict[str, bytes]:
    memory = TranslationMemory()
    for catalog in catalogs.values():
        if catalog is not None:
            memory.learn(catalog)
    merged = {}
    for name, new in templates.items():
        catalog, _ = merge_template(new, catalogs.get(name), SPANISH, memory)
        merged[name] = render_catalog(catalog)
    return merged


def reread(data: bytes, folder: Path, name: str) -> PoFile:
    path = folder / f"{name}.po"
    path.write_bytes(data)
    return read_catalog(path)


def every_string(catalog: PoFile) -> set[str]:
    return {entry.strings[0] for entry in catalog.entries if entry.id and entry.strings[0]}


STARTING = {
    "harbour": ["The harbour reopened on monday.", "The mayor thanked the workers."],
    "market": ["The weekly market moves to the square.", "Stall holders say it is larger."],
}


@settings(max_examples=60, deadline=None)
@given(first=edits, second=edits)
def test_merging_keeps_every_translation_and_is_stable(first, second) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        # A fully translated start, then two rounds of edits, each merged.
        catalogs: dict[str, PoFile | None] = {}
        for name, paragraphs in STARTING.items():
            catalog = Catalog(locale="es", domain=name)
            for paragraph in paragraphs:
                catalog.add(paragraph, string=f"ES {paragraph}")
            catalogs[name] = reread(render_catalog(catalog), folder, name)
        documents = STARTING
        for changes in (first, second):
            translations = set().union(
                *(every_string(c) for c in catalogs.values() if c is not None)
            )
            documents = apply_edits(documents, changes)
            templates = {name: template(name, ps) for name, ps in documents.items()}
            merged = merge_all(templates, catalogs)
            catalogs = {name: reread(data, folder, name) for name, data in merged.items()}
            kept = set().union(*(every_string(c) for c in catalogs.values() if c is not None))
            assert translations <= kept  # active, fuzzy or obsolete: never gone
            for catalog in catalogs.values():
                for entry in catalog.messages:
                    if entry.fuzzy and entry.previous:
                        assert entry.previous_text("msgid") != entry.id
            again = merge_all(templates, catalogs)
            assert again == merged  # a second update changes nothing


PARAGRAPH_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["change", "insert", "delete", "move"]),
        st.integers(0, 9),
        st.integers(0, 9),
        sentences,
    ),
    min_size=1,
    max_size=3,
)


def body(path: Path) -> tuple[str, list[str]]:
    """A document's title block and its paragraphs."""
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    title = next(i for i, block in enumerate(blocks) if block.startswith("=") or "\n=" in block)
    return "\n\n".join(blocks[: title + 1]), blocks[title + 1 :]


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=PARAGRAPH_EDITS)
def test_editions_update_keeps_every_translation(changes, capsys) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        shutil.copytree(ROOTS / "test-basic", root)
        articles = {
            name: root / "source" / f"{name}.rst" for name in ("news/harbour", "news/market")
        }
        heads, documents = {}, {}
        for name, path in articles.items():
            heads[name], documents[name] = body(path)
        before = {
            lang: set().union(
                *(every_string(read_catalog(p)) for p in catalog_paths(root / "locale" / lang))
            )
            for lang in ("es", "de")
        }
        for name, paragraphs in apply_edits(documents, changes).items():
            articles[name].write_text(
                "\n\n".join([heads[name], *paragraphs]) + "\n", encoding="utf-8"
            )
        assert main(["--project", str(root), "update"]) == 0
        first = {path: path.read_bytes() for path in catalog_paths(root / "locale")}
        for lang, translations in before.items():
            paths = catalog_paths(root / "locale" / lang)
            after = set().union(*(every_string(read_catalog(p)) for p in paths))
            assert translations <= after
        (root / "build" / ".state" / "merged.json").unlink(
            missing_ok=True
        )  # merge everything again
        assert main(["--project", str(root), "update"]) == 0
        assert {path: path.read_bytes() for path in catalog_paths(root / "locale")} == first
        assert main(["--project", str(root), "format", "--check"]) == 0
        capsys.readouterr()
