"""change books.price to Numeric(10, 2)

Revision ID: 09360dc33310
Revises: 72162e8679fa
Create Date: 2025-05-06 12:39:58.205117

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '09360dc33310'
down_revision: Union[str, None] = '72162e8679fa'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Floats were producing prices like 12.989999999; store exact cents.
    with op.batch_alter_table('books') as batch_op:
        batch_op.alter_column(
            'price',
            existing_type=sa.Float(),
            type_=sa.Numeric(precision=10, scale=2),
            existing_nullable=True,
        )


def downgrade() -> None:
    with op.batch_alter_table('books') as batch_op:
        batch_op.alter_column(
            'price',
            existing_type=sa.Numeric(precision=10, scale=2),
            type_=sa.Float(),
            existing_nullable=True,
        )
