"""Quoted speech keeps the speaker's now: "said on Wednesday: '… tonight'" means that Wednesday night.

Deictic words inside a quotation ("today", "tonight", "tomorrow", "on Friday") count from the
day the words were spoken, not from the day the article appeared. When the frame of a
quotation (its sentence outside the quote marks) dates the speech with a day ("said on
Wednesday", "told reporters yesterday"), that day is the quotation's anchor.

Quotations are found by their marks alone (curly or straight double quotes, and curly single
quotes that open after a space): the time extractor runs before the quote extractor and on
text spaCy never saw.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Quotation", "quotations", "reported_day"]

#: A quotation within one paragraph: “…”, "…" or ‘…’ (the last opening after a space or a colon,
#: so that apostrophes are not taken for quote marks).
_QUOTE = re.compile(r"“[^”\n]{1,1500}”|\"[^\"\n]{1,1500}\"|(?:(?<=[\s:(])|^)‘[^’\n]{1,1500}’(?!\w)")

#: Verbs and phrases that report speech; the date beside one dates the speaking.
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|insisted|warned|explained|declared|announced|stated|wrote|"
    r"admitted|conceded|claimed|remarked|revealed|confirmed|urged|vowed|promised|tweeted|posted|replied|"
    r"responded|commented|noted|argued|recalled|predicted|pledged|according[^\S\n]+to)\b",
    re.IGNORECASE,
)
#: How far (characters) a date may be from the verb of speech and still date the speaking:
#: "said on Wednesday", "told the BBC's Today programme on Wednesday".
_REACH = 40


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int
    end: int
    #: Where the frame of the quotation begins and ends (its sentence outside the marks).
    frame_start: int
    frame_end: int


def quotations(text: str, sentence_starts: list[int]) -> list[Quotation]:
    """Quotations of ``text`` with the extent of the sentences around them."""
    found = []
    for match in _QUOTE.finditer(text):
        start, end = match.span()
        first = bisect.bisect_right(sentence_starts, start) - 1
        frame_start = sentence_starts[first] if first >= 0 else 0
        # The sentence around the closing mark runs to the next sentence start after it;
        # a split inside the quotation leaves only the tail after the marks, which is the frame.
        following = bisect.bisect_right(sentence_starts, end)
        frame_end = sentence_starts[following] if following < len(sentence_starts) else len(text)
        newline = text.find("\n", end, frame_end)
        if newline != -1:
            frame_end = newline
        paragraph = text.rfind("\n", frame_start, start)
        if paragraph != -1:
            frame_start = paragraph + 1
        found.append(Quotation(start, end, frame_start, frame_end))
    return found


def reported_day(text: str, quotation: Quotation, dated: list[tuple[int, int, date]]) -> date | None:
    """The day the frame of ``quotation`` says the words were spoken, if it says one.

    ``dated`` lists the day-level dates of the text as ``(start, end, day)``, in text order.
    """
    for start, end, day in dated:
        if end <= quotation.frame_start or quotation.start <= start < quotation.end:
            continue
        if start >= quotation.frame_end:
            break
        if _beside_speech(text, start, end, quotation):
            return day
    return None


def _beside_speech(text: str, start: int, end: int, quotation: Quotation) -> bool:
    """Whether a verb of speech of the frame lies within reach of the date at ``start..end``."""
    # The frame on the date's side of the quotation; the quoted words never count.
    if end <= quotation.start:
        low, high = quotation.frame_start, quotation.start
    else:
        low, high = quotation.end, quotation.frame_end
    for verb in _SPEECH.finditer(text, max(low, start - _REACH), min(high, end + _REACH)):
        between = text[verb.end() : start] if verb.end() <= start else text[end : verb.start()]
        if not any(mark in between for mark in '.;!?"“”'):
            return True
    return False
