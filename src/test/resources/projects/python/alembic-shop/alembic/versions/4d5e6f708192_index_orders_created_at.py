"""index orders.created_at concurrently

Revision ID: 4d5e6f708192
Revises: 2b3c4d5e6f70
Create Date: 2024-03-16 08:00:00.000000

"""
from alembic import op


revision = "4d5e6f708192"
down_revision = "2b3c4d5e6f70"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_orders_created_at",
            "orders",
            ["created_at"],
            postgresql_concurrently=True,
            if_not_exists=True,
        )


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_orders_created_at", table_name="orders", postgresql_concurrently=True)
