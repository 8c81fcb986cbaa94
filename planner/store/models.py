"""The ledger as SQLAlchemy 2.0 typed models.

Schema changes go through Alembic revisions in planner/migrations; these
classes describe the head revision.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, CheckConstraint, Date, DateTime, Float, ForeignKey, Integer, String, Text,
    UniqueConstraint, func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from planner.domain.county import QuotaFigures


class Base(DeclarativeBase):
    pass


class County(Base):
    """The one county of a database, with its working-time and A/B parameters."""

    __tablename__ = "county"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="示范县")
    working_days: Mapped[float] = mapped_column(Float, default=248)
    annual_leave_days: Mapped[float] = mapped_column(Float, default=10)
    other_absence_days: Mapped[float] = mapped_column(Float, default=5)
    training_days: Mapped[float] = mapped_column(Float, default=10)
    hours_per_day: Mapped[float] = mapped_column(Float, default=8)
    shared_duty_share: Mapped[float] = mapped_column(Float, default=0.10)
    backup_load_factor: Mapped[float] = mapped_column(Float, default=0.15)
    max_backup_roles: Mapped[int] = mapped_column(Integer, default=3)
    # The revolving pool per kind and the multi-year plan's span (TimeParams).
    pool_administrative: Mapped[int] = mapped_column(Integer, default=0)
    pool_institutional: Mapped[int] = mapped_column(Integer, default=0)
    pool_support: Mapped[int] = mapped_column(Integer, default=0)
    pool_term_years: Mapped[int] = mapped_column(Integer, default=3)
    horizon_years: Mapped[int] = mapped_column(Integer, default=5)
    plan_start_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class Township(Base):
    __tablename__ = "township"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    type: Mapped[str] = mapped_column(String(10), default="镇")
    category: Mapped[str] = mapped_column(String(10), default="二类")
    population: Mapped[int] = mapped_column(Integer, default=0)
    area_km2: Mapped[float] = mapped_column(Float, default=0.0)
    villages: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Optimistic locking: a save from a stale copy fails instead of overwriting.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    quotas: Mapped[list["Quota"]] = relationship(
        back_populates="township", cascade="all, delete-orphan", order_by="Quota.kind")
    offices: Mapped[list["Office"]] = relationship(
        back_populates="township", cascade="all, delete-orphan", order_by="Office.position")
    people: Mapped[list["Person"]] = relationship(
        back_populates="township", cascade="all, delete-orphan", order_by="Person.id")
    hiring_plans: Mapped[list["HiringPlan"]] = relationship(
        back_populates="township", cascade="all, delete-orphan", order_by="HiringPlan.id")
    pool_loans: Mapped[list["PoolLoan"]] = relationship(
        back_populates="township", cascade="all, delete-orphan", order_by="PoolLoan.id")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint("population >= 0", name="ck_township_population"),
        CheckConstraint("villages >= 0", name="ck_township_villages"),
    )


class Quota(QuotaFigures, Base):
    """核定编制 and 实有人数 of one township for one kind."""

    __tablename__ = "quota"

    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("township.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    approved: Mapped[int] = mapped_column(Integer, default=0)
    staff: Mapped[int] = mapped_column(Integer, default=0)
    leadership: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    township: Mapped[Township] = relationship(back_populates="quotas")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("township_id", "kind", name="uq_quota_township_kind"),
        CheckConstraint("kind in ('administrative','institutional','support')", name="ck_quota_kind"),
        CheckConstraint("approved >= 0 and staff >= 0 and leadership >= 0", name="ck_quota_nonnegative"),
    )


class Office(Base):
    """内设机构; its kind says which quota pool its duties draw on."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("township.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # 备岗机构: the office that stands in for this one (岗位AB岗); revision 0005_posts.
    backup_office_id: Mapped[int | None] = mapped_column(
        ForeignKey("office.id", ondelete="SET NULL", name="fk_office_backup_office"), nullable=True)

    township: Mapped[Township] = relationship(back_populates="offices")
    duties: Mapped[list["Duty"]] = relationship(
        back_populates="office", cascade="all, delete-orphan", order_by="Duty.position")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("township_id", "name", name="uq_office_township_name"),
        CheckConstraint("kind in ('administrative','institutional','support')", name="ck_office_kind"),
    )


