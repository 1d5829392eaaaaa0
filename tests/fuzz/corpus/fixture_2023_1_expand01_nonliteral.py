"""expand: values computed at import time

"""
from neutron_lib.db import migration

revision = "2023_1_expand01"
down_revision = get_previous_revision()
branch_labels = (migration.EXPAND_BRANCH,)
depends_on = f"{revision}_contract"
