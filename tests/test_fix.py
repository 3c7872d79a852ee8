"""Safe fixes on copies of the seeds: lint → fix → lint shows nothing fixable."""
from __future__ import annotations

import re
import shutil

import pytest

from mtcheck.engine import Checker
from mtcheck.fix import FIXABLE_RULES, _Places, fixable
from mtcheck.language.agreement.carry import carries_over as unambiguous
from mtcheck.formats import plaintext
from mtcheck.formats.edit import fix_file
from mtcheck.model import Finding, Location, Segment, Severity
from tests.conftest import SEEDS

LANGS = {"000": "de", "001": "nb", "002": "de", "003": "de", "004": "tr"}


@pytest.fixture
def seed_copies(tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def _fixable(glossary, path, lang):
    findings = Checker(glossary, FIXABLE_RULES).check(str(path), plaintext.read_segments(str(path), lang), lang)
    return [f for f in findings if fixable(f)]


def test_fix_round_trip_on_the_seeds(glossary, seed_copies):
    total = 0
    for path in sorted(seed_copies.glob("*.txt")):
        lang = LANGS[path.name[:3]]
        result = fix_file(str(path), glossary, lang)
        total += len(result.edits)
        # What the fix left is not fixable any more (ambiguous fixes are left for a person).
        remaining = _fixable(glossary, path, lang)
        assert all(not unambiguous(f.text, str(f.data.get("term", "")), f.suggestions[0],
                                   glossary.concepts[[c.id for c in glossary].index(f.concept)].preferred(lang).text)
                   for f in remaining), [(f.text, f.suggestions) for f in remaining]
        again = fix_file(str(path), glossary, lang)
        assert again.edits == [] and again.before == again.after  # fixing twice is fixing once
    assert total >= 50


def test_fixed_german_reads_correctly(glossary, seed_copies):
    path = seed_copies / "002_05a2dbefffaaf20c.txt"
    fix_file(str(path), glossary, "de")
    text = path.read_text(encoding="utf-8")
    assert "Modelle der „geschickten Massenmobilisierung“" in text        # case ending carried
    assert "die Wettbewerbsbewegung „Geschickte Massenmobilisierung“" in text
    # A plural noun is put in the plural (the noun lexicon has its forms), its adjective kept.
    assert "patriotischen Wettbewerbsbewegungen" in text
    assert "Fachkundige" not in text and "Skilled Mass Mobilization" not in text
    other = seed_copies / "003_9322039fe2dc66a0.txt"
    fix_file(str(other), glossary, "de")
    assert "24.254 geschickten Massenmobilisierungsmodellen" in other.read_text(encoding="utf-8")  # compound
    turkish = seed_copies / "004_6a72a35fca063047.txt"
    fix_file(str(turkish), glossary, "tr")
    assert "yarış hareketinin" in turkish.read_text(encoding="utf-8")     # Turkish suffix carried


def test_line_ends_and_other_lines_are_kept(glossary, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Erste Zeile.\r\nDie Fachkundige Massenmobilisierung wächst.\r\nLetzte Zeile.\r\n".encode())
    fix_file(str(path), glossary, "de")
    assert path.read_bytes() == "Erste Zeile.\r\nDie Geschickte Massenmobilisierung wächst.\r\nLetzte Zeile.\r\n".encode()


def test_dry_run_writes_nothing(glossary, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Die Fachkundige Massenmobilisierung.\n", encoding="utf-8")
    result = fix_file(str(path), glossary, "de", write=False)
    assert result.changed and path.read_text(encoding="utf-8") == "Die Fachkundige Massenmobilisierung.\n"
    assert result.after == "Die Geschickte Massenmobilisierung.\n"


def test_fix_in_an_xliff_keeps_tags(glossary, tmp_path):
    from tests.test_formats import _xliff

    path = tmp_path / "a.xlf"
    path.write_text(_xliff([("The skilful mass mobilisation grows.",
                             'Die <g id="1">Fachkundige Massenmobilisierung</g> wächst<x id="2"/>.')], "en"),
                    encoding="utf-8")
    result = fix_file(str(path), glossary, "de")
    assert [(e.old, e.new) for e in result.edits] == [("Fachkundige Massenmobilisierung",
                                                       "Geschickte Massenmobilisierung")]
    assert '<target>Die <g id="1">Geschickte Massenmobilisierung</g> wächst<x id="2"/>.</target>' in \
        path.read_text(encoding="utf-8")


def test_cli_diff_then_fix_then_nothing_fixable(seed_copies, cli, cli_json):
    before = {p.name: p.read_bytes() for p in seed_copies.glob("*.txt")}
    code, out, err = cli("check", seed_copies, "--diff")
    assert code == 1 and out.count("\n+") >= 20
    assert int(re.search(r"would fix (\d+) findings", err).group(1)) >= 50
    assert {p.name: p.read_bytes() for p in seed_copies.glob("*.txt")} == before  # --diff writes nothing
    code, report, err = cli_json("check", seed_copies, "--fix")
    assert "fixed" in err
    fixed = {f["rule"] for f in report["findings"]}
    # What is left is not for --fix: no single suggestion, or a fix that is not safe.
    assert "GL003" not in fixed or all(len(f["suggestions"]) != 1 or f.get("fix", {}).get("applicability") != "safe"
                                       for f in report["findings"] if f["rule"] == "GL003")
    code, out, err = cli("check", seed_copies, "--diff")
    assert code == 0 and out == "" and "would fix 0 findings" in err


def test_fix_leaves_suppressed_findings(cli, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("<!-- mtcheck: ignore GL001 -->\nDie Fachkundige Massenmobilisierung.\n\n"
                    "Die Fachkundige Massenmobilisierung.\n", encoding="utf-8")
    cli("check", path, "--lang", "de", "--fix")
    assert path.read_text(encoding="utf-8").splitlines()[1:] == [
        "Die Fachkundige Massenmobilisierung.", "", "Die Geschickte Massenmobilisierung."]


def test_a_run_compiles_the_glossary_once(seed_copies, cli, monkeypatch):
    """Fixing five files in three languages makes each language's matcher once (compiled, or
    read back from the cache folder), not once a file."""
    import mtcheck.matching

    compiled = []
    made = mtcheck.matching.Matcher._compiled

    def counting(self, lang):
        compiled.append(lang)
        return made(self, lang)

    monkeypatch.setattr(mtcheck.matching.Matcher, "_compiled", counting)
    code, out, err = cli("check", seed_copies, "--diff")
    assert code == 1 and "would fix" in err
    assert sorted(compiled) == sorted(set(LANGS.values()))


def test_findings_are_placed_as_before():
    """By id: the one segment with it (none when two share it); by line: the first covering it."""
    segments = [Segment("a", "f", 1, id="u1"), Segment("b\nc", "f", 2, id="u2"), Segment("d", "f", 3, id="u2"),
                Segment("e", "f", 4)]
    places = _Places(segments)

    def at(line, segment=None):
        location = Location("f", line, 1, line, 2, segment)
        return places.segment_of(Finding("GL001", "n", Severity.WARNING, "m", location, "de"))

    assert at(1, "u1") is segments[0]
    assert at(1, "u2") is None and at(1, "u9") is None
    assert at(3) is segments[1] and at(4) is segments[3] and at(5) is None
