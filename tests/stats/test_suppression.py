"""The small-group rule for board figures: no published cell, and no difference of published
cells within a table, derives from fewer than five clubs."""

import itertools
import random

import pytest

from cms.stats.tables import BOARD_FIELDS, MIN_GROUP_SIZE, suppress


def rows_of(sizes):
    return [
        {"key": f"g{n}", "label": f"Gruppe {n}", "clubs": size, "suppressed": False}
        | dict.fromkeys(BOARD_FIELDS, size * 2)
        for n, size in enumerate(sizes)
    ]


def assert_safe(rows, total):
    published = [row for row in rows if not row["suppressed"]]
    hidden = [row for row in rows if row["suppressed"]]
    for row in published:
        assert row["clubs"] >= MIN_GROUP_SIZE
        assert all(row[name] is not None for name in BOARD_FIELDS)
    for row in hidden:
        assert all(row[name] is None for name in BOARD_FIELDS)
    if total is not None and total >= MIN_GROUP_SIZE:
        # total minus the published rows = what the hidden rows hold together
        assert sum(row["clubs"] for row in hidden) == 0 or (
            sum(row["clubs"] for row in hidden) >= MIN_GROUP_SIZE
        )


@pytest.mark.parametrize(
    ("sizes", "published"),
    [
        ([6, 7, 8], ["g0", "g1", "g2"]),
        ([6, 2, 1], []),  # 2 + 1 hidden: the 6 would give them away
        ([6, 7, 2, 1], ["g1"]),  # the smallest published row (6) is hidden too
        ([5, 5, 5, 3, 3], ["g0", "g1", "g2"]),  # 3 + 3 hidden hold 6: enough
        ([4], []),
        ([9, 0], ["g0"]),
    ],
)
def test_examples(sizes, published):
    rows = suppress(rows_of(sizes), sum(sizes))
    assert [row["key"] for row in rows if not row["suppressed"]] == published
    assert_safe(rows, sum(sizes))


def test_total_below_five_hides_everything():
    rows = suppress(rows_of([3, 1]), 4)
    assert all(row["suppressed"] for row in rows)


def test_random_partitions_are_always_safe():
    generator = random.Random(8)
    for _round in range(500):
        sizes = [generator.randint(0, 12) for _ in range(generator.randint(1, 8))]
        rows = suppress(rows_of(sizes), sum(sizes))
        assert_safe(rows, sum(sizes))


def test_every_small_partition_is_safe():
    for count in range(1, 4):
        for sizes in itertools.product(range(8), repeat=count):
            assert_safe(suppress(rows_of(sizes), sum(sizes)), sum(sizes))
