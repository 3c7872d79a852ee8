"""The matcher: inflection, compounds, casing, boundaries, longest match, options."""
from __future__ import annotations

import unicodedata

import pytest

from mtcheck.language.plurals import regular_plural
from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term

CASES = [
    # German adjective and noun inflection
    ("de", "Ziel der „geschickten Massenmobilisierung“ ist es", [("dan-van-kheo", "geschickten Massenmobilisierung")]),
    ("de", "Modelle der „Fachkundigen Massenmobilisierung“ wurden", [("dan-van-kheo", "Fachkundigen Massenmobilisierung")]),
    ("de", "Bücher „Typische Beispiele für die Mobilisierung qualifizierter Massen“",
     [("dan-van-kheo", "Mobilisierung qualifizierter Massen")]),
    ("de", "Leiter der Vaterländischen Front Vietnams", [("mat-tran-to-quoc", "Vaterländischen Front Vietnams")]),
    # compounds: the term as the first part counts, with or without a linking s
    ("de", "Die Massenmobilisierungsarbeit muss sich", [("dan-van", "Massenmobilisierungsarbeit")]),
    ("de", "des Massenmobilisierungssystems der Hauptstadt", [("dan-van", "Massenmobilisierungssystems")]),
    ("de", "24.254 professionellen Massenmobilisierungsmodellen", [("dan-van-kheo", "professionellen Massenmobilisierungsmodellen")]),
    ("de", "Umsetzung von Basisdemokratie-Vorschriften", [("dan-chu-o-co-so", "Basisdemokratie")]),
    ("nb", "kvaliteten til massemobiliseringsarbeidet", [("dan-van", "massemobiliseringsarbeidet")]),
    ("nb", "formann for Vietnams fedrelandsfrontkomité", [("mat-tran-to-quoc", "Vietnams fedrelandsfrontkomité")]),
    # a compound whose whole is a term of its own belongs to that term
    ("de", "der Leiter des Massenmobilisierungskomitees", [("ban-dan-van", "Massenmobilisierungskomitees")]),
    ("nb", "leder av massemobiliseringskomiteen", [("ban-dan-van", "massemobiliseringskomiteen")]),
    # a shorter word never stands for a longer term; no match inside a longer word
    ("de", "Die „geschickte“ Mobilisierung der Arbeiter", []),
    ("de", "Die Massenorganisationen und Massenmedien", []),
    ("de", "Mobilisierungsarbeit der Regierung", []),
    ("nb", "mobilisere massene", []),
    # longest match wins: one hit of the movement, not also one of 'dân vận'
    ("de", "„Geschickte Massenmobilisierung“", [("dan-van-kheo", "Geschickte Massenmobilisierung")]),
    ("de", "der Kommission für Massenmobilisierung des", [("ban-dan-van", "Kommission für Massenmobilisierung")]),
    # Norwegian definite and plural suffixes, optional accents
    ("nb", "massemobiliseringen i provinsen", [("dan-van", "massemobiliseringen")]),
    ("nb", "distriktet Fedrelandsfronten og", [("mat-tran-to-quoc", "Fedrelandsfronten")]),
    ("nb", "massemobiliseringskomite og massemobiliseringskomitéen",
     [("ban-dan-van", "massemobiliseringskomite"), ("ban-dan-van", "massemobiliseringskomitéen")]),
    # Turkish case and possessive suffixes with consonant alternation (k -> ğ)
    ("tr", "kitle seferberliğinin kalitesi", [("dan-van", "kitle seferberliğinin")]),
    ("tr", "kitle seferberlik sistemi", [("dan-van", "kitle seferberlik")]),
    ("tr", "Yönlendirme Komitesi'nin yarış hareketlerinin", [("phong-trao-thi-dua", "yarış hareketlerinin")]),
    ("tr", "Tabanda demokrasiyi yaygınlaştırmak", [("dan-chu-o-co-so", "Tabanda demokrasiyi")]),
    ("tr", "kitlesel seferberlik komiteleri", [("ban-dan-van", "kitlesel seferberlik komiteleri")]),
    # Turkish casing: İ/i and I/ı
    ("tr", "NİTELİKLİ KİTLE SEFERBERLİĞİ", [("dan-van-kheo", "NİTELİKLİ KİTLE SEFERBERLİĞİ")]),
    ("tr", "İl Kitle Seferberliği Komisyonu", [("ban-dan-van", "Kitle Seferberliği Komisyonu")]),
    ("tr", "AKILLI KİTLE SEFERBERLİĞİ", [("dan-van-kheo", "AKILLI KİTLE SEFERBERLİĞİ")]),
    # foreign renderings match by their words
    ("de", "die Bewegung „Skilled Mass Mobilization“ hat", [("dan-van-kheo", "Skilled Mass Mobilization")]),
    ("de", "Viele „Smart Civil Affairs“-Modelle", [("dan-van-kheo", "Smart Civil Affairs")]),
    ("tr", "SKILLED MASS MOBILIZATION", [("dan-van-kheo", "SKILLED MASS MOBILIZATION")]),
    # punctuation between words ends a term; URLs never match
    ("de", "die Geschickte. Massenmobilisierung", [("dan-van", "Massenmobilisierung")]),
    ("de", "Quelle: https://example.org/geschickte-massenmobilisierung.html", []),
    # Vietnamese has no stemmer: exact words, diacritics included
    ("vi", "phong trào thi đua Dân vận khéo", [("phong-trao-thi-dua", "phong trào thi đua"), ("dan-van-kheo", "Dân vận khéo")]),
    ("vi", "dan van kheo", []),
]


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{c[0]}:{c[1][:40]}" for c in CASES])
def test_matches(find, lang, text, expected):
    assert find(lang, text) == expected


