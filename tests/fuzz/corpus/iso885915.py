# vim: set fileencoding=iso-8859-15 :
"""€"""
revision = "b1"
down_revision = None
