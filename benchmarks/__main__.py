"""``python -m benchmarks``: build a generated publication every way, side by side.

For each size: the documented loop (``sphinx-build -D language=$lang`` per language, stock
Sphinx), ``editions build``, the English build alone, one translated edition with the stock and
the fast i18n transform, the no-op rebuild, the rebuild after one msgstr and after one source
paragraph changed, ``editions update`` after one article changed; then ``status`` and ``check``
through benchmarks/catalog_status.py and catalog_check.py when they exist.  Prints a table with
ratios and writes build/bench/results.json.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import re
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus import Corpus, generate
from benchmarks.harness import Measure, Scenario, interleave, repeat, run

REPOSITORY = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
EDITIONS = [PYTHON, "-m", "editions.cli"]


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    sizes = [int(size) for size in options.sizes.split(",")]
    if options.quick:
        sizes, options.runs, options.languages = [10], 1, 2
    work = Path(options.work).resolve()
    results: dict[str, object] = {"machine": machine(), "sizes": {}}
    for size in sizes:
        measures = bench_size(work / f"n{size}", size, options.languages, options.runs)
        results["sizes"][str(size)] = [m.as_dict() for m in measures]  # type: ignore[index]
        print(table(size, options.languages, measures), flush=True)
    extra = {} if options.skip_catalogs else sibling_benchmarks()
    if extra:
        results["catalogs"] = extra
        print(json.dumps(extra, indent=2))
    output = Path(options.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"results: {output}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="50,200", help="articles per corpus (800 is opt-in)")
    parser.add_argument("--languages", type=int, default=5, help="translated editions (max 8)")
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario; the median is kept")
    parser.add_argument("--quick", action="store_true", help="10 articles, 2 languages, 1 run")
    parser.add_argument(
        "--skip-catalogs", action="store_true", help="leave out the status and check benchmarks"
    )
    parser.add_argument("--work", default=str(REPOSITORY / "build" / "bench" / "work"))
    parser.add_argument("--output", default=str(REPOSITORY / "build" / "bench" / "results.json"))
    return parser


def bench_size(root: Path, articles: int, languages: int, runs: int) -> list[Measure]:
    corpus = generate(root, articles, languages)
    editions = ("en", *corpus.languages)
    out = root / "out"

    def fresh(*folders: Path) -> None:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)

    def sphinx(lang: str, fast: bool) -> list[str | Path]:
        return [
            PYTHON, "-m", "sphinx", "-q", "-b", "html", "-D", f"language={lang}",
            "-D", "gettext_compact=0", "-D", f"editions_fast_i18n={int(fast)}",
            "-D", f"editions_fast_search={int(fast)}",
            "-d", out / "doctrees" / lang, corpus.source_dir, out / "html" / lang,
        ]  # fmt: skip

    loop_script = "; ".join(f"{_shell(sphinx(lang, fast=False))}" for lang in editions)
    # The full builds, whose ratios are the targets, are measured in turns (see interleave).
    measures = interleave(
        [
            # From a fresh clone, as `editions build` below: Sphinx compiles every .mo first.
            Scenario(
                "documented loop (stock)",
                lambda: ["sh", "-c", loop_script],
                before=lambda _: (fresh(out), remove_compiled_catalogs(corpus)),
            ),
            # From nothing, as after a fresh clone or a new version of Editions: every catalog
            # is validated, checked and compiled.
            Scenario(
                "editions build",
                lambda: [*EDITIONS, "build"],
                before=lambda _: fresh(
                    root / "build" / "editions",
                    root / "build" / "html",
                    root / "build" / "catalogs",
                ),
            ),
            # Every page again but the catalogs compiled by the last build (a change to conf.py
            # or the theme): compile_language only confirms that no catalog changed.
            Scenario(
                "editions build, catalogs compiled",
                lambda: [*EDITIONS, "build"],
                before=lambda _: fresh(root / "build" / "editions", root / "build" / "html"),
            ),
            Scenario("English build", lambda: sphinx("en", fast=False), lambda _: fresh(out)),
            Scenario(
                f"{corpus.languages[0]} edition, stock i18n",
                lambda: sphinx(corpus.languages[0], fast=False),
                lambda _: fresh(out),
            ),
            Scenario(
                f"{corpus.languages[0]} edition, fast i18n",
                lambda: sphinx(corpus.languages[0], fast=True),
                lambda _: fresh(out),
            ),
        ],
        runs,
        root,
    )
    measures += [
        # The stock builds above compiled .mo files into locale/: one untimed build takes them
        # in, as the publisher's first `make` would, so that the no-op starts from a settled state.
        repeat(
            "no-op editions build", runs, lambda: [*EDITIONS, "build"], root,
            before=lambda i: None if i else run([*EDITIONS, "build"], root),
        ),
        repeat(
            "one msgstr changed", runs, lambda: [*EDITIONS, "build"], root,
            before=lambda i: change_msgstr(corpus, i),
        ),
        repeat(
            "one source paragraph changed", runs, lambda: [*EDITIONS, "build"], root,
            before=lambda i: change_paragraph(corpus, i),
        ),
    ]  # fmt: skip
    measures.append(repeat("editions update, every article", 1, [*EDITIONS, "update"].copy, root))
    measures.append(
        repeat(
            "update after one article changed", runs, lambda: [*EDITIONS, "update"], root,
            before=lambda i: change_paragraph(corpus, i),
        )
    )  # fmt: skip
    return measures


def remove_compiled_catalogs(corpus: Corpus) -> None:
    """The .mo files Sphinx wrote beside the .po files (a clone has none)."""
    for path in corpus.locale_dir.rglob("*.mo"):
        path.unlink()


def change_msgstr(corpus: Corpus, run: int) -> None:
    """Change one translated msgstr of the first language (a new word each run)."""
    path = corpus.locale_dir / corpus.languages[0] / "LC_MESSAGES" / "articles" / "article0000.po"
    text = path.read_text(encoding="utf-8")
    header_end = text.index("\n\n")
    found = re.compile(r'msgstr "(?!")').search(text, header_end)  # a one-line translation
    assert found is not None, path
    at = found.end()
    path.write_text(f"{text[:at]}R{run} {text[at:]}", encoding="utf-8")


def change_paragraph(corpus: Corpus, run: int) -> None:
    """Change one paragraph of one article (the second one)."""
    path = corpus.article_path(min(1, corpus.articles - 1))
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.endswith(".") and " " in line)
    lines[at] += f" Changed {run} {time.time_ns()}."
    path.write_text("\n".join(lines), encoding="utf-8")


def table(articles: int, languages: int, measures: list[Measure]) -> str:
    by_name = {m.name: m for m in measures}
    loop, full = by_name["documented loop (stock)"], by_name["editions build"]
    english = by_name["English build"]
    lines = [
        f"\n{articles} articles, {languages} translated editions + English, "
        f"median of {len(loop.seconds)} run(s)",
        f"{'scenario':40} {'median s':>9} {'peak MiB':>9}  ratio",
    ]
    for m in measures:
        if m.name.startswith(("documented", "editions build")):
            ratio = f"{m.median / loop.median:.2f}x loop"
        elif m.name.startswith(("no-op", "one ")):
            ratio = f"{m.median / full.median:.2f}x full build"
        elif m.name.startswith("update after"):
            ratio = f"{m.median / by_name['editions update, every article'].median:.2f}x update"
        elif "edition," in m.name or m.name == "English build":
            ratio = f"{m.median / english.median:.2f}x English"
        else:
            ratio = ""
        lines.append(f"{m.name:40} {m.median:9.2f} {m.peak_mib:9.0f}  {ratio}")
    pages = articles + 1  # and the front page
    lines.append(
        f"cost per page: English build {english.median / pages * 1000:.0f} ms, "
        f"editions build {full.median / (pages * (languages + 1)) * 1000:.0f} ms "
        f"per page and edition"
    )
    return "\n".join(lines)


def sibling_benchmarks() -> dict[str, object]:
    """The status and check benchmarks, when the catalog engineers' modules are present."""
    found = {}
    for name in ("catalog_status", "catalog_check"):
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError:
            continue
        try:
            found[name] = module.measure()
        except Exception as error:  # another engineer's benchmark must not lose ours
            found[name] = {"error": f"{type(error).__name__}: {error}"}
    return found


def machine() -> dict[str, object]:
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }


def _shell(command: list[str | Path]) -> str:
    import shlex

    return " ".join(shlex.quote(str(part)) for part in command)


if __name__ == "__main__":
    sys.exit(main())
