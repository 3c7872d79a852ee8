"""A persistent translation cache (SQLite), keyed by model, revision, text, languages,
constraints and decoding settings, so that a re-run translates nothing it has seen."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path

SCHEMA = 1


def default_path() -> Path:
    root = os.environ.get("MTCHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mtcheck")
    return Path(root) / "translations.sqlite3"


class TranslationCache:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection per run; WAL lets parallel CI jobs read while one writes.
        self.db = sqlite3.connect(str(self.path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, output TEXT NOT NULL, "
                        "strategy TEXT NOT NULL, created REAL NOT NULL)")
        self.hits = self.misses = 0

    @staticmethod
    def key(*parts) -> str:
        blob = json.dumps([SCHEMA, *parts], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def get(self, key: str) -> tuple[str, str] | None:
        row = self.db.execute("SELECT output, strategy FROM translations WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
        else:
            self.hits += 1
        return row

    def put_many(self, items: list[tuple[str, str, str]]) -> None:
        now = time.time()
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?)",
                                [(k, out, strategy, now) for k, out, strategy in items])

    def close(self) -> None:
        self.db.close()
