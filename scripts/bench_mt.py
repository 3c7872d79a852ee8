#!/usr/bin/env python3
"""Benchmark mtcheck's Translator: sentences/s and generated tokens/s with and without glossary
constraints, per strategy (none, rerank, force, auto) and batch size, on the CPU and on the GPU
when there is one.

    python scripts/bench_mt.py [--sentences 32] [--batch-sizes 1,8,32] [--strategies none,rerank,force,auto]
        [--threads N] [--beams 4] [--devices cpu,cuda] [--model PATH_OR_HUB_ID] [--seed 0]

Without --model it builds a *random* Marian model with the dimensions of an OPUS-MT model
(d_model 512, 6 encoder and 6 decoder layers, 8 heads, FFN 2048, 512 positions, shared
embeddings) and a sentencepiece vocabulary trained on the seed articles plus the benchmark's
English sentences (a model's vocabulary covers its source language; with the de/nb/tr seeds
alone English comes out in two to three pieces a word, which would inflate every length). The
seed text allows a unigram vocabulary of only ~2,600 pieces, so it is BPE, up to --vocab-size
(8,000) pieces, filled up to --entries (58,101, OPUS-MT's size) with entries the tokenizer
never writes: the output layer, which the decoder pays for at every step and beam, then costs
what a real model's does. The model goes through `save_pretrained` and mtcheck's own
`load_model`, as a user's would (on a GPU load_model casts it to bf16 or fp16).

What a random model's numbers mean: speed only, never quality. It never chooses the end of the
sentence, so every translation runs to the length cap the Translator sets itself (twice the
padded source length plus ten tokens plus the required terms' tokens), well beyond what a
trained model writes (about the source's length); a batch pads to its longest source, so its
shorter sentences run to the longest one's cap. Term accuracy comes from the constraints alone:
with `none` and `rerank` it shows what a model that knows no terms gets (rerank may pick a beam
that happens to hold a term), and with `force` and `auto` whether the forcing works. With a real
model (--model) the accuracy of `none` is the model's own, and the times include stopping at
the end of the sentence.

Inputs: English sentences of 15 to 40 words (25 on average) from templates (fixed seed), three
in four with one or two concepts of the shipped glossary (skilful mass mobilisation, grassroots democracy, site
clearance, the Fatherland Front, ...), translated into German with the shipped glossary, no
cache, `--beams` beams. Each device gets one untimed warm-up batch first.

Columns: sentences/s and generated tokens/s (the tokens of the returned best hypothesis of each
input of each `generate` call, end-of-sentence included, so auto's forced retries count);
term accuracy (the share of required terms present in the output, as the Translator checks
them); the time relative to `none` at the same batch size; and the share of the time spent in
mtcheck's constraint logits processor (on a GPU that includes waiting for the step's kernels,
since the processor reads the tokens back to the CPU); the seconds; and `other CPU`, the cores'
worth of CPU that other processes took during the row (from /proc/stat). On a shared machine
other processes slow torch's CPU threads down far more than their share (the threads wait for
each other at every operation; 10x has been seen here): rows with other CPU above about 0.1 are
not to be trusted, so run it again when the machine is quiet.

Defaults: 32 sentences and batch sizes 1, 8 and 32 take about five minutes on two CPU cores; a
random model runs every sentence to its length cap (about 80 to 100 tokens here, twice that for
auto's forced retries), which is why not 64 or more. --sentences 64 doubles the time.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch

import mtcheck.mt.translator as translator_module
from mtcheck.glossary import load_glossary
from mtcheck.glossary.shipped import shipped_glossary
from mtcheck.mt.loader import load_model
from mtcheck.mt.translator import Translator

SOURCE_LANG, TARGET_LANG = "en", "de"
# OPUS-MT (e.g. Helsinki-NLP/opus-mt-en-de) dimensions.
OPUS_DIMENSIONS = {"d_model": 512, "encoder_layers": 6, "decoder_layers": 6, "encoder_attention_heads": 8,
                   "decoder_attention_heads": 8, "encoder_ffn_dim": 2048, "decoder_ffn_dim": 2048,
                   "max_position_embeddings": 512, "activation_function": "swish", "scale_embedding": True,
                   "share_encoder_decoder_embeddings": True}
OPUS_VOCABULARY = 58_101

# English renderings (preferred or admitted) of the shipped concepts, as they sit in a sentence.
TERMS = [
    "skilful mass mobilisation", "skilled mass mobilization", "mass mobilisation work", "mass mobilization",
    "the emulation movement", "the Vietnam Fatherland Front", "the Fatherland Front", "grassroots democracy",
    "democracy at the grassroots level", "site clearance", "land clearance", "the Mass Mobilisation Commission",
    "the Commission for Mass Mobilisation",
]
ACTORS = ["The provincial party secretary", "Local authorities in the district", "The people's committee of the ward",
          "Officials from the central government", "Several village leaders", "The chairman of the commune",
          "Delegates at the annual conference", "The youth union of the city"]
VERBS = ["called for stronger efforts in", "reported steady progress on", "praised the results of",
         "discussed new approaches to", "asked the departments to focus on", "set clear targets for",
         "reviewed the budget for", "stressed the importance of"]
PLAIN_OBJECTS = ["the new bridge across the river", "public health services for elderly residents",
                 "the digital transformation of administrative procedures", "rural road construction",
                 "vocational training for young workers", "the protection of forests and water resources",
                 "the renovation of primary schools", "flood prevention along the coast"]
PLACES = ["in Ha Tinh province", "in the mountainous districts", "across the northern provinces", "in Hanoi",
          "in every residential area", "along the Mekong delta", "in the industrial zones", "in Da Nang"]
TIMES = ["Last week,", "During the first half of the year,", "At a meeting on Tuesday,", "In recent months,",
         "Since the beginning of 2023,", "On Friday morning,"]
TAILS = ["so that people can see the benefits for themselves", "which many households have welcomed",
         "and promised to report the results before the end of the year",
         "while keeping costs under control", "with the support of local businesses"]


def make_sentences(count: int, seed: int) -> list[str]:
    """`count` English sentences, three in four holding one or two glossary concepts."""
    rng = random.Random(seed)
    sentences = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.25:
            thing = rng.choice(PLAIN_OBJECTS)
        elif kind < 0.6:
            thing = rng.choice(TERMS)
        else:
            first, second = rng.sample(TERMS, 2)
            thing = f"{first} and {second}"
        if thing.startswith("the ") or kind < 0.25:
            obj = thing
        else:
            obj = rng.choice(["", "the ", "the work of "]) + thing
        actor = rng.choice(ACTORS)
        opening = rng.choice(TIMES + [""] * len(TIMES))
        if opening:
            actor = f"{opening} {actor[0].lower()}{actor[1:]}"
        text = " ".join([actor, rng.choice(VERBS), obj, rng.choice(PLACES)])
        tail = rng.choice(TAILS + [""] * len(TAILS))
        text += (", " + tail if tail else "") + "."
        sentences.append(text)
    return sentences


def build_random_model(folder: Path, extra_text: list[str], vocab_size: int, entries: int, seed: int) -> dict:
    """A random OPUS-MT-sized Marian model and its sentencepiece vocabulary, saved in `folder`."""
    import transformers

    from tests.marian import save_random_marian

    transformers.utils.logging.disable_progress_bar()
    lines = [line for path in sorted((ROOT / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    glossary = load_glossary(shipped_glossary())
    lines += [t.text for c in glossary for t in c.terms if t.text.strip()] + extra_text
    # BPE: the seeds allow a unigram model only ~2,600 pieces; hard_vocab_limit=False takes
    # as many as the text gives, up to vocab_size.
    model_folder, model, tokenizer = save_random_marian(
        folder, lines, OPUS_DIMENSIONS, seed, entries=entries, vocab_size=vocab_size, model_type="bpe", hard_vocab_limit=False,
        num_threads=1)
    parameters = sum(p.numel() for p in model.parameters())
    return {"vocabulary": len(tokenizer), "parameters": parameters, "folder": model_folder}


class Counters:
    """Generated tokens and constraint-processor time, gathered around mtcheck's own calls."""

    def __init__(self) -> None:
        self.tokens = 0
        self.processor_s = 0.0
        self.cuda = False

    def reset(self) -> None:
        self.tokens, self.processor_s = 0, 0.0


