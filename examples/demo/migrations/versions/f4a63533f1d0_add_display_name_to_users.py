"""add display_name to users and backfill

Revision ID: f4a63533f1d0
Revises: 11eb52bd3a8d
Create Date: 2025-02-10 10:03:38.771520

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f4a63533f1d0'
down_revision = '11eb52bd3a8d'
branch_labels = None
depends_on = None


# Lightweight table stub for the data migration -- never import app models
# from a migration, they change over time.
users = sa.table(
    'users',
    sa.column('id', sa.Integer),
    sa.column('username', sa.String),
    sa.column('display_name', sa.String),
)


def upgrade() -> None:
    # 1. add the column as nullable so existing rows are accepted
    op.add_column('users', sa.Column('display_name', sa.String(length=120), nullable=True))

    # 2. data migration: backfill every existing user from their username
    op.execute(
        users.update()
        .where(users.c.display_name.is_(None))
        .values(display_name=users.c.username)
    )

    # 3. now that every row has a value, tighten to NOT NULL
    with op.batch_alter_table('users') as batch_op:
        batch_op.alter_column(
            'display_name',
            existing_type=sa.String(length=120),
            nullable=False,
        )


def downgrade() -> None:
    # display_name is derived data (backfilled from username), so dropping
    # it loses nothing that upgrade() cannot rebuild.
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('display_name')
