"""Repeated paragraphs: exact repeats and near repeats (a respelled name, a changed word)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

#: Shorter paragraphs repeat legitimately ("Yes.", a recurring sign-off) and are kept.
MIN_WORDS_EXACT = 6
MIN_WORDS_NEAR = 12
_SHINGLE = 4
#: Shingles shared by more paragraphs than this say nothing about which one is repeated.
_MAX_POSTINGS = 50
_MAX_CANDIDATES = 5


@dataclass(slots=True, frozen=True)
class Repeat:
    of: int  # key of the earlier paragraph
    similarity: float  # 100.0 for exact repeats


class DuplicateFinder:
    """Finds, for each paragraph in reading order, an earlier one it repeats.

    Near-repeat candidates come from shared word 4-grams (an inverted index), so the
    comparison cost grows with the number of similar paragraphs, not with the square of
    the paragraph count; rapidfuzz then scores each candidate pair.
    """

    def __init__(self, min_ratio: float = 90.0) -> None:
        self.min_ratio = min_ratio
        self._exact: dict[str, int] = {}
        self._texts: dict[int, str] = {}
        self._postings: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)

    def add(self, key: int, normalised: str) -> Repeat | None:
        """Register paragraph ``key`` (normalised text); return what it repeats, if anything."""
        words = normalised.split()
        if len(words) < MIN_WORDS_EXACT:
            return None
        if normalised in self._exact:
            return Repeat(self._exact[normalised], 100.0)
        shingles = {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
        if len(words) >= MIN_WORDS_NEAR:
            repeat = self._near(normalised, shingles)
            if repeat:
                return repeat
        self._exact[normalised] = key
        self._texts[key] = normalised
        for shingle in shingles:
            postings = self._postings[shingle]
            if len(postings) <= _MAX_POSTINGS:
                postings.append(key)
        return None

    def _near(self, normalised: str, shingles: set[tuple[str, ...]]) -> Repeat | None:
        shared: Counter[int] = Counter()
        for shingle in shingles:
            postings = self._postings.get(shingle)
            if postings and len(postings) <= _MAX_POSTINGS:
                shared.update(postings)
        best: Repeat | None = None
        numbers = _numbers(normalised)
        for key, _ in shared.most_common(_MAX_CANDIDATES):
            score = fuzz.ratio(normalised, self._texts[key], score_cutoff=self.min_ratio)
            # Updated figures make a new claim ("882 delegates" after "866 delegates"):
            # only a repeat with the same numbers is the same paragraph.
            if score and (best is None or score > best.similarity) and _numbers(self._texts[key]) == numbers:
                best = Repeat(key, round(score, 1))
        return best


def _numbers(normalised: str) -> Counter[str]:
    return Counter(word for word in normalised.split() if any(ch.isdigit() for ch in word))
