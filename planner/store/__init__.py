"""Storage of the ledger: engines, ORM models, migrations, audit log, backups, locks, edits."""
