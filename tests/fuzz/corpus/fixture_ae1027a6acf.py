"""add a column (a legacy file from Alembic 0.1: no revision variable)

"""
from alembic import op
import sqlalchemy as sa

down_revision = '1975ea83b712'


def upgrade():
    op.add_column('account', sa.Column('last_transaction_date', sa.DateTime))


def downgrade():
    op.drop_column('account', 'last_transaction_date')
