"""Renderings the glossary does not know: `mtcheck discover`, GL006, and the signals behind them.

The acceptance case: with a glossary that holds only the preferred and admitted renderings of
'Dân vận khéo', discover on the seeds must find the renderings of that concept that the seed
articles 001 (Norwegian) and 002 (German) use and the glossary does not know. The list below
comes from reading the two articles.
"""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from mtcheck.discovery import Discoverer
from mtcheck.glossary import load_glossary, write_glossary
from mtcheck.glossary.shipped import shipped_glossary
from mtcheck.language.tagger import tagger_for
from mtcheck.model import Concept, Glossary, Segment, Status, Term
from tests.conftest import SEEDS, run_cli

CONCEPT = "dan-van-kheo"
NORWEGIAN, GERMAN = "001_f8ee477c81dbbf1d.txt", "002_05a2dbefffaaf20c.txt"

# Every distinct rendering of 'Dân vận khéo' in 001 and 002 that is neither its preferred nor an
# admitted term (inflected forms of one rendering are one rendering).
UNKNOWN_IN_SEEDS = {
    (GERMAN, "Fachkundige Massenmobilisierung"): {"fachkundige massenmobilisierung", "fachkundigen massenmobilisierung"},
    (GERMAN, "Fachkräftemobilisierung"): {"fachkräftemobilisierung"},
    (GERMAN, "Kompetenter Öffentlicher Dienst"): {"kompetenter öffentlicher dienst"},
    (GERMAN, "Mobilisierung qualifizierter Massen"): {"mobilisierung qualifizierter massen"},
    (GERMAN, "qualifizierte Massenmobilisierung"): {"qualifizierte massenmobilisierung",
                                                    "qualifizierten massenmobilisierung"},
    (GERMAN, "intelligente Massenmobilisierung"): {"intelligente massenmobilisierung",
                                                   "intelligenten massenmobilisierung"},
    (GERMAN, "Skilled Mass Mobilization"): {"skilled mass mobilization"},
    (GERMAN, "Smart Mass Mobilization"): {"smart mass mobilization"},
    (GERMAN, "Smart Civil Affairs"): {"smart civil affairs"},
    (GERMAN, "intelligente zivile Angelegenheiten"): {"intelligente zivile angelegenheiten"},
    (GERMAN, "geschickte Zivilverwaltung"): {"geschickte zivilverwaltung", "geschickten zivilverwaltung"},
    (GERMAN, "geschickter öffentlicher Dienst"): {"geschickter öffentlicher dienst", "geschickten öffentlichen dienst"},
    (NORWEGIAN, "Faglært massemobilisering"): {"faglært massemobilisering"},
    (NORWEGIAN, "Skilled Mass Mobilization"): {"skilled mass mobilization"},
}


def accepted_only(glossary: Glossary, concept_id: str) -> Glossary:
    """The glossary with only the preferred and admitted terms of one concept."""
    concepts = tuple(dataclasses.replace(c, terms=tuple(t for t in c.terms if t.status.accepted))
                     if c.id == concept_id else c for c in glossary)
    return dataclasses.replace(glossary, concepts=concepts)


@pytest.fixture(scope="module")
def reduced(tmp_path_factory):
    path = tmp_path_factory.mktemp("glossary") / "reduced.tbx"
    write_glossary(accepted_only(load_glossary(shipped_glossary()), CONCEPT), path, "tbx3")
    return path


def precision_recall(candidates: list[dict], expected: dict) -> tuple[float, float, list, list]:
    """Over the candidates for the concept with a place in the expected files."""
    files = {name for name, _ in expected}
    found, wrong = set(), []
    for candidate in candidates:
        if candidate["concept"] != CONCEPT or not candidate["accepted"]:
            continue
        for name in {o["path"].rsplit("/", 1)[-1] for o in candidate["occurrences"]} & files:
            forms = {f.casefold() for f in candidate["forms"]}
            hits = {key for key, spellings in expected.items() if key[0] == name and forms & spellings}
            found |= hits
            if not hits:
                wrong.append((name, candidate["text"]))
    judged = len(found) + len(wrong)
    return (len(found) / judged if judged else 0.0), len(found) / len(expected), sorted(set(expected) - found), wrong


