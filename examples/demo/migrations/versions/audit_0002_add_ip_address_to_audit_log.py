"""add ip_address and created_at index to audit_log

Revision ID: audit_0002
Revises: audit_0001
Create Date: 2025-05-20 15:21:44.902631

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'audit_0002'
down_revision: Union[str, None] = 'audit_0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # 45 characters fits the longest textual IPv6 form (IPv4-mapped).
    op.add_column('audit_log', sa.Column('ip_address', sa.String(length=45), nullable=True))
    op.create_index('ix_audit_log_created_at', 'audit_log', ['created_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_log_created_at', table_name='audit_log')
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('ip_address')
