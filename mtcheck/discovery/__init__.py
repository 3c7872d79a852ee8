"""Renderings the glossary does not know yet: candidates with a score and their evidence."""
from mtcheck.discovery.engine import DEFAULT_THRESHOLD, Candidate, Discoverer, Evidence, Occurrence

__all__ = ["DEFAULT_THRESHOLD", "Candidate", "Discoverer", "Evidence", "Occurrence"]
