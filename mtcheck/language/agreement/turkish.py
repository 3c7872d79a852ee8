"""placeholder"""
from mtcheck.language.agreement import carried as propose  # noqa: F401
