"""add product price

Revision ID: 8e4d0c1b2a33
Revises: 3f1c2a9b7d10
Create Date: 2024-01-22 16:40:02.510000
"""
from alembic import op
import sqlalchemy as sa

revision = "8e4d0c1b2a33"
down_revision = "3f1c2a9b7d10"


def upgrade() -> None:
    op.add_column("products", sa.Column("price", sa.Numeric(10, 2), nullable=True))


def downgrade() -> None:
    op.drop_column("products", "price")
