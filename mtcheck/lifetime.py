"""Objects that live as long as the run (a loaded glossary, its compiled matchers)."""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """Build what lives as long as the run without the cyclic garbage collector: it would walk
    hundreds of thousands of new objects again and again while they are made, and after every
    later collection. They are frozen out of its reach when the block ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@contextlib.contextmanager
def batch_collection(threshold: int = 50_000) -> Iterator[None]:
    """Check texts with the collector's youngest generation collected after `threshold` new
    objects instead of 700: each block of segments makes thousands of tuples that live until
    the next block, and the default collects them, in vain, again and again while they do."""
    previous = gc.get_threshold()
    gc.set_threshold(threshold, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