def test_columns_count_characters_in_the_original_text(matcher):
    text = "Ziel der „geschickten Massenmobilisierung“"
    [match] = matcher.matches(Segment(text, "t.txt", 7, lang="de"))
    loc = match.location
    assert (loc.line, loc.column, loc.end_column) == (7, 11, 11 + len("geschickten Massenmobilisierung"))
    assert text[loc.column - 1:loc.end_column - 1] == "geschickten Massenmobilisierung"


def test_decomposed_text_matches_and_keeps_original_offsets(matcher):
    text = unicodedata.normalize("NFD", "xx Dân vận khéo yy")
    [match] = matcher.matches(Segment(text, "t.txt", 1, lang="vi"))
    assert unicodedata.normalize("NFC", match.text) == "Dân vận khéo"
    assert text[match.start:match.end] == match.text


def _glossary(*terms: Term) -> Glossary:
    return Glossary((Concept("c", terms),))


def test_case_sensitive_term_needs_its_case():
    matcher = Matcher(_glossary(Term("GPMB", "vi", Status.ADMITTED, case_sensitive=True)))
    found = [m.text for m in matcher.matches(Segment("GPMB và gpmb", "t", 1, lang="vi"))]
    assert found == ["GPMB"]


def test_exact_term_ignores_inflection():
    exact = Matcher(_glossary(Term("Front", "de", exact=True)))
    loose = Matcher(_glossary(Term("Front", "de")))
    text = "die Fronten und die Front"
    assert [m.text for m in exact.matches(Segment(text, "t", 1, lang="de"))] == ["Front"]
    assert [m.text for m in loose.matches(Segment(text, "t", 1, lang="de"))] == ["Fronten", "Front"]


def test_a_word_kept_from_another_language_is_not_its_translation_of_the_same_stem():
    """A Portuguese glossary keeps "Service" as English writes it: the loanword with an ending
    is the term, the language's own „serviço" (stemmed alike) is its translation, not a form
    of it. Where the glossary's own word is Portuguese, its forms are matched as ever."""
    kept = Matcher(Glossary((Concept("service", (Term("Service", "en"), Term("Service", "pt"))),)))
    text = "O serviço expõe os Services; outro Service, dois serviços."
    assert [m.text for m in kept.matches(Segment(text, "t", 1, lang="pt")) if not m.foreign] == ["Services", "Service"]
    native = Matcher(Glossary((Concept("service", (Term("Service", "en"), Term("serviço", "pt"))),)))
    assert {"serviço", "serviços"} <= {m.text for m in native.matches(Segment(text, "t", 1, lang="pt"))}


