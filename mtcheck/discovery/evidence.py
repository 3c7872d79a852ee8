"""The evidence that a candidate's places render a concept: each signal with its weight, said
in words (see the engine's docstring for the signals)."""
from __future__ import annotations

from collections import Counter
from typing import Callable

from mtcheck.discovery.candidate import Evidence
from mtcheck.discovery.lexical import MODIFIERS_FIRST, SOUNDED
from mtcheck.discovery.parts import WHOLE_CORE, ConceptParts, Rendering, Share, frame_kept
from mtcheck.discovery.reading import LanguageState, Learned, Span
from mtcheck.discovery.scoring import SIGNALS
from mtcheck.discovery.text import CAPITALISED_NOUNS, inflected_as, named_as_names_are, written_as_a_name
from mtcheck.language import canonical_lang, family
from mtcheck.language.dictionary import simplemma_languages
from mtcheck.model import Concept, Glossary, Term

WEIGHTS = SIGNALS  # each signal's weight at full strength, as its evidence shows it
# How a term is spelt otherwise.
_SPELT = {"closed": "written as one word", "initials": "as its initials", "misspelt": "misspelt",
          "abbreviated": "abbreviated to some of its characters"}
# Of the dictionary's weight, for a translation of one word (or of a term's words but its head),
# once and where it recurs.
PARTIAL, PARTIAL_RECURRING = 0.55, 0.9


def _means_otherwise(surface: str, lang: str, kept: Term, concept: Concept) -> bool:
    """Whether a dictionary from the word's language into the one the term is kept from knows
    the word (or its lemma) and gives none of the term's words for it: a word of its own that
    only looks like the term (French „tant", so much, beside "Taint"; „nœud" gives node). A
    word it does not know may be the term's translation."""
    from mtcheck.language.bilingual import lexicon
    from mtcheck.language.dictionary import dictionary_lemma

    lang = canonical_lang(lang)
    forms = {surface.casefold()}
    if lang in simplemma_languages():
        forms.add((dictionary_lemma(surface, lang) or surface).casefold())
    words = {word.casefold() for word in kept.text.split()}
    given = set()
    for source in sorted({canonical_lang(t.lang) for t in concept.terms
                          if t.text.casefold() == kept.text.casefold()} - {lang}):
        back = lexicon(lang, source)
        given |= {word.casefold() for form in forms for translation in back.translations(form)
                  for word in translation.split()} if back else set()
    return bool(given) and not given & words


