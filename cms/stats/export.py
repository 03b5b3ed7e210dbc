"""The statistics as one CSV file: a row per table row, the table's name in the first column.

Columns: ``table, key, label, clubs, women, men, diverse, suppressed``. ``clubs`` is the number
of clubs in the group (in board tables: the clubs with a board on record); the board columns
are empty in counting tables and in suppressed rows, where ``suppressed`` is ``ja``. The
``overview`` table carries the totals (its figure in ``clubs``).
"""

import io

from django.utils.translation import gettext as _

from cms.hardening.spreadsheets import csv_writer

COLUMNS = ("table", "key", "label", "clubs", "women", "men", "diverse", "suppressed")


def overview_rows(stats: dict) -> list[dict]:
    return [
        {"key": "clubs", "label": _("Vereine"), "clubs": stats["clubs"]},
        {"key": "members", "label": _("Mitglieder (Summe)"), "clubs": stats["members"]},
        {
            "key": "clubs_with_member_count",
            "label": _("Vereine mit Angabe der Mitgliederzahl"),
            "clubs": stats["clubs_with_member_count"],
        },
    ]


def to_csv(stats: dict) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    tables = [{"name": "overview", "kind": "counts", "rows": overview_rows(stats)}]
    for table in tables + stats["tables"]:
        for row in table["rows"]:
            board = table["kind"] == "board"
            writer.writerow(
                [
                    table["name"],
                    row["key"],
                    row["label"],
                    row["clubs"],
                    *(
                        "" if not board or row[name] is None else row[name]
                        for name in ("women", "men", "diverse")
                    ),
                    ("ja" if row["suppressed"] else "nein") if board else "",
                ]
            )
    return buffer.getvalue()
