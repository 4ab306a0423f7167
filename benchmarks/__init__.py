"""Benchmarks of Editions: a generated publication, built the documented way and ours.

Run with ``python -m benchmarks`` (``make bench``); see ``benchmarks/RESULTS.md``.
"""
