"""What the commands share: the run's glossary, files and languages, output streams."""
from __future__ import annotations

import contextlib
import os
import sys
from typing import IO, Iterator


from mtcheck.errors import MtcheckError


def split_values(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def console(stream: IO[str] | None = None, stderr: bool = False):
    from rich.console import Console

    if stream is not None:
        return Console(file=stream, force_terminal=False, no_color=True, width=10_000, soft_wrap=True)
    terminal = Console(stderr=stderr, highlight=False, soft_wrap=True)
    if terminal.is_terminal:
        return terminal
    # A pipe or a CI log has no width: tables keep every character (not cut at 80 columns).
    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=10_000)


@contextlib.contextmanager
def output_stream(path: str | None, inputs: tuple[str, ...] = ()) -> Iterator[IO[str] | None]:
    """stdout (None; `-` says so too), or a file written atomically: never one of `inputs`,
    a folder or a device."""
    from mtcheck.textio import atomic_output, check_output_path, is_stdout

    if path is None or is_stdout(path):
        yield None
        return
    check_output_path(path, inputs)
    with atomic_output(path) as stream:
        yield stream


# The environment's way of saying --demo-glossary (for a shell session of trying mtcheck out).
DEMO_VARIABLE = "MTCHECK_DEMO_GLOSSARY"


STDIN = "-"  # the path that stands for standard input
IDENTIFIED_FROM = 200  # a bilingual file's languages are identified from its first segments


def _renamed(error: MtcheckError, copy: str, name: str) -> MtcheckError:
    """An error about the private copy of standard input, about `name` instead."""
    from mtcheck.errors import InputError

    if isinstance(error, InputError) and error.path == copy:
        return InputError(name, error.detail, error.line)
    return MtcheckError(str(error).replace(copy, name))


class UsageProblem(MtcheckError):
    """A run that cannot mean what it would do (exit 2, one line)."""


def in_automation() -> bool:
    """Whether a pre-commit hook (PRE_COMMIT) or a CI job (CI, as every CI service sets it) runs
    mtcheck, where nobody reads a warning."""
    return _set("PRE_COMMIT") or _set("CI")


def _set(variable: str) -> bool:
    """Whether an environment variable says yes (set, and not empty, 0, false or no)."""
    return os.environ.get(variable, "").lower() not in ("", "0", "false", "no")


