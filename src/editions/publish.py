"""Publishing an edition: the reader's folder changes only to a complete new one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def published_dir(build_dir: Path) -> Path:
    return build_dir / "html"


def publish(built: Path, target: Path) -> None:
    """Replace ``target`` with a copy of ``built``, swapping whole folders.

    The copy is made beside the target first, so that the published edition is
    either the old one or the new one; Sphinx rewrites files in place, so the
    published folder must never share files with Sphinx's output folder.
    """
    staging = target.with_name(f".{target.name}.new")
    retired = target.with_name(f".{target.name}.old")
    recover(target)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(built, staging, ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"))
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def recover(target: Path) -> None:
    """Finish or undo a swap that was interrupted between its two renames."""
    retired = target.with_name(f".{target.name}.old")
    if retired.exists():
        if target.exists():
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(retired, target)


def published_editions(build_dir: Path, tags: list[str]) -> list[str]:
    """The tags among ``tags`` that have a published front page."""
    root = published_dir(build_dir)
    for tag in tags:
        recover(root / tag)
    return [tag for tag in tags if (root / tag / "index.html").is_file()]
