"""invoice due date"""
from alembic import op
import sqlalchemy as sa

revision = "b7c8d9e0f1a2"
down_revision = "a1b2c3d4e5f6"


def upgrade():
    op.add_column("invoices", sa.Column("due_date", sa.Date(), nullable=True))


def downgrade():
    op.drop_column("invoices", "due_date")
