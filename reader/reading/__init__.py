"""The reading model: what one reader has on screen, kept without Qt."""
