"""Reading a document: bytes to text, text to paragraphs and what kind each is."""
