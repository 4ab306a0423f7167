"""The registry of named checks: each can be listed, and switched off by its name.

A *catalog check* looks at a whole catalog (its syntax, its header); a
*message check* is a small function of (catalog, entry), the entry as
:mod:`editions.pofile` read it.  Both yield
:class:`~editions.findings.Finding` objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editions.findings import Finding
from editions.pofile import PoEntry

if TYPE_CHECKING:
    from editions.checks.pofile import CatalogFile

CatalogFunction = Callable[["CatalogFile"], Iterable[Finding]]
MessageFunction = Callable[["CatalogFile", PoEntry], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """One named check and what it is for (shown by ``editions check --list``)."""

    name: str
    summary: str
    on_catalog: CatalogFunction | None = None
    on_message: MessageFunction | None = None
    optional: bool = False  # run only when asked for, as spelling is


REGISTRY: dict[str, Check] = {}


def catalog_check(
    name: str, summary: str, *, optional: bool = False
) -> Callable[[CatalogFunction], CatalogFunction]:
    """Register a function of (catalog) as the check ``name``."""

    def register(function: CatalogFunction) -> CatalogFunction:
        _add(Check(name, summary, on_catalog=function, optional=optional))
        return function

    return register


def message_check(
    name: str, summary: str, *, optional: bool = False
) -> Callable[[MessageFunction], MessageFunction]:
    """Register a function of (catalog, entry) as the check ``name``."""

    def register(function: MessageFunction) -> MessageFunction:
        _add(Check(name, summary, on_message=function, optional=optional))
        return function

    return register


def _add(check: Check) -> None:
    if check.name in REGISTRY:
        raise ValueError(f"two checks are named {check.name!r}")
    REGISTRY[check.name] = check
