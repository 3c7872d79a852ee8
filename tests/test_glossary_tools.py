"""`mtcheck glossary convert` and `validate` as new users meet them: one language pair out of a
multilingual glossary for an MT vendor, a warning for whatever the output cannot hold, every
bad row of a file at once, BCP 47 language tags, and statuses in every documented spelling."""
from __future__ import annotations

import pytest
from conftest import run_cli

from mtcheck.glossary import load_glossary
from mtcheck.model import Status, TermKind

VALID_STATUSES = ("preferred (or preferredTerm-admn-sts, preferredTerm, standardizedTerm, "
                  "standardizedTerm-admn-sts), admitted (or admittedTerm-admn-sts, admittedTerm, legalTerm, "
                  "regulatedTerm), deprecated (or deprecatedTerm-admn-sts, deprecatedTerm), superseded (or "
                  "supersededTerm-admn-sts, supersededTerm)")
VALID_TYPES = "full form (or fullForm, full), short form (or shortForm, short), abbreviation (or acronym, initialism)"


def _term(text: str, status: str = "", extra: str = "") -> str:
    note = f'<termNote type="administrativeStatus">{status}</termNote>' if status else ""
    return f"<termSec><term>{text}</term>{note}{extra}</termSec>"


# Three languages, as a termbase exported for a vendor usually has: file (with a deprecated
# English synonym, an admitted German one, notes and a definition), folder (no French), and
# a concept whose English term repeats the first's.
MULTILINGUAL = f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="file"><note>A named run of bytes.</note>
<langSec xml:lang="en">{_term("file", "preferredTerm-admn-sts")}{_term("data file", "admittedTerm-admn-sts")}
{_term("dataset", "deprecatedTerm-admn-sts")}</langSec>
<langSec xml:lang="de"><descrip type="definition">Benannte Bytefolge.</descrip>
{_term("Datei", "preferredTerm-admn-sts")}{_term("Datendatei", "admittedTerm-admn-sts")}</langSec>
<langSec xml:lang="fr">{_term("fichier", "preferredTerm-admn-sts")}</langSec>
</conceptEntry>
<conceptEntry id="folder">
<langSec xml:lang="en">{_term("folder", "preferredTerm-admn-sts")}</langSec>
<langSec xml:lang="de">{_term("Ordner", "preferredTerm-admn-sts")}</langSec>
</conceptEntry>
<conceptEntry id="file-card">
<langSec xml:lang="en">{_term("file", "admittedTerm-admn-sts")}</langSec>
<langSec xml:lang="de">{_term("Karteikarte", "preferredTerm-admn-sts")}</langSec>
<langSec xml:lang="fr">{_term("fiche", "preferredTerm-admn-sts")}</langSec>
</conceptEntry>
<conceptEntry id="untranslated">
<langSec xml:lang="en">{_term("inode", "preferredTerm-admn-sts")}</langSec>
</conceptEntry>
</body></text></tbx>
"""


@pytest.fixture
def multilingual(tmp_path):
    path = tmp_path / "terms.tbx"
    path.write_text(MULTILINGUAL, encoding="utf-8")
    return path


# -- pairs out of a glossary of any number of languages ------------------------------------
@pytest.mark.parametrize("fmt, name, rows", [
    ("pairs-csv", "deepl.csv", "file,Datei\ndata file,Datei\nfolder,Ordner\n"),
    ("pairs-tsv", "google.tsv", "file\tDatei\ndata file\tDatei\nfolder\tOrdner\n"),
])
def test_pairs_export_the_requested_pair_of_a_multilingual_glossary(multilingual, tmp_path, fmt, name, rows):
    out = tmp_path / name
    code, stdout, err = run_cli("glossary", "convert", multilingual, out, "--to", fmt,
                                "--source-lang", "en", "--target-lang", "de")
    assert (code, stdout) == (0, "")
    assert out.read_text(encoding="utf-8") == rows
    assert err == (f"warning: {out}: {fmt} leaves out 2 terms in other languages (fr), 1 concept without an "
                   "accepted en and de term, 1 deprecated or superseded en term, 1 de term other than its "
                   "concept's preferred one, 1 en term already paired by an earlier concept, 1 note, "
                   "1 definition\n")


def test_pairs_take_the_languages_as_tags_with_regions(multilingual, tmp_path):
    out = tmp_path / "fr.csv"
    code, _, err = run_cli("glossary", "convert", multilingual, out, "--to", "pairs-csv",
                           "--source-lang", "de-DE", "--target-lang", "fr_FR")
    assert code == 0, err
    assert out.read_text(encoding="utf-8") == "Datei,fichier\nDatendatei,fichier\nKarteikarte,fiche\n"


@pytest.mark.parametrize("given, missing", [
    ((), "--source-lang and --target-lang"),
    (("--source-lang", "en"), "--target-lang"),
    (("--target-lang", "de"), "--source-lang"),
])
def test_pairs_of_more_than_two_languages_need_both_languages(multilingual, tmp_path, given, missing):
    out = tmp_path / "deepl.csv"
    out.write_text("the previous export\n", encoding="utf-8")
    code, stdout, err = run_cli("glossary", "convert", multilingual, out, "--to", "pairs-csv", *given)
    assert (code, stdout) == (2, "")
    assert err == (f"error: {multilingual}: pairs-csv holds one language pair: give {missing} "
                   "(the glossary has 3 languages: en, de, fr)\n")
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deepl.csv", "terms.tbx"]


@pytest.mark.parametrize("option, value", [("--target-lang", "es"), ("--source-lang", "nb-NO")])
def test_a_pair_language_absent_from_the_glossary_is_an_error_naming_it(multilingual, tmp_path, option, value):
    languages = {"--source-lang": "en", "--target-lang": "de", option: value}
    out = tmp_path / "deepl.csv"
    code, _, err = run_cli("glossary", "convert", multilingual, out, "--to", "pairs-csv",
                           *[part for pair in languages.items() for part in pair])
    assert code == 2
    assert err == (f"error: {multilingual}: {option} {value}: the glossary has no terms in "
                   f"'{value[:2]}' (it has 3 languages: en, de, fr)\n")
    assert not out.exists()


def test_pairs_of_two_languages_take_the_main_language_as_source_and_count_notes(tmp_path):
    source = tmp_path / "g.tbx"
    source.write_text('<martif xml:lang="de"><text><body><termEntry id="a"><note>why</note>'
                      '<langSet xml:lang="en"><tig><term>file</term><note>UI</note></tig></langSet>'
                      '<langSet xml:lang="de"><tig><term>Datei</term></tig></langSet></termEntry>'
                      '</body></text></martif>', encoding="utf-8")
    out = tmp_path / "pairs.csv"
    code, _, err = run_cli("glossary", "convert", source, out, "--to", "pairs-csv")
    assert (code, err) == (0, f"warning: {out}: pairs-csv leaves out 2 notes\n")
    assert out.read_text(encoding="utf-8") == "Datei,file\n"


# -- convert says what it leaves out -------------------------------------------------------
def test_convert_counts_the_tbx_data_categories_it_cannot_keep(tmp_path):
    source = tmp_path / "g.tbx"
    source.write_text(
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" xml:lang="en"><text><body>\n'
        '<conceptEntry id="a"><descrip type="subjectField">IT</descrip>\n'
        '<transacGrp><transac type="transactionType">origination</transac><date>2024-01-02</date></transacGrp>\n'
        '<langSec xml:lang="en"><descripGrp><descrip type="definition">Bytes.</descrip>'
        '<admin type="source">ISO</admin></descripGrp>\n'
        + _term("file", "preferredTerm-admn-sts", '<termNote type="partOfSpeech">noun</termNote>'
                '<descripGrp><descrip type="context">Save the file.</descrip></descripGrp>')
        + _term("file system file", "", '<termNote type="termType">variant</termNote>'
                '<termNote type="partOfSpeech">noun</termNote>')
        + "</langSec></conceptEntry>\n</body></text></tbx>\n", encoding="utf-8")
    out = tmp_path / "g.csv"
    code, _, err = run_cli("glossary", "convert", source, out)
    assert code == 0
    assert err == (f"warning: {out}: csv leaves out 4 TBX data categories mtcheck does not read ("
                   "1 context, 1 source, 1 termType 'variant', 1 transacGrp)\n")
    # What was read is all kept: converting it on says nothing.
    assert run_cli("glossary", "convert", out, tmp_path / "again.tbx") == (0, "", "")
    [concept] = load_glossary(tmp_path / "again.tbx").concepts
    assert concept.definitions == {"en": "Bytes."} and [t.text for t in concept.terms] == ["file", "file system file"]
    assert [t.part_of_speech for t in concept.terms] == ["noun", "noun"]
    assert concept.subject_field == "IT"


def test_csv_names_a_main_language_it_cannot_keep(tmp_path):
    source = tmp_path / "g.tbx"
    source.write_text('<martif xml:lang="de"><text><body><termEntry id="a">'
                      '<langSet xml:lang="en"><tig><term>file</term></tig></langSet>'
                      '<langSet xml:lang="de"><tig><term>Datei</term></tig></langSet></termEntry>'
                      '</body></text></martif>', encoding="utf-8")
    out = tmp_path / "g.tsv"
    assert run_cli("glossary", "convert", source, out) == (0, "", f"warning: {out}: tsv leaves out the main "
                                                                  "language 'de'\n")


# -- validate reports every problem of a file ------------------------------------------------
def test_validate_reports_every_bad_csv_row_with_its_line_then_the_summary(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status,type\n"
                    "file,en,file,preferred,\n"
                    "file,de,Datei,favourite,\n"          # 3: unknown status
                    "file,de,Datei\n"                     # 4: too few fields
                    "folder,,Ordner,preferred,\n"         # 5: no language
                    "folder,de,Ordner,preferred,long form\n"  # 6: unknown type
                    "folder,de,Verzeichnis,preferred,\n"  # 7
                    "folder,de,Mappe,preferred,\n"        # 8: a second preferred term: a problem
                    ",de,Akte,admitted,\n", encoding="utf-8")  # 9: no concept
    code, out, err = run_cli("glossary", "validate", path)
    assert code == 2
    assert err.splitlines() == [
        f"error: {path}:3: unknown status 'favourite' (valid: {VALID_STATUSES})",
        f"error: {path}:4: expected 5 fields, found 3",
        f"error: {path}:5: missing language code",
        f"error: {path}:6: unknown term type 'long form' (valid: {VALID_TYPES})",
        f"error: {path}:9: missing concept id",
    ]
    assert out.splitlines() == [
        f"{path}:8: concept 'folder' has 2 preferred terms in de: 'Verzeichnis', 'Mappe'",
        "5 errors, 1 problem in 1 glossary: 1 several preferred",
    ]


def test_validate_reports_every_bad_term_of_a_tbx(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text('<martif xml:lang="en"><text><body>\n'
                    '<termEntry id="a"><langSet xml:lang="de">\n'
                    '<tig><term>x</term><termNote type="administrativeStatus">bestTerm</termNote></tig>\n'
                    '<tig><note>a term that was never written</note></tig>\n'
                    '<tig><term>y</term><termNote type="administrativeStatus">preferred</termNote></tig>\n'
                    '</langSet>\n<langSet><tig><term>z</term></tig></langSet></termEntry>\n'
                    '</body></text></martif>\n', encoding="utf-8")
    code, out, err = run_cli("glossary", "validate", path)
    assert code == 2
    assert err.splitlines() == [
        f"error: {path}:3: unknown administrativeStatus 'bestTerm' (valid: {VALID_STATUSES})",
        f"error: {path}:4: <tig> without <term>",
        f"error: {path}:7: <langSet> without xml:lang",
    ]
    assert out == "3 errors in 1 glossary\n"


def test_validate_gives_a_tbx_that_is_no_xml_its_one_error_and_the_summary(tmp_path):
    broken = tmp_path / "broken.tbx"
    broken.write_text('<martif><text><body>\n<termEntry id="a">\n', encoding="utf-8")
    clean = tmp_path / "clean.csv"
    clean.write_text("concept,lang,term\na,en,file\n", encoding="utf-8")
    code, out, err = run_cli("glossary", "validate", broken, clean)
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith(f"error: {broken}:3: malformed XML")
    assert out == "1 error in 2 glossaries\n"


def test_validate_checks_language_tags_as_bcp_47(tmp_path):
    path = tmp_path / "g.csv"
    rows = [("sr-Latn-RS", "fajl"), ("es-419", "archivo"), ("zh_Hant_TW", "檔案"), ("x-klingon", "De'wI'"),
            ("gsw", "Datei"), ("en-US-u-co-phonebk", "file"), ("xx-invalid-lang", "a"), ("de-DE-lang", "b"),
            ("zz", "c"), ("uz-Latn-Cyrl", "d"), ("fr-x", "e"), ("pt-a", "f")]
    path.write_text("concept,lang,term\n" + "".join(f"c{n},{tag},{term}\n" for n, (tag, term) in enumerate(rows)),
                    encoding="utf-8")
    code, out, err = run_cli("glossary", "validate", path)
    assert (code, err) == (1, "")
    tail = "its terms match only text said to be in it"
    assert out.splitlines() == [
        f"{path}:8: 'xx-invalid-lang' is no BCP 47 language tag ('xx' is no ISO 639 language code); {tail}",
        f"{path}:9: 'de-DE-lang' is no BCP 47 language tag ('lang' is no extended language, script, region or "
        f"variant subtag where it stands); {tail}",
        f"{path}:10: 'zz' is no BCP 47 language tag ('zz' is no ISO 639 language code); {tail}",
        f"{path}:11: 'uz-Latn-Cyrl' is no BCP 47 language tag ('Cyrl' is no extended language, script, region or "
        f"variant subtag where it stands); {tail}",
        f"{path}:12: 'fr-x' is no BCP 47 language tag (private use 'x' has no subtag after it); {tail}",
        f"{path}:13: 'pt-a' is no BCP 47 language tag (extension 'a' has no subtag of 2 to 8 letters or digits "
        f"after it); {tail}",
        "6 problems in 1 glossary: 6 language tags",
    ]


def test_validate_points_out_a_term_word_the_dictionary_has_only_with_a_slip_mended(tmp_path):
    """A typo in a term keeps it from matching the text that spells it right: Polish „zakmnij"
    (zamknij, two letters swapped), French „Personalisé" (Personnalisé, an n missing). A word
    the dictionary has, a rejected term and a word kept as another language writes it are
    left alone."""
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status\n"
                    "close,en,close,preferred\nclose,pl,zakmnij,preferred\n"
                    "custom,en,custom,preferred\ncustom,fr,Personalisé,preferred\n"
                    "open,pl,otwórz,preferred\nopen,fr,ouvrir,preferred\nopen,fr,ouvirr,deprecated\n"
                    "reflog,en,reflog,preferred\nreflog,de,reflog,preferred\n", encoding="utf-8")
    code, out, err = run_cli("glossary", "validate", path)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{path}:3: term 'zakmnij' (pl) in concept 'close': 'zakmnij' is not in the dictionary, 'zamknij' is: "
        "a misspelling?",
        f"{path}:5: term 'Personalisé' (fr) in concept 'custom': 'Personalisé' is not in the dictionary, "
        "'Personnalisé' is: a misspelling?",
        "2 problems in 1 glossary: 2 possible misspellings",
    ]


# -- statuses and types in every documented spelling -----------------------------------------
@pytest.mark.parametrize("written, status", [
    ("preferredTerm-admn-sts", Status.PREFERRED), ("Preferred Term-admn-sts", Status.PREFERRED),
    ("standardizedTerm", Status.PREFERRED), ("admittedTerm-admn-sts", Status.ADMITTED),
    ("legalTerm", Status.ADMITTED), ("deprecatedTerm-admn-sts", Status.DEPRECATED),
    ("supersededTerm", Status.SUPERSEDED),
])
def test_a_csv_status_in_its_tbx_spelling(tmp_path, written, status):
    path = tmp_path / "g.csv"
    path.write_text(f"concept,lang,term,status\na,en,file,admitted\na,en,record,{written}\n", encoding="utf-8")
    assert run_cli("glossary", "validate", path) == (0, "no problems in 1 glossary\n", "")
    assert load_glossary(path).concepts[0].terms[1].status is status


@pytest.mark.parametrize("written, status", [("preferred", Status.PREFERRED), ("Deprecated", Status.DEPRECATED)])
def test_a_tbx_status_in_mtchecks_spelling(tmp_path, written, status):
    path = tmp_path / "g.tbx"
    path.write_text('<martif><text><body><termEntry id="a"><langSet xml:lang="en">'
                    '<tig><term>file</term></tig>'
                    f'<tig><term>record</term><termNote type="administrativeStatus">{written}</termNote></tig>'
                    '</langSet></termEntry></body></text></martif>', encoding="utf-8")
    assert run_cli("glossary", "validate", path) == (0, "no problems in 1 glossary\n", "")
    assert load_glossary(path).concepts[0].terms[1].status is status


@pytest.mark.parametrize("written, kind", [("full form", TermKind.FULL), ("Short Form", TermKind.SHORT),
                                           ("acronym", TermKind.ABBREVIATION), ("initialism", TermKind.ABBREVIATION)])
def test_a_csv_type_in_the_readmes_words(tmp_path, written, kind):
    path = tmp_path / "g.csv"
    path.write_text(f"concept,lang,term,type\na,en,file,{written}\n", encoding="utf-8")
    assert load_glossary(path).concepts[0].terms[0].kind is kind


def test_an_unknown_status_is_refused_with_the_valid_ones(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status\na,en,file,best\n", encoding="utf-8")
    code, _, err = run_cli("glossary", "convert", path, tmp_path / "g.tbx")
    assert (code, err) == (2, f"error: {path}:2: unknown status 'best' (valid: {VALID_STATUSES})\n")
    assert not (tmp_path / "g.tbx").exists()
