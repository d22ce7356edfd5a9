"""How the reader looks, as plain values: palettes, type sizes and the reading stylesheet (no Qt)."""
