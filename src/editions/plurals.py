"""Plural-Forms: which rules a catalog may carry for its language, and which a new one gets.

Two authorities disagree, and both are right for their tools: GNU gettext's rule (what
``msginit`` writes, what Poedit, Weblate and every real catalog carry) and CLDR's, which
Babel ships and changes with its releases (Babel 2.19's CLDR 47 gives French and Spanish a
third "many" form for millions; GNU keeps ``nplurals=2``).  A header is therefore accepted
when it sorts the counts 0..1000 into the same groups as *either* rule, whatever the text of
its expression; and a new catalog gets GNU's rule where GNU has one, because it does not
move when a library is upgraded, and CLDR's (through Babel) for the other languages.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

# GNU gettext 0.21's table (gettext-tools/src/plural-table.c), exactly as ``msginit -l``
# writes it; tests/test_plurals.py compares each entry with the real msginit.  No Python
# library ships it (Babel's table is CLDR's).
GNU_PLURAL_FORMS = {
    "ja": "nplurals=1; plural=0;",
    "ko": "nplurals=1; plural=0;",
    "vi": "nplurals=1; plural=0;",
    **dict.fromkeys(
        (
            "bg",
            "da",
            "de",
            "el",
            "en",
            "eo",
            "es",
            "et",
            "fi",
            "fo",
            "he",
            "hu",
            "it",
            "nb",
            "nl",
            "nn",
            "no",
            "pt",
            "sv",
            "tr",
        ),
        "nplurals=2; plural=(n != 1);",
    ),  # fmt: skip
    "fr": "nplurals=2; plural=(n > 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) "
    "? 1 : 2);",
    **dict.fromkeys(
        ("be", "hr", "ru", "sr", "uk"),
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);",
    ),
    **dict.fromkeys(("cs", "sk"), "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"),
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
}

_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")
# Rules are compared by what they do over these counts: every rule of CLDR and GNU gettext
# repeats well within them (the longest period is 100).
COUNTS = range(1001)


@dataclass(frozen=True)
class PluralRule:
    """A parsed ``Plural-Forms`` value: how many forms, and which form a count takes."""

    text: str
    count: int
    form_of: Callable[[int], int]


def parse(value: str) -> PluralRule | None:
    """The rule of a Plural-Forms value, or None if gettext would reject it."""
    match = _PLURAL_FORMS.match(value)
    if match is None:
        return None
    try:
        # The standard library compiles GNU's C expression safely (no eval of names).
        form_of = gettext.c2py(match.group(2))
    except (ValueError, SyntaxError, RecursionError):
        return None
    return PluralRule(value.strip(), int(match.group(1)), form_of)


def gnu_rule(language: str) -> str | None:
    """GNU gettext's Plural-Forms for a gettext language name (``pt_BR``, ``fr``), if it has one."""
    name = language.replace("-", "_")
    return GNU_PLURAL_FORMS.get(name) or GNU_PLURAL_FORMS.get(name.split("_")[0])


def cldr_rule(language: str) -> str | None:
    """CLDR's Plural-Forms for a language, from the Babel in use."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return str(get_plural(locale).plural_forms).removeprefix("Plural-Forms: ").strip()


def rule_for_new_catalog(language: str) -> str | None:
    """The Plural-Forms a new catalog of ``language`` gets: GNU's, else CLDR's (see above)."""
    return gnu_rule(language) or cldr_rule(language)


def accepted_rules(language: str) -> list[str]:
    """The rules a catalog of ``language`` may carry (GNU's first); empty if none is known."""
    rules = [gnu_rule(language), cldr_rule(language)]
    return list(dict.fromkeys(rule for rule in rules if rule))


def fits(declared: PluralRule, language: str) -> bool:
    """Whether ``declared`` groups counts as GNU's or CLDR's rule for the language does.

    True when neither authority knows the language: there is nothing to compare with.
    """
    references = [parse(rule) for rule in accepted_rules(language)]
    known = [rule for rule in references if rule is not None]
    return not known or any(same_groups(declared, reference) for reference in known)


def same_groups(one: PluralRule, other: PluralRule) -> bool:
    """Whether two rules sort the counts into the same groups, whatever each group's index.

    GNU gettext and CLDR number Arabic's forms 4 and 5 the other way round; both group
    the counts alike, and each is right for its tools.
    """
    if one.count != other.count:
        return False
    mapping: dict[int, int] = {}
    for n in COUNTS:
        ours, theirs = one.form_of(n), other.form_of(n)
        if not 0 <= ours < one.count or mapping.setdefault(theirs, ours) != ours:
            return False
    return len(set(mapping.values())) == len(mapping)
