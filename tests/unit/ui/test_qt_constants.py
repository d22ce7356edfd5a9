"""The plain ints the first frame uses mean what Qt means by them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from reader.ui import qt_constants


def test_each_constant_is_the_value_of_its_qt_enum():
    assert Qt.TextFlag.TextWordWrap.value == qt_constants.TEXT_WORD_WRAP
    assert QTextDocument.ResourceType.ImageResource.value == qt_constants.IMAGE_RESOURCE
