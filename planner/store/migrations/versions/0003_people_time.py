"""People's dates, hiring plans, the revolving pool and the plan's span.

Revision ID: 0003_people_time
Revises: 0002

Adds to `person` the sex, birth month, status (干部/工人), leader flag and
planned leave month the retirement forecast needs; to `county` the revolving
pool per kind and the multi-year plan's parameters; and the tables
`hiring_plan` (用编进人计划) and `pool_loan` (周转池借用). Every new column has a
default, so an existing ledger upgrades as it is.
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_people_time"
down_revision = "0002"
branch_labels = None
depends_on = None

KIND_CHECK = "kind in ('administrative','institutional','support')"

COUNTY_COLUMNS = (
    ("pool_administrative", "0"), ("pool_institutional", "0"), ("pool_support", "0"),
    ("pool_term_years", "3"), ("horizon_years", "5"),
)


def _version():
    return sa.Column("version", sa.Integer, nullable=False, server_default="1")


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("sex", sa.String(2), nullable=True))
        batch.add_column(sa.Column("birth_month", sa.String(7), nullable=True))
        batch.add_column(sa.Column("status", sa.String(4), nullable=False, server_default="干部"))
        batch.add_column(sa.Column("leader", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("planned_leave", sa.String(7), nullable=True))
    with op.batch_alter_table("county") as batch:
        for name, default in COUNTY_COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer, nullable=False, server_default=default))
        batch.add_column(sa.Column("plan_start_year", sa.Integer, nullable=True))
    op.create_table(
        "hiring_plan",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("township_id", sa.Integer, sa.ForeignKey("township.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("planned", sa.Integer, nullable=False, server_default="0"),
        sa.Column("hired", sa.Integer, nullable=False, server_default="0"),
        _version(),
        sa.UniqueConstraint("township_id", "kind", "year", name="uq_hiring_township_kind_year"),
        sa.CheckConstraint(KIND_CHECK, name="ck_hiring_kind"),
        sa.CheckConstraint("planned >= 0 and hired >= 0", name="ck_hiring_nonnegative"),
    )
    op.create_table(
        "pool_loan",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("township_id", sa.Integer, sa.ForeignKey("township.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("slots", sa.Integer, nullable=False, server_default="0"),
        sa.Column("start", sa.String(7), nullable=False),
        sa.Column("due", sa.String(7), nullable=False),
        sa.Column("returned", sa.Integer, nullable=False, server_default="0"),
        _version(),
        sa.CheckConstraint(KIND_CHECK, name="ck_pool_loan_kind"),
        sa.CheckConstraint("slots >= 0 and returned >= 0", name="ck_pool_loan_nonnegative"),
    )


def downgrade() -> None:
    op.drop_table("pool_loan")
    op.drop_table("hiring_plan")
    with op.batch_alter_table("county") as batch:
        for name, _ in COUNTY_COLUMNS:
            batch.drop_column(name)
        batch.drop_column("plan_start_year")
    with op.batch_alter_table("person") as batch:
        for name in ("planned_leave", "leader", "status", "birth_month", "sex"):
            batch.drop_column(name)
