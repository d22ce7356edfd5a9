"""Widgets that display what they are given and emit signals; they know nothing of the window."""
