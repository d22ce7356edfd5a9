"""Full-text search over a pack: SQLite FTS5 ranking, one tokenizer for all (no Qt)."""

from reader.search.index import Hit, SearchIndex, SearchResult
from reader.search.query import Query, parse_query

__all__ = ["Hit", "Query", "SearchIndex", "SearchResult", "parse_query"]
