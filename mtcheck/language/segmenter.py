"""Words of the scripts written without spaces whose words only a dictionary tells: Thai, Lao,
Myanmar, Khmer (Khmer symbols, Myanmar extensions included), and Chinese and Japanese for the
readers that need words rather than characters (discovery). ICU's word break iterator has their
dictionaries (icu4py, in mtcheck[lexicons]); without it a run of them is one word, and a run of
Chinese or Japanese stays characters."""
from __future__ import annotations

import functools
import re

_SEGMENTED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f"
SEGMENTED_RE = re.compile(f"[{_SEGMENTED}]")
SEGMENTED_LANGUAGES = {"th": "Thai", "lo": "Lao", "my": "Burmese", "km": "Khmer"}


def cut(word: str) -> list[str]:
    """The words of a run of such letters, by ICU's dictionaries; the run whole without ICU."""
    breaker = word_breaker()
    if breaker is None:
        return [word]
    return [word[a:b] for a, b in breaker(word, "").segments()] or [word]


@functools.cache
def word_breaker():
    try:
        from icu4py.breakers import WordBreaker
    except ImportError:
        return None
    return WordBreaker


def word_segmenter(lang: str) -> str | None:
    """What cuts the language's words where it writes none between them: "ICU" or None."""
    return "ICU" if lang in SEGMENTED_LANGUAGES and word_breaker() is not None else None


def cut_ideographs(run: str) -> list[str] | None:
    """The words of a run of Chinese or Japanese characters by ICU's CJ dictionary ('新建科目层次'
    → 新建, 科目, 层次); None without ICU."""
    breaker = word_breaker()
    if breaker is None:
        return None
    return [run[a:b] for a, b in breaker(run, "").segments()] or [run]
