"""The ledger: county parameters, townships, quota, offices, duties, people.

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

KIND_CHECK = "kind in ('administrative','institutional','support')"


def _version():
    return sa.Column("version", sa.Integer, nullable=False, server_default="1")


def upgrade() -> None:
    op.create_table(
        "county",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("working_days", sa.Float, nullable=False),
        sa.Column("annual_leave_days", sa.Float, nullable=False),
        sa.Column("other_absence_days", sa.Float, nullable=False),
        sa.Column("training_days", sa.Float, nullable=False),
        sa.Column("hours_per_day", sa.Float, nullable=False),
        sa.Column("shared_duty_share", sa.Float, nullable=False),
        sa.Column("backup_load_factor", sa.Float, nullable=False),
        sa.Column("max_backup_roles", sa.Integer, nullable=False),
        _version(),
    )
    op.create_table(
        "township",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("category", sa.String(10), nullable=False),
        sa.Column("population", sa.Integer, nullable=False),
        sa.Column("area_km2", sa.Float, nullable=False),
        sa.Column("villages", sa.Integer, nullable=False),
        sa.Column("locked", sa.Boolean, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        _version(),
        sa.CheckConstraint("population >= 0", name="ck_township_population"),
        sa.CheckConstraint("villages >= 0", name="ck_township_villages"),
    )
    op.create_table(
        "quota",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("township_id", sa.Integer, sa.ForeignKey("township.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("approved", sa.Integer, nullable=False),
        sa.Column("staff", sa.Integer, nullable=False),
        sa.Column("leadership", sa.Integer, nullable=False),
        _version(),
        sa.UniqueConstraint("township_id", "kind", name="uq_quota_township_kind"),
        sa.CheckConstraint(KIND_CHECK, name="ck_quota_kind"),
        sa.CheckConstraint("approved >= 0 and staff >= 0 and leadership >= 0", name="ck_quota_nonnegative"),
    )
    op.create_table(
        "office",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("township_id", sa.Integer, sa.ForeignKey("township.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        _version(),
        sa.UniqueConstraint("township_id", "name", name="uq_office_township_name"),
        sa.CheckConstraint(KIND_CHECK, name="ck_office_kind"),
    )
    op.create_table(
        "duty",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("office_id", sa.Integer, sa.ForeignKey("office.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("annual_volume", sa.Float, nullable=False),
        sa.Column("minutes_per_case", sa.Float, nullable=False),
        sa.Column("fixed_hours", sa.Float, nullable=False),
        sa.Column("needs_backup", sa.Boolean, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        _version(),
        sa.UniqueConstraint("office_id", "name", name="uq_duty_office_name"),
        sa.CheckConstraint("annual_volume >= 0 and minutes_per_case >= 0 and fixed_hours >= 0",
                           name="ck_duty_nonnegative"),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("township_id", sa.Integer, sa.ForeignKey("township.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("office_name", sa.String(100), nullable=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("quota_since", sa.Date, nullable=True),
        _version(),
    )


def downgrade() -> None:
    for table in ("person", "duty", "office", "quota", "township", "county"):
        op.drop_table(table)