def instrument(model, pad_id: int, counters: Counters) -> None:
    """Counts the tokens of each generate call's best hypotheses, and times the logits processor."""
    generate = model.generate

    def counted(*args, num_return_sequences: int = 1, **kwargs):
        output = generate(*args, num_return_sequences=num_return_sequences, **kwargs)
        best = output[::num_return_sequences, 1:]  # column 0 is the decoder start token
        counters.tokens += int((best != pad_id).sum())
        return output

    model.generate = counted
    base = translator_module.TermConstraintProcessor
    if getattr(base, "_bench_timed", False):
        return

    class TimedProcessor(base):
        _bench_timed = True

        def __call__(self, input_ids, scores):
            if counters.cuda:
                torch.cuda.synchronize()
            start = time.perf_counter()
            result = super().__call__(input_ids, scores)
            if counters.cuda:
                torch.cuda.synchronize()
            counters.processor_s += time.perf_counter() - start
            return result

    translator_module.TermConstraintProcessor = TimedProcessor


def busy_seconds() -> tuple[float, float] | None:
    """CPU seconds the whole machine and this process have been busy (Linux), to tell whether
    other processes shared the CPU during a measurement."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    mine = os.times()
    return (user + nice + system + irq + softirq + steal) / ticks, mine.user + mine.system


class CountingCt2:
    """A CTranslate2 translator that counts the tokens of each call's best hypotheses."""

    def __init__(self, inner, counters: Counters):
        self.inner, self.counters = inner, counters

    def translate_batch(self, *args, **kwargs):
        results = self.inner.translate_batch(*args, **kwargs)
        self.counters.tokens += sum(len(result.hypotheses[0]) for result in results)
        return results


