"""The one CSV writer of the platform: every CSV it hands out (booking export, statistics, and
whatever comes) is written through :func:`csv_writer`, which neutralises formula injection.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (``=HYPERLINK(…)`` in a booking's purpose). Following OWASP's
rule, such a text cell is prefixed with a single quote, which spreadsheets show as text. Numbers
the platform computes itself are written as they are.
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(file, **kwargs) -> SafeWriter:
    """``csv.writer(file, **kwargs)`` whose text cells cannot become formulas."""
    return SafeWriter(csv.writer(file, **kwargs))
