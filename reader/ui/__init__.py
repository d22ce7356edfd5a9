"""The Qt shell: widgets that display what the core computes."""
