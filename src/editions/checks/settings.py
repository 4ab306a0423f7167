"""What a publication's declaration says about checks: ``[tool.editions.checks]``.

.. code-block:: toml

    [tool.editions]
    allowed-urls = ["https://fr.wikipedia.org/"]   # a msgstr may link there

    [tool.editions.checks]
    disable = ["identical-msgstr"]                  # checks not to run
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editions import safety
from editions.checks.registry import REGISTRY
from editions.declaration import DECLARATION_FILE, Project, Settings
from editions.errors import EditionsError
from editions.safety import EnglishReadings


@dataclass(frozen=True)
class CheckSettings:
    """Which checks run, and what they allow."""

    disabled: frozenset[str] = frozenset()
    allowed_urls: tuple[str, ...] = ()
    spelling: bool = False
    root: Path | None = None  # the project's folder: a catalog may not link out of it
    # The English texts' readings shared by the build's languages: saves time, decides nothing.
    english: EnglishReadings | None = field(default=None, compare=False)

    def runs(self, name: str) -> bool:
        check = REGISTRY[name]
        return name not in self.disabled and (not check.optional or self.spelling)

    def url_allowed(self, url: str) -> bool:
        return safety.url_allowed(url, self.allowed_urls)


def settings_from(
    project: Project | None, disable: Iterable[str] = (), spelling: bool = False
) -> CheckSettings:
    """Settings from the publication's declaration (if any) and the command line's ``--disable``."""
    settings = project.settings if project else Settings()
    if project:
        where = project.root / DECLARATION_FILE
        _refuse_unknown(settings.disabled_checks, f"{where}: [tool.editions.checks] disable")
    _refuse_unknown(disable, "--disable")
    return CheckSettings(
        frozenset((*settings.disabled_checks, *disable)),
        settings.allowed_urls,
        spelling,
        root=project.root if project else None,
    )


def _refuse_unknown(names: Iterable[str], where: str) -> None:
    unknown = sorted(set(names) - set(REGISTRY))
    if unknown:
        raise EditionsError(
            f"{where}: unknown check(s) {', '.join(unknown)}; "
            f"the checks are: {', '.join(sorted(REGISTRY))}"
        )
