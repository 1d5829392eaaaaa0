"""create order_items table

Revision ID: 97e5c30509b8
Revises: 3394463073c0
Create Date: 2025-02-26 17:31:05.842310

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '97e5c30509b8'
down_revision = '3394463073c0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'order_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('book_id', sa.Integer(), nullable=False),
        sa.Column('quantity', sa.Integer(), server_default=sa.text('1'), nullable=False),
        sa.Column('unit_price_cents', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['book_id'], ['books.id'], name='fk_order_items_book_id_books'),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name='fk_order_items_order_id_orders', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_order_items'),
    )
    op.create_index('ix_order_items_order_id', 'order_items', ['order_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_order_items_order_id', table_name='order_items')
    op.drop_table('order_items')
