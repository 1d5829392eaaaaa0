"""create genres lookup table and seed it

Revision ID: 3188447a1e35
Revises: 5eec89a786ac
Create Date: 2025-04-02 09:12:47.871903

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '3188447a1e35'
down_revision: Union[str, None] = '5eec89a786ac'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


SEED_GENRES = [
    {'id': 1, 'slug': 'fiction', 'name': 'Fiction'},
    {'id': 2, 'slug': 'non-fiction', 'name': 'Non-fiction'},
    {'id': 3, 'slug': 'science-fiction', 'name': 'Science fiction'},
    {'id': 4, 'slug': 'fantasy', 'name': 'Fantasy'},
    {'id': 5, 'slug': 'mystery', 'name': 'Mystery & crime'},
    {'id': 6, 'slug': 'biography', 'name': 'Biography'},
    {'id': 7, 'slug': 'children', 'name': "Children's"},
    {'id': 8, 'slug': 'poetry', 'name': 'Poetry'},
]


def upgrade() -> None:
    genres = op.create_table(
        'genres',
        # fixed ids (no sequence): rows are seeded below and referenced by id
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('slug', sa.String(length=40), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_genres'),
        sa.UniqueConstraint('slug', name='uq_genres_slug'),
    )
    # data migration: seed the lookup table
    op.bulk_insert(genres, SEED_GENRES)

    with op.batch_alter_table('books') as batch_op:
        batch_op.add_column(sa.Column('genre_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            'fk_books_genre_id_genres', 'genres', ['genre_id'], ['id']
        )
        batch_op.create_index('ix_books_genre_id', ['genre_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('books') as batch_op:
        batch_op.drop_index('ix_books_genre_id')
        batch_op.drop_constraint('fk_books_genre_id_genres', type_='foreignkey')
        batch_op.drop_column('genre_id')
    # dropping the table also discards the seeded rows
    op.drop_table('genres')
