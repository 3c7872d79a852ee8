"""Renderings the glossary does not know yet: candidates with a score and their evidence."""
from mtcheck.discovery.candidate import Candidate, Evidence, Occurrence
from mtcheck.discovery.engine import DEFAULT_THRESHOLD, Discoverer

__all__ = ["DEFAULT_THRESHOLD", "Candidate", "Discoverer", "Evidence", "Occurrence"]
