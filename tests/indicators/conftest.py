"""Shared fixtures of the indicator tests: the error-message check and the curated tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pandas as pd
import pytest

from krbnn_analysis import load
from krbnn_analysis.errors import IndicatorInputError


@pytest.fixture
def rejects() -> Callable[..., AbstractContextManager]:
    """``with rejects("'value'", "year=2020"):`` expects an IndicatorInputError naming every fragment."""

    @contextmanager
    def check(*fragments: str) -> Iterator[None]:
        with pytest.raises(IndicatorInputError) as info:
            yield
        message = str(info.value)
        for fragment in fragments:
            assert fragment in message, f"{fragment!r} not in the message {message!r}"

    return check


@pytest.fixture(scope="session")
def grdp() -> pd.DataFrame:
    return load("grdp")


@pytest.fixture(scope="session")
def grdp_by_industry() -> pd.DataFrame:
    return load("grdp_by_industry")


@pytest.fixture(scope="session")
def grdp_growth_published() -> pd.DataFrame:
    return load("grdp_growth_published")