class Run:
    """State of one `check` or `scan` run shared by its helpers."""

    def __init__(self, glossaries: tuple[str, ...], lang: str | None, verbose: bool, source_lang: str | None = None,
                 demo: bool = False, gate: bool = False):
        """`demo`: the user asked for the shipped demo glossary; `gate`: the run decides a
        commit or a build (`check`), where checking against the demo by default is refused."""
        from mtcheck.glossary import load_glossaries
        from mtcheck.glossary.shipped import shipped_glossary

        self.lang = lang
        self.source_lang = source_lang
        self.quiet = False
        self.verbose = verbose
        self.err = console(stderr=True)
        if not glossaries and not (demo or _set(DEMO_VARIABLE)):
            self._no_glossary(gate)
        paths = list(glossaries) or [str(shipped_glossary())]
        # A headerless two-column glossary takes its languages from the run's.
        self.glossary = load_glossaries(paths, source_lang, lang)
        self.errors: list[str] = []
        self._described: set[str] = set()
        # (path, side) -> (language, probability) identified, kept where the run's process reads
        # the files' languages to plan its workers (see remember_languages): a worker forked
        # after it finds them here, not again. Kept for no other run: a run of a million files
        # in one process would hold them all for nothing.
        self._identified: dict[tuple[str, str], tuple[str, float]] | None = None
        self.selection = None  # include/exclude globs of the configuration (mtcheck.config.FileSelection)
        self.stdin_filename: str | None = None  # what `-` (standard input) is named in reports
        self.shown: dict[str, str] = {}  # the private copy of standard input -> the name reports give it
        self.say(f"glossary: {', '.join(paths)} ({len(self.glossary)} concepts, "
                 f"languages {', '.join(self.glossary.languages)})")

    def _no_glossary(self, gate: bool) -> None:
        """No glossary named: the shipped demo serves a first try, said once; a pre-commit hook
        or a CI job that gates on it would pass anything, so there it is an error."""
        unnamed = "no glossary named (--glossary FILE, or glossaries in mtcheck.toml)"
        if gate and in_automation():
            raise UsageProblem(f"{unnamed}: a hook or CI job would check against the shipped demo glossary of "
                               f"Vietnamese political terms and pass; name yours, or pass --demo-glossary to mean it")
        self.err.print(f"warning: {unnamed}: using the shipped demo glossary of Vietnamese political terms "
                       f"(--demo-glossary: meant)", highlight=False, markup=False)

    def say(self, message: str) -> None:
        """A detail for --verbose."""
        if self.verbose:
            self.err.print(message, highlight=False, markup=False)

    def describe_afresh(self) -> None:
        """Describe each language again where it is next met: a worker says of each file all
        that one process would say of it there, and the run's process drops the repeats (see
        retell), whichever worker met a language first."""
        self._described.clear()

    @contextlib.contextmanager
    def unheard(self) -> Iterator[None]:
        """Nothing said meanwhile, and nothing counted as said: a language described here is
        described again where it is first met aloud (by the workers forked after)."""
        import io

        from rich.console import Console

        err, verbose, described = self.err, self.verbose, set(self._described)
        self.err, self.verbose = Console(file=io.StringIO()), False
        try:
            yield
        finally:
            self.err, self.verbose, self._described = err, verbose, described

    def tell(self, message: str) -> None:
        """What a user must hear of the run (on stderr), unless --quiet."""
        if not self.quiet:
            self.err.print(message, highlight=False, markup=False)

    def retell(self, said: str, told: set[str]) -> None:
        """What a worker said on the standard error, each line not `told` before (each worker
        describes a language the first time it meets it)."""
        for line in said.splitlines():
            if line not in told:
                told.add(line)
                self.err.print(line, highlight=False, markup=False)

    def fail(self, error: MtcheckError) -> None:
        if str(error) in self.errors:
            return  # --fix reads every file twice: an error is said once
        self.errors.append(str(error))
        self.err.print(f"error: {error}", style="red", highlight=False, markup=False)

    def documents(self, paths: tuple[str, ...], files: list[str] | None = None):
        """(path, lang, segments) for every file, errors reported and skipped; a path that
        cannot be checked is an error, or a warning where a folder holds it. `files`: what
        `files(paths)` gave, where the caller has it."""
        from mtcheck.formats import bilingual_kind

        files = self.files(paths) if files is None else files
        with self.progress(len(files)) as advance:
            for path in files:
                try:
                    if path == STDIN:
                        yield from self._standard_input(bilingual_kind)
                    else:
                        yield self.open(path)
                except MtcheckError as exc:
                    self.fail(exc)
                advance()

    def files(self, paths: tuple[str, ...]) -> list[str]:
        """The files the paths name, folders searched, in the order they are checked;
        problems reported (see documents)."""
        from mtcheck.formats.discover import discover

        warned = vars(self).setdefault("_warned", set())  # --fix reads every file twice: a warning is said once

        def report(problem):
            if problem.error:
                self.fail(problem.as_error())
            elif str(problem) not in warned:
                warned.add(str(problem))
                self.err.print(f"warning: {problem}", markup=False, highlight=False)

        named = [path for path in paths if path != STDIN]
        files = list(discover(named, report, self.selection))
        if len(named) < len(paths):
            files.insert(paths.index(STDIN), STDIN)
        return files

    def remember_languages(self) -> None:
        """From now on keep the languages identified, for workers forked after this process."""
        if self._identified is None:
            self._identified = {}

    def open(self, path: str, part=None):
        """(path, lang, segments) of one file (not standard input); MtcheckError if it cannot
        be read. `part`: a bilingual file's first part (mtcheck.formats.parts), opened alone
        where it holds the segments the file's language is told from."""
        from mtcheck.formats import bilingual_kind

        return self._bilingual(path, part) if bilingual_kind(path) else self._plain(path)

    def _standard_input(self, bilingual_kind):
        """The text on standard input, read from a private copy named like `stdin_filename`
        (its format from that name's ending; plain text without one) while it is checked.
        Reports name it by `shown` (see displayed)."""
        import tempfile

        name = self.stdin_filename or STDIN
        base = os.path.basename(name) if self.stdin_filename else "stdin.txt"
        data = sys.stdin.buffer.read()
        with tempfile.TemporaryDirectory(prefix="mtcheck-stdin-") as folder:
            copy = os.path.join(folder, base)
            with open(copy, "wb") as handle:
                handle.write(data)
            self.shown[copy] = name
            try:
                yield self._bilingual(copy) if bilingual_kind(copy) else self._plain(copy)
            except MtcheckError as exc:
                raise _renamed(exc, copy, name) from None

    def displayed(self, findings: list) -> list:
        """Findings as reports show them: standard input under its name, not its copy's."""
        if not self.shown:
            return findings
        return [f if f.location.path not in self.shown else f.elsewhere(self.shown[f.location.path]) for f in findings]

    @contextlib.contextmanager
    def progress(self, total: int):
        """A progress bar over the files, on a terminal only: never in CI logs or pipes."""
        if self.quiet or total < 2 or not self.err.is_terminal or _set("CI"):
            yield lambda: None
            return
        from rich.progress import Progress

        with Progress(console=self.err, transient=True) as progress:
            task = progress.add_task("checking", total=total)
            yield lambda: progress.advance(task)

    def _plain(self, path: str):
        from mtcheck.formats import plaintext

        lang = self._language(path, lambda: plaintext.sample(path))
        return path, lang, plaintext.read_segments(path, lang)

    def _bilingual(self, path: str, part=None):
        """A bilingual file; languages it does not name are identified from its first segments."""
        import itertools

        from mtcheck.formats import open_bilingual

        document = open_bilingual(path, source_lang=self.source_lang, target_lang=self.lang, part=part)
        for warning in getattr(document, "warnings", ()):
            self.err.print(f"warning: {warning}", markup=False, highlight=False)
        segments = iter(document.segments())
        head = sample = list(itertools.islice(segments, IDENTIFIED_FROM))
        if part is not None and len(head) < IDENTIFIED_FROM:
            # A part holding fewer segments than the file's sample: the sample is the file's.
            whole = open_bilingual(path, source_lang=self.source_lang, target_lang=self.lang).segments()
            try:
                sample = list(itertools.islice(whole, IDENTIFIED_FROM))
            finally:
                getattr(whole, "close", lambda: None)()  # the reader's file, left half read
        declared = document.target_lang or next((s.lang for s in sample if s.lang), None)
        lang = self._language(path, lambda: "\n".join(s.text for s in sample), declared)
        source_lang = None
        if any(s.source and not s.source_lang for s in sample):
            source_lang = self._language(path, lambda: "\n".join(s.source or "" for s in sample), None, "source")
        return path, lang, _with_languages(itertools.chain(head, segments), lang, source_lang)

    def _language(self, path: str, sample, declared: str | None = None, side: str = "text") -> str:
        from mtcheck.language import analyzer_for, canonical_lang
        from mtcheck.langid import detect_language

        if declared or (self.lang and side == "text"):
            lang = canonical_lang(declared or self.lang)
        else:
            identified = self._identified.get((path, side)) if self._identified is not None else None
            if identified is None:
                identified = detect_language(sample())
                if self._identified is not None:
                    self._identified[(path, side)] = identified
            lang, probability = identified
            self.say(f"{path}: detected {'source ' if side == 'source' else ''}language {lang} (p={probability:.2f})")
        if self.verbose and lang not in self._described:
            self._described.add(lang)
            self.say(analyzer_for(lang).describe())
        return lang


def _with_languages(segments, lang: str, source_lang: str | None):
    """Segments with the file's languages filled in where the file left them out."""
    for segment in segments:
        if segment.lang is None or (source_lang and segment.source is not None and segment.source_lang is None):
            segment = segment._replace(lang=segment.lang or lang, source_lang=segment.source_lang or source_lang)
        yield segment


def check_outputs(inputs: tuple[str, ...], *outputs: str | None) -> None:
    """Refuse, before any work, output paths that would replace an input or cannot hold a file."""
    from mtcheck.textio import check_output_path, is_stdout

    for output in outputs:
        if output is not None and not is_stdout(output):
            check_output_path(output, inputs)
