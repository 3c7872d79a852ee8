"""SARIF 2.1.0: one run, the rules with their documentation, a result per finding, streamed."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO
from urllib.parse import quote

from mtcheck import __version__
from mtcheck.baseline import Fingerprints
from mtcheck.engine import Tally
from mtcheck.model import Finding, Glossary, Severity
from mtcheck.report.paths import is_inside, portable_path_from, readable
from mtcheck.rules import ALL_RULES

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"  # the base id GitHub code scanning and most viewers resolve to the checkout
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
PROPERTIES = ("concept", "lang", "text", "suggestions", "segment", "data")
# partialFingerprints carries the baseline's fingerprint (mtcheck.baseline), so that a code
# scanning alert and a baseline entry name a finding alike; a new way of computing it needs
# a new version here.
FINGERPRINT_NAME = "mtcheck/v1"


def _dump(value: object) -> str:
    # A file name that does not decode: its URI says its bytes, the text around shows U+FFFD.
    return readable(json.dumps(value, ensure_ascii=False))


class SarifFindings:
    """A SARIF log written as the findings come: the tool and its rules first, then the
    results, then the invocation (whether every file could be read)."""

    def __init__(self, out: IO[str], base: Path | None = None):
        self.out = out
        self.base = base or Path.cwd()
        # Paths from the working folder, as a baseline at the repository's root names them
        # when mtcheck runs there.
        self.fingerprints = Fingerprints(self.base)
        self.rule_index = {rule.id: index for index, rule in enumerate(documented_rules())}
        self.count = 0

    def start(self) -> None:
        root = self.base.as_uri()
        bases = {SRCROOT: {"uri": root if root.endswith("/") else root + "/"}}  # a folder's URI ends in /
        self.out.write(f'{{"$schema": {_dump(SARIF_SCHEMA)}, "version": "2.1.0", "runs": [{{\n'
                       f' "tool": {{"driver": {_dump(driver())}}},\n'
                       f' "columnKind": "unicodeCodePoints", "originalUriBaseIds": {_dump(bases)},\n'
                       ' "results": [')

    def document(self, path: str | None, lang: str | None, findings: list[Finding]) -> None:
        for finding in findings:
            self.out.write(("\n  " if self.count == 0 else ",\n  ") + _dump(self.result(finding)))
            self.count += 1

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        self.fingerprints.close()
        invocation: dict = {"executionSuccessful": not errors}
        if errors:
            # Notifications are unique items in the schema: one per distinct message.
            invocation["toolExecutionNotifications"] = [
                {"level": "error", "message": {"text": error}} for error in dict.fromkeys(errors)]
        self.out.write(("\n " if self.count else "") + '],\n "invocations": [' + _dump(invocation) + "]}]}\n")

    def result(self, finding: Finding) -> dict:
        """One finding as a SARIF result: a projection of its record."""
        record = finding.to_record()
        result: dict = {"ruleId": finding.rule}
        if finding.rule in self.rule_index:
            result["ruleIndex"] = self.rule_index[finding.rule]
        result.update({
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": self.artifact(record["path"]),
                "region": {"startLine": record["line"], "startColumn": record["column"],
                           "endLine": record["end_line"], "endColumn": record["end_column"]},
            }}],
            "partialFingerprints": {FINGERPRINT_NAME: self.fingerprints(finding)},
            "properties": {key: record[key] for key in PROPERTIES if key in record},
        })
        if finding.fix is not None and finding.fix.applicability != "display":
            # SARIF fixes are meant to be applied: a fix only shown stays in the message.
            fix = finding.fix
            result["fixes"] = [{
                "description": {"text": f"{fix.applicability} fix" + (f": {fix.reason}" if fix.reason else "")},
                "artifactChanges": [{"artifactLocation": self.artifact(record["path"]), "replacements": [{
                    "deletedRegion": {"startLine": e.location.line, "startColumn": e.location.column,
                                      "endLine": e.location.end_line, "endColumn": e.location.end_column},
                    "insertedContent": {"text": e.text}} for e in fix.edits]}],
            }]
            result["properties"]["fix"] = fix.applicability
        return result

    def artifact(self, path: str) -> dict:
        """A relative URI against the working folder where the file lies inside it (what code
        scanning maps onto the repository), else an absolute file URI."""
        relative = portable_path_from(path, self.base)
        if is_inside(relative):
            return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}  # the name's own bytes
        return {"uri": Path(os.path.abspath(path)).as_uri()}


def documented_rules() -> tuple:
    """Every rule a result can name: GL000 (unused suppressions) and the checking rules."""
    from mtcheck.suppress import UnusedIgnore

    return (UnusedIgnore, *ALL_RULES)


def driver() -> dict:
    """tool.driver: mtcheck and its rules, each documented by its docstring."""
    component: dict = {"name": "mtcheck", "version": __version__, "semanticVersion": __version__}
    uri = information_uri()
    if uri:
        component["informationUri"] = uri
    component["rules"] = [rule_descriptor(rule) for rule in documented_rules()]
    return component


def rule_descriptor(rule) -> dict:
    documentation = rule.documentation()
    paragraphs = documentation.split("\n\n")
    # The first paragraph is the summary; what follows up to the examples explains the rule.
    explanation = [p for p in paragraphs[1:] if not _is_example(p)]
    full = " ".join(" ".join(p.split()) for p in [paragraphs[0], *explanation])
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": full},
        "help": {"text": documentation, "markdown": _markdown(paragraphs)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _is_example(paragraph: str) -> bool:
    return all(line.startswith(("Bad", "Good")) for line in paragraph.splitlines())


def _markdown(paragraphs: list[str]) -> str:
    """The docstring as Markdown: prose reflowed, each bad/good example line a list item."""
    blocks = []
    for paragraph in paragraphs:
        if _is_example(paragraph):
            items = []
            for line in paragraph.splitlines():
                label, _, example = line.partition(":")
                items.append(f"- **{label}:** {example.strip()}")
            blocks.append("\n".join(items))
        else:
            blocks.append(" ".join(paragraph.split()))
    return "\n\n".join(blocks)


def information_uri() -> str | None:
    """The project's home page from the installed package's metadata, if it names one."""
    from importlib import metadata

    try:
        meta = metadata.metadata("mtcheck")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository") and url.strip():
            return url.strip()
    home = meta.get("Home-page")
    return home if home and home != "UNKNOWN" else None
