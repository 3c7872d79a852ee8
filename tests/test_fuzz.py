"""Fuzzing every reader family, the checker, the fixer and the glossary converters briefly,
with the oracles of tests/fuzzing.py: nothing but MtcheckError escapes, a fixed file still
reads, a second fix changes nothing, nothing outside the edits changes, a glossary round trip
keeps every term, the CLI exits 0, 1 or 2.

Deterministic (derandomized, no example database) so that CI gives the same verdict on every
run; bounded in time (a few hundred examples, no shrinking). A failing family lists each
distinct failure signature with the first example that showed it, as generated;
`python scripts/fuzz.py --family NAME` runs for longer and shrinks to minimal reproducers.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzzing import FAMILIES, KNOWN_CASES, FuzzFailure, run_case

# Examples per family: the whole file takes some 10 s here, 25 s with the 2 cores busy with other jobs.
EXAMPLES = {"plain": 100, "xliff": 100, "tmx": 80, "po": 100, "csv": 100, "glossary": 80}
# A hang is a failure too, not a stuck CI job.
EXAMPLE_SECONDS = 20


def _fuzz(family: str, found: dict):
    """The family's property; a failing example is recorded (the first one of each failure
    signature) rather than raised, so that one run shows every distinct failure at once."""
    @settings(max_examples=EXAMPLES[family], deadline=None, derandomize=True, database=None,
              phases=(Phase.explicit, Phase.generate), print_blob=False,
              suppress_health_check=(HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.large_base_example, HealthCheck.filter_too_much))
    @given(case=FAMILIES[family].strategy)
    def fuzz(case):
        try:
            run_case(case, timeout=EXAMPLE_SECONDS)
        except FuzzFailure as exc:
            found.setdefault(exc.signature, (case, exc))

    return fuzz


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_fuzz(family):
    found: dict = {}
    _fuzz(family, found)()
    assert not found, f"{len(found)} distinct failures:\n" + "\n\n".join(
        f"{signature}\n  {str(exc).splitlines()[0][:500]}\n  {case!r}" for signature, (case, exc) in found.items())


@pytest.mark.parametrize("case", KNOWN_CASES, ids=[f"{case.family}-{case.name}" for case in KNOWN_CASES])
def test_known_input(case):
    """Inputs that broke an oracle once (tests/fuzzing.py says how), each a few milliseconds
    when all is well; 5 s at most when not."""
    run_case(case, timeout=5)


def test_every_family_is_fuzzed():
    assert set(EXAMPLES) == set(FAMILIES)
