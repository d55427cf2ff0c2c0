"""users age (made on another branch)

Revision ID: ccc333
"""
from alembic import op
import sqlalchemy as sa

revision = "ccc333"
down_revision = "aaa111"


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("age", sa.Integer()))
        batch_op.create_index("ix_users_age", ["age"])


def downgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_index("ix_users_age")
        batch_op.drop_column("age")
