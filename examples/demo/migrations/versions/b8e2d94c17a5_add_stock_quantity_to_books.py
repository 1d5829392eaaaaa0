"""add stock_quantity to books

Revision ID: b8e2d94c17a5
Revises: 97e5c30509b8
Create Date: 2025-03-03 11:08:52.119764

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b8e2d94c17a5'
down_revision = '97e5c30509b8'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'books',
        sa.Column('stock_quantity', sa.Integer(), server_default=sa.text('0'), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table('books') as batch_op:
        batch_op.drop_column('stock_quantity')
