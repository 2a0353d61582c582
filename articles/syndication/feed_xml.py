"""RSS 2.0 and Atom writers whose plain text reads as text everywhere.

RSS never said whether a ``<title>`` may hold HTML, so aggregators guess; the
RSS Best Practices Profile asks publishers to write "&", "<" and ">" in plain
text as hexadecimal character references (``&#x26;``), the one form all of them
read as text, and the W3C feed validator warns about any other ("Encode "&" and
"<" in plain text using hexadecimal character references", "title should not
contain HTML"). A parser sees the same characters either way.

Characters XML 1.0 cannot carry at all (C0 controls other than tab and line
breaks) are dropped: Django would raise instead, and one pasted headline would
take every feed it appears in down.
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.xmlutils import SimplerXMLGenerator

_TEXT = {ord("&"): "&#x26;", ord("<"): "&#x3C;", ord(">"): "&#x3E;"}
_TEXT.update({code: None for code in range(0x20) if chr(code) not in "\t\n\r"})


class PlainTextXMLGenerator(SimplerXMLGenerator):
    def characters(self, content):
        if content:
            # XMLGenerator.characters() with our escaping instead of &amp; &lt; &gt;.
            self._finish_pending_start_element()
            self._write(str(content).translate(_TEXT))


class PlainTextRssFeed(Rss201rev2Feed):
    def write(self, outfile, encoding):
        # Rss201rev2Feed.write() with our generator.
        handler = PlainTextXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")


class PlainTextAtomFeed(Atom1Feed):
    def write(self, outfile, encoding):
        # Atom1Feed.write() with our generator.
        handler = PlainTextXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")
