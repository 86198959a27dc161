"""User-facing messages of `draft` and `check`: Vietnamese by default, English on request.

Standard gettext catalogs (summarizer/locale/<lang>/LC_MESSAGES/summarizer.po, compiled to .mo and
shipped; tests check the .mo is the .po compiled). Message ids are English, so English needs no catalog.
The language is --lang, else SUMMARIZER_LANG, else the usual LANGUAGE / LC_ALL / LC_MESSAGES / LANG
when it names English or Vietnamese; "C", "POSIX" and anything else give Vietnamese, the clerks' language.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "summarizer"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("vi", "en")
_chosen: str | None = None


def language_from_env() -> str:
    for var in ("SUMMARIZER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").strip().lower()
        for lang in LANGUAGES:
            if value.startswith(lang):
                return lang
    return "vi"


def set_language(lang: str | None) -> str:
    """Choose the language of messages for this process (None: from the environment)."""
    global _chosen
    if lang is not None and lang.lower()[:2] not in LANGUAGES:
        from summarizer.errors import UserError

        raise UserError(f"--lang {lang!r}: choose vi or en")
    _chosen = lang.lower()[:2] if lang else language_from_env()
    return _chosen


def language() -> str:
    return _chosen or language_from_env()


@lru_cache(maxsize=4)
def _translation(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def _(message: str) -> str:
    return _translation(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation(language()).ngettext(singular, plural, n)
