"""Near-duplicate articles: wire copies and republished stories, by MinHash/LSH over word shingles.

Each article gets a MinHash signature of the 5-word shingles of its body (the headline is left
out: outlets rewrite headlines of the same wire copy). An LSH index (datasketch) finds stored
articles whose estimated Jaccard similarity may reach the threshold; the signature estimate
confirms. An article matching stored ones joins their story, whose root is its earliest copy
(by publication date, then by arrival); an article published before the current root becomes
the new root. Signatures are plain bytes, so the store keeps them and rebuilds the index when
it opens.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

#: Words per shingle: long enough that shared phrases of unrelated articles rarely match.
SHINGLE_WORDS = 5
NUM_PERM = 128
#: Estimated Jaccard similarity of shingle sets from which two articles are one story.
THRESHOLD = 0.8
_SEED = 1
#: datasketch's hashing scheme, named explicitly so stored signatures stay comparable across
#: library upgrades (its values are unsigned 32-bit).
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word ``size``-grams of ``text``, case folded; one shingle for a text shorter than that."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes:
    """MinHash signature of ``text``'s shingles as bytes (little-endian unsigned 32-bit values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(sorted(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def _minhash(blob: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, hashvalues=np.frombuffer(blob, dtype="<u4").astype(np.uint32)
    )


@functools.cache
def _bands(threshold: float) -> tuple[int, int]:
    """datasketch's optimal (bands, rows) for ``threshold``: a numerical integration, done once."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@dataclass(frozen=True, slots=True)
class Match:
    """The story a new article belongs to."""

    #: The earliest copy the article is now linked to (possibly the article itself).
    root: str
    #: Estimated Jaccard similarity to the closest stored copy.
    similarity: float
    #: Articles whose root changed because the new article is earlier than their old root.
    rerooted: tuple[str, ...] = ()


class DuplicateIndex:
    """Incremental near-duplicate detection over a stream of articles.

    ``add(article_id, signature, published)`` registers an article and returns its
    :class:`Match` when it copies stored articles, else ``None``. Deterministic for a given
    order of articles.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_bands(threshold))
        self._minhashes: dict[str, MinHash] = {}
        #: article -> (publication date or "", arrival order), to find the earliest copy.
        self._order: dict[str, tuple[str, int]] = {}
        self._root: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._minhashes)

    def root_of(self, article_id: str) -> str:
        return self._root.get(article_id, article_id)

    def load(self, article_id: str, blob: bytes, published: str | None, root: str | None) -> None:
        """Register a stored article as it was linked (rebuilding the index at open)."""
        self._register(article_id, _minhash(blob), published)
        if root is not None:
            self._root[article_id] = root

    def add(self, article_id: str, blob: bytes, published: str | None) -> Match | None:
        minhash = _minhash(blob)
        best: tuple[float, str] | None = None
        # Sorted, so ties and the order of LSH buckets never change the result.
        for other in sorted(self._lsh.query(minhash)):
            similarity = minhash.jaccard(self._minhashes[other])
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, other)
        self._register(article_id, minhash, published)
        if best is None:
            return None
        similarity, closest = best
        root = self.root_of(closest)
        if self._order[article_id] < self._order[root]:
            # The new article is the earliest copy: it becomes the story's root.
            members = (*sorted(a for a, r in self._root.items() if r == root), root)
            for member in members:
                self._root[member] = article_id
            return Match(article_id, similarity, members)
        self._root[article_id] = root
        return Match(root, similarity)

    def _register(self, article_id: str, minhash: MinHash, published: str | None) -> None:
        if article_id in self._minhashes:
            return
        self._minhashes[article_id] = minhash
        self._order[article_id] = (published or "9999", len(self._order))
        self._lsh.insert(article_id, minhash)