def test_discover_finds_the_unknown_renderings_in_the_seeds(reduced):
    code, out, err = run_cli("discover", SEEDS, "-g", reduced, "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    precision, recall, missed, wrong = precision_recall(report["candidates"], UNKNOWN_IN_SEEDS)
    assert recall >= 0.9, missed
    assert precision >= 0.8, wrong
    assert report["mt_signal"] is None
    # "rydding av tomter (GPMB)": a foreign term glossed in brackets is allowed, as in GL003.
    assert "GPMB" not in {c["text"] for c in report["candidates"]}


def test_each_candidate_carries_its_evidence(reduced):
    _, out, _ = run_cli("discover", SEEDS / GERMAN, "-g", reduced, "--format", "json", "-l", "de")
    by_text = {c["text"]: c for c in json.loads(out)["candidates"]}
    fachkundige = by_text["Fachkundige Massenmobilisierung"]
    # 'Massenmobilisierung' is mass mobilisation, on which the glossary builds the concept's term.
    assert {e["signal"] for e in fachkundige["evidence"]} >= {"structure", "slot", "quoted"}
    assert fachkundige["forms"] == {"Fachkundige Massenmobilisierung": 3, "Fachkundigen Massenmobilisierung": 1}
    assert fachkundige["preferred"] == "geschickte Massenmobilisierung"
    assert all("Massenmobilisierung" in o["context"] for o in fachkundige["occurrences"])
    smart = by_text["Smart Civil Affairs"]
    assert smart["written_in"] == "en" and "foreign" in {e["signal"] for e in smart["evidence"]}
    skilled = by_text["Skilled Mass Mobilization"]
    assert skilled["untranslated"] and skilled["evidence"][0]["signal"] == "untranslated"
    # Quoted names in the same slots that render nothing of the glossary stay below the threshold.
    assert "Katholiken ohne Drogensüchtige und soziale Übel" not in by_text


def test_the_threshold_trades_recall_for_precision(reduced):
    def accepted(*args):
        _, out, _ = run_cli("discover", SEEDS, "-g", reduced, "--format", "json", *args)
        return {c["text"] for c in json.loads(out)["candidates"] if c["accepted"] and c["concept"] == CONCEPT}

    default, strict, loose = accepted(), accepted("--threshold", "0.8"), accepted("--threshold", "0.3")
    assert strict < default < loose
    _, out, _ = run_cli("discover", SEEDS, "-g", reduced, "--format", "json", "--all")
    listed = json.loads(out)["candidates"]
    assert any(not c["accepted"] for c in listed)


DUTCH = """\
Hanoi: vijftien jaar emulatiebeweging „Bekwame massamobilisatie“
De emulatiebeweging „Bekwame massamobilisatie“ werd in 2009 door het Centraal Comité voor Massamobilisatie gelanceerd en is sindsdien in alle wijken uitgerold.
Volgens het stadscomité heeft de emulatiebeweging „Slimme massamobilisatie“ duizenden modellen opgeleverd die door de partijcomités zijn erkend.
In 2023 organiseerde de stad de wedstrijd „Vakkundige massamobilisatie“, en in 2024 opnieuw de wedstrijd „Gekwalificeerde massamobilisatie“ op stadsniveau.
Typische modellen van „professionele massamobilisatie“ helpen boeren om grond te doneren voor de aanleg van wegen.
Het boek „Mobilisatie van gekwalificeerde massa's“ verzamelt typische voorbeelden uit de hoofdstad.
De emulatiebeweging „Skilled Mass Mobilization“ heeft alle gebieden van het maatschappelijk leven doordrongen.
Veel modellen van „Smart Civil Affairs“ in de veiligheidssector werden met succes uitgevoerd.
Daarnaast werden de modellen „Veilige schoolpoorten“ en „Wijken zonder criminaliteit“ in veel wijken uitgevoerd.
De afdeling werkt met een modern „One-Stop“-loket voor burgers en bedrijven.
De stad zet de campagne „Het hele volk verenigt zich om nieuwe plattelandsgebieden te bouwen“ voort.
Het comité voor massamobilisatie coördineert de massamobilisatie in de districten.
De wedstrijd „Bekwame massamobilisatie“ 2024 was een hoogtepunt van het werk van de stad.
Dankzij intelligente massamobilisatie stemden de bewoners in met de verbreding van de weg.
De krant schreef over „Groene, schone en mooie straten“ in de hoofdstad.
"""

# A glossary entry for the concept in Dutch alone.
DUTCH_GLOSSARY = ("concept,lang,term,status\n"
                  f"{CONCEPT},nl,bekwame massamobilisatie,preferred\n"
                  f"{CONCEPT},nl,vakkundige massamobilisatie,admitted\n")

UNKNOWN_IN_DUTCH = {
    ("nieuws.nl.txt", "Slimme massamobilisatie"): {"slimme massamobilisatie"},
    ("nieuws.nl.txt", "Gekwalificeerde massamobilisatie"): {"gekwalificeerde massamobilisatie"},
    ("nieuws.nl.txt", "professionele massamobilisatie"): {"professionele massamobilisatie"},
    ("nieuws.nl.txt", "Mobilisatie van gekwalificeerde massa's"): {"mobilisatie van gekwalificeerde massa's"},
    ("nieuws.nl.txt", "Skilled Mass Mobilization"): {"skilled mass mobilization"},
    ("nieuws.nl.txt", "Smart Civil Affairs"): {"smart civil affairs"},
    ("nieuws.nl.txt", "intelligente massamobilisatie"): {"intelligente massamobilisatie"},
}


def test_discover_works_in_a_language_the_seeds_do_not_have(tmp_path):
    """Dutch, from a glossary entry in Dutch alone: no per-language list is involved."""
    text = tmp_path / "nieuws.nl.txt"
    text.write_text(DUTCH, encoding="utf-8")
    glossary = tmp_path / "nl.csv"
    glossary.write_text(DUTCH_GLOSSARY, encoding="utf-8")
    code, out, err = run_cli("discover", text, "-g", glossary, "-l", "nl", "--format", "json")
    assert code == 1, err
    precision, recall, missed, wrong = precision_recall(json.loads(out)["candidates"], UNKNOWN_IN_DUTCH)
    assert recall >= 0.9, missed
    assert precision >= 0.8, wrong


def test_write_glossary_adds_the_candidates_for_review(reduced, tmp_path):
    out_path = tmp_path / "reviewed.tbx"
    before = reduced.read_bytes()
    code, _, err = run_cli("discover", SEEDS / GERMAN, "-g", reduced, "-l", "de", "--write-glossary", out_path)
    assert code == 1 and "terms added (deprecated)" in err
    assert reduced.read_bytes() == before
    updated = {c.id: c for c in load_glossary(out_path)}[CONCEPT]
    added = {t.text: t for t in updated.terms_in("de") if t.note.startswith("found by mtcheck discover")}
    assert "Fachkundige Massenmobilisierung" in added and "intelligenten Massenmobilisierung" in added
    assert all(t.status is Status.DEPRECATED for t in added.values())
    assert "Skilled Mass Mobilization" not in {t.text for t in updated.terms}  # known in English already
    # With the reviewed glossary the same text shows these as deprecated renderings, not unknown ones.
    _, out, _ = run_cli("check", SEEDS / GERMAN, "-g", out_path, "-l", "de", "--format", "json")
    findings = json.loads(out)["findings"]
    assert any(f["rule"] == "GL001" and f["text"] == "Fachkundige Massenmobilisierung" for f in findings)
    assert not [f for f in findings if f["rule"] == "GL006" and "Massenmobilisierung" in f["text"]]
    code, _, _ = run_cli("discover", SEEDS / GERMAN, "-g", reduced, "-l", "de", "--write-glossary",
                         tmp_path / "admitted.csv", "--as", "admitted")
    admitted = {c.id: c for c in load_glossary(tmp_path / "admitted.csv")}[CONCEPT]
    assert any(t.status is Status.ADMITTED and t.note.startswith("found by") for t in admitted.terms)


def test_check_reports_unknown_renderings_with_their_evidence(reduced):
    code, out, _ = run_cli("check", SEEDS / GERMAN, "-g", reduced, "-l", "de", "--select", "GL006",
                           "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1
    fachkundige = [f for f in findings if f["text"] == "Fachkundige Massenmobilisierung"]
    assert len(fachkundige) == 3
    assert "may render 'Dân vận khéo'" in fachkundige[0]["message"]
    assert "Nachahmungsbewegung" in fachkundige[0]["message"]
    assert fachkundige[0]["suggestions"] == ["geschickte Massenmobilisierung"]
    assert fachkundige[0]["data"]["score"] >= 0.5
    assert not [f for f in findings if f["text"] == "Skilled Mass Mobilization"]  # GL003 reports these
    # An opt-in rule: not run unless selected, and `--select ALL` selects it.
    _, out, _ = run_cli("check", SEEDS / GERMAN, "-g", reduced, "-l", "de", "--format", "json")
    assert not [f for f in json.loads(out)["findings"] if f["rule"] == "GL006"]
    _, out, _ = run_cli("check", SEEDS / GERMAN, "-g", reduced, "-l", "de", "--format", "json", "--select", "ALL")
    assert len([f for f in json.loads(out)["findings"] if f["rule"] == "GL006"]) == len(findings)
    # The shipped glossary knows every rendering of the seeds: nothing is unknown there.
    _, out, _ = run_cli("check", SEEDS, "--select", "GL006", "--format", "json")
    assert json.loads(out)["findings"] == []


def discovered(glossary: Glossary, lang: str, text: str, everything: bool = False) -> dict:
    discoverer = Discoverer(glossary)
    for number, line in enumerate(text.splitlines(), 1):
        discoverer.add(Segment(line, "t.txt", number, lang=lang))
    return {c.form: c for c in (discoverer.candidates() if everything else discoverer.accepted())}


def test_a_new_head_is_another_thing(glossary):
    """„Kitle Seferberliği Davası" keeps the core of 'Becerikli Kitle Seferberliği' but changes
    its head (a cause, not a movement), so it is no candidate for the movement."""
    text = ('İl, "Becerikli Kitle Seferberliği" öykünme hareketini başlattı.\n'
            'Yoldaşlara "Kitle Seferberliği Davası İçin" madalyası verildi.\n'
            '"Akıllı Kitle Seferberliği" öykünme hareketi de sürüyor.\n')
    found = discovered(accepted_only(glossary, CONCEPT), "tr", text, everything=True)
    new_modifier, new_head = found["Akıllı Kitle Seferberliği"], found.get("Kitle Seferberliği Davası İçin")
    shares_core = {"core", "structure"}
    assert new_modifier.concept.id == CONCEPT and shares_core & {e.signal for e in new_modifier.evidence}
    assert new_head is None or new_head.concept.id != CONCEPT or not shares_core & {e.signal for e in new_head.evidence}


def test_unquoted_spans_must_have_the_shape_of_a_rendering(glossary):
    text = ("Die Demokratie an der Basis wächst. Demokratie und die Stärke des Volkes.\n"
            "Das Komitee für Massenmobilisierung tagt.\n")
    assert discovered(glossary, "de", text) == {}
    # Not even below the threshold: „Demokratie und die Stärke" has only the bounds of
    # „Demokratie an der Basis", and would come out with a score if that were enough.
    assert discovered(glossary, "de", text, everything=True) == {}


def test_candidates_score_alike_when_asked_twice(reduced):
    """The second round learns from the accepted candidates without keeping it: asking again
    gives the same candidates with the same scores."""
    discoverer = Discoverer(load_glossary(reduced))
    for number, line in enumerate((SEEDS / GERMAN).read_text(encoding="utf-8").splitlines(), 1):
        discoverer.add(Segment(line, GERMAN, number, lang="de"))

    def scored():
        return [(c.concept.id, c.form, c.score, c.evidence) for c in discoverer.candidates()]

    first = scored()
    assert first and scored() == first


def test_straight_quotes_pair_with_each_other_only():
    from mtcheck.discovery.text import TextAnalyser
    from mtcheck.language import analyzer_for

    analysed = TextAnalyser(analyzer_for("tr")).analyse(
        've "Nitelikli Kitle Seferberliği" öykünme hareketi Komitesi\'nin 2023\'teki 5" ekran')
    quoted = [" ".join(w.text for w in analysed.words[f:s]) for f, s in analysed.quotes]
    assert quoted == ["Nitelikli Kitle Seferberliği"]


def test_a_word_found_everywhere_marks_no_slot():
    from mtcheck.discovery.slots import Slots

    slots = Slots(compounding=True)
    slots.add_words("jahr", 40)
    slots.add_words("nachahmungsbeweg", 5)
    for _ in range(5):
        slots.add_rendering("c", ["nachahmungsbeweg", "jahr"])
    assert slots.evidence("c", ["jahr"]).specificity < 0.15
    assert slots.evidence("c", ["nachahmungsbeweg"]).specificity > 0.7
    assert slots.evidence("c", ["emulationsnachahmungsbeweg"]).word == "nachahmungsbeweg"  # a compound's head


def test_discover_runs_without_torch(reduced, tmp_path):
    """The MT signal is off, said once with --verbose; everything else is the same."""
    script = ("import sys; sys.modules['torch'] = None; sys.modules['transformers'] = None\n"
              "from mtcheck.cli import main\n"
              f"sys.exit(main(['discover', {str(SEEDS / GERMAN)!r}, '-g', {str(reduced)!r}, '-l', 'de', "
              "'--format', 'json', '-v', '--mt-model', 'Helsinki-NLP/opus-mt-de-en']))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("MT signal off") == 1
    assert "torch and transformers not installed" in result.stderr
    without = json.loads(result.stdout)
    _, out, _ = run_cli("discover", SEEDS / GERMAN, "-g", reduced, "-l", "de", "--format", "json")
    assert [c["text"] for c in without["candidates"]] == [c["text"] for c in json.loads(out)["candidates"]]


def test_the_mt_signal_runs_end_to_end_with_a_real_model(reduced, tiny_model, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    code, out, err = run_cli("discover", SEEDS / GERMAN, "-g", reduced, "-l", "de", "--format", "json", "-v",
                             "--mt-model", tiny_model, "--mt-lang", "en")
    assert code == 1, err
    assert "MT signal on" in err
    report = json.loads(out)
    assert report["mt_signal"] == str(tiny_model)
    translated = [c for c in report["candidates"] if "mt" in c]
    # Every German candidate went through the model; untranslated English ones need not.
    assert translated and all(isinstance(c["mt"], str) for c in translated)
    assert {c["text"] for c in translated} >= {"Fachkundige Massenmobilisierung", "Fachkräftemobilisierung"}
    code, _, err = run_cli("discover", SEEDS / GERMAN, "-g", reduced, "-l", "de", "--mt-model", tmp_path / "none")
    assert code == 2 and "error:" in err


@pytest.mark.parametrize("command", ["discover", "check"])
def test_the_same_output_under_any_hash_seed(reduced, tmp_path, command):
    """Sets iterate in an order that changes with PYTHONHASHSEED: ties between concepts, slot
    words and candidates must not follow it."""
    extra = ["--all"] if command == "discover" else ["--select", "GL006"]
    outputs = set()
    for seed in ("0", "1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-m", "mtcheck", command, str(SEEDS), "-g", str(reduced), "--format", "json", *extra],
            capture_output=True, timeout=300, env={**__import__("os").environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 1, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


FRENCH_GLOSSARY = """concept,lang,term,status
mouvement-habile,fr,mobilisation habile des masses,preferred
mouvement-habile,fr,mobilisation adroite des masses,admitted
mouvement-habile,en,skilful mass mobilisation,preferred
"""


def test_a_candidate_is_never_its_own_slot_evidence(tmp_path):
    """'jamais' stands only beside the candidate: once the candidate is accepted, its place is
    learned as the concept's, and must not then count as evidence for the candidate itself."""
    glossary_path = tmp_path / "fr.csv"
    glossary_path.write_text(FRENCH_GLOSSARY, encoding="utf-8")
    discoverer = Discoverer(load_glossary(glossary_path))
    lines = ["Le programme « Mobilisation habile des masses » a été lancé en mai.",
             "Du jamais vu : « Mobilisation intelligente des masses » partout."]
    for number, line in enumerate(lines, 1):
        discoverer.add(Segment(line, "article.fr.txt", number, lang="fr"))
    [candidate] = [c for c in discoverer.candidates() if c.form == "Mobilisation intelligente des masses"]
    assert candidate.score >= discoverer.threshold  # accepted, so its places were learned
    assert not [e for e in candidate.evidence if e.signal == "slot"], candidate.evidence


SPANISH_GLOSSARY = """concept,lang,term,status
masas,es,movilización de masas,preferred
masas,en,mass mobilisation,preferred
habil,es,movilización hábil de masas,preferred
habil,en,skilful mass mobilisation,preferred
"""


def test_a_known_renderings_words_in_another_form_order_or_with_another_modifier(tmp_path):
    """Without a quote or a second file: the same stems in another grammar („movilización
    masiva" for „movilización de masas"), the same words in another order, and — from the
    glossary's structure, where one concept's term is another's plus a modifier — the other's
    term with another modifier where the term has its modifier."""
    glossary_path = tmp_path / "es.csv"
    glossary_path.write_text(SPANISH_GLOSSARY, encoding="utf-8")
    text = ("La movilización masiva avanzó en la provincia.\n"
            "El premio Movilización de Masas Hábil fue entregado.\n"
            "Los dirigentes elogiaron la movilización de masas efectiva en los distritos.\n"
            "La movilización de masas sigue siendo una tarea clave.\n")
    found = discovered(load_glossary(glossary_path), "es", text, everything=True)
    signals = {form: (c.concept.id, {e.signal for e in c.evidence}) for form, c in found.items()}
    assert signals["movilización masiva"] == ("masas", {"variant"})
    assert signals["Movilización de Masas Hábil"][0] == "habil"
    assert {"reordered", "titled"} <= signals["Movilización de Masas Hábil"][1]
    assert signals["movilización de masas efectiva"][0] == "habil"
    assert "structure" in signals["movilización de masas efectiva"][1]
    # The known rendering itself, and the known rendering inside a longer phrase, are no candidates.
    assert not [f for f in found if f.casefold() == "movilización de masas"]
    assert found["movilización masiva"].score >= 0.5 and found["Movilización de Masas Hábil"].score >= 0.5


def test_a_derived_word_is_of_the_same_stem_and_a_chance_prefix_is_not():
    from mtcheck.discovery.parts import related, related_compound

    assert related("mas", "masow") and related("vlasteneck", "vlast") and related("ojczyzn", "ojczyźnian")
    assert not related("mobilizacj", "mas") and not related("de", "des") and not related("mas", "masowanieee")
    assert related_compound("tömegmozgósítás", "tömeges", "mozgósítás")
    assert not related_compound("tömegmozgósítás", "nagy", "mozgósítás")


SOFTWARE_GLOSSARY = """concept,lang,term,status
node,en,Node,preferred
node,es,Node,preferred
cluster,en,cluster,preferred
cluster,es,clúster,preferred
"""


def test_a_translation_of_a_term_the_glossary_keeps_as_it_is(tmp_path):
    """A Spanish software glossary keeps 'Node' in English: „nodo" in the text translates it.
    A word made from the term, a name written with a capital inside the sentence, and the
    term itself are no candidates; once is weaker than again and again."""
    glossary_path = tmp_path / "es.csv"
    glossary_path.write_text(SOFTWARE_GLOSSARY, encoding="utf-8")
    text = ("Cada nodo del clúster ejecuta los Pods.\n"
            "Si un nodo falla, el clúster mueve sus Pods a otro nodo.\n"
            "El Node se registra con la API; usa Nodex para ver los nodos.\n")
    found = discovered(load_glossary(glossary_path), "es", text, everything=True)
    nodo = found["nodo"]
    assert nodo.concept.id == "node" and [e.signal for e in nodo.evidence][0] == "cognate"
    assert nodo.score >= 0.5 and sum(c.count for form, c in found.items() if form.startswith("nodo")) == 4
    assert "Node" not in found and "Nodex" not in found
    once = discovered(load_glossary(glossary_path), "es", "Cada nodo del clúster ejecuta los Pods.\n", everything=True)
    assert once["nodo"].score < 0.5


def test_a_word_of_the_languages_own_is_no_term_kept_from_another(tmp_path):
    """The French „profit" and „source" are spelt as the German and English terms are, but
    they are French words, not terms the glossary keeps from another language: „projet" and
    „sorte", which look like them, translate nothing (as „nodo" translates the kept „Node")."""
    glossary_path = tmp_path / "fr.csv"
    glossary_path.write_text("concept,lang,term,status\ngain,en,gain,preferred\ngain,fr,profit,preferred\n"
                             "gain,de,Profit,preferred\nsource,en,source,preferred\nsource,fr,source,preferred\n",
                             encoding="utf-8")
    text = ("Le projet avance, et le profit de chaque projet aussi.\n"
            "Une sorte de fonds, une autre sorte de prêt : la source compte.\n")
    assert not discovered(load_glossary(glossary_path), "fr", text, everything=True)


BILINGUAL_GLOSSARY = """concept,lang,term,status
discount,en,discount,preferred
discount,pl,rabat,preferred
invoice,en,invoice,preferred
invoice,pl,faktura,preferred
"""
BILINGUAL_PO = """msgid ""
msgstr ""
"Language: pl\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Discount"
msgstr "Zniżka"

msgid "Discount amount"
msgstr "Kwota zniżki"

msgid "Print the invoice"
msgstr "Drukuj fakturę"

msgid "Invoice discount"
msgstr "Rabat faktury"

msgid "Apply a discount to the order"
msgstr "Zastosuj upust do zamówienia"
"""


def test_in_a_bilingual_file_the_target_words_where_the_source_term_stands(tmp_path):
    """The source says 'discount', the target has none of its terms: the words it has there,
    found again where the source says it again, are the rendering. A gap whose target has
    several free words and no second sighting says nothing."""
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text(BILINGUAL_GLOSSARY, encoding="utf-8")
    po = tmp_path / "ui.pl.po"
    po.write_text(BILINGUAL_PO, encoding="utf-8")
    code, out, err = run_cli("check", po, "-g", glossary_path, "--select", "GL006", "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1, err
    found = {(f["text"], f["concept"]) for f in findings}
    assert found == {("Zniżka", "discount"), ("zniżki", "discount")}
    assert all("the source has" in f["message"] and f["suggestions"] == ["rabat"] for f in findings)


def candidates_in(tmp_path, glossary: str, lang: str, text: str) -> dict:
    """Every candidate discover makes of the text, by form, with this glossary (CSV)."""
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text("concept,lang,term,status\n" + glossary, encoding="utf-8")
    return discovered(load_glossary(glossary_path), lang, text, everything=True)


def accepted_in(tmp_path, glossary: str, lang: str, text: str) -> dict:
    """The candidates at or above the default threshold, by form."""
    return {form: c for form, c in candidates_in(tmp_path, glossary, lang, text).items() if c.score >= 0.5}


def flagged_in(tmp_path, glossary: str, lang: str, text: str) -> set[tuple[str, str]]:
    """(form, concept) of each candidate at or above the default threshold."""
    return {(form, c.concept.id) for form, c in accepted_in(tmp_path, glossary, lang, text).items()}


def gl006_in_po(tmp_path, glossary: str, lang: str, pairs: list[tuple[str, str]],
                columns: str = "concept,lang,term,status") -> list[dict]:
    """GL006's findings in a PO file of these (source, target) pairs, with this glossary (CSV
    of these columns)."""
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text(columns + "\n" + glossary, encoding="utf-8")
    po = tmp_path / f"ui.{lang}.po"
    entries = "".join(f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in pairs)
    po.write_text(f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  + entries, encoding="utf-8")
    code, out, err = run_cli("check", po, "-g", glossary_path, "--select", "GL006", "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == (1 if findings else 0), err
    return findings


def test_the_rendering_is_the_word_found_where_the_term_is_and_seldom_elsewhere(tmp_path):
    """Every segment whose source says 'discount' also says 'edit', and so does the target
    ('bearbeiten'), more often than its rendering ('Rabatt', twice of three): but 'bearbeiten'
    stands in every other segment too, 'Rabatt' only there. The association, not the count,
    names the rendering."""
    findings = gl006_in_po(tmp_path, "discount,en,discount,preferred\ndiscount,de,Nachlass,preferred\n"
                           "invoice,en,invoice,preferred\ninvoice,de,Rechnung,preferred\n", "de", [
        ("Edit the discount", "Rabatt bearbeiten"),
        ("Edit the discount for all invoices", "Rabatt für alle Rechnungen bearbeiten"),
        ("Edit discount rules", "Regeln für Skonto bearbeiten"),
        ("Edit the invoice", "Rechnung bearbeiten"),
        ("Edit the customer", "Kunden bearbeiten"),
        ("Edit the order", "Auftrag bearbeiten"),
        ("Edit the tax", "Steuer bearbeiten"),
        ("Edit the settings", "Einstellungen bearbeiten"),
    ])
    found = sorted((f["text"], f["concept"]) for f in findings)
    assert found == [("Rabatt", "discount"), ("Rabatt", "discount")]


def test_a_label_that_is_the_term_alone_names_its_rendering_at_once(tmp_path):
    """A source label that is the term and nothing else ("Reconcile…"), translated by one run
    of words („Cuadrar…"): nothing else stands there for them to render, so once is enough.
    The same run once beside other source words ("Reconcile the account now" → „Cuadrar la
    cuenta ahora", "account" rendered by its term) is not: one of them may be what it says."""
    glossary = ("reconcile,en,reconcile,preferred\nreconcile,es,conciliar,preferred\n"
                "account,en,account,preferred\naccount,es,cuenta,preferred\n")
    label = gl006_in_po(tmp_path, glossary, "es", [("Reconcile…", "Cuadrar…"), ("Open the account", "Abrir la cuenta")])
    assert [(f["text"], f["concept"]) for f in label] == [("Cuadrar", "reconcile")]
    longer = gl006_in_po(tmp_path, glossary, "es", [("Reconcile the account now", "Cuadrar la cuenta ahora"),
                                                     ("Open the account", "Abrir la cuenta")])
    assert longer == []


def test_a_run_left_where_every_other_source_word_is_rendered_names_the_term_at_once(tmp_path):
    """"Rebalance Transaction" → „Cuadre de Asiento": 'Transaction' is rendered by its term, so
    „Cuadre" is all that is left for 'Rebalance', as for a label that is the term alone. Not
    where the source has the term in another form ("Rebalancing": a form may be a word of
    another sense), nor where a word the source says is left unrendered: "Keep", a stop word
    to the English list but a verb here, may be what „Conservar" says."""
    glossary = ("rebalance,en,rebalance,preferred\nrebalance,es,reequilibrar,preferred\n"
                "transaction,en,transaction,preferred\ntransaction,es,asiento,preferred\n"
                "order,en,order,preferred\norder,es,pedido,preferred\n"
                "invoice,en,invoice,preferred\ninvoice,es,factura,preferred\n")
    filler = [("Open the transaction", "Abrir el asiento")]
    said = gl006_in_po(tmp_path, glossary, "es", [("Rebalance Transaction", "Cuadre de Asiento")] + filler)
    assert [(f["text"], f["concept"]) for f in said] == [("Cuadre", "rebalance")]
    assert gl006_in_po(tmp_path, glossary, "es", [("Rebalancing Transaction", "Cuadre de Asiento")] + filler) == []
    if tagger_for("en") is not None:
        assert gl006_in_po(tmp_path, glossary, "es", [("Keep normal invoice order", "Conservar la factura normal")]
                           + filler) == []


def test_a_noun_term_in_the_plural_leaves_its_run_as_the_term_as_written_does(tmp_path):
    """"Account Subtotals" → „Teilsummen des Kontos": 'Subtotals' is the noun term with the
    plural's ending (a tagger reads it as a noun), 'Account' is „Kontos", so „Teilsummen" is
    what the target has for it. A verb's form is no such plural: "Clears Account", the verb
    of a term the glossary gives no part of speech, as a tagger reads it, nor "Unstaged
    Account", a form of a term the glossary calls a verb."""
    if tagger_for("en") is None:
        pytest.skip("no English tagger")
    glossary = ("subtotal,en,subtotal,preferred,noun\nsubtotal,de,Zwischensumme,preferred,noun\n"
                "account,en,account,preferred,noun\naccount,de,Konto,preferred,noun\n"
                "unstage,en,unstage,preferred,verb\nunstage,de,herausnehmen,preferred,verb\n"
                "clear,en,clear,preferred,\nclear,de,Ausgleich,preferred,\n")
    filler = [("Open the account", "Das Konto öffnen")]
    columns = "concept,lang,term,status,part_of_speech"
    plural = gl006_in_po(tmp_path, glossary, "de", [("Account Subtotals", "Teilsummen des Kontos")] + filler, columns)
    assert [(f["text"], f["concept"]) for f in plural] == [("Teilsummen", "subtotal")]
    assert gl006_in_po(tmp_path, glossary, "de", [("Unstaged Account", "Bereitgestelltes Konto")] + filler,
                       columns) == []
    assert gl006_in_po(tmp_path, glossary, "de", [("Clears Account", "Leert Konto")] + filler, columns) == []


def test_the_terms_words_in_another_order_where_the_source_says_the_term(tmp_path):
    """"Edit Scheduled Transaction" → „Edytuj zaplanowaną transakcję": the glossary says
    „Transakcja zaplanowana", and the target has its words in the other order. Alone that
    order may be a clause's; where the source says the term, it is what the target has for
    it. The same words where the source says only 'transaction' are not reported."""
    glossary = ("scheduled,en,Scheduled Transaction,preferred\nscheduled,pl,Transakcja zaplanowana,preferred\n"
                "transaction,en,transaction,preferred\ntransaction,pl,transakcja,preferred\n")
    filler = [("Open the file", "Otwórz plik")]
    said = gl006_in_po(tmp_path, glossary, "pl", [("Edit Scheduled Transaction", "Edytuj zaplanowaną transakcję")]
                       + filler)
    assert [(f["text"], f["concept"]) for f in said] == [("zaplanowaną transakcję", "scheduled")]
    assert "the source has 'Scheduled Transaction'" in said[0]["message"]
    assert "(the term's words in another order or form)" in said[0]["message"]
    unsaid = gl006_in_po(tmp_path, glossary, "pl", [("Edit the transaction", "Edytuj zaplanowaną transakcję")]
                         + filler)
    assert unsaid == []


def test_a_source_that_says_the_term_in_other_words_opens_its_gap(tmp_path):
    """"Owner of this Invoice" says the glossary's 'invoice owner', its words the other way
    round with function words between: „Mandant dieser Rechnung" renders 'Invoice' with its
    term, so „Mandant" is what the target has for the owner. A source with only one of the
    term's words ("Owner of this file") says no such thing."""
    glossary = ("invoice-owner,en,invoice owner,preferred\ninvoice-owner,de,Kunde,preferred\n"
                "invoice,en,invoice,preferred\ninvoice,de,Rechnung,preferred\n")
    filler = [("Open the invoice", "Rechnung öffnen")]
    said = gl006_in_po(tmp_path, glossary, "de", [("Owner of this Invoice", "Mandant dieser Rechnung")] + filler)
    assert [(f["text"], f["concept"]) for f in said] == [("Mandant", "invoice-owner")]
    assert gl006_in_po(tmp_path, glossary, "de", [("Owner of this file", "Mandant dieser Datei")] + filler) == []


def test_a_source_says_a_term_in_other_words_only_with_every_word_of_it(tmp_path):
    """"Levels of this account" has two words of 'top level account' in another order, not its
    'top' (a word a stop list holds): it says no top-level account, and „Ebenen" renders what
    it does say."""
    glossary = ("top,en,top level account,preferred\ntop,de,Oberkonto,preferred\n"
                "account,en,account,preferred\naccount,de,Konto,preferred\n")
    assert gl006_in_po(tmp_path, glossary, "de", [("Levels of this account", "Ebenen dieses Kontos"),
                                                   ("Open the account", "Konto öffnen")]) == []


def test_a_compound_terms_first_part_alone_is_no_form_of_the_term(tmp_path):
    """„Rechnung", the invoice's term, is the first part of „Rechnungsempfänger", the invoice
    owner's: a target that has it has the invoice, not the owner's term in another form, and
    „Mandant der Rechnung" is what it has for 'invoice owner'."""
    glossary = ("invoice-owner,en,invoice owner,preferred\ninvoice-owner,de,Rechnungsempfänger,preferred\n"
                "invoice,en,invoice,preferred\ninvoice,de,Rechnung,preferred\n")
    said = gl006_in_po(tmp_path, glossary, "de", [("Invoice owner", "Mandant der Rechnung"),
                                                   ("Open the invoice", "Rechnung öffnen")])
    assert [(f["text"], f["concept"]) for f in said] == [("Mandant der Rechnung", "invoice-owner")]


def test_a_target_that_keeps_the_source_term_renders_it_with_that_word(tmp_path):
    """The French glossary says „pré-commit" for 'index'; „Impossible de déverrouiller
    l'index." keeps the source's word, which no other run renders more surely, so once is
    enough. A word kept inside a name the target writes as the source does ("git-pull") is the
    name, and a run that says one word of a longer term ('Balance' of "Trial Balance") is not
    the term kept."""
    glossary = ("index,en,index,preferred\nindex,fr,pré-commit,preferred\n"
                "pull,en,pull,preferred\npull,fr,tirer,preferred\n"
                "trial,en,Trial Balance,preferred\ntrial,fr,balance de vérification,preferred\n")
    filler = [("Open the file", "Ouvrir le fichier")]
    kept = gl006_in_po(tmp_path, glossary, "fr", [("Unable to unlock the index.",
                                                   "Impossible de déverrouiller l'index.")] + filler)
    assert [(f["text"], f["concept"]) for f in kept] == [("index", "index")]
    assert "this stands there (the source's word kept)" in kept[0]["message"]
    named = gl006_in_po(tmp_path, glossary, "fr", [("Failed to configure simplified git-pull for '%s'.",
                                                    "Échec de la configuration simplifiée de git-pull pour '%s'.")]
                        + filler)
    assert named == []
    partial = gl006_in_po(tmp_path, glossary, "fr", [("Show the Trial Balance now", "Afficher la balance maintenant")]
                          + filler)
    assert partial == []


def test_one_han_character_is_a_word_and_its_rendering_may_be_one(tmp_path):
    """Chinese writes many words with one character (源, source; 云, cloud): "Price Source" →
    „价格源" and "Source" → „源" leave the glossary's 来源 out, and 源, the one word left in
    each, is what stands there for it. Function words of one character (的, 和) stay function
    words."""
    pytest.importorskip("icu4py")
    from mtcheck.discovery.text import TextAnalyser
    from mtcheck.language import analyzer_for

    analyser = TextAnalyser(analyzer_for("zh"))
    assert analyser.word("源")[1] and analyser.word("云")[1]
    assert not analyser.word("的")[1] and not analyser.word("和")[1]
    findings = gl006_in_po(tmp_path, "source,en,source,preferred\nsource,zh-CN,来源,preferred\n"
                           "price,en,price,preferred\nprice,zh-CN,价格,preferred\n", "zh_CN", [
        ("Price Source", "价格源"), ("Source", "源"), ("Open the file", "打开文件")])
    assert [(f["text"], f["concept"]) for f in findings] == [("源", "source")] * 2


def test_a_rendering_holding_another_concepts_term_is_no_kind_of_it_where_the_source_terms_say_not(tmp_path):
    """The Chinese glossary writes 'Cloud Provider' „云服务供应商", which holds 服务, its term
    for 'Service'; but the English terms do not build one on the other, so „Konnectivity 服务"
    (a service) is no cloud provider with another modifier."""
    pytest.importorskip("icu4py")
    glossary = ("service,en,Service,preferred\nservice,zh-CN,服务,preferred\n"
                "provider,en,Cloud Provider,preferred\nprovider,zh-CN,云服务供应商,preferred\n")
    text = ("集群使用云服务供应商的负载均衡器。\n"
            "Konnectivity 服务是对此通信通道的替代品。\n"
            "作为 SSH 隧道的替代方案，Konnectivity 服务提供 TCP 层的代理。\n")
    assert not any(concept == "provider" for _, concept in flagged_in(tmp_path, glossary, "zh-CN", text))


def test_a_compound_of_two_nouns_written_as_a_phrase_is_another_rendering(tmp_path):
    """„Speicher in der Cloud" is the glossary's „Cloud-Speicher" written as a phrase, head
    first: another rendering of cloud storage, though a link word stands between the words
    the term joins directly. A predicate is not such a phrase: in „Mobilisierung ist
    geschickt" the adjective says how the mobilisation is (German writes nouns with a capital,
    adjectives without)."""
    from mtcheck.discovery.engine import _concept_parts

    glossary = ("storage,en,cloud storage,preferred\nstorage,de,Cloud-Speicher,preferred\n"
                "skilful,en,skilful mobilisation,preferred\nskilful,de,Geschickte Mobilisierung,preferred\n")
    found = candidates_in(tmp_path, glossary, "de", "Ihre Dateien werden im Cloud-Speicher gesichert.\n"
                                                    "Dateien im Speicher in der Cloud synchronisieren.\n")
    phrase = found["Speicher in der Cloud"]
    assert phrase.concept.id == "storage" and phrase.score >= 0.5
    assert any("the known rendering 'Cloud-Speicher' written as a phrase" in e.detail for e in phrase.evidence)
    parts = _concept_parts(load_glossary(tmp_path / "g.csv"), "de")
    skilful, = parts.renderings["skilful"]
    storage, = parts.renderings["storage"]
    assert parts.compound_phrased(storage, "Speicher für die Cloud")
    assert not parts.compound_phrased(skilful, "Mobilisierung ist geschickt")
    assert not parts.compound_phrased(storage, "Cloud mit dem Speicher")  # the head first, as a phrase has it


def test_a_term_built_with_the_glossarys_word_for_one_of_its_words_is_another_rendering(tmp_path):
    """The Portuguese glossary says „gerenciador de controle de nuvem" for "Cloud Controller
    Manager" and „controlador" for "Controller": „gerenciador de controlador de nuvem" is the
    term built with the glossary's own word for its 'Controller', another rendering, though
    the stemmer keys „controle" and „controlador" alike. Where the glossary's „controlador"
    names nothing the term's words say, it is not."""
    text = "O cluster não possui um gerenciador de controlador de nuvem.\nO cluster tem um nó.\n"
    manager = ("manager,en,Cloud Controller Manager,preferred\nmanager,pt-br,gerenciador de controle de nuvem,preferred\n")
    found = candidates_in(tmp_path, manager + "controller,en,Controller,preferred\n"
                          "controller,pt-br,controlador,preferred\n", "pt-br", text)
    built = found["gerenciador de controlador de nuvem"]
    assert built.concept.id == "manager" and built.score >= 0.5
    assert any("with 'controlador', the glossary's term for 'Controller', for 'controle'" in e.detail
               for e in built.evidence)
    other = candidates_in(tmp_path, manager + "regulator,en,Regulator,preferred\n"
                          "regulator,pt-br,controlador,preferred\n", "pt-br", text)
    assert not any(c.concept.id == "manager" and c.score >= 0.5 for c in other.values())


def test_a_term_written_with_a_slash_is_rendered_by_words_a_slash_joins(tmp_path):
    """GnuCash's "Liability/Equity" is one term written with a slash; „Riesgo/Beneficio", the
    target's only words for it, are one rendering, as the Spanish term „pasivo/patrimonio"
    is one term. Where the source term has no slash ("Equity"), two words a slash joins are
    two things, and nothing says which renders it."""
    glossary = ("le,en,liabilities/equity,preferred\nle,es,pasivo/patrimonio,preferred\n"
                "equity,en,equity,preferred\nequity,es,patrimonio,preferred\n")
    filler = [("Open the file", "Abrir el archivo")]
    slashed = gl006_in_po(tmp_path, glossary, "es", [("_Liability/Equity", "_Riesgo/Beneficio")] + filler)
    assert [(f["text"], f["concept"]) for f in slashed] == [("Riesgo/Beneficio", "le")]
    single = gl006_in_po(tmp_path, glossary, "es", [("Equity", "Riesgo/Beneficio")] + filler)
    assert single == []


def test_a_variant_is_read_against_each_of_the_concepts_terms(tmp_path):
    """„API del servidor" has the words of both Spanish terms of the API server: against „API
    Server" it has a link word more (another thing joined to it), against „servidor de la
    API" it is the same words in the other order, a variant. Each term is tried."""
    glossary = ("api,en,API server,preferred\napi,es,API Server,preferred\n"
                "api,es,servidor de la API,admitted\n")
    found = candidates_in(tmp_path, glossary, "es", "La comunicación entre el API del servidor y el clúster.\n"
                                                    "El servidor de la API valida las solicitudes.\n")
    variant = found["API del servidor"]
    assert variant.concept.id == "api"
    assert any(e.signal == "reordered" and "'servidor de la API'" in e.detail for e in variant.evidence)


def test_chinese_renderings_are_words_and_another_concepts_term_may_be_one(tmp_path):
    """Discovery reads Chinese in the words a dictionary cuts (新建, 科目), not characters. The
    target says 科目 where the source says 'account' and the glossary says 会计科目: 科目 is the
    glossary's term for another concept, which the source does not have, so it is free to be
    the rendering, found wherever the source says 'account'."""
    pytest.importorskip("icu4py")
    findings = gl006_in_po(tmp_path, "account,en,account,preferred\naccount,zh-CN,会计科目,preferred\n"
                           "account-hierarchy,en,account hierarchy,preferred\naccount-hierarchy,zh-CN,科目,preferred\n"
                           "invoice,en,invoice,preferred\ninvoice,zh-CN,发票,preferred\n", "zh_CN", [
        ("New account", "新建科目"),
        ("Delete the account", "删除科目"),
        ("Open the account", "打开科目"),
        ("New invoice", "新建发票"),
        ("Delete the invoice", "删除发票"),
        ("Show the account hierarchy", "显示科目"),
    ])
    assert sorted((f["text"], f["concept"]) for f in findings) == [("科目", "account")] * 3
    assert all("会计科目" in f["suggestions"] for f in findings)


def test_a_name_the_texts_always_capitalise_translates_no_kept_term(tmp_path):
    """A French glossary keeps 'Kubelet' as it is; „Kubernetes", written with a capital every
    time and never in small letters, is a name, however much it looks like the term."""
    found = candidates_in(tmp_path, "kubelet,en,Kubelet,preferred\nkubelet,fr,Kubelet,preferred\n", "fr",
                          "Kubernetes démarre les conteneurs sur chaque machine.\n"
                          "Kubernetes surveille les machines du groupe.\n"
                          "Le Kubelet tourne sur chaque machine.\n")
    assert "Kubernetes" not in found or found["Kubernetes"].concept.id != "kubelet"


def test_a_target_word_that_repeats_another_source_word_renders_that_word(tmp_path):
    """„Normale" stands where the source says 'normal order' as often as „Reihenfolge" does,
    but it is the source's 'normal' again: the rendering of 'order' is „Reihenfolge"."""
    findings = gl006_in_po(tmp_path, "order,en,order,preferred\norder,de,Bestellung,preferred\n", "de", [
        ("Keep the normal order", "Normale Reihenfolge beibehalten"),
        ("Show the normal order", "Normale Reihenfolge anzeigen"),
    ])
    assert sorted(f["text"] for f in findings) == ["Reihenfolge", "Reihenfolge"]


def test_a_word_of_the_language_a_term_is_kept_from_translates_nothing(tmp_path):
    """A Spanish glossary keeps 'Service' in English: the English word „serving" in the text is
    English, not a Spanish translation of it; „servicios" may be one."""
    found = candidates_in(tmp_path, "service,en,Service,preferred\nservice,es,Service,preferred\n", "es",
                          "El modo serving del Service expone los Pods.\n"
                          "Active serving en el Service y revise los servicios.\n"
                          "Los servicios del clúster usan el Service.\n")
    assert "serving" not in found
    assert found["servicios"].concept.id == "service"


def test_words_joined_by_a_link_word_the_rendering_lacks_are_another_thing(tmp_path):
    """„Propaganda e Mobilização de Massas" names a department of propaganda and of mass
    mobilisation, „Comité de Mobilização de Massas" a committee: the conjunction or the
    preposition joins another thing to the concept, it does not make a kind of it as
    „Mobilização de Massas Eficaz" would."""
    found = candidates_in(tmp_path, "mass,en,mass mobilisation,preferred\nmass,pt,mobilização de massas,preferred\n"
                          "skilful,en,skilful mass mobilisation,preferred\n"
                          "skilful,pt,mobilização hábil de massas,preferred\n", "pt",
                          "O Departamento de Propaganda e Mobilização de Massas reuniu-se ontem.\n"
                          "O Comité de Mobilização de Massas da província também.\n"
                          "A Mobilização de Massas Eficaz é o movimento da província.\n")
    for joined in ("Propaganda", "Comité"):
        others = [c for form, c in found.items() if joined in form and c.concept.id == "skilful"]
        assert not any("structure" in {e.signal for e in c.evidence} for c in others)
    assert "structure" in {e.signal for e in found["Mobilização de Massas Eficaz"].evidence}


GERMAN_GLOSSARY = """concept,lang,term,status
masse,en,mass mobilisation,preferred
masse,de,Massenmobilisierung,preferred
geschickt,en,skilful mass mobilisation,preferred
geschickt,de,geschickte Massenmobilisierung,preferred
kommission,en,Mass Mobilisation Commission,preferred
kommission,de,Kommission für Massenmobilisierung,preferred
"""


def test_another_modifier_makes_a_kind_of_the_concept_and_another_head_another_thing(tmp_path):
    """„Effektive Massenmobilisierung" (an adjective written with a capital, as a name) may be
    skilful mass mobilisation, built on mass mobilisation with an adjective; „Abteilung für
    Massenmobilisierung" is no Mass Mobilisation Commission: that term adds a noun (the English
    terms, read by a part-of-speech tagger, say which), and a department is another thing."""
    pytest.importorskip("HanTa")
    glossary_path = tmp_path / "de.csv"
    glossary_path.write_text(GERMAN_GLOSSARY, encoding="utf-8")
    text = ("Die Provinz verbreitet die Bewegung der Effektiven Massenmobilisierung in allen Gemeinden.\n"
            "Die Abteilung für Massenmobilisierung der Armee berichtete über die Massenmobilisierung.\n")
    found = discovered(load_glossary(glossary_path), "de", text, everything=True)
    effective = found["Effektiven Massenmobilisierung"]
    assert effective.concept.id == "geschickt" and effective.score >= 0.5
    assert {"structure", "titled"} <= {e.signal for e in effective.evidence}
    department = found.get("Abteilung für Massenmobilisierung")
    assert department is None or department.score < 0.5


INDONESIAN_GLOSSARY = """massa,en,mass mobilisation,preferred
massa,id,mobilisasi massa,preferred
terampil,en,Skilful Mass Mobilisation,preferred
terampil,id,Mobilisasi Massa yang Terampil,preferred
"""


def test_a_phrase_quoted_whole_is_written_like_a_name(tmp_path):
    """Quotation marks around exactly the phrase mark a name where the language leaves it in
    small letters: 96 model „mobilisasi massa efektif" names the movement, built on mass
    mobilisation with another modifier; the same words unquoted, or inside a longer quotation,
    are mass mobilisation with an ordinary adjective."""
    quoted = ('Provinsi telah membangun 96 model "mobilisasi massa efektif" di semua desa.\n'
              'Gerakan "Mobilisasi Massa yang Terampil" terus berkembang.\n')
    named = candidates_in(tmp_path, INDONESIAN_GLOSSARY, "id", quoted)["mobilisasi massa efektif"]
    assert named.concept.id == "terampil" and named.score >= 0.5
    assert {"structure", "titled"} <= {e.signal for e in named.evidence}
    unquoted = ('Provinsi telah membangun 96 model mobilisasi massa efektif di semua desa.\n'
                'Gerakan "Mobilisasi Massa yang Terampil" terus berkembang.\n'
                'Ia berkata: "kami membangun mobilisasi massa efektif di desa".\n')
    plain = candidates_in(tmp_path, INDONESIAN_GLOSSARY, "id", unquoted).get("mobilisasi massa efektif")
    assert plain is None or "titled" not in {e.signal for e in plain.evidence} and plain.score < 0.5


CZECH_GLOSSARY = """mass,en,mass mobilisation,preferred
mass,cs,masová mobilizace,preferred
mass,cs,mobilizace mas,admitted
skilful,en,Skilful Mass Mobilisation,preferred
skilful,cs,Obratná masová mobilizace,preferred
"""


def test_the_renderings_core_in_a_phrase_quoted_whole_in_its_own_text(tmp_path):
    """„mobilizace lidu" (mobilisation of the people), quoted whole in an article, shares the
    core of the concept's renderings and is marked as a name: a rendering. In a bilingual
    segment the quotes are the source's (a label it refers to), not a name the writer gave."""
    lines = ['Provincie rozvíjí program "mobilizace lidu" ve všech obcích.',
             'Hnutí "Obratná masová mobilizace" pokračuje.', 'Masová mobilizace je důležitá.']
    named = candidates_in(tmp_path, CZECH_GLOSSARY, "cs", "\n".join(lines) + "\n")["mobilizace lidu"]
    assert named.concept.id == "mass" and named.score >= 0.5 and "titled" in {e.signal for e in named.evidence}
    discoverer = Discoverer(load_glossary(tmp_path / "g.csv"))
    sources = ['The province runs the "people mobilisation" programme in every commune.',
               'The "Skilful Mass Mobilisation" movement goes on.', 'Mass mobilisation matters.']
    for number, (line, source) in enumerate(zip(lines, sources), 1):
        discoverer.add(Segment(line, "ui.po", number, lang="cs", source=source, source_lang="en"))
    labelled = {c.form: c for c in discoverer.candidates()}.get("mobilizace lidu")
    assert labelled is None or "titled" not in {e.signal for e in labelled.evidence} and labelled.score < 0.5


def test_a_quoted_labels_capital_is_no_name_in_a_bilingual_segment(tmp_path):
    """A UI string quotes a label as its source does, and a label begins with a capital:
    „Repositorios recientes" (Recent Repositories) is no name there, so not the remote
    repository with another modifier, written like a name. In an article the same quoted
    capital marks a name."""
    glossary = ("repo,en,repository,preferred\nrepo,es,repositorio,preferred\n"
                "remote-repo,en,remote repository,preferred\nremote-repo,es,repositorio remoto,preferred\n")
    findings = gl006_in_po(tmp_path, glossary, "es", [('Open \\"Recent Repositories\\"', 'Abrir \\"Repositorios recientes\\"'),
                                                  ("Push to the remote repository", "Enviar al repositorio remoto")])
    assert findings == []
    article = candidates_in(tmp_path, glossary, "es", 'Abrí la lista "Repositorios recientes" ayer.\n'
                                                      "Envié todo al repositorio remoto.\n")
    assert "titled" in {e.signal for e in article["Repositorios recientes"].evidence}


def test_the_sources_own_words_kept_in_quotes_are_no_rendering(tmp_path):
    """A UI string that keeps the source's quoted words as they stand ("commit-msg hook", a
    hook's name) renders nothing in another language: they are the source's, not the orphan
    commit left in English with another modifier. An article quoting English words has no
    source to have kept them from."""
    glossary = ("orphan,en,orphan commit,preferred\norphan,de,verwaister Commit,preferred\n"
                "commit,en,commit,preferred\ncommit,de,Commit,preferred\nhook,en,hook,preferred\nhook,de,Hook,preferred\n")
    pairs = [('Calling \\"commit-msg hook\\"...', 'Aufrufen des \\"commit-msg hook\\"...'),
             ('Commit declined by the \\"commit-msg hook\\".', 'Commit vom \\"commit-msg hook\\" abgelehnt.'),
             ("Create an orphan commit", "Einen verwaisten Commit erstellen")]
    assert gl006_in_po(tmp_path, glossary, "de", pairs) == []
    article = candidates_in(tmp_path, glossary, "de", 'Aufrufen des "commit-msg hook".\n'
                                                      'Commit vom "commit-msg hook" abgelehnt.\n')
    assert "foreign" in {e.signal for e in article["commit-msg hook"].evidence}


def test_a_rendering_without_the_word_that_links_its_words(tmp_path):
    """„fournisseurs cloud" has the words of „fournisseur de cloud" but not the preposition
    that links them: another rendering. „fournisseur du cloud" (de with its article) is the
    term in another sentence, and so is an article left out (Italian „effettuare fusione")."""
    found = candidates_in(tmp_path, "provider,en,cloud provider,preferred\nprovider,fr,fournisseur de cloud,preferred\n",
                          "fr", "Chaque fournisseur de cloud propose des machines.\n"
                                "Les fournisseurs cloud facturent à l'heure.\n"
                                "Le fournisseur cloud gère le réseau ; le fournisseur du cloud répond.\n")
    unlinked = found["fournisseur cloud"]
    assert unlinked.concept.id == "provider" and unlinked.score >= 0.5
    assert sorted(o.text for o in unlinked.occurrences) == ["fournisseur cloud", "fournisseurs cloud"]
    assert "without its 'de'" in unlinked.evidence[0].detail
    assert not any("du cloud" in o.text for c in found.values() for o in c.occurrences)
    italian = candidates_in(tmp_path, "merge,en,merge,preferred\nmerge,it,effettuare la fusione,preferred\n", "it",
                            "Non è possibile effettuare fusione adesso.\nPuoi effettuare fusione dei rami.\n")
    assert not any(c.score >= 0.5 for c in italian.values())


def test_a_term_of_another_language_written_as_one_word(tmp_path):
    """„Apiserver" is the English 'API server' written as one word, no German rendering and not
    the glossary's kube-apiserver shortened; a word that only begins like it is not."""
    found = candidates_in(tmp_path, "api,en,API server,preferred\napi,en,kube-apiserver,admitted\n"
                          "api,de,kube-apiserver,preferred\n", "de",
                          "Der Apiserver prüft jede Anfrage.\nDer kube-apiserver läuft auf dem Knoten.\n"
                          "Die Apiserverlast steigt.\n")
    closed = found["Apiserver"]
    assert closed.concept.id == "api" and closed.score >= 0.5
    assert [e.detail for e in closed.evidence if e.signal == "closed"] == ["the en term 'API server' written as one word"]
    assert not any(c.score >= 0.5 for form, c in found.items() if form != "Apiserver")


def test_a_terms_initials_where_the_glossary_does_not_list_them(tmp_path):
    """'VFF' is the English term's initials and 'GPMB' the Vietnamese one's: renderings the
    glossary does not list. In brackets right after the term they define the abbreviation, as a
    gloss does (GL003 allows it); an abbreviation of nothing in the glossary is nothing."""
    glossary = ("front,en,Vietnam Fatherland Front,preferred\nfront,de,Vaterländische Front Vietnams,preferred\n"
                "gpmb,vi,giải phóng mặt bằng,preferred\ngpmb,de,Baufeldfreimachung,preferred\n")
    text = ("Die VFF tagte gestern in Hanoi.\nDie Vaterländische Front Vietnams (VFF) lud ein.\n"
            "Die GPMB verzögert sich, sagt die WHO.\n")
    found = candidates_in(tmp_path, glossary, "de", text)
    vff, gpmb = found["VFF"], found["GPMB"]
    assert (vff.concept.id, gpmb.concept.id) == ("front", "gpmb") and min(vff.score, gpmb.score) >= 0.5
    assert [o.location.line for o in vff.occurrences] == [1]
    assert [e.detail for e in vff.evidence if e.signal == "initials"] == \
        ["the en term 'Vietnam Fatherland Front' as its initials"]
    assert "WHO" not in found


def test_a_terms_initials_leave_its_function_words_out(tmp_path):
    """„code du compte" has the initials CC, not CDC: an abbreviation leaves the article and
    the preposition out, and „CDC" (the health agency, in news) is no rendering of it."""
    glossary = "code,en,account code,preferred\ncode,fr,code du compte,preferred\n"
    text = ("Les cas signalés aux CDC augmentent.\nLes CDC publient le code du compte rendu.\n"
            "Le code du compte est unique.\n")
    assert "CDC" not in candidates_in(tmp_path, glossary, "fr", text)


def test_a_kept_term_inflected_as_its_own_language_does_is_the_term(tmp_path):
    """The Spanish glossary keeps the English „Container Runtime": „Container Runtimes" and
    „container runtime's" are that term with an English plural and possessive, no variant."""
    glossary = "cr,en,Container Runtime,preferred\ncr,es,Container Runtime,preferred\n"
    text = ("Los Container Runtimes ejecutan los contenedores.\nEl Container Runtime arranca.\n"
            "La configuración del container runtime's socket.\nLos runtimes de contenedores varían.\n")
    found = {form: c for form, c in candidates_in(tmp_path, glossary, "es", text).items() if c.score >= 0.5}
    assert not any("Container Runtime" in form or "runtime's" in form for form in found)


def test_the_rendering_at_each_of_its_places_in_the_concepts_gaps(tmp_path):
    """'register' stands twice in one source and the target says „registro" twice: both are
    the rendering (the second is not the source's other word said again), and so is the
    „registro" of a long segment whose best run was another."""
    findings = gl006_in_po(tmp_path, "register,en,register,preferred\nregister,es,libro de cuentas,preferred\n"
                           "window,en,window,preferred\nwindow,es,ventana,preferred\n", "es", [
        ("Register Report", "Informe de registro"),
        ("Each new register opens in a window; each new register is saved.",
         "Cada registro nuevo se abre en una ventana; cada registro nuevo se guarda."),
        ("Open the register", "Abrir el registro"),
        ("Close the register and open the report", "Cerrar el registro y abrir el informe"),
        ("Print the report", "Imprimir el informe"),
    ])
    assert sorted(f["text"] for f in findings) == ["registro"] * 5
    assert all(f["concept"] == "register" for f in findings)


def test_a_source_word_two_concepts_share_is_the_one_the_target_language_has(tmp_path):
    """'remote' is the adjective and the remote repository; the glossary has a French term for
    the repository only: where the source says 'remote' and the target none of its terms, what
    stands there renders the repository."""
    findings = gl006_in_po(tmp_path, "remote-adj,en,remote,preferred\nremote-repository,en,remote repository,preferred\n"
                           "remote-repository,en,remote,admitted\nremote-repository,fr,référentiel distant,preferred\n",
                           "fr", [
        ("Remove Remote", "Supprimer un dépôt distant"),
        ("Please supply a remote name.", "Merci de fournir un nom de dépôt distant."),
        ("Remote Details", "Détails des dépôts distants"),
        ("Remove the branch", "Supprimer la branche"),
    ])
    assert {(f["concept"], f["text"]) for f in findings} == {("remote-repository", "dépôt distant"),
                                                             ("remote-repository", "dépôts distants")}
    assert len(findings) == 3 and all(f["suggestions"] == ["référentiel distant"] for f in findings)


def test_a_kept_terms_translation_may_be_the_term_with_one_letter_more(tmp_path):
    """Spanish „volúmenes" translates the 'Volume' a glossary keeps; the English plural
    'Volumes' is the term, and „budgétaire" a word made from 'Budget', no translation."""
    found = candidates_in(tmp_path, "volume,en,Volume,preferred\nvolume,es,Volume,preferred\n", "es",
                          "El Pod monta dos volúmenes compartidos.\nLos Volumes se definen aquí.\n"
                          "Los volúmenes persistentes no tienen espacio de nombres.\n")
    assert {form for form, c in found.items() if c.score >= 0.5 and c.concept.id == "volume"} == {"volúmenes"}
    french = candidates_in(tmp_path, "budget,en,Budget,preferred\nbudget,fr,Budget,preferred\n", "fr",
                           "Le contrôle budgétaire du Budget.\nUne règle budgétaire.\n")
    assert not any(c.score >= 0.5 for c in french.values())


def test_discover_proposes_a_term_where_the_glossary_has_none_in_the_language(tmp_path):
    """The glossary has 'discount' in English only: where the source says it, the Polish
    target says „Zniżka" — a term to propose (admitted, in --write-glossary), which `discover`
    lists, and „Rabat" once, the word left where 'invoice' is „faktury"; GL006 reports
    deviations from a term the glossary has, so none here."""
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text("concept,lang,term,status\ndiscount,en,discount,preferred\n"
                             "invoice,en,invoice,preferred\ninvoice,pl,faktura,preferred\n", encoding="utf-8")
    po = tmp_path / "ui.pl.po"
    po.write_text(BILINGUAL_PO, encoding="utf-8")
    code, out, err = run_cli("discover", po, "-g", glossary_path, "--format", "json",
                             "--write-glossary", tmp_path / "new.csv")
    assert code == 1, err
    found = {(c["text"], c["concept"], c["preferred"]) for c in json.loads(out)["candidates"]}
    assert found == {("Zniżka", "discount", None), ("Rabat", "discount", None)}
    added = [row for row in (tmp_path / "new.csv").read_text(encoding="utf-8").splitlines() if ",pl," in row]
    assert [row.split(",")[:4] for row in added] == [["discount", "pl", "Zniżka", "admitted"],
                                                     ["discount", "pl", "Rabat", "admitted"],
                                                     ["invoice", "pl", "faktura", "preferred"]]
    _, text, _ = run_cli("discover", po, "-g", glossary_path)
    assert "no pl term in the glossary yet" in text
    code, out, err = run_cli("check", po, "-g", glossary_path, "--select", "GL006", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == [], err


def test_a_name_with_words_inside_it_replaced(tmp_path):
    """„Vietnami Hazai Front" is the glossary's „Vietnami Hazafias Front" with its middle word
    replaced, written like a name as the term is: a rendering of it. The same words in small
    letters inside a sentence are no name, and sharing a modifier is not enough."""
    glossary = ("vff,en,Vietnam Fatherland Front,preferred\nvff,hu,Vietnami Hazafias Front,preferred\n"
                "vff,hu,Hazafias Front,admitted\n")
    named = candidates_in(tmp_path, glossary, "hu", "A kongresszuson a Vietnami Hazai Front elnöke beszélt.\n"
                          "Ma a Vietnami Hazai Front tagjai is ott voltak.\n")
    assert named["Vietnami Hazai Front"].concept.id == "vff" and named["Vietnami Hazai Front"].score >= 0.5
    assert "titled" in {e.signal for e in named["Vietnami Hazai Front"].evidence}
    plain = candidates_in(tmp_path, glossary, "hu", "A kongresszuson a vietnami hazai front elnöke beszélt.\n"
                          "Ma a vietnami hazai front tagjai is ott voltak.\n")
    assert not any(c.score >= 0.5 for c in plain.values())
    # Two inner words replaced, the frame kept, against the longer of the concept's terms.
    indonesian = candidates_in(tmp_path, "vff,en,Vietnam Fatherland Front,preferred\n"
                                         "vff,id,Front Tanah Air Vietnam,preferred\nvff,id,Front Tanah Air,admitted\n",
                               "id", "Kongres itu dihadiri oleh Front Persatuan Nasional Vietnam kemarin.\n"
                               "Ketua Front Persatuan Nasional Vietnam berbicara.\n")
    front = indonesian["Front Persatuan Nasional Vietnam"]
    assert front.concept.id == "vff" and front.score >= 0.5 and "titled" in {e.signal for e in front.evidence}


def test_a_name_whose_frame_words_the_stemmer_keys_otherwise(tmp_path):
    """Hungarian's stemmer keys „Front" as fron and „Frontjának" (its possessive dative) as
    front, and „Vietnámi" is „Vietnami" with an accent: „Vietnámi Hazai Frontjának" is still
    the frame of „Vietnami Hazafias Front" with its middle word replaced. A last word of another
    stem („Vietnami Hazai Bizottság", a committee) is another thing."""
    glossary = ("vff,en,Vietnam Fatherland Front,preferred\nvff,hu,Vietnami Hazafias Front,preferred\n"
                "vff,hu,Hazafias Front,admitted\n")
    found = candidates_in(tmp_path, glossary, "hu", "A kongresszuson a Vietnámi Hazai Frontjának elnöke beszélt.\n"
                          "Ma a Vietnámi Hazai Frontjának tagjai is ott voltak.\n"
                          "A Vietnami Hazai Bizottság is ülésezett.\n")
    front = found["Vietnámi Hazai Frontjának"]
    assert front.concept.id == "vff" and front.score >= 0.5 and "titled" in {e.signal for e in front.evidence}
    assert not any(c.score >= 0.5 for form, c in found.items() if "Bizottság" in form)


def test_an_elided_article_is_no_part_of_a_rendering(tmp_path):
    """„l'action" where the source says "hook": the rendering proposed is „action", as a
    glossary writes a term, not the article elided before it."""
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text("concept,lang,term,status\nhook,en,hook,preferred\n", encoding="utf-8")
    po = tmp_path / "ui.fr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  '\nmsgid "Run the hook"\nmsgstr "Exécuter l\'action"\n'
                  '\nmsgid "The hook failed"\nmsgstr "L\'action a échoué"\n'
                  '\nmsgid "Run the tests"\nmsgstr "Exécuter les tests"\n', encoding="utf-8")
    code, out, err = run_cli("discover", po, "-g", glossary_path, "--format", "json")
    assert code == 1, err
    (candidate,) = json.loads(out)["candidates"]
    assert candidate["concept"] == "hook" and candidate["text"] == "action"
    assert sorted(o["text"] for o in candidate["occurrences"]) == ["action", "action"]


def test_a_run_that_renders_another_word_of_the_source_is_not_the_term_s_rendering(tmp_path):
    """"Stage Hunk For Commit" → „Indexer la section": the target leaves 'commit' out and
    „Indexer" renders 'Stage', which it stands beside wherever the source says 'Stage', with
    or without 'commit' (competitive linking). Where the source has no such other word,
    the run found again is still the rendering („validation")."""
    glossary = ("commit,en,commit,preferred\ncommit,fr,commit,preferred\n"
                "section,en,hunk,preferred\nsection,fr,section,preferred\n")
    pairs = [
        ("Stage Hunk For Commit", "Indexer la section"),
        ("Stage Lines For Commit", "Indexer les lignes"),
        ("Stage Line For Commit", "Indexer la ligne"),
        ("Stage Changed Files", "Indexer les fichiers modifiés"),
        ("Stage Selected Files", "Indexer les fichiers choisis"),
        ("Commit", "Validation"),
        ("Amend the last commit", "Corriger la dernière validation"),
        ("Show the commit", "Montrer le commit"),
    ]
    findings = gl006_in_po(tmp_path, glossary, "fr", pairs)
    assert {(f["concept"], f["text"]) for f in findings} == {("commit", "Validation"), ("commit", "validation")}


def test_the_term_in_a_form_the_analyser_does_not_know_is_no_other_rendering(tmp_path):
    """Bulgarian writes the article at a noun's end and no lemmatizer here knows every form:
    „пакетирани обекти", „пакетираните обекти" are the term „пакетиран обект" in other
    forms (each word changed at its end only), not a variant of it; „обекти пакетирани" (the
    same words in another order) is still a candidate."""
    glossary = "packed-object,en,packed object,preferred\npacked-object,bg,пакетиран обект,preferred\n"
    found = candidates_in(tmp_path, glossary, "bg", "Има 5 пакетирани обекти в хранилището.\n"
                          "Пакетираните обекти са компресирани.\nСъздадени са обекти пакетирани наново.\n")
    assert {form for form, c in found.items() if c.concept.id == "packed-object"} == {"обекти пакетирани"}


# The movement's name built on mass mobilisation, in Spanish.
SPANISH_MOVEMENT = ("dan-van-kheo,en,Skilled Mass Mobilisation,preferred\n"
                    "dan-van-kheo,es,Movilización de Masas Hábil,preferred\n"
                    "mass-mobilisation,en,mass mobilisation,preferred\n"
                    "mass-mobilisation,es,movilización de masas,preferred\n")


def test_a_clause_is_no_rendering_of_a_name(tmp_path):
    """„la movilización masiva es hábil" says that mass mobilisation is skilful: the copula
    joins the words, which the movement's name does not have between its own; the subject is
    a variant of mass mobilisation, not the movement."""
    assert flagged_in(tmp_path, SPANISH_MOVEMENT, "es",
                      "Si la movilización masiva es deficiente, todo fracasará.\n"
                      "Si la movilización masiva es hábil, todo saldrá bien.\n"
                      "La movilización de masas avanza en la provincia.\n") == {("movilización masiva",
                                                                                   "mass-mobilisation")}


def test_the_term_s_words_with_another_link_word_are_another_construction(tmp_path):
    """„mobilização em massa" has the words of „mobilização de massas" in its order, with
    another preposition in the place of the term's: another construction (en masse), a
    variant, though nothing but the link changed; a determiner beside the term's own link word
    („mobilização de estas massas") is the sentence's grammar."""
    glossary = ("mass-mobilisation,en,mass mobilisation,preferred\n"
                "mass-mobilisation,pt,mobilização de massas,preferred\n")
    assert flagged_in(tmp_path, glossary, "pt",
                      "O Exército reforça a mobilização em massa nas aldeias.\n"
                      "A mobilização de estas massas continua.\n"
                      "A mobilização de massas avança na província.\n") == {("mobilização em massa",
                                                                               "mass-mobilisation")}


def test_a_bare_complement_in_another_number_is_another_phrase(tmp_path):
    """„movilización de masa" has the words of „movilización de masas" with its complement in
    the singular: the complement's number is the term's own (no article says which masses), so
    it is a variant; the term in the plural, or with an article before its complement, is the
    term in the sentence's grammar, and is not taken for the singular's places either."""
    glossary = ("mass-mobilisation,en,mass mobilisation,preferred\n"
                "mass-mobilisation,es,movilización de masas,preferred\n")
    flagged = accepted_in(tmp_path, glossary, "es",
                          "La movilización de masa avanza en la provincia.\n"
                          "Los ejemplos destacados en la movilización de las masas.\n"
                          "Las movilizaciones de masas del distrito.\n"
                          "La movilización de masas sigue siendo clave.\n")
    assert {(form, c.concept.id) for form, c in flagged.items()} == {("movilización de masa", "mass-mobilisation")}
    assert [o.text for o in flagged["movilización de masa"].occurrences] == ["movilización de masa"]
    assert [e.detail for e in flagged["movilización de masa"].evidence] == [
        "the known rendering 'movilización de masas' with its complement in another number"]


def test_a_bare_singular_complement_for_the_terms_plural_with_an_article_is_a_variant(tmp_path):
    """„mobilisation de masse" (mass-scale) for „mobilisation des masses" (of the masses): the
    known rendering's words with its complement bare and in the singular; the term with its
    complement bare in the plural is the term in the sentence's grammar."""
    glossary = ("mass-mobilisation,en,mass mobilisation,preferred\n"
                "mass-mobilisation,fr,mobilisation des masses,preferred\n")
    flagged = accepted_in(tmp_path, glossary, "fr",
                          "La mobilisation de masse avance dans la province.\n"
                          "Les mobilisations de masses du district.\n"
                          "La mobilisation des masses reste essentielle.\n")
    assert {(form, c.concept.id) for form, c in flagged.items()} == {("mobilisation de masse", "mass-mobilisation")}
    assert [e.detail for e in flagged["mobilisation de masse"].evidence if e.signal == "variant"] == [
        "the known rendering 'mobilisation des masses' with its complement in another number"]


def test_one_phrase_with_a_bare_complement_in_either_number_is_one_candidate():
    """A phrase's places are two candidates only where one has a bare complement and the other
    an article before it, in another number („movilización de masa", „movilización de las
    masas"): in one construction the number varies with the sentence („fonds de placement",
    „Fonds de placements", GnuCash's French for mutual funds), and an article alone is grammar
    („execução de contêiner", „execução do contêiner")."""
    from mtcheck.discovery.engine import _concept_parts

    def apart(lang, one, other):
        parts = _concept_parts(Glossary(()), lang)
        return parts.another_phrase(parts.complement(one), parts.complement(other))

    assert apart("es", "movilización de masa", "movilización de las masas")
    assert not apart("fr", "fonds de placement", "Fonds de placements")
    assert not apart("pt", "execução de contêiner", "execução do contêiner")
    assert _concept_parts(Glossary(()), "fr").complement("fonds mutuels") is None


def test_a_name_with_a_word_inserted_inside_is_another_rendering(tmp_path):
    """„Frente Comunal da Pátria" is the name „Frente da Pátria" with a word inside it, written
    as a name: a name changed. A common term takes a modifier inside as grammar („gestión
    eficaz de contenedores", in a title too), and the name's words in small letters are no
    name."""
    glossary = ("vff,en,Vietnam Fatherland Front,preferred\n"
                "vff,pt,Frente da Pátria,preferred\n"
                "cm,en,container management,preferred\n"
                "cm,pt,gestão de contêineres,preferred\n")
    flagged = accepted_in(tmp_path, glossary, "pt",
                          "Após a fusão, a Frente Comunal da Pátria organizou conferências.\n"
                          "A gestão eficaz de contêineres é importante.\n"
                          "A Frente da Pátria apoia a gestão de contêineres.\n"
                          "uma frente comunal da pátria, escrita em minúsculas.\n"
                          "Guia de Gestão Eficaz de Contêineres\n")
    assert {(form, c.concept.id) for form, c in flagged.items()} == {("Frente Comunal da Pátria", "vff")}
    assert [e.detail for e in flagged["Frente Comunal da Pátria"].evidence] == [
        "the name 'Frente da Pátria' with 'Comunal' inside it"]


def test_a_name_with_its_inner_words_replaced_is_another_rendering(tmp_path):
    """„Front Persatuan Nasional Vietnam" keeps the frame of the name „Front Tanah Air Vietnam"
    (its first and last words, written as a name) with other words inside: the name changed,
    a candidate though the glossary has no other term on those words. Not where a replaced
    word is another concept's term, what the name is about („Komisi Militer Pusat", the
    military commission, beside „Komisi Mobilisasi Pusat"), and not in small letters."""
    glossary = ("vff,en,Vietnam Fatherland Front,preferred\n"
                "vff,id,Front Tanah Air Vietnam,preferred\n"
                "mm,en,mobilisation,preferred\n"
                "mm,id,Mobilisasi,preferred\n"
                "cc,en,Central Commission for Mobilisation,preferred\n"
                "cc,id,Komisi Mobilisasi Pusat,preferred\n")
    flagged = accepted_in(tmp_path, glossary, "id",
                          "Ketua Front Persatuan Nasional Vietnam berbicara hari ini.\n"
                          "Rapat Komisi Militer Pusat dibuka kemarin.\n"
                          "Sebuah front persatuan nasional vietnam, ditulis kecil.\n"
                          "Front Tanah Air Vietnam dan Komisi Mobilisasi Pusat bekerja.\n")
    assert {(form, c.concept.id) for form, c in flagged.items()} == {("Front Persatuan Nasional Vietnam", "vff")}


def test_an_article_more_is_the_terms_grammar_at_each_place(tmp_path):
    """„Comitê Central para a Mobilização de Massas" is the term „Comitê Central para
    Mobilização de Massas" with an article after its preposition: no place of the candidate
    that „Comitê Central de Mobilização de Massas" (another link word) makes with the same
    words."""
    glossary = ("cc,en,Central Commission for Mass Mobilisation,preferred\n"
                "cc,pt,Comitê Central para Mobilização de Massas,preferred\n")
    flagged = accepted_in(tmp_path, glossary, "pt",
                          "O Comitê Central de Mobilização de Massas reuniu-se ontem.\n"
                          "Desde então, o Comitê Central para a Mobilização de Massas tem trabalhado.\n")
    assert {(form, c.concept.id) for form, c in flagged.items()} == {
        ("Comitê Central de Mobilização de Massas", "cc")}
    assert [o.text for o in flagged["Comitê Central de Mobilização de Massas"].occurrences] == [
        "Comitê Central de Mobilização de Massas"]


def test_a_term_built_on_another_in_a_form_of_its_words_keeps_that_terms_links(tmp_path):
    """„Movilización Masiva Efectiva" is built on „movilización de masas" (the English terms
    say so; „masiva" is a word of the stem of „masas"): „Movilización de Masas Efectiva" is its
    words with the base term's own link word, a variant of the name, not mass mobilisation
    joined to something else by a link word the name lacks."""
    glossary = ("smm,en,Skilful Mass Mobilisation,preferred\n"
                "smm,es,Movilización Masiva Efectiva,preferred\n"
                "mm,en,mass mobilisation,preferred\n"
                "mm,es,movilización de masas,preferred\n")
    flagged = accepted_in(tmp_path, glossary, "es",
                          'Fue destacado en la "Movilización de Masas Efectiva" del distrito.\n'
                          "La movilización de masas sigue siendo clave.\n")
    assert {(form, c.concept.id) for form, c in flagged.items()} == {("Movilización de Masas Efectiva", "smm")}


def test_a_noun_before_a_term_governs_it_where_the_built_terms_add_adjectives(tmp_path):
    """„Umiejętna mobilizacja mas" is built on „mobilizacja mas" with an adjective: „skuteczna
    mobilizacja mas" is built the same way, but „Komitetu Mobilizacji Masowej" puts a noun
    there, which the Polish lexicon (Morfeusz 2) never reads as an adjective: a committee of
    mass mobilisation, not mass mobilisation of a kind."""
    pytest.importorskip("morfeusz2")
    glossary = ("dan-van-kheo,en,Skilled Mass Mobilisation,preferred\n"
                "dan-van-kheo,pl,Umiejętna mobilizacja mas,preferred\n"
                "mass-mobilisation,en,mass mobilisation,preferred\n"
                "mass-mobilisation,pl,mobilizacja mas,preferred\n")
    found = candidates_in(tmp_path, glossary, "pl",
                          "Przewodniczący Komitetu Mobilizacji Mas przemawiał na zjeździe.\n"
                          "Ruch „Skuteczna mobilizacja mas” objął całą prowincję.\n"
                          "Umiejętna mobilizacja mas jest ważna.\n")
    built = {form for form, c in found.items() if c.concept.id == "dan-van-kheo"}
    assert "Skuteczna mobilizacja mas" in built
    assert not [form for form in built if "Komitetu" in form]


def test_a_word_after_the_core_of_a_name_quoted_whole_is_no_new_head_where_heads_come_first(tmp_path):
    """„Masowej Mobilizacji Wykwalifikowanych" (mass mobilisation of the skilled), quoted whole
    as the movement's name, keeps the term „Skuteczna Mobilizacja Masowa" is built on and adds
    a word after it: in Polish the head comes first, and the quotes say where the name ends,
    so the word is no new head but the name's other modifier. Unquoted, the same words in a
    longer name („Komitetu Mobilizacji Masowej Prowincjonalnego Komitetu Partii") are cut
    from it, and in Turkish, which puts every modifier first, a word after the core is the
    head („Kitle Seferberliği Davası", the cause): no rendering either."""
    polish = ("smm,en,Skilful Mass Mobilisation,preferred\n"
              "smm,pl,Skuteczna Mobilizacja Masowa,preferred\n"
              "mm,en,mass mobilisation,preferred\n"
              "mm,pl,mobilizacja masowa,preferred\n")
    found = flagged_in(tmp_path, polish, "pl",
                       "Gmina buduje modele „Masowej Mobilizacji Wykwalifikowanych” w każdej dziedzinie.\n"
                       "Wiele modeli „Masowej Mobilizacji Wykwalifikowanych” opracowano w oparciu o prawo.\n"
                       "Szef Komitetu Mobilizacji Masowej Prowincjonalnego Komitetu Partii przemawiał.\n"
                       "Mobilizacja masowa jest ważna.\n")
    assert found == {("Masowej Mobilizacji Wykwalifikowanych", "smm")}
    turkish = ("smm,en,Skilful Mass Mobilisation,preferred\n"
               "smm,tr,Becerikli Kitle Seferberliği,preferred\n"
               "mm,en,mass mobilisation,preferred\n"
               "mm,tr,kitle seferberliği,preferred\n")
    assert flagged_in(tmp_path, turkish, "tr", "Parti „Kitle Seferberliği Davası” için çalışıyor.\n"
                                               "Parti „Kitle Seferberliği Davası” ile büyüdü.\n"
                                               "Kitle seferberliği önemlidir.\n") == set()


def test_a_name_in_title_case_ends_before_a_word_in_small_letters(tmp_path):
    """„El Departamento de Movilización de Masas recibe el Orden": the words in title case are a
    name, the verb after them is none of it, so „Movilización de Masas recibe" is no name
    built on mass mobilisation with another modifier; „Movilización de Masas Eficaz" is."""
    assert flagged_in(tmp_path, SPANISH_MOVEMENT, "es",
                      "El Departamento de Movilización de Masas recibe el Orden Ho Chi Minh.\n"
                      "La movilización de masas avanza en la provincia.\n"
                      "El movimiento de la Movilización de Masas Eficaz sigue.\n") == {
        ("Movilización de Masas Eficaz", "dan-van-kheo")}


def test_a_predicate_after_its_noun_is_no_name_where_modifiers_come_first(tmp_path):
    """Hungarian puts every modifier before its noun: „ha a tömeges mozgósítás ügyes" (if mass
    mobilisation is skilful) has the words of „Ügyes tömegmozgósítás" (its compound written as
    two words) in another order, a clause; its subject is a variant of mass mobilisation."""
    glossary = ("dan-van-kheo,en,Skillful Mass Mobilisation,preferred\n"
                "dan-van-kheo,hu,Ügyes tömegmozgósítás,preferred\n"
                "mass-mobilisation,en,mass mobilisation,preferred\n"
                "mass-mobilisation,hu,tömegmozgósítás,preferred\n")
    assert flagged_in(tmp_path, glossary, "hu",
                      "Ha a tömeges mozgósítás ügyes, minden sikeres lesz.\n"
                      "A tömegmozgósítás fontos feladat.\n") == {("tömeges mozgósítás", "mass-mobilisation")}


def test_a_german_verb_made_a_noun_is_no_name(tmp_path):
    """„vor dem Löschen einer Buchung": every German noun has a capital, and „Löschen" is the
    verb as the dictionary has it, made a noun, not an adjective opening a name as
    „Getrennte" (with its ending) does in „eine Getrennte Buchung"."""
    glossary = ("transaction,en,transaction,preferred\ntransaction,de,Buchung,preferred\n"
                "split,en,split transaction,preferred\nsplit,de,Geteilte Buchung,preferred\n")
    assert flagged_in(tmp_path, glossary, "de",
                      "Diese Rückfrage kommt vor dem Löschen einer Buchung.\n"
                      "Die Geteilte Buchung wurde gespeichert.\n"
                      "Hier steht eine Getrennte Buchung im Konto.\n") == {("Getrennte Buchung", "split")}


def test_a_string_left_untranslated_is_not_read_as_the_text_s_language():
    """An English string left as it is in a Polish file: „data format" there is English, not
    the Polish „format daty" (date format) in another order; translated, the words are read."""
    glossary = Glossary([Concept("date-format", (Term("date format", "en", Status.PREFERRED),
                                                 Term("format daty", "pl", Status.PREFERRED)))])
    discoverer = Discoverer(glossary)
    left = "This setting specifies the data format when importing files."
    discoverer.add(Segment(left, "ui.po", 1, lang="pl", source=left, source_lang="en"))
    discoverer.add(Segment("Ustawienie określa data format przy imporcie.", "ui.po", 2, lang="pl",
                           source="The setting specifies the date format on import.", source_lang="en"))
    assert sorted((o.location.line, c.form) for c in discoverer.candidates() for o in c.occurrences) == \
        [(2, "data format")]


FRONT = ("front,en,Vietnam Fatherland Front,preferred\n"
         "front,de,Vaterländische Front Vietnams,preferred\n")


def test_another_languages_initials_glossed_in_brackets_are_still_foreign(tmp_path):
    """„Vietnamské vlastenecké fronty (VFF)" glosses the Czech name with the English name's
    initials, as GL003 allows; „systému VFF" then uses them as the name: a foreign rendering,
    not an abbreviation the document defined for it. The Czech name's own initials („VVF")
    so defined are the concept from there on."""
    glossary = ("front,en,Vietnam Fatherland Front,preferred\n"
                "front,cs,Vietnamská vlastenecká fronta,preferred\n")
    foreign = accepted_in(tmp_path, glossary, "cs", "Sjezd Vietnamské vlastenecké fronty (VFF) začal.\n"
                                                    "Předseda mluvil o systému VFF provincie.\n")
    assert [(form, [o.location.line for o in c.occurrences]) for form, c in foreign.items()] == [("VFF", [2])]
    own = accepted_in(tmp_path, glossary, "cs", "Sjezd Vietnamské vlastenecké fronty (VVF) začal.\n"
                                                "Předseda mluvil o systému VVF provincie.\n")
    assert own == {}


def test_an_abbreviation_the_document_defined_is_the_concept_from_there_on(tmp_path):
    """„VFV" after „Vaterländische Front Vietnams (VFV)" is the Front, as GL004 reads it (and
    so its initialism after the term was used): no rendering the glossary does not know. Before
    the definition, or in another document, or unexplained, the initials are still a candidate.
    Read in two parts merged in order, as `discover --jobs` reads a large file, the same."""
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text("concept,lang,term,status\n" + FRONT, encoding="utf-8")
    glossary = load_glossary(glossary_path)
    lines = ["Die VFV tagte zuerst allein.", "Die Vaterländische Front Vietnams (VFV) tagte in Hanoi.",
             "Die VFV beschloss neue Aufgaben.", "Der Vorsitzende der VFV sprach lange."]

    def initials(parts: list[list[tuple[str, int, str]]]) -> list[tuple[str, int]]:
        merged = Discoverer(glossary)
        for part in parts:
            discoverer = Discoverer(glossary)
            for path, number, line in part:
                discoverer.add(Segment(line, path, number, lang="de"))
            merged.merge(discoverer.state())
        return sorted((o.location.path, o.location.line) for c in merged.accepted() if c.form == "VFV"
                      for o in c.occurrences)

    numbered = [("a.txt", number, line) for number, line in enumerate(lines, 1)]
    other = [("b.txt", number, line) for number, line in enumerate(lines[2:], 1)]
    assert initials([numbered + other]) == [("a.txt", 1), ("b.txt", 1), ("b.txt", 2)]
    assert initials([numbered[:2], numbered[2:] + other]) == initials([numbered + other])
    used = ["Die Vaterländische Front Vietnams tagte in Hanoi.", "Die VFV beschloss neue Aufgaben."]
    assert initials([[("c.txt", number, line) for number, line in enumerate(used, 1)]]) == []

    glossary_csv = tmp_path / "front.csv"
    glossary_csv.write_text("concept,lang,term,status\n" + FRONT, encoding="utf-8")
    document = tmp_path / "a.de.txt"
    document.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_cli("check", document, "-g", glossary_csv, "--select", "GL006", "--format", "json")
    assert [f["line"] for f in json.loads(out)["findings"] if f["rule"] == "GL006"] == [1]


def test_learned_weights_anchored_at_the_signals_own_combination_score_as_they_do(reduced):
    """A Scorer whose only weight is the `combined` feature (the signals' noisy-or as log-odds,
    where scripts/train_discovery.py --anchored starts) scores each candidate as the signals do;
    a weight against one signal lowers the candidates with its evidence (below the least
    score a candidate is kept at: gone) and no other."""
    from mtcheck.discovery.scoring import Scorer
    from mtcheck.langid import detect_language

    def scored(scorer):
        discoverer = Discoverer(load_glossary(reduced), scorer=scorer)
        for path in sorted(SEEDS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            lang = detect_language(text)[0]
            for number, line in enumerate(text.splitlines(), 1):
                discoverer.add(Segment(line, path.name, number, lang=lang))
        return {(c.form, c.concept.id): (c.score, tuple((e.signal, e.weight) for e in c.evidence))
                for c in discoverer.candidates()}

    fixed = scored(None)
    anchored = scored(Scorer({"combined": 1.0}, 0.0))
    assert len(fixed) > 20 and fixed.keys() == anchored.keys()
    assert all(abs(anchored[key][0] - score) <= 0.002 for key, (score, _) in fixed.items() if 0.002 < score < 0.998)
    # (What is accepted is learned from in a second round: the candidates may differ there.)
    against_titles = scored(Scorer({"combined": 1.0, "titled": -5.0}, 0.0))
    titled = {key for key, (_, evidence) in anchored.items() if "titled" in dict(evidence)}
    assert titled and all(key not in against_titles or against_titles[key][0] < anchored[key][0] for key in titled)
    assert all(against_titles[key][0] == anchored[key][0] for key in (against_titles.keys() & anchored.keys()) - titled
               if against_titles[key][1] == anchored[key][1])


def test_the_language_s_own_term_written_as_one_word(tmp_path):
    """Where the German glossary writes API-Server, „Apiserver" is the term spelt otherwise: a
    candidate; a glossary that lists „Apiserver" too has it as a term."""
    glossary = "api,en,API server,preferred\napi,de,API-Server,preferred\n"
    text = "Der Apiserver prüft jede Anfrage.\nDer API-Server läuft auf dem Knoten.\nDer Apiserver antwortet.\n"
    found = candidates_in(tmp_path, glossary, "de", text)
    assert found["Apiserver"].concept.id == "api" and found["Apiserver"].score >= 0.5
    assert [e.detail for e in found["Apiserver"].evidence if e.signal == "closed"] == \
        ["the de term 'API-Server' written as one word"]
    listed = candidates_in(tmp_path, glossary + "api,de,Apiserver,admitted\n", "de", text)
    assert "Apiserver" not in listed


def test_a_verb_of_the_term_s_other_aspect_renders_the_term(tmp_path):
    """Bulgarian „преустановите" is the glossary's „преустановявам" in the other aspect: where
    the target has it, the concept is rendered, and the target's other words („завършите",
    'finish') are no rendering of 'abort'."""
    findings = gl006_in_po(tmp_path, "abort,en,abort,preferred\nabort,bg,преустановявам,preferred\n", "bg", [
        ("You must finish, or abort the merge.", "Трябва да завършите или да преустановите сливането."),
        ("Cannot abort while amending. You must finish amending.",
         "Поправянето не може да се преустанови. Трябва да завършите поправката."),
        ("Abort the merge", "Преустановяване на сливането"),
        ("Finish the work", "Завършете работата"),
    ])
    assert findings == []


def test_a_compound_sharing_only_the_terms_first_part_is_no_form_of_it(tmp_path):
    """German „Zwischensalden" shares eight letters with the glossary's „Zwischensumme", but
    only its first part: „Zwischen|salden" is a compound with another head, another word, so
    the label "Subtotals" leaves the term out and „Zwischensalden" renders it. „Zwischensummen"
    is the term's plural."""
    glossary = "subtotal,en,subtotal,preferred\nsubtotal,de,Zwischensumme,preferred\n"
    other_head = gl006_in_po(tmp_path, glossary, "de", [("Subtotals", "Zwischensalden"), ("Open", "Öffnen")])
    assert [(f["text"], f["concept"]) for f in other_head] == [("Zwischensalden", "subtotal")]
    assert gl006_in_po(tmp_path, glossary, "de", [("Subtotals", "Zwischensummen"), ("Open", "Öffnen")]) == []


def test_the_same_words_as_a_name_and_in_running_text_are_scored_apart(tmp_path):
    """« Mobilisation auprès des masses », quoted with capitals, names the movement; „la
    mobilisation auprès des masses joue un rôle" in small letters is the work, not the movement:
    the places written as a name are one candidate, those in running text another, and the
    movement's evidence of a name (its quotes, its title case) is not lent to the others."""
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text("concept,lang,term,status\n"
                             "movement,en,Skilled Mass Mobilisation,preferred\n"
                             "movement,fr,Mobilisation habile des masses,preferred\n"
                             "mass,en,mass mobilisation,preferred\nmass,fr,mobilisation des masses,preferred\n",
                             encoding="utf-8")
    discoverer = Discoverer(load_glossary(glossary_path))
    lines = ["Le mouvement « Mobilisation auprès des masses » progresse.",
             "Le mouvement « Mobilisation auprès des masses » s'étend.",
             "La province a lancé le mouvement « Mobilisation habile des masses ».",
             "Il a dit que la mobilisation auprès des masses joue un rôle.",
             "Selon lui, la mobilisation auprès des masses doit progresser.",
             "Enfin, la mobilisation auprès des masses reste une tâche."]
    for number, line in enumerate(lines, 1):
        discoverer.add(Segment(line, "t.txt", number, lang="fr"))
    accepted = [c for c in discoverer.accepted() if "auprès" in c.form]
    assert [c.concept.id for c in accepted] == ["movement"]
    assert sorted(o.location.line for o in accepted[0].occurrences) == [1, 2]


def flagged_for_commit(tmp_path, pairs: list[tuple[str, str]]) -> set[str]:
    """What GL006 flags in a German PO file of git's strings that leave 'commit' unsaid: these
    pairs, and two that render it by „Eintragung", a noun the glossary does not list."""
    glossary = ("commit,en,commit,preferred\ncommit,de,Commit,preferred\ncommit,de,Version,admitted\n"
                "stage,en,stage,preferred\nstage,de,Bereitstellung,preferred\n")
    findings = gl006_in_po(tmp_path, glossary, "de", pairs + [
        ("Amend the last commit", "Die letzte Eintragung nachbessern"),
        ("Undo the last commit", "Die letzte Eintragung rückgängig machen")])
    return {f["message"].split("'")[1] for f in findings}


def test_where_every_noun_is_capitalised_words_in_small_letters_render_no_noun(tmp_path):
    """In German UI strings that leave the source's 'commit' unsaid, „hinzufügen" (to add)
    stands where the noun would: no rendering of a concept whose German terms are nouns. A noun
    that stands there („Eintragung") still is."""
    flagged = flagged_for_commit(tmp_path, [("Stage For Commit", "Zur Bereitstellung hinzufügen"),
                                            ("Stage this for commit", "Dies zur Bereitstellung hinzufügen")])
    assert "Eintragung" in flagged and "hinzufügen" not in flagged


def test_a_han_term_abbreviated_to_some_of_its_characters_is_a_rendering(tmp_path):
    """云服务商 is 云服务提供商 (cloud service provider) abbreviated as Chinese abbreviates: some
    of its characters in order, its first and last among them, whatever words a segmenter cuts
    it into. 计划交易 is 计划的交易 with only its link word 的 left out, another construction
    (see without_link), no abbreviation; 云商 has two characters, which match a term's ends
    by chance."""
    glossary = ("provider,en,Cloud Provider,preferred\nprovider,zh,云服务提供商,preferred\n"
                "provider,zh,云提供商,admitted\nscheduled,en,Scheduled Transaction,preferred\nscheduled,zh,计划的交易,preferred\n")
    found = accepted_in(tmp_path, glossary, "zh", "这些字段取决于你的云服务商。\n云服务提供商提供机器。\n"
                                                  "编辑计划交易。\n云商很多。\n")
    assert {form: c.concept.id for form, c in found.items()} == {"云服务商": "provider", "计划交易": "scheduled"}
    assert [e.signal for e in found["云服务商"].evidence] == ["abbreviated"]
    assert "abbreviated to some of its characters" in found["云服务商"].evidence[0].detail
    assert [e.signal for e in found["计划交易"].evidence] == ["variant"]


def test_a_hangul_term_misspelt_is_a_rendering(tmp_path):
    """컨틀로러 is 컨트롤러 (controller) with its letters cut into other syllables, 매트릭 is 메트릭
    (metric) with another vowel: the terms misspelt, found with their particles (는, 을). A
    word one letter off a term of two syllables (노트, a note, beside 노드) is another word, and
    the term with a particle is the term."""
    glossary = ("controller,en,controller,preferred\ncontroller,ko,컨트롤러,preferred\n"
                "metric,en,metric,preferred\nmetric,ko,메트릭,preferred\n"
                "node,en,node,preferred\nnode,ko,노드,preferred\n")
    found = flagged_in(tmp_path, glossary, "ko", "노드 컨틀로러는 연결할 수 없는 노드를 찾는다.\n"
                                                 "컨테이너 매트릭을 수집한다. 노트를 남긴다.\n"
                                                 "컨트롤러는 메트릭을 읽는다.\n")
    assert found == {("컨틀로러는", "controller"), ("매트릭을", "metric")}


def test_a_term_one_letter_off_is_the_term_misspelt(tmp_path):
    """„Kublet" leaves a letter of Kubelet out, „Oject" one of the English term Object (the
    German term is „Objekt"), „Kubeelt" swaps two: the terms misspelt. „Kubelets" and
    „Objekte" are the terms with an ending, „Kubectl" another name. „Objet" is one letter
    off Object too, but a word of the language in a French text: not found there."""
    glossary = ("kubelet,en,Kubelet,preferred\nkubelet,de,Kubelet,preferred\nkubelet,fr,Kubelet,preferred\n"
                "object,en,Object,preferred\nobject,de,Objekt,preferred\nobject,fr,objet Kubernetes,preferred\n")
    found = flagged_in(tmp_path, glossary, "de", "Das Kublet startet die Pods.\n"
                                                 "Jedes Oject und alle Objekte haben einen Namen.\n"
                                                 "Die Kubelets melden sich, Kubectl fragt sie ab.\n"
                                                 "Das Kubeelt läuft auf jedem Knoten.\n")
    assert found == {("Kublet", "kubelet"), ("Oject", "object"), ("Kubeelt", "kubelet")}
    assert flagged_in(tmp_path, glossary, "fr", "Chaque objet a un nom.\nLe Kubelet lit chaque objet.\n") == set()
    # „Compute" is one letter off the French „compte", but an English word, as names keep them.
    account = "account,en,account,preferred\naccount,fr,compte,preferred\n"
    assert flagged_in(tmp_path, account, "fr", "Google Compute Engine crée un compte.\n"
                                               "Chaque compte a un nom.\n") == set()
    assert flagged_in(tmp_path, account, "fr", "Chaque comtpe a un nom.\n") == {("comtpe", "account")}


def test_one_letter_off_a_term_is_a_slip_an_ending_or_a_cut_is_not():
    """The typo index finds a term with a letter left out, added, changed or two swapped,
    whatever the case; not the term with an ending (Kubelets), cut short (Kubele), as it is,
    two letters off, or a term under six letters (Label, where Lapel is another word)."""
    from mtcheck.discovery.typos import Typos, typo_prone

    typos = Typos()
    for term in ("Kubelet", "Label"):
        if typo_prone(term):
            typos.add(term, term)
    assert {word: typos.misspelt(word) for word in ("Kublet", "kubeleet", "Kubelat", "Kubeelt", "Kubelets",
                                                    "Kubele", "KUBELET", "Kxbelxt", "Lapel")} == {
        "Kublet": ["Kubelet"], "kubeleet": ["Kubelet"], "Kubelat": ["Kubelet"], "Kubeelt": ["Kubelet"],
        "Kubelets": [], "Kubele": [], "KUBELET": [], "Kxbelxt": [], "Lapel": []}
    # Every slip at every place of a term of six letters, the shortest indexed, is found.
    typos.add("objekt", "objekt")
    slips = {"objekt"[:i] + edit + "objekt"[i + cut:] for i in range(7) for edit, cut in (("", 1), ("q", 1), ("q", 0))}
    slips |= {"objekt"[:i] + "objekt"[i + 1] + "objekt"[i] + "objekt"[i + 2:] for i in range(5)}
    slips = {slip for slip in slips if slip != "objekt" and not "objekt".startswith(slip) and not slip.startswith("objekt")}
    assert len(slips) == 22 and all(typos.misspelt(slip) == ["objekt"] for slip in slips)


def test_a_term_written_as_one_word_with_an_ending_and_not_a_name_in_code(tmp_path):
    """„Apiservers" is 'API server' written as one word with the genitive's ending; the API's
    kind ServiceAccounts, a capital inside it, is a name in code, not 'service account'
    written as one word."""
    glossary = ("apiserver,en,API server,preferred\napiserver,de,API-Server,preferred\n"
                "account,en,service account,preferred\naccount,de,Dienstkonto,preferred\n")
    found = flagged_in(tmp_path, glossary, "de", "Der Zustand des Apiservers ist gut.\n"
                                                 "Die Ressource ServiceAccounts listet jedes Dienstkonto.\n")
    assert found == {("Apiservers", "apiserver")}


def test_words_of_one_stem_the_dictionary_tells_apart_are_no_variant(tmp_path):
    """„branches suivantes" (the following branches) has the keys of „branche de suivi" (a
    tracking branch) without its 'de', but the dictionary knows „suivantes" (suivant) and
    „suivi" as two words: no variant, as the matcher matches neither for the other. The
    rendering's own words without the 'de' still are one."""
    glossary = "tracking,en,tracking branch,preferred\ntracking,fr,branche de suivi,preferred\n"
    found = [c for c in candidates_in(tmp_path, glossary, "fr", "Les branches suivantes seront supprimées.\n"
                                                                 "Choisissez la branche de suivi.\n"
                                                                 "Chaque branche suivi est à jour.\n").values()
             if c.score >= 0.5]
    assert [(c.concept.id, [o.location.line for o in c.occurrences]) for c in found] == [("tracking", [3])]


def test_the_same_source_word_in_another_part_of_speech_renders_the_concept(tmp_path):
    """The glossary has "stage" the noun (Index) and the verb (bereitstellen); where the
    source's verb ('Staged for commit') comes out as the noun („im Index"), the target
    renders the concept in other grammar: no other rendering of the verb, however often.
    Where the target has neither, its word for it is one."""
    glossary = ("stage-noun,en,stage,preferred,noun\nstage-noun,de,Index,preferred,noun\n"
                "stage-verb,en,stage,preferred,verb\nstage-verb,de,bereitstellen,preferred,verb\n"
                "commit,en,commit,preferred,noun\ncommit,de,Eintragung,preferred,noun\n")
    columns = "concept,lang,term,status,part_of_speech"
    transposed = [("Staged for commit", "Im Index zur Eintragung"),
                  ("Portions staged for commit", "Teilweise im Index zur Eintragung"),
                  ("Staged for commit, missing", "Im Index zur Eintragung, fehlt")]
    assert gl006_in_po(tmp_path, glossary, "de", transposed, columns) == []
    other = [("Staged for commit", "Vorgemerkt zur Eintragung"),
             ("Portions staged for commit", "Teilweise vorgemerkt zur Eintragung"),
             ("Staged for commit, missing", "Vorgemerkt zur Eintragung, fehlt")]
    assert {(f["concept"], f["text"].casefold()) for f in gl006_in_po(tmp_path, glossary, "de", other, columns)} \
        == {("stage-verb", "vorgemerkt")}


def test_a_word_the_dictionary_knows_as_another_is_no_form_of_the_term(tmp_path):
    """„Datenbank" begins like the glossary's „Datei" (database), but the dictionary knows it
    as another word: where the source says 'database' and the target only „Datenbank", the
    term is missing and „Datenbank" is its rendering. „Dateiname" would be the term's."""
    findings = gl006_in_po(tmp_path, "db,en,database,preferred\ndb,de,Datei,preferred\n", "de", [
        ("The database is locked.", "Die Datenbank ist gesperrt."),
        ("Open the database again.", "Die Datenbank erneut öffnen."),
        ("Name of the database", "Dateiname"),
    ])
    assert [(f["concept"], f["text"], f["line"]) for f in findings] == [("db", "Datenbank", 7), ("db", "Datenbank", 10)]


def test_a_rendering_the_target_repeats_as_often_as_the_source_says_the_term(tmp_path):
    """One string says 'reset' three times and 'changes' four: of the target's words said
    again, „Wiederherstellen" comes as often as the term, „Änderungen" as often as the other
    word, so the first renders 'reset' (no other string is needed to tell)."""
    glossary = "reset,en,reset,preferred\nreset,de,zurücksetzen,preferred\n"
    source = ("Reset changes? Resetting the changes loses all other changes. "
              "Continue resetting the changes?")
    target = ("Änderungen wiederherstellen? Das Wiederherstellen der Änderungen verwirft alle anderen "
              "Änderungen. Mit dem Wiederherstellen der Änderungen fortfahren?")
    found = {(f["concept"], f["text"].casefold()) for f in gl006_in_po(tmp_path, glossary, "de", [(source, target)])}
    assert found == {("reset", "wiederherstellen")}


def test_a_word_sharing_two_thirds_of_the_terms_start_is_its_form(tmp_path):
    """Bulgarian „доставили", „доставите" (fetched, to fetch: the perfective's forms) share six
    of nine letters with the glossary's verbal noun „доставяне": forms of the term, no gap
    to fill, however often the string says it."""
    glossary = "fetch,en,fetch,preferred\nfetch,bg,доставяне,preferred\n"
    pairs = [("You have not fetched the commits. Try fetching them first.",
              "Не сте доставили подаванията. Пробвайте първо да ги доставите.")]
    assert gl006_in_po(tmp_path, glossary, "bg", pairs) == []


def test_a_target_term_of_the_source_words_other_part_of_speech_is_no_free_word(tmp_path):
    """"Merge Commit Message" reads 'Merge' as the verb; the target's „Zusammenführungs-" is
    the noun's term, a rendering of the same source word, so it is no word left free for the
    commit message's gap to take („Zusammenführungs-Beschreibung" for 'commit message'). What
    is left, „Beschreibung", is the term cut short: with every other source word rendered, the
    only word the target has for it."""
    glossary = ("merge-noun,en,merge,preferred,noun\nmerge-noun,de,Zusammenführung,preferred,noun\n"
                "merge-verb,en,merge,preferred,verb\nmerge-verb,de,zusammenführen,preferred,verb\n"
                "commit-message,en,commit message,preferred,\ncommit-message,de,Commit-Beschreibung,preferred,\n"
                "message,en,message,preferred,\nmessage,de,Beschreibung,preferred,\n")
    pairs = [("Merge Commit Message:", "Zusammenführungs-Beschreibung:"),
             ("Merge the branches", "Die Zweige zusammenführen")]
    found = gl006_in_po(tmp_path, glossary, "de", pairs, "concept,lang,term,status,part_of_speech")
    assert [(f["text"], f["concept"]) for f in found] == [("Beschreibung", "commit-message")]


def test_a_word_made_from_the_term_renders_it_in_another_part_of_speech(tmp_path):
    """The glossary has the verb „cloner" for 'clone'; where the source uses the word as a noun
    ("Clone failed") and the target makes a noun of the term („Échec du clonage"), the term
    is there in another part of speech: no other rendering, however often. A word not made
    from it („duplication") is one."""
    glossary = "clone,en,clone,preferred,verb\nclone,fr,cloner,preferred,verb\n"
    columns = "concept,lang,term,status,part_of_speech"
    made_from = [("Clone failed.", "Échec du clonage."),
                 ("Cloning from %s", "Clonage depuis %s"),
                 ("Clone in progress", "Clonage en cours")]
    assert gl006_in_po(tmp_path, glossary, "fr", made_from, columns) == []
    other = [("Clone failed.", "Échec de la duplication."),
             ("Cloning from %s", "Duplication depuis %s"),
             ("Clone in progress", "Duplication en cours")]
    assert {(f["concept"], f["text"].casefold()) for f in gl006_in_po(tmp_path, glossary, "fr", other, columns)} \
        == {("clone", "duplication")}


def test_the_evaluation_scores_only_the_annotated_lines_where_a_file_names_them(tmp_path):
    """scripts/eval_discovery.py on a whole file of which only some lines were annotated: a
    place found on another line is neither right nor wrong, one on an annotated line is
    judged."""
    sys.path.insert(0, str(SEEDS.parent / "scripts"))
    import eval_discovery

    folder = tmp_path / "ui" / "de"
    (folder / "texts").mkdir(parents=True)
    (folder / "glossary.csv").write_text("concept,lang,term,status\ndiscount,en,discount,preferred\n"
                                         "discount,de,Nachlass,preferred\n", encoding="utf-8")
    pairs = [("Discount", "Rabatt"), ("Edit the discount", "Rabatt bearbeiten"), ("Discount rules", "Rabattregeln"),
             ("Discount total", "Rabatt gesamt")]
    (folder / "texts" / "ui.txt").write_text("\n".join(t for _, t in pairs), encoding="utf-8")
    (folder / "texts" / "ui.src").write_text("\n".join(s for s, _ in pairs), encoding="utf-8")
    (folder / "gold.jsonl").write_text(json.dumps({"file": "texts/ui.txt", "start": 0, "end": 6, "text": "Rabatt",
                                                   "concept": "discount", "kind": "variant"}) + "\n", encoding="utf-8")
    dataset = eval_discovery.datasets([str(folder)])[0]
    every_line = eval_discovery.score(dataset, dataset.texts, 0.5)
    assert every_line["right"] == 1 and every_line["found"] > 1  # the other lines' places are wrong

    (folder / "judged_lines.json").write_text(json.dumps({"texts/ui.txt": [1]}), encoding="utf-8")
    dataset = eval_discovery.datasets([str(folder)])[0]
    judged = eval_discovery.score(dataset, dataset.texts, 0.5)
    assert (judged["found"], judged["right"], judged["covered"], judged["gold"]) == (1, 1, 1, 1)


def test_a_source_word_the_target_renders_competes_for_no_run(tmp_path):
    """"Quote Source" → „Source du cours": 'Source' is rendered by „Source" there, so it is
    no rival for „cours", however often the two stand together; „cours" is the quote's
    (with the source word unrendered, competitive linking would give it to 'source')."""
    glossary = "quote,en,quote,preferred\nquote,fr,cotation,preferred\n"
    pairs = [("Quote Source", "Source du cours"),
             ("Quote Source Information", "Informations sur la source du cours"),
             ("Get Quotes", "Obtenir les prix")]
    findings = gl006_in_po(tmp_path, glossary, "fr", pairs)
    assert sorted((f["text"], f["concept"]) for f in findings) == [("cours", "quote"), ("cours", "quote")]


def test_each_source_says_which_concept_its_targets_words_render(tmp_path):
    """„cours" stands where the sources say 'price' and where they say 'quote': each place is
    the concept its own source says, not the one the word's other places make likelier."""
    glossary = ("price,en,price,preferred\nprice,fr,prix,preferred\n"
                "quote,en,quote,preferred\nquote,fr,cotation,preferred\n")
    pairs = [("Price", "Cours"), ("Edit Price", "Modifier le cours"), ("Delete the price", "Supprimer le cours"),
             ("Quote", "Cours"), ("Edit the quote", "Modifier le cours")]
    findings = gl006_in_po(tmp_path, glossary, "fr", pairs)
    # In the order of the entries: three that say the price, two the quote.
    assert [f["concept"] for f in sorted(findings, key=lambda f: f["line"])] == ["price"] * 3 + ["quote"] * 2


def test_a_rendering_shortened_where_the_source_says_the_term(tmp_path):
    """A label "Time Period" translated „Periodo": the glossary's term „período de tiempo"
    without its 'tiempo' (a word the Spanish stop list holds, so that the term's content
    word alone is „período") is not the term, which the target lacks; it renders the
    concept another way."""
    glossary = "time-period,en,time period,preferred\ntime-period,es,período de tiempo,preferred\n"
    findings = gl006_in_po(tmp_path, glossary, "es", [("Time Period", "Periodo"),
                                                       ("Open the time period", "Abrir el período de tiempo")])
    assert [(f["text"], f["concept"]) for f in findings] == [("Periodo", "time-period")]


def test_a_bilingual_targets_words_render_only_what_its_source_says():
    """„data format" is the Polish „format daty" (date format) in another order, where the
    source says "date format"; where it says "data format" the same words render that, and
    nothing the glossary has. A monolingual text has no source to ask: there they are read; so
    they are where the glossary has no English term to tell what the source says."""
    polish = Term("format daty", "pl", Status.PREFERRED)
    bilingual = Glossary([Concept("date-format", (Term("date format", "en", Status.PREFERRED), polish))])
    target = "Ustawienie określa data format przy imporcie."

    def found(source: str | None, glossary: Glossary = bilingual) -> list[str]:
        discoverer = Discoverer(glossary)
        discoverer.add(Segment(target, "ui.po", 1, lang="pl", source=source, source_lang="en" if source else None))
        return [c.form for c in discoverer.candidates()]
    assert found("The setting specifies the date format on import.") == ["data format"]
    assert found("The setting specifies the data format on import.") == []
    assert found(None) == ["data format"]
    assert found("The setting specifies the data format on import.",
                 Glossary([Concept("date-format", (polish,))])) == ["data format"]


def test_a_quoted_phrase_sharing_a_things_core_is_the_name_of_another_thing(tmp_path):
    """„leur contrôle continu" (their continuous assessment), quoted whole in a news text, shares
    'contrôle' with „plan de contrôle", a thing's term the glossary writes in small letters and
    the texts never quote: the name of something else, not the concept written as a name.
    Where the glossary writes the concept as a name („Plan de Contrôle Central", its first
    word capitalised) the quotes say name, as for a movement's name."""
    lines = ["L'office remettra les diplômes sur la base de « leur contrôle continu » cette année.",
             "Le plan de contrôle gère le cluster.", "Chaque nœud parle au plan de contrôle."]
    text = "\n".join(lines) + "\n"
    thing = "control-plane,en,control plane,preferred\ncontrol-plane,fr,plan de contrôle,preferred\n"
    quoted = candidates_in(tmp_path, thing, "fr", text).get("leur contrôle continu")
    assert quoted is None or "titled" not in {e.signal for e in quoted.evidence} and quoted.score < 0.5
    name = "control-plane,en,Central Control Plane,preferred\ncontrol-plane,fr,Plan de Contrôle Central,preferred\n"
    quoted = candidates_in(tmp_path, name, "fr", text.replace("plan de contrôle", "Plan de Contrôle Central"))
    assert "titled" in {e.signal for e in quoted["leur contrôle continu"].evidence}


def test_a_things_rendering_in_the_name_of_another_thing_is_that_names_word(tmp_path):
    """„mobilisation de masse" for „mobilisation des masses" is a rendering to report in the
    running text, but not where it is the complement of a name — after a word capitalised
    inside a sentence („la Journée nationale de …") or opening a quoted stretch in title case
    („« Journée de Mobilisation de Masse du pays »"), linked by a word the glossary's terms
    link theirs with, an article or not („le Comité national de la …"): the day's name is
    not the translator's to change. A concept that is itself a name keeps those places."""
    lines = ["Le travail de mobilisation de masse est une tâche importante du Parti.",
             "Les cadres renforcent la mobilisation de masse dans chaque village.",
             "Ce jour marque le 25e anniversaire de la Journée nationale de mobilisation de masse.",
             "Le pays célèbre la « Journée de Mobilisation de Masse du pays » chaque année.",
             "La mobilisation des masses reste au cœur du travail.",
             "Les cadres du Parti font la mobilisation de masse au village.",
             "Le Front et la mobilisation de masse avancent ensemble.",
             "Il préside le Comité national de la mobilisation de masse depuis un an."]
    text = "\n".join(lines) + "\n"
    thing = ("mass-mobilisation,en,mass mobilisation,preferred\nmass-mobilisation,fr,mobilisation des masses,preferred\n"
             "profit-loss,en,profit and loss,preferred\nprofit-loss,fr,pertes et profits,preferred\n")
    places = sorted(o.location.line for c in accepted_in(tmp_path, thing, "fr", text).values()
                    if c.concept.id == "mass-mobilisation" for o in c.occurrences)
    # A capitalised word and a verb („Parti font la …") or a conjunction („Front et la …", though
    # the glossary's terms link words with „et" too): no name's complement.
    assert places == [1, 2, 6, 7]
    name = ("mass-mobilisation,en,Mass Mobilisation,preferred\n"
            "mass-mobilisation,fr,Mobilisation des Masses,preferred\n")
    places = sorted(o.location.line for c in accepted_in(tmp_path, name, "fr", text.replace(
        "La mobilisation des masses", "La Mobilisation des Masses")).values()
        if c.concept.id == "mass-mobilisation" for o in c.occurrences)
    assert 3 in places
    # A bilingual string's target renders what its source says, a label's capitals or not.
    label = gl006_in_po(tmp_path, thing, "fr", [("Open the Mass Mobilisation Report",
                                                 "Ouvrir le Rapport de Mobilisation de Masse")])
    assert [f["line"] for f in label] == [7]


def test_learned_weights_are_calibrated_on_a_lower_bound_of_the_training_precision():
    """scripts/train_discovery.py sets the default threshold where the training places reach
    90 % precision: read as they are, the deepest such cut takes a wrong candidate in because
    one right one follows it (13 of 14); read a standard error down (Wilson's lower bound), the
    cut stops before it (12 of 12)."""
    sys.path.insert(0, str(SEEDS.parent / "scripts"))
    import numpy as np
    import train_discovery

    labels = [1] * 12 + [0, 1]  # by score, best first
    xs = [[float(len(labels) - i)] for i in range(len(labels))]
    weights = [1] * len(labels)

    def accepted(bound: float) -> list[int]:
        intercept = train_discovery.calibrated(xs, labels, weights, np.array([1.0]), 0.0, 0.9, bound)
        return [label for (x,), label in zip(xs, labels) if x + intercept >= 0]  # a score of 0.5 at least

    assert accepted(0.0) == labels
    assert accepted(1.0) == [1] * 12


def test_words_of_another_language_tied_by_their_place_alone_must_be_written_as_a_name(tmp_path):
    """A phrase in another of the glossary's languages that shares nothing with a concept's
    terms and stands where its renderings stand is a rendering only written as a name (a name
    left in English, „Smart Civil Affairs"): "man-in-the-middle", in small letters, is the
    writer's own English beside the servers, not a rendering of one."""
    glossary = "node,en,Node,preferred\nnode,es,nodo,preferred\nserver,en,server,preferred\nserver,es,servidor,preferred\n"
    text = ("El servidor se conecta al nodo sin verificar el certificado del nodo.\n"
            "Cada servidor se conecta al nodo por un puerto seguro.\n"
            'Sin certificado, el servidor queda expuesto al "man-in-the-middle" sin verificar nada.\n'
            'Sin certificado, el servidor queda expuesto al "Blue Harbor Gateway" sin verificar nada.\n')
    found = candidates_in(tmp_path, glossary, "es", text)
    assert "man-in-the-middle" not in found
    assert {"slot", "foreign"} <= {e.signal for e in found["Blue Harbor Gateway"].evidence}


def test_a_target_word_another_concept_was_given_is_the_missing_concepts_term_too():
    """„cotações" is the quotes' term, and the plural of price's „cotação": where the source
    says "prices", the target has the price's term, not another rendering of it (as `check`
    reads it too). A target without it still opens the gap („valores")."""
    glossary = Glossary((Concept("price", (Term("price", "en"), Term("cotação", "pt"))),
                         Concept("quotes", (Term("quotes", "en"), Term("cotações", "pt")))))

    def candidates(pairs):
        discoverer = Discoverer(glossary)
        for number, (source, target) in enumerate(pairs + [("Open the file", "Abrir o ficheiro")], 1):
            discoverer.add(Segment(target, "ui.po", number, lang="pt", source=source, source_lang="en"))
        return {(c.concept.id, c.form) for c in discoverer.candidates()}

    assert candidates([("Import Prices Now", "Importar cotações agora"),
                       ("Price Import Assistant", "Assistente de importação de cotações"),
                       ("Remove old prices", "Remover cotações antigas")]) == set()
    assert ("price", "valores") in candidates([("Import Prices Now", "Importar valores agora"),
                                               ("Price Import Assistant", "Assistente de importação de valores"),
                                               ("Remove old prices", "Remover valores antigos")])


def test_a_source_phrase_whose_head_is_another_word_does_not_say_the_term(tmp_path):
    """"Linked Document" has the words of 'document link' in the other order, side by side: a
    document, not a link (English puts its modifiers first), so a target without the term
    has no gap for it; "the link to the document" says the term in other words and has."""
    glossary = ("link,en,document link,preferred\nlink,it,collegamento al documento,preferred\n")
    filler = [("Open the file", "Apri il file"), ("Close the file", "Chiudi il file")]
    found = gl006_in_po(tmp_path, glossary, "it", [
        ("Show the Linked Document of each transaction", "Mostra il documento collegato di ogni transazione"),
        ("Hide the Linked Document of each transaction", "Nascondi il documento collegato di ogni transazione")]
        + filler)
    assert found == []
    found = gl006_in_po(tmp_path, glossary, "it", [
        ("Remove the link to the document", "Rimuovi il rimando"),
        ("Edit the link to the document", "Modifica il rimando")] + filler)
    assert {(f["concept"], f["text"]) for f in found} == {("link", "rimando")}


def test_a_run_as_associated_with_another_source_word_as_with_the_term_is_not_its_rendering(tmp_path):
    """'merge' and 'tool' stand together wherever the source says either: „programma", in each
    of those targets, is as much the tool's as the merge's, so nothing says it renders the
    merge. A run found only where the term is stays the rendering („unione")."""
    glossary = ("merge,en,merge,preferred\nmerge,it,fusione,preferred\n")
    filler = [("Open the file", "Apri il file"), ("Close the file", "Chiudi il file")]
    found = gl006_in_po(tmp_path, glossary, "it", [
        ("Unsupported merge tool '%s'", "Il programma '%s' non è supportato"),
        ("Use Merge Tool", "Usa il programma"),
        ("Run Merge Tool", "Avvia il programma")] + filler)
    assert found == []
    found = gl006_in_po(tmp_path, glossary, "it", [
        ("Merge failed", "Unione non riuscita"),
        ("Abort the merge", "Interrompi l'unione"),
        ("Run Merge Tool", "Avvia il programma")] + filler)
    assert {(f["concept"], f["text"].casefold()) for f in found} == {("merge", "unione")}


def test_a_kept_terms_cognate_is_no_word_of_another_term_nor_its_base(tmp_path):
    """An Italian glossary keeps 'Kubelet' and 'controller' in English: „controllore" translates
    the controller, but „controllo" is control (the word the agent noun is made from, spelt
    more like it), and „Kubernetes", spelt somewhat like Kubelet, is a word of the glossary's
    English term "Kubernetes API"."""
    glossary = Glossary((Concept("kubelet", (Term("Kubelet", "en"), Term("Kubelet", "it"))),
                         Concept("api", (Term("Kubernetes API", "en"),)),
                         Concept("controller", (Term("controller", "en"), Term("controller", "it")))))
    text = ("Kubernetes esegue il ciclo di controllo su ogni nodo.\n"
            "Il controllore osserva lo stato; Kubernetes registra il controllo.\n"
            "Un controllore per ogni risorsa: il controllo è continuo in Kubernetes.\n")
    found = discovered(glossary, "it", text, everything=True)
    assert found["controllore"].concept.id == "controller"
    assert not any(form.casefold() in ("controllo", "kubernetes") for form in found)


def test_a_kept_terms_cognate_may_write_its_hard_c_as_k_and_is_the_term_it_is_most_like():
    """An Indonesian glossary keeps 'Controller' and 'Container': „kontroler" writes the
    controller's hard c as k, as Indonesian writes loans, and is more like it than like
    „container", which it is like enough as well; „kontainer" is the container's."""
    glossary = Glossary((Concept("controller", (Term("Controller", "en"), Term("Controller", "id"))),
                         Concept("container", (Term("Container", "en"), Term("Container", "id")))))
    text = ("Setiap kontroler memantau status klaster.\n"
            "Kontroler node menambahkan taint; kontroler DaemonSet juga.\n"
            "Setiap kontainer berjalan di node; kontainer itu dihentikan.\n")
    found = discovered(glossary, "id", text, everything=True)
    concepts = {form.casefold(): c.concept.id for form, c in found.items()}
    assert concepts.get("kontroler") == "controller" and concepts.get("kontainer") == "container"
