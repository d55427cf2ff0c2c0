"""r5_loop_b"""
from alembic import op

revision = "r5"
down_revision = "r4"


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    pass
