"""What a documenter does, as plain functions over a Case. No Qt: the window
and the command line both call these."""