def test_a_word_kept_from_english_takes_the_english_plural():
    """A German glossary keeps "Pod" and "Service" as English writes them: „Pods" (a stem the
    stemmer leaves whole, under four letters) and „Services" (a word the dictionary knows as
    its own) are their plurals, as English makes them. A word of the language's own is not
    read so: „Dienste" is no form of Service."""
    glossary = Glossary((Concept("pod", (Term("Pod", "en"), Term("Pod", "de"))),
                         Concept("service", (Term("Service", "en"), Term("Service", "de")))))
    text = "Addons sind Pods und Services; der Pod des Services, die Dienste."
    found = [m.text for m in Matcher(glossary).matches(Segment(text, "t", 1, lang="de")) if not m.foreign]
    assert found == ["Pods", "Services", "Pod", "Services"]


def test_words_of_one_stem_the_dictionary_tells_apart_are_two_words():
    """The German stemmer keys the noun „Bereitstellung" and the verb „bereitstellen" alike;
    the dictionary tells them apart, so the participle „bereitgestellt" is the verb's only,
    and each term's own forms stay its own."""
    matcher = Matcher(Glossary((Concept("stage-noun", (Term("stage", "en"), Term("Bereitstellung", "de"))),
                                Concept("stage-verb", (Term("stage", "en"), Term("bereitstellen", "de"))))))
    text = "Bereitgestellt zum Committen. Die Bereitstellungen und das Bereitstellen."
    found = [(m.text, m.concept.id) for m in matcher.matches(Segment(text, "t", 1, lang="de"))]
    assert found == [("Bereitgestellt", "stage-verb"), ("Bereitstellungen", "stage-noun"),
                     ("Bereitstellen", "stage-verb")]


def test_words_of_one_stem_stay_one_word_where_the_dictionary_reads_them_as_one():
    """The dictionary gives „gestielt" as a form of stielen and „gestielte" as one of
    gestielt: one word still, as written; a form it does not know („bildgebender") goes with
    the term word sharing most of its start („bildgebende", not the noun „Bildgebung", which
    the dictionary tells apart from „bildgebend")."""
    glossary = Glossary((Concept("pedicled", (Term("pedicled", "en"), Term("gestielt", "de"))),
                         Concept("flap", (Term("pedicled flap", "en"), Term("gestielte Lappen", "de"))),
                         Concept("imaging", (Term("imaging", "en"), Term("Bildgebung", "de"))),
                         Concept("method", (Term("imaging method", "en"), Term("bildgebende Verfahren", "de"))),
                         Concept("imaging-adj", (Term("imaging", "en"), Term("bildgebend", "de")))))
    text = "Die gestielten Lappen, ein gestielter Thrombus, bildgebender Verfahren und die Bildgebung."
    found = [(m.text, m.concept.id) for m in Matcher(glossary).matches(Segment(text, "t", 1, lang="de"))]
    assert found == [("gestielten Lappen", "flap"), ("gestielter", "pedicled"), ("bildgebender Verfahren", "method"),
                     ("Bildgebung", "imaging")]


def test_a_german_verb_term_is_found_as_its_present_participle_and_gerundive():
    """„die zu bearbeitende Datei", „anfordernde Stellen", „Zusammenzuführende Version" (the
    gerundive of a separable verb, its zu inside): forms of the verb terms; „Legende" is no
    form of the term „legen"."""
    glossary = Glossary((Concept("merge", (Term("merge", "en"), Term("zusammenführen", "de"))),
                         Concept("edit", (Term("edit", "en"), Term("bearbeiten", "de"))),
                         Concept("request", (Term("request", "en"), Term("anfordern", "de"))),
                         Concept("lay", (Term("lay", "en"), Term("legen", "de")))))
    text = "Die zu bearbeitende Datei, anfordernde Stellen, die Zusammenzuführende Version, die Legende."
    found = [(m.text, m.concept.id) for m in Matcher(glossary).matches(Segment(text, "t", 1, lang="de"))]
    assert found == [("bearbeitende", "edit"), ("anfordernde", "request"), ("Zusammenzuführende", "merge")]


def test_language_without_stemmer_matches_exactly():
    matcher = Matcher(_glossary(Term("dân vận", "vi")))
    segment = Segment("Dân vận, dân vậns", "t", 1, lang="vi")
    assert [m.text for m in matcher.matches(segment)] == ["Dân vận"]
    assert "exact matching" in matcher.for_language("vi").analyzer.describe()


