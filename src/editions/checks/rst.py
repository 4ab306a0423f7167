"""Checks that compare the reStructuredText of each msgstr with its msgid.

A msgstr is parsed by Sphinx as its own small document: broken markup shows
as raw asterisks and backticks in the page, and a changed reference points
elsewhere.  (A changed link or URL is the safety rules' ``retargeted-url``.)
"""

from __future__ import annotations

import keyword
import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from sphinxlint import check_text
from sphinxlint.checkers import all_checkers
from sphinxlint.utils import PER_FILE_CACHES

from editions.catalogs import THEME_DOMAIN
from editions.checks.markup import PHRASE_REFERENCE as _PHRASE
from editions.checks.markup import markup_of
from editions.checks.pofile import CatalogFile
from editions.checks.registry import message_check
from editions.checks.spelling import is_word_of, words_known
from editions.findings import ERROR, WARNING, Finding
from editions.pofile import PoEntry

# sphinx-lint's checks of whole source files that mean nothing in one msgstr
# (tabs, line length, final newline) or that a msgid wrapped by gettext trips.
_NOT_FOR_MESSAGES = {
    "trailing-whitespace",
    "horizontal-tab",
    "carriage-return",
    "missing-final-newline",
    "line-too-long",
    "bad-dedent",
    "dangling-hyphen",
    "default-role",
    "triple-backticks",
    # Sphinx shows :func:`f()` exactly as :func:`f` (it adds the parentheses itself and
    # strips them from the target): the page is the same, nothing to fix.
    "unnecessary-parentheses",
}
_LINT_CHECKERS = frozenset(
    checker
    for name, checker in all_checkers.items()
    if checker.enabled and ".rst" in checker.suffixes and name not in _NOT_FOR_MESSAGES
)
# How alike two literals must be for one to be the other, changed.
_CHANGED_SIMILARITY = 0.6
_NOT_WORD = re.compile(r"[^\w\s]")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d+")
# The words of a name (snake_case, camelCase, digits apart), and how long one must be
# to be told apart from an abbreviation.
_NAME_PART = re.compile(r"[A-ZÀ-Ý]?[^\W\d_A-ZÀ-Ý]+|[A-ZÀ-Ý]+(?![^\W\d_A-ZÀ-Ý])")
_WORD_LENGTH = 3
_NAME_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")
# "and so on" as the last item of a list or call: ``f(a, b, ...)`` for ``f(a, b)``.
_ETC_ITEM = re.compile(r"\s*,\s*(?:\.\.\.|…)(?=\s*[)\]}])")
# Code as placeholders are read in it: a slot (``<type>``, ``<the version>``), a name, an
# ellipsis, a quote, spaces, any other character.
_CODE_TOKEN = re.compile(r"<\w[\w\s-]*>|\w+|\.\.\.|…|['\"]|\s+|.", re.S)
_ELLIPSIS = r"(?:\.\.\.|…)"
# Hunspell's dictionary of the msgids' language, for the English words of a name.
_ENGLISH = "en_US"
# The shortest glued word of a name: "sous" + "element", "my" + "project" in English.
_GLUED_WORD = {_ENGLISH: 2}
# How many other literals a catalog must change alike for a change to be its convention.
_CONVENTION = 2
# How alike two literals of the same punctuation must be (names renamed change many letters).
_RENAMED_SIMILARITY = 0.4
_ESCAPE = re.compile(r"\\[A-Za-z]")  # \b, \w: a regular expression's, not a name's letters
_PATH_ROLES = frozenset({":file", ":samp"})
_OPERATOR = re.compile(r"[-+*/%@&|^~<>=!]+|and|or|not|in|is")
# A text with none of these, and no "..", gives sphinx-lint's checks above nothing to find (its
# two about directives look for ".. " and "... ").
_MARKUP_CHARACTERS = frozenset("`:_|*[<")


# The last entry's pairs: each message check asks for them in turn, and the entry's strings
# are resolved from their escapes anew at each asking.
_LAST_PAIRS: list[tuple[PoEntry, tuple[tuple[str, str], ...]]] = []


def translated_pairs(entry: PoEntry) -> tuple[tuple[str, str], ...]:
    """(English, translation) of each translated form of a non-fuzzy entry.

    A plural entry gives one pair per form: its first form against the msgid, the
    others against the msgid_plural (the build publishes every form).
    """
    if _LAST_PAIRS and _LAST_PAIRS[0][0] is entry:
        return _LAST_PAIRS[0][1]
    english = entry.english
    pairs: tuple[tuple[str, str], ...] = ()
    if english[0] and not entry.fuzzy:
        last = len(english) - 1
        pairs = tuple(
            (english[min(form, last)], string)
            for form, string in enumerate(entry.strings)
            if string
        )
    _LAST_PAIRS[:] = [(entry, pairs)]
    return pairs


