"""The use cases (solve, apply, import, export, backup and restore): the API the window and the CLI call."""
