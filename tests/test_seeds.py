"""What a reader of the seed articles finds in them, held against `scan` and `check`."""
from __future__ import annotations

import pytest

from conftest import SEEDS, run_cli_json

# Occurrences of 'dân vận' (mass mobilisation work), counted by reading each article:
# every Massenmobilisierung / massemobilisering / kitle seferberliği in all its inflected and
# compound forms (Massenmobilisierungsarbeit, massemobiliseringsarbeidet, Kitlesel seferberlik,
# kitle seferberliğinin, ...), less those inside a longer term of another concept: the
# commission (Kommission/Komitee für Massenmobilisierung, Massenmobilisierungskomitee,
# massemobiliseringskommisjonen, Kitle Seferberlik Komisyonu ...) and the movement
# (geschickte / qualifizierte / Nitelikli ... Massenmobilisierung, Kitle Seferberliği).
DAN_VAN_COUNTS = {
    # 34 Massenmobilisierung*, less 5 commission, less 1 'qualifizierte Massenmobilisierung',
    # plus 'Mobilisierung der Massen' (line 35)
    "000_12a1ce9ee5f72971.txt": 29,
    # 24 massemobilisering*, less 8 commission, less 3 'faglært/dyktig massemobilisering'
    "001_f8ee477c81dbbf1d.txt": 13,
    # 64 Massenmobilisierung*, less 10 commission, less 34 adjective + Massenmobilisierung
    "002_05a2dbefffaaf20c.txt": 20,
    # 38 Massenmobilisierung*, less 12 commission, less 7 adjective + Massenmobilisierung
    "003_9322039fe2dc66a0.txt": 19,
    # 30 kitle(sel) seferberli*, less 7 commission, less 5 'Nitelikli Kitle Seferberliği'
    "004_6a72a35fca063047.txt": 18,
}


@pytest.fixture(scope="module")
def concordance():
    code, report, _ = run_cli_json("scan", SEEDS)
    assert code == 0
    return report["matches"]


@pytest.mark.parametrize("name,count", sorted(DAN_VAN_COUNTS.items()))
def test_dan_van_occurrences_per_seed(concordance, name, count):
    # the occurrences of their own: "Massenmobilisierung" inside "Geschickte Massenmobilisierung" is listed too, within it
    found = [m for m in concordance if m["path"].endswith(name) and m["concept"] == "dan-van" and "within" not in m]
    assert len(found) == count


def test_scan_finds_compounds_and_turkish_suffixes(concordance):
    texts = {m["text"] for m in concordance if m["concept"] == "dan-van"}
    for form in ("Massenmobilisierungsarbeit", "Massenmobilisierungssystems", "massemobiliseringsarbeidet",
                 "massemobiliseringssektoren", "kitle seferberliği", "Kitle seferberlik", "kitlesel seferberlik"):
        assert form in texts


@pytest.fixture(scope="module")
def findings():
    code, report, _ = run_cli_json("check", SEEDS)
    assert code == 1
    return report["findings"]


FLAGGED_002 = [
    "Fachkundige Massenmobilisierung", "Fachkundigen Massenmobilisierung",
    "Mobilisierung qualifizierter Massen", "qualifizierten Massenmobilisierung",
    "intelligenten Massenmobilisierung", "Fachkräftemobilisierung", "Kompetenter Öffentlicher Dienst",
    "Skilled Mass Mobilization", "Smart Civil Affairs", "Smart Mass Mobilization",
    "intelligente zivile Angelegenheiten", "geschickten Zivilverwaltung", "geschickten öffentlichen Dienst",
]
FLAGGED_001 = ["Faglært massemobilisering", "Skilled Mass Mobilization"]


@pytest.mark.parametrize("name,texts", [("002_05a2dbefffaaf20c.txt", FLAGGED_002),
                                        ("001_f8ee477c81dbbf1d.txt", FLAGGED_001)])
def test_bad_renderings_are_flagged(findings, name, texts):
    flagged = {f["text"] for f in findings if f["path"].endswith(name) and f["concept"] == "dan-van-kheo"}
    for text in texts:
        assert text in flagged, text


def test_preferred_renderings_are_never_flagged(findings):
    preferred = {"geschickte massenmobilisierung", "geschickten massenmobilisierung", "dyktig massemobilisering",
                 "becerikli kitle seferberliği"}
    assert not [f for f in findings if f["text"].lower() in preferred]


def test_movement_suggestions_use_the_preferred_rendering(findings):
    by_text = {f["text"]: f["suggestions"] for f in findings if f["concept"] == "dan-van-kheo"}
    assert by_text["Fachkundigen Massenmobilisierung"] == ["Geschickten Massenmobilisierung"]
    assert by_text["Skilled Mass Mobilization"] in (["Geschickte Massenmobilisierung"], ["Dyktig massemobilisering"])
    assert by_text["Nitelikli Kitle Seferberliği"] == ["Becerikli Kitle Seferberliği"]
