"""Client knobs are checked once, by the core's rules (ClientSettings::validate, opentok::retries,
opentok::seconds): every binding refuses the same values with an error naming the field."""

from __future__ import annotations

from typing import Any

import pytest

import opentok_native as opentok
from conftest import API_KEY, API_SECRET


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"timeout": True}, "timeout"),
        ({"timeout": -1}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": 10 * 86400}, "timeout"),
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 2**64}, "max_retries"),
        ({"max_retries": True}, "max_retries"),
        ({"max_retries": 2.5}, "max_retries"),
        ({"max_retries": 11}, "max_retries"),
    ],
)
def test_bad_knobs_are_invalid_arguments_naming_the_field(kwargs: Any, field: str) -> None:
    for cls in (opentok.Client, opentok.AsyncClient):
        with pytest.raises(opentok.InvalidArgumentError) as e:
            cls(API_KEY, API_SECRET, **kwargs)
        assert e.value.field == field, e.value
        assert field in str(e.value)


def test_good_knobs_are_taken() -> None:
    opentok.Client(API_KEY, API_SECRET, timeout=2.5, max_retries=0)
    opentok.Client(API_KEY, API_SECRET, timeout=(1, 5), max_retries=10)