def test_cost_does_not_grow_with_the_glossary():
    """Terms compile into one automaton: matching consults it once per text, whatever its size."""
    small = Matcher(_glossary(Term("Massenmobilisierung", "de")))
    concepts = [Concept(f"c{i}", (Term(f"Synthwort{i} Begriff{i}", "de"),)) for i in range(5000)]
    big = Matcher(Glossary(tuple(concepts) + small.glossary.concepts))
    assert len(big.for_language("de").native) > 1000 * len(small.for_language("de").native)
    text = "Die Massenmobilisierung und Synthwort7 Begriff7."
    assert [m.text for m in big.matches(Segment(text, "t", 1, lang="de"))] == ["Massenmobilisierung", "Synthwort7 Begriff7"]


def test_terms_with_punctuation_inside_match_the_same_punctuation():
    glossary = Glossary((
        Concept("ssc", (Term("systemischen Sklerodermie (SSc)", "de"),)),
        Concept("ar", (Term("A. radialis", "de"),)),
        Concept("ps", (Term("patients' serum", "en"),)),
    ))
    matcher = Matcher(glossary)

    def found(lang, text):
        return [m.concept.id for m in matcher.matches(Segment(text, "t", 1, lang=lang))]

    assert found("de", "bei der systemischen Sklerodermie (SSc) eine Rolle") == ["ssc"]
    assert found("de", "gestielten A. radialis-Lappen") == ["ar"]
    assert found("en", "in the patients' serum.") == ["ps"]
    assert found("de", "der systemischen Sklerodermie SSc") == []  # the punctuation is part of the term
    assert found("de", "A radialis") == []
    # A word in the place of the punctuation is not the punctuation.
    assert found("de", "der systemischen Sklerodermie oder SSc") == []
    assert found("de", "A und radialis") == [] and found("en", "the patients or serum") == []
    assert found("foo", "die systemischen Sklerodermie xyz SSc und A bzw. radialis") == []


def test_searching_texts_together_finds_what_searching_each_finds():
    """`check` searches lines in blocks: joined, the texts must give exactly what each gives
    alone, and no term may be found across two texts."""
    from conftest import SEEDS

    from mtcheck.glossary import load_glossary
    from mtcheck.glossary.shipped import shipped_glossary

    matcher = Matcher(load_glossary(shipped_glossary()))
    langs = {"000": "de", "001": "nb", "002": "de", "003": "de", "004": "tr"}
    compared = 0
    for path in sorted(SEEDS.glob("*.txt")):
        language = matcher.for_language(langs[path.name[:3]])
        lines = path.read_text(encoding="utf-8").split("\n")
        # Lines with what the matcher masks (a URL, a tag across two lines, a placeholder) and
        # text that is not NFC, among the seed lines.
        lines[3:3] = ["siehe https://example.org/Massenmobilisierung und <b", "class='x'> Massenmobilisierung",
                      "%(name)s geschickte Massenmobilisierung {0}", unicodedata.normalize("NFD", lines[5])]
        for first in range(0, len(lines), 7):
            block = lines[first:first + 7]
            assert language.find_all(block) == [language.find(text) for text in block]
            segments = [Segment(text, str(path), first + i + 1, lang=language.lang) for i, text in enumerate(block)]
            assert language.matches_all(segments) == [language.matches(segment) for segment in segments]
            compared += len(block)
    assert compared > 350
    german = matcher.for_language("de")
    # The end of one text and the start of the next make a term, which neither text holds.
    assert german.find_all(["die geschickte", "Massenmobilisierung"]) == [[], german.find("Massenmobilisierung")]
    assert german.find_all(["Vietnams Vaterländische", "Front"]) == [[], []]
    assert german.find_all([]) == [] and german.matches_all([]) == []


