"""Built-in rules, one module per rule; the registry imports every module here.

A rule module must not read the dictionary (reportlint.analysis.lexicon) or build a
shared analysis at import time: they are paid for only when a rule that needs
them runs. reportlint never imports jieba itself; its dictionary ships in
reportlint/data.
"""
