"""Line rules: photo credits, captions and page furniture that are not the story.

Written as regular expressions because these lines follow a few house styles of news
sites and no library targets them in plain text (trafilatura works on HTML structure).
Each rule matches a whole line, never part of a paragraph of prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEYWORD = r"(?:photo(?:graph)?s?|image|picture|pic|video|illustration|graphic|footage)"
_CREDIT_WORD = r"(?:credits?|courtesy)"
# "(photo credit: X)", "(credit: X)", "Photo: X", "Image courtesy of X", "(Photo by X/Getty)".
_CREDIT_BODY = (
    rf"(?:{_KEYWORD}\s*(?:{_CREDIT_WORD})?|{_CREDIT_WORD})"
    r"\s*(?P<sep>:|\bby\b|(?<=courtesy\s)of\b)\s*"
    r"(?P<credit>[^()\n]{1,120}?)"
)
CREDIT_LINE = re.compile(rf"^[(\[]?\s*{_CREDIT_BODY}\s*[)\]]?\.?$", re.IGNORECASE)
TRAILING_CREDIT = re.compile(rf"\s*[(\[]\s*{_CREDIT_BODY}\s*[)\]]\.?$", re.IGNORECASE)
# "(AP Photo/Evan Vucci)", "(Getty Images)", "(REUTERS/Amir Cohen)"
_AGENCY = (
    r"(?P<credit>[A-Z][\w.&' -]{0,40}(?:\bPhotos?\b|\bImages?\b|\bPictures?\b)[^()]{0,80}"
    r"|[A-Z][A-Z.&' -]{1,30}/[^()]{2,80})"
)
TRAILING_AGENCY = re.compile(rf"\s*\({_AGENCY}\)\.?$")
AGENCY_LINE = re.compile(
    rf"^(?:\({_AGENCY}\)|(?P<bare>[A-Z][A-Z.&' -]{{1,30}}/[A-Z][\w.' -]{{1,60}}(?:/[\w.' -]{{1,40}})?))\.?$"
)
#: Prefixes that always introduce a caption, and prefixes that introduce a caption or a credit.
CAPTION_PREFIX = re.compile(
    r"^(?:(?P<caption>caption|file photo|pictured|in (?:this|the) (?:photo|picture|image))|photo|image|picture)"
    r"\s*[:\-–—|]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)

_BOILERPLATE_PATTERNS = [
    r"advertisements?|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:content|post)",
    r"share(?: (?:this|the))?(?: (?:article|story|post|page))?(?: (?:on|via) \w+)?:?",
    r"(?:(?:facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|email|e-mail|print|copy link|tweet"
    r"|messenger|telegram|share)[\s|,·•/]*){1,10}",
    r"(?:read|see|watch|listen)(?: more| also| next| now)?\s*[:\-–—»>].{0,110}",
    r"(?:read|see) (?:more|also|the full (?:story|article))\.?",
    r"related(?: (?:articles?|stories|coverage|content|links?|news|topics|reading))?(?:\s*[:\-–—»>].{0,110})?",
    r"more (?:from|on|about) [^.]{1,60}|recommended(?: for you| stories)?|you (?:may|might) (?:also )?like.{0,60}",
    r"(?:most (?:read|popular|viewed)|trending(?: now| stories)?|top stories|editor'?s picks?)",
    r"(?:click|tap) here\b.{0,110}",
    r"(?:subscribe|sign up|sign in|log in|register)\b.{0,110}"
    r"(?:newsletter|subscri\w+|free|access|account|inbox|updates|unlimited|daily)\b.{0,60}",
    r"(?:already a (?:subscriber|member)|become a (?:subscriber|member)|subscribe now"
    r"|support (?:our|independent) journalism).{0,100}",
    r"(?:follow us|follow (?:\S+ ){0,4}on (?:twitter|facebook|instagram|x|linkedin|tiktok|threads|bluesky)).{0,80}",
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?\d{4}\b.{0,80}|.{0,80}\ball rights reserved\.?",
    r"(?:skip|jump) to (?:main )?content|back to top|loading\W*|please wait\W*",
    r"(?:listen to (?:this|the) (?:article|story)|audio version).{0,40}",
    r"\d*\s*comments?|comments? \(\d+\)|leave a comment|view comments|show comments",
    r"continue reading.{0,60}|story continues below.{0,40}|article continues (?:below|after).{0,40}",
    r"(?:download|get) (?:our|the) app.{0,80}|join (?:our|the) (?:whatsapp|telegram) channel.{0,60}",
    r"(?:this (?:article|story) (?:was|has been) (?:updated|corrected)).{0,120}",
]
BOILERPLATE_LINE = re.compile(r"^(?:" + "|".join(_BOILERPLATE_PATTERNS) + r")$", re.IGNORECASE)
#: Furniture lines are short; a long line that matches a pattern is prose and stays.
BOILERPLATE_MAX_CHARS = 140

# Promotion and call-to-action wording seen on news pages (measured on the article
# extraction dev pages, where it lifts body precision).
# Lead-ins of cross-promotion lines ("Read more: <headline>", "Related: ...").
_PROMO_LEAD = re.compile(
    r"^\W*(?:read (?:more|also|next)|also read|see also|related(?: posts?| stories| articles?"
    r"| coverage| content| links?| reading)?|more(?: from| on| stories)?|don'?t miss|must read"
    r"|recommended(?: for you)?|most (?:read|popular|viewed)(?: in| on)?|popular (?:on|in)"
    r"|trending(?: now)?|you (?:may|might) (?:also )?like|more (?:news|coverage)|watch"
    r"|top stories|editor'?s picks?)\b\s*(?:[:|\-–—»]|$)",
    re.I,
)
# Calls to action and page furniture; only ever applied to short lines.
_CTA = re.compile(
    r"\b(?:subscribe to|(?:our|free|daily|weekly|e-?mail) newsletters?|to your inbox"
    r"|click here|tap here|download (?:the|our) app|get the .{0,30}app"
    r"|follow (?:us|@?\w+) on (?:twitter|facebook|instagram|youtube|social)"
    r"|share this (?:article|story|post)"
    r"|print article|order reprints|tell us what you think"
    r"|leave a (?:comment|reply)|join the (?:discussion|conversation)"
    r"|story continues below|continue reading|listen to .{0,40} live)\b",
    re.I,
)
_LABEL = re.compile(
    r"^\W*(?:\d+\s+)?(?:advertisement|advertising|sponsored(?: content)?|comments?|share"
    r"|print|e-?mail|tweet|loading\.*|ad)\W*$",
    re.I,
)
_PROMO_LABEL = re.compile(
    r"^\W*(?:most (?:read|popular|viewed|shared)|popular (?:on|in|now)|trending|related"
    r"|recommended|more (?:from|on|in))\b",
    re.I,
)
# "More AP coverage: https://...", "More on Brexit: ..." -- a lead-in of at most 3 words
_MORE_X = re.compile(r"^\W*more(?:\s+[\w'’-]+){0,3}\s*:", re.I)
_SENTENCE_END = (".", "!", "?", '"', "”", "’")
#: A call to action is a sentence or two; longer lines are article text.
MAX_CTA_WORDS = 30


def is_furniture(line: str) -> bool:
    """Advertisement labels, share and related-link lines, subscription prompts, copyright."""
    if len(line) <= BOILERPLATE_MAX_CHARS and BOILERPLATE_LINE.match(line):
        return True
    if _LABEL.match(line):
        return True
    words = len(re.findall(r"\w+", line))
    if words > MAX_CTA_WORDS:
        return False
    if _PROMO_LEAD.match(line) or _CTA.search(line) or _MORE_X.match(line):
        return True
    # A section label of a recirculation box ("Most read in world news"), never a sentence.
    return words <= 6 and not line.endswith(_SENTENCE_END) and bool(_PROMO_LABEL.match(line))


_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|van|von|de|da|del|der|bin|al|el|le|la)){0,4}"
#: "By Jane Smith and Tom Baker, Reuters", "BY JANE SMITH | The Times", "Reporting by Tom Baker"
BYLINE = re.compile(
    rf"^(?:by|written by|reporting by|words by)\s+(?P<authors>{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*)"
    r"(?:\s*(?:,|\||–|—|-|\bfor\b|\bin\b)\s*(?P<outlet>[A-Z][\w .&'’-]{1,50}))?\.?$",
    re.IGNORECASE,
)


@dataclass(slots=True, frozen=True)
class LineVerdict:
    kind: str  # "credit", "caption", "boilerplate" or "byline"
    caption: str | None = None
    credit: str | None = None
    author: str | None = None


def judge_line(line: str) -> LineVerdict | None:
    """What a stand-alone line is, when it is not story text; ``None`` for story text."""
    match = CREDIT_LINE.match(line)
    if match and len(line) <= 160:
        credit = _clean_credit(match["credit"])
        if _looks_like_credit(credit):
            return LineVerdict("credit", credit=credit)
        if match["sep"] == ":":
            return LineVerdict("caption", caption=match["credit"].strip())  # "Photo: Protesters gather in ..."
        return None  # "Video by a bystander shows the car ..." is prose
    match = AGENCY_LINE.match(line)
    if match:
        return LineVerdict("credit", credit=_clean_credit(match["credit"] or match["bare"]))
    for pattern in (TRAILING_CREDIT, TRAILING_AGENCY):
        match = pattern.search(line)
        if match and match.start() > 0:
            caption = line[: match.start()].strip()
            if len(caption.split()) >= 3:
                return LineVerdict("caption", caption=caption, credit=_clean_credit(match["credit"]))
    if is_furniture(line):
        return LineVerdict("boilerplate")
    match = CAPTION_PREFIX.match(line)
    if match and len(line) <= 400:
        rest = match["rest"].strip()
        if not match["caption"] and _looks_like_credit(rest):
            return LineVerdict("credit", credit=rest)
        return LineVerdict("caption", caption=rest)
    return None


def _clean_credit(credit: str) -> str:
    return credit.strip(" .;,-–—|")


def _looks_like_credit(text: str) -> bool:
    """Short, name-like text ("Reuters", "AFP/Getty Images", "John Smith for The Times")."""
    words = text.split()
    if not 1 <= len(words) <= 7 or text.endswith("."):
        return False
    return "/" in text or sum(w[:1].isupper() for w in words) >= max(1, len(words) - 2)


def judge_byline(line: str) -> LineVerdict | None:
    """A byline ("By Jane Smith, Reuters"); the caller checks it stands in the article's lead."""
    match = BYLINE.match(line) if len(line) <= 160 else None
    if match is None or not match["authors"][:1].isupper():
        return None
    authors = match["authors"].strip()
    # "Jane Smith, Reuters": a one-word item after a comma is the outlet, not an author.
    head, comma, last = authors.rpartition(",")
    if comma and len(last.split()) == 1:
        authors = head.strip()
    return LineVerdict("byline", author=authors)