def test_each_language_sees_the_others_terms_as_foreign_and_not_its_own():
    """One table of every term's words serves the matchers of all languages; each answers only
    with the terms foreign to it."""
    glossary = Glossary((
        Concept("dan-van", (Term("Massenmobilisierung", "de"), Term("massemobilisering", "nb"),
                            Term("kitle seferberliği", "tr"))),
        Concept("internet", (Term("Internet", "de"), Term("internett", "nb"), Term("Internet", "da"))),
    ))
    matcher = Matcher(glossary)

    def found(lang, text):
        return [(m.text, m.term.lang, m.foreign) for m in matcher.matches(Segment(text, "t", 1, lang=lang))]

    text = "Massenmobilisierung, massemobilisering und kitle seferberliği im Internet"
    assert found("de", text) == [("Massenmobilisierung", "de", False), ("massemobilisering", "nb", True),
                                 ("kitle seferberliği", "tr", True), ("Internet", "de", False)]
    assert found("nb", text) == [("Massenmobilisierung", "de", True), ("massemobilisering", "nb", False),
                                 ("kitle seferberliği", "tr", True), ("Internet", "de", True)]
    assert found("tr", text)[:3] == [("Massenmobilisierung", "de", True), ("massemobilisering", "nb", True),
                                     ("kitle seferberliği", "tr", False)]
    # Nynorsk is of Bokmål's family: its terms are not foreign there; Danish writes "Internet"
    # as German does, so the German term is not foreign in a Danish text.
    assert ("massemobilisering", "nb", False) in found("nn", text)
    assert ("Internet", "de", True) not in found("da", text)
    assert matcher.for_language("de").foreign.automaton is matcher.for_language("nb").foreign.automaton


MASKED = [
    "über 80 %, 90 % der Fälle und 100%s",
    "siehe https://example.org/Massenmobilisierung und www.example.org, mail an info@example.org",
    "<b class='x'>Massenmobilisierung</b> <!-- Kommentar --> &amp; &#160; {name} {{ var }} {0}",
    "`geschickte Massenmobilisierung` in [Link](https://example.org/x) und [Text](ziel)",
    "%(name)s und %d von 100 % — <br/> 5 < 6 & 7 > 3 {kein Platzhalter} a@b",
    "50 % in <i>www.example.org</i> & `code` ](x) {0}",
    "WWW.MASSENMOBILISIERUNG.DE und Www.massenmobilisierung.de/geschickte-Massenmobilisierung",
]


def test_masking_only_what_a_text_can_hold_masks_what_everything_masks():
    """mask_protected compiles one expression per set of trigger strings in a text; it must
    mask exactly what the expression of all of them masks."""
    from mtcheck.language.masking import _PROTECTED_TRIGGERS, PLACEHOLDER, _protected_re, mask_protected

    from conftest import SEEDS

    whole = _protected_re(frozenset(_PROTECTED_TRIGGERS))
    texts = MASKED + [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    masked = 0
    for text in texts:
        expected = whole.sub(lambda m: PLACEHOLDER * len(m.group()), text)
        assert mask_protected(text) == expected, text
        masked += expected != text
    assert masked >= len(MASKED) + 3  # the samples, and the seed lines with a URL


def test_masking_triggers_are_every_place_a_trigger_starts():
    """masking_triggers looks for a longer trigger only where its rarest character is; it must
    still find every place any trigger starts, overlapping ones included."""
    import re

    from mtcheck.language.masking import _PROTECTED_TRIGGERS, masking_triggers

    from conftest import SEEDS

    near_misses = "a/b ://x [a](b) ]( wwww.x http:/ ]x (y"
    plain = "kein Auslöser: nur Wörter, Punkte. Und (Klammern)."
    texts = MASKED + [near_misses, plain] + [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        expected = sorted(m.start() for trigger in _PROTECTED_TRIGGERS
                          for m in re.finditer(f"(?={re.escape(trigger)})", text))
        assert sorted(masking_triggers(text)) == expected, text[:80]
    # ".x" may start a file name's extension: a trigger too
    assert masking_triggers(plain) == [] and sorted(masking_triggers(near_misses)) == [4, 11, 16, 20, 23]


def test_overlapping_candidates_are_settled_as_one_greedy_pass_over_all_would():
    """_longest_first settles each cluster of overlapping candidates on its own; that must give
    what taking the longest first over the whole text gives, chains of overlaps included."""
    import random
    from types import SimpleNamespace

    from mtcheck.matching import _longest_first

    def greedy(candidates):
        taken = []
        for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[2].foreign, c[2].order)):
            if all(cand[1] <= s or e <= cand[0] for s, e, _ in taken):
                taken.append(cand)
        return sorted(taken, key=lambda c: c[0])

    rng = random.Random(7)
    entries = [SimpleNamespace(foreign=i % 3 == 0, order=i) for i in range(40)]
    clustered = 0
    for _ in range(500):
        candidates = []
        for _ in range(rng.randint(2, 30)):
            start = rng.randint(0, 120)
            candidates.append((start, start + rng.randint(1, 15), rng.choice(entries)))
        expected = greedy(candidates)
        clustered += len(expected) < len(candidates)
        assert _longest_first(list(candidates)) == expected
    assert clustered > 400  # most draws have overlaps to settle


