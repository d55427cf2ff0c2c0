"""narrow customer name

Revision ID: 3c4d5e6f7081
Revises: 2b3c4d5e6f70
Create Date: 2024-03-15 14:22:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "3c4d5e6f7081"
down_revision = "2b3c4d5e6f70"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column(
        "customers",
        "name",
        existing_type=sa.String(length=255),
        type_=sa.String(length=100),
        existing_nullable=False,
    )
    op.create_index("ix_customers_name", "customers", ["name"])


def downgrade():
    op.drop_index("ix_customers_name", table_name="customers")
    op.alter_column(
        "customers",
        "name",
        existing_type=sa.String(length=100),
        type_=sa.String(length=255),
        existing_nullable=False,
    )
