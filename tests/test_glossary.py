"""Glossaries: TBX written by others, CSV/TSV shapes, the glossary lint, load errors."""
from __future__ import annotations

import pytest

from mtcheck.errors import GlossaryError
from mtcheck.glossary import load_glossary
from mtcheck.glossary.validate import validate
from mtcheck.matching import Matcher
from mtcheck.model import Segment, Status, TermKind

# TBX-Basic v2 as other tools write it: xml:lang per langSet, a DOCTYPE, ntig and tig,
# administrativeStatus termNotes, descrip at entry level.
THIRD_PARTY_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic-V1" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>exported</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="skilful-mm">
      <descrip type="subjectField">politics</descrip>
      <langSet xml:lang="en"><tig><term>skilful mass mobilisation</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
      <langSet xml:lang="de-DE">
        <ntig><termGrp><term>geschickte Massenmobilisierung</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
        <tig><term>gekonnte Massenmobilisierung</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <tig><term>fachkundige Massenmobilisierung</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="no"><tig><term>dyktig massemobilisering</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>faglært massemobilisering</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
      <langSet xml:lang="tr"><tig><term>Becerikli Kitle Seferberliği</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>Nitelikli Kitle Seferberliği</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

TEXTS = {
    "de": "Modelle der „Fachkundigen Massenmobilisierung“ und der geschickten Massenmobilisierungsarbeit",
    "nb": "emuleringsbevegelsen «Faglært massemobilisering» og «dyktig massemobilisering»",
    "tr": "\"NİTELİKLİ KİTLE SEFERBERLİĞİ\" ve Becerikli Kitle Seferberliğinin",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_third_party_tbx_works_like_the_shipped_one(tmp_path, glossary, lang):
    path = tmp_path / "theirs.tbx"
    path.write_text(THIRD_PARTY_TBX, encoding="utf-8")
    theirs = load_glossary(path)
    assert theirs.source_lang == "en"
    assert {t.lang for t in theirs.concepts[0].terms} == {"en", "de", "nb", "tr"}
    segment = Segment(TEXTS[lang], "t", 1, lang=lang)

    def seen(g):
        return [(m.text, m.term.text.casefold(), m.term.status) for m in Matcher(g).matches(segment)
                if m.concept.id in ("skilful-mm", "dan-van-kheo")]

    assert len(seen(theirs)) == 2
    assert seen(theirs) == seen(glossary)
    assert any(status is Status.DEPRECATED for _, _, status in seen(theirs))


def test_tbx_v3_with_namespace_and_term_types(tmp_path):
    path = tmp_path / "v3.tbx"
    path.write_text("""<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
 <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
 <text><body><conceptEntry id="c1"><descrip type="definition">A front.</descrip>
  <langSec xml:lang="vi"><termSec><term>Mặt trận Tổ quốc</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
   <termNote type="termType">shortForm</termNote></termSec>
   <termSec><term>MTTQ</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
   <termNote type="x-mtcheck-match">case-sensitive exact</termNote></termSec></langSec>
 </conceptEntry></body></text></tbx>""", encoding="utf-8")
    [concept] = load_glossary(path).concepts
    short, abbreviation = concept.terms
    assert concept.definition == "A front."
    assert short.kind is TermKind.SHORT and short.status is Status.PREFERRED
    assert abbreviation.status is Status.SUPERSEDED and abbreviation.case_sensitive and abbreviation.exact


def test_csv_one_term_per_row(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status,options\n"
                    "dvk,de,geschickte Massenmobilisierung,preferred,\n"
                    "dvk,de,fachkundige Massenmobilisierung,deprecated,\n"
                    "gpmb,vi,GPMB,admitted,case-sensitive\n", encoding="utf-8")
    g = load_glossary(path)
    assert [c.id for c in g] == ["dvk", "gpmb"]
    assert g.concepts[0].preferred("de").text == "geschickte Massenmobilisierung"
    assert g.concepts[1].terms[0].case_sensitive
    assert g.concepts[0].terms[1].origin.line == 3


def test_tsv_one_concept_per_row(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("id\ten\tde\tno\n"
                    "dvk\tskilful mass mobilisation\tgeschickte Massenmobilisierung|gekonnte Massenmobilisierung\tdyktig massemobilisering\n",
                    encoding="utf-8")
    [concept] = load_glossary(path).concepts
    assert concept.preferred("de").text == "geschickte Massenmobilisierung"
    assert [t.status for t in concept.terms_in("de")] == [Status.PREFERRED, Status.ADMITTED]
    assert concept.preferred("nb").text == "dyktig massemobilisering"


@pytest.mark.parametrize("content,line,message", [
    ("concept,lang,term,status\ndvk,de,x,preferred\ndvk,de,y\n", 3, "expected 4 fields, found 3"),
    ("concept,lang,term,status\ndvk,de,x,favourite\n", 2, "unknown status 'favourite' (valid: preferred (or "
     "preferredTerm-admn-sts, preferredTerm, standardizedTerm, standardizedTerm-admn-sts), admitted (or "
     "admittedTerm-admn-sts, admittedTerm, legalTerm, regulatedTerm), deprecated (or deprecatedTerm-admn-sts, "
     "deprecatedTerm), superseded (or supersededTerm-admn-sts, supersededTerm))"),
    ("concept,lang,term,status\ndvk,,x,preferred\n", 2, "missing language code"),
    ("concept,lang,term,options\ndvk,de,x,loud\n", 2, "unknown term option 'loud' (known: case-sensitive, case-insensitive, exact)"),
])
def test_malformed_csv_names_file_and_line(tmp_path, content, line, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert str(info.value) == f"{path}:{line}: {message}"


def test_malformed_tbx_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_text('<?xml version="1.0"?>\n<martif>\n<text><body>\n<termEntry id="a">\n</body></text></martif>\n')
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert str(info.value).startswith(f"{path}:5: malformed XML")


def test_tbx_with_entities_is_refused_without_reading_them(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("geschickte Massenmobilisierung")
    path = tmp_path / "xxe.tbx"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                    '<martif><text><body><termEntry id="a"><langSet xml:lang="de"><tig><term>&x;</term>'
                    '</tig></langSet></termEntry></body></text></martif>\n')
    with pytest.raises(GlossaryError, match="entity declarations are not allowed"):
        load_glossary(path)


def test_unknown_status_in_tbx(tmp_path):
    path = tmp_path / "s.tbx"
    path.write_text('<martif><text><body><termEntry id="a"><langSet xml:lang="de"><tig><term>x</term>\n'
                    '<termNote type="administrativeStatus">bestTerm</termNote></tig></langSet></termEntry>'
                    '</body></text></martif>')
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert str(info.value) == (f"{path}:2: unknown administrativeStatus 'bestTerm' (valid: preferred (or "
                               "preferredTerm-admn-sts, preferredTerm, standardizedTerm, standardizedTerm-admn-sts), "
                               "admitted (or admittedTerm-admn-sts, admittedTerm, legalTerm, regulatedTerm), deprecated "
                               "(or deprecatedTerm-admn-sts, deprecatedTerm), superseded (or supersededTerm-admn-sts, "
                               "supersededTerm))")


def test_validate_reports_each_problem_with_its_line(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status\n"
                    "a,de,Front,preferred\n"          # 2
                    "a,de,front,deprecated\n"         # 3: both preferred and deprecated
                    "b,de,Massenmobilisierung,preferred\n"
                    "a,tr,İl,preferred\n"
                    "c,tr,il,admitted\n"              # 6: same Turkish term under two concepts
                    "c,de,,admitted\n"                # 7: empty
                    "c,de,x,preferred\n"
                    "c,de,y,preferred\n", encoding="utf-8")  # 9: two preferred
    problems = [str(p) for p in validate(load_glossary(path))]
    assert problems == [
        f"{path}:3: term 'front' (de) is both preferred and deprecated in concept 'a'",
        f"{path}:6: term 'il' (tr, matching the same text as 'İl') is in concepts 'a' and 'c': the text or its "
        "source must tell them apart",
        f"{path}:7: empty term in concept 'c' (de)",
        f"{path}:9: concept 'c' has 2 preferred terms in de: 'x', 'y'",
    ]


def test_validate_duplicate_concept_ids(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text('<martif><text><body>\n<termEntry id="a"/>\n<termEntry id="a"/>\n</body></text></martif>')
    assert [str(p) for p in validate(load_glossary(path))] == [f"{path}:3: duplicate concept id 'a' (first at {path}:2)"]


def test_shipped_glossary_is_clean_and_complete(glossary):
    assert validate(glossary) == []
    required = {"dan-van-kheo", "dan-van", "phong-trao-thi-dua", "mat-tran-to-quoc", "dan-chu-o-co-so",
                "giai-phong-mat-bang", "ban-dan-van"}
    concepts = {c.id: c for c in glossary}
    assert required <= set(concepts)
    for concept_id in required:
        concept = concepts[concept_id]
        assert concept.note
        for lang in ("vi", "en", "de", "nb", "tr"):
            preferred = [t for t in concept.terms_in(lang) if t.status is Status.PREFERRED]
            assert len(preferred) == 1, (concept_id, lang)


QUALIFIED = ("concept,lang,term,status,note\n"
             "sched,en,schedule (a Pod onto a node),preferred,\n"
             "sched,pt,alocação,preferred,\n"
             "bank,en,bank (finance),preferred,money kept\n"
             "ip,en,Internet Protocol (IP),preferred,\n"
             "account,zh,账户（会计）,preferred,\n")


def test_a_qualifier_in_parentheses_is_no_words_of_the_term(tmp_path):
    """"schedule (a Pod onto a node)" says which sense of "schedule" the glossary means; a
    text writes "schedule": the term is matched without its qualifier, which stays as the
    start of its note. "(IP)", one word in capitals, is the name's abbreviation, written in
    the text as the glossary writes it: that term stays whole."""
    path = tmp_path / "g.csv"
    path.write_text(QUALIFIED, encoding="utf-8")
    glossary = load_glossary(path)
    by_id = {c.id: c for c in glossary}
    schedule, bank, ip = (by_id[c].preferred("en") for c in ("sched", "bank", "ip"))
    assert (schedule.text, schedule.note) == ("schedule", "(a Pod onto a node)")
    assert (bank.text, bank.note) == ("bank", "(finance) money kept")
    assert ip.text == "Internet Protocol (IP)"
    assert [(t.text, t.note) for t in by_id["account"].terms] == [("账户", "(会计)")]  # full-width, no space
    segment = Segment("We schedule the Pod; the bank pays over the Internet Protocol (IP).", "t.txt", 1, lang="en")
    found = {m.concept.id: m.text for m in Matcher(glossary).matches(segment)}
    assert found.keys() == {"sched", "bank", "ip"} and (found["sched"], found["bank"]) == ("schedule", "bank")


def test_a_tbx_terms_qualifier_is_read_alike(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text("""<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
 <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
 <text><body><conceptEntry id="port"><langSec xml:lang="en"><termSec><term>port (network)</term></termSec>
  <termSec><term>port</term></termSec></langSec></conceptEntry></body></text></tbx>""", encoding="utf-8")
    [concept] = load_glossary(path).concepts
    assert [(t.text, t.note) for t in concept.terms] == [("port", "(network)")]
