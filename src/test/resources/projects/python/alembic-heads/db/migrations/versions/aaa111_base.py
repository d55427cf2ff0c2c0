"""base

Revision ID: aaa111
"""
from alembic import op
import sqlalchemy as sa

revision = "aaa111"
down_revision = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("nickname", sa.String(80)),
    )


def downgrade():
    op.drop_table("users")
