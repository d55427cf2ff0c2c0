"""r3_orphan"""
from alembic import op

revision = "r3"
down_revision = "gone99"


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    pass
