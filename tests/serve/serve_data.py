"""Constants the web app tests share."""

SEED_ID = "000_5b7bcf2cbf6902ac"

#: Wikinews articles ingested beside the seed: enough for lists, paging, a network and a map.
WIKINEWS_ARTICLES = 5

#: An article whose text and title carry markup: every page must show it as text.
XSS_TITLE = 'Council vote <script>alert("title")</script>'
XSS_TEXT = (
    "Mayor Jane Holloway said on Tuesday that the council would approve the new harbour budget. "
    '"We will not accept <img src=x onerror=alert(1)> or <script>alert(2)</script> in our city," '
    "Holloway told reporters. "
    "The council met in Leeds to discuss the plan, and the opposition leader Tom Briggs criticised the proposal "
    "as a waste of public money that would burden local families for years."
)