def measure(loaded, glossary, sentences: list[str], strategy: str, batch_size: int, beams: int,
            counters: Counters) -> dict:
    translator = Translator(loaded, glossary, SOURCE_LANG, TARGET_LANG, beams=beams, batch_size=batch_size,
                            strategy=strategy, cache=None)
    counters.reset()
    if counters.cuda:
        torch.cuda.synchronize()
    before = busy_seconds()
    start = time.perf_counter()
    results = translator.translate(sentences)
    if counters.cuda:
        torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    after = busy_seconds()
    # Cores' worth of CPU that other processes (and the hypervisor's steal) took meanwhile.
    others = ((after[0] - before[0]) - (after[1] - before[1])) / seconds if before and after else None
    required = sum(len(t.present) for t in results)
    present = sum(sum(t.present) for t in results)
    strategies: dict[str, int] = {}
    for t in results:
        strategies[t.strategy] = strategies.get(t.strategy, 0) + 1
    return {"seconds": seconds, "sentences": len(sentences), "tokens": counters.tokens,
            "processor_s": counters.processor_s, "required": required, "present": present,
            "strategies": strategies, "others": others}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=32, help="sentences per measurement")
    parser.add_argument("--batch-sizes", default="1,8,32", help="comma-separated batch sizes")
    parser.add_argument("--strategies", default="none,rerank,force,auto",
                        help="comma-separated strategies; `none` first gives the ratios their base")
    parser.add_argument("--beams", type=int, default=4, help="beams (the Translator's and the CLI's default)")
    parser.add_argument("--threads", type=int, help="torch CPU threads (default: torch's own choice)")
    parser.add_argument("--devices", help="comma-separated: cpu, cuda (default: cpu, and cuda when available)")
    parser.add_argument("--model", help="a real model to time instead of the random one (folder or hub id)")
    parser.add_argument("--vocab-size", type=int, default=8000, help="largest random-model vocabulary to train")
    parser.add_argument("--entries", type=int, default=OPUS_VOCABULARY,
                        help="random model: fill its vocabulary up to this many entries (OPUS-MT's size)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--backends", default="transformers,ct2",
                        help="comma-separated: transformers, ct2 (CTranslate2, where installed)")
    parser.add_argument("--compute-type", default="default",
                        help="CTranslate2's number format (default: int8 on the CPU, float16 on a GPU)")
    args = parser.parse_args()
    batch_sizes = [int(b) for b in args.batch_sizes.split(",")]
    strategies = args.strategies.split(",")
    unknown = [s for s in strategies if s not in translator_module.STRATEGIES]
    if unknown:
        parser.error(f"unknown strategies: {', '.join(unknown)}")
    devices = args.devices.split(",") if args.devices else ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    if args.threads:
        torch.set_num_threads(args.threads)

    sentences = make_sentences(args.sentences, args.seed)
    glossary = load_glossary(shipped_glossary())
    workdir = None
    if args.model:
        model_name = args.model
        described = f"model {args.model}"
    else:
        workdir = Path(tempfile.mkdtemp(prefix="mtcheck-bench-mt-"))
        # The vocabulary sees the templates' words whatever --sentences is, so it stays the same.
        built = build_random_model(workdir, make_sentences(256, args.seed), args.vocab_size, args.entries,
                                   args.seed)
        model_name = str(built["folder"])
        described = (f"random Marian model with OPUS-MT dimensions (d_model 512, 6+6 layers, 8 heads, FFN 2048), "
                     f"{built['parameters'] / 1e6:.1f} M parameters, vocabulary {built['vocabulary']:,} entries "
                     f"(BPE on the seeds and these sentences, filled up to --entries; OPUS-MT's have "
                     f"~{OPUS_VOCABULARY:,}); speed only, no quality")
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() \
        else platform.processor()
    print(described)
    words = sum(len(s.split()) for s in sentences) / len(sentences)
    print(f"{len(sentences)} English sentences ({words:.1f} words on average), en -> de, shipped glossary, "
          f"{args.beams} beams, no cache; torch {torch.__version__}, {torch.get_num_threads()} threads, CPU: {cpu}")

    counters = Counters()
    began = time.perf_counter()
    try:
        for device, backend in [(d, b) for d in devices for b in args.backends.split(",")]:
            loaded = load_model(model_name, device=device, threads=args.threads)
            tokenizer = loaded.tokenizer
            counters.cuda = loaded.device.startswith("cuda")
            if backend == "ct2":
                try:
                    import ctranslate2  # noqa: F401
                except ImportError:
                    print("\n(ct2: CTranslate2 is not installed; pip install ctranslate2)")
                    continue
                from mtcheck.mt.ct2 import load_ct2

                compute = args.compute_type if args.compute_type != "default" else (
                    "float16" if counters.cuda else "int8")
                loaded = load_ct2(loaded, compute, args.threads)
                loaded.model = CountingCt2(loaded.model, counters)
                dtype = f"CTranslate2 {compute}"
            else:
                instrument(loaded.model, tokenizer.pad_token_id, counters)
                dtype = "transformers " + str(next(loaded.model.parameters()).dtype).replace("torch.", "")
            pieces = sum(len(tokenizer(s).input_ids) for s in sentences) / len(sentences)
            name = torch.cuda.get_device_name() if counters.cuda else cpu
            print(f"\n### {loaded.device} ({name}, {dtype}); {pieces:.1f} source tokens a sentence, end-of-sentence "
                  f"included")
            measure(loaded, glossary, sentences[:min(4, len(sentences))], "auto", 4, args.beams, counters)  # warm-up
            print("| batch | strategy | sentences/s | generated tokens/s | tokens/sentence | term accuracy | "
                  "time / none | processor share | outputs by strategy | seconds | other CPU |")
            print("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
            for batch_size in batch_sizes:
                base = None
                for strategy in strategies:
                    r = measure(loaded, glossary, sentences, strategy, batch_size, args.beams, counters)
                    if strategy == "none":
                        base = r["seconds"]
                    accuracy = f"{r['present'] / r['required']:.0%} of {r['required']}" if r["required"] else "-"
                    ratio = f"{r['seconds'] / base:.2f}x" if base else "-"
                    kinds = ", ".join(f"{k} {v}" for k, v in sorted(r["strategies"].items()))
                    print(f"| {batch_size} | {strategy} | {r['sentences'] / r['seconds']:.2f} | "
                          f"{r['tokens'] / r['seconds']:.0f} | {r['tokens'] / r['sentences']:.0f} | {accuracy} | "
                          f"{ratio} | {r['processor_s'] / r['seconds']:.0%} | {kinds} | {r['seconds']:.1f} | "
                          f"{'-' if r['others'] is None else format(r['others'], '.2f')} |",
                          flush=True)
            del loaded
            if counters.cuda:
                torch.cuda.empty_cache()
        print(f"\n{time.perf_counter() - began:.0f} s in all after the model was built. `other CPU`: cores' worth of "
              f"CPU other processes took during the row; more than about 0.1 and torch's threads, which wait for "
              f"each other at every operation, slow down far more than that share: run it again on a quiet machine.")
    finally:
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
