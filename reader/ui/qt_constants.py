"""Qt enum values as plain ints, for code that runs before the first frame.

PySide creates an enum class's members, and on first use the whole Qt
namespace's, as Python enums; the first frame does without them (the cost is in
bench/README.md). Code that runs before it names the value here instead, and
tests/test_qt_constants.py checks each against Qt's own enum.
"""

#: Qt.TextFlag.TextWordWrap, as QFontMetrics.boundingRect takes it.
TEXT_WORD_WRAP = 0x1000
#: QTextDocument.ResourceType.ImageResource, as QTextDocument.loadResource is passed it.
IMAGE_RESOURCE = 2
