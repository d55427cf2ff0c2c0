"""items

Revision ID: a1
Revises:
"""
revision = "a1"
down_revision = None


def upgrade():
    pass


def downgrade():
    pass
