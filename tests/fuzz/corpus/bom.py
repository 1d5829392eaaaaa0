# -*- coding: utf-8 -*-
"""bom"""
revision: str = u"b1"
down_revision: Union[str, None] = None
