"""no revision variable, and the file name is not a hexadecimal revision id

"""
down_revision = None
