"""Replacing a term in running text so that the sentence stays grammatical.

`propose` takes the place of a found term and the term to put there, and returns what the
fix replaces (the found words, and the articles, determiners and adjectives that agree with
them) and how sure it is:

- *safe*: the replacement is inflected like the found form and every word that agrees with
  it agrees with the new one (das Verzeichnis → der Ordner, in ein anderes Verzeichnis → in
  einen anderen Ordner, les anciennes options → les anciens paramètres);
- *unsafe*: a best guess, where the case, the gender or a form is not known for sure;
- *display*: only shown, never applied: the two terms are different parts of speech
  (einstellen → Festlegungen), or nothing sensible can be made.

Each language module knows its articles, determiners and agreement; the lexicons are in
mtcheck.language.nouns (German, Polish). A language without a module is handled by carrying
the found word's ending over (mtcheck.language.agreement.carry) and is safe only where no agreement can break.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from mtcheck.model import Term


class Applicability(str, Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


@dataclass(frozen=True)
class Proposal:
    """What replaces `text[start:end]` (the found term and the words that agree with it)."""

    suggestion: str          # the new term as it stands in the sentence (or its citation form)
    start: int
    end: int
    replacement: str
    applicability: Applicability
    reason: str = ""         # why it is not safe; "" when it is
    citation: bool = False   # the suggestion is the citation form: no inflection could be made
    # The words that change, (start, end, new text), each apart: an inline tag between the
    # article and its noun stays where it is. Empty: the whole replacement is one edit.
    pieces: tuple[tuple[int, int, str], ...] = ()

    def edits(self) -> tuple[tuple[int, int, str], ...]:
        return self.pieces or ((self.start, self.end, self.replacement),)


# Languages whose nouns have no grammatical gender for other words to agree with.
GENDERLESS = frozenset("en tr az fi et hu zh ja ko vi th id ms tl fa hy ka eu sw yo ig".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_QUOTES_AND_SPACE = " \t\u00a0\u202f„“”«»‚‘’\"'‹›"
_TOKEN = re.compile(r"\S+")


def propose(text: str, start: int, end: int, found: Term, preferred: Term, lang: str,
            compound: str = "") -> Proposal:
    """How to put `preferred` where `found` (a term of the same concept) stands in `text`.
    `compound`: "first" or "last" where the found term is that part of a compound word."""
    if found.part_of_speech and preferred.part_of_speech and found.part_of_speech != preferred.part_of_speech:
        return display(text, start, end, preferred, f"a {found.part_of_speech} replaced by a {preferred.part_of_speech}")
    proposal = _dispatch(text, start, end, found, preferred, lang, compound)
    if proposal.applicability is Applicability.SAFE and hidden_before(text, proposal.start) \
            and not (found.gender and found.gender == preferred.gender) and not same_head(found.text, preferred.text, lang):
        # A placeholder (<x/>, <ph/>, %d) stands where an article or adjective may be: unseen
        # words may have to agree.
        proposal = Proposal(proposal.suggestion, proposal.start, proposal.end, proposal.replacement,
                            Applicability.UNSAFE, "a placeholder beside the term may hide words that agree with it",
                            proposal.citation)
    return _split(text, proposal, start, end)


def _dispatch(text: str, start: int, end: int, found: Term, preferred: Term, lang: str, compound: str) -> Proposal:
    from mtcheck.language.agreement import german, polish, romance, scandinavian, turkish

    handler = {"de": german.propose, "pl": polish.propose, "tr": turkish.propose, "az": turkish.propose,
               "fr": romance.propose, "es": romance.propose, "it": romance.propose, "pt": romance.propose,
               "ca": romance.propose, "nb": scandinavian.propose, "sv": scandinavian.propose,
               "da": scandinavian.propose}.get(lang, carried)
    return handler(text, start, end, found, preferred, lang, compound)


def hidden_before(text: str, start: int) -> bool:
    """Whether what stands right before `start` (past spaces and quotation marks) is neither a
    word, a punctuation mark nor the start of the text: a placeholder (an inline tag's, a
    printf %d, a {0}) or a number, behind which an article may stand ("Diese %i
    unversionierten Dateien"): the words that agree with the noun are not all seen."""
    from mtcheck.language import PLACEHOLDER

    before = text[:start].rstrip(_QUOTES_AND_SPACE)
    if not before:
        return False
    if before[-1] == PLACEHOLDER:
        return True
    if before[-1] in ".,;:!?()[]\n\r\t–—-/…":
        return False
    token = before.split()[-1].strip(_QUOTES_AND_SPACE)
    return not token.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _split(text: str, proposal: Proposal, start: int, end: int) -> Proposal:
    """The proposal as one edit per changed word around the found words text[start:end] and
    one for these (das Verzeichnis -> der Ordner: two edits), so that an inline tag between
    them stays where it is; unchanged where the words do not pair up."""
    if (proposal.start, proposal.end) == (start, end):
        return proposal
    before = list(_TOKEN.finditer(text, proposal.start, start))
    after = list(_TOKEN.finditer(text, end, proposal.end))
    words = _TOKEN.findall(proposal.replacement)
    if len(words) < len(before) + len(after) + 1:
        return proposal
    new_before, new_after = words[:len(before)], words[len(words) - len(after):] if after else []
    prefix = _rebuilt(text, proposal.start, start, before, new_before)
    suffix = _rebuilt(text, end, proposal.end, after, new_after)
    replacement = proposal.replacement
    if not (replacement.startswith(prefix) and replacement.endswith(suffix)) \
            or len(prefix) + len(suffix) > len(replacement):
        return proposal
    found_new = replacement[len(prefix):len(replacement) - len(suffix)]
    pieces = [(m.start(), m.end(), word) for m, word in zip(before + after, new_before + new_after) if m.group() != word]
    if found_new != text[start:end]:
        pieces.append((start, end, found_new))
    return Proposal(proposal.suggestion, proposal.start, proposal.end, replacement, proposal.applicability,
                    proposal.reason, proposal.citation, tuple(sorted(pieces)))


def joined(text: str, pieces: list[tuple[int, int, str]], end: int | None = None) -> tuple[int, int, str]:
    """(start, end, text) of the stretch the pieces (start, end, new text) cover, at least to
    `end`, with the text's own words between them."""
    pieces = sorted(pieces)
    start, stop = pieces[0][0], max([p[1] for p in pieces] + ([end] if end is not None else []))
    out, cursor = [], start
    for piece_start, piece_end, new in pieces:
        out += [text[cursor:piece_start], new]
        cursor = piece_end
    out.append(text[cursor:stop])
    return start, stop, "".join(out)


def _rebuilt(text: str, start: int, end: int, old: list[re.Match], new: list[str]) -> str:
    """text[start:end] with the words `old` replaced by `new`, the gaps kept."""
    pieces, cursor = [], start
    for match, word in zip(old, new):
        pieces += [text[cursor:match.start()], word]
        cursor = match.end()
    pieces.append(text[cursor:end])
    return "".join(pieces)


def carried(text: str, start: int, end: int, found: Term, preferred: Term, lang: str,
            compound: str = "") -> Proposal:
    """The found word's ending carried over to the new term (mtcheck.language.agreement.carry): safe where the
    found text is its term's citation form or every ending carries over, and no other word
    can agree with the noun (a language without gender, or both terms of one gender)."""
    from mtcheck.language.agreement.carry import carries_over, inflect_like
    from mtcheck.language import analyzer_for

    found_text = text[start:end]
    suggestion = inflect_like(found_text, found.text, preferred.text, analyzer_for(lang), compound=compound)
    if not carries_over(found_text, found.text, suggestion, preferred.text):
        return Proposal(suggestion, start, end, suggestion, Applicability.UNSAFE,
                        "the found form's inflection may not carry over", citation=suggestion == preferred.text)
    if lang not in GENDERLESS and not (found.gender and found.gender == preferred.gender) \
            and not same_head(found.text, preferred.text, lang):
        return Proposal(suggestion, start, end, suggestion, Applicability.UNSAFE,
                        "the words that agree with the term may need another gender")
    return Proposal(suggestion, start, end, suggestion, Applicability.SAFE)


# Languages whose noun phrases start with their noun (la sécurité du système).
HEAD_FIRST = frozenset("fr es it pt ca ro he ar".split())


def same_head(found: str, preferred: str, lang: str) -> bool:
    """Whether two terms end (or, head first, start) with the same noun: then they have its
    gender, and nothing that agrees with them changes (Fachkundige/Geschickte
    Massenmobilisierung)."""
    found_words, preferred_words = _WORD.findall(found.casefold()), _WORD.findall(preferred.casefold())
    if len(found_words) < 2 and len(preferred_words) < 2:
        return False
    index = 0 if lang in HEAD_FIRST else -1
    return bool(found_words and preferred_words) and found_words[index] == preferred_words[index]


def display(text: str, start: int, end: int, preferred: Term, reason: str) -> Proposal:
    return Proposal(preferred.text, start, end, preferred.text, Applicability.DISPLAY, reason, citation=True)


def _agrees(determiner: str, suggestion: str, lang: str, preferred: Term | None) -> bool:
    """Whether an article before a foreign term is a form the new term's gender takes."""
    from mtcheck.language.agreement import german, romance

    if lang == "de":
        return german.takes(determiner, suggestion, preferred)
    if lang in romance.ARTICLES:
        return romance.takes(determiner, suggestion, lang, preferred)
    return False


def words_before(text: str, start: int, limit: int = 4) -> list[re.Match]:
    """The words right before `start`, nearest last, as long as only spaces part them (a
    punctuation mark ends a noun phrase)."""
    found: list[re.Match] = []
    cursor = start
    for match in reversed(list(_WORD.finditer(text, max(0, start - 120), start))):
        # Quotation marks around a name do not part it from its article: der „Namen“.
        if match.end() > cursor or text[match.end():cursor].strip(_QUOTES_AND_SPACE):
            break
        found.insert(0, match)
        cursor = match.start()
        if len(found) >= limit:
            break
    return found


def words_after(text: str, end: int, limit: int = 2) -> list[re.Match]:
    """The words right after `end`, nearest first, as long as only spaces part them."""
    found: list[re.Match] = []
    cursor = end
    for match in _WORD.finditer(text, end, min(len(text), end + 120)):
        if text[cursor:match.start()].strip():
            break
        found.append(match)
        cursor = match.end()
        if len(found) >= limit:
            break
    return found


def sentence_after(text: str, end: int) -> str:
    """The rest of the sentence after `end`."""
    stop = re.search(r"[.!?;:\n]", text[end:])
    return text[end:end + stop.start()] if stop else text[end:]


def cased_like(model: str, word: str) -> str:
    """`word` capitalised as `model` is (a capital first letter, or all capitals)."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:] if word[:1].isupper() and not model[:1].isupper() else word


# Articles and determiners that agree with the noun after them, by language: a foreign term
# after one may take another gender than the one replacing it.
DETERMINERS = {
    "de": frozenset("der die das den dem des ein eine einen einem eines einer kein keine keinen keinem keines "
                    "keiner dieser diese dieses diesen diesem im ins am zum zur vom beim".split()),
    "fr": frozenset("le la les l un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos "
                    "votre vos leur leurs".split()),
    "es": frozenset("el la los las un una unos unas del al este esta estos estas ese esa esos esas".split()),
    "it": frozenset("il lo la i gli le l un uno una del dello della dei degli delle al allo alla ai agli alle "
                    "questo questa questi queste".split()),
    "pt": frozenset("o a os as um uma uns umas do da dos das no na nos nas ao aos este esta estes estas".split()),
    "ca": frozenset("el la els les l un una uns unes del dels al als aquest aquesta".split()),
    "nl": frozenset("de het een deze dit die dat".split()),
    "nb": frozenset("en ei et den det de denne dette disse".split()),
    "nn": frozenset("ein ei eit den det dei denne dette desse".split()),
    "da": frozenset("en et den det de denne dette disse".split()),
    "sv": frozenset("en ett den det de denna detta dessa".split()),
}


def propose_foreign(text: str, start: int, end: int, suggestion: str, lang: str, preferred: Term | None = None
                    ) -> Proposal:
    """A foreign term (another language's, left untranslated) replaced by the text's own: the
    citation form, safe where no article or determiner before it has to agree with it, or the
    one there is a form of the new term's gender."""
    before = words_before(text, start, limit=1)
    determiners = DETERMINERS.get(lang)
    if before and determiners and before[0].group().lower().rstrip("'’") in determiners \
            and not _agrees(before[0].group(), suggestion, lang, preferred):
        return Proposal(suggestion, start, end, suggestion, Applicability.UNSAFE,
                        f"'{before[0].group()}' before it may not agree with '{suggestion}'", citation=True)
    if lang not in GENDERLESS and determiners is None and lang not in ("zh", "ja", "ko"):
        # A language whose agreement mtcheck does not know: the citation form, for a person to check.
        return Proposal(suggestion, start, end, suggestion, Applicability.UNSAFE,
                        "the words around it may need to agree with it", citation=True)
    return Proposal(suggestion, start, end, suggestion, Applicability.SAFE, citation=True)


def keep_spacing(found: str, suggestion: str) -> str:
    """The suggestion with the found text's white space between its words, where both have
    as many words and both put only white space between them: a no-break space, or a line
    break inside a CSV cell or PO string, stays where the translator put it."""
    from mtcheck.language import tokens

    found_words, suggested_words = tokens(found), tokens(suggestion)
    if len(found_words) != len(suggested_words) or len(found_words) < 2:
        return suggestion
    pieces, done = [], 0
    for (_, _, found_end), (_, found_next, _), (_, _, end), (_, next_start, _) in zip(
            found_words, found_words[1:], suggested_words, suggested_words[1:]):
        found_gap, gap = found[found_end:found_next], suggestion[end:next_start]
        if not (found_gap.isspace() and gap.isspace()):
            continue
        pieces += [suggestion[done:end], found_gap]
        done = next_start
    return "".join(pieces) + suggestion[done:]
