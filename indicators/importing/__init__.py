"""The safe yearly update: templates, reading what people really send, validation against
the schema, atomic versioned import into a Parquet folder or a database, rollback, log.

For the /data page:
    validate_bytes(data, filename, source=None, table=None) -> ImportResult
    import_bytes(data, filename, into=None, who=None, table=None) -> ImportResult
    rollback(into=None, who=None) -> RollbackResult
    import_log(source=None) -> DataFrame
    template_xlsx(table) / template_csv(table) -> bytes
    served_version(source=None) -> str   (changes with every import and rollback: a cache key)
    access.password_matches / Throttle, display.failure_rows / log_rows (for ui/admin.py)
"""

from __future__ import annotations

from indicators.importing.files import import_file, validate_file
from indicators.importing.service import (
    ImportResult,
    RollbackResult,
    import_bytes,
    import_log,
    rollback,
    served_version,
    validate_bytes,
)
from indicators.importing.template import template_csv, template_xlsx, write_template

__all__ = [
    "ImportResult",
    "RollbackResult",
    "import_bytes",
    "import_file",
    "import_log",
    "rollback",
    "served_version",
    "template_csv",
    "template_xlsx",
    "validate_bytes",
    "validate_file",
    "write_template",
]
