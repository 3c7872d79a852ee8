"""Between the rules and the report: suppressed and baselined findings held back, unused
directives reported, the baseline recorded, and the run's counts kept right."""
from __future__ import annotations

from mtcheck.baseline import Baseline, BaselineWriter
from mtcheck.engine import Tally
from mtcheck.model import Finding
from mtcheck.suppress import Suppressions


class Gate:
    """Filters each batch of findings on its way to the reporter.

    Order: inline directives first, then the baseline; a baseline being written records what
    passes the directives (the old baseline aside), so that writing one and then checking
    against it reports nothing.
    """

    def __init__(self, tally: Tally, suppressions: Suppressions | None = None, baseline: Baseline | None = None,
                 writer: BaselineWriter | None = None):
        self.tally = tally
        self.suppressions = suppressions
        self.baseline = baseline
        self.writer = writer

    def document(self, path: str) -> None:
        """A file the run is about to check."""
        if self.suppressions is not None:
            self.suppressions.document(path)

    def passes_all(self, path: str) -> bool:
        """Whether every finding of the file passes as it is: no baseline read or written, no
        directive in the file."""
        return self.baseline is None and self.writer is None and (
            self.suppressions is None or not self.suppressions.has_directives(path))

    def filter(self, findings: list[Finding]) -> list[Finding]:
        """The findings to report, in their order."""
        if self.baseline is None and self.writer is None and (
                self.suppressions is None
                or not any(map(self.suppressions.has_directives, {f.location.path for f in findings}))):
            return findings  # nothing can hold a finding back: the common case, without a call per finding
        kept = []
        for finding in findings:
            if self.suppressions is not None:
                narrowed = self.suppressions.narrowed(finding)
                if narrowed is None:
                    self.tally.remove_finding(finding)
                    self.tally.suppressed += 1
                    continue
                finding = narrowed
            if self.writer is not None:
                self.writer.add(finding)
            if self.baseline is not None and self.baseline.known(finding):
                self.tally.remove_finding(finding)
                self.tally.baselined += 1
                continue
            kept.append(finding)
        return kept

    def finish(self) -> list[Finding]:
        """The findings the run's end brings: directives that silenced nothing."""
        if self.suppressions is None or not self.suppressions.report_unused:
            return []
        unused = self.suppressions.unused()
        for finding in unused:
            self.tally.add_finding(finding)
        return self.filter(unused)

    def close(self, write: bool = True) -> None:
        """Write the baseline being recorded (unless `write` is false: a run with errors
        would record too little), and let go of open files."""
        if self.baseline is not None:
            self.baseline.close()
        if self.writer is not None and write:
            self.writer.write()


def make_gate(tally: Tally, enabled, severities=None, warn_unused: bool = False, baseline: str | None = None,
              write_baseline: str | None = None) -> Gate:
    """The gate of a `check` run: `enabled` the ids of the rules that run, `severities` the
    configured ones by rule id (for GL000), the baseline to read and the one to write. A
    missing or malformed baseline raises InputError before anything is checked."""
    from mtcheck.suppress import UnusedIgnore

    suppressions = Suppressions(enabled, warn_unused, (severities or {}).get(UnusedIgnore.id))
    return Gate(tally, suppressions, Baseline.load(baseline) if baseline else None,
                BaselineWriter(write_baseline) if write_baseline else None)
