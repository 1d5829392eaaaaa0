#!/usr/bin/env python3
# -*- coding: utf-8 -*-
#
# Copyright 2015 Example Corp.
#
#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License.
#

"""kilo

Initial database for the Kilo release, squashed.

Create Date: 2015-04-30 12:00:00
"""

from alembic import op

revision = 'kilo'
down_revision = None
branch_labels = ('expand', 'contract')
depends_on = [
    '0003',
]


def upgrade():
    op.execute("SELECT 1")
