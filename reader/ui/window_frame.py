"""The window manager's frame around the reader's windows, as far as placing and sizing them needs it."""

#: A title bar's height, about: what a window needs above its own top edge (which a dialog must not put over
#: the disclaimer, and a window must keep on screen).
TITLE_BAR_PX = 32
