"""Qt side of the look: theme palettes applied to Qt, and the bundled fonts."""
