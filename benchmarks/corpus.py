"""A realistic publication, generated deterministically from a seed.

N articles of about 2,000 words of varied prose (emphasis, strong, literals, links, footnotes,
lists, sections), and for each language a catalog per document: complete, partial or with fuzzy
entries.  Translations are a deterministic transformation of the English that keeps every piece of
markup intact (only plain words are changed), so every msgstr is valid reStructuredText with the
same structure as its msgid, as a careful translator's would be.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import polib

_WORDS = (
    "harbour city council market morning evening river bridge mayor budget school teacher "
    "train station weather storm summer winter festival museum library theatre newspaper "
    "reader editor journalist report inquiry witness minister election vote party street "
    "square garden hospital doctor nurse patient farmer harvest price wage worker union "
    "strike factory engine ship cargo island coast village mountain forest road traffic "
    "bicycle tram bus airport flight passenger ticket history archive letter document photo "
    "camera light shadow window door house family child parent neighbour friend stranger"
)
_VERBS = (
    "said announced reported confirmed denied explained argued claimed suggested noted warned "
    "promised revealed described questioned praised criticised welcomed opened closed"
)
_GLUE = "the a of in on at with for from by and but while after before because although"
WORDS, VERBS, GLUE = _WORDS.split(), _VERBS.split(), _GLUE.split()

# (language, share of entries translated, share of translated entries left fuzzy)
LANGUAGE_PROFILES = [
    ("es", 1.00, 0.00),
    ("fr", 0.95, 0.03),
    ("de", 0.70, 0.05),
    ("it", 0.85, 0.10),
    ("pt", 0.50, 0.05),
    ("nl", 0.90, 0.00),
    ("sv", 0.60, 0.10),
    ("pl", 0.80, 0.05),
]


@dataclass(frozen=True)
class Corpus:
    """A generated publication on disk."""

    root: Path
    articles: int
    languages: tuple[str, ...]

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def locale_dir(self) -> Path:
        return self.root / "locale"

    def article_path(self, number: int) -> Path:
        return self.source_dir / "articles" / f"article{number:04d}.rst"


def generate(root: Path, articles: int, languages: int, seed: int = 2026) -> Corpus:
    """Write a publication of ``articles`` articles and ``languages`` translated editions."""
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    codes = tuple(code for code, _, _ in LANGUAGE_PROFILES[:languages])
    corpus = Corpus(root, articles, codes)
    _write_project_files(corpus)
    for number in range(articles):
        path = corpus.article_path(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(rng, number), encoding="utf-8")
    _write_catalogs(corpus, seed)
    return corpus


def _write_project_files(corpus: Corpus) -> None:
    corpus.source_dir.mkdir(parents=True)
    declared = ",\n".join(f'    {{ code = "{code}" }}' for code in corpus.languages)
    (corpus.root / "pyproject.toml").write_text(
        f'[tool.editions]\ntitle = "Bench Gazette"\nsource-language = "en"\n'
        f"languages = [\n{declared},\n]\n",
        encoding="utf-8",
    )
    conf = Path(__file__).parent.parent / "source" / "conf.py"
    text = conf.read_text(encoding="utf-8") if conf.exists() else ""
    # The publication's own configuration, so the benchmark measures what `make` builds.
    (corpus.source_dir / "conf.py").write_text(text.replace("Editions", "Bench Gazette"))
    (corpus.source_dir / "index.rst").write_text(
        "Bench Gazette\n=============\n\nThe news, generated.\n\n"
        ".. toctree::\n   :maxdepth: 1\n   :glob:\n\n   articles/*\n",
        encoding="utf-8",
    )


def article(rng: random.Random, number: int) -> str:
    """About 2,000 words of prose with the inline and block markup of a real article."""
    title = f"{_words(rng, 4).capitalize()} ({number})"
    parts = [f".. _article-{number}:\n", title, "=" * len(title), ""]
    footnotes: list[str] = []
    words = 0
    section = 0
    while words < 2000:
        if words // 450 >= section:
            section += 1
            heading = f"{_words(rng, 3).capitalize()} {section}"
            parts += [heading, "-" * len(heading), ""]
        kind = rng.random()
        if kind < 0.12:
            items = [
                f"- {_sentence(rng, footnotes, inline=True)}" for _ in range(rng.randint(3, 5))
            ]
            parts += [*items, ""]
            words += 12 * len(items)
        else:
            inline = kind >= 0.25  # some paragraphs are plain prose
            count = rng.randint(3, 6)
            sentences = [_sentence(rng, footnotes, inline=inline) for _ in range(count)]
            parts += [_wrap(" ".join(sentences)), ""]
            words += sum(len(sentence.split()) for sentence in sentences)
    if number > 0:
        parts += [f"See also :ref:`article-{number - 1}`.", ""]
    for index, text in enumerate(footnotes, 1):
        parts += [f".. [#n{index}] {text}", ""]
    return "\n".join(parts)


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _sentence(rng: random.Random, footnotes: list[str], *, inline: bool) -> str:
    words = [rng.choice(WORDS if rng.random() < 0.6 else GLUE) for _ in range(rng.randint(9, 18))]
    words.insert(rng.randint(1, len(words) - 1), rng.choice(VERBS))
    if inline:
        for at in rng.sample(range(1, len(words) - 1), rng.randint(0, 2)):
            words[at] = _markup(rng, words[at], footnotes)
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def _markup(rng: random.Random, word: str, footnotes: list[str]) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return f"*{word}*"
    if choice == 1:
        return f"**{word}**"
    if choice == 2:
        return f"``{word}_{rng.randrange(100)}``"
    if choice == 3:
        return f"`{word} {rng.choice(WORDS)} <https://example.org/{word}/{rng.randrange(999)}>`_"
    if choice == 4:
        footnotes.append(f"{_words(rng, 8).capitalize()}.")
        return f"{word} [#n{len(footnotes)}]_"
    return f'"{word}"'


def _wrap(text: str, width: int = 79) -> str:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


# Markup the transformation must leave alone: literals, references, roles, footnotes, URLs.
_PROTECTED = re.compile(r"``.+?``|`[^`]+`_|:\w+:`[^`]+`|\[#\w*\]_|<[^>]+>|https?://\S+")
_VOWELS = "aeiou"


def translate(text: str, code: str) -> str:
    """A deterministic 'translation' that changes words but never markup."""
    shift = 1 + sum(map(ord, code)) % 4
    table = str.maketrans(_VOWELS, _VOWELS[shift:] + _VOWELS[:shift])
    pieces, last = [], 0
    for match in _PROTECTED.finditer(text):
        pieces.append(text[last : match.start()].translate(table))
        pieces.append(match.group())
        last = match.end()
    pieces.append(text[last:].translate(table))
    return "".join(pieces)


def _write_catalogs(corpus: Corpus, seed: int) -> None:
    """Extract the templates with Sphinx's gettext builder, then write each language's .po."""
    pot_dir = corpus.root / "build" / "gettext"
    subprocess.run(
        [
            sys.executable, "-m", "sphinx", "-q", "-b", "gettext", "-D", "gettext_compact=0",
            "-d", str(corpus.root / "build" / "doctrees" / "gettext"),
            str(corpus.source_dir), str(pot_dir),
        ],
        check=True,
    )  # fmt: skip
    for index, (code, translated, fuzzy) in enumerate(LANGUAGE_PROFILES[: len(corpus.languages)]):
        rng = random.Random(f"{seed}-{index}")
        for pot_path in sorted(pot_dir.rglob("*.pot")):
            domain = pot_path.relative_to(pot_dir).with_suffix("")
            catalog = polib.pofile(str(pot_path))
            catalog.metadata["Language"] = code
            catalog.metadata["Content-Type"] = "text/plain; charset=UTF-8"
            for entry in catalog:
                if rng.random() >= translated:
                    continue
                entry.msgstr = translate(entry.msgid, code)
                if rng.random() < fuzzy:
                    entry.flags.append("fuzzy")
            target = corpus.locale_dir / code / "LC_MESSAGES" / f"{domain}.po"
            target.parent.mkdir(parents=True, exist_ok=True)
            catalog.save(str(target))
