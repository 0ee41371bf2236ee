"""The window: Qt only. Widgets call ``casefile.services``; they never write SQL."""
