"""Links across articles: near-duplicate articles (wire copies) and cross-article actors.

Both work on :mod:`newsgraph.records` and plain data only, with no database handle: the
knowledge base (:mod:`newsgraph.store`) feeds them article by article and stores what they
return, and rebuilds their state from its tables when it opens.
"""

from newsgraph.link.actors import ActorLinker, linking_names
from newsgraph.link.duplicates import DuplicateIndex, Match, shingles, signature

__all__ = ["ActorLinker", "DuplicateIndex", "Match", "linking_names", "shingles", "signature"]
