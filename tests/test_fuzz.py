"""Fuzzing: no catalog, however broken, and no translation, however odd, makes a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import through_the_gate
from editions.catalogs import read_catalog
from editions.checks import CheckSettings
from editions.checks.runner import judge_file
from editions.errors import EditionsError
from editions.safety import judge

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)
# Pieces of gettext and of reStructuredText, so that the fuzzer reaches deep.
PO_TOKENS = st.sampled_from(
    [
        'msgid "', 'msgstr "', "msgctxt ", "msgid_plural ", "msgstr[0] ", "msgstr[9] ", '"',
        "\\", "\\n", "\\q", "\n", "\r\n", "#~ ", "#, fuzzy\n", "#| msgid ", "nplurals=", "plural=",
        "charset=", "\ufeff", "\x00", "é", "\udcff", " ", "x",
    ]
)  # fmt: skip
RST_TOKENS = st.sampled_from(
    [
        ".. ", "::", ":x:", "`", "``", "_", "__", "|", "<", ">", "javascript:", "data:", "http://a",
        "mailto:a@b", "\n", "\n\n", "   ", "*", ".. raw:: html", ".. role:: x(raw)", "include",
        ":file:", "[#]_", "@", "www.", "a", "é",
    ]
)  # fmt: skip


def _text(tokens: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=200), st.lists(tokens, max_size=40).map("".join))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.one_of(_text(PO_TOKENS), st.binary(max_size=300).map(lambda b: b.decode("latin-1"))))
def test_reading_and_validating_any_catalog_raises_only_editions_error(
    tmp_path: Path, body: str
) -> None:
    path = tmp_path / "fuzz.po"
    path.write_bytes((HEADER + body).encode("utf-8", errors="surrogateescape"))
    try:
        read_catalog(path)
    except EditionsError as error:
        assert str(error).startswith(str(path))
    for finding in judge_file(path, CheckSettings()).findings:  # the gate never raises
        assert finding.path == path and finding.line >= 1


@settings(max_examples=500, deadline=None)
@given(msgid=_text(RST_TOKENS), msgstr=_text(RST_TOKENS))
def test_the_safety_rules_accept_any_text(msgid: str, msgstr: str) -> None:
    for check, message in judge(msgid, msgstr, frozenset()):
        assert check and message
    assert judge(msgid, msgid, frozenset()) == []


@pytest.mark.parametrize("attack", ["javascript:alert(1)", ".. include:: /etc/passwd"])
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.text(alphabet="abc *\n", max_size=20))
def test_an_attack_behind_any_text_is_withheld(tmp_path: Path, attack: str, prefix: str) -> None:
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="es")
    catalog.add("Hello.", prefix + "\n\n" + attack if ".." in attack else prefix + " " + attack)
    compiled, findings = through_the_gate(catalog, tmp_path / "x.po")
    assert findings and "Hello." not in compiled
