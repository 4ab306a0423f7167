"""A finding: one problem in one catalog, as ``path:line: [check] message``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found by a named check, at a file and line."""

    path: Path
    line: int
    check: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        label = "" if self.severity == ERROR else f" ({self.severity})"
        return f"{self.path}:{self.line}: [{self.check}]{label} {self.message}"

    def to_json(self) -> dict[str, Any]:
        # (Not dataclasses.asdict: it deep-copies each field, a third of `check --json`'s time.)
        data = {field.name: getattr(self, field.name) for field in fields(self)}
        data["path"] = str(self.path)
        return data
