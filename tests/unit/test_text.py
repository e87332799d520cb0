"""content/text.py: the French forms of numbers the readers and editors read."""

from __future__ import annotations

import pytest

from content.text import count, file_size


@pytest.mark.parametrize(
    "size, shown",
    [
        (1, "1\u00a0Ko"),
        (1024, "1\u00a0Ko"),
        (1025, "2\u00a0Ko"),
        (63_000, "62\u00a0Ko"),
        (1_023_000, "1,0\u00a0Mo"),
        (1_258_291, "1,2\u00a0Mo"),
        (1_300_000, "1,3\u00a0Mo"),  # 1.24 Mo: rounded up, as Ko are
    ],
)
def test_file_size_never_announces_less_than_the_download(size, shown):
    assert file_size(size) == shown


def test_count_agrees_the_noun():
    assert count(1, "page", "pages") == "1 page" and count(13, "page", "pages") == "13 pages"
