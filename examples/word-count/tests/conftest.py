import os
import sys

# Lets the tests import the pure-Python reference next to them.
sys.path.insert(0, os.path.dirname(__file__))
