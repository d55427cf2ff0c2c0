"""create products

Revision ID: 3f1c2a9b7d10
Revises:
Create Date: 2024-01-10 09:12:44.120000
"""
from alembic import op
import sqlalchemy as sa

revision = "3f1c2a9b7d10"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("products")
