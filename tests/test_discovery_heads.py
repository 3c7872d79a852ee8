"""Discovery: a known rendering whose head a word formed as it is replaces (another action noun
for the same process, the term's modifiers kept), and what is no such word."""
from __future__ import annotations

from mtcheck.discovery.parts import affixes, alike, hangul_affixes
from mtcheck.glossary import load_glossary
from tests.test_discovery import candidates_in, discovered, flagged_in

INDONESIAN = ("site-clearance,en,site clearance,preferred\n"
              "site-clearance,id,pembebasan lahan,preferred\n")
GERMAN = ("site-clearance,en,site clearance,preferred\n"
          "site-clearance,de,Geländeräumung,preferred\n"
          "transfer,en,transfer,preferred\n"
          "transfer,de,Überweisung,preferred\n")


def test_the_stemmer_tells_a_words_affixes():
    assert affixes("pembebasan", "bebas") == ("pem", "an")
    assert affixes("Räumung", "raum") == ("", "ung")
    assert affixes("lahan", "lahan") is None        # no affix: the word is its stem
    assert affixes("Massen", "mass") is None        # two letters: an inflection's ending
    assert alike(("", "ung"), ("", "igung")) and alike(("pem", "an"), ("pem", "an"))
    assert not alike(("pem", "an"), ("ke", "an")) and not alike(("", "ung"), ("", "heit"))
    assert not alike(("pem", "an"), ("pem", "n"))   # one letter: found by no head's last two


def test_another_action_noun_formed_as_the_head_is_is_a_rendering(tmp_path):
    """„pembersihan lahan" (clearing of land, pem-bersih-an) and „pembukaan lahan" (opening of
    land, pem-buka-an) for „pembebasan lahan" (freeing of land, pem-bebas-an): the modifier
    kept, the head another noun of the same derivation."""
    text = ("Proyek jalan tol terhambat oleh pembersihan lahan yang lambat di tiga desa.\n"
            "Pemerintah daerah mempercepat pembukaan lahan untuk kawasan industri baru.\n")
    found = candidates_in(tmp_path, INDONESIAN, "id", text)
    for form in ("pembersihan lahan", "pembukaan lahan"):
        assert found[form].concept.id == "site-clearance" and found[form].score >= 0.5
        assert "formed" in {e.signal for e in found[form].evidence}


def test_a_prefix_that_takes_the_stems_first_sound_is_one_morpheme(tmp_path):
    """Indonesian peN- is pem- before b, peng- before g: „penggusuran lahan" (peng-gusur-an,
    eviction from land) is formed as „pembebasan lahan" (pem-bebas-an) is. „pengadaan
    lahan" (procurement of land) is formed so too, but on a stem of three letters („ada"),
    shorter than the stemmer trusts: no such rendering."""
    assert affixes("penggusuran", "gusur", "id") == affixes("pembebasan", "bebas", "id") == ("peN", "an")
    assert affixes("penggusuran", "gusur") == ("peng", "an")  # another language's prefixes as written
    text = ("Penggusuran lahan untuk jalan lingkar itu tertunda.\n"
            "Warga menolak penggusuran lahan tanpa ganti rugi.\n"
            "Pengadaan lahan seluas sepuluh hektar selesai tahun lalu.\n")
    found = flagged_in(tmp_path, INDONESIAN, "id", text)
    assert found == {("Penggusuran lahan", "site-clearance")}  # both places, one candidate


def test_a_head_replaced_accents_and_articles_aside(tmp_path):
    """„défrichement des sites" for „déblaiement du site": the stemmer keeps the accent of
    „déblai", which the word's affixes are read without, and „des" is „du"'s preposition in the
    plural (the complement's article takes the sentence's number)."""
    assert affixes("déblaiement", "déblai") == ("", "ement")
    french = ("site-clearance,en,site clearance,preferred\n"
              "site-clearance,fr,déblaiement du site,preferred\n")
    found = candidates_in(tmp_path, french, "fr", "Le défrichement des sites avance lentement dans la province.\n")
    assert found["défrichement des sites"].concept.id == "site-clearance"
    assert found["défrichement des sites"].score >= 0.5
    assert "formed" in {e.signal for e in found["défrichement des sites"].evidence}


def test_another_modifier_or_a_word_not_so_formed_is_no_such_rendering(tmp_path):
    """„pembangunan jalan" (road building) keeps no word of the term; „hektar lahan" (hectares
    of land) has no word formed as the head; „pembebasan" alone is the term's head, no phrase."""
    text = ("Dana itu dipakai untuk pembangunan jalan dan sepuluh hektar lahan pertanian.\n"
            "Warga menuntut pembebasan tahanan politik.\n")
    assert not {concept for _, concept in flagged_in(tmp_path, INDONESIAN, "id", text)}


def test_a_compounds_head_replaced_and_a_prefix_that_is_no_part(tmp_path):
    """„Geländebereinigung" keeps the first part „Gelände" of „Geländeräumung" and has another
    noun in -ung for its head; „Übersetzung" shares only the prefix „Über" with „Überweisung"
    (a translation is no transfer)."""
    text = ("Die Geländebereinigung für die neue Straße dauerte drei Monate.\n"
            "Die Übersetzung des Vertrags lag erst im Mai vor.\n")
    flagged = flagged_in(tmp_path, GERMAN, "de", text)
    assert ("Geländebereinigung", "site-clearance") in flagged
    assert not any(form == "Übersetzung" for form, _ in flagged)


