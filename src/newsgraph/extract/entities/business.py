"""Business-news names the general model reads as companies: stock indices and products.

Market reports name indices ("the Dow Jones Industrial Average", "London's FTSE 100",
"Japan's Nikkei 225") that the small English model misses or tags as organisations, and
company news names products ("the iPod nano", "the new MacBook", "Mac OS X Tiger", "the
Ford Taurus") that it tags as organisations or people. Both are recognised here from the
words around a name, not from lists of indices or products:

* an **index** is a name followed by "index"/"indices" or ending in "Average"/"Index"/
  "Composite", a name with a number ("FTSE 100") in a sentence about an index or points,
  a name in apposition to "index", or a name soon followed by a move counted in points
  ("the Dow fell 340 points");
* a **product** is a name spelt like Apple's products ("iPod", "iTunes"), a name followed
  or preceded by a word for a kind of product ("iPod line", "Macintosh users", "web browser
  Safari"), in apposition to one ("Tiger, the newest version of ..."), or the object of a
  launch verb ("unveiled the Volt"); a maker's name followed by a model name ("Ford Taurus")
  is the model's name.

The functions take a parsed and tagged ``Doc`` and token ranges; :mod:`mentions` weighs
their answers in its document-level type vote.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Common nouns right after a name that make it an index's name: "the Hang Seng index".
INDEX_WORDS = _words("index indices indexes")
#: Last words of index names: "Dow Jones Industrial Average", "Nasdaq Composite".
_INDEX_HEADS = _words("average index composite")
#: A move of an index is counted in points: "the Dow fell 340 points".
_POINTS = _words("points point")
_POINTS_WINDOW = 10
#: The number in an index's name: "FTSE 100", "Nikkei 225", "CAC 40", "S&P 500".
_INDEX_NUMBER = re.compile(r"\d{2,4}")
_CALENDAR = _words(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday"""
)
_HYPHEN_NUMBER = re.compile(r"[A-Z&]{2,}-\d{2,4}")
#: Capitalised words before a number that make it something else's number.
_NOT_INDEX = _words("chapter flight route section article page room gate number no windows version")

#: Words for kinds of product that, right before a name, make it a product's name ("web
#: browser Safari", "the operating system Leopard", "the sedan Taurus").
_PRODUCT_WORDS = _words(
    """line range device devices phone phones smartphone smartphones handset player players laptop laptops
    computer computers notebook notebooks desktop desktops tablet tablets console consoles software browser
    system model models sedan sedans suv suvs car cars vehicle vehicles truck trucks pickup pickups hybrid
    hybrids coupe minivan nameplate nameplates version versions camera cameras"""
)
#: Words right after a name that make it a product's ("the iPod line", "Macintosh users", the
#: "Taurus sedan"); not "cars", "computers" or "phones", which as often follow a maker's name.
_PRODUCT_NEXT = _words(
    """line lineup range owners users sedan sedans suv suvs coupe coupes minivan hybrid nameplate version versions
    update updates browser operating os app apps player players"""
)
#: Nouns a name stands in apposition to when it names a product: "Tiger, the newest version".
_PRODUCT_APPOSITIONS = _PRODUCT_WORDS | _words("successor release product products brand")
#: Verbs whose object is a product: "Apple unveiled the iPod nano".
_LAUNCH_VERBS = _words(
    """unveil unveils unveiled unveiling launch launches launched launching introduce introduces introduced
    introducing release releases released releasing debut debuts debuted"""
)
#: Apple's way of spelling product names: a lower-case "i" before a capital ("iPod", "iMac").
_I_PRODUCT = re.compile(r"i[A-Z][A-Za-z]+s?")


def _cap(token: Token) -> bool:
    return token.text[:1].isupper()


def _same_sentence(doc: Doc, i: int, j: int) -> bool:
    return all(not doc[k].is_sent_start for k in range(i + 1, j + 1))


def financial_cue(doc: Doc, ts: int, te: int) -> bool:
    """Whether the words around the name ``doc[ts:te]`` say it names a stock index."""
    n = len(doc)
    last = doc[te - 1]
    if te - ts > 1 and _cap(last) and last.lower_ in _INDEX_HEADS:
        return True
    if te < n and doc[te].lower_ in INDEX_WORDS:
        return True
    root = doc[ts:te].root
    if root.dep_ == "appos" and root.head.lower_ in INDEX_WORDS:
        return True  # "the biggest U.S. stock market index, the Dow Jones"
    if any(child.dep_ == "appos" and child.lower_ in INDEX_WORDS for child in root.children):
        return True  # "the Dow Jones Industrial Average, a stock market index"
    if te >= n or doc[te].lower_ not in ("'s", "’s"):  # "Ford's shares" are not Ford
        for k in range(te, min(n, te + _POINTS_WINDOW)):
            if k > te and doc[k].is_sent_start:
                break
            if doc[k].lower_ in _POINTS and doc[k - 1].like_num:
                return True  # "the Dow fell 340 points", "the Nasdaq and the S&P 500 dipped by 96 points"
    return False


