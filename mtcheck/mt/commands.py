"""The `translate` and `retranslate` commands: options to library calls, results to the terminal."""
from __future__ import annotations

import contextlib
import json
import sys

import click

from mtcheck.errors import MtcheckError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def model_options(function):
    options = [
        click.option("--model", "-m", help="Hub id or local folder of a seq2seq model (Marian, NLLB-200, M2M100). "
                                           "Default: OPUS-MT for the pair, else NLLB-200."),
        click.option("--revision", help="Hub revision (branch, tag or commit) of the model."),
        click.option("--strategy", type=click.Choice(["auto", "rerank", "force", "none"]), default="auto",
                     show_default=True, help="Glossary enforcement: n-best reranking, forced decoding, reranking "
                                             "with forcing as fallback (auto), or none (deprecated terms stay banned)."),
        click.option("--beams", type=click.IntRange(min=1), default=4, show_default=True),
        click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True),
        click.option("--backend", type=click.Choice(["transformers", "ct2"]), default="transformers", show_default=True,
                     help="Run the model with transformers, or with CTranslate2 (converted once into the cache; "
                          "pip install ctranslate2)."),
        click.option("--compute-type", type=click.Choice(["default", "int8", "int8_float32", "float32", "float16",
                                                          "bfloat16", "int8_float16"]), default="default",
                     show_default=True, help="CTranslate2's number format (default: int8 on the CPU and float16 on "
                                             "a GPU where the model allows)."),
        click.option("--threads", type=click.IntRange(min=1), help="CPU threads for torch or CTranslate2."),
        click.option("--device", default="auto", show_default=True, help="cpu, cuda, cuda:1 … (auto: the GPU when present)."),
        click.option("--allow-pickle", is_flag=True, help="Allow pickle (.bin) weights, which can run code: trusted models only."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the translation cache."),
        click.option("--cache-dir", type=click.Path(file_okay=False),
                     help="Translation cache folder (default: mtcheck's cache folder: $MTCHECK_CACHE_DIR, the "
                          "virtual environment's var/cache/mtcheck, or ~/.cache/mtcheck)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def make_translator(glossary, source_lang, target_lang, options, err):
    """A Translator for one language pair: its model loaded, its cache opened."""
    from mtcheck.mt.languages import default_model

    cache = open_cache(options)  # a broken cache fails in a moment, not after the model has loaded
    loaded = load_translation_model(options["model"] or default_model(source_lang, target_lang), options)
    return build_translator(loaded, glossary, source_lang, target_lang, options, cache)


def load_translation_model(name, options):
    """The model `name` loaded as `options` say (device, pickle, revision, threads)."""
    from mtcheck.mt.loader import load_model

    loaded = load_model(name, device=options["device"], allow_pickle=options["allow_pickle"],
                        revision=options["revision"], threads=options["threads"])
    if options.get("backend", "transformers") == "ct2":
        from mtcheck.mt.ct2 import load_ct2

        compute = options.get("compute_type", "default")
        if compute == "default":
            compute = "float16" if loaded.device.startswith("cuda") else "int8"
        loaded = load_ct2(loaded, compute, options["threads"])
    return loaded


def open_cache(options):
    """The translation cache `options` ask for, or None with no_cache."""
    if options["no_cache"]:
        return None
    from pathlib import Path

    from mtcheck.mt.cache import TranslationCache

    return TranslationCache(Path(options["cache_dir"]) / "translations.sqlite3" if options["cache_dir"] else None)


def build_translator(loaded, glossary, source_lang, target_lang, options, cache=None):
    """A Translator on an already loaded model; several may share one model and one cache."""
    from mtcheck.mt.translator import Translator

    return Translator(loaded, glossary, source_lang, target_lang, beams=options["beams"],
                      batch_size=options["batch_size"], strategy=options["strategy"], cache=cache)


@contextlib.contextmanager
def progress_bar(translator, total: int, err):
    """A progress bar on a terminal; nothing in logs or pipes."""
    if not err.is_terminal or total < 2:
        yield
        return
    from rich.progress import Progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("translating", total=total)
        translator.progress = lambda n: progress.advance(task, n)
        yield
    translator.progress = None


def term_summary(translations) -> str:
    required = sum(len(t.present) for t in translations)
    present = sum(sum(t.present) for t in translations)
    banned = sum(len(t.banned_found) for t in translations)
    cached = sum(t.cached for t in translations)
    rate = f"{present / required:.0%}" if required else "n/a"
    unwritable = sorted({term for t in translations for term in t.unwritable})
    said = (f"{len(translations)} segments translated ({cached} from the cache); glossary terms: {present}/{required} "
            f"present ({rate}), {banned} deprecated left")
    if unwritable:
        # Not a decoding failure: the vocabulary turns these into <unk>, so no model output can hold them.
        said += f"; the model's vocabulary cannot write {', '.join(repr(t) for t in unwritable)}"
    return said


def translation_record(t) -> dict:
    return {"source": t.source, "text": t.text, "strategy": t.strategy, "cached": t.cached,
            "terms": [{"concept": c, "term": term, "present": p} for (c, term), p in zip(t.required, t.present)],
            "term_accuracy": t.term_accuracy, "deprecated_left": t.banned_found, "unwritable": t.unwritable}


def run_translate(run, input_path, source_lang, target_lang, output, output_format, options) -> int:
    from mtcheck.language import canonical_lang
    from mtcheck.textio import atomic_output, check_output_path, is_stdout, iter_lines

    to_file = output is not None and not is_stdout(output)
    if to_file:
        check_output_path(output, [] if input_path == "-" else [input_path])
    source_lang, target_lang = canonical_lang(source_lang), canonical_lang(target_lang)
    translator = make_translator(run.glossary, source_lang, target_lang, options, run.err)  # fail before reading
    if input_path == "-":
        lines = sys.stdin.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
    else:
        lines = list(iter_lines(input_path))
    texts = [line for line in lines if line.strip()]
    with progress_bar(translator, len(texts), run.err):
        results = iter(translator.translate(texts))
    translations = [next(results) if line.strip() else None for line in lines]
    done = [t for t in translations if t is not None]
    if output_format == "json":
        body = json.dumps({"version": 1, "source_lang": source_lang, "target_lang": target_lang,
                           "model": translator.loaded.name, "translations": [translation_record(t) for t in done]},
                          ensure_ascii=False, indent=1) + "\n"
    else:
        body = "".join((t.text if t else "") + "\n" for t in translations)
    if to_file:
        with atomic_output(output) as stream:
            stream.write(body)
    else:
        sys.stdout.write(body)
    run.err.print(term_summary(done), highlight=False, markup=False)
    return EXIT_FINDINGS if any(not all(t.present) or t.banned_found for t in done) else EXIT_CLEAN


def run_retranslate(run, path, source, everything, output, in_place, reference, output_format, show_diff,
                    options) -> int:
    from mtcheck.language import canonical_lang
    from mtcheck.mt import retranslate

    target = path if in_place else (output or retranslate.default_output(path))
    _check_retranslate_output(target, path, in_place, source, reference)
    source_lang = canonical_lang(run.source_lang) if run.source_lang else None
    target_lang = canonical_lang(run.lang) if run.lang else None
    plan = retranslate.plan(path, run.glossary, source=source, source_lang=source_lang, target_lang=target_lang,
                            everything=everything)
    translator = make_translator(run.glossary, plan.source_lang, plan.target_lang, options, run.err)
    todo = sum(1 for c in plan.changes if not c.skipped)
    with progress_bar(translator, todo, run.err):
        retranslate.translate(plan, translator)
    retranslate.write(plan, target)
    scores = _scores(plan, reference)
    translated = [c for c in plan.changes if c.translation]
    if output_format == "json":
        record = {"version": 1, "path": path, "written": target, "model": translator.loaded.name,
                  "source_lang": plan.source_lang, "target_lang": plan.target_lang,
                  "segments": [{"id": c.segment.id, "line": c.segment.line, "old": c.old, "new": c.new,
                                "skipped": c.skipped or None, "findings": [f.rule for f in c.findings],
                                **({"translation": translation_record(c.translation)} if c.translation else {})}
                               for c in plan.changes],
                  "scores": scores}
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    else:
        console = _stdout_console()
        if show_diff:
            console.print(_diff_table(plan))
        for score in scores:
            click.echo(f"{score['against']:<16} {score['metric']:<6} {score['score']:7.2f}  {score['signature']}")
        click.echo(f"{target}: {len(translated)} segments re-translated, "
                   f"{sum(1 for c in plan.changes if c.skipped)} left alone")
    run.err.print(term_summary([c.translation for c in translated]), highlight=False, markup=False)
    failed = any(not all(c.translation.present) or c.translation.banned_found for c in translated)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


def _check_retranslate_output(target: str, path: str, in_place: bool, source: str | None,
                              reference: str | None) -> None:
    """Refuse, before the model loads, an output that would replace an input (other than
    PATH with --in-place) or cannot hold a file."""
    from mtcheck.textio import check_output_path, is_stdout

    if is_stdout(target):
        raise MtcheckError(f"{target}: retranslate writes a file; its report goes to standard output")
    inputs = [p for p in (source, reference) if p] + ([] if in_place else [path])
    check_output_path(target, inputs)


def _stdout_console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _diff_table(plan):
    from rich.table import Table
    from rich.text import Text

    from mtcheck.mt.retranslate import word_diff

    table = Table(title=f"{plan.path}: re-translated segments", show_lines=True, expand=True)
    table.add_column("segment", no_wrap=True)
    table.add_column("before")
    table.add_column("after")
    table.add_column("terms", no_wrap=True)
    styles = {"same": "", "added": "bold green", "removed": "red strike"}
    for change in plan.changes:
        after = Text()
        if change.translation is None:
            after.append(f"left alone: {change.skipped}", style="dim")
            terms = ""
        else:
            for piece, kind in word_diff(change.old, change.new):
                if kind != "removed":
                    after.append(piece + " ", style=styles[kind])
            accuracy = change.translation.term_accuracy
            terms = "—" if accuracy is None else f"{accuracy:.0%}"
        before = Text()
        for piece, kind in word_diff(change.old, change.new):
            if kind != "added":
                before.append(piece + " ", style=styles[kind])
        table.add_row(change.segment.id or str(change.segment.line), before, after, terms)
    return table


def _scores(plan, reference: str | None) -> list[dict]:
    """chrF, BLEU and TER of the new targets against the old ones, and against a reference."""
    from mtcheck.mt.score import corpus_scores

    changed = [c for c in plan.changes if c.translation]
    if not changed:
        return []
    results = []
    for score in corpus_scores([c.new for c in changed], [c.old for c in changed]):
        results.append({"against": "old", "metric": score.name, "score": score.value, "signature": score.signature})
    if reference:
        from mtcheck.textio import iter_lines

        lines = list(iter_lines(reference))
        if len(lines) != len(plan.segments):
            raise MtcheckError(f"{reference}: {len(lines)} reference lines for {len(plan.segments)} segments of {plan.path}")
        by_segment = {id(s): line for s, line in zip(plan.segments, lines)}
        refs = [by_segment[id(c.segment)] for c in changed]
        for score in corpus_scores([c.new for c in changed], refs):
            results.append({"against": "reference", "metric": score.name, "score": score.value,
                            "signature": score.signature})
        for score in corpus_scores([c.old for c in changed], refs):
            results.append({"against": "reference (old)", "metric": score.name, "score": score.value,
                            "signature": score.signature})
    return results