def test_codes_given_in_bulk_are_those_given_one_by_one_and_never_surrogates():
    from mtcheck.termtable import Codes

    one_by_one, bulk = Codes(), Codes()
    one_by_one._next = bulk._next = 0xD7F0
    keys = [f"w{i % 150}" for i in range(300)]
    expected = {key: one_by_one.code(key) for key in keys}
    assert bulk.coded(keys) == expected and len(expected) == 150
    assert not any(0xD800 <= ord(code) <= 0xDFFF for code in expected.values())
    assert bulk.coded(["w3", "new"])["new"] == one_by_one.code("new") and bulk._next == one_by_one._next


def test_hits_are_placed_alike_by_arrays_and_by_bisection(monkeypatch):
    """Long texts place their hits with array operations, short ones by bisection: the two
    must agree, on every seed line and on texts with punctuation, hyphens and double spaces."""
    from conftest import SEEDS

    from mtcheck import matching
    from mtcheck.glossary import load_glossary
    from mtcheck.glossary.shipped import shipped_glossary

    glossary = load_glossary(shipped_glossary())
    langs = {"000": "de", "001": "nb", "002": "de", "003": "de", "004": "tr"}
    texts = [(langs[path.name[:3]], line) for path in sorted(SEEDS.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    texts.append(("de", "  „Geschickte  Massenmobilisierung“, (Massenmobilisierungs-Arbeit) - die Skilled-Mass Mobilization  "))

    def placed(few):
        monkeypatch.setattr(matching, "_FEW_CHUNKS", few)
        matcher = Matcher(glossary)
        return [matcher.for_language(lang).find(text) for lang, text in texts]

    by_bisection, by_arrays = placed(10**9), placed(0)
    assert by_bisection == by_arrays and sum(map(len, by_arrays)) > 250


def test_urls_written_in_capitals_are_masked_too():
    matcher = Matcher(Glossary((Concept("dan-van", (Term("Massenmobilisierung", "de"),)),)))

    def found(text):
        return [m.text for m in matcher.matches(Segment(text, "t", 1, lang="de"))]

    assert found("WWW.MASSENMOBILISIERUNG.DE und Www.Massenmobilisierung.de") == []
    assert found("www.massenmobilisierung.de, die Massenmobilisierung") == ["Massenmobilisierung"]


def test_between_terms_a_word_fits_alike_the_one_the_dictionary_gives_as_its_lemma():
    """„checks" shares as much with the account type "Checking" as with "check" (the cheque):
    the dictionary's lemma of the word says which term it is; "Checking" stays the account's."""
    glossary = Glossary((Concept("checking-account", (Term("Checking", "en", Status.PREFERRED),)),
                         Concept("cheque", (Term("check", "en", Status.PREFERRED),))))
    english = Matcher(glossary).for_language("en")

    def concepts(text):
        return [(m.text, m.concept.id) for m in english.matches(Segment(text, "t", 1, lang="en"))]
    assert concepts("Print checks from several accounts") == [("checks", "cheque")]
    assert concepts("Open a Checking account") == [("Checking", "checking-account")]


@pytest.mark.parametrize("lang, term, text, plural", [
    ("it", "ramo", "Cancellare i rami selezionati?", "rami"),            # simplemma: rame, copper
    ("fr", "solde", "Inclure les soldes des sous-comptes", "soldes"),    # simplemma: solder
    ("es", "fracción", "Las fracciones del precio", "fracciones"),      # simplemma: fraccionar
    ("it", "conto", "Mostra i conti nascosti", "conti"),                # simplemma: conte, a count
    ("it", "data", "Mostra le date di inserimento", "date"),            # simplemma: dare, to give
])
def test_a_terms_regular_plural_is_its_form_whatever_lemma_the_dictionary_gives_it(lang, term, text, plural):
    """A dictionary of one lemma per form may give a term word's plural to another word (or a
    verb of its stem): the term's regular plural is still its form."""
    matcher = Matcher(Glossary((Concept("c", (Term("x", "en"), Term(term, lang, part_of_speech="noun"))),)))
    assert [m.text for m in matcher.matches(Segment(text, "t", 1, lang=lang))] == [plural]


def test_a_terms_plural_written_in_another_term_is_still_its_plural_there():
    """„Conti" is a word of other terms („Conti persi", „piano dei conti"), which the dictionary
    reads as „conte" (a count): it is „conto"'s plural in „conti genitore" too, and every term
    that writes it still matches; a plural the dictionary knows as a word of its own
    (French „frais", costs, beside „frai", spawn) keeps its own reading."""
    glossary = Glossary((Concept("account", (Term("account", "en"), Term("conto", "it"))),
                         Concept("parent-account", (Term("parent account", "en"), Term("conto genitore", "it"))),
                         Concept("lost-accounts", (Term("lost accounts", "en"), Term("Conti persi", "it"))),
                         Concept("chart", (Term("chart of accounts", "en"), Term("piano dei conti", "it")))))
    found = [(m.text, m.concept.id) for m in Matcher(glossary).matches(Segment(
        "I saldi dei conti genitore; il piano dei conti; Conti persi.", "t", 1, lang="it"))]
    assert found == [("conti genitore", "parent-account"), ("piano dei conti", "chart"),
                     ("Conti persi", "lost-accounts")]
    french = Glossary((Concept("spawn", (Term("spawn", "en"), Term("frai", "fr"))),
                       Concept("fees", (Term("shipping costs", "en"), Term("frais de port", "fr")))))
    found = [(m.text, m.concept.id) for m in Matcher(french).matches(Segment(
        "Les frais de port et les frais du frai.", "t", 1, lang="fr"))]
    assert found == [("frais de port", "fees"), ("frai", "spawn")]


def test_a_plural_the_rule_is_not_sure_of_is_left_to_the_dictionary():
    """Italian words in -e take -i or stay as they are („il file, i file"; „fare", to do, is no
    noun): „fili" (threads) and „fari" (lighthouses) are no forms of the terms „file" and
    „fare"; the words of a verb term that have a plural keep it („creare rami")."""
    glossary = Glossary((Concept("do", (Term("do", "en"), Term("fare", "it", part_of_speech="verb"))),
                         Concept("file", (Term("file", "en"), Term("file", "it"))),
                         Concept("branch-verb", (Term("branch", "en"), Term("creare ramo", "it", part_of_speech="verb")))))
    found = [(m.text, m.concept.id) for m in Matcher(glossary).matches(Segment(
        "I fari del porto, i fili del telefono; creare rami.", "t", 1, lang="it")) if not m.foreign]
    assert found == [("creare rami", "branch-verb")]


@pytest.mark.parametrize("lang, word, plural", [
    ("it", "ramo", "rami"), ("it", "conto", "conti"), ("it", "città", "città"), ("it", "server", "server"),
    ("it", "file", None), ("it", "amico", None), ("it", "negozio", None), ("it", "pagina", "pagine"),
    ("it", "banca", "banche"), ("it", "provincia", None),
    ("pt", "canal", "canais"), ("pt", "item", "itens"), ("pt", "servidor", "servidores"), ("pt", "anzol", "anzóis"),
    ("pt", "conta", "contas"), ("pt", "pão", None), ("pt", "papel", None), ("fr", "bureau", "bureaux"),
    ("fr", "cheval", None), ("es", "versión", "versiones"), ("es", "lunes", None), ("de", "Konto", None),
])
def test_a_regular_plural_is_given_only_where_the_rule_is_sure(lang, word, plural):
    assert regular_plural(word, lang) == plural


def test_a_function_word_of_a_term_takes_no_plural():
    """French „par" of „par défaut" is a preposition: „pars" is a form of „partir"."""
    matcher = Matcher(Glossary((Concept("default", (Term("default", "en"), Term("par défaut", "fr"))),)))
    found = [m.text for m in matcher.matches(Segment("Tu pars défaut; valeur par défaut.", "t", 1, lang="fr"))]
    assert found == ["par défaut"]


def test_a_plural_that_is_a_function_word_is_left_to_the_dictionary():
    """Portuguese „nós" is the plural of „nó" (a node) and the pronoun 'we': the matcher does
    not take every „nós" for the term."""
    matcher = Matcher(Glossary((Concept("node", (Term("node", "en"), Term("nó", "pt"))),)))
    found = [m.text for m in matcher.matches(Segment("Nós verificamos o nó.", "t", 1, lang="pt"))]
    assert found == ["nó"]
