"""backfill order status

Revision ID: 6f708192a3b4
Revises: 5e6f708192a3
Create Date: 2024-04-02 16:45:00.000000

"""
from alembic import op


revision = "6f708192a3b4"
down_revision = "5e6f708192a3"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE orders SET status = 'paid'")


def downgrade():
    pass
