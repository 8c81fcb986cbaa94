"""The desktop application (PySide6): window, ledger, dialogs, charts, printing."""
