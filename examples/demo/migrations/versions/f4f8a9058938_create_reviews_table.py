"""create reviews table

Revision ID: f4f8a9058938
Revises: f4a63533f1d0
Create Date: 2025-02-17 13:26:49.310275

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f4f8a9058938'
down_revision = 'f4a63533f1d0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reviews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('book_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('rating', sa.SmallInteger(), nullable=False),
        sa.Column('body', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(['book_id'], ['books.id'], name='fk_reviews_book_id_books', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name='fk_reviews_user_id_users', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_reviews'),
        sa.UniqueConstraint('book_id', 'user_id', name='uq_reviews_book_id_user_id'),
    )


def downgrade() -> None:
    op.drop_table('reviews')
