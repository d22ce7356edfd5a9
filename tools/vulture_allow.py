"""Names that look unused to vulture but are called by name: Qt overrides, library hooks, test conventions.

Never run: `make lint` gives this file to vulture beside the code, and a name mentioned here counts as used
(wherever it is defined). Add a name only with the caller that uses it; dead code is deleted, not listed.
"""

import argparse
import socket
from html.parser import HTMLParser

from markdown.extensions import Extension
from markdown.inlinepatterns import LinkInlineProcessor
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextDocument
from PySide6.QtWidgets import QTreeView, QWidget

from reader.ui.single_instance import SingleInstance

# Qt calls these virtual methods of the widgets and documents that override them.
QWidget.mousePressEvent
QWidget.mouseReleaseEvent
QTreeView.drawBranches
QTextDocument.loadResource
# A document layout reads its paint context's clip as it draws (the handout pages, the result rows).
QAbstractTextDocumentLayout.PaintContext.clip

# argparse calls error() on a bad command line (reader.cli's parser says it in one line).
argparse.ArgumentParser.error
# Markdown calls an extension's extendMarkdown, and a link pattern's getText (link_policy replaces it).
Extension.extendMarkdown
LinkInlineProcessor.getText

# Holds the lock file open, and so the lock, for as long as the reader runs.
SingleInstance._lock_fd

# The tests' HTML scanners: HTMLParser calls handle_starttag.
HTMLParser.handle_starttag
# tests/netguard replaces these, so that any connection attempt fails the run.
socket.socket.connect_ex
socket.create_connection
