"""merge heads

Revision ID: 5e6f708192a3
Revises: 3c4d5e6f7081, 4d5e6f708192
Create Date: 2024-03-18 11:30:00.000000

"""
from typing import Sequence, Union


revision: str = "5e6f708192a3"
down_revision: Union[str, Sequence[str], None] = ("3c4d5e6f7081", "4d5e6f708192")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
