"""Large cities stay places when the small model reads them as an organisation or a group."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("city", ["Aleppo", "Kharkiv", "Homs"])
def test_a_large_city_is_a_place(run, city):
    text = f"Rebels attack {city}\n\nForeign Minister Jane Doe said a military operation in {city} would be a mistake."
    docs, failures = run([{"id": city, "text": text}])
    assert failures == []
    (entity,) = [e for e in docs[0].entities if e.name == city]
    assert entity.type == "place"
    assert entity.country_code is not None
