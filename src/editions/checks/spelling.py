"""Spelling of each msgstr with Hunspell, markup and literals removed (``--spelling``).

Hunspell runs once per catalog in its pipe mode (``-a``), one line per
message, so that each misspelt word is found at its message's line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from multiprocessing import util as multiprocessing_util
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from editions.checks.markup import plain_words
from editions.checks.pofile import CatalogFile
from editions.checks.registry import catalog_check
from editions.findings import ERROR, WARNING, Finding
from editions.layout import language_folder_of

DICTIONARY_FOLDERS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
WORDLIST = "wordlist.txt"  # locale/<lang>/wordlist.txt: the team's own words
_MISSPELT = re.compile(r"^[&#] (\S+)")


@catalog_check("spelling", "words Hunspell does not know, outside markup and code", optional=True)
def check_spelling(catalog: CatalogFile) -> Iterator[Finding]:
    if catalog.po is None or catalog.unreadable_header is not None:
        return
    dictionary = find_dictionary(catalog.language)
    if dictionary is None or shutil.which("hunspell") is None:
        language = catalog.language or "an unknown language"
        yield Finding(
            catalog.path,
            1,
            "spelling",
            f"spelling not checked: no Hunspell dictionary for {language}"
            f" (install hunspell and {_debian_package(catalog.language)})",
            WARNING,
        )
        return
    entries = [
        entry
        for entry in catalog.messages
        if entry.msgid_plural is None and entry.strings[0] and not entry.fuzzy
    ]
    lines = ["^" + " ".join(plain_words(entry.strings[0]).split()) for entry in entries]
    wordlist = wordlist_of(catalog.path)
    try:
        misspelt = _hunspell(dictionary, wordlist, lines)
    except (OSError, subprocess.CalledProcessError) as error:
        problem = getattr(error, "stderr", None) or str(error)
        yield Finding(
            catalog.path,
            1,
            "spelling",
            f"Hunspell failed with {dictionary} and {wordlist or 'no word list'} "
            f"({str(problem).strip()[:200]}); check the word list, or run without --spelling",
            WARNING,
        )
        return
    for entry, words in zip(entries, misspelt, strict=True):
        # A word of the msgid is a name or code the translator had to keep.
        unknown = [word for word in words if word not in entry.id]
        if unknown:
            yield catalog.finding(
                entry,
                "spelling",
                f"unknown word(s): {', '.join(dict.fromkeys(unknown))}; fix them, or add them "
                f"to the language's {WORDLIST}",
                ERROR,
            )


@lru_cache(maxsize=4096)
def is_word_of(language: str | None, word: str) -> bool | None:
    """Whether Hunspell knows ``word`` in ``language``; None without a dictionary for it."""
    dictionary = find_dictionary(language)
    if dictionary is None or shutil.which("hunspell") is None:
        return None
    try:
        if len(word.splitlines()) > 1:  # Hunspell's pipe answers line by line
            return not _hunspell(dictionary, None, ["^" + word])[0]
        return not _pipe_to(dictionary).misspelt(word)
    except (OSError, subprocess.CalledProcessError):
        return None


class _HunspellPipe:
    """One Hunspell asked one word at a time, kept running for the process.

    Starting Hunspell loads its dictionary (about 50 ms of CPU for French): a check that
    asks for a few words in each of many catalogs starts it once per process, not per word.
    It runs in its word mode (``-w``: it prints each unknown word it is given), not its pipe
    mode (``-a``), which computes suggestions for every unknown word: 130 ms of CPU each for
    French, where ``-w`` answers in microseconds.  ``-w`` prints nothing for a known word, so
    each word is followed by a word no dictionary knows, and the answer ends at its echo;
    ``stdbuf -oL`` makes Hunspell write each line as it is found, not when its buffer fills.
    """

    END = "qxjzqxjz"  # printed back after each answer: unknown to every dictionary

    def __init__(self, dictionary: Path) -> None:
        self.dictionary = dictionary
        self.process = subprocess.Popen(
            ["stdbuf", "-oL", *_hunspell_command(dictionary, None), "-w"],
            env=_hunspell_environment(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )

    def misspelt(self, word: str) -> bool:
        """Whether Hunspell does not know ``word`` (one line)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        if self.END in word:
            return True  # its echo would end the answer early, and the next answer be this one's
        self.process.stdin.write(f"{word}\n{self.END}\n")
        self.process.stdin.flush()
        unknown = False
        while (line := self.process.stdout.readline()) != f"{self.END}\n":
            if not line:
                raise OSError(f"Hunspell ended, asked with {self.dictionary}")
            unknown = True
        return unknown

    def close(self) -> None:
        """End Hunspell and wait for it (so that its CPU time is its parent's children's)."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


_PIPES: dict[tuple[int, Path], _HunspellPipe] = {}


def _pipe_to(dictionary: Path) -> _HunspellPipe:
    """This process's Hunspell for ``dictionary`` (a worker forked from it starts its own)."""
    key = (os.getpid(), dictionary)
    if key not in _PIPES:
        pipe = _PIPES[key] = _HunspellPipe(dictionary)
        # Closed at exit, in a worker process too (multiprocessing runs its finalizers, not
        # atexit's, when a worker ends).
        multiprocessing_util.Finalize(pipe, pipe.close, exitpriority=0)
    return _PIPES[key]


