"""ATL Reader: an offline reader for a medically reviewed summary about ATL."""

__version__ = "0.1.0"
APP_NAME = "ATL Reader"
APP_ID = "atl-reader"
