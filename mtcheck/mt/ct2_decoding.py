"""Decoding with CTranslate2 for a Translator: n-best lists with the deprecated renderings
suppressed, and required terms forced in through target prefixes (see mtcheck.mt.ct2)."""
from __future__ import annotations

from mtcheck.model import Segment
from mtcheck.mt.constraints import Constraints, Requirement, _contains_any
from mtcheck.mt.loader import ModelError


def generate_ct2(translator, sources: list[str], constraints: list[Constraints], force: bool, n_best: int = 1) -> list:
    """What Translator._generate returns, decoded by CTranslate2: texts (n_best 1) or, per
    source, the n best texts."""
    run = _Run(translator, sources, constraints)
    # The n best of a reranking pass just before, where it asked for these sources: forcing
    # goes on from their best instead of decoding them again.
    known = getattr(translator, "_ct2_best", {})
    if force and all(source in known for source in sources):
        hypotheses = [[known[source]] for source in sources]
    else:
        hypotheses = run.translate(list(range(len(sources))), [None] * len(sources), n_best)
    translator._ct2_best = {source: options[0] for source, options in zip(sources, hypotheses)}
    if force:
        forced = run.forced({index: options[0] for index, options in enumerate(hypotheses)
                             if constraints[index].required})
        for index, tokens in forced.items():
            hypotheses[index] = [tokens]
    texts = [[run.text(tokens) for tokens in options] for options in hypotheses]
    return [options[0] for options in texts] if n_best == 1 else texts


class _Run:
    def __init__(self, translator, sources: list[str], constraints: list[Constraints]):
        self.translator, self.sources, self.constraints = translator, sources, constraints
        self.tokenizer, self.model = translator.tokenizer, translator.model
        translator._use_languages()
        tokenizer = self.tokenizer
        limit = min(translator.loaded.max_length, 512)
        self.source_tokens = [tokenizer.convert_ids_to_tokens(
            tokenizer(translator.prefix + source, truncation=True, max_length=limit).input_ids) for source in sources]
        forced = translator.generate_options.get("forced_bos_token_id")
        self.base = [tokenizer.convert_ids_to_tokens(forced)] if forced is not None else []
        banned = {tuple(prefix) + (last,) for c in constraints for prefix, lasts in c.banned.items() for last in lasts}
        self.suppress = [tokenizer.convert_ids_to_tokens(list(sequence)) for sequence in sorted(banned)] or None
        self.boundary = next((t for t in ("▁", "Ġ") if t in tokenizer.get_vocab()), None)
        self._concept_places: dict[int, dict[str, float]] = {}

    @property
    def cap(self) -> int:
        """The longest translation the model's positions allow (its language code included)."""
        return self.translator.loaded.max_length - 2 - len(self.base)

    def _limit(self, index: int, prefix_length: int = 0) -> int:
        """The length cap of a translation: the Translator's, grown by what is forced in, never
        past the model's positions."""
        required = sum(r.longest + 1 for r in self.constraints[index].required)
        wanted = 2 * len(self.source_tokens[index]) + 10 + required  # a prefix counts within it
        return min(self.cap, max(prefix_length + 1, wanted))

    def translate(self, indexes: list[int], prefixes: list[list[str] | None], n_best: int) -> list[list[list[str]]]:
        """Token lists of the n best translations of the sources at `indexes`, each after its
        prefix (the prefix included, the language code not)."""
        try:
            results = self.model.translate_batch(
                [self.source_tokens[i] for i in indexes],
                target_prefix=[self.base + (prefix or []) for prefix in prefixes] if (self.base or any(prefixes))
                else None,
                beam_size=max(self.translator.beams, n_best), num_hypotheses=n_best, suppress_sequences=self.suppress,
                max_decoding_length=max(self._limit(i, len(p or [])) for i, p in zip(indexes, prefixes)) + len(self.base),
                disable_unk=True)
        except (RuntimeError, ValueError) as exc:
            raise ModelError(self.translator.loaded.name, f"generation failed: {' '.join(str(exc).split())}") from None
        return [[hypothesis[len(self.base):] if hypothesis[:len(self.base)] == self.base else hypothesis
                 for hypothesis in result.hypotheses] for result in results]

    def ids(self, tokens: list[str]) -> list[int]:
        return self.tokenizer.convert_tokens_to_ids(tokens)

    def text(self, tokens: list[str]) -> str:
        text = self.tokenizer.decode(self.ids(tokens), skip_special_tokens=True)
        code = self.translator.target_code
        return text[len(code):].lstrip() if code and text.startswith(code) else text

    def forced(self, bests: dict[int, list[str]]) -> dict[int, list[str]]:
        """Each source's best translation with every missing required term forced in: the
        terms spliced into the best translation, each where its source term stands in
        proportion, at a word's start and followed by a word boundary (a piece glued onto a
        term's last word, "MassenmobilisierungÄ", would make it another word); the model goes
        on from the last one. One batch for all sources."""
        done: dict[int, list[str]] = {}
        indexes, prefixes = [], []
        for index, best in bests.items():
            prefix = None if self.translator._meets(self.text(best), self.constraints[index]) else \
                self._prefix(index, best)
            if prefix is None:
                done[index] = best
            else:
                indexes.append(index)
                prefixes.append(prefix)
        if indexes:
            for index, [hypothesis] in zip(indexes, self.translate(indexes, prefixes, 1)):
                done[index] = hypothesis
        return done

    def _prefix(self, index: int, hypothesis: list[str]) -> list[str] | None:
        """The hypothesis with the missing terms spliced in, up to the last of them; None where
        nothing is missing that the model can write, or the positions leave no room."""
        missing = [r for r in self._in_source_order(index, self.constraints[index].required)
                   if r.writable and not _contains_any(self.ids(hypothesis), r.alternatives)]
        if not missing:
            return None
        terms = [self.tokenizer.convert_ids_to_tokens(list(r.alternatives[0])) + ([self.boundary] if self.boundary
                                                                                   else []) for r in missing]
        room = self.cap - sum(len(t) for t in terms) - 1
        if room < 0:
            return None  # the terms alone overflow the positions: the check after says so
        prefix, cursor = [], 0
        for requirement, term in zip(missing, terms):
            place = max(cursor, min(room, round(len(hypothesis) * self._share(index, requirement))))
            while place < min(len(hypothesis), room) and not _word_start(hypothesis[place]):
                place += 1  # never inside a word
            while place > cursor and (place > room or (place < len(hypothesis) and not _word_start(hypothesis[place]))):
                place -= 1
            prefix += hypothesis[cursor:place] + term
            room -= place - cursor
            cursor = place
        return prefix

    def _share(self, index: int, requirement: Requirement) -> float:
        """Where the requirement's concept stands in the source, as a share of its length."""
        return self._places(index).get(requirement.concept, 0.0)

    def _places(self, index: int) -> dict[str, float]:
        """The source's concepts by where they first stand, as shares of its length: matched
        once per source."""
        places = self._concept_places.get(index)
        if places is None:
            source = self.sources[index]
            segment = Segment(source, "<source>", 1, lang=self.translator.source_lang)
            places = {}
            for match in self.translator.builder.matcher.for_language(self.translator.source_lang).matches(segment):
                places.setdefault(match.concept.id, match.start / max(1, len(source)))
            self._concept_places[index] = places
        return places

    def _in_source_order(self, index: int, required: list[Requirement]) -> list[Requirement]:
        return sorted(required, key=lambda r: self._share(index, r))


def _word_start(token: str) -> bool:
    return token.startswith(("▁", "Ġ")) or not token[:1].isalnum()