@message_check(
    "rst-markup", "inline markup broken in the msgstr but not in the msgid (sphinx-lint)"
)
def check_rst_markup(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    for source, translation in translated_pairs(entry):
        if not _MARKUP_CHARACTERS.intersection(translation) and ".." not in translation:
            continue
        problems = _lint(translation)
        if not problems:
            continue
        allowed = Counter(checker for checker, _ in _lint(source))
        for checker, text in problems:
            if allowed[checker] > 0:
                allowed[checker] -= 1  # the source has the same construct: not the translator's
                continue
            yield catalog.finding(entry, "rst-markup", f"{text} ({checker})", ERROR)


@message_check("references", "roles, cross-references, footnotes and substitutions as in the msgid")
def check_references(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    for texts in translated_pairs(entry):
        yield from _reference_findings(catalog, entry, *texts)


def _reference_findings(
    catalog: CatalogFile, entry: PoEntry, english: str, translated: str
) -> Iterator[Finding]:
    source, translation = markup_of(english), markup_of(translated)
    missing = source.references - translation.references
    added = translation.references - source.references
    if _one_name_translated(missing, added):
        # Sphinx gives a `name`_ the document lacks the msgid's one name it lost
        # (update_refnamed_references in sphinx/transforms/i18n.py): the same target.
        missing, added = Counter(), Counter()
    _drop_translated_paths(missing, added, catalog, translated)
    parts = []
    if missing:
        parts.append("missing " + ", ".join(sorted(missing)))
    if added:
        parts.append("not in the msgid " + ", ".join(sorted(added)))
    if source.named_references != translation.named_references:
        parts.append(
            f"{translation.named_references} `named`_ references where the msgid has "
            f"{source.named_references}"
        )
    if parts:
        # A reference added to what the msgid says (a translator linking a
        # term) loses nothing; one missing or retargeted sends readers elsewhere.
        only_added = not missing and source.named_references == translation.named_references
        yield catalog.finding(
            entry,
            "references",
            "; ".join(parts) + ": keep each reference's target as in the msgid "
            "(translate only its title, as :ref:`title <target>`)",
            WARNING if only_added else ERROR,
        )


@message_check("literals", "``inline literals`` copied from the msgid: code without typos")
def check_literals(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    for texts in translated_pairs(entry):
        yield from _literal_findings(catalog, entry, *texts)


def _drop_translated_paths(
    missing: Counter[str], added: Counter[str], catalog: CatalogFile, msgstr: str
) -> None:
    """Forget a :file: or :samp: whose example names the translator translated.

    These roles link nowhere: ``:file:`truc/bidule/machin.py``` for ``foo/bar/baz.py``
    is a path renamed as the msgstr's code is, judged as a literal is.
    """
    for key in list(added):
        role, _, path = key.partition(":`")
        if role not in _PATH_ROLES:
            continue
        before = [other for other in missing if other.startswith(role + ":`")]
        if not before:
            continue
        original = _original_of(path, [other.partition(":`")[2] for other in before])
        if _literal_change(path, original) == WARNING and _renamed_on_purpose(
            path.removesuffix("`"), original.removesuffix("`"), catalog, msgstr
        ):
            added[key] -= 1
            missing[f"{role}:`{original}"] -= 1
    for counter in (missing, added):
        for key in [key for key, count in counter.items() if count <= 0]:
            del counter[key]


def _one_name_translated(missing: Counter[str], added: Counter[str]) -> bool:
    """Whether the only change is one `name`_ of the msgid written under another name.

    With two or more, Sphinx pairs them in the order of a set: a link may go astray.
    """
    lost, renamed = list(missing.elements()), list(added.elements())
    return (
        len(lost) == len(renamed) == 1
        and lost[0].startswith(_PHRASE)
        and renamed[0].startswith(_PHRASE)
    )


def _literal_findings(catalog: CatalogFile, entry: PoEntry, *texts: str) -> Iterator[Finding]:
    source, translation = (markup_of(text).literals for text in texts)
    # A literal added around text of the msgid is fine, and so is one dropped
    # in rephrasing.  A literal close to one of the msgid is that one changed.
    lost = source - translation
    changes = []
    for literal, original in _paired(translation - source, source, lost, texts[0]):
        alike = _similarity(literal, original)
        if alike < _CHANGED_SIMILARITY and not (
            alike >= _RENAMED_SIMILARITY and _punctuation(literal) == _punctuation(original)
        ):
            continue
        severity = _literal_change(literal, original)
        if severity is not None and not _corrects_the_english(literal, original, texts[0]):
            changes.append((literal, original, severity))
    # The same change made to several literals (``'chat'``, ``'chaaat'`` for ``'cat'``,
    # ``'caaat'``) is a renaming on purpose; a typo is made once.
    edits = Counter(_edit(literal, original) for literal, original, _ in changes)
    for literal, original, severity in changes:
        if severity == WARNING and (
            edits[_edit(literal, original)] > 1
            or _renamed_on_purpose(literal, original, catalog, texts[1])
            or _renamed_elsewhere(literal, original, catalog, entry)
        ):
            continue
        yield catalog.finding(
            entry,
            "literals",
            f"``{literal}`` where the msgid has ``{original}``: "
            + (
                "code must be copied exactly"
                if severity == ERROR
                else "names changed; fine if you translated an example's names on purpose"
            ),
            severity,
        )


def _corrects_the_english(literal: str, original: str, english: str) -> bool:
    """Whether the msgstr's literal is the msgid's own slip, corrected.

    ``False`` where the msgid has ``false`` (Python's constant, as Python spells it), and
    ``'8859'`` where the msgid has ````'8859``'```` (its closing quote outside the literal).
    """
    if keyword.iskeyword(literal) and literal.lower() == original.lower():
        return True
    added = literal.removeprefix(original) if literal.startswith(original) else ""
    before = literal.removesuffix(original) if literal.endswith(original) else ""
    return any(
        extra and not any(char.isalnum() for char in extra) and slip in english
        for extra, slip in ((added, f"``{original}``{added}"), (before, f"{before}``{original}``"))
    )


def _renamed_elsewhere(literal: str, original: str, catalog: CatalogFile, entry: PoEntry) -> bool:
    """Whether other messages of the catalog make the same change to two other literals or more.

    python-docs-fr writes ``M1`` (motif) for the pattern ``P1``, and ``M1 | M2 | ...`` for
    ``P1 | P2 | ...``, ``[M1, M2, M3,`` for ``[P1, P2, P3,``: a convention of the catalog.
    A slip is made to one literal, or copied once: ``src_dir_ds`` twice for ``src_dir_fd``,
    ``sys.fork`` and ``sys.forkpty`` for ``os.fork`` and ``os.forkpty``.
    """
    edit = _edit(literal, original)
    others = set()
    for other in catalog.messages:
        if other is entry:
            continue
        for english, translated in translated_pairs(other):
            if literal not in translated:
                continue  # cheap: the new name is not there
            source, translation = (markup_of(text).literals for text in (english, translated))
            for new, old in _paired(translation - source, source, source - translation, english):
                if old != original and _edit(new, old) == edit:
                    others.add(old)
    return len(others) >= _CONVENTION


def _paired(
    added: Counter[str], source: Counter[str], lost: Counter[str], english: str
) -> list[tuple[str, str]]:
    """Each literal of the msgstr that is one of the msgid's changed, with that one.

    A lost literal is changed into one literal at most, the likest: ``!REGLE`` for
    ``!RULE``; another (``REGLE``, quoted again in the sentence) is a literal added.
    """
    candidates = [
        (literal, _original_of(literal, list(lost)))
        for literal in sorted(added)
        if lost and literal not in english and not _joins_literals(literal, source)
    ]
    left = Counter(lost)
    pairs = []
    for literal, original in sorted(candidates, key=lambda pair: _likeness(*pair), reverse=True):
        if left[original] > 0:
            left[original] -= 1
            pairs.append((literal, original))
    return sorted(pairs)


def _likeness(literal: str, original: str) -> tuple[bool, float]:
    return (_punctuation(literal) == _punctuation(original), _similarity(literal, original))


def _edit(literal: str, original: str) -> frozenset[tuple[str, frozenset[str], frozenset[str]]]:
    """What was changed, as letters replaced or added: ``GG``->``VV`` as ``GGG``->``VVV``."""
    matcher = SequenceMatcher(None, original, literal)
    return frozenset(
        (tag, frozenset(original[i1:i2]), frozenset(literal[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )


def _punctuation(code: str) -> list[str]:
    """The operators and punctuation of code, a hyphen inside a placeholder's name left out.

    ``-m nom-de-module`` for ``-m module-name``: the name is a slot the reader fills in.
    A last item "…" (``f(a, b, ...)``) says "and so on": it adds no code.
    """
    return _NOT_WORD.findall(_NAME_HYPHEN.sub("", _ETC_ITEM.sub("", code)))


def _original_of(literal: str, missing: list[str]) -> str:
    """The msgid's literal that ``literal`` is, changed: the likest with the same punctuation.

    ``case UneClasse(gauche=x, milieu=y)`` is ``case MyClass(left=x, center=y)`` renamed,
    not ``case MyClass(x, y)`` with arguments added.
    """
    skeleton = _punctuation(literal)
    return max(
        missing,
        key=lambda candidate: (
            _punctuation(candidate) == skeleton
            and _similarity(literal, candidate) >= _RENAMED_SIMILARITY,
            _similarity(literal, candidate),
        ),
    )


def _joins_literals(literal: str, source: Counter[str]) -> bool:
    """Whether ``literal`` is literals of the msgid joined by operators (``a != b``)."""
    rest = literal
    for original in sorted(source, key=len, reverse=True):
        rest = re.sub(rf"(?<!\S){re.escape(original)}(?!\S)", " ", rest)
    return rest != literal and all(_OPERATOR.fullmatch(token) for token in rest.split())


def _renamed_on_purpose(literal: str, original: str, catalog: CatalogFile, msgstr: str) -> bool:
    """Whether the names a literal changed are a translation's, not a typo's.

    python-docs-fr writes ``(clé, valeur)`` for ``(key, value)`` and ``souspkg2`` for
    ``subpkg2`` on purpose: each new name is a word of the language (when a dictionary for
    it is installed), English words translated (:func:`_english_translated`), or the msgstr
    uses it again elsewhere.  ``Adress`` for ``Address`` or ``src_dir_ds`` for
    ``src_dir_fd`` is a typo, made once.
    """
    english = {part.lower() for part in _name_parts(original)}
    elsewhere = msgstr.replace(literal, " ", 1)
    words, befores = (_WORD.findall(_ESCAPE.sub(" ", text)) for text in (literal, original))
    short = proven = False
    for word, before in zip(words, befores, strict=False):
        if word == before or re.search(rf"(?<!\w){re.escape(word)}(?!\w)", elsewhere):
            continue
        new = [part for part in _name_parts(word) if part.lower() not in english]
        if not new and word in befores:
            continue  # the msgid's own words, in another order ("code de la langue")
        if any(
            is_word_of(catalog.language, part) for part in new if len(part) >= _WORD_LENGTH
        ) or _english_translated(word, before, catalog.language):
            proven = True
        elif all(len(part) < _WORD_LENGTH for part in new) and any(
            is_word_of(catalog.language, part) for part in new
        ):
            short = True  # "de" in nom-de-module: a word only beside a longer one
        else:
            return False
    return proven or not short


def _english_translated(word: str, before: str, language: str | None) -> bool:
    """Whether a name's changed words are English words written in the catalog's language.

    ``ma_fraction`` for ``some_fraction``, ``unLogger`` for ``someLogger``,
    ``souselement`` for ``subitem`` (glued, and without accents as names are): English
    words made the language's.  An API's name is no English word ("fd" in ``src_dir_fd``),
    and a typo is a letter away from the English (``sufix``, ``Pickle`` for ``Pickler``).
    """
    kept = {part.lower() for part in _name_parts(word)} & {
        part.lower() for part in _name_parts(before)
    }
    lost = [part for part in _name_parts(before) if part.lower() not in kept]
    new = [part for part in _name_parts(word) if part.lower() not in kept]
    if not lost or not new or _one_edit_apart(word, before):
        return False
    return all(_glued_words(_ENGLISH, part) for part in lost) and all(
        _glued_words(language, part) for part in new
    )


def _glued_words(language: str | None, part: str) -> bool:
    """Whether ``part`` is a word of the language (two letters or more), or words glued."""
    shortest = _GLUED_WORD.get(language or "", _WORD_LENGTH)
    if len(part) < 2:
        return False
    pieces = {part} | {
        part[start:end]
        for start in range(len(part))
        for end in range(start + shortest, len(part) + 1)
    }
    known = words_known(language, tuple(sorted(pieces)))
    if known is None:
        return False
    if part in known:
        return True
    # Whether the glued pieces, each known, make the whole (souselement: sous + element).
    reach = [True] + [False] * len(part)
    for end in range(shortest, len(part) + 1):
        reach[end] = any(
            reach[start] and part[start:end] in known for start in range(end - shortest + 1)
        )
    return reach[-1]


def _one_edit_apart(word: str, before: str) -> bool:
    """Whether two names of four letters or more differ by one letter added, lost or changed."""
    if min(len(word), len(before)) < 4 or abs(len(word) - len(before)) > 1:
        return False
    matcher = SequenceMatcher(None, word.lower(), before.lower())
    return (
        max(len(word), len(before)) - sum(block.size for block in matcher.get_matching_blocks())
        <= 1
    )


def _placeholders_written(literal: str, original: str) -> bool:
    """Whether ``literal`` is ``original`` with its placeholders written otherwise.

    ``raise ... from ...`` for ``raise x from y`` (a name as an ellipsis), ``# type:
    un_type`` for ``# type: <type>`` (a slot filled in, or renamed: ``'<la version>'``).
    """
    pattern = []
    for token in _CODE_TOKEN.findall(original):
        if token.startswith("<") and len(token) > 1:
            pattern.append(rf"(?:<\w[\w\s-]*>|\w+|{_ELLIPSIS})")
        elif token[0].isalnum() or token[0] == "_":
            name = re.escape(token)
            pattern.append(name if keyword.iskeyword(token) else f"(?:{name}|{_ELLIPSIS})")
        elif token in {"...", "…"}:
            pattern.append(_ELLIPSIS)
        elif token in {"'", '"'}:
            pattern.append("['\"]")
        elif token.isspace():
            pattern.append(r"\s*")
        else:
            pattern.append(re.escape(token))
    return re.fullmatch("".join(pattern), literal) is not None


def _literal_change(literal: str, original: str) -> str | None:
    """How bad a change to a literal is: None (spacing only), a warning or an error.

    Its punctuation and operators (``**``, quotes, brackets) and the case of
    its names are what make code run: a change there is an error.  Other
    words replaced is what a team that translates examples' names does
    (python-docs-fr writes ``'chat'`` for ``'cat'``): a warning.
    """
    if _same_code(literal, original) or _placeholders_written(literal, original):
        return None
    if _punctuation(literal) != _punctuation(original):
        return ERROR
    changed = [
        (word, before)
        for word, before in zip(_WORD.findall(literal), _WORD.findall(original), strict=False)
        if word != before
    ]
    # A name translated changes letters; a number or a name's case changed is a typo.
    if _DIGIT.findall(literal) != _DIGIT.findall(original) or any(
        word.lower() == before.lower() for word, before in changed
    ):
        return ERROR
    return WARNING


def _name_parts(text: str) -> list[str]:
    """The words of a name: ``nom_du_fichier`` -> nom, du, fichier; ``UneClasse`` -> Une, Classe."""
    return _NAME_PART.findall(text)


@message_check("whitespace", "leading and trailing spaces and line breaks as in the msgid")
def check_whitespace(catalog: CatalogFile, entry: PoEntry) -> Iterator[Finding]:
    if entry.msgid_plural is not None or not entry.strings[0]:
        return
    source, translation = entry.id, entry.strings[0]
    for where, take in (("start", _leading), ("end", _trailing)):
        if take(source) != take(translation):
            newline = take(source).count("\n") != take(translation).count("\n")
            if not newline and not _space_lost(catalog, take(source), take(translation)):
                continue
            yield catalog.finding(
                entry,
                "whitespace",
                f"the msgid {_describe(take(source))} at its {where}, the msgstr "
                f"{_describe(take(translation))}: make them the same",
                # msgfmt --check rejects a catalog whose line breaks differ here.
                ERROR if newline else WARNING,
            )


def _space_lost(catalog: CatalogFile, english: str, translated: str) -> bool:
    """Whether spaces that differ at one end change the page: a theme word lost its space.

    docutils strips a paragraph's spaces (a leading one that makes a block quote is the
    safety rules' unsafe-markup); HTML shows spaces added to a theme word as one space, but
    a space the msgstr lost glues two words.
    """
    return catalog.path.stem == THEME_DOMAIN and bool(english) and not translated


def clear_caches() -> None:
    """Forget sphinx-lint's per-file memos, as its own command does after each file."""
    for memoized in PER_FILE_CACHES:
        memoized.cache_clear()
    _LAST_PAIRS.clear()  # the catalog's entries


def _same_code(literal: str, original: str) -> bool:
    """Equal but for spacing and the choice of ' or " for strings."""

    def normal(text: str) -> str:
        # "…" for "...": a placeholder either way, French typography's (no code runs it).
        return "".join(text.split()).replace('"', "'").replace("…", "...")

    return normal(literal) == normal(original)


def _similarity(one: str, other: str) -> float:
    return SequenceMatcher(None, one, other).ratio()


def _lint(text: str) -> list[tuple[str, str]]:
    errors = check_text("message.rst", text + "\n", _LINT_CHECKERS)
    return [(error.checker_name, error.msg) for error in errors]


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing(text: str) -> str:
    return text[len(text.rstrip()) :]


def _describe(space: str) -> str:
    return f"has {space!r}" if space else "has none"
