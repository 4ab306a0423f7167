"""Editions: one Sphinx publication, one website per language."""

__version__ = "0.1.0"