class EvidenceReader:
    """Reads the evidence of a span's places against one concept at a time."""

    def __init__(self, glossary: Glossary, concepts: dict[str, Concept], parts_of: Callable[[str], ConceptParts],
                 renders: Callable[[str, Concept], bool], mt_lang: str | None):
        self.glossary = glossary
        self._concepts = concepts
        self.parts_of = parts_of      # a language -> its ConceptParts
        self.renders = renders        # whether the MT signal's text has one of the concept's terms
        self.mt_lang = mt_lang

    def variant(self, parts: ConceptParts, concept: Concept, keys: list[str], text: str) \
            -> tuple[Rendering, bool, tuple | None, bool] | None:
        """The first of the concept's renderings whose words the text has, in another form,
        order or grammar, for which it is another rendering: (that rendering, written as a
        phrase, its words replaced by the glossary's, reordered); None where it is none. Not
        across a word the rendering does not link its words with („movilización masiva es
        hábil" says the mobilisation is skilful), unless a compound of two nouns is written as
        a phrase („Speicher in der Cloud" for „Cloud-Speicher"); each of a concept's terms is
        tried („API del servidor" is „servidor de la API" reordered, not „API Server" with a
        link word more)."""
        for variant in parts.variants_of(concept.id, keys):
            phrased = parts.compound_phrased(variant, text)
            if not phrased and parts.extra_links(variant, text):
                continue
            worded = parts.worded_by_glossary(concept, variant, text, self._concepts)
            if not worded and parts.other_words(variant, text) or parts.senses_apart(variant, text):
                continue
            reordered = parts.reordered(variant, keys)
            if reordered or worded or not parts.contains_rendering(concept.id, keys) or parts.relinked(variant, text) \
                    or parts.renumbered(variant, text):
                return variant, phrased, worded, reordered
        return None

    def evidence(self, lang: str, state: LanguageState, spans: list[Span], concept: Concept, parts: ConceptParts,
                  known: tuple[Concept, Term] | None, learned: Learned,
                  translations: dict | None, own: list[tuple[str, ...]]) -> list[Evidence]:
        span_lang, keys = spans[0].span_lang, spans[0].keys
        if span_lang == lang and _kept_term_inflected(concept, lang, spans[0].occurrence.text):
            return []  # a term kept from English, inflected as English does („Container Runtimes")
        if span_lang == lang and parts.term_form(concept.id, spans[0].occurrence.text):
            return []  # the concept's own term in a form the analyser did not tell
        if span_lang == lang and parts.respelt_term(concept.id, spans[0].occurrence.text):
            return []  # the term rightly spelt where the glossary misspells it
        evidence: list[Evidence] = []
        tied = False
        # The term's words but its head, translated: a name cut short (see DictionaryRenderings).
        shortened = state.lexical.shortened(concept.id, spans[0].occurrence.text) \
            if span_lang == lang and state.lexical else None
        aligned = max((s.aligned for s in spans if s.aligned and s.aligned[0] == concept.id),
                      key=lambda a: (a[1], a[2]), default=None)
        glossed = next((s.glossed[1] for s in spans if s.glossed and concept.id in s.glossed[0]), None)
        if glossed is not None:
            evidence.append(Evidence("glossed", WEIGHTS["glossed"], f"the {glossed.lang} term '{glossed.text}' "
                                     f"glosses it in brackets"))
            tied = True
        inserted = next((s.inserted for s in spans if s.inserted and s.inserted[0] == concept.id), None)
        if inserted is not None:
            _, term, word = inserted
            evidence.append(Evidence("variant", WEIGHTS["variant"], f"the name '{term.text}' with '{word}' "
                                     f"inside it"))
            tied = True
        respaced = next((s.respaced for s in spans if s.respaced and s.respaced[0] == concept.id), None)
        if respaced is not None:
            _, term, how = respaced
            evidence.append(Evidence("respaced", WEIGHTS["respaced"], f"the term '{term.text}' {how}"))
            tied = True
        if aligned:
            _, strength, support, total, source_text, how = aligned
            where = how if how else \
                "the only words the target has for it" if support < 2 else \
                f"in {support} of the {total} segments whose target lacks the concept's terms"
            evidence.append(Evidence("aligned", round(WEIGHTS["aligned"] * strength, 3),
                                     f"the source has '{source_text}' and the target none of the concept's terms: "
                                     f"this stands there ({where})"))
            tied = True
        spelt = next(((t, signal) for c, t, signal in parts.spellings(spans[0].occurrence.text) if c == concept.id),
                     None) if span_lang == lang and respaced is None else None
        if known and known[0].id == concept.id:
            evidence.append(Evidence("untranslated", WEIGHTS["untranslated"],
                                     f"the {known[1].lang} term '{known[1].text}' left untranslated"))
            tied = True
        elif respaced is not None:
            pass  # the term itself, its words joined otherwise (said above): nothing it shares says more
        elif spelt is not None:
            # Not the known rendering shortened („Apiserver" beside kube-apiserver): a term
            # spelt as one word, or its initials.
            term, signal = spelt
            evidence.append(Evidence(signal, WEIGHTS[signal], f"the {term.lang} term '{term.text}' {_SPELT[signal]}"))
            tied = True
        elif span_lang == lang and (replaced := next((r for r in parts.first_part_replaced(spans[0].occurrence.text)
                                                     if r[0] == concept.id), None)):
            _, term, own_first, first, sense = replaced
            evidence.append(Evidence("variant", WEIGHTS["variant"], f"the known rendering '{term.text}' with "
                                     f"'{first}' for '{own_first}', both '{sense}' in the dictionary"))
            tied = True
        elif (kept := next((t for c, t in parts.cognates(spans[0].occurrence.text) if c == concept.id), None)) \
                and not _always_capitalised(state.counts, [s.occurrence.text for s in spans], lang) \
                and not _means_otherwise(spans[0].occurrence.text, span_lang, kept, concept):
            # Once is weak: a translation of a kept term recurs where the concept is discussed.
            weight = WEIGHTS["cognate"] if len(spans) > 1 else round(WEIGHTS["cognate"] * 0.6, 3)
            evidence.append(Evidence("cognate", weight, f"'{spans[0].occurrence.text}' looks like a translation of "
                                     f"'{kept.text}', which the glossary keeps as it is"))
            tied = True
        elif not any(s.known for s in spans) \
                and (found := self.variant(parts, concept, list(keys), spans[0].occurrence.text)) is not None:
            # The same words in another order are less sure than other forms of them in the
            # same order („Massenmobilisierung geschickt" is an adverb's place).
            variant, phrased, worded, reordered = found
            if phrased:
                evidence.append(Evidence("variant", WEIGHTS["variant"], f"the known rendering "
                                         f"'{variant.term.text}' written as a phrase"))
            elif worded:
                own, other, named = worded
                evidence.append(Evidence("variant", WEIGHTS["variant"], f"the known rendering "
                                         f"'{variant.term.text}' with '{other}', the glossary's term for "
                                         f"'{named.text}', for '{own}'"))
            elif not reordered and parts.renumbered(variant, spans[0].occurrence.text):
                evidence.append(Evidence("variant", WEIGHTS["variant"], f"the known rendering "
                                         f"'{variant.term.text}' with its complement in another number"))
            else:
                signal = "reordered" if reordered else "variant"
                evidence.append(Evidence(signal, WEIGHTS[signal], f"the words of the known rendering "
                                         f"'{variant.term.text}' in another "
                                         f"{'order' if reordered else 'form or grammar'}"))
            tied = True
            evidence.extend(_titled(spans))
        else:
            if parts.contains_rendering(concept.id, list(keys)) or parts.contains_variant(concept.id, list(keys)):
                # The rendering's words, with fewer of the words that link them, are another
                # rendering („fournisseurs cloud" for „fournisseur de cloud").
                unlinked = None if any(s.known for s in spans) else \
                    parts.without_link(concept.id, spans[0].occurrence.text)
                if unlinked is not None and not parts.other_words(unlinked[0], spans[0].occurrence.text):
                    evidence.append(Evidence("variant", WEIGHTS["variant"], f"the words of the known rendering "
                                             f"'{unlinked[0].term.text}' without its '{unlinked[1]}'"))
                    tied = True
                elif inserted is None and aligned is None:
                    return []  # a known rendering (or a variant of it) in a longer phrase, or other words
                # Aligned, it is none of the concept's terms (a gap's runs touch no matched term):
                # the rendering's words without some of its own („periodo" for „período de
                # tiempo", whose 'tiempo' a stop list holds), a rendering the aligned signal says.
                share = None
            else:
                share = parts.best_share(concept.id, list(keys), all(s.occurrence.quoted for s in spans))
                if share is not None and parts.senses_apart(share.rendering, spans[0].occurrence.text):
                    share = None  # it shares a stem with the rendering's word, not the word
            if share is not None and not share.novel:
                # Where the source has the term and the target none of its renderings, part of a
                # rendering is a rendering too („科目" where the glossary says „会计科目");
                # elsewhere it is the rendering, shortened, unless the dictionary reads it as
                # the term's words but the head, or as every word of the term: „execução de
                # contêiner", part of „agente de execução de contêiner", translates "Container
                # Runtime" ('runtime': execução; the pages write „tempo de execução").
                if not aligned and not glossed and shortened is None and not (
                        span_lang == lang and state.lexical.rendering(concept.id, spans[0].occurrence.text)):
                    return []  # nothing new beside what it shares
                share = None
            if share is not None:
                # Words that are another concept's known term are that concept's first:
                # sharing them says less ('Massenmobilisierung' is mass mobilisation).
                explained = any(span.inner - {concept.id} for span in spans)
                base = share.rendering.base
                # A link word the known rendering has not joins another thing to it, not a
                # modifier: a conjunction („Propaganda e Mobilização de Massas") or a preposition
                # („Comité de mobilisation de masse", a committee).
                linked = parts.extra_links(share.rendering, spans[0].occurrence.text) \
                    or parts.governed(share.rendering, spans[0].occurrence.text,
                                      tuple(key for key in share.novel if key not in share.shared))
                if base is not None and share.core >= WHOLE_CORE and (share.placed or any(s.named for s in spans)) \
                        and not linked:
                    # The glossary's structure: another concept's term with another modifier
                    # where the known rendering has its modifier.
                    evidence.append(Evidence("structure", WEIGHTS["structure"],
                                             f"'{base.text}' with another modifier, as the known rendering "
                                             f"'{share.rendering.term.text}' is built on it"))
                    if share.modifier:
                        evidence.extend(e for e in _share_evidence(share, 1.0) if e.signal == "modifier")
                    evidence.extend(_titled(spans))
                elif linked:
                    pass  # another thing joined to it („masowa mobilizacja jest umiejętna": a clause), or
                    # governing it („Komitetu Mobilizacji Masowej": a committee)
                elif explained and not any(s.occurrence.quoted for s in spans) \
                        and any(concept.id not in parts.dependents.get(other, ()) for s in spans
                                for other in s.inner - {concept.id}) \
                        and not (span_lang == lang and state.lexical.rendering(concept.id, spans[0].occurrence.text)):
                    # Unquoted, another concept's known term and a word more: that concept with
                    # a word beside it, unless the glossary builds this concept on it, or the
                    # dictionary reads the two as every word of this concept's term („runtime de
                    # contenedores": "Container Runtime", its 'Container' the glossary's
                    # „contenedor", its 'Runtime' kept).
                    return []
                else:
                    evidence.extend(_share_evidence(share, 2 / 3 if explained else 1.0))
                    if any(s.named for s in spans) and any(frame_kept(r, keys)
                                                           for r in parts.renderings.get(concept.id, ())):
                        # A name with words inside it replaced („Vietnami Hazai Front" for
                        # „Vietnami Hazafias Front"), written like a name as the term is.
                        evidence.extend(_titled(spans))
                    elif share.core and any(s.quoted_name and not s.named for s in spans) \
                            and (_quoted_in_texts(state, parts, concept.id)
                                 or named_as_names_are(concept, lang, state.analyser)):
                        # The core of the concept's renderings in a phrase quoted whole in small
                        # letters, as a writer marks a name („mobilizace lidu", 'mobilisation of
                        # the people'); written with capitals, the name of something else as often
                        # („Kitle Seferberliği Davası", the cause). Only of a concept that is a
                        # name: quoted in the texts, or written as a name in the glossary; a
                        # quoted phrase sharing a word with a thing's term is the name of another
                        # thing („leur contrôle continu" beside „plan de contrôle").
                        evidence.extend(_quoted_as_name(spans))
                tied = tied or bool(share.core or share.modifier)
        formed = parts.with_head_replaced(concept.id, spans[0].occurrence.text) if span_lang == lang else None
        if formed is not None:
            rendering, head, word = formed
            evidence.append(Evidence("formed", WEIGHTS["formed"],
                                     f"the known rendering '{rendering.term.text}' with '{word}' for its head "
                                     f"'{head}', a word formed as it is"))
            if not any(e.signal in ("modifier", "structure") for e in evidence):
                # What it keeps of the rendering is its modifier (a compound's first part:
                # „Gelände" of „Geländebereinigung" for „Geländeräumung").
                evidence.append(Evidence("modifier", WEIGHTS["modifier"],
                                         f"shares a modifier of the known rendering '{rendering.term.text}'"))
            tied = True
        # The candidate's own places are never its evidence: an untranslated term's were read as
        # the concept's renderings, an accepted candidate's were learned as such.
        if known and known[0].id == concept.id:
            own = own + [s.occurrence.slot_words for s in spans if s.known]
        slot = max((e for e in (state.slots.evidence(concept.id, s.occurrence.slot_words, own) for s in spans) if e),
                   key=lambda e: (e.specificity, e.known, e.word), default=None)
        if slot is not None:
            word = state.spelling.get(slot.word, slot.word)
            evidence.append(Evidence("slot", round(WEIGHTS["slot"] * slot.specificity, 3),
                                     f"stands near '{word}' as known renderings do "
                                     f"({slot.known} of its {slot.seen} occurrences)"))
            tied = True
        # Words of other accepted candidates, for a quoted name only: unquoted text is full of
        # everyday words that a candidate may share.
        words = learned.get((concept.id, span_lang), {})
        overlap = {k for k in keys if words.get(k, set()) - {keys}}
        if overlap and any(s.occurrence.quoted for s in spans):
            evidence.append(Evidence("learned", WEIGHTS["learned"],
                                     f"shares '{', '.join(sorted(overlap))}' with other candidates for the concept"))
            tied = True
        translated = (translations or {}).get((span_lang, keys))
        if translated and self.renders(translated, concept):
            evidence.append(Evidence("mt", WEIGHTS["mt"], f"machine-translated into {self.mt_lang}: '{translated}'"))
            tied = True
        # In a language that joins a phrase's modifiers into its head (German, Dutch, the
        # Nordic languages), or puts them before it always (Hungarian, Finnish, Estonian,
        # Turkish, English), a phrase's order is fixed: the known rendering's words in another
        # order are a clause („wenn die Massenmobilisierung geschickt ist", „ha a tömeges
        # mozgósítás ügyes": predicates), and that the dictionary translates them as the term
        # says nothing the order does not. Elsewhere an adjective may follow its noun
        # („Frontové pracovní výbory").
        fixed_order = state.analyser.analyzer.compounding or family(lang) in MODIFIERS_FIRST
        by_dictionary = span_lang == lang and not (fixed_order and any(e.signal == "reordered" for e in evidence))
        listed = next((s.listed[1] for s in spans if s.listed and concept.id in s.listed[0]), None)
        lexical = state.lexical.rendering(concept.id, spans[0].occurrence.text,
                                          aligned is not None or listed is not None) \
            if by_dictionary else None
        if shortened is not None and by_dictionary and lexical is None:
            # As one word translated, weaker than the whole term: the other words may name
            # something else („socjalistycznej Ojczyzny Wietnamu", Vietnam's socialist
            # fatherland), unless the texts name the concept so again and again.
            translated, left_out = shortened
            factor = PARTIAL_RECURRING if len(spans) > 1 else PARTIAL
            evidence.append(Evidence("lexicon", round(WEIGHTS["lexicon"] * factor, 3),
                                     f"a translation of the {translated.term.lang} term '{translated.term.text}' "
                                     f"without its '{left_out}' ({', '.join(translated.dictionaries)})"))
            tied = True
        if aligned is not None and lexical is not None and lexical.in_gap_only \
                and state.gaps.rendered[concept.id] >= max(1, aligned[2], len(spans)):
            # The run is one of the source word's other senses by the dictionary (the glossary's
            # term is one of its translations, or it has many), and the file renders the word
            # with the term elsewhere as often at least: its translator tells the senses apart
            # ('order' as a sort order, „orden", where the orders are „pedidos"). Said more
            # often than the term, it is the translator's rendering („Datenbank" four times,
            # „Datei" once, for 'database').
            return []
        if lexical is not None:
            # One word is weaker than a phrase, and once weaker than a word that recurs (in
            # any form: 'nœud', 'nœuds').
            recurs = len(spans) > 1 or state.translations_seen[state.lexical.keys_of(spans[0].occurrence.text)] > 1
            # A compound of two translations („Steuerungsebene": control, plane) is a phrase.
            phrase = len(keys) > 1 or len(lexical.slots) > 1
            weight = WEIGHTS["lexicon"] if phrase else \
                round(WEIGHTS["lexicon"] * (PARTIAL_RECURRING if recurs else PARTIAL), 3)
            kept = ", which the glossary keeps as it is" if lexical.kept and len(keys) == 1 else ""
            how = "its words written as they sound" if lexical.dictionaries == (SOUNDED,) \
                else ", ".join(lexical.dictionaries)
            evidence.append(Evidence("lexicon", weight, f"a translation of the {lexical.term.lang} term "
                                     f"'{lexical.term.text}'{kept} ({how})"))
            if listed is not None and lexical.in_gap_only:
                beside = ", ".join(f"'{self.glossary.label(self._concepts[c])}'" for c in listed)
                evidence.append(Evidence("listed", WEIGHTS["listed"], f"named in a list beside the terms {beside}, "
                                         "a thing of their kind: the term's sense of the word"))
            tied = True
        if not tied:
            return []
        probability = max(s.foreign_probability for s in spans)
        if span_lang != lang and not known:
            if all(e.signal == "slot" for e in evidence) \
                    and not any(written_as_a_name(s.occurrence.text, parts.analyser) for s in spans):
                # Another language's words tied to the concept by their place alone: a name left
                # in that language is a rendering („Smart Civil Affairs"), a phrase in small
                # letters the writer's own English ("man-in-the-middle" attacks beside the nodes).
                return []
            evidence.append(Evidence("foreign", round(WEIGHTS["foreign"] * probability, 3),
                                     f"written in {span_lang} (p={probability:.2f}) inside a {lang} text"))
        endings = state.endings.get(concept.id)
        inflected = next((w for s in spans for w in s.modifiers if endings and endings[w[-1:].casefold()]), None)
        if inflected:
            evidence.append(Evidence("inflected", WEIGHTS["inflected"],
                                     f"'{inflected}' stands where the known renderings have a modifier and ends "
                                     f"like theirs do here ('-{inflected[-1:]}')"))
        if any(s.occurrence.quoted for s in spans):
            quoted, known_places = state.slots.quoting.get(concept.id, (0, 0))
            ratio = quoted / known_places if known_places >= 2 else 0.0
            weight = WEIGHTS["quoted"] + WEIGHTS["quoted_like_known"] * ratio
            detail = (f"quoted, as {quoted} of the {known_places} known renderings in the texts are" if ratio
                      else "quoted like a name")
            evidence.append(Evidence("quoted", round(weight, 3), detail))
        return evidence


