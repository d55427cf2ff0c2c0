"""create invoices"""
from alembic import op
import sqlalchemy as sa

revision = "a1b2c3d4e5f6"
down_revision = None


def upgrade():
    op.create_table("invoices", sa.Column("id", sa.BigInteger, primary_key=True))


def downgrade():
    op.drop_table("invoices")
