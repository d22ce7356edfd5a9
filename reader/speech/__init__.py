"""Read aloud without Qt: what is said, in what order, and where each sentence and word is on the page."""