class Duty(Base):
    """职责事项 / 政务服务事项 with its annual volume and standard time."""

    __tablename__ = "duty"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    annual_volume: Mapped[float] = mapped_column(Float, default=0.0)
    minutes_per_case: Mapped[float] = mapped_column(Float, default=0.0)
    fixed_hours: Mapped[float] = mapped_column(Float, default=0.0)
    needs_backup: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    office: Mapped[Office] = relationship(back_populates="duties")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("office_id", "name", name="uq_duty_office_name"),
        CheckConstraint("annual_volume >= 0 and minutes_per_case >= 0 and fixed_hours >= 0",
                        name="ck_duty_nonnegative"),
    )


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("township.id", ondelete="CASCADE"), index=True)
    office_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    quota_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str | None] = mapped_column(String(2), nullable=True)
    birth_month: Mapped[str | None] = mapped_column(String(7), nullable=True)     # YYYY-MM
    status: Mapped[str] = mapped_column(String(4), default="干部")
    leader: Mapped[bool] = mapped_column(Boolean, default=False)
    planned_leave: Mapped[str | None] = mapped_column(String(7), nullable=True)   # YYYY-MM
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    township: Mapped[Township] = relationship(back_populates="people")

    __mapper_args__ = {"version_id_col": version}


class HiringPlan(Base):
    """用编进人计划: planned and actual hires of one township, kind and year."""

    __tablename__ = "hiring_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("township.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    planned: Mapped[int] = mapped_column(Integer, default=0)
    hired: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    township: Mapped[Township] = relationship(back_populates="hiring_plans")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("township_id", "kind", "year", name="uq_hiring_township_kind_year"),
        CheckConstraint("kind in ('administrative','institutional','support')", name="ck_hiring_kind"),
        CheckConstraint("planned >= 0 and hired >= 0", name="ck_hiring_nonnegative"),
    )


class PoolLoan(Base):
    """Slots of the county's revolving pool lent to a township, with the months of the loan."""

    __tablename__ = "pool_loan"

    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("township.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    slots: Mapped[int] = mapped_column(Integer, default=0)
    start: Mapped[str] = mapped_column(String(7))       # YYYY-MM
    due: Mapped[str] = mapped_column(String(7))         # YYYY-MM
    returned: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    township: Mapped[Township] = relationship(back_populates="pool_loans")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint("kind in ('administrative','institutional','support')", name="ck_pool_loan_kind"),
        CheckConstraint("slots >= 0 and returned >= 0", name="ck_pool_loan_nonnegative"),
    )


class Scenario(Base):
    """A what-if: the baseline ledger plus its own changes (JSON), never a copy of the ledger."""

    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    changes_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    last_result_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    last_solved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class AppliedProposal(Base):
    """A proposal that was applied to the ledger, with what the ledger held before."""

    __tablename__ = "applied_proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    applied_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    applied_by: Mapped[str] = mapped_column(String(100), default="")
    scenario: Mapped[str] = mapped_column(String(200), default="")
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    result_json: Mapped[str] = mapped_column(Text, default="{}")
    before_json: Mapped[str] = mapped_column(Text, default="{}")
    reverted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The committee's decision the proposal was applied on (编委文件号 and its date, YYYY-MM-DD).
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[str | None] = mapped_column(String(10), nullable=True)


class AuditEntry(Base):
    """Who changed what, when: old → new, for ledger edits, imports and applied proposals."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp(), index=True)
    user: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_key: Mapped[str] = mapped_column(String(300), default="")
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)


class StandingRule(Base):
    """One rule of the standing checks (planner.domain.rules): a category band, a leadership-post
    standard or a limit on offices; "" where a rule has no category or kind."""

    __tablename__ = "standing_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    rule: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(10), default="")
    kind: Mapped[str] = mapped_column(String(20), default="")
    low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    high: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        UniqueConstraint("rule", "category", "kind", name="uq_standing_rule"),
        CheckConstraint("rule in ('band','leadership','offices')", name="ck_standing_rule_type"),
    )


class Post(Base):
    """岗位: a seat of an office held by one person (or vacant), with its A and B duties."""

    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("township.id", ondelete="CASCADE"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("office_id", "name", name="uq_post_office_name"),)


class PostDuty(Base):
    """A duty a post holds as A (主办) or backs up as B (备岗)."""

    __tablename__ = "post_duty"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    duty_id: Mapped[int] = mapped_column(ForeignKey("duty.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(1))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("post_id", "duty_id", "role", name="uq_post_duty_role"),
        CheckConstraint("role in ('A','B')", name="ck_post_duty_role"),
    )
