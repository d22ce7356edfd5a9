"""Kiosk mode on the window: lock-down, idle reset, its own screens and touch keyboard."""
