"""A span's places grouped into candidates, and the accepted candidates kept where they overlap."""
from __future__ import annotations

from typing import Callable

from mtcheck.discovery.candidate import Candidate
from mtcheck.discovery.parts import same_words
from mtcheck.discovery.reading import Span


def same_words_groups(spans: list[Span], read_of: Callable[[str], tuple[tuple[str, ...], object]],
                      apart: Callable[[object, object], bool]) -> list[list[Span]]:
    """A span's places grouped by what the dictionary makes of their words (`read_of`: their
    lemmas, and what `apart` tells two phrases of the same lemmas apart by): one key, two
    words („branche suivi", „branches suivantes": suivi and suivant, both keyed suiv) are two
    candidates, and so are a phrase with a bare complement and the term in the sentence's
    grammar („movilización de masa", „movilización de las masas"; see
    ConceptParts.another_phrase). In the order of their first places."""
    if len({s.occurrence.text for s in spans}) < 2:
        return [spans]
    groups: list[tuple[tuple[tuple[str, ...], object], list[Span]]] = []
    read: dict[str, tuple[tuple[str, ...], object]] = {}  # each distinct text once: a key may have thousands of places
    for span in spans:
        text = span.occurrence.text
        words = read.get(text)
        if words is None:
            words = read[text] = read_of(text)
        for first, members in groups:
            if same_words(first[0], words[0]) and not apart(first[1], words[1]):
                members.append(span)
                break
        else:
            groups.append((words, [span]))
    return [members for _, members in groups]


def named_apart(spans: list[Span]) -> list[list[Span]]:
    """A span's places written as a name (quoted, or capitalised inside a sentence) apart from
    the others, where some of those are in small letters: the same words may name one concept
    and say another („la « Mobilisation auprès des masses »", the movement; „la mobilisation
    auprès des masses joue un rôle", the work). A capital that opens a sentence or a string
    tells nothing („Zniżka", „zniżki")."""
    named = [s for s in spans if s.named or s.occurrence.quoted]
    others = [s for s in spans if not (s.named or s.occurrence.quoted)]
    if not named or not any(s.occurrence.text[:1].islower() for s in others):
        return [spans]
    return [named, others]


def listed_apart(spans: list[Span]) -> list[list[Span]]:
    """A span's places named in a list beside the glossary's terms apart from the others: there
    a word is the kept term's sense, elsewhere it may be its everyday one (see Discoverer._listed_spans)."""
    listed = [s for s in spans if s.listed]
    if not listed or len(listed) == len(spans):
        return [spans]
    return [listed, [s for s in spans if not s.listed]]


def aligned_apart(spans: list[Span]) -> list[list[Span]]:
    """A span's places where bilingual segments' sources say different concepts apart, one
    candidate per concept, and the places no source speaks for apart from them: each source
    says what its target's words render there ("Price Source" and "Quote Source Information"
    both have „cours", one the price's, one the quote's)."""
    concepts = list(dict.fromkeys(s.aligned[0] for s in spans if s.aligned))
    if len(concepts) < 2:
        return [spans]
    groups = [[s for s in spans if s.aligned and s.aligned[0] == concept] for concept in concepts]
    rest = [s for s in spans if not s.aligned]
    return groups + [rest] if rest else groups


def longest_first(candidates: list[Candidate], threshold: float) -> list[Candidate]:
    """Accepted candidates without the places that lie inside a longer accepted candidate's
    („Mass Mobilization" inside „Smart Mass Mobilization"); candidates left with no place go."""
    places: dict[tuple[str, str | None, int], set[tuple[int, int, int, int]]] = {}
    for candidate in candidates:
        if candidate.score >= threshold:
            for o in candidate.occurrences:
                loc = o.location
                places.setdefault((loc.path, loc.segment, loc.line), set()).add(
                    (loc.line, loc.column, loc.end_line, loc.end_column))
    covered = {key: _inside_another(spans) for key, spans in places.items()}

    kept = []
    for candidate in candidates:
        occurrences = [o for o in candidate.occurrences
                       if (o.location.line, o.location.column, o.location.end_line, o.location.end_column)
                       not in covered.get((o.location.path, o.location.segment, o.location.line), ())]
        if occurrences:
            candidate.occurrences = occurrences
            kept.append(candidate)
    return kept


def _inside_another(spans: set[tuple[int, int, int, int]]) -> set[tuple[int, int, int, int]]:
    """The spans (line, column, end line, end column) that another of them contains: sorted by
    start and, at one start, longest first, a span lies inside another exactly when an earlier
    one reaches as far as it does (linear after the sort; a line can hold thousands)."""
    inside: set[tuple[int, int, int, int]] = set()
    furthest: tuple[int, int] | None = None
    for span in sorted(spans, key=lambda s: (s[0], s[1], -s[2], -s[3])):
        end = (span[2], span[3])
        if furthest is not None and end <= furthest:
            inside.add(span)
        else:
            furthest = end
    return inside
