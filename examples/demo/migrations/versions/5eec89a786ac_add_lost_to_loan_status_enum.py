"""add lost to loan_status enum

Revision ID: 5eec89a786ac
Revises: 414c25a99cca
Create Date: 2025-03-18 14:47:21.038556

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5eec89a786ac'
down_revision: Union[str, None] = '414c25a99cca'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


OLD_VALUES = ('active', 'returned', 'overdue')
NEW_VALUES = OLD_VALUES + ('lost',)

old_status = sa.Enum(*OLD_VALUES, name='loan_status')
new_status = sa.Enum(*NEW_VALUES, name='loan_status')


def upgrade() -> None:
    if op.get_context().dialect.name == 'postgresql':
        # ALTER TYPE ... ADD VALUE cannot be used inside a transaction block
        # before PostgreSQL 12, and even on 12+ the new value is not usable
        # until the transaction commits. Run it outside the migration's
        # transaction (offline this renders as COMMIT; ...; BEGIN;).
        with op.get_context().autocommit_block():
            op.execute("ALTER TYPE loan_status ADD VALUE IF NOT EXISTS 'lost'")
    else:
        # Non-native enum (VARCHAR, possibly with a CHECK) or MySQL ENUM:
        # re-declare the column type. Batch mode makes this work on SQLite.
        with op.batch_alter_table('loans') as batch_op:
            batch_op.alter_column(
                'status',
                existing_type=old_status,
                type_=new_status,
                existing_nullable=False,
                existing_server_default='active',
            )


def downgrade() -> None:
    # Enum values cannot be removed in place, so first move rows off the
    # value that is going away, then rebuild the type without it.
    op.execute("UPDATE loans SET status = 'overdue' WHERE status = 'lost'")

    if op.get_context().dialect.name == 'postgresql':
        op.execute("ALTER TYPE loan_status RENAME TO loan_status_old")
        op.execute("CREATE TYPE loan_status AS ENUM ('active', 'returned', 'overdue')")
        # the column default is typed as the old enum and would block the cast
        op.execute("ALTER TABLE loans ALTER COLUMN status DROP DEFAULT")
        op.execute(
            "ALTER TABLE loans ALTER COLUMN status TYPE loan_status "
            "USING status::text::loan_status"
        )
        op.execute("ALTER TABLE loans ALTER COLUMN status SET DEFAULT 'active'")
        op.execute("DROP TYPE loan_status_old")
    else:
        with op.batch_alter_table('loans') as batch_op:
            batch_op.alter_column(
                'status',
                existing_type=new_status,
                type_=old_status,
                existing_nullable=False,
                existing_server_default='active',
            )
