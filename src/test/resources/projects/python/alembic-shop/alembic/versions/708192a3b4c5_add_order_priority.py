"""add order priority

Revision ID: 708192a3b4c5
Revises: 6f708192a3b4
Create Date: 2024-04-10 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "708192a3b4c5"
down_revision = "6f708192a3b4"
branch_labels = None
depends_on = None

TABLE = "orders"


def upgrade():
    op.add_column(TABLE, sa.Column("priority", sa.SmallInteger(), server_default="0", nullable=False))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    op.create_foreign_key(
        "fk_orders_customer_tenant", TABLE, "customers", ["customer_id"], ["id"], ondelete="RESTRICT"
    )


def downgrade():
    op.drop_constraint("fk_orders_customer_tenant", TABLE, type_="foreignkey")
    op.drop_column(TABLE, "priority")
