"""merge reviews and shop branches

Revision ID: 414c25a99cca
Revises: dd3913d2ad1e, b8e2d94c17a5
Create Date: 2025-03-04 10:20:33.596148

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '414c25a99cca'
down_revision: Union[str, Sequence[str], None] = ('dd3913d2ad1e', 'b8e2d94c17a5')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Merge point only: the reviews and shop features touched disjoint tables.
    pass


def downgrade() -> None:
    pass
