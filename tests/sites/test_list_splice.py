"""Merging the changed clubs' shares into a list over all clubs (``deps.splice``): the result
is the list the API would answer, or None where it cannot be known without reading it all."""

from sites.engine.deps import splice

FIELDS = ("date", "id")


def item(club: str, date: str, pk: int) -> dict:
    return {"id": pk, "date": date, "club": {"slug": club}, "title": f"{club} {pk}"}


def api_order(items: list[dict]) -> list[dict]:
    return sorted(items, key=lambda i: (i["date"], i["id"]), reverse=True)


ALL = api_order(
    [item("a", f"2026-10-{day:02d}", day) for day in range(1, 20, 2)]
    + [item("b", f"2026-10-{day:02d}", 100 + day) for day in range(2, 20, 2)]
)


def test_a_complete_list_takes_the_clubs_new_share_in_order():
    new = item("a", "2026-10-08", 50)
    share = api_order([*(i for i in ALL if i["club"]["slug"] == "a"), new])
    result, complete = splice(ALL, True, "news", {"a"}, share, FIELDS, None)
    assert result == api_order([*ALL, new]) and complete


def test_an_item_taken_away():
    share = [i for i in ALL if i["club"]["slug"] == "a"][1:]
    result, complete = splice(ALL, True, "news", {"a"}, share, FIELDS, None)
    assert result == [i for i in ALL if i != ALL[0]] and complete


def test_a_cut_list_stays_cut_at_its_length():
    cut = ALL[:10]
    new = item("a", "2026-10-30", 60)
    share = api_order([*(i for i in ALL if i["club"]["slug"] == "a"), new])
    result, complete = splice(cut, False, "news", {"a"}, share, FIELDS, 10)
    assert result == api_order([*ALL, new])[:10] and not complete


def test_a_cut_list_that_would_take_unknown_items_is_read_again():
    cut = ALL[:10]
    share = [i for i in ALL if i["club"]["slug"] == "a"][1:]  # one of club a's items gone
    assert splice(cut, False, "news", {"a"}, share, FIELDS, 10) is None


def test_items_without_the_fields_of_the_order_are_read_again():
    broken = [{**ALL[0], "date": None}, *ALL[1:]]
    assert splice(broken, True, "news", {"b"}, [], FIELDS, None) is None


def test_a_clubs_items_are_narrowed_as_the_list_was_read():
    """The changed clubs' items, read once without ``date_from`` and ``per_club``, are cut for
    each list as the API would have cut them (``deps.narrowed``)."""
    from sites.engine.deps import narrowed

    items = [
        item("a", "2026-12-01", 9),
        item("b", "2026-11-20", 8),
        item("a", "2026-11-02", 7),
        item("a", "2026-10-15", 6),
        item("b", "2025-01-01", 5),
    ]
    path = "/api/v1/news/"
    assert narrowed(path, {"locale": "ar"}, "news", items) == items
    recent = narrowed(path, {"date_from": "2026-01-01"}, "news", items)
    assert [i["id"] for i in recent] == [9, 8, 7, 6]
    two = narrowed(path, {"date_from": "2026-01-01", "per_club": 2}, "news", items)
    assert [i["id"] for i in two] == [9, 8, 7]
    assert [i["id"] for i in narrowed(path, {"per_club": "1"}, "news", items)] == [9, 8]
    # Another list narrows nothing.
    assert narrowed("/api/v1/projects/", {"per_club": 1}, "projects", items) == items


def test_some_clubs_items_are_taken_from_a_list_in_its_order():
    from sites.engine.deps import shares_of

    taken = shares_of(ALL, frozenset({"news:*"}), {"b"})
    assert taken == [i for i in ALL if i["club"]["slug"] == "b"] and taken
    assert shares_of(ALL, frozenset({"news:*"}), set()) == []
    clubs = [{"slug": "a", "name": "A"}, {"slug": "b", "name": "B"}]
    assert shares_of(clubs, frozenset({"clubs:*"}), {"a"}) == clubs[:1]
    # A read that is not of a collection has no shares: all its items.
    assert shares_of(ALL, frozenset({"club:a"}), {"b"}) == ALL


def test_a_list_read_page_by_page_gives_some_clubs_items():
    """``fetch_all`` with ``clubs``: without a ``fetch_list`` the pages are read as before and
    those clubs' items taken; with one, it is asked for them."""
    from types import SimpleNamespace

    from sites.engine.kit.api import fetch_all

    def fetch(path, params):
        start = params["offset"]
        rest = ALL[start + 100 :]
        return {"results": ALL[start : start + 100], "next": "more" if rest else None}

    site = SimpleNamespace(fetch=fetch, fetch_list=None)
    assert fetch_all(site, "/api/v1/news/", {}, clubs={"a"}) == [
        i for i in ALL if i["club"]["slug"] == "a"
    ]
    asked = []
    site.fetch_list = lambda path, params, most, clubs=None: asked.append(clubs) or []
    fetch_all(site, "/api/v1/news/", {}, 10, clubs={"b"})
    fetch_all(site, "/api/v1/news/", {}, 10)
    assert asked == [{"b"}, None]
