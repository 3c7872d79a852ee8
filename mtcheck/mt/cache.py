"""A persistent translation cache (SQLite), keyed by model, revision, text, languages,
constraints and decoding settings, so that a re-run translates nothing it has seen."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path

from mtcheck.errors import MtcheckError

SCHEMA = 1
COLUMNS = ("key", "output", "strategy", "created")


class CacheError(MtcheckError):
    """A translation cache that cannot be opened, read or written."""

    def __init__(self, path: Path, message: str):
        super().__init__(f"translation cache {path}: {message}; remove it, or run with --no-cache")


def default_path() -> Path:
    from mtcheck.cachedir import cache_folder

    return cache_folder() / "translations.sqlite3"


class TranslationCache:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(self.path, f"its folder cannot be made ({exc.strerror or exc})") from None
        self.db = self._open()
        self.hits = self.misses = 0

    def _open(self) -> sqlite3.Connection:
        try:
            # One connection per run; WAL lets parallel CI jobs read while one writes.
            db = sqlite3.connect(str(self.path), timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, output TEXT NOT NULL, "
                       "strategy TEXT NOT NULL, created REAL NOT NULL)")
            columns = tuple(row[1] for row in db.execute("PRAGMA table_info(translations)"))
        except sqlite3.Error as exc:
            raise CacheError(self.path, str(exc)) from None
        if columns != COLUMNS:
            db.close()
            raise CacheError(self.path, f"its translations table has other columns ({', '.join(columns)})")
        return db

    @staticmethod
    def key(*parts) -> str:
        blob = json.dumps([SCHEMA, *parts], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def get(self, key: str) -> tuple[str, str] | None:
        try:
            row = self.db.execute("SELECT output, strategy FROM translations WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            raise CacheError(self.path, str(exc)) from None
        if row is None:
            self.misses += 1
        else:
            self.hits += 1
        return row

    def put_many(self, items: list[tuple[str, str, str]]) -> None:
        now = time.time()
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?)",
                                    [(k, out, strategy, now) for k, out, strategy in items])
        except sqlite3.Error as exc:
            raise CacheError(self.path, str(exc)) from None

    def close(self) -> None:
        self.db.close()
