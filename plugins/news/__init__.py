"""News: the club's news index and articles, a home-page section with the latest ones, and an
Atom feed of them (``news.atom``)."""

from xml.etree import ElementTree as ET

from sites.engine.i18n import Catalog
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)

INDEX = "clubs.NewsIndexPage"
ARTICLE = "clubs.NewsPage"
ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "news.atom"


def articles(data) -> list[dict]:
    """Newest first, as the API's news lists: by date, then the later item first (two items
    of one day: the one published second leads, and is on the home page)."""
    return sorted(
        data["by_type"].get(ARTICLE, []),
        key=lambda page: (page["fields"]["date"], page["id"]),
        reverse=True,
    )


def pages(view):
    indexes = view.data["by_type"].get(INDEX, [])
    if not indexes:
        return
    index = indexes[0]
    items = articles(view.data)
    yield PageSpec(
        path=index["url_path"],
        template="news/index.html",
        title=index["title"],
        menu="main",
        label=index["title"],
        context={"index": index, "articles": items},
    )
    for article in items:
        yield PageSpec(
            path=article["url_path"],
            template="news/article.html",
            title=article["title"],
            context={"article": article, "index": index},
        )


def feed(site) -> dict[str, bytes]:
    """An Atom feed per locale of the newest articles, linking to the built pages."""
    files = {}
    base = site.base_url.rstrip("/")
    for locale in site.locales:
        data = site.data[locale.code]
        items = articles(data)[:50]
        if not items:
            continue
        ET.register_namespace("", ATOM)
        root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": locale.code})
        ET.SubElement(root, f"{{{ATOM}}}title").text = site.title
        ET.SubElement(
            root, f"{{{ATOM}}}id"
        ).text = f"{base or 'urn:vereinsnetz:' + site.name}/{locale.code}/{FEED_FILE}"
        updated = max((item["last_updated"] or item["fields"]["date"]) for item in items)
        ET.SubElement(root, f"{{{ATOM}}}updated").text = _timestamp(updated)
        if base:
            ET.SubElement(
                root,
                f"{{{ATOM}}}link",
                {"rel": "self", "href": f"{base}/{locale.code}/{FEED_FILE}"},
            )
        for item in items:
            entry = ET.SubElement(root, f"{{{ATOM}}}entry")
            link = f"{base}/{locale.code}/{item['url_path'].strip('/')}/index.html"
            ET.SubElement(entry, f"{{{ATOM}}}title").text = item["title"]
            ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:vereinsnetz:page:{item['id']}"
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = _timestamp(
                item["last_updated"] or item["fields"]["date"]
            )
            if base:
                ET.SubElement(entry, f"{{{ATOM}}}link", {"href": link})
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = item["fields"].get("teaser") or ""
            author = ET.SubElement(entry, f"{{{ATOM}}}author")
            ET.SubElement(author, f"{{{ATOM}}}name").text = site.title
        files[f"{locale.code}/{FEED_FILE}"] = ET.tostring(
            root, encoding="utf-8", xml_declaration=True
        )
    return files


def _timestamp(value: str) -> str:
    return value if "T" in value else f"{value}T00:00:00Z"


plugin = Plugin(
    name="news",
    kinds=frozenset({"club"}),
    package=__name__,
    label=catalog.labels("Neuigkeiten"),
    needs=("bundle",),
    pages=pages,
    section="news/section.html",
    files=feed,
)
