import os
import os.path as p
from sys import argv, path as pp
from . import m
