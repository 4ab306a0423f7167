"""The ``editions`` command: parses options, calls the library, prints.

Exit codes:
  0  success
  1  a build or check found errors (the other editions were still published)
  2  bad input: a declaration, a catalog or an option that must be fixed first
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editions import build as build_module
from editions import update as update_module
from editions.declaration import Project, add_language, find_root, load_project
from editions.errors import EditionsError

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    options = parser.parse_args(argv)
    try:
        return int(options.run(options))
    except EditionsError as error:
        print(f"editions: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("editions: interrupted; published editions are unchanged", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="editions",
        description="Build one website per language from a Sphinx publication.",
        epilog="Exit codes: 0 success; 1 an edition failed or checks found errors "
        "(other editions still published); 2 bad input (declaration, catalog or option); "
        "130 interrupted.",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=None,
        help="the publication's folder (default: found from here upwards)",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    update = commands.add_parser("update", help="extract strings and merge them into the catalogs")
    _add_lang_option(update)
    update.add_argument(
        "--extract-only", action="store_true", help="only write the templates in build/gettext/"
    )
    update.set_defaults(run=_run_update)

    build = commands.add_parser("build", help="build every edition and the landing page")
    _add_lang_option(build)
    build.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="editions built at once (default: the number of cores)",
    )
    build.add_argument(
        "-D",
        dest="defines",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Sphinx setting, as sphinx-build -D does",
    )
    build.set_defaults(run=_run_build)

    add = commands.add_parser("add-language", help="declare a language and create its catalogs")
    add.add_argument("code", help="a BCP 47 tag such as pt-BR")
    add.set_defaults(run=_run_add_language)
    return parser


def _add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        "-l",
        action="append",
        dest="languages",
        metavar="L",
        help="only this language (repeatable); default: every declared one",
    )


def _project(options: argparse.Namespace) -> Project:
    root = options.project if options.project else find_root(Path.cwd())
    return load_project(root)


def _run_update(options: argparse.Namespace) -> int:
    project = _project(options)
    if options.extract_only:
        templates = update_module.extract(project)
        print(f"{len(templates)} templates in {update_module.gettext_dir(project)}")
        return EXIT_OK
    report = update_module.update(project, project.select(options.languages))
    for result in report.results:
        if result.status != "unchanged":
            path = result.path.relative_to(project.root)
            print(
                f"{result.status:8} {path}  (+{result.added} new, {result.fuzzy} fuzzy, "
                f"{result.from_memory} from memory, {result.obsoleted} obsolete)"
            )
    unchanged = sum(1 for result in report.results if result.status == "unchanged")
    print(
        f"{len(report.templates)} templates, {len(report.results)} catalogs, {unchanged} unchanged"
    )
    return EXIT_OK


def _run_build(options: argparse.Namespace) -> int:
    project = _project(options)
    report = build_module.build(
        project, project.select(options.languages), options.jobs, _defines(options.defines)
    )
    for edition in report.editions:
        for warning in edition.warnings:
            print(warning, file=sys.stderr)
        if edition.ok:
            print(
                f"built    {edition.tag:6} {len(edition.rebuilt):4} pages read  "
                f"{edition.seconds:6.1f} s"
            )
        else:
            print(
                f"FAILED   {edition.tag:6} {edition.error} (the published edition is kept)",
                file=sys.stderr,
            )
    print(f"landing page: {report.landing_page.relative_to(project.root)}")
    return EXIT_OK if report.ok else EXIT_FAILED


def _defines(pairs: list[str]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise EditionsError(f"-D {pair}: write it as -D name=value")
        overrides[name] = value
    return overrides


def _run_add_language(options: argparse.Namespace) -> int:
    root = options.project if options.project else find_root(Path.cwd())
    language = add_language(root, options.code)
    project = load_project(root)
    report = update_module.update(project, (language,))
    print(
        f"declared {language.bcp47} ({language.native_name}); "
        f"{len(report.results)} catalogs in {project.locale_dir.relative_to(root)}"
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
