"""create orders table

Revision ID: 3394463073c0
Revises: f4a63533f1d0
Create Date: 2025-02-18 15:12:40.285913

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3394463073c0'
down_revision = 'f4a63533f1d0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'orders',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=20), server_default='pending', nullable=False),
        sa.Column('total_cents', sa.Integer(), server_default=sa.text('0'), nullable=False),
        sa.Column('placed_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name='fk_orders_user_id_users'),
        sa.PrimaryKeyConstraint('id', name='pk_orders'),
    )
    op.create_index('ix_orders_user_id', 'orders', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_orders_user_id', table_name='orders')
    op.drop_table('orders')
