"""``editions check``: named checks that catch translators' mistakes before they ship.

Importing the package registers every check (see :mod:`editions.checks.registry`).
"""

from editions.checks import (  # noqa: F401  (importing a module registers its checks)
    content,
    headers,
    rst,
    safety_rules,
    spelling,
)
from editions.checks.registry import REGISTRY, Check
from editions.checks.runner import CheckReport, check_paths
from editions.checks.settings import CheckSettings, settings_from

__all__ = [
    "REGISTRY",
    "Check",
    "CheckReport",
    "CheckSettings",
    "check_paths",
    "settings_from",
]
