"""merge the billing and reporting heads
into one again

Revision ID: 27c6a30d7c24
Revises: ae1027a6acf, 1975ea83b712
Create Date: 2024-02-29 23:59:59.000001

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "27c6a30d7c24"
down_revision: Union[str, Sequence[str], None] = (
    "ae1027a6acf",  # billing
    # reporting, merged late:
    "1975ea83b712",
)
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
