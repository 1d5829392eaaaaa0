"""create loans table

Revision ID: 11eb52bd3a8d
Revises: dd57b4ea3f6f
Create Date: 2025-02-03 16:45:12.004873

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '11eb52bd3a8d'
down_revision = 'dd57b4ea3f6f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # On PostgreSQL this also emits CREATE TYPE loan_status AS ENUM (...).
    # Other backends get a VARCHAR column.
    op.create_table(
        'loans',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('book_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column(
            'status',
            sa.Enum('active', 'returned', 'overdue', name='loan_status'),
            server_default='active',
            nullable=False,
        ),
        sa.Column('loaned_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column('due_at', sa.DateTime(), nullable=False),
        sa.Column('returned_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['book_id'], ['books.id'], name='fk_loans_book_id_books'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name='fk_loans_user_id_users'),
        sa.PrimaryKeyConstraint('id', name='pk_loans'),
    )
    op.create_index('ix_loans_user_id', 'loans', ['user_id'], unique=False)
    op.create_index('ix_loans_status_due_at', 'loans', ['status', 'due_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_loans_status_due_at', table_name='loans')
    op.drop_index('ix_loans_user_id', table_name='loans')
    op.drop_table('loans')
    # drop_table() does not drop the enum type it implicitly created
    if op.get_context().dialect.name == 'postgresql':
        op.execute('DROP TYPE loan_status')
