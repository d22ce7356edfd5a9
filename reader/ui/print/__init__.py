"""Printing: the handout page painter, the print dialog and export-pdf."""
