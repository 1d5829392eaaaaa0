"""create authors and books tables

Revision ID: 6f4c88afc42c
Revises: 0c0b52f6f7f0
Create Date: 2025-01-15 14:02:55.930411

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6f4c88afc42c'
down_revision = '0c0b52f6f7f0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'authors',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('bio', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id', name='pk_authors'),
    )
    op.create_index('ix_authors_name', 'authors', ['name'], unique=False)

    op.create_table(
        'books',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('isbn', sa.String(length=13), nullable=True),
        sa.Column('author_id', sa.Integer(), nullable=False),
        sa.Column('price', sa.Float(), nullable=True),
        # Physical shelf location from the old spreadsheet; superseded later.
        sa.Column('shelf_code', sa.String(length=16), nullable=True),
        sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['authors.id'], name='fk_books_author_id_authors'),
        sa.PrimaryKeyConstraint('id', name='pk_books'),
        sa.UniqueConstraint('isbn', name='uq_books_isbn'),
    )
    op.create_index('ix_books_author_id', 'books', ['author_id'], unique=False)
    op.create_index('ix_books_shelf_code', 'books', ['shelf_code'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_books_shelf_code', table_name='books')
    op.drop_index('ix_books_author_id', table_name='books')
    op.drop_table('books')
    op.drop_index('ix_authors_name', table_name='authors')
    op.drop_table('authors')
