"""add publisher and published_year to books

Revision ID: dd57b4ea3f6f
Revises: 6f4c88afc42c
Create Date: 2025-01-22 11:17:03.548209

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'dd57b4ea3f6f'
down_revision = '6f4c88afc42c'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('books', sa.Column('publisher', sa.String(length=200), nullable=True))
    op.add_column('books', sa.Column('published_year', sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    # batch mode so that SQLite (which recreates the table) is supported too
    with op.batch_alter_table('books') as batch_op:
        batch_op.drop_column('published_year')
        batch_op.drop_column('publisher')
