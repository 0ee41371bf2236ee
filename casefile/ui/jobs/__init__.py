"""The window's child processes (``workers.ProcessJob``): long work that holds
the GIL, run outside the window. No Qt widgets here, nor in this package's
import: a child starts without them."""
