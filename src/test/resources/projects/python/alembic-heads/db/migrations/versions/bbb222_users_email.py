"""users email

Revision ID: bbb222
"""
from alembic import op
import sqlalchemy as sa

revision = "bbb222"
down_revision = "aaa111"


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(120), nullable=True))
        batch_op.alter_column("nickname", existing_type=sa.String(80), type_=sa.String(40))
        batch_op.create_unique_constraint("uq_users_email", ["email"])


def downgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint("uq_users_email", type_="unique")
        batch_op.alter_column("nickname", existing_type=sa.String(40), type_=sa.String(80))
        batch_op.drop_column("email")