def index_spans(doc: Doc, lowers: list[str], blocked: bytearray) -> list[tuple[int, int]]:
    """Token ranges of stock index names, whether or not the model found them.

    ``lowers`` is the document's lower-case token column; ``blocked`` marks tokens that
    cannot be part of an index's name (places, people, nationalities: "the UK's FTSE 100").
    """
    found: list[tuple[int, int]] = []
    n = len(doc)
    sentences_with_cue = {doc[i].sent.start for i, w in enumerate(lowers) if w in INDEX_WORDS or w in _POINTS}

    def name_before(end: int) -> int:
        """Start of the run of capitalised words ending right before ``end`` (no leading
        determiner or other function word: "The Dow Jones Industrial Average")."""
        start = end
        while start > 0 and not blocked[start - 1] and not doc[start].is_sent_start:
            token = doc[start - 1]
            if not (_cap(token) and (token.is_alpha or "&" in token.text)):
                break
            start -= 1
        while start < end and doc[start].is_stop:
            start += 1
        if start == end - 1 and (doc[start].is_sent_start or doc[start].lower_ in _CALENDAR):
            return end  # "Stock indexes rose", "September 11": capitalised for other reasons
        return start

    for i, word in enumerate(lowers):
        if i == 0 or blocked[i]:
            continue
        if word in _INDEX_HEADS and _cap(doc[i]):
            start = name_before(i)
            if start < i:
                found.append((start, i + 1))
        elif word in INDEX_WORDS:
            end = i
            if _INDEX_NUMBER.fullmatch(doc[end - 1].text) or _HYPHEN_NUMBER.fullmatch(doc[end - 1].text):
                end -= 1  # "the FTSE 100 index", "the FTSE-100 index"
            start = name_before(end)
            if start < end:
                found.append((start, i))
            elif end == i - 1 and _HYPHEN_NUMBER.fullmatch(doc[end].text):
                found.append((end, i))
        elif _INDEX_NUMBER.fullmatch(doc[i].text) and doc[i].sent.start in sentences_with_cue:
            start = name_before(i)
            if start < i and doc[i - 1].lower_ not in _NOT_INDEX:
                found.append((start, i + 1))
    # Keep the longest of overlapping ranges, in text order.
    found.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple[int, int]] = []
    for ts, te in found:
        if te > n or te <= ts:
            continue
        if kept and ts < kept[-1][1]:
            continue
        kept.append((ts, te))
    return kept


def product_shape(text: str) -> bool:
    """Whether a name is spelt like a product's: "iPod", "iPhones", "iTunes"."""
    return bool(_I_PRODUCT.fullmatch(text.split()[0])) if text.strip() else False


def product_cue(doc: Doc, ts: int, te: int) -> bool:
    """Whether the words around the name ``doc[ts:te]`` say it names a product."""
    n = len(doc)
    if te < n and doc[te].lower_ in _PRODUCT_NEXT and doc[te].tag_.startswith("NN"):
        return True  # "the iPod line", "Macintosh users"
    if ts > 0 and doc[ts - 1].lower_ in _PRODUCT_WORDS and doc[ts - 1].tag_.startswith("NN"):
        return True  # "web browser Safari"
    root = doc[ts:te].root
    if root.dep_ == "appos" and root.head.lower_ in _PRODUCT_APPOSITIONS:
        return True
    if any(child.dep_ == "appos" and child.lower_ in _PRODUCT_APPOSITIONS for child in root.children):
        return True  # "Tiger, the newest version of Mac OS X"
    return root.dep_ == "dobj" and root.head.lower_ in _LAUNCH_VERBS


#: Common nouns that describe an organisation: "the charity X", "X, the animation studio",
#: "auction house X". English vocabulary for kinds of bodies, not names of any.
ORGANISATION_NOUNS = _words(
    """
    company companies firm charity studio museum gallery broadcaster network station channel newspaper
    magazine agency group bank club team side retailer carrier airline chain brand startup start-up maker
    manufacturer developer publisher label band party union university college school hospital council
    insurer lender fund platform outlet operator conglomerate giant house business organisation
    organization association foundation institute supermarket restaurant brewery distillery
    """
)


def organisation_cue(doc: Doc, ts: int, te: int) -> bool:
    """Whether an organisation noun describes the name ``[ts, te)``: right before it ("the charity
    X", "auction house X") or as its appositive ("X, the computer-animation company")."""
    if ts > 0:
        before = doc[ts - 1]
        if before.is_lower and before.lower_ in ORGANISATION_NOUNS and before.tag_ == "NN":
            return True
    if te + 1 < len(doc) and doc[te].text == ",":
        root = doc[ts:te].root
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i and child.is_lower and child.lower_ in ORGANISATION_NOUNS:
                return True
    return False


__all__ = [
    "INDEX_WORDS",
    "ORGANISATION_NOUNS",
    "financial_cue",
    "index_spans",
    "organisation_cue",
    "product_cue",
    "product_shape",
]
