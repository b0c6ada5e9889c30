"""Questions across articles: quotes, events, timelines, stances, search and discrepancies.

Every function takes a :class:`~newsgraph.store.base.Store` and returns JSON-ready dicts.
Facts are counted once per story: near-duplicate copies of an article (``duplicate_of``) and
the article itself form one story, and an item found in several copies is one item whose
``sources`` list every copy (article id, title, URL, date, offsets in the cleaned text and
in the ingested text). Names are resolved through the actors' aliases, so "Blinken", "Antony
Blinken" and "Secretary of State Antony Blinken" ask for the same speaker.
"""

from newsgraph.store.queries.actors import actors, find_actors
from newsgraph.store.queries.common import Item
from newsgraph.store.queries.discrepancies import DISCREPANCY_DAYS, QUOTE_SIMILARITY, discrepancies
from newsgraph.store.queries.facts import events, quotes
from newsgraph.store.queries.stances import search, stances
from newsgraph.store.queries.timeline import timeline

__all__ = [
    "DISCREPANCY_DAYS",
    "QUOTE_SIMILARITY",
    "Item",
    "actors",
    "discrepancies",
    "events",
    "find_actors",
    "quotes",
    "search",
    "stances",
    "timeline",
]
