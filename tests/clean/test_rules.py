"""Line rules: credits, captions and page furniture out; story prose never (no model)."""

from __future__ import annotations

import pytest

from newsgraph.clean.rules import LineVerdict, judge_line


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("(photo credit: REUTERS/EVELYN HOCKSTEIN)", "REUTERS/EVELYN HOCKSTEIN"),
        ("(credit: REUTERS/EVELYN HOCKSTEIN/POOL)", "REUTERS/EVELYN HOCKSTEIN/POOL"),
        ("Photo: John Smith", "John Smith"),
        ("Photograph: Dan Kitwood/Getty Images", "Dan Kitwood/Getty Images"),
        ("Image courtesy of NASA", "NASA"),
        ("(Photo by Jane Doe/Getty Images)", "Jane Doe/Getty Images"),
        ("[Picture: Marc Israel Sellem]", "Marc Israel Sellem"),
        ("Video: BBC News", "BBC News"),
        ("Credit: Amir Cohen", "Amir Cohen"),
        # agency credits on a line of their own
        ("REUTERS/Amir Cohen", "REUTERS/Amir Cohen"),
        ("AFP/Getty Images", "AFP/Getty Images"),
        ("REUTERS/Evelyn Hockstein/Pool", "REUTERS/Evelyn Hockstein/Pool"),
        pytest.param("(AP Photo/Evan Vucci)", "AP Photo/Evan Vucci"),
        pytest.param("(REUTERS/Amir Cohen)", "REUTERS/Amir Cohen"),
    ],
)
def test_credit_lines(line, credit):
    assert judge_line(line) == LineVerdict("credit", credit=credit)


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "US Secretary of State Antony Blinken steps out of a car in Jeddah, Saudi Arabia March 21, 2024. "
            "(photo credit: REUTERS/EVELYN HOCKSTEIN)",
            "US Secretary of State Antony Blinken steps out of a car in Jeddah, Saudi Arabia March 21, 2024.",
            "REUTERS/EVELYN HOCKSTEIN",
        ),
        (
            "Protesters gather outside parliament in London. (AP Photo/Evan Vucci)",
            "Protesters gather outside parliament in London.",
            "AP Photo/Evan Vucci",
        ),
        (
            "Firefighters battle the blaze in Athens (REUTERS/Alkis Konstantinidis)",
            "Firefighters battle the blaze in Athens",
            "REUTERS/Alkis Konstantinidis",
        ),
        (
            "Firefighters battle the blaze in Athens (Getty Images)",
            "Firefighters battle the blaze in Athens",
            "Getty Images",
        ),
        ("Rescue teams search the rubble. [Image: AFP]", "Rescue teams search the rubble.", "AFP"),
    ],
)
def test_trailing_credits_make_captions(line, caption, credit):
    assert judge_line(line) == LineVerdict("caption", caption=caption, credit=credit)


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Photo: Protesters gather in Tel Aviv on Saturday", "Protesters gather in Tel Aviv on Saturday"),
        ("Pictured: the damaged bridge in Kyiv.", "the damaged bridge in Kyiv."),
        ("File photo: a Boeing 737 MAX on the tarmac in Seattle", "a Boeing 737 MAX on the tarmac in Seattle"),
        pytest.param("Caption: Protesters gather in Tel Aviv", "Protesters gather in Tel Aviv"),
    ],
)
def test_prefixed_captions(line, caption):
    assert judge_line(line) == LineVerdict("caption", caption=caption)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Sponsored content",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter Email",
        "Facebook | WhatsApp | Copy link",
        "Read more: Biden visits Kyiv",
        "See also: Israel-Hamas war live updates",
        "Related: Blinken lands in Cairo",
        "Related Articles",
        "More from Reuters",
        "Recommended for you",
        "Most read",
        "Trending now",
        "Click here to read the full report",
        "Subscribe to our newsletter for daily updates",
        "Sign up for free to continue reading",
        "Already a subscriber? Log in",
        "Follow us on Twitter",
        "© 2024 Reuters",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "Skip to main content",
        "Back to top",
        "Loading...",
        "Listen to this article",
        "12 comments",
        "Leave a comment",
        "Continue reading the main story",
        "Story continues below advertisement",
        "Download our app for breaking news alerts",
        "This article was updated on March 22 to correct a name.",
    ],
)
def test_boilerplate_lines(line):
    assert judge_line(line) == LineVerdict("boilerplate")


@pytest.mark.parametrize(
    "line",
    [
        "Related companies reported record profits.",
        "Copyright law was changed in 1998 by Congress.",
        "More than 100 people died in the floods.",
        "Share prices fell sharply on Monday.",
        "Comments from the minister drew sharp criticism from the opposition.",
        "Source code for the app was leaked online by hackers.",
        "Print media revenue fell again last year.",
        "Loading of the ships resumed on Tuesday.",
        "Picture this: a city without cars.",
        "Image rights became a central issue in the talks.",
        "Advertisements for the product were banned in 2019.",
        "Blinken met Friday with members of the war cabinet.",
        "Blinken's statements against a Rafah operation",
        "“There is no way for us to defeat Hamas without going into Rafah,” he said.",
        "Minister Benny Gantz (National Unity) met with Blinken.",
        "The deal was approved by the board (Reuters reported on Monday).",
        "Read the statement in full on the ministry's website, officials said, and comment by Friday.",
        # a long line matching a furniture pattern is prose
        pytest.param(
            "Share " + "the costs of the new flood defences between the council and the government, " * 2,
            id="long-line-starting-with-share",
        ),
        pytest.param("Video by a bystander shows the car mounting the kerb."),
        pytest.param(
            "Unemployment rose to 5.2 percent in March, the highest level in two years "
            "(source: Office for National Statistics).",
            id="statistic-with-source",
        ),
    ],
)
def test_prose_is_never_removed(line):
    assert judge_line(line) is None
