"""mtcheck: check translations against a multilingual glossary."""

__version__ = "0.1.0"
