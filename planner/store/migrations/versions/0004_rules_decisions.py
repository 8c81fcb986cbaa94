"""Standing checks and the committee's decision on record.

Revision ID: 0004_rules_decisions
Revises: 0003_people_time

Adds the table `standing_rule` (category bands per kind, leadership-post standards,
limits on offices; planner.domain.rules), filled with the examples a county replaces
with its own standard, and to `applied_proposal` the committee's document number and
date (编委文件号, 日期). An existing ledger upgrades as it is: proposals applied before
carry an empty number.
"""
from alembic import op
import sqlalchemy as sa

revision = "0004_rules_decisions"
down_revision = "0003_people_time"
branch_labels = None
depends_on = None

# planner.domain.rules.example_library(), written out: a migration never changes with the code.
EXAMPLE_RULES = (
    [("band", c, "administrative", None, a) for c, a in (("一类", 40), ("二类", 35), ("三类", 30))]
    + [("band", c, "institutional", None, i) for c, i in (("一类", 45), ("二类", 40), ("三类", 35))]
    + [("leadership", c, "", 5, 7) for c in ("一类", "二类", "三类")]
    + [("offices", "", "administrative", None, 7), ("offices", "", "institutional", None, 6)]
)


def upgrade() -> None:
    table = op.create_table(
        "standing_rule",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("rule", sa.String(20), nullable=False),
        sa.Column("category", sa.String(10), nullable=False, server_default=""),
        sa.Column("kind", sa.String(20), nullable=False, server_default=""),
        sa.Column("low", sa.Integer, nullable=True),
        sa.Column("high", sa.Integer, nullable=True),
        sa.UniqueConstraint("rule", "category", "kind", name="uq_standing_rule"),
        sa.CheckConstraint("rule in ('band','leadership','offices')", name="ck_standing_rule_type"),
    )
    op.bulk_insert(table, [dict(zip(("rule", "category", "kind", "low", "high"), row)) for row in EXAMPLE_RULES])
    with op.batch_alter_table("applied_proposal") as batch:
        batch.add_column(sa.Column("decision_no", sa.String(100), nullable=False, server_default=""))
        batch.add_column(sa.Column("decision_date", sa.String(10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("applied_proposal") as batch:
        batch.drop_column("decision_date")
        batch.drop_column("decision_no")
    op.drop_table("standing_rule")
