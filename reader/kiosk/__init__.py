"""Kiosk mode for waiting rooms: its settings and session rules (no Qt)."""
