"""create audit_log table

Revision ID: audit_0001
Revises:
Create Date: 2025-03-10 08:55:16.729384

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'audit_0001'
down_revision = None
branch_labels = ('audit',)
# audit_log.user_id references users.id, so the users table must exist
# first even though this branch has its own base.
depends_on = '0c0b52f6f7f0'


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=32), nullable=False),
        sa.Column('table_name', sa.String(length=64), nullable=False),
        sa.Column('row_pk', sa.String(length=64), nullable=True),
        sa.Column('details', sa.JSON(), nullable=True),
        sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name='fk_audit_log_user_id_users', ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name='pk_audit_log'),
    )
    op.create_index('ix_audit_log_table_name_row_pk', 'audit_log', ['table_name', 'row_pk'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_log_table_name_row_pk', table_name='audit_log')
    op.drop_table('audit_log')
