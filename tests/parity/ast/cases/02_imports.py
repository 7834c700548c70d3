import os
import os.path as osp, sys
from . import a
from .. import b as c
from ...pkg.mod import (x, y as z,)
from .mod import *
from __future__ import annotations
import a.b.c
