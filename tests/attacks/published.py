"""What the attack tests need: write catalogs, run the build, read what it published."""

from __future__ import annotations

import functools
import os
import re
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

EDITIONS = [sys.executable, "-m", "editions.cli"]
# Set in the build's environment: no value of the environment may reach the output.
ENV_MARKER_NAME = "EDITIONS_ATTACK_ENV_MARKER"
ENV_MARKER = "ZZENVMARKER7f3a9cZZ"
HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: Attacked Gazette\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def po_quote(text: str) -> str:
    """A PO string literal; other control characters go in as they are."""
    for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        text = text.replace(raw, escaped)
    return f'"{text}"'


def write_catalog(path: Path, lang: str, entries: list[tuple[str, str]]) -> dict[str, range]:
    """Write ``entries`` (msgid, msgstr) as a .po file; return each msgid's lines (1-based)."""
    lines = HEADER.format(lang=lang).splitlines()
    where = {}
    for msgid, msgstr in entries:
        lines.append("")
        first = len(lines) + 1
        lines += [f"msgid {po_quote(msgid)}", f"msgstr {po_quote(msgstr)}"]
        where[msgid] = range(first, len(lines) + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return where


@dataclass
class Run:
    code: int
    out: str
    err: str

    def edition_failed(self, tag: str) -> bool:
        """The edition was not built (its published version, if any, is kept)."""
        return bool(re.search(rf"^FAILED\s+{re.escape(tag)}\s", self.err, re.MULTILINE))

    def findings(self) -> dict[Path, set[int]]:
        """Every ``file.po:line:`` the build reported, by file."""
        found: dict[Path, set[int]] = {}
        for match in re.finditer(r"^(\S+\.po):(\d+):", self.err + self.out, re.MULTILINE):
            found.setdefault(Path(match.group(1)).resolve(), set()).add(int(match.group(2)))
        return found


def run_build(root: Path, *options: str, timeout: float = 900, memory: int = 0) -> Run:
    """``editions build --strict`` in its own process group, killed whole if it overruns.

    ``memory`` (bytes) bounds each process's address space: a build that reads /dev/zero
    to its end then fails with MemoryError instead of taking the test machine's memory.
    """
    env = {**os.environ, ENV_MARKER_NAME: ENV_MARKER}
    process = subprocess.Popen(
        [*EDITIONS, "--project", str(root), "build", "--strict", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        env=env,
        start_new_session=True,
        preexec_fn=functools.partial(_limit_memory, memory) if memory else None,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"the build did not finish within {timeout} s") from None
    return Run(process.returncode, out, err)


def _limit_memory(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")


def unsafe_url(value: str) -> bool:
    """As a browser reads a URL: C0 controls and spaces trimmed, tabs and newlines dropped."""
    trimmed = value.strip("".join(chr(c) for c in range(0x21)))
    for blank in "\t\n\r":
        trimmed = trimmed.replace(blank, "")
    return trimmed.lower().startswith(UNSAFE_SCHEMES)


@dataclass
class Page:
    """What a published page holds that script could hide in."""

    scripts: list[tuple[str, str]] = field(default_factory=list)  # (src, inline text)
    handlers: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, on*, value)
    unsafe_urls: list[tuple[str, str, str]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    article_tags: list[str] = field(default_factory=list)
    text: str = ""
    attributes: list[tuple[str, str, str]] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._script: list[str] | None = None
        self._article_depth = 0
        self._aside_depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            self.page.attributes.append((tag, name, value))
            if name.startswith("on"):
                self.page.handlers.append((tag, name, value))
            if name in URL_ATTRIBUTES and unsafe_url(value):
                self.page.unsafe_urls.append((tag, name, value))
            if name == "id":
                self.page.ids.add(value)
        if tag == "script":
            self.page.scripts.append((dict(attrs).get("src") or "", ""))
            self._script = []
        classes = set((dict(attrs).get("class") or "").split())
        if self._aside_depth:  # Editions' notice and marks (what is translated) vary by edition
            self._aside_depth += tag not in VOID
        elif classes & EDITIONS_NOTES and self._article_depth:
            self._aside_depth = 1
        elif self._article_depth:
            self.page.article_tags.append(tag)
        if self._article_depth and tag not in VOID:
            self._article_depth += 1
        elif tag == "article":
            self._article_depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            src, _ = self.page.scripts[-1]
            self.page.scripts[-1] = (src, "".join(self._script))
            self._script = None
        if self._aside_depth and tag not in VOID:
            self._aside_depth -= 1
        if self._article_depth and tag not in VOID:
            self._article_depth -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join("".join(self._text).split())


# The line above a page partly translated, the mark on each paragraph shown in English.
EDITIONS_NOTES = {"editions-notice", "editions-mark"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def read_page(path: Path) -> Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


SECRET_PATTERN = re.compile(rb"ZZSECRET-[A-Za-z0-9-]+?-ZZ")


def secret_marker(payload_id: str) -> str:
    return f"ZZSECRET-{payload_id}-ZZ"


def secrets_published(html: Path) -> set[str]:
    """Every secret marker found in any published file (``_downloads/`` and scripts too)."""
    found = set()
    for path in html.rglob("*"):
        if path.is_file():
            found |= {m.decode() for m in SECRET_PATTERN.findall(path.read_bytes())}
    return found


def files_containing(folder: Path, needle: str) -> list[Path]:
    data = needle.encode()
    return [p for p in folder.rglob("*") if p.is_file() and data in p.read_bytes()]
