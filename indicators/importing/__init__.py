"""The safe yearly update: templates, reading what people really send, validation against
the schema, atomic versioned import into a Parquet folder or a database, rollback, log.

For the /data page:
    validate_bytes(data, filename, source=None, table=None) -> ImportResult
    import_bytes(data, filename, into=None, who=None, table=None) -> ImportResult
    rollback(into=None, who=None) -> RollbackResult
    import_log(source=None) -> DataFrame
    template_xlsx(table) / template_csv(table) -> bytes
"""

from __future__ import annotations

from indicators.importing.files import import_file, validate_file
from indicators.importing.service import (
    ImportResult,
    RollbackResult,
    import_bytes,
    import_log,
    rollback,
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
    "template_csv",
    "template_xlsx",
    "validate_bytes",
    "validate_file",
    "write_template",
]
