"""Reporters: projections of the same finding and match records."""
