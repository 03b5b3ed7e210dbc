"""A page's keys (``deps.context_keys``): an API object as read names everything in it, so
its values are not looked into; one that had an object put into it is."""

import copy
import pickle

from sites.engine.deps import Resource, context_keys, tag


def news_item(slug: str) -> Resource:
    (item,) = tag({"results": [{"title": "Sommerfest", "club": {"slug": slug}}]}, {"news:*"})[
        "results"
    ]
    return item


def club(slug: str) -> Resource:
    return tag({"slug": slug, "name": "Kulturverein"}, frozenset({f"club:{slug}"}))


def test_an_api_object_as_read_names_its_keys_and_is_not_looked_into():
    item = news_item("anatolien")
    assert type(item) is Resource and not item.grown
    assert context_keys({"items": [item]}) == {"news:anatolien"}
    # Scalars put into it (the newsroom marks what the directory lists) change nothing.
    item["club_listed"] = True
    assert not item.grown


def test_an_object_put_into_an_api_object_counts():
    for put in (
        lambda item, value: item.__setitem__("club", value),
        lambda item, value: item.update(club=value),
        lambda item, value: item.setdefault("more", []).append(value),
        lambda item, value: item.__ior__({"club": value}),
    ):
        item = news_item("anatolien")
        put(item, club("anatolien"))
        assert item.grown
        assert context_keys({"items": [item]}) == {"news:anatolien", "club:anatolien"}


def test_plain_dicts_and_lists_around_api_objects_are_looked_into():
    card = {"club": club("rursee"), "news": [news_item("rursee")]}
    assert context_keys({"cards": [card]}) == {"club:rursee", "news:rursee"}


def test_an_api_object_crosses_processes_and_copies_as_it_is():
    for item in (news_item("anatolien"), club("rursee")):
        for twin in (pickle.loads(pickle.dumps(item)), copy.copy(item), copy.deepcopy(item)):
            assert type(twin) is Resource and twin == item
            assert twin.resource_keys == item.resource_keys and not twin.grown
    grown = news_item("anatolien")
    grown["club"] = club("anatolien")
    assert pickle.loads(pickle.dumps(grown)).grown
