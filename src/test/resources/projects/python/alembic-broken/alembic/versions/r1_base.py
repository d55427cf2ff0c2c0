"""r1_base"""
from alembic import op

revision = "r1"
down_revision = None


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    pass
