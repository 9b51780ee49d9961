"""Helpers shared by the XML writers (JUnit, TMX, XLIFF), built on the stdlib
:mod:`xml.etree.ElementTree` so that every text and attribute is escaped.

XML 1.0 cannot carry most C0 control characters, lone surrogates, U+FFFE or
U+FFFF, not even as character references, and ElementTree writes them as they
are, producing a file no parser accepts. :func:`xml_text` replaces each with
U+FFFD so the output stays well-formed and the spot stays visible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Mapping

# Everything outside XML 1.0's Char production.
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD.

    Example:
        >>> xml_text("bell\\x07 ok")
        'bell\\ufffd ok'
    """
    return ILLEGAL_XML.sub(REPLACEMENT, text)


def element(
    parent: ET.Element | None,
    tag: str,
    text: str | None = None,
    attrib: Mapping[str, str] | None = None,
) -> ET.Element:
    """A new element (appended to ``parent`` when given) with cleaned text and
    attributes. Names are written as given, so a literal prefix such as
    ``xml:lang`` or ``its:version`` works without registering namespaces."""
    node = ET.Element(tag) if parent is None else ET.SubElement(parent, tag)
    for key, value in (attrib or {}).items():
        node.set(key, xml_text(value))
    if text is not None:
        node.text = xml_text(text)
    return node


def indent(node: ET.Element, *, inline: Collection[str] = (), level: int = 0) -> None:
    """Pretty-print in place like :func:`ET.indent`, but leave elements named
    in ``inline`` untouched: their whitespace is content (``<seg>``, ``<target>``)."""
    if node.tag in inline or not len(node):
        return
    pad = "\n" + "  " * (level + 1)
    node.text = pad
    for child in node:
        indent(child, inline=inline, level=level + 1)
        child.tail = pad
    node[-1].tail = "\n" + "  " * level


def serialize(root: ET.Element, *, doctype: str = "", inline: Collection[str] = ()) -> str:
    """The document as text: XML declaration, optional DOCTYPE, indented tree."""
    indent(root, inline=inline)
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return XML_DECLARATION + (doctype + "\n" if doctype else "") + body + "\n"
