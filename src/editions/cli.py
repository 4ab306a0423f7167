"""The ``editions`` command: parses options, calls the library, prints.

Exit codes:
  0  success
  1  a build or check found errors (the other editions were still published)
  2  bad input: a declaration, a catalog or an option that must be fixed first
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

# Each command imports its own modules when it runs: Sphinx and the checks take
# a quarter of a second to import, and `editions status` must answer at once.
from editions.declaration import Project, add_language, find_root, language_tag, load_project
from editions.errors import EditionsError, cannot_write

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    options = parser.parse_args(argv)
    try:
        return int(options.run(options))
    except EditionsError as error:
        print(f"editions: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `editions status | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:  # the system refused a write the library did not expect to fail
        print(f"editions: error: {cannot_write(error, Path.cwd())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("editions: interrupted; published editions are unchanged", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="editions",
        description="Build one website per language from a Sphinx publication.",
        epilog="Exit codes: 0 success; 1 an edition failed, checks found errors, or "
        "(build --strict) a translation was left out as unsafe; the other editions are still "
        "published and a failed one keeps its last good version; 2 bad input (declaration, "
        "catalog or option), a build folder that cannot be written, or another build of the "
        "publication is running; 130 interrupted.",
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
    build.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if a translation was left out as unsafe, and refuse to build (exit 2) "
        "without a base-url in the declaration (for CI and releases)",
    )
    build.set_defaults(run=_run_build)

    add = commands.add_parser("add-language", help="declare a language and create its catalogs")
    add.add_argument("code", help="a BCP 47 tag such as pt-BR")
    add.set_defaults(run=_run_add_language)

    _add_status_command(commands)
    _add_format_command(commands)
    _add_check_command(commands)
    return parser


def _language_tag(value: str) -> str:
    """A ``--lang`` value, refused here when it is no language tag (a locale like C.UTF-8)."""
    try:
        return language_tag(value)
    except EditionsError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        "-l",
        action="append",
        dest="languages",
        metavar="L",
        type=_language_tag,
        help="only this language (repeatable); default: every declared one",
    )


def _add_paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="catalogs or folders of catalogs (default: the project's locale/)",
    )


def _project(options: argparse.Namespace) -> Project:
    root = options.project if options.project else find_root(Path.cwd())
    return load_project(root)


def _run_update(options: argparse.Namespace) -> int:
    from editions import update as update_module

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
    from editions import build as build_module

    project = _project(options)
    if options.strict:
        from editions.sitemap import missing_base_url

        missing = missing_base_url(project)
        if missing:
            raise EditionsError(f"--strict: {missing}")
    report = build_module.build(
        project, project.select(options.languages), options.jobs, _defines(options.defines)
    )
    for warning in report.warnings:
        print(f"editions: warning: {warning}", file=sys.stderr)
    for edition in report.editions:
        for warning in [*edition.withheld, *edition.warnings]:
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
    withheld = sum(len(edition.withheld) for edition in report.editions)
    if withheld and options.strict:
        print(f"editions: --strict: {withheld} unsafe translation(s) left out", file=sys.stderr)
        return EXIT_FAILED
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
    from editions import update as update_module

    root = options.project if options.project else find_root(Path.cwd())
    from editions.chrome_words import create_theme_catalog

    language = add_language(root, options.code)
    project = load_project(root)
    report = update_module.update(project, (language,))
    theme = create_theme_catalog(project.locale_dir, language)
    print(
        f"declared {language.bcp47} ({language.native_name}); "
        f"{len(report.results)} catalogs in {project.locale_dir.relative_to(root)}"
    )
    if theme is not None:
        print(f"the theme's words to translate: {theme.relative_to(root)}")
    return EXIT_OK


def _add_status_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    status = commands.add_parser(
        "status", help="how much is translated, by strings and by English words"
    )
    _add_paths_argument(status)
    _add_lang_option(status)
    status.add_argument("--json", action="store_true", help="print the figures as JSON")
    status.add_argument(
        "-f",
        "--only-fuzzy",
        action="store_true",
        help="list only the catalogs with fuzzy entries, to review (totals stay those of all)",
    )
    status.add_argument(
        "--todo",
        action="store_true",
        help="hide complete catalogs: list only those left to translate or review",
    )
    status.add_argument(
        "--folders",
        action="store_true",
        help="the totals of each folder and language only, no line per catalog",
    )
    status.set_defaults(run=_run_status)


def _run_status(options: argparse.Namespace) -> int:
    from editions import status as status_module

    if options.paths:
        report = status_module.collect_report(options.paths, status_module.user_cache_file())
        languages = status_module.summarise(report.statuses)
    else:
        project = _project(options)
        report = status_module.project_report(project)
        languages = status_module.project_languages(project, report)
    if options.languages:
        languages = status_module.select_languages(languages, options.languages)
    selection = status_module.Selection(options.only_fuzzy, options.todo)
    if options.json:
        figures = status_module.as_json(languages, selection)
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        print(status_module.render_table(languages, colour, selection, options.folders), end="")
    for problem in report.problems:  # the other catalogs are counted; these are not
        print(problem, file=sys.stderr)
    return EXIT_FAILED if report.problems else EXIT_OK


def _add_format_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    format_ = commands.add_parser(
        "format", help="write catalogs in the canonical form (msgcat's wrapping)"
    )
    _add_paths_argument(format_)
    format_.add_argument(
        "--check",
        action="store_true",
        help="change nothing; list the files that would change and exit 1 if any",
    )
    format_.set_defaults(run=_run_format)


def _run_format(options: argparse.Namespace) -> int:
    from editions import catalogs as catalogs_module

    paths = options.paths or [_project(options).locale_dir]
    report = catalogs_module.reformat(paths, write=not options.check)
    for path in report.changed:
        print(f"{'would reformat' if options.check else 'reformatted'} {path}")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if options.check and report.changed:
        print(
            f"{len(report.changed)} catalogs are not in the canonical form; run `editions format`"
        )
    if report.problems or (options.check and report.changed):
        return EXIT_FAILED
    return EXIT_OK


def _add_check_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check", help="find mistakes in catalogs: syntax, markup, references, URLs, spelling"
    )
    _add_paths_argument(check)
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.add_argument("--spelling", action="store_true", help="also check spelling (Hunspell)")
    check.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="do not run this check (repeatable); see --list",
    )
    check.add_argument("--list", action="store_true", help="list the checks and exit")
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="judge every catalog again, ignoring the verdicts kept from earlier runs",
    )
    check.set_defaults(run=_run_check)


def _run_check(options: argparse.Namespace) -> int:
    from editions import checks as checks_module
    from editions import derived
    from editions.checks.records import Verdicts

    if options.list:
        for name, check in sorted(checks_module.REGISTRY.items()):
            print(f"{name:18} {check.summary}")
        return EXIT_OK
    project = _project(options) if not options.paths else _project_if_any(options)
    settings = checks_module.settings_from(project, options.disable, options.spelling)
    paths = options.paths or [project.locale_dir] if project else options.paths
    state = derived.state_dir(project.build_dir) if project else derived.user_state_dir()
    verdicts = None if options.no_cache else Verdicts(state, settings)
    report = checks_module.check_paths(paths, settings, verdicts=verdicts)
    if options.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        for finding in report.findings:
            print(finding)
        print(
            f"{report.errors} errors, {report.warnings} warnings in {report.catalogs} catalogs",
            file=sys.stderr,
        )
    return EXIT_FAILED if report.errors else EXIT_OK


def _project_if_any(options: argparse.Namespace) -> Project | None:
    """The declaration, if there is one: checking another project's catalogs needs none."""
    try:
        return _project(options)
    except EditionsError:
        if options.project:
            raise
        return None


if __name__ == "__main__":
    sys.exit(main())
