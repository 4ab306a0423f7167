"""What a publication's declaration says about checks: ``[tool.editions.checks]``.

.. code-block:: toml

    [tool.editions]
    allowed-urls = ["https://fr.wikipedia.org/"]   # a msgstr may link there

    [tool.editions.checks]
    disable = ["identical-msgstr"]                  # checks not to run
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editions import safety
from editions.checks.registry import REGISTRY
from editions.errors import EditionsError


@dataclass(frozen=True)
class CheckSettings:
    """Which checks run, and what they allow."""

    disabled: frozenset[str] = frozenset()
    allowed_urls: tuple[str, ...] = ()
    spelling: bool = False

    def runs(self, name: str) -> bool:
        check = REGISTRY[name]
        return name not in self.disabled and (not check.optional or self.spelling)

    def url_allowed(self, url: str) -> bool:
        return safety.url_allowed(url, self.allowed_urls)


def settings_from(
    options: dict[str, Any],
    declaration: Path | None,
    disable: Iterable[str] = (),
    spelling: bool = False,
) -> CheckSettings:
    """Settings from the ``[tool.editions]`` table and the command line's ``--disable``."""
    where = str(declaration)
    table = options.get("checks", {})
    if not isinstance(table, dict):
        raise EditionsError(f"{where}: `checks` must be a table: [tool.editions.checks]")
    declared = _strings(table.get("disable", []), "checks.disable", where)
    allowed = _strings(options.get("allowed-urls", []), "allowed-urls", where)
    _refuse_unknown(declared, f"{where}: [tool.editions.checks] disable")
    _refuse_unknown(disable, "--disable")
    return CheckSettings(frozenset((*declared, *disable)), tuple(allowed), spelling)


def _refuse_unknown(names: Iterable[str], where: str) -> None:
    unknown = sorted(set(names) - set(REGISTRY))
    if unknown:
        raise EditionsError(
            f"{where}: unknown check(s) {', '.join(unknown)}; "
            f"the checks are: {', '.join(sorted(REGISTRY))}"
        )


def _strings(value: object, name: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise EditionsError(f'{where}: `{name}` must be a list of strings, like ["..."]')
    return list(value)
