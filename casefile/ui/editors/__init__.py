"""The editor pane's widgets: a record's fields, its links, the picker and the source reader."""
