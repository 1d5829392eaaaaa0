# -*- coding: latin-1 -*-
"""Café crème brûlée

Revision ID: latin1
Create Date: 2019-07-14 14:07:00
"""
revision = "latin1"
down_revision = None
branch_labels = ("été",)
