"""The gate's verdicts kept between runs, under the derived state's one rule.

A catalog's verdict depends on its bytes and on nothing else but what :func:`rules`
names: Editions' code and the tools' versions, the checks' settings, and Hunspell with
its dictionaries (the ``literals`` check asks Hunspell whether a renamed word is a word).
``editions check`` keeps each catalog's findings as a record of :mod:`editions.derived`
under the digest of all that, so a catalog unchanged since it was last checked is not
judged again: a translator who edits one file of 481 waits for one.  The build's
compiled catalogs are recorded under the same rules (:mod:`editions.compile`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from editions import derived
from editions.checks.settings import CheckSettings
from editions.checks.spelling import DICTIONARY_FOLDERS, wordlist_of
from editions.findings import Finding

RECORDS_FILE = "checked.json"  # in a folder of derived state


def rules(settings: CheckSettings, records: derived.Records | None = None) -> list[object]:
    """What, besides a catalog's own bytes, shapes the gate's verdict on it."""
    # Hunspell runs under stdbuf (spelling._HunspellPipe): without either, no word is known.
    programs = {name: shutil.which(name) for name in ("hunspell", "stdbuf")}
    tools = [*DICTIONARY_FOLDERS, *(Path(path) for path in programs.values() if path)]
    return [
        derived.code_version(),
        sorted(settings.disabled),
        list(settings.allowed_urls),
        settings.spelling,
        str(settings.root) if settings.root else None,
        programs,
        derived.file_digests(tools, records),
    ]


class Verdicts:
    """The recorded findings of catalogs, by absolute path, valid for their present inputs."""

    def __init__(self, state_dir: Path, settings: CheckSettings) -> None:
        self.records = derived.Records(state_dir / RECORDS_FILE)
        self.settings = settings
        try:
            self.rules: list[object] | None = rules(settings, self.records)
        except OSError:
            self.rules = None  # a dictionary cannot be read: nothing recorded is trusted

    def inputs(self, path: Path) -> str | None:
        """The digest a verdict on ``path``'s present bytes is kept under; None for no record.

        A catalog reached through a symbolic link has none: the reader judges where a link
        leads (out of the project, it refuses it), which its bytes do not tell.
        """
        key = _key(path)
        if self.rules is None or key != path.resolve():
            return None
        return derived.digest_or_none([key, *self._wordlist(path)], self.rules, self.records)

    def judged_inputs(self, path: Path, judged: str | None) -> str | None:
        """The digest a verdict is kept under, from ``judged``, the digest of the very bytes
        judged: a catalog changed while it was judged, then changed back, must not find the
        verdict on its passing content."""
        key = _key(path)
        if self.rules is None or judged is None or key != path.resolve():
            return None
        try:
            digests = {str(key): judged}
            digests |= derived.file_digests(self._wordlist(path), self.records)
        except OSError:
            return None
        return derived.combined(digests, self.rules)

    def _wordlist(self, path: Path) -> list[Path]:
        """The team's word list, an input of the verdict when spelling is checked."""
        wordlist = wordlist_of(path) if self.settings.spelling else None
        return [wordlist.absolute()] if wordlist is not None else []

    def findings(self, path: Path, inputs: str | None) -> list[Finding] | None:
        """The findings recorded for ``path`` under ``inputs``; None if there are none."""
        record = self.records.get(str(_key(path)), inputs)
        if not isinstance(record, list):
            return None
        try:
            return [_finding(path, item) for item in record]
        except (TypeError, ValueError):
            return None  # damaged: judged again

    def put(self, path: Path, inputs: str | None, findings: list[Finding]) -> None:
        if inputs is not None:
            record = [[f.line, f.check, f.message, f.severity] for f in findings]
            self.records.put(str(_key(path)), inputs, record)

    def save(self) -> None:
        """Write the records, without those of catalogs that are gone.

        Records that cannot be written only cost time.
        """
        self.records.keep_only(key for key in self.records.entries if Path(key).is_file())
        self.records.forget_other_files()
        self.records.save_if_possible()


def _key(path: Path) -> Path:
    """The catalog however it is named (``a.po``, ``./fr/../fr/a.po``): absolute, normalised."""
    return Path(os.path.normpath(path.absolute()))


def _finding(path: Path, item: Any) -> Finding:
    line, check, message, severity = item
    if not (type(line) is int and all(isinstance(s, str) for s in (check, message, severity))):
        raise TypeError("not a finding")
    # The path as the user named it this time, not as it was named when recorded.
    return Finding(path, line, check, message, severity)
