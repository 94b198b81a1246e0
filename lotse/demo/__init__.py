"""Demo data (invented, marked "Demo") and demo accounts, loaded on top of the initial content.

Installed only by the dev and test settings (`make run`, `make demo`, the test suite); production
settings do not install it, so `load_demo` does not exist there.
"""
