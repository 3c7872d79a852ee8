"""Glossary constraints for decoding: required terms and banned renderings, as token sequences,
and a logits processor that enforces them per beam.

transformers no longer ships constrained beam search, so this is its own: the processor reads
each beam's tokens at every step (no state to keep in step with beam reordering) and
- bans the last token of any banned sequence whose prefix the beam has just produced;
- once a beam has begun a required term, allows only the term's next token;
- forbids the end of the sentence while a required term is missing, and forces a missing
  term's first token when the remaining length would no longer fit it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import torch
from transformers import LogitsProcessor

from mtcheck.model import Concept, Glossary, Segment, Status
from mtcheck.matching import Matcher

Tokens = tuple[int, ...]


@dataclass(frozen=True)
class Requirement:
    """One concept that must appear, as the token sequences of its acceptable spellings."""

    concept: str
    term: str
    alternatives: tuple[Tokens, ...]
    # Per alternative, how many leading tokens are bare word-boundary marks ("▁"): a beam
    # has begun the term only once it has produced more than those.
    leading: tuple[int, ...] = ()
    # Whether the model's vocabulary spells the term at all: a word vocabulary without it, or
    # one missing a letter, turns it into <unk>; then no decoding can write it.
    writable: bool = True

    @property
    def shortest(self) -> int:
        return min(len(a) for a in self.alternatives)

    @property
    def longest(self) -> int:
        return max(len(a) for a in self.alternatives)


@dataclass
class Constraints:
    required: list[Requirement] = field(default_factory=list)
    banned: dict[Tokens, set[int]] = field(default_factory=dict)  # prefix -> last tokens

    def ban(self, sequence: Tokens) -> None:
        if sequence:
            self.banned.setdefault(sequence[:-1], set()).add(sequence[-1])
            self._index = None

    def index(self) -> dict:
        """Banned sequences by the last token of their prefix (None: one-token bans), so that
        a decoding step looks only at those that can apply."""
        if getattr(self, "_index", None) is None:
            index: dict = {}
            for prefix, last in self.banned.items():
                if prefix:
                    index.setdefault(prefix[-1], []).append((list(prefix), sorted(last)))
                else:
                    index.setdefault(None, []).extend(sorted(last))
            self._index = index
        return self._index

    def key(self) -> list:
        """What identifies these constraints in the translation cache."""
        return [[r.concept, r.term] for r in self.required] + \
            [sorted([list(p), sorted(t)] for p, t in self.banned.items())]


def casings(text: str) -> list[str]:
    """The spellings a term takes in running text: as written, lower, capitalised, upper."""
    forms = [text, text.lower(), text[:1].upper() + text[1:], text.upper(),
             " ".join(w[:1].upper() + w[1:] for w in text.split())]
    return list(dict.fromkeys(f for f in forms if f))


class ConstraintBuilder:
    """Turns a source text into the constraints its translation must meet."""

    def __init__(self, glossary: Glossary, source_lang: str, target_lang: str, encode, boundary_tokens=(),
                 decode=None):
        self.matcher = Matcher(glossary)
        self.source_lang, self.target_lang = source_lang, target_lang
        self.encode = encode  # text -> token ids of the target side, no special tokens
        self.decode = decode  # token ids -> text, for telling whether a term can be written
        self.boundary_tokens = frozenset(boundary_tokens)  # ids of pieces that are only a word boundary
        self._banned_base: list[Tokens] = []
        for concept in glossary:
            for term in concept.terms:
                if term.lang == target_lang and term.status in (Status.DEPRECATED, Status.SUPERSEDED) \
                        and term.text.strip():
                    self._banned_base.extend(self._sequences(term.text))

    def _sequences(self, text: str) -> list[Tokens]:
        return list(dict.fromkeys(tuple(self.encode(form)) for form in casings(text)))

    def _requirement(self, concept_id: str, text: str) -> Requirement:
        sequences = [s for s in self._sequences(text) if s]
        # A casing the vocabulary spells letter by letter is not one a model would write.
        shortest = min(len(s) for s in sequences)
        kept = tuple(s for s in sequences if len(s) <= 2 * shortest + 1)
        leading = tuple(next((i for i, t in enumerate(s) if t not in self.boundary_tokens), len(s)) for s in kept)
        writable = self.decode is None or any(_same_text(self.decode(list(s)), text) for s in kept)
        return Requirement(concept_id, text, kept, leading, writable)

    def required_concepts(self, source: str) -> list[Concept]:
        segment = Segment(source, "<source>", 1, lang=self.source_lang)
        found = self.matcher.for_language(self.source_lang).matches(segment)
        return list({m.concept.id: m.concept for m in found if not m.foreign}.values())

    def build(self, source: str, enforce: bool = True) -> Constraints:
        constraints = Constraints()
        for sequence in self._banned_base:
            constraints.ban(sequence)
        if enforce:
            for concept in self.required_concepts(source):
                preferred = concept.preferred(self.target_lang)
                if preferred is not None:
                    constraints.required.append(self._requirement(concept.id, preferred.text))
        return constraints


class TermConstraintProcessor(LogitsProcessor):
    """Applies each input's Constraints to its beams (rows i*beams … i*beams+beams-1)."""

    def __init__(self, constraints: list[Constraints], beams: int, start_length: int, max_new_tokens: int,
                 eos_token_id: int, force: bool = True, bonus: float = 2.0, glue: list[int] = (),
                 never: list[int] = ()):
        self.constraints = constraints
        # Special tokens no translation contains (padding, the start token): an untrained or
        # small model may rate them high, and decoding drops them from the text, so a term
        # forced around them would come out cut.
        self.never = sorted(set(never) - {eos_token_id})
        self.beams = beams
        self.start_length = start_length
        self.max_new_tokens = max_new_tokens
        self.eos = eos_token_id
        self.force = force
        self.bonus = bonus
        # Pieces that continue the word before them: not allowed right after a finished term,
        # which would otherwise become part of a longer word.
        self.glue = torch.tensor(list(glue), dtype=torch.long)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        rows = input_ids.tolist()
        if self.never:
            scores[:, self.never] = -float("inf")
        for row, sequence in enumerate(rows):
            constraints = self.constraints[row // self.beams]
            generated = sequence[self.start_length:]
            self._ban(constraints, generated, scores[row])
            if self.force and constraints.required:
                self._require(constraints, generated, scores[row])
        return scores

    def _ban(self, constraints: Constraints, generated: list[int], row: torch.Tensor) -> None:
        index = constraints.index()
        always = index.get(None)
        if always:
            row[always] = -float("inf")
        if not generated:
            return
        for prefix, last in index.get(generated[-1], ()):
            if len(generated) >= len(prefix) and generated[-len(prefix):] == prefix:
                row[last] = -float("inf")

    def _require(self, constraints: Constraints, generated: list[int], row: torch.Tensor) -> None:
        if len(self.glue) and any(generated[-len(alt):] == list(alt) for r in constraints.required
                                  for alt in r.alternatives):
            row[self.glue] = -float("inf")
        missing = [r for r in constraints.required if not _contains_any(generated, r.alternatives)]
        if not missing:
            return
        row[self.eos] = -float("inf")
        left = self.max_new_tokens - len(generated)
        # Time is short once the missing terms would just fit in their longest spellings: a
        # term begun then in any casing still ends before the cap.
        tight = left <= sum(r.longest for r in missing) + 2
        # A term begun: only its continuation is allowed (when time is short, a bare
        # word-boundary mark counts as a beginning too).
        following = _continuations(generated, missing, tight)
        if following:
            _only(row, following)
            return
        firsts = {alt[0] for alt in missing[0].alternatives}
        if tight:
            # Only the shortest spellings' first tokens: the one begun must fit.
            _only(row, {alt[0] for alt in missing[0].alternatives if len(alt) == missing[0].shortest})
        else:
            row[list(firsts)] += self.bonus


def _continuations(generated: list[int], missing: list[Requirement], any_prefix: bool) -> set[int]:
    """The tokens that go on with the longest part of a missing term the beam has written: only
    the longest counts, so that a term half written is finished, not begun again in another
    casing ("GESCHICKTE ▁" goes on with "M", not with the "G" of a fresh start after "▁")."""
    best, following = 0, set()
    for requirement in missing:
        for alt, leading in zip(requirement.alternatives, requirement.leading or (0,) * len(requirement.alternatives)):
            for k in range(min(len(alt) - 1, len(generated)), (1 if any_prefix else leading + 1) - 1, -1):
                if tuple(generated[-k:]) == alt[:k]:
                    if k > best:
                        best, following = k, {alt[k]}
                    elif k == best:
                        following.add(alt[k])
                    break
    return following


def _same_text(written: str, term: str) -> bool:
    """Whether decoding wrote the term (in any of its casings, spaces as the term has them)."""
    return " ".join(written.split()).casefold() == " ".join(term.split()).casefold()


def _contains_any(sequence: list[int], alternatives: tuple[Tokens, ...]) -> bool:
    for alt in alternatives:
        size = len(alt)
        first = alt[0]
        for start in range(len(sequence) - size + 1):
            if sequence[start] == first and tuple(sequence[start:start + size]) == alt:
                return True
    return False


def _only(row: torch.Tensor, allowed: set[int]) -> None:
    keep = list(allowed)
    values = row[keep].clone()
    values[torch.isinf(values)] = 0.0  # a required token must stay possible
    row.fill_(-float("inf"))
    row[keep] = values
