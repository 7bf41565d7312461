"""Dutch ships complete, and its compiled catalogue matches the source."""

import gettext
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_every_dutch_message_is_translated():
    catalogue = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_compiled_dutch_catalogue_matches_the_source():
    messages = LOCALE / "nl" / "LC_MESSAGES"
    source = polib.pofile(str(messages / "django.po"))
    with (messages / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    for entry in source.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid
