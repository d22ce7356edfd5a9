"""The main window and the components it wires: navigation, appearance, search, commands."""
