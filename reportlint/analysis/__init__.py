"""What the rules share about a document: figures, copies, topics, words, punctuation."""