def _share_evidence(share: Share, factor: float) -> list[Evidence]:
    term = share.rendering.term.text
    evidence = []
    if share.core:
        # A core that several renderings share is trusted more than a lone term's longest word.
        weight = factor * (WEIGHTS["core"] if share.rendering.shared_core else WEIGHTS["modifier"] * 0.75)
        evidence.append(Evidence("core", round(weight * share.core, 3),
                                 f"shares the core of the known rendering '{term}'"))
    if share.modifier:
        evidence.append(Evidence("modifier", round(factor * WEIGHTS["modifier"] * share.modifier, 3),
                                 f"shares a modifier of the known rendering '{term}'"))
    return evidence


def _titled(spans: list[Span]) -> list[Evidence]:
    """The evidence of a place written like a name, if one is: capitalised as names are, or
    quoted whole in small letters, as a writer marks a name the language does not capitalise
    (96 model „mobilisasi massa efektif")."""
    titled = next((s.occurrence.text for s in spans if s.named), None)
    if titled:
        return [Evidence("titled", WEIGHTS["titled"], f"written like a name: '{titled}'")]
    return _quoted_as_name(spans)


def _quoted_as_name(spans: list[Span]) -> list[Evidence]:
    """The evidence of a place quoted whole in a text of its own, if one is."""
    quoted = next((s.occurrence.text for s in spans if s.quoted_name), None)
    return [Evidence("titled", WEIGHTS["titled"], f"quoted whole, as a name: '{quoted}'")] if quoted else []


