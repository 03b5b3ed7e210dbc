"""The directory's lists of news and events are read with ``per_club``: at any number of
clubs every club's few items are read, none left out."""

from types import SimpleNamespace

import plugins.directory as directory


def test_a_list_of_a_few_items_per_club_is_read_whole_at_any_number_of_clubs(monkeypatch):
    asked = []

    def fetch_list(path, params, most):
        asked.append(most)
        return [{"id": n} for n in range(min(most, 5005))]

    clubs = [{"slug": f"verein-{n}"} for n in range(1000)]
    view = SimpleNamespace(site=SimpleNamespace(fetch_list=fetch_list), data={"clubs": clubs})
    # 1,000 clubs and the agency with 5 events each: more than the 5,000 items read at least.
    items = directory.read_list(view, "/api/v1/events/", {"locale": "de", "per_club": 5})
    assert asked == [5006] and len(items) == 5005
    # A few clubs: at least MAX_PAGES pages, as before.
    view.data["clubs"] = clubs[:10]
    directory.read_list(view, "/api/v1/news/", {"locale": "de", "per_club": 3})
    assert asked[-1] == directory.MAX_PAGES * directory.PAGE_SIZE
