"""An open case's panes: the navigator, the paged list, the history, and what the window remembers of them."""
