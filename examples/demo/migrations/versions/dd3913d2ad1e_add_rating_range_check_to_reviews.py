"""add rating range check to reviews

Revision ID: dd3913d2ad1e
Revises: f4f8a9058938
Create Date: 2025-02-24 09:58:14.667092

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'dd3913d2ad1e'
down_revision = 'f4f8a9058938'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Clamp anything the beta UI let through before adding the constraint.
    op.execute("UPDATE reviews SET rating = 1 WHERE rating < 1")
    op.execute("UPDATE reviews SET rating = 5 WHERE rating > 5")
    with op.batch_alter_table('reviews') as batch_op:
        batch_op.create_check_constraint(
            'ck_reviews_rating_range',
            'rating BETWEEN 1 AND 5',
        )


def downgrade() -> None:
    with op.batch_alter_table('reviews') as batch_op:
        batch_op.drop_constraint('ck_reviews_rating_range', type_='check')
