"""Scenarios, applied proposals and the audit log.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scenario",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("changes_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("created_at", sa.DateTime, server_default=sa.func.current_timestamp()),
        sa.Column("updated_at", sa.DateTime, server_default=sa.func.current_timestamp()),
        sa.Column("last_result_json", sa.Text, nullable=True),
        sa.Column("last_fingerprint", sa.String(64), nullable=True),
        sa.Column("last_solved_at", sa.DateTime, nullable=True),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "applied_proposal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("applied_at", sa.DateTime, server_default=sa.func.current_timestamp()),
        sa.Column("applied_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("scenario", sa.String(200), nullable=False, server_default=""),
        sa.Column("fingerprint", sa.String(64), nullable=False, server_default=""),
        sa.Column("result_json", sa.Text, nullable=False, server_default="{}"),
        sa.Column("before_json", sa.Text, nullable=False, server_default="{}"),
        sa.Column("reverted", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, server_default=sa.func.current_timestamp(), index=True),
        sa.Column("user", sa.String(100), nullable=False, server_default=""),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False, server_default=""),
        sa.Column("entity_key", sa.String(300), nullable=False, server_default=""),
        sa.Column("field", sa.String(60), nullable=False, server_default=""),
        sa.Column("old_value", sa.Text, nullable=True),
        sa.Column("new_value", sa.Text, nullable=True),
    )


def downgrade() -> None:
    for table in ("audit_log", "applied_proposal", "scenario"):
        op.drop_table(table)