def _quoted_in_texts(state: LanguageState, parts: ConceptParts, concept_id: str) -> bool:
    """Whether the texts quote a known rendering of the concept, or of one the glossary builds
    on it (a movement's name quoted, „Obratná masová mobilizace", quotes its mass mobilisation)."""
    return any(state.slots.quoting.get(c, (0, 0))[0] for c in (concept_id, *parts.dependents.get(concept_id, ())))


def _always_capitalised(counts: Counter, surfaces: list[str], lang: str) -> bool:
    """Whether the texts write the word capitalised each of its several times and never in
    small letters: a name (Kubernetes), however much it looks like a kept term (Kubelet)."""
    if family(lang) in CAPITALISED_NOUNS:
        return False
    forms = set(surfaces)
    return len(surfaces) >= 2 and all(f[:1].isupper() for f in forms) \
        and not any(counts[f.lower()] or counts[f[:1].lower() + f[1:]] for f in forms)


def _kept_term_inflected(concept: Concept, lang: str, text: str) -> bool:
    """Whether the text is one of the concept's terms in this language that the glossary keeps
    as it is in another language, inflected as that language inflects it (the English plural
    „Container Runtimes", the possessive „control plane's" in a Spanish text): the term itself,
    which the text's own stemmer does not see."""
    for term in concept.terms_in(lang):
        for other in concept.terms:
            other_lang = canonical_lang(other.lang)
            if other_lang != lang and other.text.casefold() == term.text.casefold() \
                    and inflected_as(text, term.text, other_lang):
                return True
    return False


