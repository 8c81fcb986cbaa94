"""Posts as a township keeps them, and each office's backup office.

Revision ID: 0005_posts
Revises: 0003_people_time

Adds the tables `post` (岗位: an office's seat, its holder a person on file or
nobody) and `post_duty` (the duties a post holds as A or backs up as B), and
to `office` the optional `backup_office_id` (备岗机构). A ledger upgrades as it
is: no posts yet, no backup offices named.
"""
from alembic import op
import sqlalchemy as sa

revision = "0005_posts"
down_revision = "0004_rules_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("office") as batch:
        batch.add_column(sa.Column("backup_office_id", sa.Integer, nullable=True))
        batch.create_foreign_key("fk_office_backup_office", "office", ["backup_office_id"], ["id"],
                                 ondelete="SET NULL")
    op.create_table(
        "post",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("township_id", sa.Integer, sa.ForeignKey("township.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("office_id", sa.Integer, sa.ForeignKey("office.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("person.id", ondelete="SET NULL"), nullable=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.UniqueConstraint("office_id", "name", name="uq_post_office_name"),
    )
    op.create_table(
        "post_duty",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("post.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("duty_id", sa.Integer, sa.ForeignKey("duty.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("role", sa.String(1), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.UniqueConstraint("post_id", "duty_id", "role", name="uq_post_duty_role"),
        sa.CheckConstraint("role in ('A','B')", name="ck_post_duty_role"),
    )


def downgrade() -> None:
    op.drop_table("post_duty")
    op.drop_table("post")
    with op.batch_alter_table("office") as batch:
        batch.drop_constraint("fk_office_backup_office", type_="foreignkey")
        batch.drop_column("backup_office_id")
