"""The attacks: msgstrs a translator could write to run script or read files on the build machine.

Each payload is the whole msgstr of one paragraph, on a page of its own. Placeholders:
``@ID@`` becomes the payload's id (so each script, element and secret is its own), ``@SECRET@``
the absolute path of a file outside the project and ``@SECRETREL@`` the same file relative
to the page's folder (Sphinx's ``include``, ``literalinclude`` and ``:download:`` read
``/x`` as relative to the source folder, so an attacker climbs out with ``../``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    id: str
    msgstr: str
    runs_script: bool = False  # would run on page load if published: checked in Chromium
    # Payloads with control characters are built apart, one edition per group: a catalog
    # refused whole (as gettext refuses some) stops its edition, and must not hide the others.
    group: str = ""


# What a raw HTML payload inserts: a script, an image whose error runs script, an element.
SCRIPT = (
    '<script>alert("@ID@")</script>'
    '<img id="inj-@ID@" src="x" onerror="alert(\'@ID@\')">'
    '<b id="inj-@ID@-b">injected</b>'
)

# Every character str.splitlines() (and so docutils) takes as the end of a line. ``\r`` and
# ``\n`` are written as the PO escapes; the others go into the .po file as they are.
SEPARATORS = {
    "cr": "\r",
    "vt": "\x0b",
    "ff": "\x0c",
    "fs": "\x1c",
    "gs": "\x1d",
    "rs": "\x1e",
    "nel": "\x85",
    "ls": "\u2028",
    "ps": "\u2029",
    "lf": "\n",
}

# Directives, each as its lines (the separator joins them).
DIRECTIVES: dict[str, list[str]] = {
    "include": [".. include:: @SECRETREL@", "   :literal:"],
    "raw": [".. raw:: html", "", "   " + SCRIPT],
    "raw-file": [".. raw:: html", "   :file: @SECRET@"],
    "role": [".. role:: strong(raw)", "   :format: html", "", ":strong:`" + SCRIPT + "`"],
    "default-role": [".. default-role:: download", "", "`@SECRETREL@`"],
    "image": [".. image:: javascript:alert('@ID@')", "   :target: javascript:alert('@ID@')"],
    "csv-table": [".. csv-table::", "   :file: @SECRET@"],
    "literalinclude": [".. literalinclude:: @SECRETREL@"],
}
SCRIPT_DIRECTIVES = {"raw", "role"}


def group_of(text: str) -> str:
    """The group of a payload with control characters (other than newline), else ""."""
    for sep_name, sep in SEPARATORS.items():
        if sep != "\n" and sep in text:
            return sep_name
    return "ctl" if any(ord(c) < 0x20 and c != "\n" for c in text) else ""


def separator_payloads() -> list[Payload]:
    """Class 1: a directive whose lines are joined by each line separator."""
    payloads = []
    for sep_name, sep in SEPARATORS.items():
        for name, lines in DIRECTIVES.items():
            text = sep.join(lines)
            script = name in SCRIPT_DIRECTIVES
            payloads.append(Payload(f"sep-{sep_name}-{name}", text, script, group_of(sep)))
        for name in ("raw", "role"):  # after a harmless first line
            text = sep.join(["Texto inocente.", "", *DIRECTIVES[name]])
            payloads.append(Payload(f"sep-{sep_name}-after-text-{name}", text, True, group_of(sep)))
    return payloads


def _indent(lines: list[str], by: int) -> list[str]:
    return [(" " * by + line) if line else "" for line in lines]


def _grid(lines: list[str]) -> list[str]:
    width = max(len(line) for line in lines) + 2
    border = "+" + "-" * width + "+"
    return [border, *(f"| {line.ljust(width - 2)} |" for line in lines), border]


def _simple(lines: list[str]) -> list[str]:
    width = max(len(line) for line in lines)
    rule = "===  " + "=" * width
    return [rule, "a    " + lines[0], *_indent(lines[1:], 5), rule]


CONTAINERS = {
    "bullet": lambda d: ["- " + d[0], *_indent(d[1:], 2)],
    "enumerated": lambda d: ["1. " + d[0], *_indent(d[1:], 3)],
    "field": lambda d: ["Texto.", "", ":Campo:", *_indent(d, 3)],
    "definition": lambda d: ["Término", *_indent(d, 3)],
    "block-quote": lambda d: ["Texto.", "", *_indent(d, 3)],
    "grid-table": _grid,
    "simple-table": _simple,
    "footnote": lambda d: ["Texto [#]_.", "", ".. [#]", *_indent(d, 3)],
}
NESTED_DIRECTIVES = ("include", "raw", "role")


def nesting_payloads() -> list[Payload]:
    """Class 2: the same directives inside every body element that holds body elements."""
    payloads = []
    for container, wrap in CONTAINERS.items():
        for name in NESTED_DIRECTIVES:
            text = "\n".join(wrap(DIRECTIVES[name]))
            payloads.append(Payload(f"nest-{container}-{name}", text, name in SCRIPT_DIRECTIVES))
    # A line block holds only inline text: roles and links, no directives.
    payloads += [
        Payload("nest-line-block-download", "| Texto\n| :download:`secreto <@SECRETREL@>`"),
        Payload(
            "nest-line-block-role",
            "\n".join([*DIRECTIVES["role"][:3], "| Texto", "| " + DIRECTIVES["role"][3]]),
            True,
        ),
        Payload("nest-line-block-link", "| Texto\n| `pulse <javascript:alert('@ID@')>`_"),
    ]
    return payloads


JS = "javascript:alert('@ID@')"
DATA_URL = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="

QUOTING: dict[str, str] = {
    # Backticks: what looks quoted to a pattern is live to docutils.
    "literal-then-download": "``a`b`` :download:`secreto <@SECRETREL@>` c",
    "escaped-backtick-download": "a\\`b :download:`@SECRETREL@` c",
    "escaped-literal-download": "\\`\\`x\\`\\` :download:`@SECRETREL@`",
    "literal-sub-then-raw-sub": "``x |x| y`` |x|\n\n.. |x| raw:: html\n\n   " + SCRIPT,
    "download": "Texto :download:`@SECRETREL@`.",
    "download-title": "Texto :download:`el informe <@SECRETREL@>`.",
    "download-absolute": "Texto :download:`el informe <@SECRET@>`.",
    # Not attacks, so not here: ``a`b :download:`x` c`` and ``x |x| y`` are literals, whose
    # characters are shown as they are; :file:`/etc/passwd` shows a path in code style.  Both
    # only display text, and the judge accepts them (tests/test_judge.py).
    "role-title-download": "Texto :download:`a `b` <@SECRETREL@>`.",
    "substitution-raw": "Texto |x|.\n\n.. |x| raw:: html\n\n   " + SCRIPT,
    "substitution-image": "Texto |x|.\n\n.. |x| image:: " + JS,
    "substitution-include": "Texto |x|.\n\n.. |x| include:: @SECRETREL@",
    # Links to script.
    "target-javascript": "Texto x_.\n\n.. _x: " + JS,
    "target-indirect": "Texto x_.\n\n.. _x: y_\n.. _y: " + JS,
    "target-data": "Texto x_.\n\n.. _x: " + DATA_URL,
    "embedded-javascript": f"Texto `pulse <{JS}>`_.",
    "embedded-anonymous": f"Texto `pulse <{JS}>`__.",
    "embedded-mixed-case": "Texto `pulse <JaVaScRiPt:alert('@ID@')>`_.",
    "embedded-split-line": "Texto `pulse <java\nscript:alert('@ID@')>`_.",
    "embedded-tab": "Texto `pulse <java\tscript:alert('@ID@')>`_.",
    "embedded-leading-space": "Texto `pulse < javascript:alert('@ID@')>`_.",
    "embedded-control-char": "Texto `pulse <\x01javascript:alert('@ID@')>`_.",
    "embedded-entity": "Texto `pulse <&#106;avascript:alert('@ID@')>`_.",
    "embedded-data": f"Texto `pulse <{DATA_URL}>`_.",
    "embedded-data-html": "Texto `pulse <data:text/html,%3Cscript%3Ealert(1)%3C/script%3E>`_.",
    "embedded-vbscript": "Texto `pulse <vbscript:msgbox('@ID@')>`_.",
    "bare-javascript": "Texto javascript:alert('@ID@') fin.",
    "bare-javascript-mixed-case": "Texto JaVaScRiPt:alert('@ID@') fin.",
    "bare-vbscript": "Texto vbscript:msgbox('@ID@') fin.",
    "bare-data": "Texto " + DATA_URL + " fin.",
}


def quoting_payloads() -> list[Payload]:
    """Class 3: backtick and quoting tricks, link targets and URL schemes."""
    return [
        Payload(f"quote-{name}", text, "<script>" in text, group_of(text))
        for name, text in QUOTING.items()
    ]


MARKUP_PAYLOADS = separator_payloads() + nesting_payloads() + quoting_payloads()

# Class 4: the theme's own words (sphinx.po). Each language tries one way out of the
# template; ``@ID@`` names the language and the word.
THEME_WORDS = [
    "Skip to content",
    "Back to top",
    "Next",
    "Previous",
    "Home",
    "On this page",
    "Contents",
    "Table of Contents",
    "Search",
    "Search Results",
    "Searching",
    "Preparing search...",
    "Please activate JavaScript to enable the search functionality.",
    "Hide Search Matches",
    "Index",
    "General Index",
    "Copyright",
    "Made with ",
    "Link to this heading",
    "Last updated on %(last_updated)s",
    "Error",
]
THEME_ATTACKS = {
    # an element where the word is text
    "fr": '<img src=x onerror="alert(\'@ID@\')" id="inj-@ID@">',
    # out of a double-quoted attribute (placeholder="…", title="…", aria-label="…")
    "it": '" autofocus onfocus="alert(\'@ID@\')" id="inj-@ID@" x="',
    # out of a single-quoted attribute (no double quote: that would break out of "…" too)
    "pt": "' autofocus onfocus='alert(`@ID@`)' id='inj-@ID@' x='",
    # the source language's own catalog: both at once
    "en": '"><img src=x onerror="alert(\'@ID@\')" id="inj-@ID@">',
}
