"""JUnit XML: a test suite per checked file, a test case per finding — failing when the finding
fails the run (`--fail-on`), passing with the finding as its output when it does not, so that
the test report and the exit code agree — a passing one for a file without findings;
unreadable files as errors."""
from __future__ import annotations

import codecs
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from lxml import etree

from mtcheck.engine import Tally
from mtcheck.model import Finding, Glossary, Severity
from mtcheck.report.paths import portable_path_from

# Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF): a text file may
# have them, and lxml refuses to write them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


@dataclass
class _Suite:
    """A file's test suite: where its findings lie in the spool, and how many there are."""

    path: str
    spans: list[list[int]] = field(default_factory=list)   # [start, end) byte ranges of the spool
    findings: int = 0
    failures: int = 0   # the findings that fail the run


class _TextSink:
    """The byte stream lxml writes, decoded onto the text stream reports go to."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.decoder = codecs.getincrementaldecoder("utf-8")()

    def write(self, data: bytes) -> None:
        self.out.write(self.decoder.decode(data))


class JUnitFindings:
    """One `<testsuites>` document. Counts go in attributes before the test cases, so the
    findings wait in a temporary spool (a JSON record a line) rather than in memory."""

    def __init__(self, out: IO[str], base: Path | None = None, fail_at: Severity | None = None):
        """`fail_at`: the severity from which a finding fails the run (None: every one)."""
        self.out = out
        self.fail_at = fail_at
        self.base = base or Path.cwd()
        self.suites: dict[str, _Suite] = {}
        self.spool = tempfile.TemporaryFile()  # noqa: SIM115 - open from the first document to end()

    def start(self) -> None:
        pass

    def document(self, path: str | None, lang: str | None, findings: list[Finding]) -> None:
        if path is not None:
            self._suite(path)     # a file without findings is one passing test case
        by_path: dict[str, list[Finding]] = {}
        for finding in findings:  # the findings of a run's end span files
            by_path.setdefault(finding.location.path, []).append(finding)
        for finding_path, group in by_path.items():
            suite = self._suite(finding_path)
            start = self.spool.tell()
            self.spool.write("".join(json.dumps(f.to_record()) + "\n" for f in group).encode("ascii"))
            if suite.spans and suite.spans[-1][1] == start:
                suite.spans[-1][1] = self.spool.tell()
            else:
                suite.spans.append([start, self.spool.tell()])
            suite.findings += len(group)
            suite.failures += sum(1 for f in group if self._fails(f.severity))

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        failures = sum(s.failures for s in self.suites.values())
        tests = sum(max(s.findings, 1) for s in self.suites.values()) + len(errors)
        try:
            with etree.xmlfile(_TextSink(self.out), encoding="utf-8") as xf:
                xf.write_declaration()
                with xf.element("testsuites", _counts("mtcheck", tests, failures, len(errors))):
                    for suite in self.suites.values():
                        xf.write("\n  ")
                        self._write_suite(xf, suite)
                    if errors:
                        xf.write("\n  ")
                        with xf.element("testsuite", _counts("mtcheck: unreadable files", len(errors), 0,
                                                             len(errors))):
                            for error in errors:
                                xf.write("\n    ", _error_case(error))
                            xf.write("\n  ")
                    xf.write("\n")
            self.out.write("\n")
        finally:
            self.spool.close()

    def _fails(self, severity: Severity) -> bool:
        return self.fail_at is None or severity >= self.fail_at

    def _suite(self, path: str) -> _Suite:
        name = portable_path_from(path, self.base)
        suite = self.suites.get(name)
        if suite is None:
            suite = self.suites[name] = _Suite(name)
        return suite

    def _write_suite(self, xf, suite: _Suite) -> None:
        with xf.element("testsuite", _counts(suite.path, max(suite.findings, 1), suite.failures, 0)):
            if not suite.findings:
                case = etree.Element("testcase", name="no findings", classname=_classname(suite.path),
                                     file=_xml_text(suite.path), time="0")
                xf.write("\n    ", case)
            for start, end in suite.spans:
                self.spool.seek(start)
                while self.spool.tell() < end:
                    record = json.loads(self.spool.readline())
                    failing = self._fails(Severity.parse(record["severity"]))
                    xf.write("\n    ", _finding_case(record, suite.path, failing))
            xf.write("\n  ")


def _counts(name: str, tests: int, failures: int, errors: int) -> dict[str, str]:
    return {"name": _xml_text(name), "tests": str(tests), "failures": str(failures), "errors": str(errors),
            "skipped": "0", "time": "0"}


def _classname(path: str) -> str:
    """The path without its extension: Jenkins reads the part after the last dot of a class
    name as the class, and would file every finding under a class 'txt' (ESLint does the same)."""
    pure = PurePosixPath(path)
    return str(pure.with_suffix("")) if pure.suffix and pure.stem else path


def _finding_case(record: dict, path: str, failing: bool) -> etree._Element:
    """A finding's test case: a failure, or (below --fail-on) a pass with the finding as output."""
    where = f"{record['line']}:{record['column']}"
    case = etree.Element("testcase", name=_xml_text(f"{record['rule']} {record['name']} at {where}"),
                         classname=_xml_text(_classname(path)), file=_xml_text(path), line=str(record["line"]),
                         time="0")
    if failing:
        detail = etree.SubElement(case, "failure", type=record["rule"], message=_xml_text(record["message"]))
    else:
        detail = etree.SubElement(case, "system-out")
    details = [f"{path}:{where}: {record['rule']} {record['name']} ({record['severity']}) {record['message']}"]
    if record.get("text"):
        details.append(f"found: {record['text']}")
    if record.get("suggestions"):
        details.append(f"suggestion: {' | '.join(record['suggestions'])}")
    if record.get("concept"):
        details.append(f"concept: {record['concept']} ({record.get('lang') or '?'})")
    if record.get("segment"):
        details.append(f"segment: {record['segment']}")
    if record.get("source") is not None:
        details.append(f"source: {record['source']}")
    detail.text = _xml_text("\n".join(details))
    return case


def _error_case(error: str) -> etree._Element:
    case = etree.Element("testcase", name=_xml_text(error), classname="mtcheck", time="0")
    etree.SubElement(case, "error", type="input-error", message=_xml_text(error)).text = _xml_text(error)
    return case
