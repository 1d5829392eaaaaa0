"""drop legacy books.shelf_code column

Revision ID: 72162e8679fa
Revises: 3188447a1e35
Create Date: 2025-04-22 16:05:29.440618

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '72162e8679fa'
down_revision: Union[str, None] = '3188447a1e35'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


# DESTRUCTIVE: shelf locations moved to the warehouse system in March.
# Upgrading discards every books.shelf_code value; downgrade() re-creates
# the column and its index but the old values are NOT restored.


def upgrade() -> None:
    with op.batch_alter_table('books') as batch_op:
        batch_op.drop_index('ix_books_shelf_code')
        batch_op.drop_column('shelf_code')


def downgrade() -> None:
    with op.batch_alter_table('books') as batch_op:
        batch_op.add_column(sa.Column('shelf_code', sa.String(length=16), nullable=True))
        batch_op.create_index('ix_books_shelf_code', ['shelf_code'], unique=False)
