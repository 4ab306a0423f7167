"""The files of an HTML build that come from its documents, and removing those no longer made.

Sphinx's output folder is kept from build to build (so that a build rewrites only
the pages that changed), and Sphinx never removes a file from it: the page of a
removed document, the image or download a page no longer uses (a translation
withheld, a figure or ``:download:`` removed) would stay, and be published.  The
environment knows what the documents use now; what an earlier build made from
them and the environment no longer knows is removed.  Files the environment does
not account for (what an extension writes itself, such as graphviz's images) are
left alone: they cannot be told apart from what is still used.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

# In Sphinx's doctree folder: the outputs the last build accounted for.
RECORD = "editions-outputs.txt"


def remove_outputs_no_longer_made(app: Sphinx) -> list[str]:
    """Remove from the output folder what the last build made and this one did not."""
    if not isinstance(app.builder, StandaloneHTMLBuilder):
        return []
    record = Path(app.doctreedir) / RECORD
    made = documents_outputs(app, app.builder)
    try:
        before = set(record.read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        before = set()
    gone = sorted(before - made)
    outdir = Path(app.outdir)
    for name in gone:
        path = outdir / name
        path.unlink(missing_ok=True)
        _remove_empty_folders(path.parent, outdir)
    record.write_text("".join(f"{name}\n" for name in sorted(made)), encoding="utf-8")
    return gone


def documents_outputs(app: Sphinx, builder: StandaloneHTMLBuilder) -> set[str]:
    """Every file the documents make: pages, copied sources, images, downloads (``/`` paths)."""
    env = app.env
    outdir = Path(app.outdir)
    made = set()
    for docname in env.found_docs:
        made.add(Path(builder.get_outfilename(docname)).relative_to(outdir).as_posix())
        if app.config.html_copy_source:
            suffix = str(env.doc2path(docname, False))[len(docname) :]
            if suffix != app.config.html_sourcelink_suffix:
                suffix += app.config.html_sourcelink_suffix
            made.add(f"_sources/{docname}{suffix}")
    made.update(f"_images/{name}" for _, name in env.images.values())
    made.update(f"_downloads/{Path(name).as_posix()}" for _, name in env.dlfiles.values())
    return made


def _remove_empty_folders(folder: Path, outdir: Path) -> None:
    while folder != outdir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