def test_a_compounds_first_part_is_kept_only_where_both_rests_are_words(tmp_path):
    """„Beschaffung" (procurement) and „Beschäftigung" (employment) begin as „Beschreibung"
    (description) does, and „Besch" is in the dictionary, but „affung" and „äftigung" are no
    words: no compound's first part kept with another head after it, no rendering."""
    glossary = "description,en,description,preferred\ndescription,de,Beschreibung,preferred\n"
    text = ("Die Beschaffung neuer Geräte dauert.\nDie Beschäftigung stieg im Mai.\n"
            "Die Beschaffung lief gut, die Beschäftigung auch.\n")
    assert flagged_in(tmp_path, glossary, "de", text) == set()


def test_a_compounds_first_part_replaced_by_one_of_the_same_sense(tmp_path, dictionaries):
    """„Landräumung" is „Geländeräumung" with „Land" for „Gelände", both 'land' in the
    German–English dictionary: the term with its first part said otherwise. „Baufeldräumung"
    shares no sense with it there, „Landwirtschaft" no head; without the dictionary nothing.
    „Beitrag" (contribution) beside „Auftrag" (order) replaces a prefix, no noun, whatever
    sense the dictionary gives the prepositions."""
    from tests.test_bilingual import write_dictionary

    glossary = GERMAN + "order,en,order,preferred\norder,de,Auftrag,preferred\n"
    text = ("Die Landräumung für die Straße dauert.\nDie Landräumung ist fast fertig.\n"
            "Die Baufeldräumung beginnt, die Landwirtschaft leidet.\n"
            "Der Beitrag steigt, der Beitrag sinkt, der Auftrag bleibt.\n")
    assert flagged_in(tmp_path, glossary, "de", text) == set()
    write_dictionary(dictionaries, "freedict-deu-eng", [
        ("gelände", "Gelände <n>\nland, terrain, site\n"), ("land", "Land <n>\nland, country\n"),
        ("baufeld", "Baufeld <n>\nworking area\n"), ("auf", "auf <prep>\non\n"), ("bei", "bei <prep>\non\n")])
    found = candidates_in(tmp_path, glossary, "de", text)
    assert {form for form, c in found.items() if c.score >= 0.5} == {"Landräumung"}
    assert [e.detail for e in found["Landräumung"].evidence if e.signal == "variant"] == [
        "the known rendering 'Geländeräumung' with 'Land' for 'Gelände', both 'land' in the dictionary"]


def test_a_verb_term_whose_verb_another_replaces_is_another_action(tmp_path):
    """The glossary's verb „creare rami" (create branches): „ripristinare rami" restores them,
    another action, though both verbs end in -are; the same term without its part of speech
    is read as a noun's phrase, and the verb formed alike is a candidate."""
    text = "Non è possibile ripristinare rami cancellati da più di un mese.\n"

    def formed(part_of_speech: str) -> bool:
        glossary_path = tmp_path / "g.csv"
        glossary_path.write_text("concept,lang,term,status,part_of_speech\n"
                                 f"branch-verb,en,create branches,preferred,{part_of_speech}\n"
                                 f"branch-verb,it,creare rami,preferred,{part_of_speech}\n", encoding="utf-8")
        found = discovered(load_glossary(glossary_path), "it", text, everything=True)
        return any("formed" in {e.signal for e in c.evidence} for c in found.values())
    assert formed("") and not formed("verb")


KOREAN = ("cloud-provider,en,Cloud Provider,preferred\n"
          "cloud-provider,ko,클라우드 공급자,preferred\n")


def test_a_korean_nouns_last_syllable_is_its_suffix():
    """Sino-Korean nouns end in a morpheme that says what kind of thing they are (자, 'one
    who'), after a case particle is cut: the word as it stands, then without it."""
    assert hangul_affixes("공급자") == (("", "자"),)
    assert ("", "자") in hangul_affixes("제공자와") and ("", "와") in hangul_affixes("제공자와")
    assert hangul_affixes("환경") == ()     # one syllable of stem: no derivation to tell


def test_a_korean_head_formed_as_the_terms_is_a_rendering(tmp_path):
    """„클라우드 제공자" and „클라우드 제공사업자" (providers) for „클라우드 공급자" (supplier):
    the modifier kept, the head another noun in -자, a particle after it or not; „클라우드
    환경" (the cloud environment) ends otherwise, and the term itself is no candidate."""
    text = ("노드 컨트롤러는 클라우드 제공자와 통신한다.\n"
            "이 정보는 클라우드 제공사업자에게 전달된다.\n"
            "클라우드 공급자의 API를 호출하고 클라우드 환경에서 실행된다.\n")
    flagged = flagged_in(tmp_path, KOREAN, "ko", text)
    assert ("클라우드 제공자와", "cloud-provider") in flagged
    assert ("클라우드 제공사업자에게", "cloud-provider") in flagged
    assert not any("환경" in form or "공급자" in form for form, _ in flagged)
