"""r4_loop_a"""
from alembic import op

revision = "r4"
down_revision = "r5"


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    pass
