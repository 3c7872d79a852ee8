"""Termbases kept whole: every term, status, note and definition of TBX v2/v3, headerless
source/target pairs, and `mtcheck glossary convert` between all formats without loss."""
from __future__ import annotations

import dataclasses

import pytest
from conftest import run_cli
from lxml import etree

from mtcheck.errors import GlossaryError
from mtcheck.glossary import load_glossary
from mtcheck.model import Status, TermKind

TBX3_NAMESPACES = ["urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed:3.0"]

# TBX v3 as LTAC's DCA samples write it: definitions in langSec/descripGrp, notes at every level.
TBX3 = """<?xml version="1.0" encoding="utf-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{namespace}">
 <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="c1">
   <descrip type="subjectField">General</descrip>
   <note>G-Source: observatory</note>
   <langSec xml:lang="en">
    <transacGrp><transac type="transactionType">origination</transac><date>2010-04-17</date></transacGrp>
    <descripGrp>
     <descrip type="definition">A group of stars formed together in the spiral
      arms of a galaxy.</descrip>
     <admin type="source">Oxford2007</admin>
    </descripGrp>
    <note>English only</note>
    <termSec><term>open cluster</term>
     <termNote type="partOfSpeech">noun</termNote>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
     <descripGrp><descrip type="context">Over 1100 open clusters are known.</descrip></descripGrp>
    </termSec>
    <termSec><term>OC</term>
     <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
     <termNote type="termType">acronym</termNote>
     <termNote type="x-mtcheck-match">case-sensitive</termNote>
    </termSec>
    <termSec><term>galactic cluster</term>
     <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
     <note>Found mainly in the plane of our galaxy.</note>
     <note>N-Source: glossary</note>
    </termSec>
    <termSec><term>star heap</term>
     <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
    </termSec>
   </langSec>
   <langSec xml:lang="es">
    <descripGrp><descrip type="definition">Una acumulación de estrellas jóvenes.</descrip></descripGrp>
    <termSec><term>cúmulo abierto</term><termNote type="partOfSpeech">noun</termNote></termSec>
   </langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


@pytest.mark.parametrize("namespace", TBX3_NAMESPACES)
def test_tbx3_keeps_every_term_note_and_definition(tmp_path, namespace):
    path = tmp_path / "astro.tbx"
    path.write_text(TBX3.format(namespace=namespace), encoding="utf-8")
    [concept] = load_glossary(path).concepts
    assert [(t.lang, t.text, t.status) for t in concept.terms] == [
        ("en", "open cluster", Status.PREFERRED),
        ("en", "OC", Status.ADMITTED),
        ("en", "galactic cluster", Status.SUPERSEDED),
        ("en", "star heap", Status.DEPRECATED),
        ("es", "cúmulo abierto", Status.ADMITTED),  # no status given
    ]
    oc = concept.terms[1]
    assert oc.kind is TermKind.ABBREVIATION and oc.case_sensitive and not oc.exact
    assert concept.terms[2].note == "Found mainly in the plane of our galaxy.\nN-Source: glossary"
    assert concept.note == "G-Source: observatory"
    assert concept.definitions == {
        "en": "A group of stars formed together in the spiral arms of a galaxy.",
        "es": "Una acumulación de estrellas jóvenes.",
    }
    assert concept.lang_notes == {"en": "English only"}
    # No concept-level definition: the first language's stands for the concept.
    assert concept.definition == "A group of stars formed together in the spiral arms of a galaxy."
    assert concept.preferred("en").text == "open cluster"


# TBX v2 that exercises every field the model holds, including the odd corners: two
# definitions in one language, a concept without terms, a language without terms.
TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="open-cluster">
      <descripGrp><descrip type="definition">A group of stars born together.</descrip>
        <admin type="source">Oxford</admin></descripGrp>
      <note>G-Source: observatory</note>
      <note>Second concept note</note>
      <langSet xml:lang="en">
        <descripGrp><descrip type="definition">Stars formed in a spiral arm.</descrip></descripGrp>
        <note>English usage note</note>
        <tig><term>open cluster</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>OC</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
          <termNote type="termType">abbreviation</termNote>
          <termNote type="x-mtcheck-match">case-sensitive exact</termNote></tig>
        <tig><term>galactic cluster</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
          <note>Found in the galactic plane, "mostly".</note><note>N-Source: glossary</note></tig>
        <tig><term>star heap</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="es">
        <descrip type="definition">Una acumulación de estrellas jóvenes.</descrip>
        <descrip type="definition">Segunda definición, con coma.</descrip>
        <ntig><termGrp><term>cúmulo abierto</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
        <tig><term>cúmulo</term><termNote type="termType">shortForm</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="pending"><note>No terms yet</note></termEntry>
    <termEntry id="defined-only">
      <langSet xml:lang="de"><descrip type="definition">Noch ohne Benennung.</descrip><note>Fehlt</note></langSet>
      <langSet xml:lang="en"><tig><term>comma, "quoted" term</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def _without_origins(glossary):
    return [dataclasses.replace(c, origin=None, terms=tuple(dataclasses.replace(t, origin=None) for t in c.terms))
            for c in glossary]


def test_tbx2_fixture_holds_what_the_round_trip_must_keep(tmp_path):
    path = tmp_path / "in.tbx"
    path.write_text(TBX2, encoding="utf-8")
    concepts = {c.id: c for c in load_glossary(path)}
    assert list(concepts) == ["open-cluster", "pending", "defined-only"]
    cluster = concepts["open-cluster"]
    assert cluster.definitions == {"": "A group of stars born together.", "en": "Stars formed in a spiral arm.",
                                   "es": "Una acumulación de estrellas jóvenes.\nSegunda definición, con coma."}
    assert cluster.definition == "A group of stars born together."
    assert cluster.note == "G-Source: observatory\nSecond concept note"
    assert cluster.lang_notes == {"en": "English usage note"}
    assert {t.status for t in cluster.terms} == set(Status)
    assert {t.kind for t in cluster.terms} == set(TermKind)
    assert concepts["pending"].terms == () and concepts["pending"].note == "No terms yet"
    assert concepts["defined-only"].definitions == {"de": "Noch ohne Benennung."}
    assert concepts["defined-only"].lang_notes == {"de": "Fehlt"}


def test_convert_round_trip_through_every_lossless_format(tmp_path):
    start = tmp_path / "in.tbx"
    start.write_text(TBX2, encoding="utf-8")
    chain = [(start, tmp_path / "v3.tbx", []), (tmp_path / "v3.tbx", tmp_path / "g.csv", []),
             (tmp_path / "g.csv", tmp_path / "g.tsv", []), (tmp_path / "g.tsv", tmp_path / "v2.tbx", ["--to", "tbx2"])]
    # The definition's source (an <admin> in its descripGrp) has no place in the model: said once.
    unread = {start: f"warning: {tmp_path / 'v3.tbx'}: tbx3 leaves out 1 TBX data category mtcheck does not read "
                     "(1 source)\n"}
    for source, target, extra in chain:
        assert run_cli("glossary", "convert", source, target, *extra) == (0, "", unread.get(source, ""))
    original = _without_origins(load_glossary(start))
    for _, target, _ in chain:
        assert _without_origins(load_glossary(target)) == original, target.name
    assert load_glossary(tmp_path / "v2.tbx").source_lang == "en"

    v3 = etree.parse(str(tmp_path / "v3.tbx")).getroot()
    assert v3.tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    assert (v3.get("type"), v3.get("style")) == ("TBX-Basic", "dca")
    assert len(v3.findall(".//{*}conceptEntry/{*}langSec/{*}termSec")) == 7
    v2 = etree.parse(str(tmp_path / "v2.tbx")).getroot()
    assert v2.tag == "martif" and len(v2.findall(".//termEntry/langSet/tig")) == 7
    for name in ("v3.tbx", "v2.tbx"):
        assert (tmp_path / name).read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<')
    assert (tmp_path / "g.csv").read_text(encoding="utf-8").split("\n")[0] == (
        "concept,lang,term,status,type,options,note,part_of_speech,gender,number,concept_note,concept_definition,"
        "lang_note,lang_definition,subject_field")
    assert (tmp_path / "g.tsv").read_text(encoding="utf-8").startswith("concept\tlang\tterm\tstatus\t")

    # Writing what was read gives the same bytes: nothing drifts on a second pass.
    assert run_cli("glossary", "convert", tmp_path / "v2.tbx", tmp_path / "again.tbx", "--to", "tbx2")[0] == 0
    assert (tmp_path / "again.tbx").read_bytes() == (tmp_path / "v2.tbx").read_bytes()


def test_long_csv_rows_for_concepts_and_languages_without_terms(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status,concept_note,lang_definition\n"
                    "a,,,,waiting for terms,\n"
                    "b,de,,,,Noch ohne Benennung\n"
                    "b,en,sun,preferred,,\n"
                    "c,de,,admitted,,\n", encoding="utf-8")
    a, b, c = load_glossary(path).concepts
    assert (a.id, a.terms, a.note) == ("a", (), "waiting for terms")
    assert [t.text for t in b.terms] == ["sun"] and b.definitions == {"de": "Noch ohne Benennung"}
    assert [(t.text, t.lang) for t in c.terms] == [("", "de")]  # an empty term stays, for the lint to report


@pytest.mark.parametrize("name,content", [
    ("deepl.csv", 'open cluster,cúmulo abierto\n"galaxy, spiral",galaxia espiral\n\nsun,sol\n'),
    ("google.tsv", "open cluster\tcúmulo abierto\ngalaxy, spiral\tgalaxia espiral\n\nsun\tsol\n"),
])
def test_headerless_pairs_with_languages(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    glossary = load_glossary(path, source_lang="en-US", target_lang="es")
    assert glossary.source_lang == "en"
    assert [(c.id, [(t.lang, t.text, t.status) for t in c.terms]) for c in glossary] == [
        ("row-1", [("en", "open cluster", Status.PREFERRED), ("es", "cúmulo abierto", Status.PREFERRED)]),
        ("row-2", [("en", "galaxy, spiral", Status.PREFERRED), ("es", "galaxia espiral", Status.PREFERRED)]),
        ("row-4", [("en", "sun", Status.PREFERRED), ("es", "sol", Status.PREFERRED)]),
    ]
    assert glossary.concepts[2].terms[0].origin.line == 4


@pytest.mark.parametrize("content", ["open cluster,cúmulo abierto\n", "sun,sol\nmoon,luna\n"])
def test_headerless_pairs_without_languages(tmp_path, content):
    path = tmp_path / "pairs.csv"
    path.write_text(content, encoding="utf-8")
    message = "headerless two-column glossary: give the languages with --source-lang and --target-lang"
    with pytest.raises(GlossaryError) as info:
        load_glossary(path, source_lang="en")
    assert str(info.value) == f"{path}:1: {message}"
    code, out, err = run_cli("glossary", "convert", path, tmp_path / "out.tbx")
    assert (code, out, err) == (2, "", f"error: {path}:1: {message}\n")
    assert not (tmp_path / "out.tbx").exists()


def test_two_language_codes_stay_a_header(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("en,pt-BR\nsun,sol\n", encoding="utf-8")
    [concept] = load_glossary(path).concepts
    assert [(t.lang, t.text) for t in concept.terms] == [("en", "sun"), ("pt", "sol")]
    # Named languages that differ from the first row make it data.
    assert len(load_glossary(path, source_lang="de", target_lang="fr")) == 2


def test_pairs_output_for_mt_vendors(tmp_path):
    source = tmp_path / "g.csv"
    source.write_text("concept,lang,term,status\n"
                      "sun,en,sun,admitted\nsun,en,Sol,preferred\nsun,en,day star,deprecated\n"
                      "sun,es,sol,preferred\nsun,es,astro rey,admitted\n"
                      "moon,en,moon,preferred\n"
                      "moon-es,es,luna,preferred\n", encoding="utf-8")
    out = tmp_path / "pairs.csv"
    code, _, err = run_cli("glossary", "convert", source, out, "--to", "pairs-csv",
                           "--source-lang", "en", "--target-lang", "es")
    assert (code, err) == (0, f"warning: {out}: pairs-csv leaves out 2 concepts without an accepted en and es term, "
                              "1 deprecated or superseded en term, 1 es term other than its concept's preferred one\n")
    # Preferred source first, deprecated left out, concepts without a target skipped.
    assert out.read_text(encoding="utf-8") == "Sol,sol\nsun,sol\n"
    assert [[t.text for t in c.terms] for c in load_glossary(out, "en", "es")] == [["Sol", "sol"], ["sun", "sol"]]

    code, _, _ = run_cli("glossary", "convert", source, tmp_path / "pairs.tsv", "--to", "pairs-tsv",
                         "--source-lang", "en", "--target-lang", "es")
    assert code == 0 and (tmp_path / "pairs.tsv").read_text(encoding="utf-8") == "Sol\tsol\nsun\tsol\n"


def test_pairs_of_a_glossary_with_other_languages_say_what_they_leave_out(tmp_path):
    source = tmp_path / "g.csv"
    source.write_text("concept,lang,term\nsun,en,sun\nsun,es,sol\nsun,de,Sonne\n", encoding="utf-8")
    out = tmp_path / "pairs.csv"
    out.write_text("replaced\n", encoding="utf-8")
    code, _, err = run_cli("glossary", "convert", source, out, "--to", "pairs-csv", "--source-lang", "en",
                           "--target-lang", "es")
    assert (code, err) == (0, f"warning: {out}: pairs-csv leaves out 1 term in other languages (de)\n")
    assert out.read_text(encoding="utf-8") == "sun,sol\n"


def test_bad_status_in_tbx_stops_convert(tmp_path):
    source = tmp_path / "bad.tbx"
    source.write_text('<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" xml:lang="en"><text><body>\n'
                      '<conceptEntry id="a"><langSec xml:lang="de"><termSec><term>x</term>\n'
                      '<termNote type="administrativeStatus">bestTerm-admn-sts</termNote>\n'
                      '</termSec></langSec></conceptEntry></body></text></tbx>\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    code, out_text, err = run_cli("glossary", "convert", source, out)
    assert (code, out_text) == (2, "")
    assert err == (f"error: {source}:4: unknown administrativeStatus 'bestTerm-admn-sts' (valid: preferred (or "
                   "preferredTerm-admn-sts, preferredTerm, standardizedTerm, standardizedTerm-admn-sts), admitted (or "
                   "admittedTerm-admn-sts, admittedTerm, legalTerm, regulatedTerm), deprecated (or "
                   "deprecatedTerm-admn-sts, deprecatedTerm), superseded (or supersededTerm-admn-sts, supersededTerm))\n")
    assert not out.exists()


def test_unwritable_text_fails_without_touching_the_output(tmp_path):
    source = tmp_path / "g.csv"
    source.write_text("concept,lang,term\nbell,en,ring\x07\n", encoding="utf-8")
    out = tmp_path / "out.tbx"
    out.write_text("old", encoding="utf-8")
    code, _, err = run_cli("glossary", "convert", source, out)
    assert code == 2
    assert err.startswith(f"error: {out}: concept 'bell' cannot be written as XML: ")
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv", "out.tbx"]


@pytest.mark.parametrize("existing", [None, "old contents\n"])
def test_a_convert_that_dies_midway_leaves_no_partial_file(tmp_path, monkeypatch, existing):
    from mtcheck.glossary import csvwriter

    source = tmp_path / "in.tbx"
    source.write_text(TBX2, encoding="utf-8")
    out = tmp_path / "out.csv"
    if existing is not None:
        out.write_text(existing, encoding="utf-8")
    real_rows, written = csvwriter._long_rows, []

    def rows_then_full_disk(concept):
        if written:
            raise OSError(28, "No space left on device")
        written.append(concept.id)
        return real_rows(concept)

    monkeypatch.setattr(csvwriter, "_long_rows", rows_then_full_disk)
    code, _, err = run_cli("glossary", "convert", source, out)
    assert (code, err) == (2, f"error: {out}: cannot write: No space left on device; the file is as it was\n")
    assert written == ["open-cluster"]  # it did fail in the middle of writing
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.tbx"] + (["out.csv"] if existing else []))
    if existing is not None:
        assert out.read_text(encoding="utf-8") == existing


def test_missing_output_folder_is_one_line(tmp_path):
    source = tmp_path / "g.csv"
    source.write_text("concept,lang,term\na,en,sun\n", encoding="utf-8")
    out = tmp_path / "no" / "such" / "g.tbx"
    code, _, err = run_cli("glossary", "convert", source, out)
    assert (code, err) == (2, f"error: {out}: cannot write: no such directory\n")


def test_output_format_must_be_known(tmp_path):
    source = tmp_path / "g.csv"
    source.write_text("concept,lang,term\na,en,sun\n", encoding="utf-8")
    code, _, err = run_cli("glossary", "convert", source, tmp_path / "g.json")
    assert code == 2
    assert err == (f"error: {tmp_path / 'g.json'}: cannot tell the glossary format from the file name "
                   "(give --to: tbx2, tbx3, csv, tsv, pairs-csv, pairs-tsv)\n")
