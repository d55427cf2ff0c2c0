"""r2_again"""
from alembic import op

revision = "r2"
down_revision = "r1"


def upgrade():
    op.execute("SELECT 1")


def downgrade():
    pass
