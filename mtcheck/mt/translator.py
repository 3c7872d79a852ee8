"""Translate texts with a loaded model, the glossary enforced, checked by the same matcher
as `check`, in length-sorted batches, with a persistent cache."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import torch

from mtcheck.model import Glossary, Segment, Status
from mtcheck.mt.cache import TranslationCache
from mtcheck.mt.constraints import ConstraintBuilder, Constraints, TermConstraintProcessor
from mtcheck.mt.languages import OPUS_TARGET_TOKENS, m2m_code, nllb_code
from mtcheck.mt.loader import LoadedModel, ModelError

STRATEGIES = ("auto", "rerank", "force", "none")


@dataclass
class Translation:
    source: str
    text: str
    required: list[tuple[str, str]] = field(default_factory=list)   # (concept, preferred term)
    present: list[bool] = field(default_factory=list)               # each required term found
    banned_found: list[str] = field(default_factory=list)           # deprecated renderings left
    strategy: str = "none"   # how the output was obtained: free, rerank, force (or cache:…)
    cached: bool = False
    unwritable: list[str] = field(default_factory=list)             # terms the model cannot spell

    @property
    def term_accuracy(self) -> float | None:
        return sum(self.present) / len(self.present) if self.present else None


class Translator:
    def __init__(self, loaded: LoadedModel, glossary: Glossary, source_lang: str, target_lang: str, *,
                 beams: int = 4, batch_size: int = 16, strategy: str = "auto", cache: TranslationCache | None = None,
                 progress: Callable[[int], None] | None = None):
        if strategy not in STRATEGIES:
            raise ValueError(f"unknown strategy {strategy!r}")
        self.loaded, self.glossary = loaded, glossary
        self.source_lang, self.target_lang = source_lang, target_lang
        self.beams, self.batch_size, self.strategy = max(1, beams), max(1, batch_size), strategy
        self.cache, self.progress = cache, progress
        self.tokenizer, self.model = loaded.tokenizer, loaded.model
        self._prepare_languages()
        vocab = self.tokenizer.get_vocab()
        boundary = [i for token, i in vocab.items() if token in ("▁", "Ġ", " ")]
        # Pieces that would join the word before them: letters, digits, "_" and what words
        # hold inside (a hyphen, an apostrophe, a mnemonic "&", a soft hyphen).
        self.glue = [i for token, i in vocab.items() if token[:1] and (token[:1].isalnum() or token[:1] in "_&-'’\u00ad")]
        self.builder = ConstraintBuilder(glossary, source_lang, target_lang, self._encode_target, boundary,
                                         self._decode_target)
        self.checker = self.builder.matcher.for_language(target_lang)

    # -- languages as the model family wants them ----------------------------------------------
    def _prepare_languages(self) -> None:
        try:
            self._language_settings()
            self._use_languages()
        except (KeyError, ValueError) as exc:
            why = f"the tokenizer has no language code {exc.args[0]}" if isinstance(exc, KeyError) else str(exc)
            raise ModelError(self.loaded.name, f"cannot translate {self.source_lang} into {self.target_lang}: "
                                               f"{why}") from None

    def _language_settings(self) -> None:
        family, tokenizer = self.loaded.family, self.tokenizer
        self.prefix = ""
        # The tokenizer's src_lang and tgt_lang, for families that have them.
        self.source_code: str | None = None
        self.target_code: str | None = None
        self.generate_options: dict = {}
        if family == "nllb":
            self.source_code, self.target_code = nllb_code(self.source_lang), nllb_code(self.target_lang)
            self.generate_options["forced_bos_token_id"] = tokenizer.convert_tokens_to_ids(self.target_code)
        elif family == "m2m100":
            self.source_code, self.target_code = m2m_code(self.source_lang), m2m_code(self.target_lang)
            self.generate_options["forced_bos_token_id"] = tokenizer.get_lang_id(self.target_code)
        elif family == "marian":
            # Multilingual OPUS-MT models pick the target language by a token like >>nob<<.
            token = f">>{OPUS_TARGET_TOKENS.get(self.target_lang, self.target_lang)}<<"
            if token in tokenizer.get_vocab():
                self.prefix = token + " "

    def _use_languages(self) -> None:
        """Set the tokenizer's languages to this Translator's. Translators for other languages
        may share the tokenizer (one loaded model), so this is done again right before texts
        are encoded, not only here. Target terms are encoded too: M2M100's tokenizer fails on
        them without a target language."""
        if self.source_code is not None:
            self.tokenizer.src_lang = self.source_code
        if self.target_code is not None:
            self.tokenizer.tgt_lang = self.target_code

    def _decode_target(self, ids: list[int]) -> str:
        return self.tokenizer.decode(ids, skip_special_tokens=True)

    def _encode_target(self, text: str) -> list[int]:
        ids = self.tokenizer(text_target=text, add_special_tokens=False).input_ids
        return [i for i in ids if i != self.tokenizer.unk_token_id] or ids

    # -- translating --------------------------------------------------------------------------
    def translate(self, sources: list[str], enforce: bool = True) -> list[Translation]:
        """Translations in input order."""
        self._use_languages()
        results: list[Translation | None] = [None] * len(sources)
        pending: list[tuple[int, Constraints, str]] = []
        for index, source in enumerate(sources):
            constraints = self.builder.build(source, enforce)
            key = self._key(source, constraints)
            hit = self.cache.get(key) if self.cache else None
            if hit is not None:
                results[index] = self._checked(source, hit[0], constraints, hit[1], cached=True)
                if self.progress:
                    self.progress(1)
            else:
                pending.append((index, constraints, key))
        # Longest first, in batches: padding is what costs, and similar lengths pad least.
        pending.sort(key=lambda item: -len(sources[item[0]]))
        for start in range(0, len(pending), self.batch_size):
            batch = pending[start:start + self.batch_size]
            outputs = self._translate_batch([sources[i] for i, _, _ in batch], [c for _, c, _ in batch])
            fresh = []
            for (index, constraints, key), (text, strategy) in zip(batch, outputs):
                results[index] = self._checked(sources[index], text, constraints, strategy)
                fresh.append((key, text, strategy))
            if self.cache:
                self.cache.put_many(fresh)
            if self.progress:
                self.progress(len(batch))
        return results  # type: ignore[return-value]

    def _key(self, source: str, constraints: Constraints) -> str:
        return TranslationCache.key(self.loaded.name, self.loaded.revision, self.source_lang, self.target_lang,
                                    source, constraints.key(), self.beams, self.strategy)

    def _translate_batch(self, sources: list[str], constraints: list[Constraints]) -> list[tuple[str, str]]:
        if self.strategy == "force":
            return [(t, "force") for t in self._generate(sources, constraints, force=True)]
        if self.strategy == "none":  # deprecated renderings stay banned; nothing is required
            return [(t, "free") for t in self._generate(sources, constraints, force=False)]
        candidates = self._generate(sources, constraints, force=False, n_best=self.beams)
        results: list[tuple[str, str] | None] = []
        retry = []
        for index, options in enumerate(candidates):
            chosen = next((o for o in options if self._meets(o, constraints[index])), None)
            if chosen is not None or self.strategy == "rerank" or not constraints[index].required:
                results.append((chosen if chosen is not None else options[0],
                                "free" if chosen is options[0] else "rerank"))
            else:
                results.append(None)
                retry.append(index)
        if retry:
            forced = self._generate([sources[i] for i in retry], [constraints[i] for i in retry], force=True)
            for index, text in zip(retry, forced):
                results[index] = (text, "force")
        return results  # type: ignore[return-value]

    def _generate(self, sources: list[str], constraints: list[Constraints], force: bool,
                  n_best: int = 1) -> list:
        if self.loaded.backend == "ct2":
            from mtcheck.mt.ct2_decoding import generate_ct2

            return generate_ct2(self, sources, constraints, force, n_best)
        tokenizer, model = self.tokenizer, self.model
        self._use_languages()
        inputs = tokenizer([self.prefix + s for s in sources], return_tensors="pt", padding=True, truncation=True,
                           max_length=min(self.loaded.max_length, 512)).to(self.loaded.device)
        # The cap grows by what is required, in its longest spelling, and a token between terms.
        extra = max((sum(r.longest + 1 for r in c.required) for c in constraints), default=0)
        max_new = min(self.loaded.max_length - 2, int(inputs["input_ids"].shape[1] * 2) + 10 + extra)
        start = 2 if "forced_bos_token_id" in self.generate_options else 1
        never = [i for i in (tokenizer.pad_token_id, tokenizer.bos_token_id, tokenizer.unk_token_id,
                             getattr(model.config, "decoder_start_token_id", None)) if i is not None]
        processor = TermConstraintProcessor(constraints, self.beams, start, max_new, tokenizer.eos_token_id,
                                            force=force, glue=self.glue, never=never)
        with torch.inference_mode():
            try:
                output = model.generate(**inputs, num_beams=self.beams, num_return_sequences=n_best,
                                        max_new_tokens=max_new, logits_processor=[processor], do_sample=False,
                                        **self.generate_options)
            except IndexError:
                # An input id past the model's embeddings.
                raise ModelError(self.loaded.name, "generation failed: the tokenizer gives ids the model does not "
                                                   "have; tokenizer and weights are of different models") from None
            except (RuntimeError, ValueError) as exc:
                raise ModelError(self.loaded.name, f"generation failed: {' '.join(str(exc).split())}") from None
        texts = tokenizer.batch_decode(output, skip_special_tokens=True)
        if self.target_code:  # a language code the tokenizer does not count as special (__de__)
            texts = [t[len(self.target_code):].lstrip() if t.startswith(self.target_code) else t for t in texts]
        if n_best == 1:
            return texts
        return [texts[i * n_best:(i + 1) * n_best] for i in range(len(sources))]

    # -- checking with the matcher ------------------------------------------------------------
    def _meets(self, text: str, constraints: Constraints) -> bool:
        present, banned = self._inspect(text, constraints)
        return all(present) and not banned

    def _inspect(self, text: str, constraints: Constraints) -> tuple[list[bool], list[str]]:
        matches = self.checker.matches(Segment(text, "<output>", 1, lang=self.target_lang))
        # the required term itself (inflected), not a paraphrase ("Mobilisierung der Massen")
        preferred = {(m.concept.id, m.term.text) for m in matches if not m.foreign and not m.variant}
        present = [(r.concept, r.term) in preferred for r in constraints.required]
        banned = [m.text for m in matches if not m.foreign and m.term.status in (Status.DEPRECATED, Status.SUPERSEDED)]
        return present, banned

    def _checked(self, source: str, text: str, constraints: Constraints, strategy: str,
                 cached: bool = False) -> Translation:
        present, banned = self._inspect(text, constraints)
        return Translation(source, text, [(r.concept, r.term) for r in constraints.required], present, banned,
                           strategy, cached, [r.term for r in constraints.required if not r.writable])