@lru_cache(maxsize=1024)
def words_known(language: str | None, words: tuple[str, ...]) -> frozenset[str] | None:
    """The ``words`` Hunspell knows in ``language``, as written or but for their accents.

    A name in code is written without accents: ``element`` is élément, ``chaine`` chaîne.
    Asked of this process's one Hunspell (see ``_HunspellPipe``); None without one.
    """
    dictionary = find_dictionary(language)
    if dictionary is None or shutil.which("hunspell") is None or not words:
        return None
    try:
        pipe = _pipe_to(dictionary)
        misspelt = {word for word in words if "\n" in word or pipe.misspelt(word)}
    except OSError:
        return None
    accented = _accented_stems(dictionary)
    return frozenset(word for word in words if word not in misspelt or word.lower() in accented)


@lru_cache(maxsize=8)
def _accented_stems(dictionary: Path) -> frozenset[str]:
    """The dictionary's words that have accents, as written without them (élément: element)."""
    try:
        lines = dictionary.with_suffix(".dic").read_text(encoding="utf-8").splitlines()[1:]
    except (OSError, UnicodeDecodeError):
        return frozenset()
    stems = (line.split("/", 1)[0].split()[0] for line in lines if line.strip())
    return frozenset(_without_accents(stem).lower() for stem in stems if not stem.isascii())


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def find_dictionary(language: str | None) -> Path | None:
    """The Hunspell dictionary for a language: ``fr`` finds ``fr_FR``, ``de`` ``de_DE``."""
    if not language:
        return None
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    territory = locale.territory or locale.language.upper()
    names = [f"{locale.language}_{territory}", locale.language]
    for folder in DICTIONARY_FOLDERS:
        for name in names:
            if (folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file():
                return folder / name
    return None


def wordlist_of(catalog: Path) -> Path | None:
    """``locale/<lang>/wordlist.txt`` for a catalog under ``locale/<lang>/LC_MESSAGES/``."""
    folder = language_folder_of(catalog)
    if folder is None:
        return None
    wordlist = folder / WORDLIST
    return wordlist if wordlist.is_file() else None


def _hunspell_command(dictionary: Path, wordlist: Path | None) -> list[str]:
    """Hunspell with ``dictionary`` and the team's word list (see _hunspell_environment)."""
    return ["hunspell", "-i", "utf-8", "-d", str(dictionary), "-p", str(wordlist or os.devnull)]


def _hunspell_environment() -> dict[str, str]:
    """Nothing of the user's: Hunspell also reads ``$HOME/.hunspell_<dictionary>`` (even with
    ``-p``) and the file ``$WORDLIST`` names, and the gate's verdict would depend on whose
    machine judged the catalog.  The team's words are in ``locale/<lang>/wordlist.txt``."""
    environment = {name: value for name, value in os.environ.items() if name != "WORDLIST"}
    return environment | {"HOME": os.devnull}  # a folder no file can be in


def _hunspell(dictionary: Path, wordlist: Path | None, lines: list[str]) -> list[list[str]]:
    """Misspelt words of each line, from Hunspell's pipe mode (one blank line ends each)."""
    output = subprocess.run(
        [*_hunspell_command(dictionary, wordlist), "-a"],
        env=_hunspell_environment(),
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    results: list[list[str]] = [[]]
    for line in output.splitlines()[1:]:  # the first line is Hunspell's banner
        if not line:
            results.append([])
        elif match := _MISSPELT.match(line):
            results[-1].append(match.group(1))
    return (results + [[] for _ in lines])[: len(lines)]


# Debian splits these languages' dictionaries by territory (hunspell-de-de, hunspell-en-us,
# hunspell-pt-br: there is no hunspell-de); the others have one package per language.
_DEBIAN_BY_TERRITORY = {"de", "en", "pt"}


def _debian_package(language: str | None) -> str:
    """The Debian package with the language's dictionary, as Debian 12 names it."""
    if not language:
        return "a dictionary (`apt-cache search hunspell`)"
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return f"a dictionary for {language} (`apt-cache search hunspell`)"
    name = locale.language
    if name in _DEBIAN_BY_TERRITORY:
        territory = (
            locale.territory or Locale.parse(get_global("likely_subtags").get(name, name)).territory
        )
        name = f"{name}-{territory}" if territory else name
    return f"the Debian package hunspell-{name.lower()}"
