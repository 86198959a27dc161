"""A saved web page: the article body only, with its title and publication date, via trafilatura.

trafilatura (Apache-2.0) is maintained, scores at the top of the public article-extraction benchmarks
and keeps paragraphs and list items as lines; on the genre's pages (a provincial portal's news item)
it drops menus, counters, comment boxes and "related news" lists that a tag filter of our own would
have to learn one portal at a time. It never fetches anything when given the HTML itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError


@dataclass
class HtmlText:
    text: str
    title: str | None
    date: str | None


def read_html(path: Path, data: bytes) -> HtmlText:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are not the user's errors
    html = _decode(data, str(path))
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
        favor_recall=True,
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError("no article text found in the web page", source=str(path))
    title = (getattr(doc, "title", None) or "").strip() or None
    date = getattr(doc, "date", None) or None
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest.strip()
    lines = [title] if title else []
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        lines.append(f"date {date}")  # the seeds' convention; the rules read it as the document's date
    lines.append(body)
    return HtmlText("\n\n".join(lines), title, date)


def _decode(data: bytes, name: str) -> str:
    head = data[:2048].decode("ascii", "ignore")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    for enc in [m.group(1)] if m else []:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("web page is neither UTF-8 nor in its declared charset", source=name) from None
